"""Compare one numeric measure between two sides: n, mean, 95% interval, difference, p-value, effect size.

Generic: any table with a column of sides and a numeric (or 0/1) column works, so
sentiment, framing and emphasis all report their side comparisons the same way.

Statistics follow how the statements nest in documents (:mod:`analysis.core.designs`,
named in the ``resampling`` column):

* ``"statements"`` — one document (or no document ids): a permutation test of statement
  labels (:func:`analysis.core.stats.permutation_test`) and statement-level intervals; for
  0/1 values (shares) Wilson intervals per side and Newcombe's hybrid score interval for
  the difference (:func:`analysis.core.stats.newcombe_interval`), else seeded percentile
  bootstraps. Statements of one text are not independent: read it as a description.
* ``"within documents"``, ``"between documents"``, ``"within and between documents"`` —
  several documents: labels are shuffled within the documents that quote both sides and
  whole documents are relabelled among those that quote one
  (:func:`analysis.core.designs.design_permutation_pvalues`); the difference is the one that
  design estimates (:func:`analysis.core.designs.design_difference`; ``mean_a - mean_b``
  when no document quotes both sides) with a cluster-robust t interval
  (:func:`analysis.core.designs.design_interval`). Each side's interval resamples its
  documents (:func:`analysis.core.stats.cluster_bootstrap_mean`), or for shares is a Wilson
  interval at the documents' effective n (:func:`analysis.core.designs.share_interval`).

``q_value`` is the Benjamini-Hochberg adjustment over the family the table is (one row:
``q_value = p_value``); :func:`adjust_family` adjusts the rows of a notebook's family at once.
The effect size is Cliff's delta (:func:`analysis.core.stats.cliffs_delta`: the
probability that a value of side A exceeds one of side B minus the reverse).

>>> import pandas as pd
>>> df = pd.DataFrame({"side": ["A", "A", "A", "B", "B", "B"],
...                    "score": [0.5, 0.6, 0.7, -0.2, 0.0, 0.1],
...                    "doc_id": ["d"] * 6})
>>> row = compare_sides(df, "score", "A", "B", n_boot=200, n_perm=200).iloc[0]
>>> int(row["n_a"]), round(float(row["difference"]), 2), float(row["cliffs_delta"]), row["effect_size"]
(3, 0.63, 1.0, 'large')
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .designs import design_difference, design_interval, design_name, design_permutation_pvalues, is_binary, share_interval
from .errors import ArgumentError
from .schema import conform
from .stats import (
    N_BOOT,
    benjamini_hochberg,
    bootstrap_ci,
    cliffs_delta,
    cliffs_label,
    cluster_bootstrap_difference,
    cluster_bootstrap_mean,
    newcombe_interval,
    permutation_test,
)

__all__ = ["N_PERM", "VIEWS", "RESAMPLING", "compare_sides", "compare_by_view", "adjust_family", "family_size"]

#: Values of ``resampling`` that :func:`compare_sides` accepts: ``"documents"`` picks the document design from the data.
RESAMPLING = ("statements", "documents", "within documents", "between documents", "within and between documents")

N_PERM = 10000

#: Statement origins of each view: a side's own words (its readouts and statements), what
#: the news attributes to it (quotes and claims), or both pooled.
VIEWS: dict[str, tuple[str, ...]] = {"own": ("readout",), "reported": ("quote", "claim"), "pooled": ("readout", "quote", "claim")}


def compare_sides(
    df: pd.DataFrame,
    value_col: str,
    side_a: str,
    side_b: str,
    groups_col: str | None = "doc_id",
    side_col: str = "side",
    n_boot: int = N_BOOT,
    n_perm: int = N_PERM,
    seed: int | None = None,
    resampling: str | None = None,
) -> pd.DataFrame:
    """One-row ``side_comparison`` table comparing ``df[value_col]`` between ``side_a`` and ``side_b``.

    Parameters
    ----------
    df : table with one row per unit (statement, sentence, ...), a ``side_col`` column and ``value_col``.
        Rows with a missing value are dropped; booleans count as 0/1 (so a mean is a share).
    value_col : the numeric column to compare.
    side_a, side_b : the two side labels; the difference is ``mean_a - mean_b``.
    groups_col : column of document ids; when the compared rows span more than one
        document, whole documents are resampled (see the module docstring); ``None``
        resamples units.
    side_col : the column holding the side labels (``"side"``).
    n_boot, n_perm, seed : bootstrap resamples, permutations, and the seed (default
        :data:`analysis.core.stats.SEED`), so the result is reproducible.
    resampling : ``None`` or ``"documents"`` (default) chooses the design from the data
        (:func:`analysis.core.designs.design_name`); ``"statements"`` forces the
        one-document method (statements exchangeable).

    Returns columns ``value, side_a, side_b, n_a, mean_a, ci_low_a, ci_high_a, n_b, mean_b,
    ci_low_b, ci_high_b, difference, diff_low, diff_high, p_value, q_value, cliffs_delta, effect_size,
    n_docs_a, n_docs_b, n_docs, resampling`` (see ``analysis.core.schema.TABLES["side_comparison"]``).
    Means and intervals are NaN for a side with no values (intervals need at least 2 units,
    or 2 documents when resampling documents), p-value and delta NaN if either side is empty.

    >>> df = pd.DataFrame({"side": ["A", "B"] * 3, "x": [1, 1, 2, 2, 3, 3], "doc_id": "d"})
    >>> r = compare_sides(df, "x", "A", "B", n_boot=100, n_perm=100).iloc[0]
    >>> float(r["difference"]), float(r["p_value"]), float(r["cliffs_delta"])
    (0.0, 1.0, 0.0)
    """
    row: dict = {"value": value_col, "side_a": side_a, "side_b": side_b}
    samples, groups = {}, {}
    for key, side in (("a", side_a), ("b", side_b)):
        sub = df.loc[df[side_col] == side]
        values = pd.to_numeric(sub[value_col].astype("float64"), errors="coerce")
        keep = values.notna().to_numpy()
        samples[key] = values.to_numpy(dtype=float)[keep]
        groups[key] = None
        if groups_col is not None and groups_col in sub.columns:
            groups[key] = sub[groups_col].astype(str).to_numpy()[keep].tolist()
    docs = {k: set(g) if g is not None else set() for k, g in groups.items()}
    n_docs = len(docs["a"] | docs["b"])
    if resampling is not None and resampling not in RESAMPLING:
        raise ArgumentError("resampling", f"must be one of {', '.join(RESAMPLING)}, not {resampling!r}")
    design = "statements" if resampling == "statements" else design_name(groups["a"], groups["b"])
    by_docs = design != "statements"
    a, b = samples["a"], samples["b"]
    shares = is_binary(np.concatenate([a, b]))
    for key in ("a", "b"):
        x = samples[key]
        if shares:
            lo, hi = share_interval(x, groups[key] if by_docs else None)
        elif by_docs:
            lo, hi = cluster_bootstrap_mean(x, groups[key], n_boot=n_boot, seed=seed)
        else:
            lo, hi = bootstrap_ci(x, n_boot=n_boot, seed=seed)
        row[f"n_{key}"] = len(x)
        row[f"mean_{key}"] = float(np.mean(x)) if len(x) else float("nan")
        row[f"ci_low_{key}"], row[f"ci_high_{key}"] = lo, hi
    row["difference"] = row["mean_a"] - row["mean_b"]
    if len(a) == 0 or len(b) == 0:
        row["diff_low"], row["diff_high"], row["p_value"] = float("nan"), float("nan"), float("nan")
    elif by_docs:
        row["difference"] = design_difference(a, b, groups["a"], groups["b"])
        row["diff_low"], row["diff_high"] = design_interval(a, b, groups["a"], groups["b"])
        row["p_value"] = design_permutation_pvalues(a, b, groups["a"], groups["b"], n_perm=n_perm, seed=seed)[0]
    else:
        if shares:
            row["diff_low"], row["diff_high"] = newcombe_interval(int(a.sum()), len(a), int(b.sum()), len(b))
        else:
            row["diff_low"], row["diff_high"] = cluster_bootstrap_difference(a, b, n_boot=n_boot, seed=seed)
        row["p_value"] = permutation_test(a, b, n_perm=n_perm, seed=seed)
    row["q_value"] = row["p_value"]
    row["cliffs_delta"] = cliffs_delta(a, b)
    row["effect_size"] = cliffs_label(row["cliffs_delta"])
    row["n_docs_a"], row["n_docs_b"], row["n_docs"] = len(docs["a"]), len(docs["b"]), n_docs
    row["resampling"] = design
    return conform(pd.DataFrame([row]), "side_comparison")


def compare_by_view(
    df: pd.DataFrame,
    value_col: str,
    side_a: str,
    side_b: str,
    views: Sequence[str] = ("own", "reported"),
    origin_col: str = "origin",
    **kwargs,
) -> pd.DataFrame:
    """:func:`compare_sides` once per view, one row each, with a leading ``view`` column.

    A side's own words (``own``: origin readout) and the news's account of it
    (``reported``: quotes and claims) are different objects, so they are compared
    apart; ``pooled`` takes both. A view in which a side has no statement gives a row
    with n 0 and NaNs, so the table always says what is missing. ``kwargs`` go to
    :func:`compare_sides`.

    >>> df = pd.DataFrame({"side": ["A", "A", "B", "B"], "origin": ["readout", "claim", "claim", "claim"],
    ...     "x": [1.0, 0.0, 0.5, 0.7], "doc_id": "d"})
    >>> compare_by_view(df, "x", "A", "B", n_boot=50, n_perm=50)[["view", "n_a", "n_b"]].values.tolist()
    [['own', 1, 0], ['reported', 1, 2]]
    """
    rows = []
    for view in views:
        if view not in VIEWS:
            raise ArgumentError("views", f"must be one of {', '.join(VIEWS)}, not {view!r}")
        sub = df.loc[df[origin_col].isin(VIEWS[view])]
        row = compare_sides(sub, value_col, side_a, side_b, **kwargs)
        row.insert(0, "view", view)
        rows.append(row)
    return pd.concat(rows, ignore_index=True)


def adjust_family(table: pd.DataFrame, p_col: str = "p_value", q_col: str = "q_value") -> pd.DataFrame:
    """``table`` with ``q_col`` = Benjamini-Hochberg over every row's ``p_col``: one family, one adjustment.

    Give it every test a notebook reports (measures x views x frames or topics, stacked),
    so each q is adjusted for all of them; rows without a p (a side with no statement)
    keep q NaN and do not count.

    >>> t = pd.DataFrame({"p_value": [0.01, 0.04, float("nan"), 0.03]})
    >>> adjust_family(t)["q_value"].tolist()
    [0.03, 0.04, nan, 0.04]
    """
    out = table.copy()
    out[q_col] = benjamini_hochberg(out[p_col].tolist()) if len(out) else []
    return out


def family_size(*tables: pd.DataFrame, p_col: str = "p_value") -> int:
    """How many tests (rows with a p-value) the tables hold together: the number methods and readings state.

    >>> family_size(pd.DataFrame({"p_value": [0.1, float("nan")]}), pd.DataFrame({"p_value": [0.2]}))
    2
    """
    return int(sum(int(t[p_col].notna().sum()) for t in tables if t is not None and p_col in t.columns))
