"""Unit tests for analysis.sentiment and analysis.compare, on hand-made sentences and statements."""

from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pandas as pd
import pytest

from analysis.core import compare as cmp
from analysis.core.schema import TABLES
from analysis.measures import sentiment as se
from analysis.viz import plots_sentiment


def make_statements(rows: list[tuple[str, str | None, str | None]], doc_id: str = "d1") -> pd.DataFrame:
    """A statements table from (side, speaker, text) triples, texts laid end to end in one body."""
    out, pos = [], 0
    for i, (side, speaker, text) in enumerate(rows):
        out.append(
            {
                "statement_id": f"{doc_id}:{i}",
                "doc_id": doc_id,
                "para_id": i,
                "sent_id": i,
                "start": pos,
                "end": pos + len(text),
                "text": text,
                "speaker": speaker,
                "speaker_id": speaker.lower() if speaker else None,
                "side": side,
                "origin": "quote",
                "position": i,
                "n_words": len(text.split()),
            }
        )
        pos += len(text) + 1
    return pd.DataFrame(out)


STATEMENTS = make_statements(
    [
        ("A", "Waltz", "We seek a permanent end to the war and not a temporary end."),
        ("A", "Rubio", "We are not going to pre-negotiate an end to this conflict."),
        ("A", "Waltz", "There is going to be a discussion of security guarantees."),
        ("A", "Rubio", "The talks were very good and productive."),
        ("B", "Lavrov", "A strong interest has been expressed in removing artificial barriers."),
        ("B", "Lavrov", "Issues could be resolved swiftly to the benefit of both countries."),
        ("B", "Lavrov", "Kyiv will not go unpunished."),
        ("B", "Dmitriev", "We are not happy with the sanctions."),
        (None, None, "The meeting lasted four and a half hours."),
    ]
)


@pytest.fixture(scope="module")
def sent() -> pd.DataFrame:
    return se.score_statements(STATEMENTS)


# --------------------------------------------------------------------------- VADER offline


PLAIN = [
    "The talks were good.",
    "The meeting was very productive, but the results were disappointing.",
    "This is not bad at all!",
    "We are NOT happy with this outcome.",
    "Peace is a great goal.",
    "The parties agreed to restore their embassies.",
    "Kyiv will not go unpunished.",
    "It was a terrible, terrible day.",
]


def test_vader_matches_reference_analyser():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer as Reference

    ref = Reference()
    for text in PLAIN:
        assert se.vader_analyzer().polarity_scores(text)["compound"] == ref.polarity_scores(text)["compound"], text
        assert se.score_text(text)["vader_compound"] == ref.polarity_scores(text)["compound"], text


def test_vader_is_offline_and_cached(monkeypatch):
    import nltk

    def refuse(*args, **kwargs):  # pragma: no cover - must never be called
        raise AssertionError("nltk.download must not be called")

    monkeypatch.setattr(nltk, "download", refuse)
    se.vader_analyzer.cache_clear()
    first = se.vader_analyzer()
    assert first is se.vader_analyzer()
    assert first.lexicon["war"] == -2.9
    assert str(se.lexicon_files()["vader_lexicon.txt"].parent) in nltk.data.path


# --------------------------------------------------------------------------- fast scorers


TRICKY = PLAIN + [
    "",
    "!!!",
    "It is VERY good, and the talks were GREAT.",
    "They were never so happy; this was not the least bit bad.",
    "At least it is good. Very least good. The least good.",
    "It was kind of good, sort of fine, just enough hope.",
    "Yeah right, the shit hit the fan... bad ass, the bomb! Cut the mustard, kiss of death, hand to mouth.",
    "good good good bad good, but bad!!! Really?? Truly????",
    "(good) 'bad' \"happy\" !!great ??sad, nice!? --awful-- :) :-( U.S. war-torn",
    "I can't stand it; not good, no fun, some kind of idiot, fed  up with the cover-up.",
    "Self-confident, naïve, well-being, n00b, gr8, son-of-a-bitch, once-in-a-lifetime.",
    "CAN'T\tSTAND\nthe  NOT  GOOD news; Kind Of bad, DOES NOT WORK.",
    "ΟΔΟΣ Σ good İstanbul ſecurity \u212aill killed",
]


