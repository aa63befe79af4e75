"""Emphasis: where in its account each side puts each topic, and how much voice each side gets.

Topics are the frames of the codebook (``resources/frames.yaml``, see
:mod:`analysis.framing`) and, optionally, mentions of a side ("mentions Ukraine",
from the mentions table). Everything works on two kinds of *units*:

* the sentences of a document (``level == "document"``): the whole account as
  written, a news article or a readout;
* the statements of one side in a document (``level == "side"``): what that side
  put forward, in the order the document gives it.

Measures (Kiousis 2004: attention and prominence), all per group (document, or
document and side) and topic:

* first mention: rank ``i`` of the first unit carrying the topic among the group's
  ``N`` units and the normalised position ``r = (i - 1) / (N - 1)`` (0 = lead,
  1 = end; ``r = 0`` when ``N == 1``); the same over paragraphs of the document;
* lead emphasis: the topic is in the headline (document title; document level only)
  or in the lead (first story paragraph for documents, first statement for sides);
* share of text: word tokens of the units carrying the topic / all word tokens of
  the group, with a percentile bootstrap interval over units (whole documents when
  a side spans several);
* position-weighted salience ``S = sum_i m_i w_i / sum_i w_i`` with
  ``w_i = 1 / log2(i + 1)`` for the i-th unit (``m_i`` 1 if it carries the topic),
  so the lead counts 1, the second unit 0.63, the tenth 0.29;
* order: the rank of each topic among the topics the group raises, by first mention.

Voice: words each side (and each actor) is quoted with directly and words
attributed to it in reported (indirect) speech, its share of all quoted or
attributed words and its direct share, with bootstrap intervals over statements.

Nothing here knows which sides a corpus has: sides are parameters or come from the
tables. Every number can be traced back to sentences with :func:`evidence`.

>>> weights(3).round(3).tolist()
[1.0, 0.631, 0.5]
>>> normalised_position(3, 5)
0.5
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from ..core.schema import conform
from ..core.stats import N_BOOT, SEED
from ..core.store import write_table
from ..core.text import count_words, count_words_uncached

LEVELS = ("document", "side")
SIDE_PREFIX = "side:"
EMPHASIS_TABLES = ("emphasis", "emphasis_summary", "emphasis_comparison", "voice")


# --------------------------------------------------------------------------- formulas


def normalised_position(i: int, n: int) -> float:
    """Normalised position of the ``i``-th of ``n`` units (1-based): ``(i - 1) / (n - 1)``; 0 when ``n == 1``.

    >>> normalised_position(1, 6), normalised_position(6, 6), normalised_position(1, 1)
    (0.0, 1.0, 0.0)
    """
    if n < 1 or not 1 <= i <= n:
        raise ValueError(f"rank {i} outside 1..{n}")
    return 0.0 if n == 1 else (i - 1) / (n - 1)


def weights(n: int) -> np.ndarray:
    """Position weights ``w_i = 1 / log2(i + 1)`` for ranks ``i = 1..n``.

    >>> weights(1).tolist()
    [1.0]
    """
    return 1.0 / np.log2(np.arange(1, n + 1) + 1.0)


def salience(present: Sequence[bool | int | float]) -> float:
    """Position-weighted salience ``sum m_i w_i / sum w_i`` of an indicator sequence in unit order (NaN if empty).

    >>> round(salience([1, 0, 0]), 4), round(salience([0, 0, 1]), 4), salience([1, 1])
    (0.4693, 0.2346, 1.0)
    """
    m = np.asarray(present, dtype=float)
    if len(m) == 0:
        return float("nan")
    w = weights(len(m))
    return float((m * w).sum() / w.sum())


@lru_cache(maxsize=16)
def _resamples(seed: int, n: int, n_boot: int) -> np.ndarray:
    """The bootstrap indices of :func:`_ratio_ci` (a fresh generator per call, so the same for the same arguments; cached, read-only)."""
    idx = np.random.default_rng(seed).integers(0, n, size=(n_boot, n))
    idx.setflags(write=False)
    return idx


def _ratio_ci(num, den, groups=None, n_boot: int = N_BOOT, level: float = 0.95, seed: int | None = None) -> tuple[float, float]:
    """Percentile bootstrap interval of ``sum(num) / sum(den)`` resampling units (or whole groups)."""
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    if groups is not None and len(set(groups)) > 1:
        g = pd.Series(np.asarray(groups)).astype(str)
        labels = sorted(set(g))
        num = np.array([num[(g == lab).to_numpy()].sum() for lab in labels])
        den = np.array([den[(g == lab).to_numpy()].sum() for lab in labels])
    if len(num) < 2:
        return (float("nan"), float("nan"))
    if not num.any() and den.all():
        return (0.0, 0.0)  # a topic never raised: every resample gives 0
    idx = _resamples(SEED if seed is None else seed, len(num), n_boot)
    d = den[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        stats = num[idx].sum(axis=1) / d
    stats = stats[np.isfinite(stats)]
    if len(stats) == 0:
        return (float("nan"), float("nan"))
    alpha = (1 - level) / 2
    lo, hi = np.quantile(stats, [alpha, 1 - alpha])
    return (float(lo), float(hi))


@lru_cache(maxsize=256)
def _resample_counts(seed: int, n: int, n_boot: int) -> np.ndarray:
    """How often each of ``n`` units is drawn in each resample of :func:`_resamples`: shape (n, n_boot), small ints (cached, read-only)."""
    idx = _resamples(seed, n, n_boot)
    counts = np.bincount((idx + n * np.arange(n_boot)[:, None]).ravel(), minlength=n_boot * n).reshape(n_boot, n)
    counts = np.ascontiguousarray(counts.T, dtype=np.min_scalar_type(counts.max(initial=0)))
    counts.setflags(write=False)
    return counts


def _sums_are_exact(x: np.ndarray) -> bool:
    """True when ``x`` (rows of ``n`` values) holds whole numbers so small that any sum of ``n`` of them is exact in float64, in any order."""
    return bool(np.isfinite(x).all() and (x == np.round(x)).all() and x.shape[1] * np.abs(x).max(initial=0.0) < 2.0**53)


def _resampled_sums(values: np.ndarray, counts: np.ndarray, sparse: bool = False) -> np.ndarray:
    """``values @ counts``: the sum of each row of ``values`` (k, n) in each resample (the columns of ``counts``, (n, n_boot)).

    Not with a multi-threaded BLAS, slow for such small products when the cores are
    busy; ``sparse`` goes through the nonzero values only (a topic is in few units).
    """
    if not sparse:
        return np.einsum("ij,jk->ik", values, counts)
    from scipy.sparse import csr_array

    return np.asarray(csr_array(values) @ counts)


_CI_BATCH = 512  # rows per product in _ratio_cis: bounds the (rows, n_boot) work arrays


def _ratio_cis(num: np.ndarray, den: np.ndarray, n_boot: int = N_BOOT, level: float = 0.95, seed: int | None = None):
    """:func:`_ratio_ci` (units resampled) of each row of ``num`` over the same row of ``den``, shape (k, n): arrays ``lo``, ``hi``.

    Every row draws the resamples of :func:`_resamples` for its ``n`` units, so the
    resampled sums of all rows are one product with the resample counts. For rows of
    whole numbers (word counts) these sums are exact, as are the sums
    :func:`_ratio_ci` adds up one resample at a time, so both give the same
    intervals, bit for bit; other rows go through :func:`_ratio_ci` one by one.

    >>> lo, hi = _ratio_cis(np.array([[1.0, 0, 1, 0], [0, 0, 0, 0]]), np.ones((2, 4)), n_boot=500)
    >>> (lo[0], hi[0]) == _ratio_ci([1, 0, 1, 0], [1, 1, 1, 1], n_boot=500), hi[1]
    (True, np.float64(0.0))
    """
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    k, n = num.shape
    lo, hi = np.full(k, np.nan), np.full(k, np.nan)
    if n < 2:
        return lo, hi
    zero = ~num.any(axis=1) & den.all(axis=1)  # a topic never raised: every resample gives 0
    lo[zero] = hi[zero] = 0.0
    rest = np.flatnonzero(~zero)
    if not len(rest):
        return lo, hi
    if not (_sums_are_exact(num[rest]) and _sums_are_exact(den[rest])):
        for i in rest:
            lo[i], hi[i] = _ratio_ci(num[i], den[i], n_boot=n_boot, level=level, seed=seed)
        return lo, hi
    counts = _resample_counts(SEED if seed is None else seed, n, n_boot).astype(float)
    alpha = (1 - level) / 2
    for part in np.array_split(rest, -(-len(rest) // _CI_BATCH)):
        d = den[part]
        new = np.append(True, (d[1:] != d[:-1]).any(axis=1))  # the cells of one group share their words
        dens = _resampled_sums(d[new], counts)
        which = np.cumsum(new) - 1
        with np.errstate(invalid="ignore", divide="ignore"):
            stats = _resampled_sums(num[part], counts, sparse=True) / dens[which]
        # exact sums: a ratio is finite unless its resample has no words
        whole = (dens != 0).all(axis=1)[which]
        if whole.all():
            lo[part], hi[part] = np.quantile(stats, [alpha, 1 - alpha], axis=1, overwrite_input=True)
            continue
        if whole.any():
            lo[part[whole]], hi[part[whole]] = np.quantile(stats[whole], [alpha, 1 - alpha], axis=1, overwrite_input=True)
        for j in np.flatnonzero(~whole):
            s = stats[j][np.isfinite(stats[j])]
            if len(s):
                lo[part[j]], hi[part[j]] = np.quantile(s, [alpha, 1 - alpha])
    return lo, hi


# --------------------------------------------------------------------------- units and their positions


def _doc_codes(*doc_ids: Sequence) -> list[np.ndarray]:
    """Integer codes of document ids, shared by every sequence given (equal ids, equal codes; -1 for a missing id)."""
    codes, _ = pd.factorize(pd.concat([pd.Series(d).reset_index(drop=True) for d in doc_ids], ignore_index=True))
    return np.split(codes.astype("int64"), np.cumsum([len(d) for d in doc_ids])[:-1])


def _keyed(codes: np.ndarray, offsets: np.ndarray, low: int, width: int) -> np.ndarray:
    """One sortable int64 key per (document code, offset): documents in code order, offsets in order within each."""
    return codes * width + (offsets - low)


def _key_range(*offsets: np.ndarray) -> tuple[int, int]:
    """``(low, width)`` for :func:`_keyed`: every offset ``o`` of the arrays has ``0 <= o - low < width``."""
    given = [o for o in offsets if len(o)]
    if not given:
        return 0, 1
    low = min(int(o.min()) for o in given)
    return low, max(int(o.max()) for o in given) - low + 1


def _locate(doc_ids: Sequence, offsets: Sequence, spans: pd.DataFrame) -> np.ndarray:
    """For each (doc_id, offset) the row of ``spans`` that contains the offset (the last one starting at or before it, else the document's first); -1 when the document has no span.

    >>> spans = pd.DataFrame({"doc_id": ["a", "a", "b"], "start": [10, 0, 5]})
    >>> _locate(["a", "a", "b", "b", "c"], [3, 12, 0, 9, 0], spans).tolist()
    [1, 0, 2, 2, -1]
    """
    doc_codes, span_codes = _doc_codes(doc_ids, spans["doc_id"])
    offsets = np.asarray(offsets, dtype="int64")
    starts = spans["start"].to_numpy(dtype="int64")
    rows = np.flatnonzero(span_codes >= 0)
    rows = rows[np.lexsort((starts[rows], span_codes[rows]))]  # by document, then start (stable)
    if not len(rows):
        return np.full(len(offsets), -1, dtype="int64")
    low, width = _key_range(offsets, starts)
    codes = span_codes[rows]
    at = np.searchsorted(_keyed(codes, starts[rows], low, width), _keyed(doc_codes, offsets, low, width), side="right") - 1
    first, end = np.searchsorted(codes, doc_codes, side="left"), np.searchsorted(codes, doc_codes, side="right")
    at = np.minimum(np.maximum(at, first), len(rows) - 1)
    return np.where((doc_codes >= 0) & (first < end), rows[at], -1)


def _take_ints(values: pd.Series, rows: np.ndarray, index: pd.Index) -> pd.Series:
    """``values`` at ``rows`` as a nullable-integer Series on ``index`` (NA where ``rows`` is -1)."""
    return pd.Series(pd.array(values.to_numpy(), dtype="Int64").take(rows, allow_fill=True), index=index)


def _word_counts(texts: Sequence) -> list[int]:
    """:func:`analysis.text.count_words` of each text, without its memo (every sentence is counted once here).

    >>> _word_counts(["the U.S. and Russia", ""])
    [4, 0]
    """
    texts = texts.tolist() if isinstance(texts, pd.Series) else list(texts)
    return [count_words_uncached(t) if isinstance(t, str) else count_words(t) for t in texts]


def paragraph_ranks(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Story paragraphs (headings left out) with ``para_rank`` (1-based) and ``n_paras`` per document.

    >>> p = pd.DataFrame({"doc_id": "d", "para_id": [0, 1, 2], "start": [0, 10, 20],
    ...     "end": [9, 19, 29], "text": "x", "is_heading": [False, True, False]})
    >>> paragraph_ranks(p)[["para_id", "para_rank", "n_paras"]].values.tolist()
    [[0, 1, 2], [2, 2, 2]]
    """
    p = paragraphs.loc[~paragraphs["is_heading"].astype(bool)].copy()
    p = p.sort_values(["doc_id", "start"], kind="stable")
    p["para_rank"] = p.groupby("doc_id", sort=False).cumcount() + 1
    p["n_paras"] = p.groupby("doc_id", sort=False)["para_rank"].transform("max")
    return p.reset_index(drop=True)


def document_units(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The sentences of every document as emphasis units, in document order.

    Columns: ``level`` ("document"), doc_id, kind, ``side`` (the issuing side of a
    readout or statement, else None), ``unit_id`` (the sent_id as text), start, end,
    text, speaker (None), n_words, para_id, para_rank, n_paras, ``rank``/``n_units``
    (sentence rank within the document, 1-based) and ``pos`` (its normalised position).
    """
    sents = tables["sentences"].copy()
    docs = tables["documents"].set_index("doc_id")
    sents = sents.sort_values(["doc_id", "start"], kind="stable").reset_index(drop=True)
    sents["unit_id"] = sents["sent_id"].astype(str)
    sents["kind"] = sents["doc_id"].map(docs["kind"])
    sents["side"] = sents["doc_id"].map(docs["side"]).astype("object")
    sents["speaker"] = None
    sents["n_words"] = _word_counts(sents["text"])
    return _positions(sents, tables["paragraphs"], level="document", group=["doc_id"])


def statement_units(tables: Mapping[str, pd.DataFrame], sides: Sequence[str] | None = None) -> pd.DataFrame:
    """Each side's statements as emphasis units, ranked within (document, side) in text order.

    Same columns as :func:`document_units` with ``level == "side"``; ``rank`` is the
    statement's rank among its side's statements in the document, ``para_rank`` the
    document paragraph it starts in. ``sides`` keeps only those sides (default: every
    statement with a side).
    """
    st = tables["statements"].copy()
    st = st.loc[st["side"].notna()]
    if sides is not None:
        st = st.loc[st["side"].isin(list(sides))]
    docs = tables["documents"].set_index("doc_id")
    st = st.sort_values(["doc_id", "start", "end"], kind="stable").reset_index(drop=True)
    st["unit_id"] = st["statement_id"].astype(str)
    st["kind"] = st["doc_id"].map(docs["kind"])
    if "n_words" not in st.columns:
        st["n_words"] = _word_counts(st["text"])
    if "speaker" not in st.columns:
        st["speaker"] = None
    return _positions(st, tables["paragraphs"], level="side", group=["doc_id", "side"])


def _positions(units: pd.DataFrame, paragraphs: pd.DataFrame, level: str, group: list[str]) -> pd.DataFrame:
    paras = paragraph_ranks(paragraphs)
    u = units.copy()
    if len(u):
        at = _locate(u["doc_id"], u["start"], paras)
        u["para_rank"] = _take_ints(paras["para_rank"], at, u.index)
        u["para_id"] = _take_ints(paras["para_id"], at, u.index)
        u["n_paras"] = u["doc_id"].map(paras.groupby("doc_id")["n_paras"].max()).astype("Int64")
        u["rank"] = u.groupby(group, sort=False).cumcount() + 1
        u["n_units"] = u.groupby(group, sort=False)["rank"].transform("max")
        rank, n = u["rank"].to_numpy(), u["n_units"].to_numpy()
        u["pos"] = np.where(n == 1, 0.0, (rank - 1) / np.maximum(n - 1, 1))  # normalised_position of each
    else:
        for c in ("para_rank", "para_id", "n_paras", "rank", "n_units", "pos"):
            u[c] = pd.Series([], dtype="float64")
    u["level"] = level
    cols = [
        "level",
        "doc_id",
        "kind",
        "side",
        "unit_id",
        "start",
        "end",
        "text",
        "speaker",
        "n_words",
        "para_id",
        "para_rank",
        "n_paras",
        "rank",
        "n_units",
        "pos",
    ]
    if "origin" in u.columns:
        cols.append("origin")
    return u.loc[:, cols].reset_index(drop=True)


# --------------------------------------------------------------------------- topics


def topic_hits(units: pd.DataFrame, frames=None, bodies: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Frame codebook hits in the units' text (:func:`analysis.framing.frame_hits`), with absolute offsets."""
    from .framing import frame_hits

    u = units.drop_duplicates(["doc_id", "start", "end"])[["doc_id", "unit_id", "start", "text"]]
    return frame_hits(u, "unit_id", frames=frames, bodies=bodies)


def mention_hits(mentions: pd.DataFrame, sides: Sequence[str] | None = None) -> pd.DataFrame:
    """Mentions of a side as topic hits: ``frame_id`` "side:<side>" (e.g. where a text first mentions a third country).

    ``mentions`` needs doc_id, start, end, text and side; ``sides`` keeps only those sides.
    Pronoun mentions are left out (they point back to an earlier name).

    >>> m = pd.DataFrame({"doc_id": ["d"], "start": [4], "end": [10], "text": ["Kyiv's"], "side": ["Ukraine"], "how": ["registry"]})
    >>> mention_hits(m)[["frame_id", "start", "text"]].values.tolist()
    [['side:Ukraine', 4, "Kyiv's"]]
    """
    m = mentions.loc[mentions["side"].notna()].copy()
    if "how" in m.columns:
        m = m.loc[m["how"] != "pronoun"]
    if sides is not None:
        m = m.loc[m["side"].isin(list(sides))]
    m["frame_id"] = SIDE_PREFIX + m["side"].astype(str)
    m["pattern"] = "mention"
    return m.loc[:, ["doc_id", "frame_id", "pattern", "start", "end", "text"]].reset_index(drop=True)


def topic_labels(frames=None, topic_ids: Sequence[str] = ()) -> dict[str, str]:
    """``{topic_id: label}``: codebook labels, and "mentions X" for side-mention topics.

    >>> topic_labels(topic_ids=["side:Ukraine"])["side:Ukraine"]
    'mentions Ukraine'
    """
    from .framing import frame_labels

    labels = dict(frame_labels(frames))
    for t in topic_ids:
        if t.startswith(SIDE_PREFIX):
            labels[t] = "mentions " + t[len(SIDE_PREFIX) :]
    return labels


def topic_presence(units: pd.DataFrame, hits: pd.DataFrame, topics: Sequence[str] | None = None) -> pd.DataFrame:
    """One row per unit and topic: ``n_hits`` (hits starting inside the unit), ``present`` (m_i), ``first_hit`` (offset).

    Hits are assigned to units by character offset, so sentence-level hits serve
    statements too. ``topics`` fixes the topic list and order (default: the topics of ``hits``).
    """
    topics = list(dict.fromkeys(hits["frame_id"])) if topics is None else list(topics)
    grid = units.assign(_u=np.arange(len(units))).merge(pd.DataFrame({"frame_id": topics, "_t": np.arange(len(topics))}), how="cross")
    counts, first = _hit_counts(units, hits, topics)
    grid = grid.sort_values(["_u", "_t"], kind="stable").reset_index(drop=True)
    grid["n_hits"] = counts.ravel()
    grid["present"] = counts.ravel() > 0
    grid["first_hit"] = pd.arrays.IntegerArray(first.ravel(), first.ravel() < 0)
    return grid.drop(columns=["_u", "_t"])


def _hit_counts(units: pd.DataFrame, hits: pd.DataFrame, topics: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hits of each topic starting inside each unit (same document, ``start <= offset < end``) and the first such offset (-1 if none).

    Two arrays of shape (units, topics), for :func:`topic_presence`. A hit counts for
    every unit that contains it, so overlapping units (statements) share hits.
    """
    counts = np.zeros((len(units), len(topics)), dtype="int64")
    first = np.full(counts.shape, -1, dtype="int64")
    if not (len(hits) and len(units)):
        return counts, first
    tindex = {t: i for i, t in enumerate(topics)}
    topic = hits["frame_id"].map(tindex).to_numpy(dtype="float64", na_value=np.nan)
    h = hits.loc[~np.isnan(topic)]
    topic = topic[~np.isnan(topic)].astype("int64")
    unit_codes, hit_codes = _doc_codes(units["doc_id"], h["doc_id"])
    starts, ends = units["start"].to_numpy(dtype="int64"), units["end"].to_numpy(dtype="int64")
    offsets = h["start"].to_numpy(dtype="int64")
    low, width = _key_range(starts, ends, offsets)
    rows = np.flatnonzero(unit_codes >= 0)
    rows = rows[np.lexsort((starts[rows], unit_codes[rows]))]  # units by document, then start
    start_keys = _keyed(unit_codes[rows], starts[rows], low, width)
    end_keys = _keyed(unit_codes[rows], ends[rows], low, width)
    keys = np.where(hit_codes >= 0, _keyed(hit_codes, offsets, low, width), -1)
    # candidates for a hit: the units of its document starting at or before it (up to `stop`),
    # from the first whose end, or an earlier unit's end, lies beyond it (`begin`)
    stop = np.searchsorted(start_keys, keys, side="right")
    begin = np.searchsorted(np.maximum.accumulate(end_keys), keys, side="right")
    n = np.maximum(stop - begin, 0)
    hit = np.repeat(np.arange(len(keys)), n)
    cand = np.repeat(begin, n) + np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    inside = end_keys[cand] > keys[hit]
    hit, unit = hit[inside], rows[cand[inside]]
    cell = unit * len(topics) + topic[hit]
    np.add.at(counts.reshape(-1), cell, 1)
    big = np.iinfo("int64").max
    low_first = np.full(counts.size, big, dtype="int64")
    np.minimum.at(low_first, cell, offsets[hit])
    first.reshape(-1)[:] = np.where(low_first < big, low_first, -1)
    return counts, first


def headline_topics(documents: pd.DataFrame, frames=None) -> pd.DataFrame:
    """Codebook hits in each document's title (the headline): doc_id, frame_id, text."""
    from .framing import frame_hits

    t = pd.DataFrame({"doc_id": documents["doc_id"], "unit_id": documents["doc_id"], "start": 0, "text": documents["title"].astype(str)})
    return frame_hits(t, "unit_id", frames=frames)[["doc_id", "frame_id", "text"]]


# --------------------------------------------------------------------------- the emphasis table


def emphasis(
    presence: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    headlines: pd.DataFrame | None = None,
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Table ``emphasis``: per level, document, side and topic, first mention, lead, share of text, salience, order.

    ``presence`` is :func:`topic_presence` over units of one or both levels (their
    ``level`` column says which). ``headlines`` (:func:`headline_topics`) marks topics
    in a document's title, for document-level rows. A topic a group never raises has
    ``present == False``, NaN positions, salience 0 and no order.
    """
    return _emphasis_table(_presence_cells(presence), presence, labels, headlines, n_boot, seed)


class _Cells(NamedTuple):
    """The (group, topic) cells of an emphasis table, in table order, and the units of each, in rank order.

    Groups are (level, document, side); ``level``, ``doc_id``, ``side`` ("" for none),
    ``frame_id`` and ``group`` (a number per group) hold one value per cell. The units of
    cell ``c`` are entries ``bounds[c]:bounds[c + 1]`` of ``unit`` (rows of the unit
    table), ``present`` (m_i) and ``first_hit`` (offset of the cell topic's first hit in
    the unit, read where present).
    """

    level: np.ndarray
    doc_id: np.ndarray
    side: np.ndarray
    frame_id: np.ndarray
    group: np.ndarray
    bounds: np.ndarray
    unit: np.ndarray
    present: np.ndarray
    first_hit: np.ndarray


def _first_seen(*columns: Sequence) -> np.ndarray:
    """A number per row for each distinct combination of ``columns``, numbered in order of first appearance (as ``groupby(sort=False)``).

    >>> _first_seen(["b", "a", "b", "a"], [1, 1, 1, 2]).tolist()
    [0, 1, 0, 2]
    """
    code = np.zeros(len(columns[0]), dtype="int64")
    for col in columns:
        values, distinct = pd.factorize(
            col if isinstance(col, pd.Series | np.ndarray) else np.asarray(col, dtype=object), use_na_sentinel=False
        )
        code = pd.factorize(code * len(distinct) + values)[0]
    return code


def _side_keys(sides: pd.Series) -> np.ndarray:
    """Side of each row as a group key: "" for none."""
    return sides.astype("object").where(sides.notna(), "").to_numpy(dtype=object)


def _presence_cells(presence: pd.DataFrame) -> _Cells:
    """The cells of the rows of a :func:`topic_presence` table (each row its own unit): groups and their topics in order of first appearance."""
    p = presence
    side = _side_keys(p["side"])
    group = _first_seen(p["level"], p["doc_id"], side)
    cell = _first_seen(group, p["frame_id"])
    rows = np.lexsort((_numbers(p, "rank"), cell, group))
    head = np.flatnonzero(np.diff(cell[rows], prepend=-1) != 0)
    first = rows[head]
    return _Cells(
        level=p["level"].to_numpy(dtype=object)[first],
        doc_id=p["doc_id"].to_numpy(dtype=object)[first],
        side=side[first],
        frame_id=p["frame_id"].to_numpy(dtype=object)[first],
        group=group[first],
        bounds=np.append(head, len(rows)),
        unit=rows,
        present=p["present"].to_numpy(dtype=bool)[rows],
        first_hit=_numbers(p, "first_hit")[rows],
    )


def _grid_cells(units: pd.DataFrame, counts: np.ndarray, first: np.ndarray, topics: Sequence[str]) -> _Cells:
    """The cells of every unit group and topic, from :func:`_hit_counts` arrays: the cells :func:`_presence_cells` finds in :func:`topic_presence` (units, hits, topics)."""
    side = _side_keys(units["side"])
    group = _first_seen(units["level"], units["doc_id"], side)
    members = np.lexsort((_numbers(units, "rank"), group))  # the units of each group, in rank order
    bounds = np.flatnonzero(np.diff(group[members], prepend=-1) != 0)
    n_topics = len(topics)
    size = np.repeat(np.diff(np.append(bounds, len(members))), n_topics)  # units per cell, cells group by group
    cell_start = np.cumsum(size) - size
    unit = members[np.repeat(np.repeat(bounds, n_topics), size) + np.arange(size.sum()) - np.repeat(cell_start, size)]
    topic = np.repeat(np.tile(np.arange(n_topics), len(bounds)), size)
    lead = np.repeat(members[bounds], n_topics)
    return _Cells(
        level=units["level"].to_numpy(dtype=object)[lead],
        doc_id=units["doc_id"].to_numpy(dtype=object)[lead],
        side=side[lead],
        frame_id=np.tile(np.asarray(list(topics), dtype=object), len(bounds)),
        group=np.repeat(np.arange(len(bounds)), n_topics),
        bounds=np.append(cell_start, size.sum()),
        unit=unit,
        present=counts[unit, topic] > 0,
        first_hit=first[unit, topic],
    )


def _numbers(table: pd.DataFrame, col: str) -> np.ndarray:
    """Column ``col`` as floats, NaN for missing values (all NaN when there is no such column)."""
    if col not in table:
        return np.full(len(table), np.nan)
    return table[col].to_numpy(dtype="float64", na_value=np.nan)


def _objects(table: pd.DataFrame, col: str, rows: np.ndarray) -> np.ndarray:
    """Values of column ``col`` at ``rows`` as Python objects (None when there is no such column)."""
    if col not in table:
        return np.full(len(rows), None, dtype=object)
    return table[col].iloc[rows].to_numpy(dtype=object)


def _ints(values: np.ndarray, known: np.ndarray | None = None) -> pd.arrays.IntegerArray:
    """Whole numbers (given as floats or ints) as a nullable-integer array, NA where not ``known`` or NaN."""
    values = np.asarray(values)
    known = ~np.isnan(values) if known is None else known & ~np.isnan(values)
    return pd.arrays.IntegerArray(np.where(known, values, 0).astype("int64"), ~known)


def _cell_measures(cells: _Cells, words: np.ndarray, n_boot: int, seed: int | None) -> dict[str, np.ndarray]:
    """Per cell: ``n_words`` and ``topic_words`` (as floats), ``n_present``, ``first`` (entry of its first unit carrying the topic, -1), ``salience``, ``lo``/``hi``.

    ``words`` are the word tokens of each entry of ``cells.unit``. Cells with the same
    number of units are measured together, one row per cell, with the same sums, in the
    same order, as :func:`salience` and :func:`_ratio_ci` make for one cell.
    """
    start, size = cells.bounds[:-1], np.diff(cells.bounds)
    k = len(size)
    out = {name: np.empty(k) for name in ("n_words", "topic_words", "salience", "lo", "hi")}
    out["n_present"] = np.empty(k, dtype="int64")
    out["first"] = np.empty(k, dtype="int64")
    for n in np.unique(size):
        which = np.flatnonzero(size == n)
        rows = start[which][:, None] + np.arange(n)
        m, w = cells.present[rows], words[rows]
        num = w * m
        out["n_words"][which] = w.sum(axis=1)
        out["topic_words"][which] = num.sum(axis=1)
        out["n_present"][which] = m.sum(axis=1)
        out["first"][which] = np.where(m.any(axis=1), rows[np.arange(len(which)), m.argmax(axis=1)], -1)
        wt = weights(n)
        out["salience"][which] = (m * wt).sum(axis=1) / wt.sum()
        out["lo"][which], out["hi"][which] = _ratio_cis(num, w, n_boot=n_boot, seed=seed)
    return out


def _topic_order(group: np.ndarray, rank: np.ndarray, offset: np.ndarray) -> np.ndarray:
    """Order of each raised topic in its group: dense rank of (first unit rank, offset of the first hit in it).

    >>> _topic_order(np.array([0, 0, 0, 1]), np.array([3, 1, 3, 2]), np.array([50, 9, 40, 7])).tolist()
    [3, 1, 2, 1]
    """
    by = np.lexsort((offset, rank, group))
    g, r, a = group[by], rank[by], offset[by]
    new_group = np.diff(g, prepend=-1) != 0
    new_key = new_group | (np.diff(r, prepend=r[:1]) != 0) | (np.diff(a, prepend=a[:1]) != 0)
    dense = np.cumsum(new_key)
    order = np.empty(len(by), dtype="int64")
    order[by] = dense - np.maximum.accumulate(np.where(new_group, dense, 0)) + 1
    return order


def _emphasis_table(
    cells: _Cells,
    units: pd.DataFrame,
    labels: Mapping[str, str] | None,
    headlines: pd.DataFrame | None,
    n_boot: int,
    seed: int | None,
) -> pd.DataFrame:
    """The ``emphasis`` table of :func:`emphasis` for ``cells`` whose units are rows of ``units`` (a unit or presence table)."""
    if not len(cells.frame_id):
        return conform(None, "emphasis")
    labels = labels or {}
    head = set()
    if headlines is not None and len(headlines):
        head = set(zip(headlines["doc_id"], headlines["frame_id"]))
    k = len(cells.frame_id)
    m = _cell_measures(cells, units["n_words"].to_numpy(dtype=float)[cells.unit], n_boot, seed)
    u0 = cells.unit[cells.bounds[:-1]]  # each cell's first unit
    raised = np.flatnonzero(m["first"] >= 0)
    fu = cells.unit[m["first"][raised]]  # the unit that first carries the topic, for raised topics
    rank, pos = _numbers(units, "rank")[fu], _numbers(units, "pos")[fu]
    para_rank, n_paras = _numbers(units, "para_rank"), _numbers(units, "n_paras")
    para, paras = para_rank[fu], n_paras[fu]
    document = cells.level[raised] == "document"
    known = ~np.isnan(para)  # a sentence of a heading has no story paragraph: rank NA, not in the lead
    if (np.isnan(paras[known]) | (para[known] < 1) | (para[known] > paras[known])).any():
        raise ValueError("paragraph rank outside 1..n_paras")
    para_pos = np.where(paras == 1, 0.0, (para - 1) / np.maximum(paras - 1, 1))  # normalised_position
    hit = cells.first_hit[m["first"][raised]]
    if np.isnan(hit).any():
        raise ValueError("a unit carrying a topic has no first hit")

    def spread(values, fill, dtype=None):
        """Values of the raised cells, at their place among all cells (``fill`` elsewhere)."""
        out = np.full(k, fill, dtype=dtype or np.asarray(values).dtype)
        out[raised] = values
        return out

    is_raised = spread(True, False, bool)
    total, topic_words = m["n_words"], m["topic_words"]
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(total != 0, topic_words / total, np.nan)
    table = {
        "level": cells.level,
        "doc_id": cells.doc_id,
        "kind": _objects(units, "kind", u0),
        "side": np.array([s or None for s in cells.side], dtype=object),
        "frame_id": cells.frame_id,
        "label": np.array([labels.get(f, f) for f in cells.frame_id], dtype=object),
        "n_units": np.diff(cells.bounds),
        "n_paras": _ints(n_paras[u0]),
        "n_present": m["n_present"],
        "present": m["n_present"] > 0,
        "n_words": total.astype("int64"),
        "topic_words": topic_words.astype("int64"),
        "share_of_text": share,
        "share_lo": m["lo"],
        "share_hi": m["hi"],
        "salience": m["salience"],
        "in_headline": np.array(
            [((d, f) in head) if lv == "document" else None for lv, d, f in zip(cells.level, cells.doc_id, cells.frame_id)], dtype=object
        ),
        "first_rank": _ints(spread(rank, np.nan)),
        "first_pos": spread(pos, np.nan),
        "first_para_rank": _ints(spread(para, np.nan)),
        "first_para_pos": spread(np.where(known, para_pos, np.nan), np.nan),
        "in_lead": spread(np.where(document, para == 1, rank == 1), False, bool),
        "first_unit": spread(_objects(units, "unit_id", fu), None, object),
        "first_start": _ints(spread(_numbers(units, "start")[fu], np.nan)),
        "first_end": _ints(spread(_numbers(units, "end")[fu], np.nan)),
        "first_text": spread(_objects(units, "text", fu), None, object),
        "order": _ints(spread(_topic_order(cells.group[raised], rank, hit), 0, "int64"), is_raised),
    }
    return (
        conform(pd.DataFrame(table), "emphasis")
        .sort_values("level", kind="stable", key=lambda s: s.map({"document": 0, "side": 1}))
        .reset_index(drop=True)
    )


def topic_order(table: pd.DataFrame, level: str = "side") -> pd.DataFrame:
    """The order in which each group raises its topics: one row per raised topic, sorted by order.

    Columns: doc_id, side, order, label, first_rank, first_pos, first_text (the unit that raises it first).
    Topics first raised in the same unit are ordered by where their first hit lies in it.
    """
    t = table.loc[(table["level"] == level) & table["present"]]
    t = t.sort_values(["doc_id", "side", "order", "frame_id"], kind="stable", na_position="first")
    return t.loc[
        :, ["doc_id", "side", "order", "frame_id", "label", "first_rank", "n_units", "first_pos", "in_lead", "first_text"]
    ].reset_index(drop=True)


def summarize(table: pd.DataFrame, sides: Sequence[str] | None = None, n_boot: int = N_BOOT, seed: int | None = None) -> pd.DataFrame:
    """Table ``emphasis_summary``: per side and topic, over the documents where the side speaks.

    For each side's statement groups (``level == "side"``) and for documents issued by
    the side (readouts, ``level == "document"`` with that side): number of documents,
    share of them raising the topic, mean first-mention position (over documents that
    raise it), mean salience and mean share of text, each mean with a bootstrap
    interval over documents (NaN with fewer than two documents: one document gives no
    interval).
    """
    from ..core.stats import bootstrap_ci

    rows = []
    t = table.loc[table["side"].notna()]
    if sides is not None:
        t = t.loc[t["side"].isin(list(sides))]
    for (side, level, fid), g in t.groupby(["side", "level", "frame_id"], sort=False):
        row = {
            "side": side,
            "level": level,
            "frame_id": fid,
            "label": g["label"].iloc[0],
            "n_docs": len(g),
            "n_raised": int(g["present"].sum()),
            "share_docs": float(g["present"].mean()),
        }
        for col, name in (("first_pos", "first_pos"), ("salience", "salience"), ("share_of_text", "share_of_text")):
            x = g[col].dropna().to_numpy(dtype=float)
            row[name] = float(x.mean()) if len(x) else float("nan")
            row[f"{name}_lo"], row[f"{name}_hi"] = bootstrap_ci(x, n_boot=n_boot, seed=seed)
        row["share_lead"] = float(g["in_lead"].mean())
        rows.append(row)
    if not rows:
        return conform(None, "emphasis_summary")
    return conform(pd.DataFrame(rows), "emphasis_summary")


def compare_positions(
    presence: pd.DataFrame,
    side_a: str,
    side_b: str,
    labels: Mapping[str, str] | None = None,
    level: str = "side",
    n_boot: int = N_BOOT,
    n_perm: int = 10000,
    seed: int | None = None,
) -> pd.DataFrame:
    """Table ``emphasis_comparison``: per topic, the normalised positions of the units carrying it, side A vs B.

    A lower mean position means the side raises the topic earlier in its account.
    Uses :func:`analysis.compare.compare_sides` (bootstrap intervals, permutation p,
    Cliff's delta); topics neither side raises are left out. Units of one document
    are not independent: read p-values as descriptive.
    """
    from ..core.compare import compare_sides

    labels = labels or {}
    p = presence.loc[(presence["level"] == level) & presence["present"] & presence["side"].isin([side_a, side_b])]
    rows = []
    for fid in dict.fromkeys(p["frame_id"]):
        sub = p.loc[p["frame_id"] == fid]
        c = compare_sides(sub, "pos", side_a, side_b, n_boot=n_boot, n_perm=n_perm, seed=seed)
        c.insert(0, "label", labels.get(fid, fid))
        c.insert(0, "frame_id", fid)
        c.insert(0, "measure", "position")
        rows.append(c)
    if not rows:
        return conform(None, "emphasis_comparison")
    return conform(pd.concat(rows, ignore_index=True), "emphasis_comparison")


# --------------------------------------------------------------------------- voice


def voice(
    statements: pd.DataFrame,
    by: str = "side",
    origins: Sequence[str] = ("quote", "claim"),
    quotes: pd.DataFrame | None = None,
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Table ``voice``: quoted (direct) and reported (indirect) words per side or per actor.

    Quoted words are the word tokens of a statement that lie inside a quote of the
    ``quotes`` table (scare-quoted terms, ``kind == "term"``, excluded), so a claim
    whose content contains a quotation counts its quoted part as direct; without
    ``quotes``, a statement is direct when its ``origin`` is ``quote``.

    ``by`` is ``"side"`` or ``"speaker"``. Only statements whose ``origin`` is in
    ``origins`` count (by default quotes and claims: the voice a reporter gives; a
    readout's sentences are the side's own text, counted in ``readout_words`` but not
    in the shares). ``voice_share`` = the group's attributed words / all attributed
    words; ``direct_share`` = its quoted words / its attributed words. Intervals:
    percentile bootstrap over statements (whole documents when there are several).
    """
    st = statements.copy()
    st["_key"] = st[by].astype("object").where(st[by].notna(), "(unknown)")
    st["_words"] = st["n_words"].astype(float)
    st["_direct"] = _direct_words(st, quotes)
    counted = st.loc[st["origin"].isin(list(origins))].reset_index(drop=True)
    all_words = counted["_words"].to_numpy()
    groups_all = counted["doc_id"].astype(str).tolist()
    rows = []
    for key in dict.fromkeys(st["_key"]):
        g = st.loc[st["_key"] == key]
        c = counted.loc[counted["_key"] == key]
        quoted = float(c["_direct"].sum())
        attributed = float(c["_words"].sum())
        mine = (counted["_key"] == key).to_numpy(dtype=float) * all_words
        direct = c["_direct"].to_numpy(dtype=float)
        vs_lo, vs_hi = _ratio_ci(mine, all_words, groups_all, n_boot=n_boot, seed=seed)
        ds_lo, ds_hi = _ratio_ci(direct, c["_words"].to_numpy(), c["doc_id"].astype(str).tolist(), n_boot=n_boot, seed=seed)
        side = g["side"].dropna().iloc[0] if g["side"].notna().any() else None
        rows.append(
            {
                "level": by,
                "group": key,
                "side": side,
                "n_docs": g["doc_id"].nunique(),
                "n_statements": len(c),
                "n_quotes": int((c["_direct"] > 0).sum()),
                "n_claims": int((c["origin"] == "claim").sum()),
                "quoted_words": int(quoted),
                "indirect_words": int(attributed - quoted),
                "attributed_words": int(attributed),
                "readout_words": int(g.loc[g["origin"] == "readout", "_words"].sum()),
                "voice_share": attributed / all_words.sum() if all_words.sum() else float("nan"),
                "voice_share_lo": vs_lo,
                "voice_share_hi": vs_hi,
                "direct_share": quoted / attributed if attributed else float("nan"),
                "direct_share_lo": ds_lo,
                "direct_share_hi": ds_hi,
            }
        )
    if not rows:
        return conform(None, "voice")
    out = pd.DataFrame(rows).sort_values(["attributed_words", "readout_words", "group"], ascending=[False, False, True], kind="stable")
    return conform(out, "voice")


def _direct_words(st: pd.DataFrame, quotes: pd.DataFrame | None) -> list[float]:
    """Word tokens of each statement inside a quote (kind != term); by origin when ``quotes`` is None."""
    if quotes is None:
        return [float(w) if o == "quote" else 0.0 for w, o in zip(st["n_words"], st["origin"])]
    q = quotes if "kind" not in quotes.columns else quotes.loc[quotes["kind"] != "term"]
    by_doc = {d: list(zip(g["start"], g["end"])) for d, g in q.groupby("doc_id")}
    out = []
    for doc, a, b, text in zip(st["doc_id"], st["start"], st["end"], st["text"]):
        n = 0
        for qa, qb in by_doc.get(doc, []):
            lo, hi = max(int(a), int(qa)), min(int(b), int(qb))
            if lo < hi:
                n += count_words(text[lo - int(a) : hi - int(a)])
        out.append(float(n))
    return out


# --------------------------------------------------------------------------- evidence


def evidence(
    presence: pd.DataFrame,
    hits: pd.DataFrame,
    frame_id: str,
    level: str | None = None,
    doc_id: str | None = None,
    side: str | None = None,
) -> pd.DataFrame:
    """The units behind a number: every unit carrying ``frame_id``, with rank, position and the words that matched.

    Filter by ``level``, ``doc_id`` and ``side``. Columns: level, doc_id, side, speaker,
    rank, n_units, pos, para_rank, matched (the matched words, '; '-joined), text.
    """
    p = presence.loc[(presence["frame_id"] == frame_id) & presence["present"]]
    if level is not None:
        p = p.loc[p["level"] == level]
    if doc_id is not None:
        p = p.loc[p["doc_id"] == doc_id]
    if side is not None:
        p = p.loc[p["side"] == side]
    h = hits.loc[hits["frame_id"] == frame_id]
    matched = []
    for doc, a, b in zip(p["doc_id"], p["start"], p["end"]):
        w = h.loc[(h["doc_id"] == doc) & (h["start"] >= a) & (h["start"] < b), "text"]
        matched.append("; ".join(dict.fromkeys(w)))
    out = p.assign(matched=matched)
    cols = ["level", "doc_id", "side", "speaker", "rank", "n_units", "pos", "para_rank", "matched", "text"]
    return out.loc[:, cols].reset_index(drop=True)


def sentences_matching(sentences: pd.DataFrame, pattern: str, doc_id: str | None = None) -> pd.DataFrame:
    """Sentences whose text matches the regular expression ``pattern`` (case-insensitive), with their offsets.

    For checking what a text says about another document, e.g. a reporter's claim on
    where a readout places a topic.
    """
    s = sentences if doc_id is None else sentences.loc[sentences["doc_id"] == doc_id]
    s = s.loc[s["text"].str.contains(pattern, case=False, regex=True)]
    return s.loc[:, ["doc_id", "para_id", "sent_id", "start", "end", "text"]].reset_index(drop=True)


# --------------------------------------------------------------------------- inputs and plain-language findings

INPUT_TABLES = ("documents", "paragraphs", "sentences", "mentions", "quotes", "claims", "statements")


def load_inputs(folder: str | Path) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """Read the processed tables emphasis needs; derive extraction tables the build has not written yet.

    Returns ``(tables, derived)``: ``derived`` names the tables made here with
    :func:`analysis.extract.extract_document` and
    :func:`analysis.statements.build_statements` because ``folder`` lacks them (empty
    once the build writes them).
    """
    from ..core.store import read_tables

    folder = Path(folder)
    present = [n for n in INPUT_TABLES if (folder / f"{n}.parquet").is_file()]
    tables = read_tables(folder, present)
    missing = [n for n in ("mentions", "quotes", "claims", "statements") if n not in tables]
    if not missing:
        return tables, []
    from ..extraction.extract import extract_document
    from ..extraction.statements import build_statements

    parts: dict[str, list[pd.DataFrame]] = {n: [] for n in missing}
    for doc in tables["documents"].to_dict("records"):
        paras = tables["paragraphs"].loc[tables["paragraphs"]["doc_id"] == doc["doc_id"]]
        sents = tables["sentences"].loc[tables["sentences"]["doc_id"] == doc["doc_id"]]
        x = extract_document(doc, paras, sents)
        quotes = tables["quotes"].loc[tables["quotes"]["doc_id"] == doc["doc_id"]] if "quotes" in tables else x["quotes"]
        claims = tables["claims"].loc[tables["claims"]["doc_id"] == doc["doc_id"]] if "claims" in tables else x["claims"]
        x["statements"] = build_statements(doc, sents, quotes, claims)
        for n in missing:
            parts[n].append(x[n])
    for n in missing:
        tables[n] = conform(pd.concat(parts[n], ignore_index=True), n)
    return tables, missing


def findings(table: pd.DataFrame, side_a: str, side_b: str, topics: Sequence[str] | None = None) -> str:
    """Plain-language lines, written from the numbers: what each side raises in its lead and where it first raises each topic.

    One block per document where either side speaks. ``topics`` limits the per-topic
    lines (default: every topic either side raises).
    """
    t = table.loc[(table["level"] == "side") & table["side"].isin([side_a, side_b])]
    lines = []
    for doc in dict.fromkeys(t["doc_id"]):
        d = t.loc[t["doc_id"] == doc]
        lines.append(f"[{doc}]")
        for side in (side_a, side_b):
            s = d.loc[(d["side"] == side) & d["present"]].sort_values("order", kind="stable")
            if s.empty:
                lines.append(f"{side}: no statements with a codebook topic.")
                continue
            n = int(s["n_units"].iloc[0])
            lead = s.loc[s["in_lead"], "label"].tolist()
            lines.append(f"{side} ({n} statements) leads with: {', '.join(lead) if lead else 'no codebook topic'}.")
            for _, r in s.iterrows():
                if topics is not None and r["frame_id"] not in topics:
                    continue
                lines.append(
                    f"  {int(r['order'])}. {r['label']}: first in statement {int(r['first_rank'])} of {n} "
                    f"(r = {r['first_pos']:.2f}), salience {r['salience']:.2f}, {r['share_of_text']:.0%} of the side's words"
                )
    return "\n".join(lines)


# --------------------------------------------------------------------------- one call for a notebook or a build


def analyse(
    tables: Mapping[str, pd.DataFrame],
    side_a: str,
    side_b: str,
    frames=None,
    mention_sides: Sequence[str] | None = None,
    n_boot: int = N_BOOT,
    n_perm: int = 10000,
    seed: int | None = None,
) -> dict[str, pd.DataFrame]:
    """Every emphasis table for two sides from the processed tables.

    Needs documents, paragraphs and sentences; uses statements (side level and voice)
    and mentions when present. ``mention_sides`` adds "mentions <side>" topics for
    those sides (``None``: every side mentioned other than the two compared; ``()``:
    none). Returns
    ``{"units", "hits", "presence", "emphasis", "emphasis_summary",
    "emphasis_comparison", "voice", "voice_actors"}``; :func:`save` writes the ones
    declared in the schema.
    """
    docs = tables["documents"]
    units = [document_units(tables)]
    has_statements = "statements" in tables and len(tables["statements"])
    if has_statements:
        units.append(statement_units(tables, [side_a, side_b]))
    u = pd.concat(units, ignore_index=True)
    bodies = dict(zip(docs["doc_id"], docs["body"]))
    hits = topic_hits(units[0], frames=frames, bodies=bodies)
    from .framing import frame_labels

    topics = list(frame_labels(frames))
    if mention_sides != () and "mentions" in tables and len(tables["mentions"]):
        if mention_sides is None:
            mention_sides = sorted(set(tables["mentions"]["side"].dropna()) - {side_a, side_b})
        mh = mention_hits(tables["mentions"], mention_sides)
        hits = pd.concat([hits, mh], ignore_index=True)
        topics += sorted(set(mh["frame_id"]))
    labels = topic_labels(frames, topics)
    presence = topic_presence(u, hits, topics)
    table = emphasis(presence, labels, headline_topics(docs, frames), n_boot=n_boot, seed=seed)
    out = {
        "units": u,
        "hits": hits,
        "presence": presence,
        "emphasis": table,
        "emphasis_summary": summarize(table, [side_a, side_b], n_boot=n_boot, seed=seed),
        "emphasis_comparison": compare_positions(presence, side_a, side_b, labels, n_boot=n_boot, n_perm=n_perm, seed=seed),
    }
    if has_statements:
        st = tables["statements"]
        q = tables.get("quotes")
        out["voice"] = pd.concat(
            [voice(st, "side", quotes=q, n_boot=n_boot, seed=seed), voice(st, "speaker", quotes=q, n_boot=n_boot, seed=seed)],
            ignore_index=True,
        )
    else:
        out["voice"] = conform(None, "voice")
    return out


def save(results: Mapping[str, pd.DataFrame], folder: str | Path) -> list[Path]:
    """Write the schema-declared emphasis tables (:data:`EMPHASIS_TABLES`) of ``results`` to ``folder`` as Parquet."""
    return [write_table(conform(results[n], n), folder, n) for n in EMPHASIS_TABLES if n in results]


def emphasis_stage(doc: dict, tables: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Build stage (per document, no sides needed): document-level emphasis of the document's sentences.

    Returns ``{"emphasis": ...}`` with ``level == "document"`` rows only (side-level
    rows need the two sides and are made by notebook 05 / :func:`analyse`).
    """
    return {"emphasis": document_emphasis(pd.DataFrame([doc]), tables)}


def document_emphasis(documents: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """Document-level ``emphasis`` rows of every document of ``documents`` (the build's chunks), in their order.

    ``tables`` holds the paragraphs and sentences of those documents and, optionally,
    their ``frame_hits`` (sentence hits are reused rather than matched again). The
    rows of each document are those :func:`emphasis_stage` gives for it alone.
    """
    t = {"documents": documents, "paragraphs": tables["paragraphs"], "sentences": tables["sentences"]}
    u = document_units(t)
    fh = tables.get("frame_hits")
    if fh is not None and "unit_col" in fh.columns:
        hits = fh.loc[fh["unit_col"] == "sent_id"]  # the frames stage already matched every sentence
    else:
        hits = topic_hits(u, bodies=dict(zip(documents["doc_id"], documents["body"])))
    from .framing import frame_labels

    labels = frame_labels()
    topics = list(labels)
    counts, first = _hit_counts(u, hits, topics)  # the topic_presence of the units, as arrays
    out = _emphasis_table(_grid_cells(u, counts, first, topics), u, labels, headline_topics(documents), N_BOOT, None)
    # units are sorted by doc_id: put the rows back in the documents' order (stable within a document)
    position = {d: i for i, d in enumerate(documents["doc_id"])}
    pos = out["doc_id"].map(position).to_numpy()
    if len(pos) > 1 and not bool(np.all(pos[:-1] <= pos[1:])):
        out = out.iloc[np.argsort(pos, kind="stable")].reset_index(drop=True)
    return out


# --------------------------------------------------------------------------- figures


def _ax(ax, figsize):
    from ..viz.figures import new_figure

    if ax is None:
        fig, ax = new_figure(figsize=figsize)
        return fig, ax
    return ax.figure, ax


def plot_first_mentions(table: pd.DataFrame, side_a: str, side_b: str, doc_id: str | None = None, level: str = "side", ax=None):
    """Dot plot: first-mention position (0 = lead, 1 = end) of each topic raised, per side. Returns the Figure.

    ``table`` is an ``emphasis`` table; with several documents, ``doc_id`` picks one
    (default: the first document where a side speaks). Topics are sorted by side A's order.
    """
    from ..viz.figures import side_colors

    t = table.loc[(table["level"] == level) & table["present"] & table["side"].isin([side_a, side_b])]
    if doc_id is None and len(t):
        doc_id = t["doc_id"].iloc[0]
    t = t.loc[t["doc_id"] == doc_id] if doc_id is not None else t
    fids = list(
        dict.fromkeys(
            t.sort_values(["side", "order"], key=lambda s: s.map({side_a: 0, side_b: 1}) if s.name == "side" else s, kind="stable")[
                "frame_id"
            ]
        )
    )
    fig, ax = _ax(ax, (7.0, 0.38 * max(len(fids), 1) + 1.5))
    colors = side_colors([side_a, side_b])
    y = {f: len(fids) - 1 - k for k, f in enumerate(fids)}
    for k, side in enumerate((side_a, side_b)):
        s = t.loc[t["side"] == side]
        n = int(s["n_units"].max()) if len(s) else 0
        ax.scatter(
            s["first_pos"],
            [y[f] + (0.12 if k == 0 else -0.12) for f in s["frame_id"]],
            color=colors[side],
            s=40,
            label=f"{side} (N = {n} statements)",
            zorder=3,
        )
    labels = dict(zip(t["frame_id"], t["label"]))
    ax.set_yticks([y[f] for f in fids])
    ax.set_yticklabels([labels[f] for f in fids])
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(-0.7, max(len(fids), 1) - 0.3)
    ax.set_xlabel("first mention, normalised position (0 = lead, 1 = end)")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def plot_salience(table: pd.DataFrame, side_a: str, side_b: str, doc_id: str | None = None, level: str = "side", ax=None):
    """Horizontal bars: position-weighted salience of each topic per side (topics raised by either). Returns the Figure."""
    from ..viz.figures import side_colors

    t = table.loc[(table["level"] == level) & table["side"].isin([side_a, side_b])]
    if doc_id is None and len(t):
        doc_id = t["doc_id"].iloc[0]
    t = t.loc[t["doc_id"] == doc_id] if doc_id is not None else t
    used = list(dict.fromkeys(t.loc[t["present"], "frame_id"]))
    fig, ax = _ax(ax, (7.0, 0.38 * max(len(used), 1) + 1.5))
    colors = side_colors([side_a, side_b])
    y = np.arange(len(used))[::-1].astype(float)
    for k, side in enumerate((side_a, side_b)):
        s = t.loc[t["side"] == side].set_index("frame_id")
        vals = [float(s.at[f, "salience"]) if f in s.index else 0.0 for f in used]
        ax.barh(y + (0.2 if k == 0 else -0.2), vals, height=0.38, color=colors[side], label=side)
    labels = dict(zip(t["frame_id"], t["label"]))
    ax.set_yticks(y)
    ax.set_yticklabels([labels[f] for f in used])
    ax.set_xlim(0, 1)
    ax.set_xlabel("position-weighted salience  Σ m·w / Σ w,  w = 1/log2(i+1)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def plot_topic_map(
    presence: pd.DataFrame, doc_id: str, topics: Sequence[str] | None = None, labels: Mapping[str, str] | None = None, ax=None
):
    """Where each topic appears in one document: a dot per sentence (x = sentence rank) carrying it. Returns the Figure."""
    p = presence.loc[(presence["level"] == "document") & (presence["doc_id"] == doc_id)]
    if topics is None:
        topics = list(dict.fromkeys(p.loc[p["present"], "frame_id"]))
    labels = labels or {}
    n = int(p["n_units"].max()) if len(p) else 1
    fig, ax = _ax(ax, (7.0, 0.38 * max(len(topics), 1) + 1.5))
    for k, fid in enumerate(topics):
        s = p.loc[(p["frame_id"] == fid) & p["present"]]
        ax.scatter(s["rank"], [len(topics) - 1 - k] * len(s), color="#333333", s=30, zorder=3)
        ax.axhline(len(topics) - 1 - k, color="#eeeeee", lw=0.8, zorder=1)
    ax.set_yticks([len(topics) - 1 - k for k in range(len(topics))])
    ax.set_yticklabels([labels.get(f, f) for f in topics])
    ax.set_xlim(0.5, n + 0.5)
    ax.set_ylim(-0.7, max(len(topics), 1) - 0.3)
    ax.set_xlabel(f"sentence of {doc_id} (1 = first of {n})")
    fig.tight_layout()
    return fig


def plot_voice(voice_table: pd.DataFrame, side_a: str, side_b: str, ax=None):
    """Stacked bars per side: quoted (direct, solid) and reported (indirect, light) words, with the voice share. Returns the Figure."""
    from ..viz.figures import side_colors

    t = voice_table.loc[(voice_table["level"] == "side")].set_index("group")
    sides = [side_a, side_b]
    colors = side_colors(sides)
    fig, ax = _ax(ax, (5.5, 3.6))
    for i, side in enumerate(sides):
        q = float(t.at[side, "quoted_words"]) if side in t.index else 0.0
        ind = float(t.at[side, "indirect_words"]) if side in t.index else 0.0
        ax.bar(i, q, color=colors[side], label="quoted (direct)" if i == 0 else None)
        ax.bar(i, ind, bottom=q, color=colors[side], alpha=0.35, label="reported (indirect)" if i == 0 else None)
        if side in t.index:
            r = t.loc[side]
            share = f"{r['voice_share']:.0%}"
            if pd.notna(r["voice_share_lo"]):
                share += f" [{r['voice_share_lo']:.0%}, {r['voice_share_hi']:.0%}]"
            ax.text(i, q + ind, f"{share}\nn = {int(r['n_statements'])}", ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(sides)))
    ax.set_xticklabels(sides)
    ax.set_ylabel("words attributed to the side")
    ax.margins(y=0.3)
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    fig.tight_layout()
    return fig
