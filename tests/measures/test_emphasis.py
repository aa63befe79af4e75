"""Emphasis measures on hand-made tables; every expected number is worked out by hand in the comments."""

import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.core.schema import TABLES  # noqa: E402
from analysis.measures import emphasis as E  # noqa: E402
from analysis.measures.emphasis import resampling  # noqa: E402
from analysis.viz import plots_emphasis as PE  # noqa: E402

# Body: paragraph 0 = two sentences, paragraph 1 = a heading, paragraph 2 = two sentences.
P0 = "Peace was the aim. Embassies will reopen."
HEAD = "TRADE FIRST"
P2 = "Trade and tariffs dominated. The war was mentioned."
BODY = f"{P0}\n\n{HEAD}\n\n{P2}"
SENTS = ["Peace was the aim.", "Embassies will reopen.", "Trade and tariffs dominated.", "The war was mentioned."]
# w_i = 1/log2(i+1): 1, 0.63093, 0.5, 0.43068 -> sum 2.56161
W = [1.0, 1 / math.log2(3), 0.5, 1 / math.log2(5)]


def span(text):
    a = BODY.index(text)
    return a, a + len(text)


@pytest.fixture
def tables():
    docs = pd.DataFrame([{"doc_id": "d", "title": "Peace talks", "kind": "news", "side": None, "body": BODY}])
    paras = pd.DataFrame(
        [
            {"doc_id": "d", "para_id": i, "start": span(t)[0], "end": span(t)[1], "text": t, "is_heading": i == 1}
            for i, t in enumerate([P0, HEAD, P2])
        ]
    )
    sents = pd.DataFrame(
        [
            {"doc_id": "d", "para_id": [0, 0, 2, 2][i], "sent_id": i, "start": span(t)[0], "end": span(t)[1], "text": t}
            for i, t in enumerate(SENTS)
        ]
    )
    st = pd.DataFrame(
        [
            {"statement_id": "d:0", "doc_id": "d", "text": SENTS[1], "side": "A", "speaker": "Ann", "origin": "claim", "n_words": 3},
            {"statement_id": "d:1", "doc_id": "d", "text": SENTS[2], "side": "B", "speaker": "Bob", "origin": "quote", "n_words": 4},
            {"statement_id": "d:2", "doc_id": "d", "text": SENTS[3], "side": "A", "speaker": "Ann", "origin": "quote", "n_words": 4},
        ]
    )
    st["start"] = [span(t)[0] for t in st["text"]]
    st["end"] = [span(t)[1] for t in st["text"]]
    return {"documents": docs, "paragraphs": paras, "sentences": sents, "statements": st}


def hits_for(pairs):
    """Hand-made topic hits: (topic, matched words)."""
    rows = []
    for fid, text in pairs:
        a = BODY.index(text)
        rows.append({"doc_id": "d", "frame_id": fid, "start": a, "end": a + len(text), "text": text})
    return pd.DataFrame(rows)


HITS = hits_for([("peace", "Peace"), ("econ", "Trade"), ("econ", "tariffs"), ("peace", "war"), ("dipl", "Embassies")])


def test_formulas_by_hand():
    assert E.normalised_position(1, 4) == 0.0
    assert E.normalised_position(3, 4) == pytest.approx(2 / 3)
    assert E.normalised_position(4, 4) == 1.0
    assert E.normalised_position(1, 1) == 0.0
    with pytest.raises(ValueError):
        E.normalised_position(5, 4)
    assert E.weights(4).tolist() == pytest.approx(W)
    # (w2 + w4) / sum w = (0.63093 + 0.43068) / 2.56161 = 0.41443
    assert E.salience([0, 1, 0, 1]) == pytest.approx(0.41443, abs=1e-5)
    assert E.salience([1, 1, 1]) == 1.0 and E.salience([0, 0]) == 0.0
    assert math.isnan(E.salience([]))


def test_positions_skip_headings(tables):
    u = E.document_units(tables)
    assert u["rank"].tolist() == [1, 2, 3, 4] and u["n_units"].tolist() == [4] * 4
    assert u["para_rank"].tolist() == [1, 1, 2, 2] and u["n_paras"].tolist() == [2] * 4
    assert u["pos"].tolist() == pytest.approx([0, 1 / 3, 2 / 3, 1])
    s = E.statement_units(tables)
    # side A: d:0 (rank 1), d:2 (rank 2); side B: d:1 alone (rank 1 of 1, position 0)
    assert s[["unit_id", "side", "rank", "n_units", "pos"]].values.tolist() == [
        ["d:0", "A", 1, 2, 0.0],
        ["d:1", "B", 1, 1, 0.0],
        ["d:2", "A", 2, 2, 1.0],
    ]


