"""Shares get Wilson intervals (at the documents' effective n), and ratio bootstraps report the resamples they leave out.

Sentences below are written for these tests.
"""

import math

import numpy as np
import pandas as pd
import pytest

from analysis.core.designs import share_interval
from analysis.core.schema import TABLES
from analysis.core.stats import wilson_interval
from analysis.measures import emphasis as E
from analysis.measures import framing


def _units(docs, sides, texts):
    return pd.DataFrame(
        {
            "doc_id": docs,
            "statement_id": [f"s{i}" for i in range(len(texts))],
            "start": 0,
            "text": texts,
            "side": sides,
        }
    )


def test_frame_share_interval_is_wilson_in_one_document():
    u = _units(["d"] * 6, ["X"] * 3 + ["Y"] * 3, ["Trade grew.", "Trade fell.", "Peace now."] + ["Peace talks.", "More peace.", "Peace."])
    t = framing.frames_by_side(framing.frame_presence(u, framing.frame_hits(u)), "X", "Y", n_boot=100).set_index(["side", "frame_id"])
    econ_x, econ_y = t.loc[("X", "economic")], t.loc[("Y", "economic")]
    assert (econ_x["share_lo"], econ_x["share_hi"]) == pytest.approx(wilson_interval(2, 3))
    # no statement of Y carries the frame: the interval still has a width (a bootstrap gives 0 to 0)
    assert econ_y["share"] == 0.0 and econ_y["share_lo"] == 0.0 and econ_y["share_hi"] == pytest.approx(wilson_interval(0, 3)[1])
    assert econ_y["share_hi"] > 0.5


def test_frame_share_interval_uses_the_documents_effective_n():
    # side X: two documents, one all economic, one none (ICC 1: as wide as two units); side Y spread evenly
    u = _units(
        ["d1", "d1", "d1", "d2", "d2", "d2", "d3", "d3", "d4", "d4"],
        ["X"] * 6 + ["Y"] * 4,
        ["Trade grew.", "Trade fell.", "Trade again."] + ["Peace now."] * 3 + ["Trade.", "Peace.", "Trade.", "Peace."],
    )
    p = framing.frame_presence(u, framing.frame_hits(u))
    t = framing.frames_by_side(p, "X", "Y", n_boot=100).set_index(["side", "frame_id"])
    x = p[(p["side"] == "X") & (p["frame_id"] == "economic")]
    got = (t.loc[("X", "economic"), "share_lo"], t.loc[("X", "economic"), "share_hi"])
    assert got == pytest.approx(share_interval(x["present"].to_numpy(float), x["doc_id"].tolist()))
    assert got == pytest.approx(wilson_interval(1, 2))  # six statements count as two documents
    assert "Wilson" in TABLES["frames_by_side"]["columns"]["share_lo"][1]


def test_lead_share_skips_single_statement_documents_and_has_a_wilson_interval():
    t = pd.DataFrame(
        {
            "level": "side",
            "doc_id": ["1", "2", "3", "4"],
            "side": "A",
            "frame_id": "x",
            "label": "X",
            "n_units": [4, 1, 3, 2],
            "present": [True, True, True, False],
            "in_lead": [True, True, False, False],
            "first_pos": [0.0, 0.0, 0.5, np.nan],
            "salience": [0.4, 1.0, 0.3, 0.0],
            "share_of_text": [0.2, 1.0, 0.3, 0.0],
        }
    )
    r = E.summarize(t, n_boot=100).iloc[0]
    assert list(E.summarize(t, n_boot=100).columns) == list(TABLES["emphasis_summary"]["columns"])
    assert (r["n_docs"], r["n_lead_docs"]) == (4, 3)  # document 2 has one statement: no lead to speak of
    assert r["share_lead"] == pytest.approx(1 / 3)
    assert (r["share_lead_lo"], r["share_lead_hi"]) == pytest.approx(wilson_interval(1, 3))
    assert (r["share_docs_lo"], r["share_docs_hi"]) == pytest.approx(wilson_interval(3, 4))


def _statements(words):
    n = len(words)
    return pd.DataFrame(
        {
            "doc_id": "d",
            "side": ["A"] * n + ["B"],
            "speaker": ["Ann"] * n + ["Bob"],
            "origin": "claim",
            "n_words": list(words) + [10],
            "start": 0,
            "end": 1,
            "text": "x",
        }
    )


