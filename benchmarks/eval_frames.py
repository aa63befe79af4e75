"""Check document-level frame presence (analysis.document_frames) against people's coding of news articles.

On the Narrative Frames Corpus development half (``--nfc DIR``: text/, labels.csv):

* cross-validated (the honest estimate for unseen articles): the calibration is refitted
  on 4/5 of the articles and applied to the other 1/5, five folds, repeated ``--repeats``
  times with seeded shuffles; per-frame precision, recall, F1 and Krippendorff's alpha
  (nominal, people vs tool), averaged over repeats;
* whole development set with the shipped calibration (in-sample: optimistic);
* the left-minus-right difference in the share of articles using each frame (left =
  left_bias + left_center_bias, right = right_bias + questionable_source), by the people
  and by the tool side by side, with Newcombe 95% intervals.

Usage: python benchmarks/eval_frames.py --nfc ../shared/narrative-frames [--repeats 10] [--json OUT]
Exit 2 with a one-line message when the data folder or a file is missing or unreadable.
"""

from __future__ import annotations

import argparse
import json
import sys

import krippendorff
import numpy as np
import pandas as pd
from nfc import FRAMES, LEFT, RIGHT, read_nfc

from analysis.core.errors import InputError
from analysis.core.stats import newcombe_interval
from analysis.measures.codebook import load_frames
from analysis.measures.document_frames import decide, fit_calibration, frame_evidence, load_calibration

SEED = 20231201
K = 5


def scores(coded: pd.DataFrame, tool: pd.DataFrame) -> pd.DataFrame:
    """Per frame: n, people's share, tool's share, precision, recall, F1, alpha."""
    rows = []
    for f in FRAMES:
        y, p = coded[f].to_numpy().astype(bool), tool[f].to_numpy().astype(bool)
        tp = int((y & p).sum())
        prec = tp / p.sum() if p.sum() else float("nan")
        rec = tp / y.sum() if y.sum() else float("nan")
        f1 = 2 * tp / (y.sum() + p.sum()) if (y.sum() + p.sum()) else float("nan")
        a = krippendorff.alpha(reliability_data=np.vstack([y, p]).astype(float), level_of_measurement="nominal")
        rows.append({"frame": f, "n": len(y), "people": y.mean(), "tool": p.mean(), "precision": prec, "recall": rec, "f1": f1, "alpha": a})
    return pd.DataFrame(rows).set_index("frame")


def cross_validated(evidence: pd.DataFrame, labels: pd.DataFrame, repeats: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Mean of :func:`scores` over repeated 5-fold cross-validation, the first repeat's out-of-fold predictions, and the
    mean over repeats of the tool's out-of-fold left-minus-right difference and its gap to the people's."""
    rng = np.random.default_rng(SEED)
    ids = evidence.index.to_numpy()
    tables, first, diffs = [], None, []
    for _ in range(repeats):
        pred = pd.DataFrame(0, index=evidence.index, columns=list(FRAMES))
        for fold in np.array_split(rng.permutation(len(ids)), K):
            test = ids[fold]
            train = np.setdiff1d(ids, test)
            w = fit_calibration(evidence.loc[train], labels.loc[train], FRAMES)
            pred.loc[test] = decide(evidence.loc[test], w, FRAMES).to_numpy()
        tables.append(scores(labels, pred))
        diffs.append(left_right(labels, pred)[["people_diff", "tool_diff", "gap"]])
        first = pred if first is None else first
    mean = sum(tables) / len(tables)
    mean["n"] = len(ids)
    return mean, first, sum(diffs) / len(diffs)


def left_right(labels: pd.DataFrame, tool: pd.DataFrame) -> pd.DataFrame:
    """Left-minus-right share of articles per frame, people and tool, with Newcombe 95% intervals."""
    left = labels["leaning"].isin(LEFT).to_numpy()
    right = labels["leaning"].isin(RIGHT).to_numpy()
    rows = []
    for f in FRAMES:
        row = {"frame": f, "n_left": int(left.sum()), "n_right": int(right.sum())}
        for who, t in (("people", labels), ("tool", tool)):
            v = t[f].to_numpy().astype(bool)
            ka, kb = int(v[left].sum()), int(v[right].sum())
            lo, hi = newcombe_interval(ka, int(left.sum()), kb, int(right.sum()))
            row.update(
                {
                    f"{who}_left": ka / left.sum(),
                    f"{who}_right": kb / right.sum(),
                    f"{who}_diff": ka / left.sum() - kb / right.sum(),
                    f"{who}_lo": lo,
                    f"{who}_hi": hi,
                }
            )
        row["gap"] = row["tool_diff"] - row["people_diff"]
        rows.append(row)
    return pd.DataFrame(rows).set_index("frame")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nfc", required=True, help="the Narrative Frames Corpus development folder (text/, labels.csv)")
    ap.add_argument("--repeats", type=int, default=10, help="repeats of 5-fold cross-validation (default 10)")
    ap.add_argument("--json", default=None, help="also write every figure as JSON to this file")
    args = ap.parse_args(argv)
    try:
        texts, labels = read_nfc(args.nfc)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    evidence = frame_evidence(texts, load_frames("generic"))
    cv, cv_pred, cv_diff = cross_validated(evidence, labels, args.repeats)
    shipped = decide(evidence, load_calibration("generic"), FRAMES)
    whole = scores(labels, shipped)
    pd.set_option("display.width", 200)
    fmt = {"float_format": lambda v: f"{v:.2f}"}
    print(f"Narrative Frames Corpus, development half: {len(texts)} articles")
    print(f"\nCross-validated ({K}-fold x {args.repeats}, refitted on each training part):")
    print(cv.to_string(**fmt))
    print(f"macro-F1 {cv['f1'].mean():.3f}; mean alpha {cv['alpha'].mean():.3f}")
    print("\nWhole development set, shipped calibration (in-sample):")
    print(whole.to_string(**fmt))
    print(f"macro-F1 {whole['f1'].mean():.3f}; mean alpha {whole['alpha'].mean():.3f}")
    cols = ["n_left", "n_right", "people_diff", "people_lo", "people_hi", "tool_diff", "tool_lo", "tool_hi", "gap"]
    lr_cv, lr = left_right(labels, cv_pred), left_right(labels, shipped)
    print("\nLeft minus right, share of articles (Newcombe 95% intervals), tool out-of-fold (first repeat):")
    print(lr_cv[cols].to_string(**fmt))
    print(f"\nLeft minus right, tool out-of-fold, mean over the {args.repeats} repeats:")
    print(cv_diff.to_string(**fmt))
    print("\nLeft minus right, tool with the shipped calibration:")
    print(lr[cols].to_string(**fmt))
    if args.json:
        out = {
            "n": len(texts),
            "cv": cv.reset_index().to_dict("records"),
            "whole": whole.reset_index().to_dict("records"),
            "left_right_cv": lr_cv.reset_index().to_dict("records"),
            "left_right_cv_mean": cv_diff.reset_index().to_dict("records"),
            "left_right": lr.reset_index().to_dict("records"),
        }
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(out, fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
