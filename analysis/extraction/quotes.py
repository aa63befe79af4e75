"""Quotes: quoted passages as character spans, robust to real-world punctuation.

Quote marks are read from their context, not only from their glyph: a mark with
space before and a word after opens, a mark with a word before and space or
punctuation after closes, so a mistyped ``”series of …,”`` still pairs. A quote
running over several paragraphs (opening mark at the start of each paragraph,
closing mark only at the end) is one quote. Single marks (‘…’) are used as quote
marks only outside double quotes and only when they pair cleanly, so apostrophes
never open a quote. A doubled apostrophe (two apostrophes, as some newswires write
a double mark) is a double mark. Marks inside a markup tag with attributes left in a
scraped article (``<a href="…">``) delimit attribute values and are skipped.

Spans exclude the marks: ``text[start:end]`` is the quoted words.

>>> s = 'He called it “high-level,” then said: “We will talk.”'
>>> [(s[q["start"]:q["end"]], q["kind"]) for q in find_quotes(s)]
[('high-level,', 'term'), ('We will talk.', 'full')]
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from ..core.text import paragraph_spans

if TYPE_CHECKING:  # typing only: no import at run time
    from .types import QuoteSpan

__all__ = [
    "markup_tags",
    "DOUBLE_OPEN",
    "DOUBLE_CLOSE",
    "DOUBLE",
    "SINGLE_OPEN",
    "SINGLE_CLOSE",
    "ALL_MARKS",
    "mark_role",
    "quote_kind",
    "find_quotes",
]

DOUBLE_OPEN = "“„«‟"
DOUBLE_CLOSE = "”»"
DOUBLE = DOUBLE_OPEN + DOUBLE_CLOSE + '"'
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
ALL_MARKS = DOUBLE + SINGLE_OPEN + SINGLE_CLOSE + "'"
# a double mark; a doubled apostrophe (two apostrophes, some newswires) is one too, also in a run of
# three beside a single mark (three apostrophes close a single and a double quote at once)
_DOUBLE_RX = re.compile(r'["“”„«»‟]|(?<!\')\'\'\'?(?!\')')
_DOUBLE_GLYPH_RX = re.compile(r'["“”„«»‟]')  # the same for a text with no doubled apostrophe (faster)
_SINGLE_RX = re.compile(r"['‘’‹›]")
_LEFT_CTX = set(" \t\n\r\f\v([{—–-/")
_RIGHT_CTX = set(" \t\n\r\f\v)]}.,;:!?—–-/…")
_WORD_RX = re.compile(r"\w+(?:[-'’.]\w+)*")
_TERM_PUNCT = re.compile(r"[.,;:!?…]")
_TITLE_SMALL = frozenset("a an the of and in on for to at by with or".split())
# A markup tag with attributes left in a scraped article (<a href="…">, <tweet author="…">): its marks are not quotes.
_TAG_RX = re.compile(r"<[A-Za-z][\w:.-]*\s[^<>\n]{0,2000}>")


def markup_tags(text: str) -> list[tuple[int, int]]:
    """(start, end) of the markup tags with attributes in ``text``: the quote marks inside them delimit attribute values.

    >>> s = 'See <a href="x.html">“this”</a>.'
    >>> [s[a:b] for a, b in markup_tags(s)]
    ['<a href="x.html">']
    """
    if "<" not in text:
        return []
    return [m.span() for m in _TAG_RX.finditer(text) if "=" in m.group()]


def mark_role(text: str, i: int, lo: int, hi: int, n: int = 1) -> str:
    """``open``, ``close`` or ``either`` for the quote mark ``text[i:i + n]`` inside ``text[lo:hi]``
    (``n`` = 2 for a doubled apostrophe).

    Context decides (space before and a word after opens); the glyph breaks ties.

    >>> s = 'a ”b c,” d'
    >>> mark_role(s, 2, 0, len(s)), mark_role(s, 7, 0, len(s))
    ('open', 'close')
    >>> s = "a ''b c,'' d"
    >>> mark_role(s, 2, 0, len(s), 2), mark_role(s, 8, 0, len(s), 2)
    ('open', 'close')
    """
    left = i == lo or text[i - 1] in _LEFT_CTX or text[i - 1] in ALL_MARKS
    right = i + n >= hi or text[i + n] in _RIGHT_CTX or text[i + n] in ALL_MARKS
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    ch = text[i]
    if ch in DOUBLE_OPEN or ch in SINGLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE or ch in SINGLE_CLOSE:
        return "close"
    return "either"


def _double_span(text: str, m: re.Match) -> tuple[int, int]:
    """The double mark of a ``_DOUBLE_RX`` match: in a run of three apostrophes, the first two when the
    run opens a quote (nothing but space or an opening before it), else the last two."""
    i, j = m.span()
    if j - i == 3:
        return (i, i + 2) if i == 0 or text[i - 1] in _LEFT_CTX else (i + 1, j)
    return i, j


def _starts_with_open(text: str, lo: int, hi: int) -> int | None:
    """Offset of an opening double mark at the very start of ``text[lo:hi]``, else None."""
    m = _DOUBLE_RX.match(text, lo, hi)
    if m is None:
        return None
    i, j = _double_span(text, m)
    return i if mark_role(text, i, lo, hi, j - i) in ("open", "either") else None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _pair_double(text: str, paras: list[tuple[int, int]], tags: list[tuple[int, int]] = ()) -> list[tuple[int, int, int, int]]:
    """(open_mark, inner_start, inner_end, close_mark_end) for double-quoted passages; marks inside ``tags`` are skipped."""
    out = []
    carry = None  # an opening mark still open at the end of the previous paragraph
    rx = _DOUBLE_RX if "''" in text else _DOUBLE_GLYPH_RX
    for k, (lo, hi) in enumerate(paras):
        opened, opened_end = carry if carry is not None else (None, None)
        carry = None
        skip = _starts_with_open(text, lo, hi) if opened is not None else None
        for m in rx.finditer(text, lo, hi):
            i, j = m.span()
            if j - i == 3:
                i, j = _double_span(text, m)
            if i == skip or (tags and _inside(tags, i)):
                continue
            role = mark_role(text, i, lo, hi, j - i)
            if opened is None:
                if role != "close":
                    opened, opened_end = i, j
            elif role != "open":
                out.append((opened, opened_end, i, j))
                opened = None
            else:
                opened, opened_end = i, j  # the earlier mark was stray
        if opened is not None:
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            if nxt is not None and _starts_with_open(text, *nxt) is not None:
                carry = (opened, opened_end)
            elif _plausible_unclosed(text, opened, lo, hi):
                out.append((opened, opened_end, hi, hi))
    return out


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    """True when offset ``i`` lies in one of the sorted, disjoint ``spans``."""
    k = bisect.bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def _plausible_unclosed(text: str, i: int, lo: int, hi: int) -> bool:
    """An unclosed quote (its closing mark lost) is kept to the paragraph end when it has 3+ words."""
    return len(_WORD_RX.findall(text, i, min(hi, i + 400))) >= 3


def _pair_single(text: str, lo: int, hi: int, blocked: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    out = []
    opened = None
    merged: list[tuple[int, int]] = []  # the blocked spans' union, sorted and disjoint (looked up by bisection)
    for a, b in sorted(blocked):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        elif b > a:
            merged.append((a, b))
    for m in _SINGLE_RX.finditer(text, lo, hi):
        i = m.start()
        if _inside(merged, i) or text[i] == "'" and (text[i - 1 : i] == "'" or text[i + 1 : i + 2] == "'"):
            continue  # inside a double quote, or half of a doubled apostrophe
        left = i == lo or text[i - 1] in _LEFT_CTX or text[i - 1] in DOUBLE
        right = i + 1 >= hi or text[i + 1] in _RIGHT_CTX or text[i + 1] in DOUBLE
        if opened is None:
            if left and not right and text[i] in SINGLE_OPEN + "'":
                opened = i
        elif right and not left:
            if text[i - 1] == "s" and text[i] in "’'" and i + 1 < hi and text[i + 1] == " " and text[i] in text[i + 1 : hi]:
                continue  # plural possessive ("the farmers’ demands") before the real closing mark
            out.append((opened, opened + 1, i, i + 1))
            opened = None
    return out


def quote_kind(text: str, start: int, end: int, mark: int) -> str:
    """``term`` (≤ 3 words, no punctuation: a scare-quoted word; or ≤ 5 words in Title Case: a title), ``full`` (a quoted
    sentence: capitalised, or introduced by ':'/',' or opening its sentence) or ``partial``.

    >>> s = 'a “high-level” team; he said: “we will go.” He called it “a total disaster for everyone”'
    >>> [q["kind"] for q in find_quotes(s)]
    ['term', 'full', 'partial']
    """
    body = text[start:end]
    words = _WORD_RX.findall(body)
    before = text[max(0, mark - 3) : mark].rstrip()
    if not before or before[-1] in ":.!?\n" or before[-1] in ALL_MARKS:
        return "full"
    if len(words) <= 3 and not _TERM_PUNCT.search(body.rstrip(".,")) and not body.rstrip().endswith((".", "!", "?")):
        return "term"
    if len(words) <= 5 and not _TERM_PUNCT.search(body.rstrip(".,")) and all(w[0].isupper() or w in _TITLE_SMALL for w in words):
        return "term"  # a title in Title Case: “Meet the Press.”, “Saturday Night Live”
    if before[-1] == "," or body.lstrip()[:1].isupper():
        return "full"
    return "partial"


def find_quotes(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteSpan]:
    """Quoted passages of ``text``: dicts with start, end (marks excluded), text, kind,
    mark_start, mark_end (marks included), sorted by start. Never raises.

    >>> s = '“First paragraph.\\n\\n“Second one,” she said.'
    >>> [s[q["start"]:q["end"]] for q in find_quotes(s)]
    ['First paragraph.\\n\\n“Second one,']
    >>> s = '<tweet author="ab" id="1">“Go vote,” he wrote.</tweet>'
    >>> [s[q["start"]:q["end"]] for q in find_quotes(s)]
    ['Go vote,']
    """
    paras = paragraph_spans(text) if paragraphs is None else paragraphs
    tags = markup_tags(text)
    spans = _pair_double(text, paras, tags)
    if "‘" in text or "'" in text or "‹" in text:
        singles = []
        spans.sort()
        starts = [a for a, _, _, _ in spans]
        for lo, hi in paras:
            if not _SINGLE_RX.search(text, lo, hi):
                continue
            k = bisect.bisect_left(starts, hi)
            blocked = [t for t in tags if t[1] > lo and t[0] < hi]
            while k > 0 and spans[k - 1][3] > lo - 10_000:
                k -= 1
                if spans[k][3] > lo:
                    blocked.append((spans[k][0], spans[k][3]))
            singles += _pair_single(text, lo, hi, blocked)
        spans += singles
    out = []
    for ms, a, b, me in sorted(spans):
        a2, b2 = _trim(text, a, b)
        if b2 <= a2 or not _WORD_RX.search(text, a2, b2):
            continue
        out.append({"start": a2, "end": b2, "text": text[a2:b2], "kind": quote_kind(text, a2, b2, ms), "mark_start": ms, "mark_end": me})
    return out
