"""Frame matching: every codebook hit in a table of units, with its audit trail (offsets and keyword in context).

Matching stems every distinct word token once with NLTK's Snowball stemmer and looks the
stems up in an index of all patterns of a codebook (:mod:`analysis.measures.codebook`);
each document body is tokenized and matched once, its statements and sentences being
ranges of it, so a build over thousands of documents stays linear in the number of tokens.
Every hit keeps the pattern that matched, absolute character offsets into the document
body (``body[start:end] == text``) and keyword-in-context.

>>> import pandas as pd
>>> units = pd.DataFrame({"doc_id": ["d", "d"], "statement_id": ["s1", "s2"],
...     "start": [0, 40], "text": ["We agreed on restoring embassies.", "Sanctions hurt trade."]})
>>> frame_hits(units, frames=load_frames("diplomacy"))[["unit_id", "frame_id", "pattern", "text"]].values.tolist()
[['s1', 'diplomatic_relations', 'embassy', 'embassies'], ['s2', 'economic', 'sanction', 'Sanctions'], ['s2', 'economic', 'trade', 'trade']]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count

import pandas as pd

from ..core.schema import conform
from ..core.text import WORD_PATTERN, re_tokens_match, word_spans
from .codebook import Frame, load_frames, normalize_token, stem

__all__ = ["KWIC_WINDOW", "frame_hits", "kwic"]

KWIC_WINDOW = 40
_WS = re.compile(r"\s+")

#
# A text is scanned once: its word tokens, then every raw match of a pattern or an
# exclusion. A unit is a range of characters of a scan. In a build, every statement and
# sentence of a document is a range of the scan of its body, so a body is tokenized,
# stemmed and matched once however many units cover it.

_WORD_SPLIT = re.compile(f"({WORD_PATTERN})")  # split() alternates gap, token, gap, ..., gap


def _tokenize(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and strings of the word tokens of ``text``, the same as :func:`analysis.core.text.word_spans`.

    >>> _tokenize("The U.S. side's")
    ([0, 4, 9], [3, 7, 15], ['The', 'U.S', "side's"])
    """
    if re_tokens_match(text):
        # the same tokens with ``re``, offsets summed from the lengths of gaps and tokens: several times faster
        parts = _WORD_SPLIT.split(text)
        offsets = list(accumulate(map(len, parts)))
        return offsets[0:-1:2], offsets[1::2], parts[1::2]
    spans = word_spans(text)
    return [a for a, _ in spans], [b for _, b in spans], [text[a:b] for a, b in spans]


def _element_ok(element: tuple[str, str], low: str, st: str) -> bool:
    """Does one pattern element match the token with lower-case form ``low`` and stem ``st``?"""
    kind, value = element
    if kind == "stem":
        return st == value
    if kind == "exact":
        return low == value
    if kind == "prefix":
        return low.startswith(value) or any(part.startswith(value) for part in low.split("-")[1:])
    return True


@dataclass(frozen=True)
class _Scan:
    """The word tokens of a text and the raw matches among them, before exclusions and overlaps.

    ``matches`` are ``(start, end, frame_index, is_exclusion, rank, pattern, j)``: character
    offsets into ``text``, ``rank`` the pattern's position in its frame, ``j`` the token
    after the match; ordered by first token. ``first_match[i]`` is the index of the first
    match starting at token ``i`` or later.
    """

    text: str
    starts: list[int]
    ends: list[int]
    matches: list[tuple]
    first_match: list[int]

    def span(self, unit: str, start) -> tuple[int, int] | None:
        """Tokens ``(i, j)`` of ``unit`` when it is the text at ``start`` and no token runs across its ends, else None.

        Then the tokens of ``unit`` alone are exactly tokens ``i:j`` (the word pattern
        looks neither behind nor ahead), and so are the matches among them.
        """
        if type(start) is not int or start < 0 or not self.text.startswith(unit, start):
            return None
        starts, ends, end = self.starts, self.ends, start + len(unit)
        i = bisect_left(starts, start)
        if i and ends[i - 1] > start:
            return None
        j = bisect_left(starts, end, i)
        if j and ends[j - 1] > end:
            return None
        return i, j

    def hits(self, i: int, j: int) -> list[tuple]:
        """The kept hits among tokens ``i:j``, as matches ordered by start and frame.

        Only matches wholly inside count. Per frame: matches overlapping an exclusion of
        the frame are dropped, then the leftmost-longest non-overlapping ones are kept,
        ties broken by codebook order.
        """
        k, end = self.first_match[i], self.first_match[j]
        if k == end:
            return []
        inside = [m for m in self.matches[k:end] if m[6] <= j]
        if len(inside) < 2:
            return [] if not inside or inside[0][3] else inside
        found: dict[int, list] = {}
        excluded: dict[int, list] = {}
        for m in inside:
            (excluded if m[3] else found).setdefault(m[2], []).append(m)
        out = []
        for fi, cands in found.items():
            bad = excluded.get(fi)
            if bad:
                cands = [c for c in cands if not any(c[0] < e[1] and e[0] < c[1] for e in bad)]
            cands.sort(key=lambda c: (c[0], -c[1], c[4]))
            last_end = -1
            for c in cands:
                if c[0] >= last_end:
                    out.append(c)
                    last_end = c[1]
        out.sort(key=lambda c: (c[0], c[2]))
        return out


