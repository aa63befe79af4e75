"""Evidence: the sentences behind a number.

Part of :mod:`analysis.measures.emphasis` (see its docstring for the measures).
"""

from __future__ import annotations

import pandas as pd

__all__ = ["evidence", "sentences_matching"]


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
