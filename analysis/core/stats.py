"""Small-sample statistics used by every measure: bootstrap intervals, permutation tests, effect sizes.

All resampling is seeded (``seed`` argument, default 20250218), so results are
reproducible. Sentences or statements of one article are not independent: with
several documents, intervals resample whole documents (:func:`cluster_bootstrap_mean`,
:func:`cluster_bootstrap_difference`; vectorised, so they stay fast for hundreds of
documents) and side comparisons test in the design that follows the documents
(:mod:`analysis.core.designs`, through ``designs.side_permutation_pvalues``); with one
document only statements can be resampled, and every interval should be read with
that caveat. Shares with small counts: :func:`wilson_interval`, :func:`newcombe_interval`.

>>> lo, hi = bootstrap_ci([0.1, 0.2, 0.3, 0.4], n_boot=200)
>>> bool(lo <= 0.25 <= hi)
True
>>> cliffs_delta([1, 2, 3], [1, 2, 3])
0.0
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

__all__ = [
    "SEED",
    "N_BOOT",
    "bootstrap_ci",
    "bootstrap_mean_cis",
    "permutation_test",
    "cliffs_delta",
    "cliffs_label",
    "benjamini_hochberg",
    "cluster_bootstrap_mean",
    "cluster_bootstrap_ratio",
    "cluster_bootstrap_difference",
    "cluster_permutation_test",
    "cluster_permutation_tests",
    "wilson_interval",
    "newcombe_interval",
]

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
    if den is None and groups is not None and len(set(groups)) > 1 and stat is np.mean:
        return cluster_bootstrap_mean(x, groups, n_boot=n_boot, level=level, seed=seed)
    if groups is not None and len(set(groups)) > 1:
        g = np.asarray(groups)
        labels = sorted(set(g.tolist()))
        if den is not None:
            lookup = {lab: i for i, lab in enumerate(labels)}
            codes = np.fromiter((lookup[v] for v in g.tolist()), dtype=np.int64, count=len(g))
            num_s, den_s = np.bincount(codes, weights=x, minlength=len(labels)), np.bincount(codes, weights=den, minlength=len(labels))
            pick = rng.integers(0, len(labels), size=(n_boot, len(labels)))
            stats = _ratio(num_s[pick].sum(axis=1), den_s[pick].sum(axis=1))
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


def bootstrap_mean_cis(
    columns: np.ndarray,
    groups: Sequence | None = None,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int | None = None,
) -> list[tuple[float, float]]:
    """Percentile intervals of the means of several columns of the same units, from one set of resamples.

    ``columns`` is an array of shape (units, measures). The result is exactly
    ``[bootstrap_ci(columns[:, j], groups=groups, ...) for j in ...]`` (same seed, so the
    same resampled units or documents for every measure), but the resample indices are
    drawn once: a summary of many groups by several measures costs one draw per group.

    >>> x = np.array([[1.0, 0.0], [2.0, 1.0], [4.0, 1.0], [3.0, 0.0]])
    >>> bootstrap_mean_cis(x, n_boot=200) == [bootstrap_ci(x[:, j], n_boot=200) for j in range(2)]
    True
    >>> g = ["d1", "d1", "d2", "d3"]
    >>> bootstrap_mean_cis(x, g, n_boot=200) == [bootstrap_ci(x[:, j], groups=g, n_boot=200) for j in range(2)]
    True
    """
    x = np.asarray(columns, dtype=float)
    if x.ndim != 2:
        raise ValueError("columns must be a 2-d array (units, measures)")
    n, m = x.shape
    if n < 2:
        return [(float("nan"), float("nan"))] * m
    rng = _rng(seed)
    if groups is not None and len(set(groups)) > 1:
        inv, k = _clusters(groups)
        idx = rng.integers(0, k, (n_boot, k))
        den = np.bincount(inv, minlength=k).astype(float)[idx].sum(axis=1)
        return [_percentile(np.bincount(inv, weights=x[:, j], minlength=k)[idx].sum(axis=1) / den, level) for j in range(m)]
    idx = rng.integers(0, n, size=(n_boot, n))
    alpha = (1 - level) / 2
    out = []
    for j in range(m):
        lo, hi = np.quantile(x[:, j][idx].mean(axis=1), [alpha, 1 - alpha])
        out.append((float(lo), float(hi)))
    return out


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """``num / den`` element-wise, NaN where ``den`` is 0."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den != 0, num / den, np.nan)