def _table(tables):
    u = pd.concat([E.document_units(tables), E.statement_units(tables)], ignore_index=True)
    presence = E.topic_presence(u, HITS, ["peace", "econ", "dipl", "never"])
    heads = pd.DataFrame({"doc_id": ["d"], "frame_id": ["peace"], "text": ["Peace"]})
    return presence, E.emphasis(presence, {"econ": "Economy"}, heads, n_boot=200)


def test_document_level_by_hand(tables):
    presence, t = _table(tables)
    assert list(t.columns) == list(TABLES["emphasis"]["columns"])
    d = t[t.level == "document"].set_index("frame_id")
    econ = d.loc["econ"]
    # first in sentence 3 of 4: r = 2/3; paragraph 2 of 2 story paragraphs: r = 1
    assert (econ["first_rank"], econ["first_para_rank"]) == (3, 2)
    assert econ["first_pos"] == pytest.approx(2 / 3) and econ["first_para_pos"] == 1.0
    assert not econ["in_lead"] and econ["in_headline"] is False and econ["label"] == "Economy"
    assert econ["salience"] == pytest.approx(0.5 / sum(W))  # 0.19519
    # words: 4 + 3 + 4 + 4 = 15, the economy sentence has 4
    assert (econ["topic_words"], econ["n_words"]) == (4, 15) and econ["share_of_text"] == pytest.approx(4 / 15)
    assert econ["share_lo"] <= 4 / 15 <= econ["share_hi"]
    assert econ["first_text"] == SENTS[2] and BODY[econ["first_start"] : econ["first_end"]] == SENTS[2]
    peace = d.loc["peace"]
    assert peace["first_pos"] == 0.0 and peace["in_lead"] and peace["in_headline"] is True
    assert peace["salience"] == pytest.approx((W[0] + W[3]) / sum(W))  # 0.55851
    assert peace["n_present"] == 2 and peace["share_of_text"] == pytest.approx(8 / 15)
    never = d.loc["never"]
    assert not never["present"] and never["salience"] == 0.0 and math.isnan(never["first_pos"]) and pd.isna(never["order"])
    # order of first mention: peace (s1), dipl (s2), econ (s3)
    assert d.loc[["peace", "dipl", "econ"], "order"].tolist() == [1, 2, 3]


def test_side_level_by_hand(tables):
    presence, t = _table(tables)
    s = t[t.level == "side"].set_index(["side", "frame_id"])
    a_peace = s.loc[("A", "peace")]
    # side A's statements: 1 embassies, 2 war -> peace first at rank 2 of 2, r = 1; salience w2 / (w1 + w2)
    assert (a_peace["first_rank"], a_peace["first_pos"], a_peace["in_lead"]) == (2, 1.0, False)
    assert a_peace["salience"] == pytest.approx(W[1] / (W[0] + W[1]))  # 0.38685
    assert a_peace["in_headline"] is None and a_peace["first_para_rank"] == 2
    assert s.loc[("A", "dipl"), "in_lead"] and s.loc[("A", "dipl"), "order"] == 1
    b = s.loc[("B", "econ")]
    assert (b["first_pos"], b["salience"], b["share_of_text"], b["order"]) == (0.0, 1.0, 1.0, 1)
    order = E.topic_order(t, "side")
    assert order[order.side == "A"]["frame_id"].tolist() == ["dipl", "peace"]


def test_order_breaks_ties_by_offset_in_unit(tables):
    h = hits_for([("second", "tariffs"), ("first", "Trade")])
    u = E.document_units(tables)
    t = E.emphasis(E.topic_presence(u, h), n_boot=50)
    assert t.set_index("frame_id").loc[["first", "second"], "order"].tolist() == [1, 2]


