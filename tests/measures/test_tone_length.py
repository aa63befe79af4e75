"""A statement's tone does not drift with its length: repeated and joined sentences, for every scorer.

The sentences are written for this test (news-like opinion sentences, several with
abbreviations, quotes and negations that a naive splitter would get wrong).
"""

import numpy as np
import pytest

from analysis.core.text import count_words
from analysis.measures import sentiment as se

SENTENCES = [
    "Kyiv will not go unpunished.",
    "The talks were very good and productive.",
    "Officials said the plan was a disaster for farmers.",
    "Gen. Keith Kellogg praised the brave soldiers on Tuesday.",
    "Critics called the deal a shameful betrayal of the allies.",
    "The U.S. delegation arrived in Riyadh on Monday.",
    "“We are not happy with the sanctions,” the minister said.",
    "Nobody expects a quick breakthrough, but both sides sounded hopeful.",
    "The new law is a welcome step toward fairer courts.",
    "Prices rose again in March, and families are struggling to cope.",
    "Is this really the best they can do?",
    "What a terrible, terrible mistake!",
    "Mr. Lavrov said relations could improve swiftly.",
    "The committee will meet again next week.",
    "Her speech was warm, generous and widely admired.",
    "The war has destroyed thousands of homes and killed civilians.",
]


@pytest.mark.parametrize("scorer", se.SCORERS)
@pytest.mark.parametrize("k", [2, 3, 5])
def test_a_sentence_repeated_keeps_its_tone(scorer, k):
    once = se.score_texts(SENTENCES, scorer=scorer)
    repeated = se.score_texts([" ".join([s] * k) for s in SENTENCES], scorer=scorer)
    for col in ("tone", "tone_masked", "vader_compound", "afinn"):
        change = np.abs(repeated[col].to_numpy(float) - once[col].to_numpy(float))
        assert change.max() <= 0.02, (scorer, k, col, change.max())
    assert repeated["tone_label"].tolist() == once["tone_label"].tolist()


@pytest.mark.parametrize("scorer", se.SCORERS)
def test_two_sentences_joined_score_their_word_weighted_mean(scorer):
    once = se.score_texts(SENTENCES, scorer=scorer)
    tone = dict(zip(SENTENCES, once["tone"]))
    pairs = [(a, b) for i, a in enumerate(SENTENCES) for b in SENTENCES[i + 1 :]]
    joined = se.score_texts([f"{a} {b}" for a, b in pairs], scorer=scorer)
    for (a, b), got in zip(pairs, joined["tone"]):
        na, nb = count_words(a), count_words(b)
        expected = (na * tone[a] + nb * tone[b]) / (na + nb)
        assert abs(got - expected) <= 0.05, (scorer, a, b, got, expected)
    # Whitespace-split word counts as weights differ little from the project's.
    for (a, b), got in zip(pairs, joined["tone"]):
        na, nb = len(a.split()), len(b.split())
        assert abs(got - (na * tone[a] + nb * tone[b]) / (na + nb)) <= 0.05


def test_order_of_sentences_does_not_matter():
    a, b = SENTENCES[1], SENTENCES[4]
    for scorer in se.SCORERS:
        ab, ba = se.score_texts([f"{a} {b}", f"{b} {a}"], scorer=scorer)["tone"]
        assert ab == ba


def test_one_sentence_scores_as_before_and_abbreviations_do_not_split():
    assert se.split_sentences("Gen. Keith Kellogg praised the U.S. troops.") == ["Gen. Keith Kellogg praised the U.S. troops."]
    assert se.split_sentences("It failed. “No,” he said! Why?") == ["It failed.", "“No,” he said!", "Why?"]
    assert se.split_sentences("no sentence mark here") == ["no sentence mark here"]
    text = "The talks were very good and productive."
    assert se.score_text(text, scorer="vader")["tone"] == se.vader_analyzer().polarity_scores(text)["compound"]


def test_quick_check_agrees_with_punkt():
    from analysis.core.text import sentence_tokenizer

    texts = (
        SENTENCES
        + [" ".join(SENTENCES[i : i + 3]) for i in range(len(SENTENCES))]
        + ["a.b c", "3.5 percent", "Wait... what", "end.“Start", "end.Start here", "He left.The end", "A!b c. D"]
    )
    for t in texts:
        punkt = [t[a:b] for a, b in sentence_tokenizer().span_tokenize(t)]
        assert se.split_sentences(t) == punkt, t


def test_word_weighted_mean():
    assert se.word_weighted_mean([0.2], [0]) == 0.2
    assert se.word_weighted_mean([1.0, -1.0], [3, 1]) == 0.5
