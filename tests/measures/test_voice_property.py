"""Voice counts add up on real builds: the seed article and the parties corpus (built by the conftest fixture).

One definition of a word of voice: a statement's words; its direct words are those of
its words inside a quote. So no group has more direct words than attributed words, and
every share is a proportion.
"""

import math

import pandas as pd
import pytest

from analysis.core.store import read_table
from analysis.measures.emphasis import voice
from analysis.measures.voice import voice_by_actor


def _check(table: pd.DataFrame, direct: str) -> None:
    assert len(table)
    assert (table[direct] <= table["attributed_words"]).all(), table.loc[table[direct] > table["attributed_words"]]
    for col in ("voice_share", "direct_share"):
        vals = [v for v in table[col].tolist() if not math.isnan(v)]
        assert all(0.0 <= v <= 1.0 for v in vals), (col, vals)
    counted = table.loc[table["n_statements"] > 0]
    assert math.isclose(counted["voice_share"].sum(), 1.0, rel_tol=1e-9)


@pytest.fixture(params=["seed", "parties"])
def built(request, root, parties_tables):
    folder = root / "data" / "processed" if request.param == "seed" else parties_tables
    if not (folder / "statements.parquet").is_file():
        pytest.skip(f"no build in {folder} (make data)")
    return {n: read_table(folder, n) for n in ("documents", "quotes", "claims", "statements")}


@pytest.mark.parametrize("by", ["actor", "side"])
def test_no_actor_has_more_direct_than_attributed_words(built, by):
    t = voice_by_actor(built["quotes"], built["claims"], built["statements"], by=by, n_boot=20, documents=built["documents"])
    _check(t, "direct_words")
    named = t.loc[t["group"] != "(unknown)"]  # quotes without a speaker have no statement to be attributed to
    assert (named["quoted_words"] <= named["attributed_words"]).all(), named.loc[named["quoted_words"] > named["attributed_words"]]


def test_voice_table_adds_up(built):
    for by in ("side", "speaker"):
        t = voice(built["statements"], by=by, quotes=built["quotes"], n_boot=20)
        _check(t, "quoted_words")
        assert (t["quoted_words"] + t["indirect_words"] == t["attributed_words"]).all()


def test_overlapping_quotes_count_a_word_once():
    st = pd.DataFrame(
        {"statement_id": ["d:0"], "doc_id": "d", "start": [0], "end": [20], "text": ["We will stay, he said"], "speaker": ["Ann"],
         "side": ["A"], "origin": ["claim"], "n_words": [5]}
    )  # fmt: skip
    q = pd.DataFrame(
        {"doc_id": ["d", "d"], "start": [0, 3], "end": [12, 12], "text": ["We will stay", "will stay"], "kind": ["full", "partial"]}
    )
    t = voice(st, by="side", quotes=q, n_boot=5)
    assert t["quoted_words"].tolist() == [3] and t["direct_share"].tolist() == [0.6]
