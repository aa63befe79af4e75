"""The offline text layer: Punkt with the project's abbreviations, spans, headings."""

from analysis.core.text import count_words, is_heading, paragraph_spans, sentence_spans, word_spans


def sents(s: str) -> list[str]:
    return [s[a:b] for a, b in sentence_spans(s)]


def test_us_and_russia_never_splits():
    s = "Officials from the U.S. and Russia met in Riyadh. They agreed to talk again."
    assert sents(s) == ["Officials from the U.S. and Russia met in Riyadh.", "They agreed to talk again."]


def test_titles_and_months_do_not_split():
    s = "Retired Gen. Keith Kellogg met Sen. Jim Risch on Feb. 19 in Washington. Mr. Smith said Dr. Jones left."
    assert sents(s) == ["Retired Gen. Keith Kellogg met Sen. Jim Risch on Feb. 19 in Washington.", "Mr. Smith said Dr. Jones left."]


def test_abbreviation_at_sentence_end_before_a_sentence_starter():
    s = "Russia wants more diplomats in the U.S. The Kremlin said so."
    assert sents(s) == ["Russia wants more diplomats in the U.S.", "The Kremlin said so."]


def test_closing_curly_quote_stays_with_its_sentence():
    s = "He said it was “a good start.” Then he left."
    assert sents(s) == ["He said it was “a good start.”", "Then he left."]


def test_spans_are_offsets_into_the_given_text():
    s = "  Intro.\n\nSecond paragraph here. And more.\n"
    for a, b in paragraph_spans(s):
        for x, y in sentence_spans(s, a, b):
            assert a <= x < y <= b
    assert [s[a:b] for a, b in paragraph_spans(s)] == ["Intro.", "Second paragraph here. And more."]


def test_single_line_breaks_separate_paragraphs_only_without_blank_lines():
    assert len(paragraph_spans("a\nb\nc")) == 3
    assert len(paragraph_spans("a\nb\n\nc")) == 2


def test_crlf_paragraphs():
    s = "First line.\r\nSecond line.\r\n"
    assert [s[a:b] for a, b in paragraph_spans(s)] == ["First line.", "Second line."]


def test_headings():
    assert is_heading("RUSSIANS FOCUSED ON ECONOMICS")
    assert is_heading("## Background")
    assert not is_heading("NATO AND THE EU MET.")
    assert not is_heading("The U.S. and Russia")
    assert not is_heading("US")


def test_word_tokens():
    s = "Lavrov’s “high-level” team—restoring U.S. embassies."
    assert [s[a:b] for a, b in word_spans(s)] == ["Lavrov’s", "high-level", "team", "restoring", "U.S", "embassies"]
    assert count_words("") == 0
