"""Fit the ``newsmtsc-linear`` tone model on NewsMTSC train.jsonl and write its coefficients (JSON).

Reproducible: the same data and package versions give a byte-identical file
(fixed folds, L-BFGS from zeros, coefficients rounded to 6 significant digits, no
dates). Regularisation is chosen by 5-fold cross-validation on train.jsonl only
(lowest mean log-loss); the test files are never read here.

Usage: python benchmarks/fit_tone_model.py --newsmtsc ../shared/newsmtsc
           [--out analysis/resources/tone_newsmtsc.json]
Exit 2 with a one-line message when the data folder or file is missing or unreadable.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

from analysis.core.errors import InputError
from analysis.measures import tonemodel as tm
from analysis.measures.sentiment import _scorers
from analysis.measures.sentiment_validation import LABELS, read_newsmtsc

ROOT = Path(__file__).resolve().parents[1]
LAMBDAS = (1e-3, 3e-3, 1e-2)
"""L2 penalties tried (per mean cross-entropy); the lowest cross-validated log-loss wins."""
MIN_COUNT = 2
N_FOLDS = 5
COMMAND = "python benchmarks/fit_tone_model.py --newsmtsc ../shared/newsmtsc"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--newsmtsc", required=True, help="folder with NewsMTSC train.jsonl")
    ap.add_argument("--out", default=str(ROOT / "analysis" / "resources" / tm.MODEL_FILE))
    args = ap.parse_args(argv)
    try:
        train = read_newsmtsc(Path(args.newsmtsc) / "train.jsonl")
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    texts = train["text"].tolist()
    y = np.array([LABELS.index(v) for v in train["label"]])
    vader, afinn = _scorers()
    compounds = [vader(t) for t in texts]
    sums = [afinn(t) for t in texts]
    names = tm.name_like_words(texts)
    X, L, vocab = tm.design(texts, compounds, sums, vader.lexicon, afinn.scores, min_count=MIN_COUNT, exclude=names)
    print(f"{len(texts)} training sentences, {len(vocab)} word/pair features ({len(names)} name-like words left out)")
    fold = tm.folds(y, k=N_FOLDS)
    cv = []
    for lam in LAMBDAS:
        losses, f1s = [], []
        for k in range(N_FOLDS):
            tr, te = fold != k, fold == k
            mean, scale = tm.standardise(L[tr])
            W, b = tm.fit(X[tr], (L[tr] - mean) / scale, y[tr], lam)
            P = tm.probabilities(W, b, X[te], (L[te] - mean) / scale)
            losses.append(float(-np.mean(np.log(P[np.arange(te.sum()), y[te]]))))
            f1s.append(tm.macro_f1(y[te], P.argmax(axis=1)))
        cv.append({"lambda": lam, "log_loss": round(float(np.mean(losses)), 4), "macro_f1": round(float(np.mean(f1s)), 4)})
        print(f"lambda {lam:g}: cross-validated log-loss {cv[-1]['log_loss']:.4f}, macro-F1 {cv[-1]['macro_f1']:.4f}", flush=True)
    best = min(cv, key=lambda r: (r["log_loss"], r["lambda"]))["lambda"]
    mean, scale = tm.standardise(L)
    W, b = tm.fit(X, (L - mean) / scale, y, best)
    metadata = {
        "name": "newsmtsc-linear",
        "training_data": "NewsMTSC train.jsonl (Hamborg & Donnay 2021, EACL; github.com/fhamborg/NewsMTSC commit b9d9b79; MIT): "
        f"{len(texts)} sentences whose targets share one label",
        "license": "MIT (coefficients derived from NewsMTSC, MIT)",
        "command": COMMAND,
        "model": "multinomial logistic regression, L2 penalty lambda on word/pair weights (intercept unpenalised), "
        "mean cross-entropy, scipy L-BFGS-B from zeros; tone = P(positive) - P(negative)",
        "features": f"word and word-pair indicators seen in >= {MIN_COUNT} training sentences, negation scopes marked not_<word>, "
        "features containing a name-like word (capitalised in >= half its non-initial occurrences) left out; "
        "plus the standardised lexicon features",
        "lambda": best,
        "cross_validation": {"folds": N_FOLDS, "seed": 20250218, "criterion": "lowest mean log-loss", "results": cv},
        "caveat": "labels are the sentiment toward a named person (target-dependent), not whole-sentence tone",
    }
    text = tm.dumps(tm.to_dict(vocab, W, b, mean, scale, metadata))
    out = Path(args.out)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, out)
    print(f"lambda {best:g} chosen; wrote {out} ({len(text):,} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