def test_summary_and_comparison(tables):
    presence, t = _table(tables)
    summ = E.summarize(t, ["A", "B"], n_boot=100)
    assert list(summ.columns) == list(TABLES["emphasis_summary"]["columns"])
    r = summ[(summ.side == "A") & (summ.frame_id == "peace")].iloc[0]
    assert (r["n_docs"], r["n_raised"], r["first_pos"]) == (1, 1, 1.0) and math.isnan(r["first_pos_lo"])
    comp = E.compare_positions(presence, "A", "B", n_boot=100, n_perm=100)
    c = comp.set_index("frame_id")
    # econ: only B (position 0); dipl: only A (position 0); peace: only A (position 1)
    assert c.loc["peace", "n_a"] == 1 and c.loc["peace", "n_b"] == 0 and c.loc["peace", "mean_a"] == 1.0
    assert c.loc["econ", "effect_size"] == "n/a"


def test_voice_by_hand():
    st = pd.DataFrame(
        {
            "doc_id": "d",
            "side": ["A", "A", "B", "B"],
            "speaker": ["Ann", "Ann", "Bob", "Ministry B"],
            "origin": ["quote", "claim", "quote", "readout"],
            "n_words": [10, 30, 20, 50],
        }
    )
    v = E.voice(st, "side", n_boot=300)
    assert list(v.columns) == list(TABLES["voice"]["columns"])
    a, b = v.set_index("group").loc["A"], v.set_index("group").loc["B"]
    # A: 10 quoted + 30 reported = 40 of 60 attributed words; direct 10/40
    assert (a["quoted_words"], a["indirect_words"], a["attributed_words"]) == (10, 30, 40)
    assert a["voice_share"] == pytest.approx(40 / 60) and a["direct_share"] == pytest.approx(0.25)
    assert a["voice_share_lo"] <= 40 / 60 <= a["voice_share_hi"]
    # B: the readout is its own text, not voice: 20 of 60, all direct
    assert (b["n_statements"], b["own_words"], b["direct_share"]) == (1, 50, 1.0)
    assert b["voice_share"] == pytest.approx(20 / 60)
    assert math.isnan(b["direct_share_lo"])  # one statement: no interval
    per_actor = E.voice(st, "speaker", n_boot=100).set_index("group")
    assert per_actor.loc["Ann", "attributed_words"] == 40 and per_actor.loc["Ministry B", "own_words"] == 50


def test_ratio_interval_is_seeded_and_blocks_by_document():
    lo1, hi1 = resampling._ratio_ci([1, 0, 1, 0], [1, 1, 1, 1], n_boot=500)
    assert (lo1, hi1) == resampling._ratio_ci([1, 0, 1, 0], [1, 1, 1, 1], n_boot=500)
    assert 0 <= lo1 <= 0.5 <= hi1 <= 1
    # two documents with the same ratio: every block resample gives 0.5
    assert resampling._ratio_ci([1, 0, 2, 0], [1, 1, 2, 2], groups=["x", "x", "y", "y"], n_boot=200) == (0.5, 0.5)
    assert all(math.isnan(v) for v in resampling._ratio_ci([1], [2]))


def test_evidence_shows_the_sentences(tables):
    presence, _ = _table(tables)
    ev = E.evidence(presence, HITS, "econ", level="document")
    assert ev[["rank", "matched", "text"]].values.tolist() == [[3, "Trade; tariffs", SENTS[2]]]
    assert E.sentences_matching(tables["sentences"], r"embass")["sent_id"].tolist() == [1]


def test_codebook_topics_and_mentions(tables):
    u = E.document_units(tables)
    h = E.topic_hits(u, bodies={"d": BODY})
    assert ("diplomatic_relations", "Embassies") in set(zip(h.frame_id, h.text))
    assert all(BODY[a:b] == t for a, b, t in zip(h.start, h.end, h.text))
    m = pd.DataFrame(
        {"doc_id": ["d", "d"], "start": [0, 5], "end": [5, 8], "text": ["Peace", "was"], "side": ["C", "C"], "how": ["registry", "pronoun"]}
    )
    mh = E.mention_hits(m)
    assert mh["frame_id"].tolist() == ["side:C"]
    assert E.topic_labels(topic_ids=["side:C"])["side:C"] == "mentions C"


