"""Who said what: actors, quotes and claims of one text, as tidy tables with offsets.

:func:`extract` is the stable public entry point (a held-out evaluation calls it):
it takes any string and returns an :class:`Extraction` whose DataFrames index into
that string (``text[start:end] == row.text`` for every row; likewise for
speaker/source and cue spans). It never raises on a ``str``. A leading YAML front
matter block (``---`` lines around ``key: value`` lines, as in the corpus's Markdown
files) is not text: it is dropped, and the offsets then index the body after it, as in
the corpus tables; :attr:`Extraction.body` is the string the offsets index (``text``
itself when there was no front matter).

The in-memory tables follow the schemas ``text_mentions``, ``text_actors``,
``text_quotes`` and ``text_claims`` in :mod:`analysis.core.schema`; the corpus-level
tables (:func:`extract_document`) are the same columns with ``doc_id``,
``para_id`` and ``sent_id`` in front (``doc_id`` only for actors).

>>> x = extract('“We will keep talking,” a Turkish diplomat said.')
>>> x.quotes[["text", "speaker", "side", "kind"]].values.tolist()
[['We will keep talking,', 'a Turkish diplomat', 'Turkey', 'full']]
"""

from __future__ import annotations

import bisect
import gc
import re
from contextlib import contextmanager
from functools import lru_cache
from itertools import repeat
from pathlib import Path

import pandas as pd

from ..core.corpus import split_front_matter
from ..core.errors import InputError
from ..core.resources import word_set
from ..core.schema import from_records
from ..core.text import paragraph_spans
from .actors import actors_rows, find_mentions, registry, scan
from .claims import attribute, cue_first_words, cue_regex, cues_of_matches
from .quotes import find_quotes

__all__ = ["Extraction", "sentence_units", "units_of", "extract", "strip_front_matter", "document_rows", "extract_document"]


class Extraction:
    """The four tables extracted from one text: ``.mentions``, ``.actors``, ``.quotes``, ``.claims``.

    Schemas ``text_mentions``, ``text_actors``, ``text_quotes``, ``text_claims`` in
    :mod:`analysis.core.schema`. The rows are computed by :func:`extract`; each DataFrame
    is built (through :func:`analysis.core.schema.conform`) the first time it is read,
    because building DataFrames costs more than the extraction itself on short texts.
    """

    __slots__ = ("_rows", "_frames", "body")
    _NAMES = ("mentions", "actors", "quotes", "claims")

    def __init__(self, mentions: list[dict], actors: list[dict], quotes: list[dict], claims: list[dict], body: str = ""):
        self._rows = {"mentions": mentions, "actors": actors, "quotes": quotes, "claims": claims}
        self._frames: dict[str, pd.DataFrame] = {}
        self.body = body  # the string every offset indexes: the text, after its front matter if it had one

    def _frame(self, name: str) -> pd.DataFrame:
        if name not in self._frames:
            rows = self._rows[name]
            self._frames[name] = from_records(rows, "text_" + name)
        return self._frames[name]

    @property
    def mentions(self) -> pd.DataFrame:
        """Mentions table (schema ``text_mentions``)."""
        return self._frame("mentions")

    @property
    def actors(self) -> pd.DataFrame:
        """Actors table (schema ``text_actors``)."""
        return self._frame("actors")

    @property
    def quotes(self) -> pd.DataFrame:
        """Quotes table (schema ``text_quotes``)."""
        return self._frame("quotes")

    @property
    def claims(self) -> pd.DataFrame:
        """Claims table (schema ``text_claims``)."""
        return self._frame("claims")

    def __iter__(self):
        return iter((self.mentions, self.actors, self.quotes, self.claims))

    def __repr__(self) -> str:
        n = {k: len(v) for k, v in self._rows.items()}
        return f"Extraction(mentions={n['mentions']}, actors={n['actors']}, quotes={n['quotes']}, claims={n['claims']})"


_SENT_BREAK = re.compile(r"[.!?…]+[\"”’')\]]*\s+|[ \t]*\n\s*")  # a line break inside a paragraph ends a headline-like line too
_PREV_WORD = re.compile(r"([\w.’'-]+)[.!?…]+[\"”’')\]]*\s+$")