def _generated_texts(n: int, seed: int) -> list[str]:
    """Random texts from lexicon entries, rule words, punctuation, capitals and odd whitespace."""
    import random

    from nltk.sentiment.vader import VaderConstants

    rng = random.Random(seed)
    vader_words = sorted(se.vader_analyzer().lexicon)
    afinn_words = sorted(se.afinn_analyzer()._dict)
    rule_words = sorted(VaderConstants.NEGATE | set(VaderConstants.BOOSTER_DICT)) + [
        w for idiom in VaderConstants.SPECIAL_CASE_IDIOMS for w in idiom.split()
    ]
    rule_words += ["but", "least", "at", "very", "never", "so", "this", "kind", "of", "war", "peace", "talks"]
    marks = VaderConstants.PUNC_LIST + ["", "", "", "(", ")", "...", "'s", "’", "“", ":)"]
    spaces = [" ", " ", " ", "  ", "\n", "\t", "-", "", " \u00a0"]

    def word() -> str:
        pool = rng.choice([vader_words, afinn_words, rule_words, rule_words])
        w = rng.choice(pool)
        w = rng.choice([w, w, w, w.upper(), w.capitalize()])
        return rng.choice(marks) * (rng.random() < 0.3) + w + rng.choice(marks) * (rng.random() < 0.3)

    return [
        "".join(word() + rng.choice(spaces) for _ in range(rng.randint(0, 14))) + rng.choice(["", ".", "!", "!!", "??", "????"])
        for _ in range(n)
    ]


def test_fast_vader_equals_nltk():
    from analysis.measures.lexscore import VaderCompound

    fast, nltk_vader = VaderCompound(se.vader_analyzer().lexicon), se.vader_analyzer()
    for text in TRICKY + _generated_texts(1500, seed=1):
        assert fast(text) == nltk_vader.polarity_scores(text)["compound"], text


def test_fast_afinn_equals_package():
    from analysis.measures.lexscore import AfinnSum

    fast, package = AfinnSum(se.afinn_analyzer()._dict), se.afinn_analyzer()
    for text in TRICKY + _generated_texts(1500, seed=2):
        assert fast(text) == package.score(text), text
    assert se._scorers()[1].scores == package._dict  # the same word list, read from the same file


def test_masking_quick_test_changes_nothing():
    pattern = se._topic_pattern(tuple(se.topic_terms()))
    texts = TRICKY + _generated_texts(500, seed=3) + ["ſecurity ſanctions", "\u212aILLED", "war\u0131 WAR", "İnvasion", "the peace_ talks2"]
    for text in texts:
        found = [m.group(0) for m in pattern.finditer(text)]
        assert se.mask_topic_terms(text) == ((pattern.sub(se.PLACEHOLDER, text) if found else text), found), text
    # no quick test for a term that starts with punctuation or whose first word is not ASCII
    assert se._scorer_for(["#war"]).mask.heads is None and se._scorer_for(["war\u0345"]).mask.heads is None
    assert se.mask_topic_terms("war\u03b9 war", ["war\u0345"]) == ("topic war", ["war\u03b9"])  # ͅ matches ι, a letter
    assert se.mask_topic_terms("a #war", ["#war"]) == ("a topic", ["#war"])


def test_ascii_case_twins_are_complete():
    import re
    import string

    everything = "".join(map(chr, range(0x80, 0x110000)))
    ascii_word = re.compile("|".join(string.ascii_lowercase + string.digits + "_"), re.IGNORECASE)
    assert set(ascii_word.findall(everything)) == se._ASCII_CASE_TWINS


def test_lexicon_files_exist_and_versions_known():
    files = se.lexicon_files()
    assert set(files) == {"vader_lexicon.txt", "AFINN-en-165.txt"}
    assert all(p.is_file() for p in files.values())
    assert se.scorer_versions()["nltk"].startswith("3.")


def test_labels_use_the_conventional_cutoffs():
    assert [se.vader_label(x) for x in (0.05, 0.0499, -0.0499, -0.05)] == ["positive", "neutral", "neutral", "negative"]


# --------------------------------------------------------------------------- masking


def test_masking_changes_end_to_the_war():
    s = se.score_text("a permanent end to the war")
    assert s["vader_compound"] < -0.05 and s["vader_label"] == "negative"
    assert s["vader_compound_masked"] == 0.0 and s["vader_label_masked"] == "neutral"
    assert s["afinn_sum"] < 0 and s["afinn_sum_masked"] == 0.0
    assert (s["n_masked"], s["masked_terms"]) == (1, "war")