def _clusters(groups: Sequence) -> tuple[np.ndarray, int]:
    """Cluster index of every value (clusters numbered in sorted label order) and the number of clusters."""
    labels, inverse = np.unique(np.asarray(groups).astype(str), return_inverse=True)
    return inverse.ravel(), len(labels)


def _percentile(stats: np.ndarray, level: float) -> tuple[float, float]:
    stats = stats[~np.isnan(stats)]
    if len(stats) == 0:
        return (float("nan"), float("nan"))
    alpha = (1 - level) / 2
    lo, hi = np.quantile(stats, [alpha, 1 - alpha])
    return (float(lo), float(hi))


def cluster_bootstrap_mean(
    values: Sequence[float],
    groups: Sequence,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int | None = None,
) -> tuple[float, float]:
    """Percentile interval of the mean of ``values`` resampling whole clusters (documents).

    Each resample draws as many clusters as there are, with replacement, and takes the
    mean of all their values (so large documents weigh more, as in the pooled mean).
    Vectorised over resamples. NaNs with fewer than 2 clusters: one document says
    nothing about how documents vary. Draws the same indices as the loop in
    :func:`bootstrap_ci` did for ``groups``.

    >>> cluster_bootstrap_mean([1.0, 1.0, 3.0, 3.0], ["d1", "d1", "d2", "d2"], n_boot=200)
    (1.0, 3.0)
    >>> cluster_bootstrap_mean([1.0, 2.0], ["d1", "d1"])
    (nan, nan)
    """
    x = np.asarray(values, dtype=float)
    if len(x) == 0:
        return (float("nan"), float("nan"))
    inv, k = _clusters(groups)
    if k < 2:
        return (float("nan"), float("nan"))
    sums, counts = np.bincount(inv, weights=x, minlength=k), np.bincount(inv, minlength=k).astype(float)
    idx = _rng(seed).integers(0, k, (n_boot, k))
    return _percentile(sums[idx].sum(axis=1) / counts[idx].sum(axis=1), level)


