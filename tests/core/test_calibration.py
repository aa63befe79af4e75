"""Calibration of the side comparison on simulated corpora in the three document designs (issue 20).

Each corpus has 12 documents with a document effect (SD 1) and statement noise (SD 0.5),
4 statements per side per document: every document quotes both sides (within), each
quotes one side (between, 6 documents per side), or half and half (mixed). The test of
:func:`analysis.core.compare.compare_sides` must keep its level (type-I error in [0.02,
0.08]) in every design, find a difference of 0.5 at least 80% of the time where documents
quote both sides, and its 95% interval of the difference must cover the truth at least
90% of the time. Seeded; few permutations so it runs in seconds.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.core.compare import compare_sides

REPS = 300
N_PERM = 199


def simulate(design: str, delta: float, seed: int, n_docs: int = 12, per_side: int = 4, doc_sd: float = 1.0, noise_sd: float = 0.5):
    """One corpus: rows (doc_id, side, x) with side A shifted by ``delta``."""
    rng = np.random.default_rng(seed)
    rows = []
    for d in range(n_docs):
        effect = rng.normal(0, doc_sd)
        both = design == "within" or (design == "mixed" and d < n_docs // 2)
        sides = ("A", "B") if both else (("A",) if d % 2 == 0 else ("B",))
        for side in sides:
            x = effect + (delta if side == "A" else 0.0) + rng.normal(0, noise_sd, per_side)
            rows += [{"doc_id": f"d{d:02d}", "side": side, "x": v} for v in x]
    return pd.DataFrame(rows)


def _rates(design: str, delta: float, reps: int = REPS, seed0: int = 0):
    rejected = covered = 0
    for r in range(reps):
        row = compare_sides(simulate(design, delta, seed0 + r), "x", "A", "B", n_boot=20, n_perm=N_PERM, seed=r).iloc[0]
        rejected += row["p_value"] < 0.05
        covered += row["diff_low"] <= delta <= row["diff_high"]
    return rejected / reps, covered / reps


@pytest.mark.parametrize(
    "design, name", [("within", "within documents"), ("between", "between documents"), ("mixed", "within and between documents")]
)
def test_design_is_named(design, name):
    assert compare_sides(simulate(design, 0.0, 1), "x", "A", "B", n_boot=20, n_perm=20).iloc[0]["resampling"] == name


@pytest.mark.parametrize("design", ["within", "between", "mixed"])
def test_type_one_error_and_coverage_under_the_null(design):
    type1, coverage = _rates(design, 0.0, seed0=10_000)
    assert 0.02 <= type1 <= 0.08, type1
    assert coverage >= 0.90, coverage


@pytest.mark.parametrize("design", ["within", "mixed"])
def test_power_and_coverage_at_a_difference_of_half(design):
    power, coverage = _rates(design, 0.5, seed0=20_000)
    assert power >= 0.80, power
    assert coverage >= 0.90, coverage


def test_between_design_covers_a_difference():
    _, coverage = _rates("between", 0.5, seed0=30_000)
    assert coverage >= 0.90, coverage
