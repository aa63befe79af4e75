"""The `parties` test corpus: two invented non-country sides over two years (tests/corpora/make_parties.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpora" / "parties"


def _generator():
    spec = importlib.util.spec_from_file_location("make_parties", ROOT / "tests" / "corpora" / "make_parties.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_committed_files_are_the_generator_output():
    docs = _generator().documents()
    assert docs == _generator().documents()  # deterministic
    assert sorted(docs) == sorted(p.name for p in CORPUS.glob("*.md"))
    for name, text in docs.items():
        assert (CORPUS / name).read_text(encoding="utf-8") == text, f"{name}: run python tests/corpora/make_parties.py"


def test_builds_with_both_sides_speaking(parties_tables):
    docs = pd.read_parquet(parties_tables / "documents.parquet")
    assert len(docs) >= 40 and set(docs["kind"]) == {"news", "statement"}
    dated = docs["date"].dropna()
    assert dated.min() < "2023-02-01" and dated.max() > "2024-11-30"
    assert docs["date"].isna().sum() == 3
    st = pd.read_parquet(parties_tables / "statements.parquet")
    for side in ("Lantern", "Meadow"):
        mine = st[st["side"] == side]
        assert set(mine["origin"]) >= {"readout", "claim"}, side  # own statements and reported words
        assert mine["doc_id"].nunique() > 20
    assert st["side"].isna().any()  # the commentator has no side
    actors = pd.read_parquet(parties_tables / "actors.parquet")
    groups = actors[actors["actor"].isin(["Lantern Party", "Meadow Alliance"])]
    assert set(groups["kind"]) == {"organization"} and set(groups["side"]) == {"Lantern", "Meadow"}
    body = docs.set_index("doc_id")["body"]
    assert all(body[r.doc_id][r.start : r.end] == r.text for r in st.itertuples())
