"""The emphasis table (first mention, lead, share of text, salience, order), its summary, comparison and findings.

Part of :mod:`analysis.measures.emphasis` (see its docstring for the measures).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import NamedTuple

import numpy as np
import pandas as pd

from ...core.schema import conform
from ...core.stats import N_BOOT

# a document's lead: its first story paragraph, at most its first LEAD_SENTENCES sentences (as the document-level frames read it)
from ..document_frames import LEAD_SENTENCES
from .resampling import _ratio_cis
from .units import weights

__all__ = [
    "LEAD_SENTENCES",
    "compare_leads",
    "compare_positions",
    "emphasis",
    "findings",
    "findings_across_documents",
    "summarize",
    "topic_order",
]


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
        "in_lead": spread(np.where(document, (para == 1) & (rank <= LEAD_SENTENCES), rank == 1), False, bool),
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
    interval). ``share_lead`` is over the ``n_lead_docs`` documents where the group has
    more than one unit (a single statement is no lead). Both shares of documents get
    Wilson intervals (:func:`analysis.core.designs.share_interval`, the interval
    :func:`analysis.core.compare.compare_sides` gives shares; one value per document,
    so no design effect), which keep a width at 0 or 1.

    >>> t = pd.DataFrame({"level": "side", "doc_id": ["1", "2", "3"], "side": "A", "frame_id": "x", "label": "X",
    ...     "n_units": [3, 1, 2], "present": [True, True, False], "in_lead": [True, True, False],
    ...     "first_pos": [0.0, 0.0, float("nan")], "salience": [0.5, 1.0, 0.0], "share_of_text": [0.3, 1.0, 0.0]})
    >>> r = summarize(t, n_boot=100).iloc[0]
    >>> int(r["n_docs"]), int(r["n_lead_docs"]), float(r["share_lead"]), [round(float(r[c]), 3) for c in ("share_lead_lo", "share_lead_hi")]
    (3, 2, 0.5, [0.095, 0.905])
    """
    from ...core.designs import share_interval
    from ...core.stats import bootstrap_ci

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
        row["share_docs_lo"], row["share_docs_hi"] = share_interval(g["present"].to_numpy(dtype=float), g["doc_id"].astype(str).tolist())
        for col, name in (("first_pos", "first_pos"), ("salience", "salience"), ("share_of_text", "share_of_text")):
            x = g[col].dropna().to_numpy(dtype=float)
            row[name] = float(x.mean()) if len(x) else float("nan")
            row[f"{name}_lo"], row[f"{name}_hi"] = bootstrap_ci(x, n_boot=n_boot, seed=seed)
        several = g.loc[g["n_units"] > 1] if "n_units" in g.columns else g
        lead = several["in_lead"].to_numpy(dtype=float)
        row["n_lead_docs"] = len(lead)
        row["share_lead"] = float(lead.mean()) if len(lead) else float("nan")
        row["share_lead_lo"], row["share_lead_hi"] = share_interval(lead, several["doc_id"].astype(str).tolist())
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
    Uses :func:`analysis.core.compare.compare_sides` (bootstrap intervals, permutation p,
    Cliff's delta); topics neither side raises are left out. Units of one document
    are not independent: read p-values as descriptive.
    """
    labels = labels or {}
    p = presence.loc[(presence["level"] == level) & presence["present"] & presence["side"].isin([side_a, side_b])]
    return _by_topic(p, p["frame_id"], "pos", "position", lambda fid, sub: labels.get(fid, fid), side_a, side_b, n_boot, n_perm, seed)


def compare_leads(
    table: pd.DataFrame,
    side_a: str,
    side_b: str,
    level: str = "side",
    n_boot: int = N_BOOT,
    n_perm: int = 10000,
    seed: int | None = None,
) -> pd.DataFrame:
    """Rows of table ``emphasis_comparison`` with ``measure == "lead"``: per topic, the share of a side's documents whose lead carries it, A vs B.

    The units are the (document, side) groups of an :func:`emphasis` table at ``level``
    in which the side has more than one unit (a single statement is no lead); each is 1
    when the topic is in its lead. Compared with :func:`analysis.core.compare.compare_sides`,
    as frame shares are: Wilson intervals per side, Newcombe's interval of the difference
    with one document, the design's test and cluster-robust interval with several
    (:mod:`analysis.core.designs`). Topics no side leads with are left out. Adjust with
    the notebook's family (:func:`analysis.core.compare.adjust_family`).

    >>> t = pd.DataFrame({"level": "side", "doc_id": ["1", "1", "2", "2"], "side": ["A", "B", "A", "B"], "frame_id": "x",
    ...     "label": "X", "n_units": 3, "in_lead": [True, False, True, False], "present": True})
    >>> r = compare_leads(t, "A", "B", n_perm=100).iloc[0]
    >>> r["measure"], int(r["n_a"]), float(r["mean_a"]), float(r["mean_b"]), r["resampling"]
    ('lead', 2, 1.0, 0.0, 'within documents')
    """
    t = table.loc[(table["level"] == level) & table["side"].isin([side_a, side_b]) & (table["n_units"] > 1)]
    t = t.assign(in_lead=t["in_lead"].astype(bool).astype(float))
    led = t.loc[t["in_lead"] > 0, "frame_id"]
    return _by_topic(t, led, "in_lead", "lead", lambda fid, sub: sub["label"].iloc[0], side_a, side_b, n_boot, n_perm, seed)


def _by_topic(units, topics, value, measure, label_of, side_a, side_b, n_boot, n_perm, seed) -> pd.DataFrame:
    """``emphasis_comparison`` rows: ``value`` of ``units`` compared A vs B for each topic of ``topics`` (first-seen order)."""
    from ...core.compare import compare_sides

    rows = []
    for fid in dict.fromkeys(topics):
        sub = units.loc[units["frame_id"] == fid]
        c = compare_sides(sub, value, side_a, side_b, n_boot=n_boot, n_perm=n_perm, seed=seed)
        c.insert(0, "label", label_of(fid, sub))
        c.insert(0, "frame_id", fid)
        c.insert(0, "measure", measure)
        rows.append(c)
    if not rows:
        return conform(None, "emphasis_comparison")
    return conform(pd.concat(rows, ignore_index=True), "emphasis_comparison")


def compare_emphasis(
    presence: pd.DataFrame,
    side_a: str,
    side_b: str,
    labels: Mapping[str, str] | None = None,
    level: str = "side",
    **kwargs,
) -> pd.DataFrame:
    """Table ``emphasis_comparison``: :func:`compare_positions` rows, then :func:`compare_leads` rows, from one presence table.

    Leads are read from ``presence`` alone: ranks are renumbered within each (document,
    side) group first, so when ``presence`` holds one view's statements, a group's lead is
    its first statement in that view. ``kwargs`` (``n_boot``, ``n_perm``, ``seed``) go to both.

    >>> p = pd.DataFrame({"level": "side", "doc_id": "1", "side": ["A", "A", "B", "B"], "frame_id": "x", "present": True,
    ...     "unit_id": ["a2", "a3", "b2", "b3"], "rank": [2, 3, 2, 3], "pos": [0.5, 1.0, 0.5, 1.0], "n_words": 5,
    ...     "para_rank": 1, "n_paras": 1, "first_hit": 0, "kind": "news", "start": 0, "end": 5, "text": "x"})
    >>> compare_emphasis(p, "A", "B", n_perm=100)[["measure", "n_a", "mean_a"]].values.tolist()
    [['position', 2, 0.75], ['lead', 1, 1.0]]
    """
    p = presence.loc[presence["level"] == level]
    if len(p):
        p = p.assign(rank=p.groupby(["doc_id", "side"], sort=False)["rank"].rank(method="dense").astype("int64"))
    parts = [compare_positions(presence, side_a, side_b, labels, level=level, **kwargs)]
    parts.append(compare_leads(emphasis(p, labels), side_a, side_b, level=level, **kwargs))
    parts = [t for t in parts if len(t)]
    if not parts:
        return conform(None, "emphasis_comparison")
    return conform(pd.concat(parts, ignore_index=True), "emphasis_comparison")


def findings(table: pd.DataFrame, side_a: str, side_b: str, topics: Sequence[str] | None = None, max_docs: int = 6) -> str:
    """Plain-language lines, written from the numbers: what each side raises in its lead and where it first raises each topic.

    One block per document where either side speaks, for at most ``max_docs`` such
    documents; beyond that, one block per side over its documents
    (:func:`findings_across_documents`). ``topics`` limits the per-topic lines
    (default: every topic either side raises).
    """
    t = table.loc[(table["level"] == "side") & table["side"].isin([side_a, side_b])]
    if t["doc_id"].nunique() > max_docs:
        return findings_across_documents(t, side_a, side_b, topics)
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
            if n == 1:  # one statement is all there is: it has no lead over anything
                lines.append(f"{side} (1 statement, so no lead to speak of) raises: {', '.join(s['label'].tolist())}.")
            else:
                lines.append(f"{side} ({n} statements) leads with: {', '.join(lead) if lead else 'no codebook topic'}.")
            for _, r in s.iterrows():
                if topics is not None and r["frame_id"] not in topics:
                    continue
                lines.append(
                    f"  {int(r['order'])}. {r['label']}: first in statement {int(r['first_rank'])} of {n} "
                    f"(r = {r['first_pos']:.2f}), salience {r['salience']:.2f}, {r['share_of_text']:.0%} of the side's words"
                )
    return "\n".join(lines)


def findings_across_documents(
    table: pd.DataFrame, side_a: str, side_b: str, topics: Sequence[str] | None = None, max_topics: int = 8
) -> str:
    """Plain-language lines over many documents: per side, the topics it leads with most often and where it first raises each.

    Counts are documents in which the side speaks (``level == "side"`` rows of an
    emphasis table); positions are means over the documents that raise the topic
    (0 = the side's first statement there, 1 = its last). At most ``max_topics`` topics
    per side, those raised in most documents.

    >>> t = pd.DataFrame({"level": "side", "doc_id": ["1", "1", "2", "2"], "side": "A", "frame_id": ["x", "y", "x", "y"],
    ...                   "label": ["X", "Y", "X", "Y"], "present": [True, True, True, False], "in_lead": [True, False, False, False],
    ...                   "first_pos": [0.0, 1.0, 0.5, float("nan")]})
    >>> print(findings_across_documents(t, "A", "B"))
    A: statements in 2 documents; the topic most often in its lead: X (in the lead in 1 of the 2 documents with more than one of its statements).
      X: raised in 2 of 2 documents, first at a mean position of 0.25.
      Y: raised in 1 of 2 documents, first at a mean position of 1.00.
    B: no statements in these documents.
    """
    t = table.loc[(table["level"] == "side") & table["side"].isin([side_a, side_b])]
    lines = []
    for side in (side_a, side_b):
        s = t.loc[t["side"] == side]
        n = int(s["doc_id"].nunique())
        if n == 0:
            lines.append(f"{side}: no statements in these documents.")
            continue
        raised = s.loc[s["present"]]
        if topics is not None:
            raised = raised.loc[raised["frame_id"].isin(list(topics))]
        # a lead needs a second statement: documents where the side has one statement count no lead
        several = raised["n_units"] > 1 if "n_units" in raised.columns else pd.Series(True, index=raised.index)
        raised = raised.assign(_lead=raised["in_lead"].astype(bool) & several)
        n_lead = int(s.loc[s["n_units"] > 1, "doc_id"].nunique()) if "n_units" in s.columns else n
        g = raised.groupby(["frame_id", "label"], sort=False).agg(k=("doc_id", "nunique"), lead=("_lead", "sum"), pos=("first_pos", "mean"))
        g = g.reset_index().sort_values(["k", "pos", "frame_id"], ascending=[False, True, True], kind="stable")
        leads = g.loc[g["lead"] > 0].sort_values(["lead", "k", "frame_id"], ascending=[False, False, True], kind="stable")
        if n_lead == 0:
            lead_txt = "one statement in each, so no lead to speak of"
        elif leads.empty:
            lead_txt = "no codebook topic in its lead statement"
        else:
            top = leads.iloc[0]
            lead_txt = (
                f"the topic most often in its lead: {top['label']} (in the lead in {int(top['lead'])} of the {n_lead} documents "
                "with more than one of its statements)"
            )
        lines.append(f"{side}: statements in {n} documents; {lead_txt}.")
        if g.empty:
            lines.append("  no statement carries a codebook topic.")
        for _, r in g.head(max_topics).iterrows():
            lines.append(f"  {r['label']}: raised in {int(r['k'])} of {n} documents, first at a mean position of {r['pos']:.2f}.")
        if len(g) > max_topics:
            lines.append(f"  … and {len(g) - max_topics} more topics (in the topic order table).")
    return "\n".join(lines)
