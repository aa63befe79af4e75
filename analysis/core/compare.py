"""Compare one numeric measure between two sides: n, mean, 95% interval, difference, p-value, effect size.

Generic: any table with a column of sides and a numeric (or 0/1) column works, so
sentiment, framing and emphasis all report their side comparisons the same way.
Intervals are seeded percentile bootstraps (:func:`analysis.core.stats.bootstrap_ci`,
whole documents resampled when there are several), the p-value is a two-sided
permutation test of the difference in means (:func:`analysis.core.stats.permutation_test`,
statement labels shuffled, which ignores within-document dependence), the
effect size is Cliff's delta (:func:`analysis.core.stats.cliffs_delta`: the
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

import numpy as np
import pandas as pd

from .schema import conform
from .stats import N_BOOT, bootstrap_ci, cliffs_delta, cliffs_label, permutation_test

__all__ = ["N_PERM", "compare_sides"]

N_PERM = 10000


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
) -> pd.DataFrame:
    """One-row ``side_comparison`` table comparing ``df[value_col]`` between ``side_a`` and ``side_b``.

    Parameters
    ----------
    df : table with one row per unit (statement, sentence, ...), a ``side_col`` column and ``value_col``.
        Rows with a missing value are dropped; booleans count as 0/1 (so a mean is a share).
    value_col : the numeric column to compare.
    side_a, side_b : the two side labels; the difference is ``mean_a - mean_b``.
    groups_col : column of document ids for the block bootstrap (whole documents are
        resampled when a side has units from more than one); ``None`` resamples units.
    side_col : the column holding the side labels (``"side"``).
    n_boot, n_perm, seed : bootstrap resamples, permutations, and the seed (default
        :data:`analysis.core.stats.SEED`), so the result is reproducible.

    Returns columns ``value, side_a, side_b, n_a, mean_a, ci_low_a, ci_high_a, n_b, mean_b,
    ci_low_b, ci_high_b, difference, p_value, cliffs_delta, effect_size`` (see
    ``analysis.core.schema.TABLES["side_comparison"]``). Means and intervals are NaN for a side
    with no values (intervals need at least 2), p-value and delta NaN if either side is empty.

    >>> df = pd.DataFrame({"side": ["A", "B"] * 3, "x": [1, 1, 2, 2, 3, 3], "doc_id": "d"})
    >>> r = compare_sides(df, "x", "A", "B", n_boot=100, n_perm=100).iloc[0]
    >>> float(r["difference"]), float(r["p_value"]), float(r["cliffs_delta"])
    (0.0, 1.0, 0.0)
    """
    row: dict = {"value": value_col, "side_a": side_a, "side_b": side_b}
    samples = {}
    for key, side in (("a", side_a), ("b", side_b)):
        sub = df.loc[df[side_col] == side]
        values = pd.to_numeric(sub[value_col].astype("float64"), errors="coerce")
        keep = values.notna().to_numpy()
        x = values.to_numpy(dtype=float)[keep]
        groups = None
        if groups_col is not None and groups_col in sub.columns:
            groups = sub[groups_col].astype(str).to_numpy()[keep].tolist()
        lo, hi = bootstrap_ci(x, groups=groups, n_boot=n_boot, seed=seed)
        row[f"n_{key}"] = len(x)
        row[f"mean_{key}"] = float(np.mean(x)) if len(x) else float("nan")
        row[f"ci_low_{key}"], row[f"ci_high_{key}"] = lo, hi
        samples[key] = x
    row["difference"] = row["mean_a"] - row["mean_b"]
    row["p_value"] = permutation_test(samples["a"], samples["b"], n_perm=n_perm, seed=seed)
    row["cliffs_delta"] = cliffs_delta(samples["a"], samples["b"])
    row["effect_size"] = cliffs_label(row["cliffs_delta"])
    return conform(pd.DataFrame([row]), "side_comparison")
