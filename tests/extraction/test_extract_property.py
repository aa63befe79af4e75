"""extract never raises on any str and every offset it returns is valid."""

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.extraction.extract import extract

PIECES = [
    "“",
    "”",
    '"',
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    ",",
    ".",
    ":",
    " ",
    "\n",
    "\n\n",
    "—",
    "Rubio",
    "Lavrov",
    "Zelenskyy",
    "he",
    "she",
    "it",
    "He",
    "said",
    "told reporters that",
    "according to",
    "Russian Foreign Minister",
    "U.S.",
    "the Kremlin",
    "Foreign Minister Li Wen",
    "stating,",
    "telling",
    "a senior U.S. official",
    "Anna Berg, the Swedish envoy,",
    "that",
    "We will",
    "talks",
    "Gen.",
    "White",
    "House",
    "United",
    "States",
    "officials",
    "  ",
    "\t",
    "<a href=",
    "<post author=",
    ">",
    "</post>",
    "''",
    "Dec.",
    "8",
    "DOVER, Del., Aug. 9 (Wire) —",
]
text_strategy = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
)


def check(text: str) -> None:
    x = extract(text)
    for name in ("mentions", "actors", "quotes", "claims"):
        assert isinstance(getattr(x, name), pd.DataFrame)
    for df in (x.mentions, x.quotes, x.claims):
        for r in df.itertuples():
            assert 0 <= r.start <= r.end <= len(text)
            assert text[r.start : r.end] == r.text
    for r in x.quotes.itertuples():
        if r.speaker_start is not None and not pd.isna(r.speaker_start):
            assert 0 <= r.speaker_start < r.speaker_end <= len(text)
        if r.cue_start is not None and not pd.isna(r.cue_start):
            assert text[r.cue_start : r.cue_end] == r.cue
        assert r.speaker is None or isinstance(r.speaker, str)
    for r in x.claims.itertuples():
        assert text[r.cue_start : r.cue_end] == r.cue
        if r.source_start is not None and not pd.isna(r.source_start):
            assert 0 <= r.source_start < r.source_end <= len(text)
        assert r.source is None or isinstance(r.source, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_strategy)
def test_extract_never_raises_and_offsets_valid(text):
    check(text)


def test_adversarial_examples():
    for text in [
        "",
        " ",
        "“",
        "”",
        '"',
        "“”",
        "”“",
        '"""',
        "‘’’‘",
        "said",
        "he said",
        "According to",
        "“unclosed quote that goes on and on",
        "a ”b c,” d",
        "\n\n“x\n\n“y",
        "Rubio:",
        "Two White  House officials said so.",  # a country word with odd whitespace inside it
        "The United\nStates delegation and a senior United  States official spoke.",
        "\x00\x01",
        "“" * 50,
        "said " * 40,
        "U.S. " * 30,
    ]:
        check(text)
