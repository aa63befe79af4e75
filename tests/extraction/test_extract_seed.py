"""The seed article: every quoted passage with its speaker, and the reported claims with sides."""

from pathlib import Path

import pytest

from analysis.core.corpus import read_document
from analysis.extraction.extract import extract

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed():
    doc = read_document(ROOT / "data" / "raw" / "000_33fa0b3c9e7b0adc.md")
    return doc["body"], extract(doc["body"])


EXPECTED_QUOTES = [
    ("high-level", {"Marco Rubio"}),
    ("series of reciprocal actions", {"Marco Rubio", None}),
    ("permanent end to the war", {"Mike Waltz"}),
    ("Well, again, we’re not going to pre-negotiate it", {"Marco Rubio"}),
    ("there is going to be some discussion of territory", {"Mike Waltz"}),
    ("a strong interest has been expressed", {"Sergey Lavrov"}),
    ("economic facets of our meeting. He outlined", {"Sergey Lavrov"}),
    ("will not go unpunished", {"Sergey Lavrov"}),
    ("will receive what is due", {"Sergey Lavrov"}),
]


def test_nine_quotes_with_speakers(seed):
    _, x = seed
    assert len(x.quotes) == 9
    for (prefix, speakers), row in zip(EXPECTED_QUOTES, x.quotes.itertuples()):
        assert row.text.startswith(prefix)
        assert row.speaker in speakers, (prefix, row.speaker)


def test_multi_sentence_quote_is_one(seed):
    _, x = seed
    q = x.quotes[x.quotes["text"].str.startswith("economic facets")].iloc[0]
    assert q["text"].endswith("United States.")


def test_quote_kinds(seed):
    _, x = seed
    kinds = dict(zip(x.quotes["text"].str[:10], x.quotes["kind"]))
    assert kinds["high-level"] == "term"
    assert kinds["Well, agai"] == "full"


@pytest.mark.parametrize(
    "source, side, needle, lemma",
    [
        ("Marco Rubio", "US", "the parties had agreed to three steps", "tell"),
        ("Mike Waltz", "US", "the only proposal was", "tell"),
        ("Volodymyr Zelenskyy", "Ukraine", "the exclusion of Ukraine from the talks", "criticize"),
        ("Sergey Lavrov", "Russia", "the economic aspects of the talks", "emphasize"),
        ("Sergey Lavrov", "Russia", "Kirill Dmitriev participated", "reveal"),
        ("Sergey Lavrov", "Russia", "the U.S. had agreed to appoint", "tell"),
        ("Russian Foreign Ministry", "Russia", "the visit as unfreezing diplomatic relations", "highlight"),
    ],
)
def test_claims(seed, source, side, needle, lemma):
    _, x = seed
    rows = x.claims[x.claims["text"].str.contains(needle, regex=False)]
    assert len(rows) >= 1, needle
    r = rows.iloc[0]
    assert (r["source"], r["side"], r["cue_lemma"]) == (source, side, lemma)


def test_readout_rule_and_classes(seed):
    _, x = seed
    r = x.claims[x.claims["source"] == "Russian Foreign Ministry"].iloc[0]
    assert r["rule"] == "readout" and r["cue_class"] == "assertive"
    assert set(x.claims["cue_class"]) >= {"neutral", "assertive", "revelatory", "critical"}


def test_offsets_valid(seed):
    body, x = seed
    for df in (x.mentions, x.quotes, x.claims):
        for r in df.itertuples():
            assert body[r.start : r.end] == r.text
    for r in x.quotes.dropna(subset=["speaker_start"]).itertuples():
        assert body[r.speaker_start : r.speaker_end]
    for r in x.claims.itertuples():
        assert body[r.cue_start : r.cue_end] == r.cue


def test_actors_and_sides(seed):
    _, x = seed
    sides = dict(zip(x.actors["actor"], x.actors["side"]))
    assert sides["Kirill Dmitriev"] == "Russia"
    assert sides["Keith Kellogg"] == "US"
    assert sides["Steve Witkoff"] == "US"
    assert x.actors["actor_id"].is_unique
