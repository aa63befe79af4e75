"""Statistics at the level of the data: whole documents resampled when a comparison spans several."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.core.compare import compare_sides
from analysis.core.stats import bootstrap_ci, cluster_bootstrap_mean, cluster_permutation_test, permutation_test


def _corpus(n_docs: int, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for d in range(n_docs):
        effect = rng.normal(0, 1)
        for side, n in (("A", rng.integers(1, 5)), ("B", rng.integers(1, 5))):
            rows += [{"doc_id": f"d{d:02d}", "side": side, "x": effect + rng.normal(0, 0.3)} for _ in range(n)]
    return pd.DataFrame(rows)


def test_one_document_keeps_the_statement_method():
    df = _corpus(1, seed=1)
    assert (df.side == "A").sum() > 1 and (df.side == "B").sum() > 1
    r = compare_sides(df, "x", "A", "B", n_boot=300, n_perm=300).iloc[0]
    a, b = df.loc[df.side == "A", "x"].to_numpy(), df.loc[df.side == "B", "x"].to_numpy()
    assert r["resampling"] == "statements" and r["n_docs"] == 1
    assert (r["ci_low_a"], r["ci_high_a"]) == bootstrap_ci(a, n_boot=300)
    assert r["p_value"] == permutation_test(a, b, n_perm=300)


def test_several_documents_resample_documents_deterministically():
    df = _corpus(25)
    r1 = compare_sides(df, "x", "A", "B", n_boot=300, n_perm=300)
    r2 = compare_sides(df.sample(frac=1, random_state=1), "x", "A", "B", n_boot=300, n_perm=300)
    pd.testing.assert_frame_equal(r1, r2)  # row order does not matter
    r = r1.iloc[0]
    assert r["resampling"] == "documents" and r["n_docs"] == 25 == r["n_docs_a"] == r["n_docs_b"]
    a = df.loc[df.side == "A"]
    assert (r["ci_low_a"], r["ci_high_a"]) == cluster_bootstrap_mean(a["x"], a["doc_id"], n_boot=300)
    assert r["diff_low"] <= r["difference"] <= r["diff_high"]
    # forcing statements gives the narrower, statement-level interval
    s = compare_sides(df, "x", "A", "B", n_boot=300, n_perm=300, resampling="statements").iloc[0]
    assert s["resampling"] == "statements" and s["ci_high_a"] - s["ci_low_a"] < r["ci_high_a"] - r["ci_low_a"]


def test_side_in_one_document_has_no_document_interval():
    df = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "side": ["A", "A", "B", "B"], "x": [1.0, 2.0, 3.0, 4.0]})
    r = compare_sides(df, "x", "A", "B", n_boot=100, n_perm=100).iloc[0]
    assert r["resampling"] == "documents" and np.isnan(r["ci_low_a"]) and not np.isnan(r["ci_low_b"])


def test_cluster_permutation_keeps_its_level_under_document_effects():
    rejections = []
    for s in range(40):
        df = _corpus(20, seed=100 + s)
        a, b = df[df.side == "A"], df[df.side == "B"]
        rejections.append(cluster_permutation_test(a["x"], b["x"], a["doc_id"], b["doc_id"], n_perm=200, seed=s) < 0.05)
    assert np.mean(rejections) <= 0.15
