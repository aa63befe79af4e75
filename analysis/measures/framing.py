"""Frames: a documented dictionary codebook, auditable frame hits, and each side's frame profile.

The codebook is the editable resource ``resources/frames.yaml`` (Boydstun et al.'s
Policy Frames Codebook and Semetko & Valkenburg's generic news frames, specialised
for diplomacy; the file's header explains the pattern syntax and how to add a
frame). Matching stems every distinct word token once with NLTK's Snowball
stemmer and looks the stems up in an index of all patterns; each document body is
tokenized and matched once, its statements and sentences being ranges of it, so a
build over thousands of documents stays linear in the number of tokens.

Every hit keeps its audit trail: the pattern that matched, absolute character
offsets into the document body (``body[start:end] == text``) and
keyword-in-context. Everything that compares sides takes the two sides as
parameters; nothing here knows which sides a corpus has.

>>> import pandas as pd
>>> units = pd.DataFrame({"doc_id": ["d", "d"], "statement_id": ["s1", "s2"],
...     "start": [0, 40], "text": ["We agreed on restoring embassies.", "Sanctions hurt trade."],
...     "side": ["A", "B"]})
>>> hits = frame_hits(units)
>>> hits[["unit_id", "frame_id", "pattern", "text"]].values.tolist()
[['s1', 'diplomatic_relations', 'embassy', 'embassies'], ['s2', 'economic', 'sanction', 'Sanctions'], ['s2', 'economic', 'trade', 'trade']]

Over 500 lines: codebook parsing, the pattern matcher and the side comparison; splitting it
(codebook / matching / comparison) is left for a later change. Its figure is in :mod:`analysis.viz.plots_framing`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count

import numpy as np
import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from ..core.designs import side_permutation_pvalues
from ..core.errors import InputError
from ..core.resources import read_yaml, resource_path
from ..core.schema import conform
from ..core.stats import N_BOOT, benjamini_hochberg, bootstrap_ci, cliffs_delta
from ..core.text import WORD_PATTERN, count_words, re_tokens_match, word_spans

__all__ = [
    "CODEBOOK",
    "KWIC_WINDOW",
    "Pattern",
    "Frame",
    "normalize_token",
    "stem",
    "compile_pattern",
    "parse_codebook",
    "load_frames",
    "frame_labels",
    "codebook_table",
    "frame_hits",
    "kwic",
    "frame_presence",
    "frames_by_side",
    "primary_frames",
    "one_sided_frames",
    "frame_differences",
    "findings",
]

CODEBOOK = "frames.yaml"
KWIC_WINDOW = 40
_STEMMERS = {"snowball_english": lambda: SnowballStemmer("english")}
_WS = re.compile(r"\s+")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


# --------------------------------------------------------------------------- codebook


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern: its source text, elements ``(kind, value)`` and the note on its intent.

    kinds: ``stem`` (Snowball stem), ``prefix`` (lower-case prefix), ``exact`` (lower-case token), ``any``.
    """

    text: str
    elements: tuple[tuple[str, str], ...]
    note: str = ""


@dataclass(frozen=True)
class Frame:
    """One frame of the codebook (see ``resources/frames.yaml``)."""

    id: str
    label: str
    description: str
    adapted_from: str
    patterns: tuple[Pattern, ...]
    exclusions: tuple[Pattern, ...] = ()


