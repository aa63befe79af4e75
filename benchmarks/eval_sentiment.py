"""Validate every sentiment scorer of the suite against human judgements of news sentences (NewsMTSC).

For each test file (devtest_rw, devtest_mt), each again restricted to the sentences whose
article has no sentence in train.jsonl (``devtest_rw_disjoint``, ``devtest_mt_disjoint``: the
honest, article-disjoint figures; NewsMTSC splits by sentence, not by article), and each scorer in
``analysis.measures.sentiment.SCORERS`` (plus an equal-weight VADER + AFINN ensemble, tried
but not offered), as scored and with topic terms masked: Spearman's rho of ``tone``
with the human label (negative < neutral < positive), 3-class macro-F1 and accuracy
of ``tone_label``, each with a seeded bootstrap 95% interval (2,000 resamples of
sentences, the same resamples for every scorer); the paired masked-minus-scored
difference on the sentences that contain a topic term; and each scorer minus VADER
(paired) on all sentences.

Sentences whose targets were judged differently are left out (one label per
sentence). Caveat: the labels are sentiment toward a named person (target-dependent),
not whole-sentence tone.

What was chosen where: the default scorer and the tone model's regularisation were chosen on
train.jsonl folds grouped by article (``train_cv`` rows: the model's out-of-fold Spearman from
its file, VADER's and AFINN's on train.jsonl, which they never saw); the model's neutral band on
those folds and devtest_mt (so devtest_mt figures of the model's label are not held out);
devtest_rw is scored here once, for the report. Also printed and saved beside the table
(``sentiment_length.csv``): how far each scorer's tone moves when a devtest_rw sentence is
written three times, or two are joined (:func:`analysis.measures.sentiment_validation.length_drift`).

Usage: python benchmarks/eval_sentiment.py --newsmtsc ../shared/newsmtsc [--out data/validation/sentiment_newsmtsc.csv]
Skips (exit 0) when the folder is absent; exit 2 on unreadable data.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.core.errors import InputError
from analysis.measures import sentiment as se
from analysis.measures.sentiment_validation import (
    CAVEAT,
    DISJOINT,
    SPLITS,
    agreement,
    length_drift,
    paired_difference,
    read_newsmtsc,
)
from analysis.measures.tonemodel import load_model

ENSEMBLE = "vader+afinn"
"""Tried, not offered: mean of VADER compound and squashed AFINN, label by the ±0.05 band."""

COMMAND = "python benchmarks/eval_sentiment.py --newsmtsc ../shared/newsmtsc --out data/validation/sentiment_newsmtsc.csv"
METRICS = ("spearman", "macro_f1", "accuracy")


def scores(texts: list[str]) -> dict[str, pd.DataFrame]:
    """tone / tone_label (as scored and masked) and n_masked per scorer, the ensemble last."""
    out = {}
    for name in se.SCORERS:
        out[name] = se.score_texts(texts, scorer=name)
    v, a = out["vader"], out["afinn"]
    ens = pd.DataFrame({"n_masked": v["n_masked"]})
    for sfx in ("", "_masked"):
        t = ((v[f"tone{sfx}"] + a[f"tone{sfx}"]) / 2).round(4)
        ens[f"tone{sfx}"] = t
        ens[f"tone_label{sfx}"] = t.map(se.vader_label)
    out[ENSEMBLE] = ens
    return out


def test_sets(folder: Path) -> list[tuple[str, pd.DataFrame]]:
    """(name, sentences) for each test file and its article-disjoint part, in report order."""
    in_train = set(read_newsmtsc(folder / "train.jsonl")["article_id"])
    out = []
    for split in SPLITS:
        data = read_newsmtsc(folder / f"{split}.jsonl")
        out.append((split, data))
        out.append((split + DISJOINT, data.loc[~data["article_id"].isin(in_train)].reset_index(drop=True)))
    return out


def train_rows(folder: Path) -> list[dict]:
    """Scorer choice on train.jsonl: the model's out-of-fold Spearman (folds by article, from its file), VADER's and AFINN's on train."""
    train = read_newsmtsc(folder / "train.jsonl")
    rows = []
    cv = load_model().metadata.get("cross_validation", {})
    best = load_model().metadata.get("lambda")
    for r in cv.get("results", []):
        if r.get("lambda") == best and "spearman_out_of_fold" in r:
            rows.append({"split": "train_cv", "scorer": "newsmtsc-linear", "offered": True, "kind": "scored", "subset": "all"})
            rows[-1].update({"n": len(train), "spearman": r["spearman_out_of_fold"]})
    by_scorer = scores(train["text"].tolist())
    for name in ("vader", "afinn", ENSEMBLE):
        s = by_scorer[name]
        r = agreement(s["tone"], s["tone_label"], train["label"].tolist(), n_boot=0)
        rows.append({"split": "train_cv", "scorer": name, "offered": name in se.SCORERS, "kind": "scored", "subset": "all", **r})
    return rows


