"""The report's one-line findings carry the tested result beside the descriptive numbers."""

from __future__ import annotations

import pandas as pd

from analysis.notebook.findings import finding


def _comparison(view, diff, lo, hi, q, n=40, docs=12):
    return {
        "view": view, "measure": "tone", "masked": False, "side_a": "A", "side_b": "B", "n_a": n, "n_b": n,
        "n_docs_a": docs, "n_docs_b": docs, "n_docs": docs, "resampling": "between documents",
        "difference": diff, "diff_low": lo, "diff_high": hi, "p_value": q, "q_value": q,
    }  # fmt: skip


def test_tone_finding_names_each_view_and_its_verdict():
    sent = pd.DataFrame({"side": ["A", "B"], "tone": [0.3, -0.1]})
    comp = pd.DataFrame([_comparison("own", 0.4, 0.1, 0.7, 0.01), _comparison("reported", 0.05, -0.1, 0.2, 0.5)])
    text = finding("03_sentiment", {"sentiment": sent, "sentiment_comparison": comp}, ["A", "B"])
    assert "A - B (own words): +0.40, 95% CI +0.10 to +0.70, BH q = 0.010: a difference." in text
    assert "(words the news attributes): +0.05" in text and "no clear difference" in text


def test_frames_finding_reports_groups_of_documents():
    fb = pd.DataFrame({"side": ["A", "B"], "label": "Economic", "primary": True, "n_present": [5, 3], "n_units": [20, 20]})
    groups = pd.DataFrame(
        {
            "field": "leaning", "group_a": "left", "group_b": "right", "n_a": [30, 30], "n_b": [25, 25],
            "label": ["frame used: Conflict", "frame used: Economic"], "diff": [0.3, 0.01], "diff_lo": [0.1, -0.2],
            "diff_hi": [0.5, 0.2], "p_value": [0.001, 0.9], "q_value": [0.002, 0.9],
        }
    )  # fmt: skip
    text = finding("04_framing", {"frames_by_side": fb, "group_comparison": groups}, ["A", "B"])
    assert "Groups of documents by leaning, left (n = 30) vs right (n = 25): 1 of 2 measures with a clear difference" in text
    thin = groups.assign(n_b=3)
    assert "described, not tested" in finding("04_framing", {"frames_by_side": fb, "group_comparison": thin}, ["A", "B"])


def test_tone_finding_says_when_the_design_difference_is_not_the_means_difference():
    sent = pd.DataFrame({"side": ["A", "B"], "tone": [-0.09, -0.14]})
    row = dict(_comparison("reported", 0.11, -0.05, 0.27, 0.7), mean_a=-0.09, mean_b=-0.14)
    text = finding("03_sentiment", {"sentiment": sent, "sentiment_comparison": pd.DataFrame([row])}, ["A", "B"])
    assert "+0.11 (compared inside the documents that quote both; the means differ by +0.05)" in text
    same = dict(row, difference=0.05)
    assert "compared inside" not in finding("03_sentiment", {"sentiment": sent, "sentiment_comparison": pd.DataFrame([same])}, ["A", "B"])
