"""Which patterns of the generic frame codebook drive the tool's left-minus-right gap on the Narrative Frames Corpus?

The tool's left-minus-right difference in a frame's share exceeds the people's when its
evidence (different patterns matched, different words) is higher in left-leaning articles
than in right-leaning ones *that people coded the same way*. So, per frame and per pattern,
the share of articles it matches in four cells: left / right (left = left_bias +
left_center_bias, right = right_bias + questionable_source) x coded / not coded by people:

* ``L0 - R0`` > 0, a false-positive driver: common in left articles people did NOT code
  with the frame;
* ``L1 - R1`` > 0, a false-negative driver: missing from right articles people DID code;
* ``lean`` = share-weighted mean of the two, the pattern's part of the left-minus-right
  difference in the mean number of patterns matched that people's coding does not explain
  (the ``lean`` column sums to the frame's total, printed under its table).

Also: article length and vocabulary (words, different words) by leaning and coding, and the
tool's errors (shipped calibration) by leaning. Prints pattern names and counts only, never
article text. Read by path; nothing written.

Usage: python benchmarks/frame_patterns_by_group.py --nfc ../shared/narrative-frames
           [--frames conflict economic human_interest] [--top 15] [--codebook generic|PATH]
Exit 2 with a one-line message when the data folder or a file is missing or unreadable.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import pandas as pd
from nfc import FRAMES, LEFT, RIGHT, read_nfc

from analysis.core.errors import InputError
from analysis.measures.codebook import load_frames
from analysis.measures.document_frames import decide, frame_evidence, load_calibration
from analysis.measures.frame_matching import frame_hits


def pattern_presence(texts: dict[str, str], frames) -> pd.DataFrame:
    """0/1 per (doc_id, frame_id, pattern): does the pattern match the document (after exclusions and overlaps)."""
    ids = list(texts)
    units = pd.DataFrame({"doc_id": ids, "unit": "body", "start": 0, "text": [texts[i] for i in ids]})
    hits = frame_hits(units, "unit", frames=frames, bodies=texts)
    return hits.groupby(["frame_id", "pattern"])["doc_id"].agg(lambda s: frozenset(s)).rename("docs").reset_index()


def pattern_table(presence: pd.DataFrame, labels: pd.DataFrame, frame: str, frames) -> pd.DataFrame:
    """Per pattern of ``frame``: documents matched and the share matched in each leaning x coding cell, and ``lean``."""
    side = np.where(labels["leaning"].isin(LEFT), "L", np.where(labels["leaning"].isin(RIGHT), "R", ""))
    coded = labels[frame].to_numpy().astype(int)
    cells = {f"{s}{c}": labels.index[(side == s) & (coded == c)] for s in "LR" for c in (1, 0)}
    w1 = coded[side != ""].mean()
    order = [p.text for f in frames if f.id == frame for p in f.patterns]
    got = presence[presence["frame_id"] == frame].set_index("pattern")["docs"]
    rows = []
    for pat in order:
        docs = got.get(pat, frozenset())
        row = {"pattern": pat, "docs": len(docs)}
        for k, idx in cells.items():
            row[k] = sum(i in docs for i in idx) / max(len(idx), 1)
        row["fp_lean"] = row["L0"] - row["R0"]
        row["fn_lean"] = row["L1"] - row["R1"]
        row["lean"] = w1 * row["fn_lean"] + (1 - w1) * row["fp_lean"]
        rows.append(row)
    out = pd.DataFrame(rows).set_index("pattern")
    out.attrs["n"] = {k: len(v) for k, v in cells.items()}
    return out


def length_table(evidence: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Median words and different words, by leaning and by leaning x coding of each frame."""
    lean = np.where(labels["leaning"].isin(LEFT), "left", np.where(labels["leaning"].isin(RIGHT), "right", "other"))
    e = evidence[["n_words", "n_types"]].assign(leaning=lean)
    rows = [
        {"group": f"all {g}", "n": len(d), "words": d["n_words"].median(), "types": d["n_types"].median()} for g, d in e.groupby("leaning")
    ]
    for f in FRAMES:
        for (g, c), d in e.assign(coded=labels[f].to_numpy()).groupby(["leaning", "coded"]):
            rows.append({"group": f"{f}={c} {g}", "n": len(d), "words": d["n_words"].median(), "types": d["n_types"].median()})
    return pd.DataFrame(rows).set_index("group")


def error_table(labels: pd.DataFrame, tool: pd.DataFrame) -> pd.DataFrame:
    """Per frame and leaning: articles, coded, flagged, false positives and false negatives of ``tool``."""
    rows = []
    for f in FRAMES:
        for name, grp in (("left", LEFT), ("right", RIGHT)):
            m = labels["leaning"].isin(grp).to_numpy()
            y, p = labels[f].to_numpy()[m].astype(bool), tool[f].to_numpy()[m].astype(bool)
            rows.append(
                {
                    "frame": f,
                    "leaning": name,
                    "n": int(m.sum()),
                    "coded": int(y.sum()),
                    "flagged": int(p.sum()),
                    "fp": int((p & ~y).sum()),
                    "fn": int((~p & y).sum()),
                }
            )
    return pd.DataFrame(rows).set_index(["frame", "leaning"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nfc", required=True, help="the Narrative Frames Corpus development folder (text/, labels.csv)")
    ap.add_argument("--frames", nargs="+", default=["conflict", "economic", "human_interest"], choices=FRAMES)
    ap.add_argument("--top", type=int, default=15, help="patterns shown per frame and direction (default 15)")
    ap.add_argument("--codebook", default="generic", help="generic (default) or a path to a codebook YAML")
    args = ap.parse_args(argv)
    try:
        texts, labels = read_nfc(args.nfc)
        frames = load_frames(args.codebook)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    pd.set_option("display.width", 200)
    fmt = {"float_format": lambda v: f"{v:.2f}"}
    evidence = frame_evidence(texts, frames)
    print(f"Narrative Frames Corpus, development half: {len(texts)} articles")
    print("\nLength by leaning and coding (medians):")
    print(length_table(evidence, labels).to_string(**fmt))
    weights = load_calibration("generic") if args.codebook == "generic" else None
    print("\nErrors of the shipped calibration (in-sample) by leaning:")
    print(error_table(labels, decide(evidence, weights, FRAMES)).to_string())
    presence = pattern_presence(texts, frames)
    for f in args.frames:
        t = pattern_table(presence, labels, f, frames)
        n = t.attrs["n"]
        print(f"\n== {f}: articles per cell L1 {n['L1']}, L0 {n['L0']}, R1 {n['R1']}, R0 {n['R0']} (1 = coded by people)")
        print(f"   total lean (left-minus-right mean patterns not explained by coding): {t['lean'].sum():+.3f}")
        cols = ["docs", "L1", "R1", "L0", "R0", "fn_lean", "fp_lean", "lean"]
        print(f"-- most left-leaning beyond coding (top {args.top}):")
        print(t.sort_values("lean", ascending=False).head(args.top)[cols].to_string(**fmt))
        print(f"-- false-positive drivers, L0 - R0 (top {args.top}):")
        print(t.sort_values("fp_lean", ascending=False).head(args.top)[cols].to_string(**fmt))
        print(f"-- false-negative drivers, L1 - R1 (top {args.top}):")
        print(t.sort_values("fn_lean", ascending=False).head(args.top)[cols].to_string(**fmt))
        print(f"-- most right-leaning beyond coding (top {min(args.top, 8)}):")
        print(t.sort_values("lean").head(min(args.top, 8))[cols].to_string(**fmt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
