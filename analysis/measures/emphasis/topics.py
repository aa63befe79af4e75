"""Topics: frame codebook hits and side mentions in units, their labels, presence and headline topics.

Part of :mod:`analysis.measures.emphasis` (see its docstring for the measures).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from .units import SIDE_PREFIX, _doc_codes, _key_range, _keyed

__all__ = ["headline_topics", "mention_hits", "topic_hits", "topic_labels", "topic_presence"]


def topic_hits(units: pd.DataFrame, frames=None, bodies: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Frame codebook hits in the units' text (:func:`analysis.measures.framing.frame_hits`), with absolute offsets."""
    from ..framing import frame_hits

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
    from ..framing import frame_labels

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
    # the cross product units x topics, unit-major (each unit's rows in topic order), by position rather than a merge
    grid = units.iloc[np.repeat(np.arange(len(units)), len(topics))].reset_index(drop=True)
    grid["frame_id"] = pd.Series(topics * len(units) if len(units) else [], dtype=pd.Series(topics).dtype)
    counts, first = _hit_counts(units, hits, topics)
    grid["n_hits"] = counts.ravel()
    grid["present"] = counts.ravel() > 0
    grid["first_hit"] = pd.arrays.IntegerArray(first.ravel(), first.ravel() < 0)
    return grid


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
    from ..framing import frame_hits

    t = pd.DataFrame({"doc_id": documents["doc_id"], "unit_id": documents["doc_id"], "start": 0, "text": documents["title"].astype(str)})
    return frame_hits(t, "unit_id", frames=frames)[["doc_id", "frame_id", "text"]]
