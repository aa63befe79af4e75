"""Permutation designs that follow how statements nest in documents, and the interval of the difference that goes with each.

Statements of one document share its reporter, occasion and topic, so they are not
independent draws, and a document that quotes both sides holds its own baseline for
both. Under the null hypothesis "the side does not matter", what may be exchanged
depends on where the sides' statements sit:

* ``"within documents"`` — in a document that quotes both sides, the side labels of its
  statements are exchangeable (the document's own level stays with it): labels are
  shuffled inside each such document (a test stratified by document). The difference is
  the weighted mean of the per-document differences, weight ``n_a n_b / (n_a + n_b)``.
* ``"between documents"`` — among documents that quote one side only, whole documents'
  labels are exchangeable: the documents are relabelled, as many for side A as it has.
  The difference is that of the two sides' pooled means over those documents.
* ``"within and between documents"`` — a corpus with both kinds: both shuffles at once, in
  one test; the difference combines the within and the between estimate with
  precision weights ``1/V`` computed from quantities every relabelling leaves unchanged
  (the spread of statements around their document's mean; the spread of the one-side
  documents' means), so the test stays exact. One-side documents enter only when each
  side has at least two of them (below that they carry no between-document
  information); they always count in each side's own mean. Likewise documents that quote
  both sides enter only when there are at least two of them (one document's side
  difference has no estimable between-document variance), unless nothing else is left.
* ``"statements"`` — everything in one document (or no document ids): statements are
  treated as exchangeable, the caveat being that they are not independent.

The interval of the difference is a cluster-robust t interval (documents as clusters):
the within part's variance from the spread of the per-document differences (CR1), the
between part's from the spread of each side's documents around its pooled mean (ratio
estimator, CR1), combined with Satterthwaite's degrees of freedom. It needs two
documents for the part it estimates; with one mixed document the within part falls
back on the statements' pooled variance (the one-document caveat).

Everything is vectorised (the shuffles of a batch are one ``argsort``), seeded, and
tests several measures of the same units on one set of shuffles.

>>> a, b = [1.0, 2.0, 1.5, 2.5], [0.0, 1.0, 0.5, 1.5]
>>> ga = gb = ["d1", "d1", "d2", "d2"]
>>> design_name(ga, gb)
'within documents'
>>> float(design_difference(a, b, ga, gb))
1.0
>>> lo, hi = design_interval(a, b, ga, gb)
>>> round(lo, 6), round(hi, 6)
(1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .stats import SEED, permutation_test, wilson_interval

__all__ = [
    "DESIGNS",
    "design_name",
    "design_difference",
    "design_interval",
    "design_permutation_pvalues",
    "design_summary",
    "resampling_level",
    "side_permutation_pvalues",
    "share_interval",
    "is_binary",
]

#: Every design, with its exchangeability assumption in one sentence (docs/methods.md repeats them).
DESIGNS: dict[str, str] = {
    "statements": "All statements come from one document (or carry no document id): under the null the side labels of single statements are exchangeable, which ignores that statements of one text are not independent.",
    "within documents": "Every compared document quotes both sides: under the null the side labels of a document's statements are exchangeable within that document, whose own level stays with it.",
    "between documents": "Every compared document quotes one side only: under the null whole documents are exchangeable between the sides, so documents (not statements) are relabelled.",
    "within and between documents": "Some documents quote both sides and each side has at least two documents of its own: labels are shuffled within the documents that quote both, and whole documents are relabelled among the others, in one test.",
}

#: Below this many one-side documents per side, those documents are left out of the difference (not of the side means).
MIN_BETWEEN_DOCS = 2
#: Below this many documents quoting both sides, they are left out of the difference when the one-side documents can carry it.
MIN_WITHIN_DOCS = 2


@dataclass(frozen=True)
class _Layout:
    """The units of a comparison arranged by design (all arrays are (units, measures) or per document)."""

    design: str
    # within part: statements of mixed documents, sorted by document, side A first in each document
    w_values: np.ndarray  # (N_M, m)
    w_starts: np.ndarray  # (k_M,) first position of each mixed document
    w_na: np.ndarray  # (k_M,) side-A statements per mixed document
    w_nb: np.ndarray  # (k_M,)
    # between part: one-side documents
    b_sums: np.ndarray  # (k_S, m) sum of values per document
    b_n: np.ndarray  # (k_S,) statements per document
    b_is_a: np.ndarray  # (k_S,) bool
    lam: np.ndarray  # (m,) weight of the within estimate


def _as_2d(v) -> np.ndarray:
    x = np.asarray(v, dtype=float)
    return x[:, None] if x.ndim == 1 else x


def _sorted_rows(v: np.ndarray) -> np.ndarray:
    return v[np.lexsort(v.T[::-1])] if len(v) > 1 else v


def design_name(groups_a: Sequence | None, groups_b: Sequence | None) -> str:
    """The design for units of side A and B in documents ``groups_a`` / ``groups_b`` (one id per unit).

    >>> design_name(["d1", "d1"], ["d1"])
    'statements'
    >>> design_name(["d1", "d2"], ["d3", "d4"])
    'between documents'
    >>> design_name(["d1", "d2", "d3", "d4"], ["d1", "d2", "d5", "d6"])
    'within and between documents'
    >>> design_name(["d1", "d2", "d3"], ["d1", "d2", "d4"])  # one B-only document: left out of the difference
    'within documents'
    >>> design_name(["d1", "d2", "d3"], ["d1", "d4", "d5"])  # one both-sides document: left out, its variance unknown
    'between documents'
    >>> design_name(["d1", "d2"], ["d1"])  # nothing else to go on: the one document that quotes both
    'within documents'
    >>> design_name(None, ["d1"])
    'statements'
    """
    if groups_a is None or groups_b is None:
        return "statements"
    sa, sb = set(map(str, groups_a)), set(map(str, groups_b))
    if len(sa | sb) < 2:
        return "statements"
    k_mixed = len(sa & sb)
    only_a, only_b = len(sa - sb), len(sb - sa)
    within = k_mixed >= MIN_WITHIN_DOCS
    between = only_a >= MIN_BETWEEN_DOCS and only_b >= MIN_BETWEEN_DOCS
    if within and between:
        return "within and between documents"
    if within:
        return "within documents"
    if between or k_mixed == 0:
        return "between documents"
    return "within documents"  # one document quotes both sides and too few quote one: that document alone


def _layout(x: np.ndarray, y: np.ndarray, ga: np.ndarray, gb: np.ndarray, design: str) -> _Layout:
    m = x.shape[1]
    sa, sb = set(ga.tolist()), set(gb.tolist())
    mixed = sorted(sa & sb) if design in ("within documents", "within and between documents") else []
    use_between = design in ("between documents", "within and between documents")
    # within part
    blocks, na, nb = [], [], []
    for d in mixed:
        xa, yb = _sorted_rows(x[ga == d]), _sorted_rows(y[gb == d])  # the input's row order does not matter
        blocks.append(np.concatenate([xa, yb]))
        na.append(len(xa))
        nb.append(len(yb))
    w_values = np.concatenate(blocks) if blocks else np.empty((0, m))
    w_na, w_nb = np.asarray(na, dtype=np.int64), np.asarray(nb, dtype=np.int64)
    sizes = w_na + w_nb
    w_starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64) if len(sizes) else np.empty(0, dtype=np.int64)
    # between part
    b_sums, b_n, b_is_a = [], [], []
    if use_between:
        for d in sorted(sa - sb):
            b_sums.append(x[ga == d].sum(axis=0))
            b_n.append(int((ga == d).sum()))
            b_is_a.append(True)
        for d in sorted(sb - sa):
            b_sums.append(y[gb == d].sum(axis=0))
            b_n.append(int((gb == d).sum()))
            b_is_a.append(False)
    b_sums_a = np.asarray(b_sums, dtype=float).reshape(-1, m)
    b_n_a, b_is_a_a = np.asarray(b_n, dtype=float), np.asarray(b_is_a, dtype=bool)
    lam = _weights(_within_spread(x, y, ga, gb), w_na, w_nb, b_sums_a, b_n_a, b_is_a_a)
    return _Layout(design, w_values, w_starts, w_na, w_nb, b_sums_a, b_n_a, b_is_a_a, lam)


def _within_spread(x: np.ndarray, y: np.ndarray, ga: np.ndarray, gb: np.ndarray) -> np.ndarray:
    """Pooled variance of statements around their document's mean, sides ignored, over every document (per measure).

    No shuffle within a document and no relabelling of documents changes it, so weights
    built on it keep the test exact; taking every document (not only those quoting both
    sides) keeps it informative when the both-sides documents happen to agree.
    """
    v = np.concatenate([x, y])
    g = np.unique(np.concatenate([ga, gb]), return_inverse=True)[1].ravel()
    k = int(g.max()) + 1 if len(g) else 0
    n = np.bincount(g, minlength=k).astype(float)
    means = np.stack([np.bincount(g, weights=v[:, j], minlength=k) for j in range(v.shape[1])], axis=1) / n[:, None]
    return ((v - means[g]) ** 2).sum(axis=0) / max(1, len(v) - k)


def _weights(spread_w, w_na, w_nb, b_sums, b_n, b_is_a) -> np.ndarray:
    """Weight of the within estimate, from spreads that no relabelling of the design changes."""
    m = len(spread_w)
    has_w, has_b = len(w_na) > 0, len(b_n) > 0
    if not has_b:
        return np.ones(m)
    if not has_w:
        return np.zeros(m)
    sizes = w_na + w_nb
    v_w = spread_w / (w_na * w_nb / sizes).sum()
    doc_means = b_sums / b_n[:, None]
    spread = doc_means.var(axis=0, ddof=1) if len(b_n) > 1 else np.zeros(m)
    k_a, k_b = int(b_is_a.sum()), int((~b_is_a).sum())
    shape = len(b_n) * (b_n**2).sum() / b_n.sum() ** 2
    v_b = spread * shape * (1 / k_a + 1 / k_b)
    with np.errstate(invalid="ignore", divide="ignore"):
        lam = np.where(v_w + v_b > 0, v_b / (v_w + v_b), 0.5)
    return lam


def _estimate(lay: _Layout, sa_w: np.ndarray, b_pick_sum: np.ndarray, b_pick_n: np.ndarray) -> np.ndarray:
    """The design's difference from side-A sums per mixed document (..., k_M, m) and side-A totals over one-side documents (..., m)."""
    parts = []
    if len(lay.w_na):
        tot = np.add.reduceat(lay.w_values, lay.w_starts, axis=0)  # (k_M, m)
        na, nb = lay.w_na[:, None].astype(float), lay.w_nb[:, None].astype(float)
        w = na * nb / (na + nb)
        d = sa_w / na - (tot - sa_w) / nb
        parts.append((w * d).sum(axis=-2) / w.sum())
    else:
        parts.append(None)
    if len(lay.b_n):
        tot_s, tot_n = lay.b_sums.sum(axis=0), lay.b_n.sum()
        parts.append(b_pick_sum / b_pick_n[..., None] - (tot_s - b_pick_sum) / (tot_n - b_pick_n)[..., None])
    else:
        parts.append(None)
    dw, db = parts
    if dw is None:
        return db
    if db is None:
        return dw
    return lay.lam * dw + (1 - lay.lam) * db


