"""Voice tables on hand-made quotes/claims/statements; expected counts worked out by hand in the comments."""

import doctest
import math

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from analysis.core.schema import VOICE_COLUMNS
from analysis.measures import voice as V
from analysis.viz import plots_voice

# One document. Ann (side A) is quoted in a claim ("We agree fully." inside "that “We agree fully.”"),
# Bo (side B) has one indirect claim, one quote has no speaker, and Ann's sentence has a scare-quoted term.
BODY = "Ann said that “We agree fully.” Bo criticized the plan. “Never again,” it went. Ann told a “historic” story."


def span(text, after=0):
    a = BODY.index(text, after)
    return a, a + len(text)


def quotes():
    rows = []
    for qid, (text, speaker, side, cue, kind, rule) in enumerate(
        [
            ("We agree fully.", "Ann", "A", "said", "full", "subject"),
            ("Never again,", None, None, None, "partial", None),
            ("historic", "Ann", "A", "told", "term", "subject"),
        ]
    ):
        a, b = span(text)
        cue_start = BODY.index(cue) if cue else None
        rows.append(
            {
                "doc_id": "d",
                "quote_id": qid,
                "start": a,
                "end": b,
                "text": text,
                "speaker": speaker,
                "side": side,
                "cue": cue,
                "cue_start": cue_start,
                "kind": kind,
                "rule": rule,
            }
        )
    q = pd.DataFrame(rows)
    q["cue_start"] = q["cue_start"].astype("Int64")
    return q


def claims():
    rows = []
    for cid, (text, source, side, cue, lemma, cls, direct, rule) in enumerate(
        [
            ("that “We agree fully.”", "Ann", "A", "said", "say", "neutral", True, "subject"),
            ("the plan", "Bo", "B", "criticized", "criticize", "critical", False, "subject"),
        ]
    ):
        a, b = span(text)
        rows.append(
            {
                "doc_id": "d",
                "claim_id": cid,
                "start": a,
                "end": b,
                "text": text,
                "source": source,
                "side": side,
                "cue": cue,
                "cue_lemma": lemma,
                "cue_start": BODY.index(cue),
                "cue_class": cls,
                "direct": direct,
                "quote_ids": [0] if direct else [],
                "rule": rule,
            }
        )
    return pd.DataFrame(rows)


def statements():
    # The claim and the quote inside it overlap: one statement (claim span), 5 words: that, “We agree fully.” -> that We agree fully
    rows = []
    for i, (text, speaker, side) in enumerate([("that “We agree fully.”", "Ann", "A"), ("the plan", "Bo", "B")]):
        a, b = span(text)
        rows.append(
            {
                "statement_id": f"d:{i}",
                "doc_id": "d",
                "para_id": 0,
                "sent_id": i,
                "start": a,
                "end": b,
                "text": text,
                "speaker": speaker,
                "side": side,
                "origin": "claim",
                "n_words": [4, 2][i],
            }
        )
    return pd.DataFrame(rows)


def test_doctests():
    assert doctest.testmod(V, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE).failed == 0


def test_voice_by_actor_counts():
    t = V.voice_by_actor(quotes(), claims(), statements(), n_boot=50).set_index("group")
    assert list(t.columns) == [c for c in VOICE_COLUMNS if c != "group"]
    # Ann: one real quote (3 words), one term, one claim of 4 words (that We agree fully), direct words 3 of 4.
    ann = t.loc["Ann"]
    assert (ann["n_quotes"], ann["n_terms"], ann["quoted_words"]) == (1, 1, 3)
    assert (ann["n_claims"], ann["n_direct_claims"], ann["claim_words"]) == (1, 1, 4)
    assert (ann["n_statements"], ann["attributed_words"], ann["direct_words"]) == (1, 4, 3)
    assert ann["side"] == "A"
    # Shares over attributed words 4 + 2 = 6.
    assert ann["voice_share"] == pytest.approx(4 / 6)
    assert t.loc["Bo", "voice_share"] == pytest.approx(2 / 6)
    assert ann["direct_share"] == pytest.approx(3 / 4)
    # The speaker-None quote is counted as a quote of "(unknown)" but is outside the shares.
    unk = t.loc[V.UNKNOWN]
    assert (unk["n_quotes"], unk["quoted_words"], unk["n_statements"], unk["attributed_words"]) == (1, 2, 0, 0)
    assert unk["side"] is None and math.isnan(unk["voice_share"])
    # Sorted by attributed words.
    assert list(t.index) == ["Ann", "Bo", V.UNKNOWN]


