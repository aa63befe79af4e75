"""The batched emphasis code gives exactly what the one-at-a-time definitions give (same floats, bit for bit)."""

import numpy as np
import pandas as pd
import pytest

from analysis.core.text import count_words
from analysis.measures import emphasis as E
from analysis.measures.emphasis import resampling, topics, units


def _same(a, b):
    return all(x == y or (np.isnan(x) and np.isnan(y)) for x, y in zip(a, b))


@pytest.mark.parametrize("seed", [None, 7])
@pytest.mark.parametrize("n_boot", [2000, 333])
def test_ratio_intervals_all_at_once_equal_one_at_a_time(seed, n_boot):
    rng = np.random.default_rng(1)
    for n in (1, 2, 3, 17, 60):
        den = rng.integers(0, 40, size=(12, n)).astype(float)
        den[:4] = den[0]  # cells of one group share their words
        den[5, : n // 2] = 0  # some resamples without words
        den[6] = 0  # no words at all
        num = den * (rng.random((12, n)) < 0.3)
        num[7] = 0
        for rows in (num, num + 0.25):  # whole numbers (batched) and not (one by one)
            lo, hi = resampling._ratio_cis(rows, den, n_boot=n_boot, seed=seed)
            for i in range(len(rows)):
                assert _same((lo[i], hi[i]), resampling._ratio_ci(rows[i], den[i], n_boot=n_boot, seed=seed))


def test_word_counts_equal_count_words():
    texts = [
        "the U.S. and Russia",
        "side's four-and-half-hour talks",
        "Kyiv’s 3.5% — «non» e.g. naïve Zelenskyy's",
        "",
        "--- ...",
        "a_b c-d-",
    ]
    assert units._word_counts(texts) == [count_words(t) for t in texts]


def test_locate_equals_a_search_per_document():
    spans = pd.DataFrame({"doc_id": ["a", "a", "a", "b", None], "start": [10, 0, 10, 5, 0]})
    docs = ["a", "a", "a", "a", "b", "b", "c"]
    offsets = [0, 9, 10, 50, 0, 5, 3]
    # a: sorted starts 0 (row 1), 10 (row 0), 10 (row 2): the last one starting at or before the offset
    assert units._locate(docs, offsets, spans).tolist() == [1, 1, 2, 2, 3, 3, -1]


def test_hit_counts_with_overlapping_units():
    units = pd.DataFrame({"doc_id": ["d", "d", "d", "e"], "start": [0, 5, 20, 0], "end": [30, 10, 25, 9]})
    hits = pd.DataFrame(
        {"doc_id": ["d", "d", "d", "e", "f", "d"], "frame_id": ["x", "y", "x", "x", "x", "z"], "start": [6, 7, 22, 9, 1, 1]}
    )
    counts, first = topics._hit_counts(units, hits, ["x", "y"])
    expect = np.zeros((4, 2), dtype=int)
    low = np.full((4, 2), -1)
    for d, f, a in zip(hits["doc_id"], hits["frame_id"], hits["start"]):
        for i, (ud, s, e) in enumerate(zip(units["doc_id"], units["start"], units["end"])):
            if f in ("x", "y") and ud == d and s <= a < e:
                t = ["x", "y"].index(f)
                expect[i, t] += 1
                low[i, t] = a if low[i, t] < 0 else min(low[i, t], a)
    assert counts.tolist() == expect.tolist() and first.tolist() == low.tolist()


def test_document_emphasis_equals_the_table_from_presence():
    from tests.measures.test_emphasis import BODY, SENTS, span

    docs = pd.DataFrame(
        [
            {"doc_id": "d", "title": "Peace talks", "kind": "news", "side": None, "body": BODY},
            {"doc_id": "c", "title": "Trade", "kind": "readout", "side": "A", "body": BODY},
        ]
    )
    paras = pd.DataFrame([{"doc_id": d, "para_id": 0, "start": 0, "end": len(BODY), "text": BODY, "is_heading": False} for d in "dc"])
    sents = pd.DataFrame(
        [
            {"doc_id": d, "para_id": 0, "sent_id": i, "start": span(t)[0], "end": span(t)[1], "text": t}
            for d in "dc"
            for i, t in enumerate(SENTS)
        ]
    )
    tables = {"documents": docs, "paragraphs": paras, "sentences": sents}
    got = E.document_emphasis(docs, tables)
    u = E.document_units(tables)
    from analysis.measures.framing import frame_labels

    labels = frame_labels()
    want = E.emphasis(
        E.topic_presence(u, E.topic_hits(u, bodies=dict(zip(docs["doc_id"], docs["body"]))), list(labels)), labels, E.headline_topics(docs)
    )
    want = want.iloc[np.argsort(want["doc_id"].map({"d": 0, "c": 1}).to_numpy(), kind="stable")].reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want, check_exact=True)
    assert got["present"].any() and got["share_lo"].notna().any()


def test_sentences_of_a_heading_paragraph_do_not_crash_document_emphasis():
    # a paragraph flagged as a heading that still carries topic sentences: no story paragraph rank, not in the lead
    from tests.measures.test_emphasis import BODY, SENTS, span

    docs = pd.DataFrame([{"doc_id": "c", "title": "Trade", "kind": "readout", "side": "A", "body": BODY}])
    paras = pd.DataFrame([{"doc_id": "c", "para_id": 0, "start": 0, "end": len(BODY), "text": BODY, "is_heading": True}])
    sents = pd.DataFrame(
        [{"doc_id": "c", "para_id": 0, "sent_id": i, "start": span(t)[0], "end": span(t)[1], "text": t} for i, t in enumerate(SENTS)]
    )
    out = E.document_emphasis(docs, {"documents": docs, "paragraphs": paras, "sentences": sents})
    assert len(out) and out["first_para_rank"].isna().all() and not out["in_lead"].any()