def test_masking_is_whole_word_case_insensitive_and_longest_first():
    masked, found = se.mask_topic_terms("WAR, warm award, war-torn; security  guarantees, not warn.")
    assert masked == "topic, warm award, topic-torn; topic, not warn."
    assert found == ["WAR", "war", "security  guarantees"]


def test_masking_with_given_terms_and_empty_list():
    assert se.mask_topic_terms("the war and peace", ["peace"]) == ("the war and topic", ["peace"])
    assert se.mask_topic_terms("the war", []) == ("the war", [])
    assert se.score_text("the war", terms=[])["vader_compound_masked"] == se.score_text("the war")["vader_compound"]


def test_masking_keeps_tone_words():
    s = se.score_text("A good and fair end to the war.")
    assert s["vader_compound_masked"] > s["vader_compound"]
    assert s["vader_label_masked"] == "positive"


def test_placeholder_is_in_neither_lexicon():
    assert se.PLACEHOLDER not in se.vader_analyzer().lexicon
    assert se.afinn_analyzer().score(f"the {se.PLACEHOLDER} today") == 0.0


def test_topic_terms_resource_has_header_and_core_terms():
    from analysis.core.resources import resource_path

    text = resource_path(se.TOPIC_TERMS_FILE).read_text(encoding="utf-8")
    assert text.startswith("#") and "Source:" in text and "Edit" in text
    terms = se.topic_terms()
    for t in ("war", "conflict", "killing", "invasion", "sanctions"):
        assert t in terms
    assert len(terms) == len(set(terms)) and all(t == t.lower().strip() for t in terms)


# --------------------------------------------------------------------------- AFINN


def test_afinn_sum_and_per_word():
    from afinn import Afinn

    text = "A good and fair deal"
    s = se.score_text(text)
    assert s["afinn_sum"] == Afinn(language="en").score(text) == 5.0  # good +3, fair +2
    assert s["n_words"] == 5 and s["afinn"] == pytest.approx(1.0)
    assert se.score_text("")["afinn"] == 0.0
    assert se.afinn_label(-1) == "negative" and se.afinn_label(0) == "neutral"


# --------------------------------------------------------------------------- tables


def test_score_statements_schema_and_order(sent):
    assert list(sent.columns) == list(TABLES["sentiment"]["columns"])
    assert sent["statement_id"].tolist() == STATEMENTS["statement_id"].tolist()
    body_lengths = (sent["end"] - sent["start"]).tolist()
    assert body_lengths == sent["text"].str.len().tolist()
    war = sent.iloc[0]
    assert war["vader_label"] == "negative" and war["vader_label_masked"] != "negative"
    assert sent["side"].iloc[-1] is None


def test_score_statements_empty():
    empty = se.score_statements(STATEMENTS.iloc[0:0])
    assert empty.shape == (0, len(TABLES["sentiment"]["columns"]))


def test_score_texts_keeps_series_index():
    out = se.score_texts(pd.Series(["Good.", "Bad."], index=[10, 20]))
    assert out.index.tolist() == [10, 20]
    assert out["vader_label"].tolist() == ["positive", "negative"]


def test_summarize_side_and_speaker(sent):
    by_side = se.summarize(sent, groups=["A", "B"], n_boot=300)
    assert list(by_side.columns) == list(TABLES["sentiment_summary"]["columns"])
    assert by_side[["group", "masked"]].values.tolist() == [["A", False], ["A", True], ["B", False], ["B", True]]
    assert (by_side["n"] == 4).all()
    shares = by_side[["share_positive", "share_neutral", "share_negative"]].sum(axis=1)
    assert np.allclose(shares, 1.0)
    ok = by_side.dropna(subset=["mean_compound_low"])
    assert ((ok["mean_compound_low"] <= ok["mean_compound"] + 1e-12) & (ok["mean_compound"] <= ok["mean_compound_high"] + 1e-12)).all()
    by_actor = se.summarize(sent, by="speaker", n_boot=300)
    assert set(by_actor["group"]) == {"Waltz", "Rubio", "Lavrov", "Dmitriev"}
    assert by_actor.loc[by_actor["group"] == "Lavrov", "side"].iloc[0] == "B"
    # a speaker with one statement has no interval
    assert by_actor.loc[by_actor["group"] == "Dmitriev", "mean_compound_low"].isna().all()


def test_bootstrap_is_seeded_and_reproducible(sent):
    a = se.summarize(sent, groups=["A", "B"], n_boot=500)
    b = se.summarize(sent, groups=["A", "B"], n_boot=500)
    pd.testing.assert_frame_equal(a, b)
    c = se.summarize(sent, groups=["A", "B"], n_boot=500, seed=7)
    assert not a["mean_compound_low"].equals(c["mean_compound_low"])


