"""Own words and reported words: which views of the sides' statements a notebook shows, and any measure per view.

A side's own documents (readouts, statements: ``statements.origin == "readout"``) and
what the news attributes to it (quotes and claims) are different objects, so every
measure by side is computed for each apart (:data:`analysis.core.compare.VIEWS`); the
pooled view only when a notebook's ``view`` parameter asks for it.

* :func:`views_shown` — the views a notebook shows for its ``view`` parameter and this corpus;
* :func:`in_view` — the rows of one view;
* :func:`by_view` — any table-making function applied per view, with a leading ``view`` column;
* :func:`with_origin` — add the statements' ``origin`` to a per-statement table (frame presence);
* :func:`share_comparisons` — per view, the share of statements carrying each of some frames,
  side A against side B (:func:`analysis.core.compare.compare_sides`); :func:`share_tests` for
  every frame either side raises, and :func:`align_tests` to show those tests in ``frame_differences``;
* :func:`view_label` — the short name of a view for figure titles and legends;
* :func:`own_words_note` — which side has no own words in this corpus, in words;
* :func:`per_view` — any function applied per view of a table already split by view;
* :func:`per_view_text` — any text-writing function applied per view, under the view's name.

>>> st = pd.DataFrame({"side": ["A", "B"], "origin": ["claim", "quote"]})
>>> views_shown(st, ["A", "B"]), views_shown(st, ["A", "B"], "pooled")
(('reported',), ('pooled',))
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from ..core.compare import VIEWS, compare_by_view
from ..core.errors import ArgumentError

__all__ = [
    "VIEW_PARAMETERS",
    "VIEW_LABELS",
    "views_shown",
    "in_view",
    "by_view",
    "with_origin",
    "share_comparisons",
    "share_tests",
    "align_tests",
    "view_label",
    "own_words_note",
    "per_view",
    "per_view_text",
]

#: Values of a notebook's ``view`` parameter: ``"split"`` (own and reported apart, the default),
#: ``"pooled"`` (both together), or a single view (``"own"``, ``"reported"``).
VIEW_PARAMETERS = ("split", "pooled", "own", "reported")

#: Short names of the views, for figure titles, legends and headings.
VIEW_LABELS = {
    "own": "own words (documents a side issued)",
    "reported": "reported by the news (quotes, claims)",
    "pooled": "own and reported words pooled",
}


def views_shown(statements: pd.DataFrame, sides: Sequence[str], view: str = "split", origin_col: str = "origin") -> tuple[str, ...]:
    """The views to show: own and reported apart, only reported when no side has own words, or what ``view`` asks.

    >>> st = pd.DataFrame({"side": ["A", "B", None], "origin": ["readout", "claim", "readout"]})
    >>> views_shown(st, ["A", "B"]), views_shown(st, ["B"]), views_shown(st, ["A", "B"], "own")
    (('own', 'reported'), ('reported',), ('own',))
    """
    if view not in VIEW_PARAMETERS:
        raise ArgumentError("view", f"must be one of {', '.join(VIEW_PARAMETERS)}, not {view!r}")
    if view != "split":
        return (view,)
    own = statements[origin_col].isin(VIEWS["own"]) & statements["side"].isin(list(sides))
    return ("own", "reported") if bool(own.any()) else ("reported",)


def in_view(df: pd.DataFrame, view: str, origin_col: str = "origin") -> pd.DataFrame:
    """The rows of ``df`` whose origin belongs to ``view`` (own, reported or pooled).

    >>> df = pd.DataFrame({"origin": ["readout", "quote", "claim"], "x": [1, 2, 3]})
    >>> in_view(df, "reported")["x"].tolist(), in_view(df, "own")["x"].tolist()
    ([2, 3], [1])
    """
    if view not in VIEWS:
        raise ArgumentError("view", f"must be one of {', '.join(VIEWS)}, not {view!r}")
    if origin_col not in df.columns and not len(df):
        return df  # an empty table built without columns (a corpus with no statements): nothing in any view
    return df.loc[df[origin_col].isin(VIEWS[view])]


def by_view(df: pd.DataFrame, views: Sequence[str], fn: Callable[[pd.DataFrame], pd.DataFrame], origin_col: str = "origin") -> pd.DataFrame:
    """``fn`` applied to the rows of each view, the results stacked with a leading ``view`` column.

    >>> df = pd.DataFrame({"origin": ["readout", "quote", "claim"], "x": [1, 2, 3]})
    >>> by_view(df, ["own", "reported"], lambda d: pd.DataFrame({"n": [len(d)]})).values.tolist()
    [['own', 1], ['reported', 2]]
    """
    parts = []
    for v in views:
        out = fn(in_view(df, v, origin_col)).copy()
        out.insert(0, "view", v)
        parts.append(out)
    return pd.concat(parts, ignore_index=True)


def with_origin(table: pd.DataFrame, statements: pd.DataFrame, unit_col: str = "unit_id") -> pd.DataFrame:
    """``table`` (one or more rows per statement, ``unit_col`` = ``statement_id``) with the statement's ``origin``.

    >>> p = pd.DataFrame({"unit_id": ["d:0", "d:0", "d:1"], "frame_id": ["x", "y", "x"]})
    >>> st = pd.DataFrame({"statement_id": ["d:0", "d:1"], "origin": ["readout", "claim"]})
    >>> with_origin(p, st)["origin"].tolist()
    ['readout', 'readout', 'claim']
    """
    origin = dict(zip(statements["statement_id"].astype(str), statements["origin"]))
    return table.assign(origin=table[unit_col].astype(str).map(origin))


def share_comparisons(
    presence: pd.DataFrame,
    side_a: str,
    side_b: str,
    frame_ids: Sequence[str],
    views: Sequence[str] = ("own", "reported"),
    labels: dict[str, str] | None = None,
    **kwargs,
) -> pd.DataFrame:
    """Per frame and view, the share of each side's statements carrying the frame, A against B, with intervals.

    ``presence`` is a frame-presence table with an ``origin`` column (:func:`with_origin`);
    ``kwargs`` go to :func:`analysis.core.compare.compare_sides`. Columns: ``view``,
    ``measure`` ("share: <label>"), ``frame_id``, then the ``side_comparison`` columns.

    >>> p = pd.DataFrame({"doc_id": "d", "unit_id": list("abcd"), "side": ["A", "A", "B", "B"],
    ...     "origin": "claim", "frame_id": "x", "present": [True, True, False, True]})
    >>> r = share_comparisons(p, "A", "B", ["x"], views=["reported"], n_boot=50, n_perm=50)
    >>> r[["view", "measure", "n_a", "mean_a", "mean_b"]].values.tolist()
    [['reported', 'share: x', 2, 1.0, 0.5]]
    """
    labels = labels or {}
    parts = []
    for fid in frame_ids:
        sub = presence.loc[presence["frame_id"] == fid].assign(present=lambda d: d["present"].astype(float))
        rows = compare_by_view(sub, "present", side_a, side_b, views=views, **kwargs)
        rows.insert(1, "measure", f"share: {labels.get(fid, fid)}")
        rows.insert(2, "frame_id", fid)
        parts.append(rows)
    if not parts:
        return pd.DataFrame(columns=["view", "measure", "frame_id"])
    order = {v: i for i, v in enumerate(views)}
    out = pd.concat(parts, ignore_index=True)
    return out.iloc[out["view"].map(order).argsort(kind="stable")].reset_index(drop=True)


def share_tests(
    presence: pd.DataFrame,
    side_a: str,
    side_b: str,
    views: Sequence[str] = ("own", "reported"),
    labels: dict[str, str] | None = None,
    **kwargs,
) -> pd.DataFrame:
    """Every frame either side raises in a view, tested: :func:`share_comparisons` of all of them, nothing picked first.

    Frames in codebook order (``labels``; else order of appearance); a (frame, view) row
    where neither side raises the frame is not a test and is left out, so the family a
    notebook adjusts (:func:`analysis.core.compare.adjust_family`) counts real tests only.

    >>> p = pd.DataFrame({"doc_id": "d", "unit_id": list("abcd"), "side": ["A", "A", "B", "B"],
    ...     "origin": "claim", "frame_id": "x", "present": [True, True, False, True]})
    >>> p = pd.concat([p, p.assign(frame_id="y", present=False)])
    >>> share_tests(p, "A", "B", views=["reported"], n_boot=50, n_perm=50)["frame_id"].tolist()
    ['x']
    """
    mine = presence.loc[presence["side"].isin([side_a, side_b]) & presence["present"].astype(bool)]
    raised = set(mine["frame_id"])
    order = [f for f in (labels or {}) if f in raised] + [f for f in dict.fromkeys(mine["frame_id"]) if f not in (labels or {})]
    out = share_comparisons(presence, side_a, side_b, order, views, labels, **kwargs)
    if out.empty:
        return out
    keep = (out["mean_a"].fillna(0) > 0) | (out["mean_b"].fillna(0) > 0)
    return out.loc[keep].reset_index(drop=True)


def align_tests(differences: pd.DataFrame, tests: pd.DataFrame) -> pd.DataFrame:
    """``differences`` (``frame_differences`` per view) with ``p_value``/``q_value`` of the family's tests of the same (view, frame).

    One hypothesis, one test: the frame-share difference is tested once
    (:func:`share_tests`, adjusted over the notebook's family), and the per-frame table
    shows that test's p and q; frames not tested get NaN.

    >>> d = pd.DataFrame({"view": ["own", "own"], "frame_id": ["x", "y"], "p_value": [0.5, 0.9], "q_value": [0.5, 0.9]})
    >>> t = pd.DataFrame({"view": ["own"], "frame_id": ["x"], "p_value": [0.01], "q_value": [0.02]})
    >>> align_tests(d, t)[["p_value", "q_value"]].values.tolist()
    [[0.01, 0.02], [nan, nan]]
    >>> align_tests(d, pd.DataFrame())[["p_value"]].isna().all().item()
    True
    """
    if not {"p_value", "q_value", "frame_id"} <= set(tests.columns):  # no test at all (a corpus without statements)
        return differences.assign(p_value=float("nan"), q_value=float("nan"))
    keys = ["view", "frame_id"] if "view" in differences.columns and "view" in tests.columns else ["frame_id"]
    got = tests.set_index(keys)[["p_value", "q_value"]]
    idx = pd.MultiIndex.from_frame(differences[keys]) if len(keys) > 1 else pd.Index(differences["frame_id"])
    out = differences.copy()
    for col in ("p_value", "q_value"):
        out[col] = got[col].reindex(idx).to_numpy(dtype=float)
    return out


def view_label(view: str | None) -> str:
    """The short name of ``view`` (:data:`VIEW_LABELS`); "" for ``None`` (a table not split by view).

    >>> view_label("own"), view_label(None)
    ('own words (documents a side issued)', '')
    """
    if view is None:
        return ""
    return VIEW_LABELS.get(str(view), str(view))


def own_words_note(statements: pd.DataFrame, sides: Sequence[str], views: Sequence[str], origin_col: str = "origin") -> str:
    """One Markdown line naming each side without own words (documents a side issued) while the own view is shown; "" otherwise.

    >>> st = pd.DataFrame({"side": ["A", "A", "B"], "origin": ["readout", "claim", "quote"]})
    >>> print(own_words_note(st, ["A", "B"], ["own", "reported"]))
    **No own words for B.** The corpus has no document issued by B: its own-words rows are empty (n = 0), and what the news attributes to it (reported view) is shown beside them.
    >>> own_words_note(st, ["A", "B"], ["reported"])
    ''
    """
    if "own" not in views:
        return ""
    own = statements.loc[statements[origin_col].isin(VIEWS["own"]), "side"]
    missing = [s for s in sides if not bool((own == s).any())]
    if not missing:
        return ""
    names = " and ".join(missing)
    it = "it" if len(missing) == 1 else "them"
    return (
        f"**No own words for {names}.** The corpus has no document issued by {names}: "
        f"{'its' if len(missing) == 1 else 'their'} own-words rows are empty (n = 0), and what the news attributes to {it} "
        "(reported view) is shown beside them."
    )


def _view_rows(table: pd.DataFrame, v, view_col: str) -> pd.DataFrame:
    return table.loc[table[view_col] == v].drop(columns=view_col) if view_col in table.columns else table


def per_view(table: pd.DataFrame, fn: Callable[[pd.DataFrame], pd.DataFrame], view_col: str = "view") -> pd.DataFrame:
    """``fn`` applied to each view's rows of a table already split by view (a ``view`` column), stacked with the ``view`` column first.

    For tables made per view (:func:`by_view`) that a further function reads, e.g. the
    frames only one side raises, per view. Without a ``view`` column, ``fn(table)``.

    >>> t = pd.DataFrame({"view": ["own", "own", "reported"], "x": [1, 2, 3]})
    >>> per_view(t, lambda d: d.loc[d["x"] > 1]).values.tolist()
    [['own', 2], ['reported', 3]]
    """
    if view_col not in table.columns:
        return fn(table)
    parts = []
    for v in dict.fromkeys(table[view_col]):
        out = fn(_view_rows(table, v, view_col)).copy()
        out.insert(0, view_col, v)
        parts.append(out)
    return pd.concat(parts, ignore_index=True) if parts else fn(table.drop(columns=view_col))


def per_view_text(tables, write: Callable[..., str], view_col: str = "view") -> str:
    """``write`` applied to each view's rows of ``tables`` (one table, or a tuple of tables split alike), each block under the view's name in bold.

    Views in the first table's order; ``write`` gets one argument per table. A table
    without a ``view`` column is passed whole (so an unsplit table is written as it is).

    >>> t = pd.DataFrame({"view": ["own", "reported"], "x": [1, 2]})
    >>> print(per_view_text(t, lambda d: f"x = {d['x'].item()}"))
    **Own words (documents a side issued).** x = 1
    <BLANKLINE>
    **Reported by the news (quotes, claims).** x = 2
    >>> print(per_view_text((t, t), lambda a, b: str(len(a) + len(b))).splitlines()[0])
    **Own words (documents a side issued).** 2
    """
    group = tuple(tables) if isinstance(tables, (tuple, list)) else (tables,)
    first = group[0]
    if view_col not in first.columns:
        return write(*group)
    blocks = []
    for v in dict.fromkeys(first[view_col]):
        label = view_label(v)
        blocks.append(f"**{label[:1].upper() + label[1:]}.** " + write(*(_view_rows(t, v, view_col) for t in group)))
    return "\n\n".join(blocks)
