"""Units (the sentences of a document, the statements of a side), their positions and the position formulas.

Part of :mod:`analysis.measures.emphasis` (see its docstring for the measures).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ...core.text import count_words, count_words_uncached

__all__ = [
    "LEVELS",
    "SIDE_PREFIX",
    "document_units",
    "normalised_position",
    "paragraph_ranks",
    "salience",
    "statement_units",
    "weights",
]

LEVELS = ("document", "side")
SIDE_PREFIX = "side:"


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
    """:func:`analysis.core.text.count_words` of each text, without its memo (every sentence is counted once here).

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
