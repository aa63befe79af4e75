"""Bootstrap resampling for ratios (shares of words) over units, batched and cached.

Part of :mod:`analysis.measures.emphasis` (see its docstring for the measures).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from ...core.stats import N_BOOT, SEED

__all__: list[str] = []  # private helpers of the emphasis measures


@lru_cache(maxsize=16)
def _resamples(seed: int, n: int, n_boot: int) -> np.ndarray:
    """The bootstrap indices of :func:`_ratio_ci` (a fresh generator per call, so the same for the same arguments; cached, read-only)."""
    idx = np.random.default_rng(seed).integers(0, n, size=(n_boot, n))
    idx.setflags(write=False)
    return idx


def _ratio_ci(num, den, groups=None, n_boot: int = N_BOOT, level: float = 0.95, seed: int | None = None, return_skipped: bool = False):
    """Percentile bootstrap interval of ``sum(num) / sum(den)`` resampling units (or whole groups).

    Resamples whose denominator is 0 (no word of the group drawn) have no ratio and are
    left out of the percentiles; ``return_skipped=True`` returns ``(low, high, skipped)``
    with the share of resamples left out, for the table to report.

    >>> lo, hi, skipped = _ratio_ci([1, 0], [1, 0], n_boot=400, return_skipped=True)
    >>> (lo, hi), round(skipped, 2)  # about a quarter of the resamples draw the wordless unit twice
    ((1.0, 1.0), 0.26)
    """
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    if groups is not None and len(set(groups)) > 1:
        g = pd.Series(np.asarray(groups)).astype(str)
        labels = sorted(set(g))
        num = np.array([num[(g == lab).to_numpy()].sum() for lab in labels])
        den = np.array([den[(g == lab).to_numpy()].sum() for lab in labels])
    if len(num) < 2:
        return (float("nan"), float("nan"), float("nan")) if return_skipped else (float("nan"), float("nan"))
    if not num.any() and den.all():
        return (0.0, 0.0, 0.0) if return_skipped else (0.0, 0.0)  # a topic never raised: every resample gives 0
    idx = _resamples(SEED if seed is None else seed, len(num), n_boot)
    d = den[idx].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        stats = num[idx].sum(axis=1) / d
    finite = np.isfinite(stats)
    skipped = float(1.0 - finite.mean())
    stats = stats[finite]
    if len(stats) == 0:
        lo, hi = float("nan"), float("nan")
    else:
        alpha = (1 - level) / 2
        lo, hi = (float(v) for v in np.quantile(stats, [alpha, 1 - alpha]))
    return (lo, hi, skipped) if return_skipped else (lo, hi)


@lru_cache(maxsize=256)
def _resample_counts(seed: int, n: int, n_boot: int) -> np.ndarray:
    """How often each of ``n`` units is drawn in each resample of :func:`_resamples`: shape (n, n_boot), small ints (cached, read-only)."""
    idx = _resamples(seed, n, n_boot)
    counts = np.bincount((idx + n * np.arange(n_boot)[:, None]).ravel(), minlength=n_boot * n).reshape(n_boot, n)
    counts = np.ascontiguousarray(counts.T, dtype=np.min_scalar_type(counts.max(initial=0)))
    counts.setflags(write=False)
    return counts


def _sums_are_exact(x: np.ndarray) -> bool:
    """True when ``x`` (rows of ``n`` values) holds whole numbers so small that any sum of ``n`` of them is exact in float64, in any order."""
    return bool(np.isfinite(x).all() and (x == np.round(x)).all() and x.shape[1] * np.abs(x).max(initial=0.0) < 2.0**53)


def _resampled_sums(values: np.ndarray, counts: np.ndarray, sparse: bool = False) -> np.ndarray:
    """``values @ counts``: the sum of each row of ``values`` (k, n) in each resample (the columns of ``counts``, (n, n_boot)).

    Not with a multi-threaded BLAS, slow for such small products when the cores are
    busy; ``sparse`` goes through the nonzero values only (a topic is in few units).
    """
    if not sparse:
        return np.einsum("ij,jk->ik", values, counts)
    from scipy.sparse import csr_array

    return np.asarray(csr_array(values) @ counts)


_CI_BATCH = 512  # rows per product in _ratio_cis: bounds the (rows, n_boot) work arrays


def _ratio_cis(
    num: np.ndarray, den: np.ndarray, n_boot: int = N_BOOT, level: float = 0.95, seed: int | None = None, return_skipped: bool = False
):
    """:func:`_ratio_ci` (units resampled) of each row of ``num`` over the same row of ``den``, shape (k, n): arrays ``lo``, ``hi``
    (and ``skipped``, the share of each row's resamples left out for a zero denominator, with ``return_skipped``).

    Every row draws the resamples of :func:`_resamples` for its ``n`` units, so the
    resampled sums of all rows are one product with the resample counts. For rows of
    whole numbers (word counts) these sums are exact, as are the sums
    :func:`_ratio_ci` adds up one resample at a time, so both give the same
    intervals, bit for bit; other rows go through :func:`_ratio_ci` one by one.

    >>> lo, hi = _ratio_cis(np.array([[1.0, 0, 1, 0], [0, 0, 0, 0]]), np.ones((2, 4)), n_boot=500)
    >>> (lo[0], hi[0]) == _ratio_ci([1, 0, 1, 0], [1, 1, 1, 1], n_boot=500), hi[1]
    (True, np.float64(0.0))
    """
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    k, n = num.shape
    lo, hi, skipped = np.full(k, np.nan), np.full(k, np.nan), np.full(k, np.nan)
    out = (lo, hi, skipped) if return_skipped else (lo, hi)
    if n < 2:
        return out
    zero = ~num.any(axis=1) & den.all(axis=1)  # a topic never raised: every resample gives 0
    lo[zero] = hi[zero] = skipped[zero] = 0.0
    rest = np.flatnonzero(~zero)
    if not len(rest):
        return out
    if not (_sums_are_exact(num[rest]) and _sums_are_exact(den[rest])):
        for i in rest:
            lo[i], hi[i], skipped[i] = _ratio_ci(num[i], den[i], n_boot=n_boot, level=level, seed=seed, return_skipped=True)
        return out
    counts = _resample_counts(SEED if seed is None else seed, n, n_boot).astype(float)
    alpha = (1 - level) / 2
    for part in np.array_split(rest, -(-len(rest) // _CI_BATCH)):
        d = den[part]
        new = np.append(True, (d[1:] != d[:-1]).any(axis=1))  # the cells of one group share their words
        dens = _resampled_sums(d[new], counts)
        which = np.cumsum(new) - 1
        with np.errstate(invalid="ignore", divide="ignore"):
            stats = _resampled_sums(num[part], counts, sparse=True) / dens[which]
        # exact sums: a ratio is finite unless its resample has no words
        nonzero = dens != 0
        skipped[part] = 1.0 - nonzero.mean(axis=1)[which]
        whole = nonzero.all(axis=1)[which]
        if whole.all():
            lo[part], hi[part] = np.quantile(stats, [alpha, 1 - alpha], axis=1, overwrite_input=True)
            continue
        if whole.any():
            lo[part[whole]], hi[part[whole]] = np.quantile(stats[whole], [alpha, 1 - alpha], axis=1, overwrite_input=True)
        for j in np.flatnonzero(~whole):
            s = stats[j][np.isfinite(stats[j])]
            if len(s):
                lo[part[j]], hi[part[j]] = np.quantile(s, [alpha, 1 - alpha])
    return out