def test_analyse_and_save(tables, tmp_path):
    out = E.analyse(tables, "A", "B", n_boot=100, n_perm=100)
    assert set(E.EMPHASIS_TABLES) <= set(out)
    paths = E.save(out, tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{n}.parquet" for n in E.EMPHASIS_TABLES)
    doc = out["emphasis"][out["emphasis"].level == "document"].set_index("frame_id")
    assert doc.loc["diplomatic_relations", "first_rank"] == 2
    stage = E.emphasis_stage(tables["documents"].iloc[0].to_dict(), tables)
    assert set(stage["emphasis"]["level"]) == {"document"}


def test_analyse_comparison_is_the_table_notebook_05_shows(tables, tmp_path):
    from analysis.core.compare import adjust_family
    from analysis.core.schema import schema_problems
    from analysis.measures import views

    out = E.analyse(tables, "A", "B", n_boot=100, n_perm=100, seed=1)
    c = out["emphasis_comparison"]
    # per view shown, position rows then lead rows, one BH family over all of them
    shown = views.views_shown(tables["statements"], ["A", "B"])
    labels = dict(zip(out["emphasis"]["frame_id"], out["emphasis"]["label"]))
    side = out["presence"].loc[out["presence"]["level"] == "side"]
    expected = adjust_family(views.by_view(side, shown, lambda p: E.compare_emphasis(p, "A", "B", labels, n_boot=100, n_perm=100, seed=1)))
    pd.testing.assert_frame_equal(c, expected)
    assert list(dict.fromkeys(c["view"])) == list(shown) and {"position", "lead"} <= set(c["measure"])
    E.save(out, tmp_path)
    saved = pd.read_parquet(tmp_path / "emphasis_comparison.parquet")
    assert schema_problems(saved, "emphasis_comparison") == [] and len(saved) == len(c)


def test_figures_draw(tables):
    presence, t = _table(tables)
    for fig in (
        PE.plot_first_mentions(t, "A", "B"),
        PE.plot_salience(t, "A", "B"),
        PE.plot_topic_map(presence, "d"),
        PE.plot_voice(E.voice(tables["statements"], n_boot=50), "A", "B"),
    ):
        assert fig.axes
    plt.close("all")


def test_voice_counts_quoted_words_inside_claims():
    text = "that trade “will grow fast” soon"
    st = pd.DataFrame(
        {
            "doc_id": "d",
            "side": ["A"],
            "speaker": ["Ann"],
            "origin": ["claim"],
            "n_words": [6],
            "start": [100],
            "end": [100 + len(text)],
            "text": [text],
        }
    )
    a = text.index("will")
    quotes = pd.DataFrame({"doc_id": ["d", "d"], "start": [100 + a, 105], "end": [100 + a + 14, 110], "kind": ["full", "term"]})
    r = E.voice(st, quotes=quotes, n_boot=50).iloc[0]
    # "will grow fast" = 3 quoted words of 6; the scare-quoted term is ignored
    assert (r["quoted_words"], r["indirect_words"], r["n_quotes"], r["direct_share"]) == (3, 3, 1, 0.5)


def test_figures_average_over_documents_when_the_sides_speak_in_several(tables):
    """Two documents: first mentions and salience are drawn as means over documents, not the first document's."""
    _, t = _table(tables)
    side = t.loc[t["level"] == "side"]
    two = pd.concat([side, side.assign(doc_id="d2")], ignore_index=True)
    for fig in (PE.plot_first_mentions(two, "A", "B"), PE.plot_salience(two, "A", "B")):
        legend = [x.get_text() for x in fig.axes[0].get_legend().get_texts()]
        assert legend == ["A (N = 2 documents)", "B (N = 2 documents)"]
        assert "mean" in fig.axes[0].get_xlabel()
    # a document asked for by id is still drawn alone
    fig = PE.plot_first_mentions(two, "A", "B", doc_id="d2")
    assert "statements" in fig.axes[0].get_legend().get_texts()[0].get_text()
    plt.close("all")


def test_findings_summarise_over_documents_beyond_max_docs(tables):
    """Up to max_docs documents: one block per document; more: one block per side over its documents."""
    _, t = _table(tables)
    side = t.loc[t["level"] == "side"]
    many = pd.concat([side.assign(doc_id=f"d{k}") for k in range(3)], ignore_index=True)
    assert E.findings(many, "A", "B", max_docs=3).startswith("[d0]")
    text = E.findings(many, "A", "B", max_docs=2)
    assert "[d0]" not in text and "A: statements in 3 documents" in text
