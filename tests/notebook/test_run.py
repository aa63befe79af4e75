"""`python -m analysis run`: the whole notebook suite on a second corpus (hand-written US and China readouts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.notebook.run import _check_out, numbered_notebooks, parse_sides

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpora" / "us_china"
# Antony Blinken is not in the shipped registry: the run adds him through a resources override.
BLINKEN = (
    "  - {id: antony-blinken, name: Antony Blinken, kind: person, side: US, role: Secretary of State,"
    " organisation: State Department, gender: male,\n     aliases: [Blinken, Tony Blinken]}\n"
)


def test_parse_sides():
    assert parse_sides("US,China") == ("US", "China")
    for bad in ("US", "US,US", "US,,China", ",China"):
        with pytest.raises(ValueError):
            parse_sides(bad)


def test_refuses_the_committed_folders(tmp_path):
    for rel in ("", "notebooks", "data/processed", "reports/figures", "data/processed/x"):
        with pytest.raises(ValueError):
            _check_out(ROOT / rel)
    _check_out(tmp_path / "out")


@pytest.fixture(scope="module")
def suite_run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("run")
    res = tmp / "resources"
    res.mkdir()
    shipped = (ROOT / "analysis" / "resources" / "actors.yaml").read_text(encoding="utf-8")
    (res / "actors.yaml").write_text(shipped.rstrip("\n") + "\n" + BLINKEN, encoding="utf-8")
    out = tmp / "out"
    env = dict(os.environ, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0")
    env.pop("ANALYSIS_RESOURCES", None)
    env.pop("MPLBACKEND", None)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "run",
            "--corpus",
            str(CORPUS),
            "--sides",
            "US,China",
            "--out",
            str(out),
            "--resources",
            str(res),
            "--groups",
            "kind=readout,news",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=1800,
    )
    return proc, out


def test_run_executes_every_notebook_on_the_second_corpus(suite_run):
    proc, out = suite_run
    assert proc.returncode == 0, proc.stderr[-3000:]
    expected = [p.name for p in numbered_notebooks()]
    assert sorted(p.name for p in (out / "notebooks").glob("*.ipynb")) == expected
    for name in expected:
        nb = json.loads((out / "notebooks" / name).read_text(encoding="utf-8"))
        injected = [c for c in nb["cells"] if "injected-parameters" in c.get("metadata", {}).get("tags", [])]
        assert injected, f"{name}: no injected parameters"
        src = "".join(injected[0]["source"])
        assert str(out) in src
        if "side_b" in src:
            assert '"China"' in src
        errors = [o for c in nb["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert not errors, f"{name}: {errors[:1]}"


def test_run_writes_its_own_tables_and_figures(suite_run):
    proc, out = suite_run
    assert proc.returncode == 0, proc.stderr[-3000:]
    manifest = json.loads((out / "processed" / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(manifest["inputs"]) == ["china_readout.md", "news.md", "us_readout.md"]
    figures = {p.name for p in (out / "figures").iterdir()}
    assert {"05_first_mentions.png", "05_first_mentions.svg", "05_voice.pdf"} <= figures
    for nb in numbered_notebooks():
        prefix = nb.name[:3]
        assert any(f.startswith(prefix) for f in figures) or prefix == "02_", f"no figure from {nb.name}"
    import pandas as pd

    emph = pd.read_parquet(out / "processed" / "emphasis.parquet")
    assert {"US", "China"} <= set(emph.loc[emph["level"] == "side", "side"])
    # the readouts are measured directly, at document level, with their issuing side
    readouts = emph.loc[(emph["level"] == "document") & (emph["kind"] == "readout")]
    assert set(readouts["side"]) == {"US", "China"}
    actors = pd.read_parquet(out / "processed" / "actors.parquet")
    assert "Antony Blinken" in set(actors["actor"])
    # both sides have readouts: the by-side tables are saved per view, own words and reported words apart
    from analysis.core.schema import SAVED_BY_VIEW, schema_problems

    for name in [*SAVED_BY_VIEW, "frame_share_comparison"]:
        table = pd.read_parquet(out / "processed" / f"{name}.parquet")
        assert schema_problems(table, name) == [], name
    by_side = pd.read_parquet(out / "processed" / "sentiment_by_side.parquet")
    own = by_side.loc[(by_side["view"] == "own") & ~by_side["masked"]].set_index("group")["n"]
    assert list(dict.fromkeys(by_side["view"])) == ["own", "reported"] and own["US"] > 0 and own["China"] > 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--groups", "side=US"], "--groups"),
        (["--codebook", "no_such_codebook"], "--codebook"),
        (["--groups", "country=US,China"], "no field 'country'"),
    ],
)
def test_bad_groups_or_codebook_is_one_line(tmp_path, extra, message):
    proc = subprocess.run(
        [sys.executable, "-m", "analysis", "run", "--corpus", str(CORPUS), "--sides", "US,China", "--out", str(tmp_path / "out"), *extra],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and message in proc.stderr, proc.stderr
    assert not (tmp_path / "out" / "notebooks").exists() or not list((tmp_path / "out" / "notebooks").iterdir())


def test_run_shows_the_groups_of_documents_reading(suite_run):
    """With --groups, notebooks 04 and 06 display the group comparison (a reading inside an if block must be displayed)."""
    proc, out = suite_run
    assert proc.returncode == 0, proc.stderr[-3000:]
    for name in ("04_framing.ipynb", "06_comparison.ipynb"):
        nb = json.loads((out / "notebooks" / name).read_text(encoding="utf-8"))
        shown = [
            "".join(o["data"]["text/markdown"])
            for c in nb["cells"]
            if c["cell_type"] == "code" and "groups_reading" in "".join(c["source"])
            for o in c.get("outputs", [])
            if "text/markdown" in o.get("data", {})
        ]
        assert shown and "readout" in shown[0] and "news" in shown[0] and "frame used" in shown[0], name
