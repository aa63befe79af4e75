"""Statements: the stretches of text each side put forward, the unit later notebooks compare.

News documents: every quote and every claim content attributed to an actor,
with overlapping quote/claim spans merged so no character is counted twice
(the merged statement keeps the speaker and side of its first part; origin
``claim`` when a claim is involved, else ``quote``; scare-quoted terms are not
statements). Readouts and statements:
every sentence, spoken by the issuing body (``doc["source"]``) for the
document's ``side`` (origin ``readout``).
"""

from __future__ import annotations

import bisect

import pandas as pd

from ..core.schema import from_records
from ..core.text import count_words

__all__ = ["OFFICIAL_KINDS", "merge_spans", "statement_rows", "build_statements"]

OFFICIAL_KINDS = ("readout", "statement")


def merge_spans(items: list[dict]) -> list[dict]:
    """Merge overlapping spans (dicts with start, end), keeping the first item's other fields.

    >>> [(m["start"], m["end"], m["origin"]) for m in merge_spans([
    ...     {"start": 0, "end": 10, "origin": "claim"}, {"start": 5, "end": 12, "origin": "quote"},
    ...     {"start": 20, "end": 25, "origin": "quote"}])]
    [(0, 12, 'claim'), (20, 25, 'quote')]
    """
    out: list[dict] = []
    for it in sorted(items, key=lambda d: (d["start"], -d["end"])):
        if out and it["start"] < out[-1]["end"]:
            last = out[-1]
            last["end"] = max(last["end"], it["end"])
            if it["origin"] == "claim":
                last["origin"] = "claim"
            if last.get("speaker") is None and it.get("speaker") is not None:
                last.update(speaker=it["speaker"], speaker_id=it.get("speaker_id"), side=it.get("side"))
            continue
        out.append(dict(it))
    return out


def _locator(sentences: list[dict]):
    starts = [r["start"] for r in sentences]
    sids = [r["sent_id"] for r in sentences]
    pids = [r["para_id"] for r in sentences]

    def where(pos: int) -> tuple:
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0:
            return (pids[0], sids[0]) if starts else (None, None)
        return pids[k], sids[k]

    return where


def _none(v):
    return None if v is None or (isinstance(v, float) and v != v) else v


def statement_rows(doc: dict, sentences: list[dict], quotes: list[dict] | None, claims: list[dict] | None) -> list[dict]:
    """The rows of :func:`build_statements`' table, as a list of dicts (no DataFrames).

    ``sentences`` are the document's sentence rows (dicts with start, end, para_id,
    sent_id); ``quotes``/``claims`` its quote and claim rows (dicts, as in
    :func:`analysis.extraction.extract.document_rows`).
    """
    body = doc["body"]
    doc_id = doc["doc_id"]
    items: list[dict] = []
    if doc.get("kind") in OFFICIAL_KINDS:
        for r in sentences:
            items.append(
                {
                    "start": int(r["start"]),
                    "end": int(r["end"]),
                    "speaker": doc.get("source"),
                    "speaker_id": None,
                    "side": doc.get("side"),
                    "origin": "readout",
                }
            )
    else:
        for rows, who, origin in ((claims, "source", "claim"), (quotes, "speaker", "quote")):
            for r in rows or ():
                speaker, side = _none(r.get(who)), _none(r.get("side"))
                if speaker is None and side is None:
                    continue  # no one to attribute the words to
                if origin == "quote" and r.get("kind") == "term":
                    continue  # a scare-quoted word is the reporter's, not a statement
                items.append(
                    {
                        "start": int(r["start"]),
                        "end": int(r["end"]),
                        "speaker": speaker,
                        "speaker_id": _none(r.get(who + "_id")),
                        "side": side,
                        "origin": origin,
                    }
                )
    rows = merge_spans(items)
    where = _locator(sentences) if sentences else (lambda pos: (None, None))
    n_chars = max(len(body), 1)
    for i, r in enumerate(rows):
        r["statement_id"] = f"{doc_id}:{i}"
        r["doc_id"] = doc_id
        r["para_id"], r["sent_id"] = where(r["start"])
        r["text"] = body[r["start"] : r["end"]]
        r["position"] = r["start"] / n_chars
        r["n_words"] = count_words(r["text"])
    return rows


def _records(df: pd.DataFrame | None, cols: list[str]) -> list[dict]:
    if df is None or len(df) == 0:
        return []
    return df.loc[:, [c for c in cols if c in df.columns]].to_dict("records")


def build_statements(doc: dict, sentences: pd.DataFrame, quotes: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The ``statements`` table of one document (offsets into ``doc["body"]``).

    ``sentences`` are the document's sentence rows; ``quotes``/``claims`` its rows from
    :func:`analysis.extraction.extract.extract_document` (or ``extract``'s tables).

    >>> from analysis.core.corpus import segment
    >>> d = {"doc_id": "r", "kind": "readout", "side": "Turkey", "source": "Turkish Foreign Ministry",
    ...      "body": "The sides met. They agreed to talk."}
    >>> s = segment(d)["sentences"]
    >>> build_statements(d, s, None, None)[["text", "speaker", "side", "origin"]].values.tolist()
    [['The sides met.', 'Turkish Foreign Ministry', 'Turkey', 'readout'], ['They agreed to talk.', 'Turkish Foreign Ministry', 'Turkey', 'readout']]
    """
    if sentences is not None and "doc_id" in sentences:
        sentences = sentences[sentences["doc_id"] == doc["doc_id"]]
    sents = _records(sentences, ["start", "end", "para_id", "sent_id"])
    cols = ["start", "end", "speaker", "speaker_id", "source", "source_id", "side", "kind"]
    rows = statement_rows(doc, sents, _records(quotes, cols), _records(claims, cols))
    return from_records(rows, "statements")