def normalize_token(token: str) -> str:
    """Lower-case a token and straighten curly apostrophes.

    >>> normalize_token("Ukraine’s")
    "ukraine's"
    """
    return token.lower().replace("’", "'").replace("‘", "'")


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Snowball (Porter2) English stem of a token, after :func:`normalize_token`; cached.

    >>> stem("Embassies"), stem("diplomatic"), stem("Ukraine’s")
    ('embassi', 'diplomat', 'ukrain')
    """
    return _stemmer().stem(normalize_token(token))


@lru_cache(maxsize=1)
def _stemmer():
    return SnowballStemmer("english")


def compile_pattern(text: str, note: str = "", where: str = CODEBOOK) -> Pattern:
    """Compile a pattern string (syntax in the header of ``frames.yaml``).

    >>> compile_pattern("end to _ war").elements
    (('stem', 'end'), ('stem', 'to'), ('any', ''), ('stem', 'war'))
    >>> compile_pattern("negotiat* =diplomats").elements
    (('prefix', 'negotiat'), ('exact', 'diplomats'))
    """
    parts = str(text).split()
    if not parts:
        raise InputError(where, f"empty pattern {text!r}")
    elements = []
    for p in parts:
        p = normalize_token(p)
        if p == "_":
            elements.append(("any", ""))
        elif p.endswith("*"):
            if len(p) < 4:
                raise InputError(where, f"pattern {text!r}: a prefix needs at least 3 letters before '*'")
            elements.append(("prefix", p[:-1]))
        elif p.startswith("="):
            elements.append(("exact", p[1:]))
        else:
            elements.append(("stem", stem(p)))
    if elements[0][0] == "any":
        raise InputError(where, f"pattern {text!r} must not start with '_'")
    return Pattern(text=str(text), elements=tuple(elements), note=note or "")


def _patterns(items, where: str) -> tuple[Pattern, ...]:
    out = []
    for it in items or []:
        if isinstance(it, Mapping):
            if "pattern" not in it:
                raise InputError(where, f"pattern entry {it!r} has no 'pattern' key")
            out.append(compile_pattern(it["pattern"], it.get("note") or "", where))
        else:
            out.append(compile_pattern(it, "", where))
    return tuple(out)


def parse_codebook(data: Mapping, where: str = CODEBOOK) -> tuple[Frame, ...]:
    """Validate and compile a parsed codebook mapping (``{"stemmer": ..., "frames": [...]}``).

    >>> fr = parse_codebook({"frames": [{"id": "econ", "label": "Economic", "patterns": ["trade"]}]})
    >>> fr[0].id, fr[0].patterns[0].elements
    ('econ', (('stem', 'trade'),))
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("frames"), list):
        raise InputError(where, "expected a mapping with a 'frames' list")
    stemmer = data.get("stemmer", "snowball_english")
    if stemmer not in _STEMMERS:
        raise InputError(where, f"unknown stemmer {stemmer!r}; expected one of {sorted(_STEMMERS)}")
    frames, seen = [], set()
    for i, f in enumerate(data["frames"]):
        fid = str((f or {}).get("id", ""))
        if not _ID.match(fid):
            raise InputError(where, f"frame {i}: id {fid!r} must be lower_snake_case")
        if fid in seen:
            raise InputError(where, f"duplicate frame id {fid!r}")
        seen.add(fid)
        pats = _patterns(f.get("patterns"), f"{where} ({fid})")
        if not pats:
            raise InputError(where, f"frame {fid!r} has no patterns")
        frames.append(
            Frame(
                id=fid,
                label=str(f.get("label") or fid),
                description=" ".join(str(f.get("description") or "").split()),
                adapted_from=str(f.get("adapted_from") or ""),
                patterns=pats,
                exclusions=_patterns(f.get("exclusions"), f"{where} ({fid})"),
            )
        )
    return tuple(frames)


def load_frames(name: str = CODEBOOK) -> tuple[Frame, ...]:
    """The frames of the codebook resource ``name`` (default ``frames.yaml``), in file order.

    >>> [f.id for f in load_frames()][:3]
    ['diplomatic_relations', 'peace_negotiation', 'security_guarantees']
    """
    return _load_frames(str(resource_path(name)), name)


@lru_cache(maxsize=8)
def _load_frames(path: str, name: str) -> tuple[Frame, ...]:
    # keyed by the resolved path, so an ANALYSIS_RESOURCES override gets its own entry
    return parse_codebook(read_yaml(name), path)


def frame_labels(frames: Sequence[Frame] | None = None) -> dict[str, str]:
    """``{frame_id: label}`` in codebook order.

    >>> frame_labels()["economic"]
    'Economic'
    """
    return {f.id: f.label for f in (frames or load_frames())}