def test_voice_by_side_and_table():
    t = V.voice_table(quotes(), claims(), statements(), n_boot=50)
    assert t["level"].tolist() == ["side", "side", "side", "actor", "actor", "actor"]
    sides = t.loc[t["level"] == "side"].set_index("group")
    assert sides.loc["A", "side"] == "A" and sides.loc["A", "attributed_words"] == 4
    assert sides.loc[V.UNKNOWN, "side"] is None
    assert sides["voice_share"].dropna().sum() == pytest.approx(1.0)
    assert t["n_quotes"].dtype == "int64" and t["voice_share"].dtype == "float64"


def test_voice_by_actor_rejects_unknown_level():
    with pytest.raises(ValueError):
        V.voice_by_actor(quotes(), claims(), statements(), by="speaker")


def test_verbs_by_side():
    v = V.verbs_by_side(claims(), quotes(), sides=["B", "A"])
    # "said" introduces Ann's claim and the quote inside it: one cue; "told" only a term -> not counted.
    assert v[["side", "cue_lemma", "cue_class", "n_cues", "n_claims", "n_quotes"]].values.tolist() == [
        ["B", "criticize", "critical", 1, 1, 0],
        ["A", "say", "neutral", 1, 1, 1],
    ]
    assert v["share_of_side"].tolist() == [1.0, 1.0]


def test_verbs_by_side_quote_cue_without_claim_uses_lexicon():
    q = quotes().iloc[[0]].assign(cue="stated")
    v = V.verbs_by_side(claims().iloc[[1]], q)
    row = v.loc[v["side"] == "A"].iloc[0]
    assert (row["cue_lemma"], row["cue_class"], row["n_claims"], row["n_quotes"]) == ("state", "neutral", 0, 1)


def test_cue_classes_by_side():
    c = V.cue_classes_by_side(V.verbs_by_side(claims(), quotes(), sides=["A", "B"]))
    assert c.columns.tolist() == ["side", "n", "neutral", "critical"]
    assert c.values.tolist() == [["A", 1, 1, 0], ["B", 1, 0, 1]]


def test_rule_counts():
    r = V.rule_counts(quotes(), claims())
    assert r[["table", "rule", "n"]].values.tolist() == [["quotes", "subject", 2], ["quotes", "(none)", 1], ["claims", "subject", 2]]


def test_plot_voice_share_is_deterministic(tmp_path):
    from analysis.viz.figures import save_figure

    t = V.voice_table(quotes(), claims(), statements(), n_boot=50)
    digests = []
    for k in range(2):
        fig = plots_voice.plot_voice_share(t, ["A", "B"])
        labels = [tl.get_text() for tl in fig.axes[0].get_yticklabels()]
        assert labels == ["Ann", "Bo", V.UNKNOWN]
        paths = save_figure(fig, f"v{k}", tmp_path)
        digests.append([p.read_bytes() for p in paths])
        plt.close(fig)
    assert digests[0] == digests[1]


def test_readout_documents_are_not_reported_voice():
    # The same claim, but in a readout document: with documents given it is the side's own text, not voice given by a reporter.
    docs = pd.DataFrame({"doc_id": ["d"], "kind": ["readout"]})
    t = V.voice_by_actor(quotes(), claims(), statements(), documents=docs, n_boot=50)
    assert t["n_quotes"].sum() == 0 and t["n_claims"].sum() == 0
    assert V.verbs_by_side(claims(), quotes(), documents=docs).empty
    news = pd.DataFrame({"doc_id": ["d"], "kind": ["news"]})
    assert V.voice_by_actor(quotes(), claims(), statements(), documents=news, n_boot=50)["n_claims"].sum() == 2


def test_group_without_statements_has_no_share_interval():
    t = V.voice_by_actor(quotes(), claims(), statements(), n_boot=50).set_index("group")
    assert math.isnan(t.loc[V.UNKNOWN, "voice_share_lo"]) and math.isnan(t.loc[V.UNKNOWN, "voice_share_hi"])
