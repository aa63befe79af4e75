"""Offline text layer: paragraphs, sentences and word tokens as character spans.

Everything here works without downloaded NLTK data: sentence splitting is NLTK's
Punkt with the project's own parameters (``resources/abbreviations.txt`` and
``resources/sentence_starters.txt``), word tokens come from NLTK's
``RegexpTokenizer``. All functions return ``(start, end)`` spans into the string
they were given, so ``text[start:end]`` is always the unit itself.

>>> s = "Talks between the U.S. and Russia began. Rubio spoke."
>>> [s[a:b] for a, b in sentence_spans(s)]
['Talks between the U.S. and Russia began.', 'Rubio spoke.']
"""

from __future__ import annotations

import re
from functools import lru_cache

from nltk.tokenize import RegexpTokenizer
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer

from .resources import read_list

__all__ = [
    "WORD_PATTERN",
    "sentence_tokenizer",
    "paragraph_spans",
    "is_heading",
    "sentence_spans",
    "word_spans",
    "words",
    "count_words",
    "count_words_uncached",
    "re_tokens_match",
    "tokens",
]

# A paragraph break is a blank line when the text has any, else a single line break.
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_HEADING_MD = re.compile(r"^#{1,6}\s")

WORD_PATTERN = r"\w+(?:[-'’.]\w+)*"
_word_tokenizer = RegexpTokenizer(WORD_PATTERN)
_token_tokenizer = RegexpTokenizer(WORD_PATTERN + r"|[^\w\s]")


class _NewsLanguageVars(PunktLanguageVars):
    """Punkt language variables that also treat curly closing quotes as part of a sentence end."""

    # Punkt's default is ["\')\]}]; news uses typographic quotes too.
    _re_boundary_realignment = re.compile(r'["\')\]}”’»]+?(?:\s+|(?=--)|$)', re.MULTILINE)


class _MemoPunkt(PunktSentenceTokenizer):
    """Punkt with a memo of its per-candidate decision (a pure function of a short context).

    ``text_contains_sentbreak`` sees only the few words around one candidate full stop
    and the fixed parameters, so its answer can be remembered: news repeats such
    contexts ("said. “The") often. Same results as Punkt, fewer token annotations.
    """

    _MEMO_SIZE = 200_000

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._memo: dict[str, bool] = {}

    def text_contains_sentbreak(self, text: str) -> bool:
        hit = self._memo.get(text)
        if hit is None:
            hit = super().text_contains_sentbreak(text)
            if len(self._memo) >= self._MEMO_SIZE:
                self._memo.clear()
            self._memo[text] = hit
        return hit


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSentenceTokenizer:
    """The project's Punkt tokenizer, built from resource files (no ``nltk.download``)."""
    params = PunktParameters()
    params.abbrev_types = set(read_list("abbreviations.txt"))
    params.sent_starters = set(read_list("sentence_starters.txt"))
    return _MemoPunkt(params, lang_vars=_NewsLanguageVars())


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the paragraphs of ``text``, surrounding whitespace excluded, empty ones dropped.

    Paragraphs are separated by blank lines when the text has any, otherwise by line breaks.

    >>> paragraph_spans("One.\\nTwo.")
    [(0, 4), (5, 9)]
    """
    sep = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans, pos = [], 0
    for m in sep.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        chunk = text[a:b]
        stripped = chunk.strip()
        if stripped:
            a2 = a + (len(chunk) - len(chunk.lstrip()))
            out.append((a2, a2 + len(stripped)))
    return out


def is_heading(paragraph: str) -> bool:
    """True for a subhead: a Markdown heading, or a short all-capitals line without final punctuation.

    >>> is_heading("RUSSIANS FOCUSED ON ECONOMICS")
    True
    >>> is_heading("NATO said so.")
    False
    """
    p = paragraph.strip()
    if _HEADING_MD.match(p):
        return True
    # Every condition must hold; the cheap ones first, and stop at the first lower-case letter.
    if not p or p[-1] in ".!?:;,\"”’'":
        return False
    n_letters = 0
    for c in p:
        if c.isalpha():
            if c.islower():
                return False
            n_letters += 1
    return n_letters >= 3 and len(p.split()) <= 15


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]`` (one paragraph), as offsets into ``text``.

    >>> s = "Gen. Keith Kellogg arrived. He met Zelenskyy."
    >>> [s[a:b] for a, b in sentence_spans(s)]
    ['Gen. Keith Kellogg arrived.', 'He met Zelenskyy.']
    """
    end = len(text) if end is None else end
    chunk = text[start:end]
    return [(start + a, start + b) for a, b in sentence_tokenizer().span_tokenize(chunk)]


def word_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the word tokens of ``text`` (letters/digits, with inner hyphens, apostrophes, dots).

    >>> s = "The U.S. side's four-and-half-hour talks"
    >>> [s[a:b] for a, b in word_spans(s)]
    ['The', 'U.S', "side's", 'four-and-half-hour', 'talks']
    """
    return list(_word_tokenizer.span_tokenize(text))


def words(text: str) -> list[str]:
    """Word tokens of ``text`` (see :func:`word_spans`).

    >>> words("a permanent end to the war.")
    ['a', 'permanent', 'end', 'to', 'the', 'war']
    """
    return _word_tokenizer.tokenize(text)


def count_words(text: str) -> int:
    """Number of word tokens in ``text``.

    >>> count_words("the U.S. and Russia")
    4
    """
    if isinstance(text, str):
        return _count_words(text)  # the build counts the same sentences and statements several times
    return len(_word_tokenizer.tokenize(text))


@lru_cache(maxsize=8192)
def _count_words(text: str) -> int:
    return count_words_uncached(text)


def count_words_uncached(text: str) -> int:
    """:func:`count_words` of a str without its memo (for many distinct texts, e.g. every sentence of a corpus).

    >>> count_words_uncached("the U.S. and Russia")
    4
    """
    if re_tokens_match(text):
        return len(_RE_WORD.findall(text))  # the same tokens, from the faster standard-library engine
    return len(_word_tokenizer.tokenize(text))


def re_tokens_match(text: str) -> bool:
    """True if :data:`WORD_PATTERN` on the standard :mod:`re` engine gives ``text`` the same word tokens as :func:`words`.

    NLTK's tokenizer runs on the ``regex`` engine, whose ``\\w`` also takes combining
    marks and a few other characters; on text without such characters (almost all
    text) both engines give the same tokens, and ``re`` is several times faster.

    >>> re_tokens_match("Zelenskyy’s “peace”"), re_tokens_match("cafe\u0301")
    (True, False)
    """
    return text.isascii() or all(c.isascii() or _same_word_char(c) for c in set(text))


_RE_WORD = re.compile(WORD_PATTERN)


@lru_cache(maxsize=65536)
def _same_word_char(c: str) -> bool:
    """True if ``c`` is a word character (``\\w``) for NLTK's tokenizer exactly when it is one for :mod:`re`.

    NLTK's ``RegexpTokenizer`` runs on the ``regex`` module, whose ``\\w`` also takes
    combining marks and a few more characters; on text without such characters
    both engines give the same tokens.
    """
    return (len(_word_tokenizer.tokenize(c)) == 1) == (_RE_WORD.fullmatch(c) is not None)


def tokens(text: str) -> list[str]:
    """Words and punctuation marks of ``text``, each punctuation mark its own token.

    >>> tokens("Peace, now.")
    ['Peace', ',', 'now', '.']
    """
    return _token_tokenizer.tokenize(text)
