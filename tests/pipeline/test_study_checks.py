"""A study folder and the checks before any work: `python -m analysis init`, then `run` stopping
on bad input with one line per problem (every bad file, every undeclared side, a missing or
malformed resources folder), exit status 2 and no traceback."""

from __future__ import annotations

import yaml

from analysis.core.study import init_study, read_study
from analysis.pipeline.checks import check_inputs, corpus_problems, resource_problems, side_problems

from conftest import PARTIES, run_cli


def _bad_corpus(folder):
    folder.mkdir()
    (folder / "a.md").write_text("", encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01binary")
    (folder / "c.md").write_text("---\nkind: [x\n---\nText.\n", encoding="utf-8")
    return folder


def test_init_scaffolds_a_study_that_parses(tmp_path):
    study = tmp_path / "climate"
    r = run_cli("init", str(study), "--sides", "Greens,Blues", "--question", "Who speaks about rivers?")
    assert r.returncode == 0, r.stderr
    assert (study / "corpus").is_dir()
    for name in ("study.yaml", "sides.yaml", "actors.yaml", "frames.yaml", "topic_terms.txt"):
        text = (study / "resources" / name).read_text(encoding="utf-8")
        assert text.startswith("#"), name  # a commented template
    s = read_study(study / "resources")
    assert s["sides"] == ["Greens", "Blues"] and s["question"] == "Who speaks about rivers?"
    assert resource_problems(study / "resources") == []
    assert side_problems(["Greens", "Blues"], study / "resources") == []
    assert yaml.safe_load((study / "resources" / "actors.yaml").read_text())["actors"] == []


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "x.txt").write_text("keep me", encoding="utf-8")
    r = run_cli("init", str(tmp_path))
    assert r.returncode == 2 and r.stderr.startswith("error: ") and "not empty" in r.stderr
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == "keep me"


def test_every_bad_file_is_named_on_its_own_line(tmp_path):
    bad = _bad_corpus(tmp_path / "bad")
    problems = corpus_problems(bad)
    assert [p.split(":")[0] for p in problems] == [str(bad / n) for n in ("a.md", "b.txt", "c.md")]
    r = run_cli("run", "--corpus", str(bad), "--sides", "US,Russia", "--out", str(tmp_path / "out"))
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 2 and len(lines) == 3 and all(ln.startswith("error: ") for ln in lines)
    assert "Traceback" not in r.stderr and not (tmp_path / "out").exists()
    r = run_cli("build", "--corpus", str(bad), "--out", str(tmp_path / "built"))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 3


def test_undeclared_sides_and_missing_resources_stop_the_run(tmp_path):
    r = run_cli(
        "run",
        "--corpus",
        str(PARTIES),
        "--sides",
        "Lantern,Narnia",
        "--resources",
        str(PARTIES / "resources"),
        "--out",
        str(tmp_path / "o"),
    )
    assert r.returncode == 2
    assert r.stderr.strip().splitlines() == [
        "error: --sides: 'Narnia' is not a side declared in tests/corpora/parties/resources/sides.yaml (declared: Lantern, Meadow)"
    ]
    r = run_cli(
        "run", "--corpus", str(PARTIES), "--sides", "US,Russia", "--resources", str(tmp_path / "nonexistent"), "--out", str(tmp_path / "o")
    )
    assert r.returncode == 2 and r.stderr.strip().splitlines() == [f"error: {tmp_path / 'nonexistent'}: resources folder not found"]
    assert not (tmp_path / "o").exists()


def test_a_malformed_resource_file_is_named(tmp_path):
    res = tmp_path / "res"
    res.mkdir()
    (res / "sides.yaml").write_text("sides:\n  - {name: X}\n", encoding="utf-8")
    (res / "study.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    problems = resource_problems(res)
    assert len(problems) == 2
    assert problems[0].startswith(f"{res / 'sides.yaml'}: sides[0]: missing 'side'")
    assert problems[1].startswith(f"{res / 'study.yaml'}: invalid YAML (line 2)")


def test_a_good_study_passes(tmp_path):
    study = tmp_path / "s"
    init_study(study, sides=("Lantern", "Meadow"))
    (study / "corpus" / "a.md").write_text("---\nkind: news\noutlet: Lamp\n---\nVarro spoke.\n", encoding="utf-8")
    assert check_inputs(study / "corpus", ("Lantern", "Meadow"), study / "resources") is None


def test_the_seed_title_belongs_to_the_seed_corpus_only(tmp_path, monkeypatch):
    """`run --corpus OTHER --sides US,Russia` without a study folder: no seed title or question in the notebooks."""
    from analysis.core.study import CORPUS_ENV, SEED_CORPUS
    from analysis.notebook.limits import about

    monkeypatch.delenv("ANALYSIS_RESOURCES", raising=False)
    seed = read_study()
    assert seed["path"] is not None and seed["question"]
    monkeypatch.setenv(CORPUS_ENV, str(SEED_CORPUS))
    assert read_study()["title"] == seed["title"]
    monkeypatch.setenv(CORPUS_ENV, str(tmp_path / "readouts"))
    other = read_study()
    assert other["title"] == "readouts" and other["question"] == "" and other["path"] is None
    assert other["sides"] == seed["sides"]  # the shipped default sides stay
    processed = tmp_path / "processed"
    processed.mkdir()
    import pandas as pd

    from analysis.core.store import write_table

    docs = pd.DataFrame({"doc_id": ["d1"], "title": ["t"], "date": [None], "kind": ["news"], "side": [None], "body": ["Text."]})
    write_table(docs, processed, "documents")
    text = about(processed, ["US", "Russia"], "01_corpus.ipynb").data
    assert seed["title"] not in text and seed["question"] not in text
    assert text.startswith("**Study: US and Russia.** How do US and Russia differ in who speaks")