@lru_cache(maxsize=1)
def _abbrevs() -> tuple[frozenset, frozenset]:
    return word_set("abbreviations.txt"), word_set("sentence_starters.txt")


def sentence_units(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Fast sentence spans of ``text[lo:hi]`` (a regex splitter with the project's abbreviation list).

    Used internally for attribution, where speed matters; the corpus tables use
    :func:`analysis.core.text.sentence_spans`.

    >>> s = "Dr. Lee met the St. Clair team. He spoke. Gen. Cole left."
    >>> [s[a:b] for a, b in sentence_units(s, 0, len(s))]
    ['Dr. Lee met the St. Clair team.', 'He spoke.', 'Gen. Cole left.']
    """
    abbrevs, starters = _abbrevs()
    out, a = [], lo
    for m in _SENT_BREAK.finditer(text, lo, hi):
        nxt = m.end()
        if nxt >= hi:
            break
        c = text[nxt]
        if not (c.isupper() or c.isdigit() or c in "“”\"‘’'«„(["):
            continue
        if text[m.start()] == ".":
            w = _PREV_WORD.search(text, max(lo, m.start() - 30), m.end())
            word = w.group(1).lower() if w else ""
            nw = re.match(r"[\w’']+", text[nxt : nxt + 30])
            starter = nw is not None and nw.group(0).lower() in starters
            if (word in abbrevs or (len(word) == 1 and word.isalpha())) and not starter:
                continue
            if len(word) == 1 and word.isalpha() and word.isupper():
                continue
        end = m.start() + len(m.group(0).rstrip())
        out.append((a, end))
        a = nxt
    if a < hi:
        b = hi
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


_QEND = re.compile(r"[?!…][”\"’»']{1,3}\s*$")  # “Why now?” / ''Why now?'' / “He asked, 'why?'”


def units_of(
    text: str, quotes: list[dict], paras: list[tuple[int, int]] | None = None, cue_starts: list[int] | None = None
) -> list[tuple[int, int, int]]:
    """(start, end, paragraph index) of the text's sentences, joined where a quote crosses them (``paras``: its paragraph spans, if known).

    A sentence that opens with its attribution right after a quote ending in ? or !
    (“Why now?” Rep. Ann Cole said.) joins that quote (``cue_starts``: reporting-verb offsets).

    >>> s = 'He said “One. Two.” Then left.'
    >>> [s[a:b] for a, b, _ in units_of(s, [{"mark_start": 8, "mark_end": 19}])]
    ['He said “One. Two.”', 'Then left.']
    """
    units = []
    for k, (a, b) in enumerate(paragraph_spans(text) if paras is None else paras):
        sents = sentence_units(text, a, b)
        if cue_starts and len(sents) > 1:
            joined = [list(sents[0])]
            for s, e in sents[1:]:
                j = bisect.bisect_left(cue_starts, s)
                if j < len(cue_starts) and cue_starts[j] < min(e, s + 60) and _QEND.search(text, joined[-1][0], joined[-1][1]):
                    if not any(ch in text[s : cue_starts[j]] for ch in '“”"«»'):
                        joined[-1][1] = e
                        continue
                joined.append([s, e])
            sents = [tuple(x) for x in joined]
        units += [(s, e, k) for s, e in sents]
    if not quotes or not units:
        return _capped(text, units)
    out: list[list[int]] = []
    qi = 0
    spans = sorted((q["mark_start"], q["mark_end"]) for q in quotes)
    for s, e, k in units:
        if out:
            while qi < len(spans) and spans[qi][1] <= s:
                qi += 1
            crossing = any(qs < s < qe for qs, qe in spans[max(0, qi - 2) : qi + 3])
            if not crossing:
                for qs, qe in spans[qi:]:
                    if qs >= s:
                        break
                    if qs < s < qe:
                        crossing = True
                        break
            if crossing:
                out[-1][1] = e
                continue
        out.append([s, e, k])
    return _capped(text, [tuple(u) for u in out])


# Longest unit the attribution rules see. A sentence (or quote-joined sentences) longer than this
# (a pasted table, an unpunctuated transcript) is cut at whitespace into pieces of at most this
# length, so the rules' cost per unit is bounded and extraction stays linear in the text's length.
# The longest unit of PolNeAR train's 840 articles is 6,828 characters.
MAX_UNIT_CHARS = 8000
# a cut prefers the last clause mark (, ; :) or space in the last this many characters of a piece
_CUT_LOOKBACK = 400


def _capped(text: str, units: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``units`` with every unit longer than :data:`MAX_UNIT_CHARS` cut into pieces at whitespace.

    >>> s = "word " * 4000
    >>> [(a, b) for a, b, _ in _capped(s, [(0, len(s) - 1, 0)])]
    [(0, 7999), (8000, 15999), (16000, 19999)]
    """
    if all(e - s <= MAX_UNIT_CHARS for s, e, _ in units):
        return units
    out = []
    for s, e, k in units:
        while e - s > MAX_UNIT_CHARS:
            lim = s + MAX_UNIT_CHARS
            cut = max(text.rfind(ch, lim - _CUT_LOOKBACK, lim) for ch in ",;:")
            cut = cut + 1 if cut > s else -1
            if cut < 0:
                cut = max(text.rfind(ch, lim - _CUT_LOOKBACK, lim) for ch in " \t\n")
            if cut <= s:
                cut = lim
            b = cut
            while b > s and text[b - 1].isspace():
                b -= 1
            out.append((s, b if b > s else cut, k))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e, k))
    return out