def codebook_table(frames: Sequence[Frame] | None = None) -> pd.DataFrame:
    """The codebook as a tidy table (table ``frame_codebook``): one row per pattern or exclusion.

    >>> t = codebook_table()
    >>> t.loc[t["pattern"] == "embassy", ["frame_id", "role", "compiled"]].values.tolist()
    [['diplomatic_relations', 'pattern', 'embassi']]
    """
    rows = []
    for f in frames or load_frames():
        for role, pats in (("pattern", f.patterns), ("exclusion", f.exclusions)):
            for p in pats:
                compiled = " ".join({"stem": v, "prefix": v + "*", "exact": "=" + v, "any": "_"}[k] for k, v in p.elements)
                rows.append((f.id, f.label, f.adapted_from, f.description, role, p.text, compiled, p.note))
    cols = ["frame_id", "label", "adapted_from", "description", "role", "pattern", "compiled", "note"]
    return conform(pd.DataFrame(rows, columns=cols), "frame_codebook")


# --------------------------------------------------------------------------- matching
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


# --------------------------------------------------------------------------- per unit and per side


def frame_presence(
    units: pd.DataFrame,
    hits: pd.DataFrame,
    id_col: str = "statement_id",
    *,
    side_col: str = "side",
    frames: Sequence[Frame] | None = None,
) -> pd.DataFrame:
    """One row per unit and frame (table ``frame_presence``): hits, presence and the unit's word count.

    Units without any hit get ``n_hits == 0`` rows for every frame, so shares are
    over all units. ``n_words`` is the units' ``n_words`` column when present, else
    counted with :func:`analysis.core.text.count_words`. Without ``side_col`` in
    ``units``, ``side`` is None.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"doc_id": ["d", "d"], "statement_id": ["a", "b"], "start": [0, 20],
    ...     "text": ["Peace and peace.", "Trade."], "side": ["X", "Y"]})
    >>> p = frame_presence(u, frame_hits(u))
    >>> p[p.frame_id.isin(["peace_negotiation", "economic"])][["unit_id", "frame_id", "n_hits", "present", "n_words"]].values.tolist()
    [['a', 'peace_negotiation', 2, True, 3], ['a', 'economic', 0, False, 3], ['b', 'peace_negotiation', 0, False, 1], ['b', 'economic', 1, True, 1]]
    """
    frames = tuple(frames) if frames is not None else load_frames()
    fids = [f.id for f in frames]
    u = pd.DataFrame(
        {
            "doc_id": units["doc_id"].astype(str).tolist(),
            "unit_col": id_col,
            "unit_id": units[id_col].astype(str).tolist(),
            "side": units[side_col].tolist() if side_col in units.columns else [None] * len(units),
            "n_words": (
                units["n_words"].astype("int64").tolist()
                if "n_words" in units.columns
                else [count_words(t) if isinstance(t, str) else 0 for t in units["text"]]
            ),
        }
    )
    u["_order"] = np.arange(len(u))
    grid = u.merge(pd.DataFrame({"frame_id": fids, "_forder": np.arange(len(fids))}), how="cross")
    if len(hits):
        counts = hits.groupby(["doc_id", "unit_id", "frame_id"]).size().rename("n_hits").reset_index()
        grid = grid.merge(counts, on=["doc_id", "unit_id", "frame_id"], how="left")
    else:
        grid["n_hits"] = 0
    grid["n_hits"] = grid["n_hits"].fillna(0).astype("int64")
    grid["present"] = grid["n_hits"] > 0
    grid = grid.sort_values(["_order", "_forder"], kind="stable")
    return conform(grid, "frame_presence")