def _observed(lay: _Layout) -> np.ndarray:
    sa_w = np.add.reduceat(lay.w_values * _a_mask(lay)[:, None], lay.w_starts, axis=0) if len(lay.w_na) else np.empty(0)
    pick_sum = lay.b_sums[lay.b_is_a].sum(axis=0) if len(lay.b_n) else np.empty(0)
    pick_n = np.asarray(lay.b_n[lay.b_is_a].sum()) if len(lay.b_n) else np.empty(0)
    return _estimate(lay, sa_w, pick_sum, pick_n)


def _a_mask(lay: _Layout) -> np.ndarray:
    """True at the first ``n_a`` positions of each mixed document (where side A's statements sit)."""
    sizes = lay.w_na + lay.w_nb
    pos = np.arange(int(sizes.sum())) - np.repeat(lay.w_starts, sizes)
    return pos < np.repeat(lay.w_na, sizes)


def _prepare(a, b, groups_a, groups_b):
    x, y = _as_2d(a), _as_2d(b)
    ga = np.asarray(groups_a).astype(str) if groups_a is not None else np.zeros(len(x), dtype=str)
    gb = np.asarray(groups_b).astype(str) if groups_b is not None else np.zeros(len(y), dtype=str)
    design = design_name(groups_a, groups_b)
    if design == "statements":  # one stratum: every statement of both sides in one pseudo-document
        ga, gb = np.full(len(x), "_"), np.full(len(y), "_")
        design = "within documents"
    return x, y, ga, gb, design