def test_block_bootstrap_by_document():
    two_docs = pd.concat(
        [
            make_statements([("A", "X", "Good."), ("A", "X", "Great!")], doc_id="d1"),
            make_statements([("A", "X", "Bad."), ("A", "X", "Awful.")], doc_id="d2"),
        ],
        ignore_index=True,
    )
    s = se.score_statements(two_docs)
    row = se.summarize(s, n_boot=400).iloc[0]
    assert row["n_docs"] == 2
    # resampling whole documents: every bootstrap mean is the mean of one or both documents
    doc_means = sorted(s.groupby("doc_id")["vader_compound"].mean())
    assert row["mean_compound_low"] == pytest.approx(doc_means[0])
    assert row["mean_compound_high"] == pytest.approx(doc_means[1])


def test_permutation_test_on_identical_groups_gives_p_one():
    df = pd.DataFrame({"side": ["A"] * 5 + ["B"] * 5, "x": [0.1, -0.3, 0.5, 0.0, 0.2] * 2, "doc_id": "d"})
    row = cmp.compare_sides(df, "x", "A", "B", n_boot=200, n_perm=2000).iloc[0]
    assert row["p_value"] == pytest.approx(1.0, abs=1e-9)
    assert row["difference"] == 0.0 and row["cliffs_delta"] == 0.0 and row["effect_size"] == "negligible"


def test_compare_sides_is_generic_and_antisymmetric():
    df = pd.DataFrame({"party": ["P", "P", "P", "Q", "Q", "Q"], "hits": [True, True, False, False, False, False], "doc": "d"})
    ab = cmp.compare_sides(df, "hits", "P", "Q", groups_col="doc", side_col="party", n_boot=200, n_perm=500).iloc[0]
    ba = cmp.compare_sides(df, "hits", "Q", "P", groups_col="doc", side_col="party", n_boot=200, n_perm=500).iloc[0]
    assert ab["mean_a"] == pytest.approx(2 / 3) and ab["mean_b"] == 0.0
    assert ab["difference"] == -ba["difference"] and ab["cliffs_delta"] == -ba["cliffs_delta"]
    assert list(cmp.compare_sides(df, "hits", "P", "Q", side_col="party", groups_col=None).columns) == list(
        TABLES["side_comparison"]["columns"]
    )


def test_compare_sides_missing_side_gives_nan():
    df = pd.DataFrame({"side": ["A", "A"], "x": [1.0, 2.0], "doc_id": "d"})
    row = cmp.compare_sides(df, "x", "A", "Z", n_boot=100, n_perm=100).iloc[0]
    assert row["n_b"] == 0 and np.isnan(row["mean_b"]) and np.isnan(row["p_value"]) and row["effect_size"] == "n/a"


def test_compare_two_sides(sent):
    out = se.compare(sent, "A", "B", n_boot=200, n_perm=500)
    assert list(out.columns) == list(TABLES["sentiment_comparison"]["columns"])
    assert out[["measure", "masked"]].values.tolist() == [[m, k] for m in se.MEASURES for k in (False, True)]
    assert (out["n_a"] == 4).all() and (out["n_b"] == 4).all()
    assert (out["p_adjusted"] >= out["p_value"] - 1e-12).all()
    means = sent.groupby("side")["tone"].mean()
    first = out.iloc[0]
    assert first["measure"] == "tone" and first["difference"] == pytest.approx(means["A"] - means["B"])
    assert (out["scorer"] == se.DEFAULT_SCORER).all()
    assert out.loc[out["measure"] == "vader_compound", "value"].tolist() == ["vader_compound", "vader_compound_masked"]
    # the label shares are the scorer's (tone_label), not VADER's
    shares = sent.groupby("side")["tone_label"].apply(lambda s: (s == "negative").mean())
    neg = out.loc[(out["measure"] == "share_negative") & ~out["masked"]].iloc[0]
    assert neg["difference"] == pytest.approx(shares["A"] - shares["B"])
    swapped = se.compare(sent, "B", "A", n_boot=200, n_perm=500)
    assert np.allclose(swapped["cliffs_delta"], -out["cliffs_delta"])


