"""Fit the generic codebook's document-level calibration on the Narrative Frames Corpus development half.

For each frame: an L2-penalised logistic regression of the people's coding on log(1 + codebook patterns
matched, each counted up to the frame's ``repeats`` times: 1, different patterns, unless the codebook says
otherwise) in the document, in its first 400 words and in its first 3 sentences, and log(different words),
its cut-off set so the share of documents flagged equals the share coded
(:func:`analysis.measures.document_frames.fit_frame`). Deterministic (L-BFGS from zeros,
weights rounded to 6 decimals, no dates): the same data give a byte-identical file.

Usage: python benchmarks/fit_frames.py --nfc ../shared/narrative-frames
           [--out analysis/resources/frames_generic_calibration.yaml]
Exit 2 with a one-line message when the data folder or a file is missing or unreadable.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from nfc import FRAMES, read_nfc

from analysis.core.errors import InputError
from analysis.measures.codebook import load_frames
from analysis.measures.document_frames import FEATURES, LEAD_SENTENCES, LEAD_WORDS, fit_calibration, frame_evidence

ROOT = Path(__file__).resolve().parents[1]
COMMAND = "python benchmarks/fit_frames.py --nfc ../shared/narrative-frames"

HEADER = """\
# Document-level calibration of the generic frame codebook (frames_generic.yaml).
#
# Source: fitted by `{command}` on the development half (214 articles) of the Narrative
# Frames Corpus (Frermann, Li, Khanehzar & Mikolajczak, ACL 2023; MIT licence), read by path.
# A document uses a frame when
#   intercept + b_patterns * log(1 + patterns) + b_lead_words * log(1 + patterns in the first {lead_words} words)
#   + b_lead_sentences * log(1 + patterns in the first {lead_sentences} sentences) + b_types * log(different words) >= 0
# (patterns = patterns of the frame matched, each counted up to the frame's `repeats` in
# frames_generic.yaml, 1 = different patterns; analysis.measures.document_frames):
# an L2-penalised logistic regression of the people's coding on the four features, its
# cut-off set so the share flagged on the development half equals the share people coded.
# Validation: benchmarks/eval_frames.py, docs/methods.md.
# Do not edit by hand; refit after changing frames_generic.yaml.
"""


def dumps(weights: dict, n_docs: int) -> str:
    head = HEADER.format(command=COMMAND, lead_words=LEAD_WORDS, lead_sentences=LEAD_SENTENCES)
    lines = [head, f"n_documents: {n_docs}", "frames:"]
    for fid, w in weights.items():
        parts = [f"intercept: {w[0]:.6f}", *(f"b_{f}: {v:.6f}" for f, v in zip(FEATURES, w[1:]))]
        lines.append(f"  {fid}: {{{', '.join(parts)}}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nfc", required=True, help="the Narrative Frames Corpus development folder (text/, labels.csv)")
    ap.add_argument("--out", default=str(ROOT / "analysis" / "resources" / "frames_generic_calibration.yaml"))
    args = ap.parse_args(argv)
    try:
        texts, labels = read_nfc(args.nfc)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    frames = load_frames("generic")
    evidence = frame_evidence(texts, frames)
    weights = fit_calibration(evidence, labels, list(FRAMES))
    out = Path(args.out)
    tmp = out.with_suffix(".tmp")
    tmp.write_text(dumps(weights, len(texts)), encoding="utf-8")
    os.replace(tmp, out)
    print(f"wrote {out} ({len(texts)} documents)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