def design_difference(a, b, groups_a=None, groups_b=None) -> np.ndarray | float:
    """The side difference the design estimates (one per measure for 2-d input; a float for 1-d input).

    ``"statements"`` and ``"between documents"``: ``mean(a) - mean(b)`` of the pooled
    statements compared; ``"within documents"``: weighted mean of the per-document
    differences; both: their precision-weighted combination.

    >>> float(design_difference([3.0, 1.0], [0.0], ["d1", "d2"], ["d1"]))  # d2 holds A only: left out
    3.0
    """
    one = np.asarray(a, dtype=float).ndim == 1
    x, y, ga, gb, design = _prepare(a, b, groups_a, groups_b)
    if len(x) == 0 or len(y) == 0:
        out = np.full(x.shape[1] if x.ndim == 2 else 1, np.nan)
    else:
        out = _observed(_layout(x, y, ga, gb, design))
    return float(out[0]) if one else out


def design_permutation_pvalues(
    a,
    b,
    groups_a=None,
    groups_b=None,
    n_perm: int = 10000,
    seed: int | None = None,
    cells: int = 2_000_000,
) -> list[float]:
    """Two-sided permutation p-value of the design's difference, one per measure (column), from one set of shuffles.

    Labels are shuffled within each document that quotes both sides and whole documents
    are relabelled among the one-side documents (see the module docstring); ``(count +
    1) / (n_perm + 1)``. ``cells`` bounds the shuffle matrix of one batch.

    >>> design_permutation_pvalues([5.0] * 6, [0.0] * 6, list("abcdef"), list("ghijkl"), n_perm=999)[0] < 0.01
    True
    >>> x = [1.0, 1.1, 2.0, 2.1, 3.0, 3.1]; d = ["d1", "d1", "d2", "d2", "d3", "d3"]
    >>> design_permutation_pvalues(x, x, d, d, n_perm=200)  # identical sides in every document
    [1.0]
    """
    x, y, ga, gb, design = _prepare(a, b, groups_a, groups_b)
    m = x.shape[1]
    if len(x) == 0 or len(y) == 0:
        return [float("nan")] * m
    lay = _layout(x, y, ga, gb, design)
    observed = np.abs(_observed(lay))
    rng = np.random.default_rng(SEED if seed is None else seed)
    n_w = len(lay.w_values)
    k_s = len(lay.b_n)
    k_a = int(lay.b_is_a.sum())
    sizes = lay.w_na + lay.w_nb
    doc_of = np.repeat(np.arange(len(sizes)), sizes).astype(float)
    a_pos = np.flatnonzero(_a_mask(lay)) if n_w else np.empty(0, dtype=np.int64)
    a_starts = np.concatenate([[0], np.cumsum(lay.w_na)[:-1]]).astype(np.int64) if n_w else np.empty(0, dtype=np.int64)
    step = max(1, min(n_perm, cells // max(1, (n_w + k_s) * m)))
    count = np.zeros(m, dtype=np.int64)
    done = 0
    while done < n_perm:
        bsz = min(step, n_perm - done)
        if n_w:
            order = np.argsort(rng.random((bsz, n_w)) + doc_of, axis=1, kind="stable")[:, a_pos]  # (bsz, N_A)
            picked = lay.w_values[order]  # (bsz, N_A, m)
            sa_w = np.add.reduceat(picked, a_starts, axis=1)  # (bsz, k_M, m)
        else:
            sa_w = np.empty(0)
        if k_s:
            keys = rng.random((bsz, k_s))
            chosen = np.zeros((bsz, k_s), dtype=bool)
            if k_a < k_s:
                idx = keys.argpartition(k_a - 1, axis=1)[:, :k_a] if k_a else np.empty((bsz, 0), dtype=np.int64)
                np.put_along_axis(chosen, idx, True, axis=1)
            else:
                chosen[:] = True
            pick_sum = chosen.astype(float) @ lay.b_sums  # (bsz, m)
            pick_n = chosen.astype(float) @ lay.b_n  # (bsz,)
        else:
            pick_sum, pick_n = np.empty(0), np.empty(0)
        with np.errstate(invalid="ignore", divide="ignore"):
            stats = np.abs(_estimate(lay, sa_w, pick_sum, pick_n))
        count += (stats >= observed - 1e-12).sum(axis=0)
        done += bsz
    return [float((c + 1) / (n_perm + 1)) if o == o else float("nan") for c, o in zip(count, observed)]


def _t(df: np.ndarray, level: float) -> np.ndarray:
    from scipy.stats import t

    return t.ppf(0.5 + level / 2, np.maximum(df, 1e-9))


def design_interval(a, b, groups_a=None, groups_b=None, level: float = 0.95) -> tuple[float, float] | list[tuple[float, float]]:
    """Cluster-robust t interval of :func:`design_difference` (documents as clusters; see the module docstring).

    A 1-d input gives one ``(low, high)``, a 2-d input one per column. NaNs when the
    variance cannot be estimated (fewer than two documents in a part it needs, or one
    statement a side in the only document).

    >>> lo, hi = design_interval([2.0, 2.5, 3.0, 3.5], [0.0, 0.5, 1.0, 0.5], ["d1", "d2", "d3", "d4"], ["d5", "d6", "d7", "d8"])
    >>> bool(lo < 2.125 < hi)
    True
    """
    one = np.asarray(a, dtype=float).ndim == 1
    x, y, ga, gb, design = _prepare(a, b, groups_a, groups_b)
    m = x.shape[1]
    if len(x) == 0 or len(y) == 0:
        out = [(float("nan"), float("nan"))] * m
        return out[0] if one else out
    lay = _layout(x, y, ga, gb, design)
    est = _observed(lay)
    var, df = _variance(lay)
    with np.errstate(invalid="ignore"):
        half = _t(df, level) * np.sqrt(var)
    out = [(float(e - h), float(e + h)) if h == h else (float("nan"), float("nan")) for e, h in zip(est, half)]
    return out[0] if one else out


def _variance(lay: _Layout) -> tuple[np.ndarray, np.ndarray]:
    """Variance of the design's difference and its Satterthwaite degrees of freedom, per measure."""
    m = lay.w_values.shape[1] if lay.w_values.size else lay.b_sums.shape[1]
    parts = []
    if len(lay.w_na):
        na, nb = lay.w_na[:, None].astype(float), lay.w_nb[:, None].astype(float)
        k = len(lay.w_na)
        sa = np.add.reduceat(lay.w_values * _a_mask(lay)[:, None], lay.w_starts, axis=0)
        tot = np.add.reduceat(lay.w_values, lay.w_starts, axis=0)
        d = sa / na - (tot - sa) / nb
        w = na * nb / (na + nb)
        dw = (w * d).sum(axis=0) / w.sum()
        if k >= 2:
            v = k / (k - 1) * ((w * (d - dw)) ** 2).sum(axis=0) / w.sum() ** 2
            parts.append((v, np.full(m, k - 1.0)))
        else:  # one document: the statements' pooled variance around each side's mean
            n = int(na.sum() + nb.sum())
            mask = _a_mask(lay)
            xa, xb = lay.w_values[mask], lay.w_values[~mask]
            ss = ((xa - xa.mean(axis=0)) ** 2).sum(axis=0) + ((xb - xb.mean(axis=0)) ** 2).sum(axis=0)
            df = n - 2.0
            v = ss / df / w.sum() if df > 0 else np.full(m, np.nan)
            parts.append((v, np.full(m, max(df, 1.0))))
    if len(lay.b_n):
        vs, dfs = [], []
        for side in (True, False):
            s, n = lay.b_sums[lay.b_is_a == side], lay.b_n[lay.b_is_a == side]
            k = len(n)
            if k < 2:
                vs.append(np.full(m, np.nan))
                dfs.append(1.0)
                continue
            mean = s.sum(axis=0) / n.sum()
            vs.append(k / (k - 1) * ((s - mean * n[:, None]) ** 2).sum(axis=0) / n.sum() ** 2)
            dfs.append(k - 1.0)
        v = vs[0] + vs[1]
        with np.errstate(invalid="ignore", divide="ignore"):
            df = np.where(v > 0, v**2 / (vs[0] ** 2 / dfs[0] + vs[1] ** 2 / dfs[1]), dfs[0] + dfs[1])
        parts.append((v, df))
    if len(parts) == 1:
        return parts[0]
    (vw, dfw), (vb, dfb) = parts
    lam = lay.lam
    v = lam**2 * vw + (1 - lam) ** 2 * vb
    with np.errstate(invalid="ignore", divide="ignore"):
        den = (lam**2 * vw) ** 2 / dfw + ((1 - lam) ** 2 * vb) ** 2 / dfb
        df = np.where(den > 0, v**2 / den, dfw + dfb)
    return v, df


def resampling_level(groups_a: Sequence | None, groups_b: Sequence | None) -> str:
    """The design two sides' units are compared in: :func:`analysis.core.designs.design_name`.

    ``"statements"`` for one document (or no document ids), else ``"within documents"``,
    ``"between documents"`` or ``"within and between documents"``. The one rule behind
    every side comparison's intervals and tests (:func:`analysis.core.compare.compare_sides`,
    ``framing.frame_differences``).

    >>> resampling_level(["d1", "d1"], ["d1"])
    'statements'
    >>> resampling_level(["d1"], ["d2"])
    'between documents'
    >>> resampling_level(None, ["d1", "d2"])
    'statements'
    """
    return design_name(groups_a, groups_b)


def side_permutation_pvalues(
    a: np.ndarray,
    b: np.ndarray,
    groups_a: Sequence | None = None,
    groups_b: Sequence | None = None,
    n_perm: int = 10000,
    seed: int | None = None,
    resampling: str | None = None,
) -> list[float]:
    """Two-sided permutation p-values of side a vs side b for each measure (column), in the design :func:`resampling_level` picks.

    With several documents: :func:`analysis.core.designs.design_permutation_pvalues`
    (labels shuffled within documents that quote both sides, whole documents relabelled
    among the others; one set of shuffles for all measures); ``"statements"``:
    :func:`analysis.core.stats.permutation_test` per measure (units exchangeable, the one-document caveat).
    ``resampling="statements"`` forces the statement level.

    >>> a, b = np.array([[1.0], [2.0]]), np.array([[3.0], [4.0]])
    >>> from analysis.core.stats import permutation_test
    >>> side_permutation_pvalues(a, b, ["d", "d"], ["d", "d"], n_perm=100) == [permutation_test([1, 2], [3, 4], n_perm=100)]
    True
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    level = "statements" if resampling == "statements" else resampling_level(groups_a, groups_b)
    if level != "statements":
        return design_permutation_pvalues(x, y, groups_a, groups_b, n_perm=n_perm, seed=seed)
    return [
        permutation_test(np.ascontiguousarray(x[:, j]), np.ascontiguousarray(y[:, j]), n_perm=n_perm, seed=seed) for j in range(x.shape[1])
    ]


def design_summary(groups_a: Sequence | None, groups_b: Sequence | None) -> dict[str, int]:
    """Documents by kind: quoting both sides, only A, only B (zeros without document ids).

    >>> design_summary(["d1", "d2"], ["d1", "d3", "d4"])
    {'both': 1, 'only_a': 1, 'only_b': 2}
    """
    if groups_a is None or groups_b is None:
        return {"both": 0, "only_a": 0, "only_b": 0}
    sa, sb = set(map(str, groups_a)), set(map(str, groups_b))
    return {"both": len(sa & sb), "only_a": len(sa - sb), "only_b": len(sb - sa)}


def share_interval(values, groups=None, level: float = 0.95) -> tuple[float, float]:
    """Wilson interval of a share of 0/1 ``values``; with ``groups`` (documents) over more than one, at the effective n.

    With documents as clusters the Wilson interval uses Kish's effective sample size
    ``n / deff``, ``deff = 1 + (m - 1) ICC`` (``m`` the mean statements per document, ICC
    the one-way ANOVA estimate, clipped to [0, 1]): a cluster-robust interval that, unlike a
    percentile bootstrap, does not collapse to a point when every value is 0.

    >>> [round(v, 3) for v in share_interval([0, 0, 0, 0, 0])]
    [0.0, 0.434]
    >>> [round(v, 3) for v in share_interval([1, 1, 0, 0], ["d1", "d1", "d2", "d2"])]  # 2 documents, ICC 1
    [0.095, 0.905]
    """
    x = np.asarray(values, dtype=float)
    n = len(x)
    if n == 0:
        return (float("nan"), float("nan"))
    k = float(x.sum())
    if groups is None or len(set(map(str, groups))) < 2:
        return wilson_interval(k, n, level)
    g = np.unique(np.asarray(groups).astype(str), return_inverse=True)[1].ravel()
    sizes = np.bincount(g).astype(float)
    means = np.bincount(g, weights=x) / sizes
    kd = len(sizes)
    msb = (sizes * (means - x.mean()) ** 2).sum() / (kd - 1)
    msw = ((x - means[g]) ** 2).sum() / (n - kd) if n > kd else 0.0
    m0 = (n - (sizes**2).sum() / n) / (kd - 1)
    icc = (msb - msw) / (msb + (m0 - 1) * msw) if msb + (m0 - 1) * msw > 0 else (1.0 if msb > 0 else 0.0)
    deff = 1 + (n / kd - 1) * min(1.0, max(0.0, icc))
    n_eff = n / deff
    return wilson_interval(k / n * n_eff, n_eff, level)


def is_binary(values) -> bool:
    """True when every value is 0 or 1 (a share).

    >>> is_binary([0.0, 1.0, 1.0]), is_binary([0.5, 1.0]), is_binary([])
    (True, False, False)
    """
    x = np.asarray(values, dtype=float)
    return bool(len(x)) and bool(np.isin(x, (0.0, 1.0)).all())