def cluster_bootstrap_ratio(
    numerators: Sequence[float],
    denominators: Sequence[float],
    groups: Sequence | None = None,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int | None = None,
) -> tuple[float, float]:
    """Percentile interval of ``sum(numerators) / sum(denominators)`` resampling whole clusters.

    A ratio of sums (a side's attributed words over all attributed words; hits per word).
    ``groups`` gives each unit's cluster (document); ``None`` makes every unit its own
    cluster (the statement-level bootstrap). Vectorised; resamples with a zero
    denominator are skipped; NaNs with fewer than 2 clusters.

    >>> cluster_bootstrap_ratio([1, 0, 1, 0], [2, 2, 2, 2], ["d1", "d1", "d2", "d2"], n_boot=100)
    (0.25, 0.25)
    >>> lo, hi = cluster_bootstrap_ratio([1, 0, 1, 0], [2, 2, 2, 2], n_boot=500)
    >>> bool(lo < 0.25 < hi)
    True
    """
    num, den = np.asarray(numerators, dtype=float), np.asarray(denominators, dtype=float)
    if len(num) == 0:
        return (float("nan"), float("nan"))
    inv, k = _clusters(groups if groups is not None else np.arange(len(num)))
    if k < 2:
        return (float("nan"), float("nan"))
    sn, sd = np.bincount(inv, weights=num, minlength=k), np.bincount(inv, weights=den, minlength=k)
    idx = _rng(seed).integers(0, k, (n_boot, k))
    d = sd[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = np.where(d > 0, sn[idx].sum(axis=1) / d, np.nan)
    return _percentile(r, level)


def cluster_bootstrap_difference(
    a: Sequence[float],
    b: Sequence[float],
    groups_a: Sequence | None = None,
    groups_b: Sequence | None = None,
    n_boot: int = N_BOOT,
    level: float = 0.95,
    seed: int | None = None,
    return_skipped: bool = False,
):
    """Percentile interval of ``mean(a) - mean(b)``.

    With groups (document ids) spanning more than one document, whole documents are
    resampled *jointly* (a document holding statements of both sides brings both), and
    resamples in which a side has no value are skipped -- not silently:
    ``return_skipped=True`` returns ``(low, high, skipped)`` with the share of resamples
    skipped, to report beside the interval; NaNs with fewer than 2 documents for either
    side. (:func:`analysis.core.compare.compare_sides` uses the cluster-robust interval of
    :mod:`analysis.core.designs` instead.) Without groups (or with one document), each side's
    values are resampled independently (statement level).

    >>> cluster_bootstrap_difference([2.0, 2.0], [1.0, 1.0], n_boot=100)
    (1.0, 1.0)
    >>> lo, hi = cluster_bootstrap_difference([3, 2, 3, 1], [1, 0, 1, 0], ["d1", "d2", "d3", "d4"], ["d1", "d2", "d3", "d4"], n_boot=500)
    >>> bool(0 < lo <= 2.0 <= hi)
    True
    >>> lo, hi, skipped = cluster_bootstrap_difference([1.0, 2.0], [0.0, 1.0], ["d1", "d2"], ["d3", "d4"], n_boot=400, return_skipped=True)
    >>> 0.0 < skipped < 0.3  # resamples drawing no document of a side (2 of 4 documents each)
    True
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if len(x) < 2 or len(y) < 2 and groups_a is None:
        return (float("nan"), float("nan"))
    rng = _rng(seed)
    if groups_a is None or groups_b is None or len(set(map(str, groups_a)) | set(map(str, groups_b))) < 2:
        if len(y) < 2:
            return (float("nan"), float("nan"))
        ma = x[rng.integers(0, len(x), size=(n_boot, len(x)))].mean(axis=1)
        mb = y[rng.integers(0, len(y), size=(n_boot, len(y)))].mean(axis=1)
        return _percentile(ma - mb, level)
    if len(set(map(str, groups_a))) < 2 or len(set(map(str, groups_b))) < 2:
        return (float("nan"), float("nan"))
    inv, k = _clusters(np.concatenate([np.asarray(groups_a).astype(str), np.asarray(groups_b).astype(str)]))
    ia, ib = inv[: len(x)], inv[len(x) :]
    sa, na = np.bincount(ia, weights=x, minlength=k), np.bincount(ia, minlength=k).astype(float)
    sb, nb = np.bincount(ib, weights=y, minlength=k), np.bincount(ib, minlength=k).astype(float)
    idx = rng.integers(0, k, (n_boot, k))
    with np.errstate(invalid="ignore", divide="ignore"):
        diff = sa[idx].sum(axis=1) / na[idx].sum(axis=1) - sb[idx].sum(axis=1) / nb[idx].sum(axis=1)
    if return_skipped:
        return (*_percentile(diff, level), float(np.isnan(diff).mean()))
    return _percentile(diff, level)


def cluster_permutation_test(
    a: Sequence[float],
    b: Sequence[float],
    groups_a: Sequence,
    groups_b: Sequence,
    n_perm: int = 10000,
    seed: int | None = None,
    batch: int = 1000,
) -> float:
    """Two-sided permutation p-value for ``mean(a) - mean(b)``, shuffling side labels of (side, document) clusters.

    Valid only when no document quotes both sides: a document that does yields two
    clusters whose labels are shuffled independently, which mixes document levels into
    the null (measured power 0.03 at a true difference of 0.5 when every document quotes
    both sides). Comparisons use :mod:`analysis.core.designs` instead; kept for tests and
    for benchmarks. A cluster is one side's values in one document (``groups_a``/``groups_b`` give the
    document of each value). Under the null hypothesis the side does not matter, so
    the clusters' labels are exchangeable: each permutation gives side a as many
    clusters as it has, drawn at random, and recomputes the difference of the pooled
    means. Statements of one side in one document move together, so their dependence
    is kept. Vectorised in batches; ``(count + 1) / (n_perm + 1)`` as in
    :func:`permutation_test`. With 2 clusters only 2 labellings exist: p is 1.

    >>> cluster_permutation_test([1, 1, 2], [3, 4], ["d1", "d1", "d1"], ["d2", "d2"], n_perm=200)
    1.0
    >>> p = cluster_permutation_test([5.0] * 6, [0.0] * 6, list("abcdef"), list("ghijkl"), n_perm=999)
    >>> p < 0.01  # 2 of the C(12, 6) = 924 labellings are as extreme
    True
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return cluster_permutation_tests(x[:, None], y[:, None], groups_a, groups_b, n_perm=n_perm, seed=seed, batch=batch)[0]