def _kept_mentions(mentions: list[dict], used: set[int]) -> list[dict]:
    """The mentions that make rows of the mentions and actors tables: names always; pronouns,
    descriptions ("the letter") and anonymous sources ("officials") only when an attribution
    rests on them (or a description names a known person)."""
    kept = []
    for m in mentions:
        keep = m["how"] not in ("pronoun", "description", "anonymous") or id(m) in used
        if m["how"] in ("pronoun", "description") and m.get("actor") is not None and m["kind"] == "person":
            keep = True
        if keep:
            kept.append(m)
    return kept


def extract(text: str) -> Extraction:
    """Mentions, actors, quotes and claims of ``text`` (offsets into ``text``). Never raises on a str.

    >>> x = extract("The German envoy Ann Cole told reporters that Berlin was ready.")
    >>> x.claims[["text", "source", "side", "cue_lemma", "rule"]].values.tolist()
    [['Berlin was ready', 'Ann Cole', 'Europe', 'tell', 'subject']]
    """
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = strip_front_matter(text)
    with _collector_paused():
        x = _extract(text)
    x.body = text
    return x


def strip_front_matter(text: str) -> str:
    r"""``text`` without a leading YAML front matter block (a mapping between two ``---`` lines); else ``text``.

    The block is read as a document file's is (:func:`analysis.core.corpus.split_front_matter`);
    text whose block does not parse as a mapping is returned whole.

    >>> strip_front_matter("---\ntitle: Talks\noutlet: Wire\n---\nLee spoke.")
    'Lee spoke.'
    >>> strip_front_matter("---\nJust a rule line\n---\nLee spoke.")[:3]
    '---'
    """
    if not text.startswith("---"):
        return text
    try:
        meta, body = split_front_matter(Path("<text>"), text)
    except InputError:
        return text
    return body if meta else text


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector for the block, then restore its state.

    Extraction allocates tens of thousands of short-lived dicts and lists per long text; the
    collector's passes over them find no garbage (reference counting frees them) yet cost about
    15% of ``extract``'s time (``benchmarks/bench_extract.py``). Any cycle made meanwhile is
    collected by the next pass after the block.

    >>> import gc
    >>> with _collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _extract(text: str) -> Extraction:
    paras = paragraph_spans(text)
    quotes = find_quotes(text, paras)
    for i, q in enumerate(quotes):
        q["quote_id"] = i
    pos = scan(text, cue_first_words())
    rx = cue_regex()
    cue_matches = [m for m in map(rx.match, repeat(text), pos["cue"]) if m is not None]
    cues = cues_of_matches(text, cue_matches)
    pos["cue"] = [m.start() for m in cue_matches]  # verified: find_mentions need not match them again
    named, pron = find_mentions(text, cue_first_words(), None, with_pronouns=True, pos=pos)
    mentions = _drop_nested_pronouns(sorted(named + pron, key=lambda m: (m["start"], m["end"])))
    units = units_of(text, quotes, paras, pos["cue"])
    claims, quotes, mentions = attribute(text, units, mentions, quotes, cues)
    used = {id(c["source_mention"]) for c in claims if c["source_mention"] is not None}
    used |= {id(q["speaker_mention"]) for q in quotes if q.get("speaker_mention") is not None}
    for i, c in enumerate(claims):
        c["claim_id"] = i
    kept = _kept_mentions(mentions, used)
    mrows = [{k: m.get(k) for k in ("start", "end", "text", "actor", "actor_id", "side", "how")} for m in kept]
    # actors: those of the kept mentions, and every registered actor (a country, a party) however it is mentioned
    reg, kept_ids = registry(), {id(m) for m in kept}
    named = [m for m in mentions if id(m) in kept_ids or m.get("actor_id") in reg] if mrows else []
    return Extraction(mrows, actors_rows(named), quotes, claims)