def test_lexicon_agreement(sent):
    agr = se.lexicon_agreement(sent, sides=["A", "B"])
    assert agr[["group", "masked"]].values.tolist() == [
        ["all", False],
        ["all", True],
        ["A", False],
        ["A", True],
        ["B", False],
        ["B", True],
    ]
    assert agr.loc[0, "n"] == len(sent)
    assert -1 <= agr.loc[0, "spearman_rho"] <= 1
    const = se.score_statements(make_statements([("A", None, "Plain words."), ("A", None, "More plain words."), ("A", None, "Words.")]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert np.isnan(se.lexicon_agreement(const).loc[0, "spearman_rho"])


def test_lexicon_disagreements_show_negation(sent):
    dis = se.lexicon_disagreements(sent)
    assert list(dis.columns) == list(TABLES["sentiment_disagreements"]["columns"])
    row = dis.loc[dis["text"] == "We are not happy with the sanctions."].iloc[0]
    assert row["vader_label"] == "negative" and row["afinn_label"] == "positive" and row["opposite"]
    assert row["speaker"] == "Dmitriev"
    assert dis["opposite"].tolist() == sorted(dis["opposite"].tolist(), reverse=True)
    assert (dis["vader_label"] != dis["afinn_label"]).all()


def test_extremes(sent):
    ex = se.extremes(sent, k=2, sides=["A", "B"])
    assert list(ex.columns) == list(TABLES["sentiment_extremes"]["columns"])
    pos_a = ex.loc[(ex["side"] == "A") & (ex["direction"] == "most positive")]
    assert pos_a["rank"].tolist() == [1, 2][: len(pos_a)]
    assert pos_a.iloc[0]["text"] == "The talks were very good and productive."
    assert (pos_a["vader_compound"] > 0).all()
    neg = ex.loc[ex["direction"] == "most negative"]
    assert (neg["vader_compound"] < 0).all()
    assert neg.groupby("side")["vader_compound"].apply(lambda s: s.is_monotonic_increasing).all()


def test_summary_leads_with_the_tables_scorer(sent):
    by_side = se.summarize(sent, groups=["A", "B"], n_boot=200)
    assert (by_side["scorer"] == se.DEFAULT_SCORER).all()
    a = sent.loc[sent["side"] == "A"]
    row = by_side.loc[(by_side["group"] == "A") & ~by_side["masked"]].iloc[0]
    assert row["mean_tone"] == pytest.approx(a["tone"].mean())
    assert row["share_positive"] == pytest.approx((a["tone_label"] == "positive").mean())
    assert row["mean_compound"] == pytest.approx(a["vader_compound"].mean())
    vader = se.summarize(se.with_scorer(sent, "vader"), groups=["A", "B"], n_boot=200)
    assert (vader["scorer"] == "vader").all() and np.allclose(vader["mean_tone"], vader["mean_compound"])
    mixed = pd.concat([sent.iloc[:2], se.with_scorer(sent, "afinn").iloc[2:]], ignore_index=True)
    with pytest.raises(ValueError, match="mixes scorers"):
        se.summarize(mixed)


def test_figures_return_figures_and_are_byte_stable(sent, tmp_path):
    from analysis.viz.figures import save_figure

    summary = se.summarize(sent, groups=["A", "B"], n_boot=200)
    outputs = []
    for run in range(2):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            f1 = plots_sentiment.plot_by_side(summary, ["A", "B"])
            f2 = plots_sentiment.plot_distribution(sent, ["A", "B"])
        assert isinstance(f1, matplotlib.figure.Figure) and isinstance(f2, matplotlib.figure.Figure)
        paths = save_figure(f1, "by_side", tmp_path / str(run)) + save_figure(f2, "dist", tmp_path / str(run))
        outputs.append([p.read_bytes() for p in paths])
        matplotlib.pyplot.close("all")
    assert outputs[0] == outputs[1]


def test_reading_aids(sent):
    summary = se.summarize(sent, groups=["A", "B"], n_boot=200)
    view = se.summary_view(summary, measures=["mean_compound"])
    assert view.columns.tolist() == ["group", "n", "scorer", "mean_compound (as scored)", "mean_compound (masked)"]
    assert view["mean_compound (as scored)"].str.match(r"^-?\d\.\d\d \[-?\d\.\d\d, -?\d\.\d\d\]$").all()
    assert se.summary_view(summary).columns.tolist()[3:5] == ["mean_tone (as scored)", "mean_tone (masked)"]
    assert not hasattr(se, "findings")  # replaced by analysis.measures.readings
    actor_view = se.summary_view(se.summarize(sent, by="speaker", n_boot=100))
    assert "side" in actor_view.columns