class _Matcher:
    """All patterns and exclusions of a codebook in lookup indexes keyed by their first element.

    Memoises every token seen (lower-case form, stem, the patterns it can start; up to
    about :data:`WORDS` of them) and the scans of the bodies of the last ``bodies`` mapping
    given to :meth:`body_scan` (a build chunk's, matched once for its statements and again
    for its sentences).
    """

    WORDS = 500_000

    def __init__(self, frames: Sequence[Frame]):
        self.frames = tuple(frames)
        self.by_stem: dict[str, list] = {}
        self.by_exact: dict[str, list] = {}
        self.by_prefix3: dict[str, list] = {}
        for fi, f in enumerate(self.frames):
            for excl, pats in ((False, f.patterns), (True, f.exclusions)):
                for rank, p in enumerate(pats):
                    tail = tuple((k, el) for k, el in enumerate(p.elements[1:], 1) if el[0] != "any")
                    entry = (fi, excl, rank, p, tail)
                    kind, value = p.elements[0]
                    if kind == "stem":
                        self.by_stem.setdefault(value, []).append(entry)
                    elif kind == "exact":
                        self.by_exact.setdefault(value, []).append(entry)
                    else:
                        self.by_prefix3.setdefault(value[:3], []).append(entry)
        self._words: dict[str, tuple[str, str, tuple]] = {}
        self._starters: set[str] = set()  # the tokens that start at least one pattern or exclusion
        self._bodies: Mapping[str, str] | None = None
        self._scans: dict[str, _Scan] = {}

    def word(self, token: str) -> tuple[str, str, tuple]:
        """``(lower-case form, stem, entries of the patterns whose first element matches it)`` of a token.

        An entry is ``(frame_index, is_exclusion, rank, pattern, tail)``, ``tail`` the
        pattern's other elements but ``_``, with their positions.
        """
        info = self._words.get(token)
        if info is None:
            low = normalize_token(token)
            st = stem(low)
            cands = [*self.by_stem.get(st, ()), *self.by_exact.get(low, ())]
            for k in {low[:3]} | {part[:3] for part in low.split("-")[1:]}:
                cands += self.by_prefix3.get(k, ())
            info = self._words[token] = (low, st, tuple(e for e in cands if _element_ok(e[3].elements[0], low, st)))
            if info[2]:
                self._starters.add(token)
        return info

    def scan(self, text: str) -> _Scan:
        """Tokenize ``text`` and find every raw match of a pattern or exclusion in it."""
        starts, ends, tokens = _tokenize(text)
        if len(self._words) > self.WORDS:
            self._words.clear()
            self._starters.clear()
        for t in set(tokens).difference(self._words):
            self.word(t)
        words, n = self._words, len(tokens)
        matches = []
        at = [0] * (n + 1)  # at[i + 1]: matches starting at token i
        for i in compress(count(), map(self._starters.__contains__, tokens)):
            for fi, excl, rank, p, tail in words[tokens[i]][2]:
                j = i + len(p.elements)
                if j <= n and all(_element_ok(el, *words[tokens[i + k]][:2]) for k, el in tail):
                    matches.append((starts[i], ends[j - 1], fi, excl, rank, p, j))
                    at[i + 1] += 1
        return _Scan(text, starts, ends, matches, list(accumulate(at)))

    def body_scan(self, body: str, bodies: Mapping[str, str]) -> _Scan:
        """The scan of ``body``, one of ``bodies``: memoised while calls pass the same mapping."""
        if bodies is not self._bodies:
            self._bodies, self._scans = bodies, {}
        sc = self._scans.get(body)
        if sc is None:
            sc = self._scans[body] = self.scan(body)
        return sc


@lru_cache(maxsize=8)
def _matcher(frames: tuple[Frame, ...]) -> _Matcher:
    return _Matcher(frames)


def _kwic(source: str, a: int, b: int, window: int) -> tuple[str, str]:
    return _collapse(source[max(0, a - window) : a]), _collapse(source[b : b + window])


def _collapse(s: str) -> str:
    """``s`` with each run of whitespace made one space.

    A printable string has no whitespace but the ASCII space, so without a double
    space it is already collapsed (the common case, checked without the regex).

    >>> _collapse("a \\n b"), _collapse("a b")
    ('a b', 'a b')
    """
    return s if s.isprintable() and "  " not in s else _WS.sub(" ", s)


