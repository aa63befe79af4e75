"""The build's stages: raw document rows → every per-document table.

Documents go through the same pure stages (:data:`STAGES`) a chunk at a time
(:func:`process_documents`): the per-document work runs on plain rows, one document
at a time, and each table is made once per chunk, with the rows each document
would get alone, so the build streams and its results do not depend on document
order, on the chunking or on how documents are scheduled. The stage list is a
parameter (``stages=``), never rewritten at run time; :mod:`analysis.pipeline.engines`
runs it and writes the tables, :mod:`analysis.pipeline.provenance` hashes the code it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..core import corpus
from ..core.schema import conform, from_records, is_conformed

__all__ = ["STAGES", "Stage", "Tables", "process_documents", "process_document", "read_documents", "combine", "stage_names"]

Tables = dict[str, pd.DataFrame]
Stage = tuple[str, Callable[[list[dict], Tables], Tables]]


def stage_segment(docs: list[dict], tables: Tables) -> Tables:
    """Paragraphs and sentences of the documents."""
    rows = [corpus.segment_rows(d) for d in docs]
    return {
        "_segment": rows,
        "paragraphs": from_records([r for p, _ in rows for r in p], "paragraphs"),
        "sentences": from_records([r for _, s in rows for r in s], "sentences"),
    }


def stage_extract(docs: list[dict], tables: Tables) -> Tables:
    """Mentions, actors, quotes and claims (analysis.extraction.extract)."""
    from ..extraction.extract import document_rows

    rows = [document_rows(d, p, s) for d, (p, s) in zip(docs, tables["_segment"])]
    out: Tables = {"_extract": rows}
    for name in ("mentions", "quotes", "claims", "actors"):
        out[name] = from_records([r for x in rows for r in x[name]], name)
    return out


def stage_statements(docs: list[dict], tables: Tables) -> Tables:
    """What each side put forward: quotes and claims (news), sentences (readouts)."""
    from ..extraction.statements import statement_rows

    rows = [
        r
        for d, (_, sents), x in zip(docs, tables["_segment"], tables["_extract"])
        for r in statement_rows(d, sents, x["quotes"], x["claims"])
    ]
    return {"statements": from_records(rows, "statements")}


def stage_sentiment(docs: list[dict], tables: Tables) -> Tables:
    """VADER and AFINN scores of every statement, with and without topic terms."""
    from ..measures.sentiment import score_statements

    return {"sentiment": score_statements(tables["statements"])}


def stage_frames(docs: list[dict], tables: Tables) -> Tables:
    """Frame codebook hits (with keyword in context) in statements and in sentences."""
    from ..measures.framing import frame_hits

    bodies = {d["doc_id"]: d["body"] for d in docs}
    hits = pd.concat(
        [frame_hits(tables["statements"], "statement_id", bodies=bodies), frame_hits(tables["sentences"], "sent_id", bodies=bodies)],
        ignore_index=True,
    )
    # per document: its statement hits, then its sentence hits
    position = {d["doc_id"]: i for i, d in enumerate(docs)}
    pos = hits["doc_id"].map(position).to_numpy()
    if len(pos) > 1 and not bool(np.all(pos[:-1] <= pos[1:])):
        hits = hits.iloc[np.argsort(pos, kind="stable")].reset_index(drop=True)
    return {"frame_hits": hits}


def stage_emphasis(docs: list[dict], tables: Tables) -> Tables:
    """Document-level emphasis of each frame (first mention, lead, share, salience)."""
    from ..measures.emphasis import document_emphasis

    return {"emphasis": document_emphasis(tables["documents"], tables)}


# (name, function) in order; each takes the documents of a chunk (rows, in document order) and
# the tables made so far for them, and returns its tables with every document's rows in document
# order, the same rows as for each document alone. Keys starting with "_" carry per-document row
# lists between stages and are not tables.
STAGES: tuple[Stage, ...] = (
    ("segment", stage_segment),
    ("extract", stage_extract),
    ("statements", stage_statements),
    ("sentiment", stage_sentiment),
    ("frames", stage_frames),
    ("emphasis", stage_emphasis),
)


def stage_names(stages: Sequence[Stage] = STAGES) -> list[str]:
    """Names of the stages, in order.

    >>> stage_names()
    ['segment', 'extract', 'statements', 'sentiment', 'frames', 'emphasis']
    """
    return [name for name, _ in stages]


def process_documents(docs: list[dict], stages: Sequence[Stage] = STAGES) -> Tables:
    """Run every stage on a chunk of document rows; returns their tables (documents included), in document order.

    Per-document work (segmentation, extraction, statements) runs one document at a
    time on plain rows; each table is made once for the chunk and the table-level
    stages (sentiment, frames, emphasis) run on the chunk's tables, whose rows do not
    depend on the other documents: the tables equal the concatenation of
    :func:`process_document` of each document.
    """
    tables: Tables = {"documents": from_records(docs, "documents")}
    for _, fn in stages:
        tables.update(fn(docs, tables))
    return {n: df for n, df in tables.items() if not n.startswith("_")}


def process_document(doc: dict, stages: Sequence[Stage] = STAGES) -> Tables:
    """Run every stage on one document row; returns its tables (documents row included)."""
    return process_documents([doc], stages)


def read_documents(corpus_dir: str | Path) -> list[dict]:
    """Read and validate every document of the corpus folder (raises InputError on the first bad file)."""
    docs = [corpus.read_document(p) for p in corpus.list_documents(corpus_dir)]
    if not docs:
        raise corpus.InputError(corpus_dir, "no .txt or .md documents in the corpus folder")
    corpus.check_unique_ids(docs)
    return docs


def combine(parts: list[Tables]) -> Tables:
    """Concatenate per-document tables, in document order, conformed to their declared schema."""
    names = []
    for p in parts:
        names += [n for n in p if n not in names]
    out = {}
    for n in names:
        frames = [p[n] for p in parts if n in p]
        if len(frames) == 1 and is_conformed(frames[0], n):
            out[n] = frames[0]  # one part, already in its schema: nothing to copy
        else:
            out[n] = conform(pd.concat(frames, ignore_index=True), n)
    return out