def frames_by_side(
    presence: pd.DataFrame,
    side_a: str,
    side_b: str,
    *,
    frames: Sequence[Frame] | None = None,
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Per side and frame (table ``frames_by_side``): share of units with the frame and hits per 100 words.

    Both come with ``n`` and a percentile bootstrap 95% interval (units resampled,
    whole documents when there are several: :func:`analysis.core.stats.bootstrap_ci`).
    ``primary`` marks each side's primary frame (highest share, then highest
    rate, then codebook order; none if the side has no frame at all);
    ``only_this_side`` marks frames this side raises and the other never does.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"doc_id": "d", "statement_id": ["a", "b", "c"], "start": [0, 20, 40],
    ...     "text": ["Peace now.", "Trade and peace.", "Sanctions."], "side": ["X", "X", "Y"]})
    >>> t = frames_by_side(frame_presence(u, frame_hits(u)), "X", "Y", n_boot=200)
    >>> t[t.n_present > 0][["side", "frame_id", "n_units", "n_present", "share", "primary", "only_this_side"]].values.tolist()
    [['X', 'peace_negotiation', 2, 2, 1.0, True, True], ['X', 'economic', 2, 1, 0.5, False, False], ['Y', 'economic', 1, 1, 1.0, True, False]]
    """
    frames = tuple(frames) if frames is not None else load_frames()
    labels = {f.id: f.label for f in frames}
    rows = []
    for side in (side_a, side_b):
        sub = presence[presence["side"] == side]
        for fid in labels:
            fr = sub[sub["frame_id"] == fid]
            present = fr["present"].to_numpy(dtype=float)
            hits = fr["n_hits"].to_numpy(dtype=float)
            nw = fr["n_words"].to_numpy(dtype=float)
            groups = fr["doc_id"].tolist()
            n = len(fr)
            share = float(present.mean()) if n else float("nan")
            slo, shi = bootstrap_ci(present, groups=groups, n_boot=n_boot, seed=seed)
            total_w = float(nw.sum())
            rate = 100.0 * float(hits.sum()) / total_w if total_w > 0 else float("nan")
            # hits per 100 words of each resample (a ratio of sums; the counts sum exactly)
            rlo, rhi = bootstrap_ci(100.0 * hits, groups=groups, n_boot=n_boot, seed=seed, denominator=nw)
            rows.append(
                {
                    "side": side,
                    "frame_id": fid,
                    "label": labels[fid],
                    "n_units": n,
                    "n_present": int(present.sum()),
                    "share": share,
                    "share_lo": slo,
                    "share_hi": shi,
                    "n_words": int(total_w),
                    "n_hits": int(hits.sum()),
                    "hits_per_100w": rate,
                    "rate_lo": rlo,
                    "rate_hi": rhi,
                }
            )
    out = pd.DataFrame(rows)
    out["primary"] = False
    out["only_this_side"] = False
    order = {fid: i for i, fid in enumerate(labels)}
    for side, other in ((side_a, side_b), (side_b, side_a)):
        mine = out[out["side"] == side]
        theirs = out[out["side"] == other].set_index("frame_id")["n_present"]
        cand = mine[mine["n_present"] > 0]
        if len(cand):
            best = cand.assign(_o=cand["frame_id"].map(order)).sort_values(
                ["share", "hits_per_100w", "_o"], ascending=[False, False, True], kind="stable"
            )
            out.loc[best.index[0], "primary"] = True
        only = mine[(mine["n_present"] > 0) & (mine["frame_id"].map(theirs) == 0)]
        out.loc[only.index, "only_this_side"] = True
    return conform(out, "frames_by_side")


def primary_frames(by_side: pd.DataFrame) -> dict[str, str | None]:
    """``{side: primary frame_id or None}`` from a :func:`frames_by_side` table.

    >>> import pandas as pd
    >>> primary_frames(pd.DataFrame({"side": ["X", "X", "Y"], "frame_id": ["a", "b", "a"], "primary": [False, True, False]}))
    {'X': 'b', 'Y': None}
    """
    out: dict[str, str | None] = {}
    for side in dict.fromkeys(by_side["side"].tolist()):
        sub = by_side[(by_side["side"] == side) & by_side["primary"]]
        out[side] = sub["frame_id"].iloc[0] if len(sub) else None
    return out


def one_sided_frames(by_side: pd.DataFrame) -> pd.DataFrame:
    """Frames one side raises and the other never does: side, frame_id, label, n_present, n_units.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"side": ["X", "Y"], "frame_id": ["a", "b"], "label": ["A", "B"], "n_present": [2, 0],
    ...     "n_units": [3, 4], "only_this_side": [True, False]})
    >>> one_sided_frames(t).values.tolist()
    [['X', 'a', 'A', 2, 3]]
    """
    cols = ["side", "frame_id", "label", "n_present", "n_units"]
    return by_side.loc[by_side["only_this_side"], cols].reset_index(drop=True)


def frame_differences(
    presence: pd.DataFrame,
    side_a: str,
    side_b: str,
    *,
    frames: Sequence[Frame] | None = None,
    n_perm: int = 5000,
    seed: int | None = None,
) -> pd.DataFrame:
    """Side A minus side B per frame (table ``frame_differences``), tested with care for many frames.

    ``diff`` is the difference in share of units carrying the frame; ``p_value`` a
    two-sided permutation test on the side labels: of whole documents' units when the
    two sides' units span more than one document
    (:func:`analysis.core.stats.cluster_permutation_test`), else of single units
    (:func:`analysis.core.stats.permutation_test`, units treated as exchangeable, which
    sentences of one article are not);
    ``q_value`` the Benjamini–Hochberg adjustment over all frames tested; and
    ``rate_delta`` Cliff's delta of per-unit hits per 100 words (effect size).

    >>> import pandas as pd
    >>> u = pd.DataFrame({"doc_id": "d", "statement_id": list("abcd"), "start": 0,
    ...     "text": ["Peace.", "Peace.", "Trade.", "Trade."], "side": ["X", "X", "Y", "Y"]})
    >>> d = frame_differences(frame_presence(u, frame_hits(u)), "X", "Y", n_perm=200)
    >>> d.loc[d.frame_id == "peace_negotiation", ["share_a", "share_b", "diff"]].values.tolist()
    [[1.0, 0.0, 1.0]]
    """
    frames = tuple(frames) if frames is not None else load_frames()
    rows, tests = [], []
    for f in frames:
        fr = presence[presence["frame_id"] == f.id]
        a = fr[fr["side"] == side_a]
        b = fr[fr["side"] == side_b]
        pa, pb = a["present"].to_numpy(dtype=float), b["present"].to_numpy(dtype=float)
        ra = 100.0 * a["n_hits"].to_numpy(dtype=float) / a["n_words"].clip(lower=1).to_numpy(dtype=float)
        rb = 100.0 * b["n_hits"].to_numpy(dtype=float) / b["n_words"].clip(lower=1).to_numpy(dtype=float)
        sa = float(pa.mean()) if len(pa) else float("nan")
        sb = float(pb.mean()) if len(pb) else float("nan")
        tests.append((pa, pb, a["doc_id"].astype(str).to_numpy(), b["doc_id"].astype(str).to_numpy()))
        rows.append(
            {
                "frame_id": f.id,
                "label": f.label,
                "side_a": side_a,
                "side_b": side_b,
                "n_a": len(pa),
                "n_b": len(pb),
                "share_a": sa,
                "share_b": sb,
                "diff": sa - sb,
                "rate_delta": cliffs_delta(ra, rb),
            }
        )
    for row, p in zip(rows, _presence_pvalues(tests, n_perm, seed)):
        row["p_value"] = p
    out = pd.DataFrame(rows)
    out["q_value"] = benjamini_hochberg(out["p_value"].tolist()) if len(out) else []
    return conform(out, "frame_differences")


def _presence_pvalues(tests: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]], n_perm: int, seed: int | None) -> list[float]:
    """Permutation p-value of each frame's (presence a, presence b, documents a, documents b), at the level of :func:`analysis.core.designs.resampling_level`.

    When every frame has the same units in the same order (a presence grid), all frames
    are tested on one set of relabellings (:func:`analysis.core.designs.side_permutation_pvalues`);
    each p-value is the one a separate test with the same seed gives.
    """
    if not tests:
        return []
    _, _, da, db = tests[0]
    if all(len(t[2]) == len(da) and len(t[3]) == len(db) and np.array_equal(t[2], da) and np.array_equal(t[3], db) for t in tests):
        a = np.column_stack([t[0] for t in tests]) if len(da) else np.empty((0, len(tests)))
        b = np.column_stack([t[1] for t in tests]) if len(db) else np.empty((0, len(tests)))
        return side_permutation_pvalues(a, b, da, db, n_perm=n_perm, seed=seed)
    return [side_permutation_pvalues(pa[:, None], pb[:, None], ga, gb, n_perm=n_perm, seed=seed)[0] for pa, pb, ga, gb in tests]


def findings(by_side: pd.DataFrame, differences: pd.DataFrame | None = None, unit: str = "statements") -> str:
    """Plain-language lines from a :func:`frames_by_side` table (and :func:`frame_differences`), with n and intervals.

    Written from the numbers, so the text never goes stale when the data change.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"doc_id": "d", "statement_id": ["a", "b", "c"], "start": [0, 20, 40],
    ...     "text": ["Peace now.", "Trade and peace.", "Sanctions."], "side": ["X", "X", "Y"]})
    >>> print(findings(frames_by_side(frame_presence(u, frame_hits(u)), "X", "Y", n_boot=200)))
    X (n = 2 statements, 5 words): primary frame Peace process & negotiation, in 2 of 2 (100%, 95% CI 100%-100%). Frames: Peace process & negotiation 2/2, Economic 1/2.
    Y (n = 1 statements, 1 words): primary frame Economic, in 1 of 1 (100%, 95% CI n/a). Frames: Economic 1/1.
    Raised by X and never by Y: Peace process & negotiation.
    Raised by Y and never by X: none.
    """

    def pct(v: float) -> str:
        return "n/a" if v != v else f"{v:.0%}"

    lines = []
    sides = list(dict.fromkeys(by_side["side"].tolist()))
    for side in sides:
        t = by_side[by_side["side"] == side]
        n, w = int(t["n_units"].max()), int(t["n_words"].max())
        head = f"{side} (n = {n} {unit}, {w} words): "
        prim = t[t["primary"]]
        if prim.empty:
            lines.append(head + "no frame found.")
            continue
        r = prim.iloc[0]
        ci = "n/a" if r["share_lo"] != r["share_lo"] else f"{pct(r['share_lo'])}-{pct(r['share_hi'])}"
        used = t[t["n_present"] > 0].sort_values("n_present", ascending=False, kind="stable")
        listed = ", ".join(f"{x.label} {x.n_present}/{x.n_units}" for x in used.itertuples())
        lines.append(head + f"primary frame {r['label']}, in {r['n_present']} of {n} ({pct(r['share'])}, 95% CI {ci}). Frames: {listed}.")
    if len(sides) == 2:
        for side, other in ((sides[0], sides[1]), (sides[1], sides[0])):
            only = by_side[(by_side["side"] == side) & by_side["only_this_side"]]["label"].tolist()
            lines.append(f"Raised by {side} and never by {other}: {', '.join(only) if only else 'none'}.")
    if differences is not None and len(differences):
        d = differences.dropna(subset=["p_value"])
        d = d[d["diff"] != 0]
        if len(d):
            top = d.loc[d["diff"].abs().sort_values(ascending=False, kind="stable").index[0]]
            sig = d[d["q_value"] < 0.05]["label"].tolist()
            lines.append(
                f"Largest difference in share: {top['label']} ({top['side_a']} {pct(top['share_a'])} vs "
                f"{top['side_b']} {pct(top['share_b'])}, permutation p = {top['p_value']:.3f}, BH q = {top['q_value']:.3f}). "
                f"Frames with BH q < 0.05 over {len(differences)} frames tested: {', '.join(sig) if sig else 'none'}."
            )
    return "\n".join(lines)
