"""Read the Narrative Frames Corpus development folder (text/*.txt with front matter, labels.csv) by path.

Shared by ``fit_frames.py`` and ``eval_frames.py``; never copies the texts anywhere.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from analysis.core.corpus import list_documents, read_document
from analysis.core.errors import InputError

FRAMES = ("conflict", "economic", "human_interest", "morality", "resolution")
LEFT = ("left_bias", "left_center_bias")
RIGHT = ("right_bias", "questionable_source")


def read_nfc(folder: str | Path) -> tuple[dict[str, str], pd.DataFrame]:
    """``({doc_id: body}, labels)``: labels indexed by doc_id with ``leaning`` and one 0/1 column per frame."""
    folder = Path(folder)
    labels_path = folder / "labels.csv"
    if not labels_path.is_file():
        raise InputError(labels_path, "labels file not found (expected the Narrative Frames Corpus folder)")
    with labels_path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    missing = [c for c in ("doc_id", "leaning", *FRAMES) if rows and c not in rows[0]]
    if not rows or missing:
        raise InputError(labels_path, f"expected columns doc_id, leaning, {', '.join(FRAMES)}")
    labels = pd.DataFrame(rows).set_index("doc_id")
    for f in FRAMES:
        labels[f] = labels[f].astype(int)
    texts = {}
    for p in list_documents(folder / "text"):
        d = read_document(p)
        texts[d["doc_id"]] = d["body"]
    ids = [i for i in labels.index if i in texts]
    if not ids:
        raise InputError(folder / "text", "no document matches labels.csv")
    return {i: texts[i] for i in ids}, labels.loc[ids]