def _drop_nested_pronouns(mentions: list[dict]) -> list[dict]:
    out, last_end = [], -1
    for m in mentions:
        if m["how"] in ("pronoun", "description") and m["start"] < last_end:
            continue
        out.append(m)
        last_end = max(last_end, m["end"])
    return out


def _picker(rows: list[dict], id_col: str):
    """pos -> ``id_col`` of the row (of ``rows``, sorted by start) that contains or precedes ``pos`` (else the first; None if no rows)."""
    starts = [r["start"] for r in rows]
    ids = [r[id_col] for r in rows]

    def pick(pos: int):
        k = bisect.bisect_right(starts, pos) - 1
        return ids[k] if k >= 0 else (ids[0] if ids else None)

    return pick


def document_rows(doc: dict, paragraphs: list[dict], sentences: list[dict]) -> dict[str, list[dict]]:
    """The rows of :func:`extract_document`'s four tables, as lists of dicts (no DataFrames).

    ``paragraphs``/``sentences`` are the document's rows (:func:`analysis.core.corpus.segment_rows`).
    ``analysis.core.schema.from_records(rows[name], name)`` gives the table ``name``; the
    build concatenates the rows of many documents before making one table per chunk.
    """
    x = extract(doc["body"])
    doc_id = doc["doc_id"]
    para_of, sent_of = _picker(paragraphs, "para_id"), _picker(sentences, "sent_id")
    out = {}
    for name in ("mentions", "quotes", "claims"):
        out[name] = [
            {**r, "doc_id": doc_id, "para_id": para_of(int(r["start"])), "sent_id": sent_of(int(r["start"]))} for r in x._rows[name]
        ]
    out["actors"] = [{**r, "doc_id": doc_id} for r in x._rows["actors"]]
    return out


def extract_document(doc: dict, paragraphs: pd.DataFrame, sentences: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Corpus-level ``mentions``, ``actors``, ``quotes`` and ``claims`` of one ``documents`` row.

    ``paragraphs``/``sentences`` are that document's rows (from
    :func:`analysis.core.corpus.segment`); offsets index ``doc["body"]``.
    """
    doc_id = doc["doc_id"]
    paragraphs = paragraphs[paragraphs["doc_id"] == doc_id] if "doc_id" in paragraphs else paragraphs
    sentences = sentences[sentences["doc_id"] == doc_id] if "doc_id" in sentences else sentences
    paras = [{"start": a, "para_id": i} for a, i in zip(paragraphs["start"].tolist(), paragraphs["para_id"].tolist())]
    sents = [{"start": a, "sent_id": i} for a, i in zip(sentences["start"].tolist(), sentences["sent_id"].tolist())]
    return {name: from_records(rows, name) for name, rows in document_rows(doc, paras, sents).items()}
