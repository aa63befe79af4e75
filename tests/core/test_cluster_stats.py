"""Statistics at the level of the data: whole documents resampled when a comparison spans several."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

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


def _within_difference(df: pd.DataFrame) -> float:
    """Sum over documents of w (mean A - mean B) / sum of w, w = n_A n_B / (n_A + n_B), written out by hand."""
    num = den = 0.0
    for _, d in df.groupby("doc_id"):
        xa, xb = d.loc[d.side == "A", "x"], d.loc[d.side == "B", "x"]
        w = len(xa) * len(xb) / (len(xa) + len(xb))
        num += w * (xa.mean() - xb.mean())
        den += w
    return num / den


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
    assert r["resampling"] == "within documents" and r["n_docs"] == 25 == r["n_docs_a"] == r["n_docs_b"]
    a = df.loc[df.side == "A"]
    assert (r["ci_low_a"], r["ci_high_a"]) == cluster_bootstrap_mean(a["x"], a["doc_id"], n_boot=300)
    assert r["diff_low"] <= r["difference"] <= r["diff_high"]
    # every document quotes both sides: the difference is the weighted mean of the per-document differences
    assert r["difference"] == pytest.approx(_within_difference(df))
    # forcing statements gives the narrower, statement-level interval
    s = compare_sides(df, "x", "A", "B", n_boot=300, n_perm=300, resampling="statements").iloc[0]
    assert s["resampling"] == "statements" and s["ci_high_a"] - s["ci_low_a"] < r["ci_high_a"] - r["ci_low_a"]


def test_side_in_one_document_has_no_document_interval():
    df = pd.DataFrame({"doc_id": ["d1", "d1", "d2", "d3"], "side": ["A", "A", "B", "B"], "x": [1.0, 2.0, 3.0, 4.0]})
    r = compare_sides(df, "x", "A", "B", n_boot=100, n_perm=100).iloc[0]
    assert r["resampling"] == "between documents" and np.isnan(r["ci_low_a"]) and not np.isnan(r["ci_low_b"])
    assert np.isnan(r["diff_low"])  # one document of side A: no between-document variance


def test_cluster_permutation_keeps_its_level_under_document_effects():
    rejections = []
    for s in range(40):
        df = _corpus(20, seed=100 + s)
        a, b = df[df.side == "A"], df[df.side == "B"]
        rejections.append(cluster_permutation_test(a["x"], b["x"], a["doc_id"], b["doc_id"], n_perm=200, seed=s) < 0.05)
    assert np.mean(rejections) <= 0.15


# --------------------------------------------------------------------------- shared resamples, one resampling rule


def test_shared_resamples_give_the_single_measure_results():
    from analysis.core.stats import bootstrap_mean_cis, cluster_permutation_tests

    df = _corpus(9, seed=5)
    a, b = df.loc[df.side == "A"], df.loc[df.side == "B"]
    cols_a = np.column_stack([a["x"], a["x"] > 0, a["x"] ** 2])
    cols_b = np.column_stack([b["x"], b["x"] > 0, b["x"] ** 2])
    ps = cluster_permutation_tests(cols_a, cols_b, a["doc_id"], b["doc_id"], n_perm=700, seed=11)
    for j in range(3):
        assert ps[j] == cluster_permutation_test(cols_a[:, j], cols_b[:, j], a["doc_id"], b["doc_id"], n_perm=700, seed=11)
    for groups in (a["doc_id"].tolist(), None, ["d"] * len(a)):
        cis = bootstrap_mean_cis(cols_a, groups=groups, n_boot=300)
        assert cis == [bootstrap_ci(cols_a[:, j], groups=groups, n_boot=300) for j in range(3)]


def test_one_resampling_rule_for_compare_sides_and_frame_differences():
    from analysis.core.designs import resampling_level, side_permutation_pvalues
    from analysis.measures.framing import frame_differences

    for n_docs, level in ((1, "statements"), (6, "within documents")):
        df = _corpus(n_docs, seed=2)
        df["present"] = df["x"] > df["x"].median()
        a, b = df.loc[df.side == "A"], df.loc[df.side == "B"]
        assert resampling_level(a["doc_id"], b["doc_id"]) == level
        r = compare_sides(df, "present", "A", "B", n_boot=100, n_perm=400).iloc[0]
        assert r["resampling"] == level
        p = side_permutation_pvalues(a[["present"]].to_numpy(float), b[["present"]].to_numpy(float), a["doc_id"], b["doc_id"], n_perm=400)[
            0
        ]
        assert r["p_value"] == p
        # frame_differences tests a presence grid with the same helper and the same rule
        presence = df.assign(frame_id="peace_negotiation", n_hits=df["present"].astype(int), n_words=10)
        d = frame_differences(presence, "A", "B", n_perm=400)
        assert d.loc[d.frame_id == "peace_negotiation", "p_value"].item() == p