def cluster_permutation_tests(
    a: np.ndarray,
    b: np.ndarray,
    groups_a: Sequence,
    groups_b: Sequence,
    n_perm: int = 10000,
    seed: int | None = None,
    batch: int = 1000,
) -> list[float]:
    """:func:`cluster_permutation_test` for several measures of the same units, from one set of permutations.

    ``a`` and ``b`` are arrays of shape (units, measures) of the two sides; the
    clusters (``groups_a``/``groups_b``, one document per unit) are the same for every
    measure, so the random relabellings are drawn once and every measure is tested on
    them. Each p-value is exactly that of :func:`cluster_permutation_test` on its
    column with the same seed (the same relabellings), at a fraction of the cost.

    >>> a = np.array([[1.0, 5.0], [2.0, 5.0], [1.0, 6.0]]); b = np.array([[0.0, 1.0], [1.0, 0.0]])
    >>> ga, gb = ["d1", "d2", "d3"], ["d4", "d5"]
    >>> ps = cluster_permutation_tests(a, b, ga, gb, n_perm=500)
    >>> ps == [cluster_permutation_test(a[:, j], b[:, j], ga, gb, n_perm=500) for j in range(2)]
    True
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.ndim != 2 or y.ndim != 2 or x.shape[1] != y.shape[1]:
        raise ValueError("a and b must be 2-d arrays (units, measures) with the same number of measures")
    m_cols = x.shape[1]
    if len(x) == 0 or len(y) == 0:
        return [float("nan")] * m_cols
    ga = np.asarray(groups_a).astype(str)
    gb = np.asarray(groups_b).astype(str)
    labels = np.concatenate([np.char.add("a|", ga), np.char.add("b|", gb)])
    inv, k = _clusters(labels)
    values = np.concatenate([x, y])
    sums = [np.bincount(inv, weights=np.ascontiguousarray(values[:, j]), minlength=k) for j in range(m_cols)]
    counts = np.bincount(inv, minlength=k).astype(float)
    k_a = len(np.unique(inv[: len(x)]))
    totals = [s.sum() for s in sums]
    total_n = counts.sum()
    observed = [abs(np.ascontiguousarray(x[:, j]).mean() - np.ascontiguousarray(y[:, j]).mean()) for j in range(m_cols)]
    count = [0] * m_cols
    for pick in _relabellings(k, k_a, n_perm, SEED if seed is None else seed, batch):
        n_a = counts[pick].sum(axis=1)
        for j in range(m_cols):
            s_a = sums[j][pick].sum(axis=1)
            with np.errstate(invalid="ignore", divide="ignore"):
                d = np.abs(s_a / n_a - (totals[j] - s_a) / (total_n - n_a))
            count[j] += int(np.count_nonzero(d >= observed[j] - 1e-12))
    return [float((c + 1) / (n_perm + 1)) for c in count]


#: Largest relabelling set (permutations x clusters of side A) kept for reuse by :func:`_relabellings`.
_RELABEL_CACHE_CELLS = 6_000_000


def _relabellings(k: int, k_a: int, n_perm: int, seed: int, batch: int):
    """The clusters given to side A in each permutation, in batches: a pure function of its arguments.

    Every test of the same cluster structure with the same seed draws the same
    relabellings, so they are drawn once and reused (the last two structures, when small
    enough: :data:`_RELABEL_CACHE_CELLS`); e.g. the ten sentiment measures compared on one
    view's statements. Returns a tuple of read-only index arrays of shape (batch, k_a).
    """
    if n_perm * k_a <= _RELABEL_CACHE_CELLS:
        return _relabellings_cached(k, k_a, n_perm, seed, batch)
    return _draw_relabellings(k, k_a, n_perm, seed, batch)


def _draw_relabellings(k: int, k_a: int, n_perm: int, seed: int, batch: int) -> tuple[np.ndarray, ...]:
    rng = _rng(seed)
    out = []
    done = 0
    while done < n_perm:
        m = min(batch, n_perm - done)
        keys = rng.random((m, k))
        pick = keys.argpartition(k_a - 1, axis=1)[:, :k_a] if k_a < k else np.broadcast_to(np.arange(k), (m, k))
        pick = np.ascontiguousarray(pick, dtype=np.int32 if k < 2**31 else np.int64)
        pick.setflags(write=False)
        out.append(pick)
        done += m
    return tuple(out)


@lru_cache(maxsize=2)
def _relabellings_cached(k: int, k_a: int, n_perm: int, seed: int, batch: int) -> tuple[np.ndarray, ...]:
    return _draw_relabellings(k, k_a, n_perm, seed, batch)


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


def wilson_interval(k: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a share ``k / n`` (Wilson 1927); stays inside [0, 1] and behaves at k = 0 or k = n.

    (NaN, NaN) when n is 0.

    >>> [round(v, 3) for v in wilson_interval(0, 5)]
    [0.0, 0.434]
    >>> [round(v, 3) for v in wilson_interval(3, 7)]
    [0.158, 0.75]
    """
    if n <= 0:
        return float("nan"), float("nan")
    from scipy.stats import norm

    z = float(norm.ppf(0.5 + level / 2))
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z / denom * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(0.0, float(centre - half)), min(1.0, float(centre + half))


def newcombe_interval(k_a: int, n_a: int, k_b: int, n_b: int, level: float = 0.95) -> tuple[float, float]:
    """Newcombe's hybrid score interval for the difference of two independent shares ``k_a/n_a - k_b/n_b``.

    Method 10 of Newcombe (1998), built from the two :func:`wilson_interval` s; it keeps its
    coverage for small counts and for shares of 0 or 1, where a percentile bootstrap does not.
    (NaN, NaN) when either n is 0.

    >>> [round(v, 2) for v in newcombe_interval(0, 5, 3, 7)]
    [-0.75, 0.08]
    """
    if n_a <= 0 or n_b <= 0:
        return float("nan"), float("nan")
    pa, pb = k_a / n_a, k_b / n_b
    la, ua = wilson_interval(k_a, n_a, level)
    lb, ub = wilson_interval(k_b, n_b, level)
    d = pa - pb
    return float(d - np.sqrt((pa - la) ** 2 + (ub - pb) ** 2)), float(d + np.sqrt((ua - pa) ** 2 + (pb - lb) ** 2))
