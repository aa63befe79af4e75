"""The build command: Parquet tables + manifest, one-line errors, atomic outputs, raw data never written."""

import hashlib
import json
from pathlib import Path

import pandas as pd
import pytest

from conftest import RAW, run_cli


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def built(tmp_path: Path):
    """A corpus with two good documents, built once into out/."""
    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / "a.txt").write_text("HEADLINE\nThe U.S. and Russia met. Rubio spoke.\n", encoding="utf-8")
    (raw / "b.md").write_text("---\ndoc_id: mfa\nkind: readout\nside: Russia\n---\nThe ministers met.\n", encoding="utf-8")
    r = run_cli("build", "--corpus", str(raw), "--out", str(out), "--no-progress")
    assert r.returncode == 0, r.stderr
    return raw, out


def test_build_writes_tables_and_manifest(built):
    raw, out = built
    docs = pd.read_parquet(out / "documents.parquet")
    assert docs["doc_id"].tolist() == ["a", "mfa"]
    sents = pd.read_parquet(out / "sentences.parquet")
    bodies = dict(zip(docs["doc_id"], docs["body"]))
    assert all(bodies[d][s:e] == t for d, s, e, t in zip(sents["doc_id"], sents["start"], sents["end"], sents["text"]))
    m = json.loads((out / "manifest.json").read_text())
    assert set(m["inputs"]) == {"a.txt", "b.md"}
    assert m["inputs"]["a.txt"] == hashlib.sha256((raw / "a.txt").read_bytes()).hexdigest()
    assert "abbreviations.txt" in m["resources"] and "pandas" in m["packages"] and "nltk" in m["packages"]
    assert m["command"].startswith("python -m analysis build")


def test_rebuild_is_byte_identical(built, tmp_path: Path):
    raw, out = built
    before = snapshot(out)
    assert run_cli("build", "--corpus", str(raw), "--out", str(out), "--no-progress").returncode == 0
    assert snapshot(out) == before


BAD = {
    "empty": (b"", "empty file"),
    "binary": (bytes(range(256)) * 4, "binary file"),
    "latin1": ("Caf\u00e9 in Riyadh".encode("latin-1"), "not valid UTF-8"),
    "yaml": (b"---\ndoc_id: [x\n---\nBody text.", "invalid YAML front matter"),
    "kind": (b"---\nkind: blogpost\n---\nBody text.", "unknown kind"),
    "duplicate": (b"---\ndoc_id: a\n---\nSame id as a.txt.", "duplicate doc_id"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_one_line_error_keeps_outputs_and_raw(built, case):
    raw, out = built
    data, problem = BAD[case]
    bad = raw / f"zz_{case}.txt"
    bad.write_bytes(data)
    raw_before, out_before = snapshot(raw), snapshot(out)
    r = run_cli("build", "--corpus", str(raw), "--out", str(out), "--no-progress")
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("error: ") and bad.name in lines[0] and problem in lines[0]
    assert "Traceback" not in r.stderr + r.stdout
    assert snapshot(raw) == raw_before
    assert snapshot(out) == out_before
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_missing_corpus_folder_is_a_clean_error(tmp_path: Path):
    r = run_cli("build", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert r.returncode == 2 and "corpus folder not found" in r.stderr and "Traceback" not in r.stderr


def test_help_explains_every_command():
    r = run_cli("--help")
    assert r.returncode == 0
    for command in ("build", "notebooks"):
        assert command in r.stdout
    assert run_cli("build", "--help").returncode == 0


def test_project_raw_data_is_only_read(tmp_path: Path):
    before = snapshot(RAW)
    assert run_cli("build", "--corpus", str(RAW), "--out", str(tmp_path / "o"), "--no-progress").returncode == 0
    assert snapshot(RAW) == before