def frame_hits(
    units: pd.DataFrame,
    id_col: str = "statement_id",
    *,
    frames: Sequence[Frame] | None = None,
    bodies: Mapping[str, str] | None = None,
    window: int = KWIC_WINDOW,
) -> pd.DataFrame:
    """Every codebook match in ``units`` (table ``frame_hits``): one row per hit, with its audit trail.

    ``units`` needs ``doc_id``, ``start`` (offset of the unit in its document body),
    ``text`` and ``id_col`` (``statement_id`` for statements, ``sent_id`` for
    sentences). ``start``/``end`` of a hit are absolute offsets into the document
    body, so ``body[start:end] == text``. Keyword-in-context (``window`` characters
    each side, whitespace collapsed) comes from the document body when ``bodies``
    (``{doc_id: body}``) is given, else from the unit's own text.

    A unit found at its place in its body is matched as part of the body's scan, made
    once for all units of the document (and for the next call with the same ``bodies``);
    the hits are the same as matching the unit alone.

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": ["d"], "sent_id": [3], "start": [100],
    ...     "text": ["Also there was National Security Advisor Mike Waltz, who wants security guarantees."]})
    >>> h = frame_hits(s, "sent_id", window=12)
    >>> h[["unit_id", "frame_id", "text", "start", "end", "kwic_left"]].values.tolist()
    [['3', 'security_guarantees', 'security guarantees', 163, 182, ', who wants ']]
    """
    frames = tuple(frames) if frames is not None else load_frames()
    matcher = _matcher(frames)
    missing = [c for c in ("doc_id", "start", "text", id_col) if c not in units.columns]
    if missing:
        raise KeyError(f"units are missing columns {missing}")
    frame_ids = [f.id for f in frames]
    rows = []
    doc = body = body_scan = None
    for doc_id, uid, ustart, text in zip(units["doc_id"].tolist(), units[id_col].tolist(), units["start"].tolist(), units["text"].tolist()):
        if not isinstance(text, str) or not text:
            continue
        if doc_id != doc or body is None:  # units come by document: look its body up once
            doc = doc_id
            body = bodies.get(doc_id) if bodies is not None else None
            body_scan = matcher.body_scan(body, bodies) if isinstance(body, str) else None
        span = body_scan.span(text, ustart) if body_scan is not None else None
        if span is not None:
            sc, shift = body_scan, 0
            found = sc.hits(*span)
        else:  # the unit alone
            sc, shift = matcher.scan(text), None
            found = sc.hits(0, len(sc.starts))
        if not found:
            continue
        if shift is None:
            shift = int(ustart)
        uid = str(uid)
        for a, b, fi, _, _, p, _ in found:
            if body is not None:  # context from the body
                left, right = _kwic(body, a + shift, b + shift, window)
            else:  # from the unit, then scanned alone (a, b: offsets in it)
                left, right = _kwic(text, a, b, window)
            rows.append((doc_id, id_col, uid, frame_ids[fi], p.text, a + shift, b + shift, sc.text[a:b], left, right))
    cols = ["doc_id", "unit_col", "unit_id", "frame_id", "pattern", "start", "end", "text", "kwic_left", "kwic_right"]
    return conform(pd.DataFrame(rows, columns=cols) if rows else None, "frame_hits")


def kwic(
    hits: pd.DataFrame, units: pd.DataFrame | None = None, id_col: str = "statement_id", columns: Sequence[str] = ("side", "speaker")
) -> pd.DataFrame:
    """A readable keyword-in-context view of ``hits``, with ``columns`` of the units joined on (when given).

    Filter it by ``frame_id`` (and side) to check why a unit was assigned a frame.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"doc_id": ["d"], "statement_id": ["s1"], "start": [0], "text": ["Peace now."], "side": ["A"]})
    >>> kwic(frame_hits(u), u, columns=["side"])[["side", "frame_id", "left", "keyword", "right"]].values.tolist()
    [['A', 'peace_negotiation', '', 'Peace', ' now.']]
    """
    view = hits.rename(columns={"text": "keyword", "kwic_left": "left", "kwic_right": "right"})
    extra: list[str] = []
    if units is not None:
        extra = [c for c in columns if c in units.columns]
        u = units[["doc_id", id_col, *extra]].copy()
        u["unit_id"] = u[id_col].astype(str)
        view = view.merge(u[["doc_id", "unit_id", *extra]], on=["doc_id", "unit_id"], how="left")
    cols = ["doc_id", "unit_id", *extra, "frame_id", "pattern", "start", "end", "left", "keyword", "right"]
    return view.loc[:, cols].reset_index(drop=True)