def evaluate(folder: Path, n_boot: int = 2000) -> pd.DataFrame:
    """The validation table for the NewsMTSC files in ``folder``."""
    rows = train_rows(folder)
    for split, data in test_sets(folder):
        gold = data["label"].tolist()
        by_scorer = scores(data["text"].tolist())
        topic = (by_scorer["vader"]["n_masked"] > 0).to_numpy()
        gold_topic = [g for g, t in zip(gold, topic) if t]
        vader = by_scorer["vader"]
        for name, s in by_scorer.items():
            base = {"split": split, "scorer": name, "offered": name in se.SCORERS}
            for kind, sfx in (("scored", ""), ("masked", "_masked")):
                rows.append(
                    {**base, "kind": kind, "subset": "all", **agreement(s[f"tone{sfx}"], s[f"tone_label{sfx}"], gold, n_boot=n_boot)}
                )
            st = s.loc[topic]
            for kind, sfx in (("scored", ""), ("masked", "_masked")):
                rows.append(
                    {
                        **base,
                        "kind": kind,
                        "subset": "topic",
                        **agreement(st[f"tone{sfx}"], st[f"tone_label{sfx}"], gold_topic, n_boot=n_boot),
                    }
                )
            diff = paired_difference(st["tone_masked"], st["tone_label_masked"], st["tone"], st["tone_label"], gold_topic, n_boot=n_boot)
            rows.append({**base, "kind": "masked_minus_scored", "subset": "topic", **diff})
            if name != "vader":
                diff = paired_difference(s["tone"], s["tone_label"], vader["tone"], vader["tone_label"], gold, n_boot=n_boot)
                rows.append({**base, "kind": "minus_vader", "subset": "all", **diff})
    cols = ["split", "scorer", "offered", "kind", "subset", "n"] + [f"{m}{s}" for m in METRICS for s in ("", "_low", "_high")]
    out = pd.DataFrame(rows, columns=cols)
    num = [c for c in cols[6:]]
    out[num] = out[num].astype(float).round(4) + 0.0
    return out


def length_table(folder: Path) -> pd.DataFrame:
    """:func:`length_drift` of every scorer on the devtest_rw sentences (written 3 times; joined in seeded pairs), as written and closed."""
    texts = read_newsmtsc(folder / "devtest_rw.jsonl")["text"].tolist()
    rows = [{"closed": close, **length_drift(texts, name, close=close)} for close in (False, True) for name in se.SCORERS]
    return pd.DataFrame(rows)


def write_csv(table: pd.DataFrame, path: Path) -> None:
    """The table as CSV with a comment header (command, data, caveat), written atomically."""
    header = [
        "# Sentiment scorers vs human judgements of news sentences (NewsMTSC test files; Hamborg & Donnay 2021, MIT).",
        f"# Made by: {COMMAND}",
        "# Splits: devtest_rw, devtest_mt, and *_disjoint = only sentences whose article has no sentence in train.jsonl;",
        "#   train_cv = scorer choice on train.jsonl (newsmtsc-linear: out-of-fold Spearman, folds grouped by article).",
        "# The model's neutral band was fitted on train folds and devtest_mt: its devtest_mt label figures are not held out.",
        "# Rows: split x scorer x kind (scored, masked, masked_minus_scored = paired difference on sentences with a topic term,",
        "#   minus_vader = paired difference from VADER as scored) x subset (all, topic = sentences with a topic term).",
        "# Spearman: tone vs label (negative < neutral < positive); macro_f1, accuracy: tone_label vs label.",
        "# Intervals: percentile bootstrap 95%, 2000 resamples of sentences, seed 20250218 (the same resamples for every scorer).",
        "# Sentences whose targets were judged differently are left out. vader+afinn: tried, not offered.",
        f"# Caveat: {CAVEAT}.",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text("\n".join(header) + "\n" + table.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--newsmtsc", required=True, help="folder with NewsMTSC devtest_rw.jsonl and devtest_mt.jsonl")
    ap.add_argument("--out", help="write the table to this CSV (e.g. data/validation/sentiment_newsmtsc.csv)")
    ap.add_argument("--n-boot", type=int, default=2000)
    args = ap.parse_args(argv)
    folder = Path(args.newsmtsc)
    if not folder.is_dir():
        print(f"skipped: NewsMTSC folder {folder} not found")
        return 0
    try:
        table = evaluate(folder, n_boot=args.n_boot)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with pd.option_context("display.width", 200, "display.max_rows", 500, "display.max_columns", 20):
        show = table.copy()
        for m in METRICS:
            show[m] = [
                f"{e:.3f} [{lo:.3f}, {hi:.3f}]" if not np.isnan(e) else "-"
                for e, lo, hi in zip(show[m], show[f"{m}_low"], show[f"{m}_high"])
            ]
        print(show[["split", "scorer", "kind", "subset", "n", *METRICS]].to_string(index=False))
    print(f"Caveat: {CAVEAT}.")
    length = length_table(folder)
    print("Tone vs length on devtest_rw sentences (|change| when written 3 times; |joined - word-weighted mean| over pairs):")
    print(length.to_string(index=False))
    if args.out:
        write_csv(table, Path(args.out))
        out = Path(args.out).with_name("sentiment_length.csv")
        tmp = out.with_name(out.name + ".tmp")
        head = f"# Tone vs length per scorer on NewsMTSC devtest_rw sentences. Made by: {COMMAND}\n"
        tmp.write_text(head + length.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
        os.replace(tmp, out)
        print(f"wrote {args.out} and {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
