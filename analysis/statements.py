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

from .schema import conform
from .text import count_words

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


def _locator(sentences: pd.DataFrame):
    starts = sentences["start"].tolist()
    sids = sentences["sent_id"].tolist()
    pids = sentences["para_id"].tolist()

    def where(pos: int) -> tuple:
        k = bisect.bisect_right(starts, pos) - 1
        if k < 0:
            return (pids[0], sids[0]) if starts else (None, None)
        return pids[k], sids[k]

    return where


def build_statements(doc: dict, sentences: pd.DataFrame, quotes: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """The ``statements`` table of one document (offsets into ``doc["body"]``).

    ``sentences`` are the document's sentence rows; ``quotes``/``claims`` its rows from
    :func:`analysis.extract.extract_document` (or ``extract``'s tables).

    >>> from analysis.corpus import segment
    >>> d = {"doc_id": "r", "kind": "readout", "side": "Russia", "source": "Russian Foreign Ministry",
    ...      "body": "The sides met. They agreed to talk."}
    >>> s = segment(d)["sentences"]
    >>> build_statements(d, s, None, None)[["text", "speaker", "side", "origin"]].values.tolist()
    [['The sides met.', 'Russian Foreign Ministry', 'Russia', 'readout'], ['They agreed to talk.', 'Russian Foreign Ministry', 'Russia', 'readout']]
    """
    body = doc["body"]
    doc_id = doc["doc_id"]
    if sentences is not None and "doc_id" in sentences:
        sentences = sentences[sentences["doc_id"] == doc_id]
    items: list[dict] = []
    if doc.get("kind") in OFFICIAL_KINDS:
        for r in sentences.itertuples(index=False):
            items.append(
                {
                    "start": int(r.start),
                    "end": int(r.end),
                    "speaker": doc.get("source"),
                    "speaker_id": None,
                    "side": doc.get("side"),
                    "origin": "readout",
                }
            )
    else:
        for df, who, origin in ((claims, "source", "claim"), (quotes, "speaker", "quote")):
            if df is None or len(df) == 0:
                continue
            for r in df.to_dict("records"):
                if r[who] is None and r["side"] is None:
                    continue  # no one to attribute the words to
                if origin == "quote" and r.get("kind") == "term":
                    continue  # a scare-quoted word is the reporter's, not a statement
                items.append(
                    {
                        "start": int(r["start"]),
                        "end": int(r["end"]),
                        "speaker": r[who],
                        "speaker_id": r[who + "_id"],
                        "side": r["side"],
                        "origin": origin,
                    }
                )
    rows = merge_spans(items)
    where = _locator(sentences) if sentences is not None and len(sentences) else (lambda pos: (None, None))
    n_chars = max(len(body), 1)
    for i, r in enumerate(rows):
        r["statement_id"] = f"{doc_id}:{i}"
        r["doc_id"] = doc_id
        r["para_id"], r["sent_id"] = where(r["start"])
        r["text"] = body[r["start"] : r["end"]]
        r["position"] = r["start"] / n_chars
        r["n_words"] = count_words(r["text"])
    return conform(pd.DataFrame(rows) if rows else None, "statements")
