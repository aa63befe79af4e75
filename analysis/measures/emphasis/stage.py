"""Every emphasis table in one call (notebook 05) and the build's document-level emphasis stage.

Part of :mod:`analysis.measures.emphasis` (see its docstring for the measures).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ...core.schema import conform
from ...core.stats import N_BOOT
from .measures import _emphasis_table, _grid_cells, compare_emphasis, emphasis, summarize
from .topics import _hit_counts, headline_topics, mention_hits, topic_hits, topic_labels, topic_presence
from .units import document_units, statement_units
from .voice import voice

__all__ = ["analyse", "document_emphasis", "emphasis_stage"]


def analyse(
    tables: Mapping[str, pd.DataFrame],
    side_a: str,
    side_b: str,
    frames=None,
    mention_sides: Sequence[str] | None = None,
    n_boot: int = N_BOOT,
    n_perm: int = 10000,
    seed: int | None = None,
    view: str = "split",
) -> dict[str, pd.DataFrame]:
    """Every emphasis table for two sides from the processed tables.

    Needs documents, paragraphs and sentences; uses statements (side level and voice)
    and mentions when present. ``mention_sides`` adds "mentions <side>" topics for
    those sides (``None``: every side mentioned other than the two compared; ``()``:
    none). Returns
    ``{"units", "hits", "presence", "emphasis", "emphasis_summary",
    "emphasis_comparison", "voice"}``; :func:`save` writes the ones declared in the schema.

    ``emphasis_comparison`` is the table notebook 05 shows and saves: per view of the
    sides' statements (:func:`analysis.measures.views.views_shown` for ``view``: own and
    reported words apart by default), the position rows then the lead rows of
    :func:`compare_emphasis`, with a leading ``view`` column and ``q_value`` adjusted
    over all of them as one family (:func:`analysis.core.compare.adjust_family`).
    """
    docs = tables["documents"]
    units = [document_units(tables)]
    has_statements = "statements" in tables and len(tables["statements"])
    if has_statements:
        units.append(statement_units(tables, [side_a, side_b]))
    elif "origin" not in units[0].columns:
        units[0] = units[0].assign(origin=None)  # no statements: the same columns, no side-level rows
    u = pd.concat(units, ignore_index=True)
    hits = _sentence_hits(tables) if frames is None else None
    if hits is None:
        hits = topic_hits(units[0], frames=frames, bodies=dict(zip(docs["doc_id"], docs["body"])))
    from ..framing import frame_labels

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
        "emphasis_comparison": _comparison(presence, tables, side_a, side_b, labels, view, n_boot=n_boot, n_perm=n_perm, seed=seed),
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


def _comparison(presence, tables, side_a: str, side_b: str, labels, view: str, **kwargs) -> pd.DataFrame:
    """Table ``emphasis_comparison`` as saved: positions and leads per view shown, one BH family over every row."""
    from ...core.compare import adjust_family
    from ..views import by_view, views_shown

    st = tables.get("statements")
    if st is None or "origin" not in st.columns:
        st = pd.DataFrame({"side": pd.Series([], dtype=object), "origin": pd.Series([], dtype=object)})
    side_presence = presence.loc[presence["level"] == "side"]
    table = by_view(side_presence, views_shown(st, [side_a, side_b], view), lambda p: compare_emphasis(p, side_a, side_b, labels, **kwargs))
    return adjust_family(table)


def _sentence_hits(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame | None:
    """The build's codebook hits in sentences (``frame_hits`` rows of ``unit_col == "sent_id"``) as :func:`topic_hits` gives them, or None.

    The build matched every sentence against the codebook already; its rows are those
    :func:`topic_hits` finds in the sentence units, named ``unit_id`` and in document
    order (doc_id, then text order). None when the table is absent.

    >>> fh = pd.DataFrame({"doc_id": ["b", "a", "a"], "unit_col": ["sent_id", "sent_id", "statement_id"], "unit_id": ["0", "1", "s"]})
    >>> _sentence_hits({"frame_hits": fh})[["doc_id", "unit_col", "unit_id"]].values.tolist()
    [['a', 'unit_id', '1'], ['b', 'unit_id', '0']]
    """
    fh = tables.get("frame_hits")
    if fh is None or "unit_col" not in fh.columns:
        return None
    hits = fh.loc[fh["unit_col"] == "sent_id"].assign(unit_col="unit_id")
    return hits.sort_values("doc_id", kind="stable").reset_index(drop=True)


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
    from ..framing import frame_labels

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