def test_voice_reports_the_share_of_resamples_left_out():
    v = E.voice(_statements([10, 20, 30]), "side", n_boot=400).set_index("group")
    assert v.loc["A", "skipped_share"] == 0.0  # every resample of A's statements has words
    # A's statements: one with words, one without: resamples drawing only the word-less one have no direct share
    v = E.voice(_statements([8, 0]), "side", n_boot=400).set_index("group")
    assert 0.15 < v.loc["A", "skipped_share"] < 0.35
    # B's voice share resamples all three statements: only a resample of the word-less one three times has no words, (1/3)^3
    assert 0.01 < v.loc["B", "skipped_share"] < 0.08
    assert math.isnan(E.voice(_statements([8]).iloc[:1], "side", n_boot=100)["skipped_share"].iloc[0])  # one statement: no interval
    assert "skipped_share" in TABLES["voice"]["columns"]


def _groups(docs, sides, units, leads, frame="x"):
    return pd.DataFrame(
        {
            "level": "side",
            "doc_id": docs,
            "side": sides,
            "frame_id": frame,
            "label": frame.upper(),
            "n_units": units,
            "in_lead": leads,
            "present": True,
        }
    )


def test_lead_comparison_in_one_document_uses_wilson_and_newcombe():
    from analysis.core.stats import newcombe_interval

    t = _groups(["d", "d"], ["A", "B"], [4, 3], [True, False])
    r = E.compare_leads(t, "A", "B", n_perm=200).iloc[0]
    assert (r["measure"], r["value"], r["resampling"]) == ("lead", "in_lead", "statements")
    assert (r["ci_low_a"], r["ci_high_a"]) == pytest.approx(wilson_interval(1, 1))
    assert (r["diff_low"], r["diff_high"]) == pytest.approx(newcombe_interval(1, 1, 0, 1))
    assert list(r.index) == list(TABLES["emphasis_comparison"]["columns"])


def test_lead_comparison_over_documents_follows_the_design_and_skips_single_statements():
    docs = [f"a{i}" for i in range(6)] + [f"b{i}" for i in range(6)] + ["c"]
    sides = ["A"] * 6 + ["B"] * 6 + ["A"]
    leads = [True] * 5 + [False] + [True] + [False] * 5 + [True]
    t = pd.concat([_groups(docs, sides, [3] * 12 + [1], leads), _groups(docs, sides, [3] * 13, [False] * 13, frame="y")])
    c = E.compare_leads(t, "A", "B", n_perm=500)
    assert c["frame_id"].tolist() == ["x"]  # no side leads with y: not a test
    r = c.iloc[0]
    assert (r["n_a"], r["n_b"], r["resampling"]) == (6, 6, "between documents")  # document c has one statement: no lead
    assert (r["ci_low_a"], r["ci_high_a"]) == pytest.approx(wilson_interval(5, 6))
    assert r["difference"] == pytest.approx(4 / 6) and r["diff_low"] < 4 / 6 < r["diff_high"]
    assert r["p_value"] < 0.1


def test_reading_names_lead_rows_as_shares():
    from analysis.measures import readings

    t = _groups(["d", "d"], ["A", "B"], [4, 3], [True, False])
    text = readings.emphasis_reading(E.compare_leads(t, "A", "B", n_perm=100))
    assert "share of documents leading with X" in text and "position" not in text.split("(0 =")[0]


def test_combined_emphasis_comparison_reads_leads_within_each_view():
    from analysis.measures import views

    # side A: an own-words statement first (topic y), then two reported ones (topic x first); side B: two reported ones, x last
    rows = [("A", 1, "readout", "y"), ("A", 2, "quote", "x"), ("A", 3, "claim", "y"), ("B", 1, "quote", "y"), ("B", 2, "claim", "x")]
    p = pd.DataFrame(
        [
            {
                "level": "side",
                "doc_id": "d",
                "side": s,
                "frame_id": t,
                "present": t == f,
                "unit_id": f"{s}{r}",
                "rank": r,
                "pos": (r - 1) / 2 if s == "A" else r - 1.0,
                "n_words": 4,
                "para_rank": 1,
                "n_paras": 1,
                "first_hit": 0,
                "kind": "news",
                "start": 0,
                "end": 4,
                "text": "w",
                "origin": o,
            }
            for s, r, o, f in rows
            for t in ("x", "y")  # a presence table has a row per unit and topic
        ]
    )
    c = views.by_view(p, ["reported"], lambda v: E.compare_emphasis(v, "A", "B", n_perm=100))
    assert c["measure"].tolist() == ["position", "position", "lead", "lead"]
    lead = c.loc[c["measure"] == "lead"].set_index("frame_id")
    # in the reported view, A's first statement is its quote (rank 2 overall): A leads with x, B with y
    assert (lead.loc["x", "mean_a"], lead.loc["x", "mean_b"]) == (1.0, 0.0)
    assert (lead.loc["y", "mean_a"], lead.loc["y", "mean_b"]) == (0.0, 1.0)
