"""Small-sample statistics used by every measure: bootstrap intervals, permutation tests, effect sizes.

All resampling is seeded (``seed`` argument, default 20250218), so results are
reproducible. Sentences or statements of one article are not independent: the
bootstrap can resample whole documents (``groups``) when a corpus has several,
and every interval should be read with that caveat.

>>> lo, hi = bootstrap_ci([0.1, 0.2, 0.3, 0.4], n_boot=200)
>>> bool(lo <= 0.25 <= hi)
True
>>> cliffs_delta([1, 2, 3], [1, 2, 3])
0.0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

__all__ = ["SEED", "N_BOOT", "bootstrap_ci", "permutation_test", "cliffs_delta", "cliffs_label", "benjamini_hochberg"]

SEED = 20250218
N_BOOT = 2000


def _rng(seed: int | None) -> np.random.Generator:
    return np.random.default_rng(SEED if seed is None else seed)


def bootstrap_ci(
    values: Sequence[float],
    stat: Callable[[np.ndarray], float] = np.mean,
    groups: Sequence | None = None,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int | None = None,
    denominator: Sequence[float] | None = None,
) -> tuple[float, float]:
    """Percentile bootstrap interval of ``stat(values)``; NaNs for fewer than 2 values.

    With ``groups`` (e.g. doc_id per value) and more than one group, whole groups
    are resampled (block bootstrap), keeping within-document dependence. With
    ``denominator`` (one per value), the statistic is the ratio of sums
    ``sum(values) / sum(denominator)`` of each resample (NaN when its denominator is
    0), computed for all resamples at once; ``stat`` is then not used.

    >>> bootstrap_ci([1.0, 1.0, 1.0], n_boot=100)
    (1.0, 1.0)
    """
    x = np.asarray(values, dtype=float)
    if len(x) < 2:
        return (float("nan"), float("nan"))
    rng = _rng(seed)
    den = None if denominator is None else np.asarray(denominator, dtype=float)
    if groups is not None and len(set(groups)) > 1:
        g = np.asarray(groups)
        labels = sorted(set(g.tolist()))
        if den is not None:
            lookup = {lab: i for i, lab in enumerate(labels)}
            codes = np.fromiter((lookup[v] for v in g.tolist()), dtype=np.int64, count=len(g))
            num_s, den_s = np.bincount(codes, weights=x, minlength=len(labels)), np.bincount(codes, weights=den, minlength=len(labels))
            pick = rng.integers(0, len(labels), size=(n_boot, len(labels)))
            stats = _ratio(num_s[pick].sum(axis=1), den_s[pick].sum(axis=1))
        elif stat is np.mean:  # the same draws, all at once: a resample's mean is its blocks' sum over their size
            lookup = {lab: i for i, lab in enumerate(labels)}
            codes = np.fromiter((lookup[v] for v in g.tolist()), dtype=np.int64, count=len(g))
            sums, sizes = np.bincount(codes, weights=x, minlength=len(labels)), np.bincount(codes, minlength=len(labels))
            pick = rng.integers(0, len(labels), size=(n_boot, len(labels)))
            stats = sums[pick].sum(axis=1) / sizes[pick].sum(axis=1)
        else:
            blocks = [x[g == lab] for lab in labels]
            stats = np.empty(n_boot)
            for b in range(n_boot):
                pick = rng.integers(0, len(blocks), len(blocks))
                stats[b] = stat(np.concatenate([blocks[i] for i in pick]))
    else:
        idx = rng.integers(0, len(x), size=(n_boot, len(x)))
        sample = x[idx]
        if den is not None:
            stats = _ratio(sample.sum(axis=1), den[idx].sum(axis=1))
        elif stat is np.mean:
            stats = sample.mean(axis=1)
        else:
            stats = np.array([stat(row) for row in sample])
    alpha = (1 - level) / 2
    lo, hi = np.quantile(stats, [alpha, 1 - alpha])
    return (float(lo), float(hi))


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` element-wise, NaN where ``den`` is 0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den != 0, num / den, np.nan)


def permutation_test(
    a: Sequence[float],
    b: Sequence[float],
    stat: Callable[[np.ndarray], float] = np.mean,
    n_perm: int = 10000,
    seed: int | None = None,
) -> float:
    """Two-sided permutation p-value for ``stat(a) - stat(b)`` under exchangeable labels.

    Uses the (count + 1) / (n_perm + 1) estimate, so p is never exactly 0.

    >>> permutation_test([1, 2, 3], [1, 2, 3], n_perm=500)
    1.0
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(x) == 0 or len(y) == 0:
        return float("nan")
    observed = abs(stat(x) - stat(y))
    pooled = np.concatenate([x, y])
    rng = _rng(seed)
    count = 0
    if stat is np.mean:  # the same permutations, a block of rows at a time (rng.permuted draws as rng.permutation does)
        step = max(1, min(n_perm, 2_000_000 // len(pooled)))
        for done in range(0, n_perm, step):
            perms = rng.permuted(np.tile(pooled, (min(step, n_perm - done), 1)), axis=1)
            diff = np.abs(perms[:, : len(x)].mean(axis=1) - perms[:, len(x) :].mean(axis=1))
            count += int((diff >= observed - 1e-12).sum())
        return float((count + 1) / (n_perm + 1))
    for _ in range(n_perm):
        perm = rng.permutation(pooled)
        if abs(stat(perm[: len(x)]) - stat(perm[len(x) :])) >= observed - 1e-12:
            count += 1
    return float((count + 1) / (n_perm + 1))


def cliffs_delta(a: Sequence[float], b: Sequence[float]) -> float:
    """Cliff's delta: P(a > b) − P(a < b) over all pairs, from −1 to 1 (NaN if a group is empty).

    Conventional reading (Romano et al. 2006): |d| < 0.147 negligible, < 0.33 small, < 0.474 medium, else large.

    >>> cliffs_delta([3, 4], [1, 2])
    1.0
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(x) == 0 or len(y) == 0:
        return float("nan")
    if np.isnan(x).any() or np.isnan(y).any():
        return float("nan")
    # counts of pairs by sorting (n log m), not an n × m matrix: the same exact integer sum over n·m
    ys = np.sort(y)
    above = np.searchsorted(ys, x, side="left").sum()  # pairs with a > b
    below = (len(ys) - np.searchsorted(ys, x, side="right")).sum()  # pairs with a < b
    return float(int(above - below) / (len(x) * len(y)))


def cliffs_label(d: float) -> str:
    """Plain-language size of a Cliff's delta (Romano et al. 2006 thresholds).

    >>> cliffs_label(0.5)
    'large'
    """
    if d != d:
        return "n/a"
    d = abs(d)
    return "negligible" if d < 0.147 else "small" if d < 0.33 else "medium" if d < 0.474 else "large"


def benjamini_hochberg(pvalues: Sequence[float]) -> list[float]:
    """Benjamini–Hochberg adjusted p-values (NaNs pass through), in the input order.

    >>> benjamini_hochberg([0.01, 0.04, 0.03])
    [0.03, 0.04, 0.04]
    """
    p = np.asarray(pvalues, dtype=float)
    ok = ~np.isnan(p)
    out = np.full(len(p), np.nan)
    q = p[ok]
    if len(q):
        order = np.argsort(q, kind="stable")
        ranked = q[order] * len(q) / np.arange(1, len(q) + 1)
        adj = np.minimum.accumulate(ranked[::-1])[::-1].clip(max=1.0)
        res = np.empty(len(q))
        res[order] = adj
        out[ok] = res
    return [round(float(v), 12) if v == v else float("nan") for v in out]
