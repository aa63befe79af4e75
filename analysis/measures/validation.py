"""Validation round-trip for the frame codebook: sample sentences, hand-code them, measure agreement.

1. :func:`export_coding_sample` writes a seeded random sample of sentences to a
   CSV with columns ``doc_id, sent_id, text, coder``, one EMPTY column per frame
   of the codebook, and ``notes``.
2. A coder fills in ``coder`` (their name; rows without a coder count as not
   coded) and marks each frame column ``1`` when the sentence carries the frame
   (blank or ``0`` = absent; ``x``/``yes``/``true`` are read as 1, ``no``/``false``
   as 0). Several coders: one block of rows per coder in the same file.
3. :func:`read_coded` reads it back (table ``frame_coding``), :func:`codebook_coding`
   codes the same sentences with the dictionary, and :func:`frame_agreement`
   reports Krippendorff's alpha (nominal, ``krippendorff`` package) per frame.

alpha >= 0.8 is the usual bar for reliable coding, >= 0.667 for tentative
conclusions (Krippendorff 2004) -- between two or more *independent* coders; the
``reading`` column says "reliable" only then (a codebook's author coding its own sample
checks agreement, not reliability). A frame nobody marks has no variation and an
undefined alpha.

>>> import pandas as pd
>>> sents = pd.DataFrame({"doc_id": "d", "para_id": 0, "sent_id": [0, 1, 2],
...     "start": [0, 20, 40], "end": [10, 30, 50], "text": ["Peace now.", "Trade grows.", "It rained."]})
>>> sheet = coding_sheet(sents, n=2, seed=1)
>>> sheet[["doc_id", "sent_id", "coder", "economic"]].values.tolist()
[['d', 0, '', ''], ['d', 1, '', '']]
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.resources import PACKAGE_DIR
from ..core.schema import conform
from ..core.stats import SEED
from .framing import CODEBOOKS, Frame, frame_hits, load_frames

__all__ = [
    "BASE_COLUMNS",
    "NOTES",
    "CODEBOOK_CODER",
    "coded_for_codebook",
    "coding_sheet",
    "export_coding_sample",
    "read_coded",
    "codebook_coding",
    "frame_agreement",
    "coding_disagreements",
]

BASE_COLUMNS = ["doc_id", "sent_id", "text", "coder"]
NOTES = "notes"
CODEBOOK_CODER = "codebook"
_TRUE = {"1", "x", "yes", "y", "true"}
_FALSE = {"", "0", "no", "n", "false"}


def coding_sheet(sentences: pd.DataFrame, n: int = 40, seed: int | None = None, frames: Sequence[Frame] | None = None) -> pd.DataFrame:
    """A seeded random sample of ``n`` sentences (all when fewer) as a blank coding sheet, in document order.

    Columns: ``doc_id, sent_id, text, coder``, one empty column per frame id, ``notes``.
    """
    frames = tuple(frames) if frames is not None else load_frames()
    rng = np.random.default_rng(SEED if seed is None else seed)
    k = min(int(n), len(sentences))
    pick = np.sort(rng.choice(len(sentences), size=k, replace=False)) if k else np.array([], dtype=int)
    s = sentences.iloc[pick].sort_values(["doc_id", "sent_id"], kind="stable")
    sheet = pd.DataFrame(
        {
            "doc_id": s["doc_id"].astype(str).tolist(),
            "sent_id": s["sent_id"].astype("int64").tolist(),
            "text": [" ".join(str(t).split()) for t in s["text"]],
            "coder": "",
        }
    )
    for f in frames:
        sheet[f.id] = ""
    sheet[NOTES] = ""
    return sheet


def export_coding_sample(
    sentences: pd.DataFrame,
    path: str | Path,
    n: int = 40,
    seed: int | None = None,
    frames: Sequence[Frame] | None = None,
) -> Path:
    """Write :func:`coding_sheet` to ``path`` as UTF-8 CSV (``\\n`` line ends) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    coding_sheet(sentences, n=n, seed=seed, frames=frames).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path


def read_coded(path: str | Path, frames: Sequence[Frame] | None = None) -> pd.DataFrame:
    """Read a filled-in coding sheet into the long table ``frame_coding`` (rows without a coder dropped).

    Only frame columns present in the file are read (a frame added to the
    codebook after the file was made is simply not coded there). Raises
    :class:`InputError` for a missing base column, an unknown column or a value
    that is not 1/0/blank/x/yes/no/true/false.
    """
    path = Path(path)
    frames = tuple(frames) if frames is not None else load_frames()
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as e:
        raise InputError(path, f"cannot read coding sheet: {e}") from None
    missing = [c for c in ("doc_id", "sent_id", "coder") if c not in raw.columns]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}")
    known = {f.id for f in frames}
    unknown = [c for c in raw.columns if c not in known and c not in BASE_COLUMNS and c != NOTES]
    if unknown:
        raise InputError(path, f"unknown column(s) {', '.join(unknown)}: not frames of the codebook")
    fcols = [f.id for f in frames if f.id in raw.columns]
    rows = []
    for i, r in enumerate(raw.itertuples(index=False), start=2):
        r = r._asdict()
        coder = r["coder"].strip()
        if not coder:
            continue
        try:
            sent_id = int(r["sent_id"])
        except ValueError:
            raise InputError(path, f"line {i}: sent_id {r['sent_id']!r} is not an integer") from None
        for fid in fcols:
            v = r[fid].strip().lower()
            if v in _TRUE:
                coded = True
            elif v in _FALSE:
                coded = False
            else:
                raise InputError(path, f"line {i}: column {fid}: {r[fid]!r} is not 1, 0 or blank")
            rows.append((r["doc_id"].strip(), sent_id, coder, fid, coded))
    cols = ["doc_id", "sent_id", "coder", "frame_id", "coded"]
    return conform(pd.DataFrame(rows, columns=cols) if rows else None, "frame_coding")


def coded_for_codebook(path: str | Path, frames: Sequence[Frame] | None = None) -> pd.DataFrame:
    """:func:`read_coded` when the sheet codes frames of ``frames`` (default: the codebook in use); an empty
    ``frame_coding`` table when it was coded for another shipped codebook (a column that is a frame of that one and
    not of this one), so a run with
    another codebook skips the shipped sheet instead of failing.
    """
    frames = tuple(frames) if frames is not None else load_frames()
    path = Path(path)
    try:
        header = pd.read_csv(path, dtype=str, nrows=0, encoding="utf-8").columns
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as e:
        raise InputError(path, f"cannot read coding sheet: {e}") from None
    cols = {c for c in header if c not in BASE_COLUMNS and c != NOTES}
    shipped = (str(PACKAGE_DIR / file) for file in CODEBOOKS.values())  # the shipped files, not a study's overrides
    if cols - {f.id for f in frames} and any(cols <= {f.id for f in load_frames(f)} for f in shipped):
        return conform(None, "frame_coding")  # coded for another shipped codebook
    return read_coded(path, frames)


def codebook_coding(
    sentences: pd.DataFrame,
    frames: Sequence[Frame] | None = None,
    hits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The dictionary's coding of ``sentences`` as a ``frame_coding`` table (coder ``"codebook"``).

    ``hits`` may be a precomputed ``frame_hits`` table of these sentences (``unit_col == "sent_id"``).

    >>> import pandas as pd
    >>> s = pd.DataFrame({"doc_id": "d", "sent_id": [0], "start": [0], "text": ["Peace now."]})
    >>> c = codebook_coding(s)
    >>> c[c.coded][["sent_id", "coder", "frame_id"]].values.tolist()
    [[0, 'codebook', 'peace_negotiation']]
    """
    frames = tuple(frames) if frames is not None else load_frames()
    if hits is None:
        hits = frame_hits(sentences, "sent_id", frames=frames)
    ids = [f.id for f in frames]
    docs = sentences["doc_id"].astype(str).tolist()
    sent_ids = [int(s) for s in sentences["sent_id"]]
    if not (docs and ids):
        return conform(None, "frame_coding")
    # one row per sentence and frame (sentence-major), coded where the codebook hit the sentence
    row_of = {(d, str(s)): i for i, (d, s) in enumerate(zip(docs, sent_ids))}
    col_of = {f: j for j, f in enumerate(ids)}
    coded = np.zeros((len(docs), len(ids)), dtype=bool)
    for d, u, f in zip(hits["doc_id"].astype(str), hits["unit_id"].astype(str), hits["frame_id"]):
        i, j = row_of.get((d, u)), col_of.get(f)
        if i is not None and j is not None:
            coded[i, j] = True
    out = pd.DataFrame(
        {
            "doc_id": np.repeat(np.array(docs, dtype=object), len(ids)),
            "sent_id": np.repeat(np.array(sent_ids, dtype=np.int64), len(ids)),
            "coder": CODEBOOK_CODER,
            "frame_id": np.tile(np.array(ids, dtype=object), len(docs)),
            "coded": coded.ravel(),
        }
    )
    return conform(out, "frame_coding")


def _reading(alpha: float, n_hand_coders: int = 1, independent: bool = False) -> str:
    """The word for an alpha: a reliability word only for two or more independent hand coders.

    >>> _reading(0.9), _reading(0.9, 2, independent=True), _reading(0.5, 2, independent=True), _reading(float("nan"))
    ('one coder: agreement with the codebook, not reliability', 'reliable', 'unreliable', 'undefined')
    >>> _reading(0.9, 2)
    'coders not shown independent: agreement, not reliability'
    """
    if alpha != alpha:
        return "undefined"
    if n_hand_coders < 2:
        return "one coder: agreement with the codebook, not reliability"
    if not independent:
        return "coders not shown independent: agreement, not reliability"
    return "reliable" if alpha >= 0.8 else "tentative" if alpha >= 0.667 else "unreliable"


def frame_agreement(
    hand: pd.DataFrame,
    codebook: pd.DataFrame,
    frames: Sequence[Frame] | None = None,
    independent: bool = False,
) -> pd.DataFrame:
    """Agreement per frame between hand coding and the codebook (table ``frame_agreement``).

    ``reading`` uses Krippendorff's words (reliable, tentative, unreliable) only when at
    least two hand coders coded the sample and the caller declares them independent
    (``independent=True``: blind to the dictionary's hits and to each other); otherwise it
    says the number is agreement, not reliability. ``coders`` says who coded.

    Units are the sentences a hand coder coded that are also in ``codebook`` (sentences
    of other corpora are ignored); the raters are every hand coder plus the codebook. ``alpha`` is Krippendorff's alpha with the nominal metric
    (``krippendorff.alpha``); it is NaN ("undefined") when all values are the
    same, e.g. a frame neither the coder nor the codebook ever marks.

    >>> import pandas as pd
    >>> h = pd.DataFrame({"doc_id": "d", "sent_id": [0, 1, 2, 3], "coder": "ann", "frame_id": "economic",
    ...     "coded": [True, False, True, False]})
    >>> c = h.assign(coder="codebook", coded=[True, False, False, False])
    >>> frame_agreement(h, c)[["frame_id", "n_units", "n_hand", "n_codebook", "n_both", "percent_agreement", "alpha"]].round(3).values.tolist()
    [['economic', 4, 2, 1, 1, 0.75, 0.533]]
    """
    frames = tuple(frames) if frames is not None else load_frames()
    labels = {f.id: f.label for f in frames}
    rows = []
    for fid in [f.id for f in frames if f.id in set(hand["frame_id"])]:
        c = codebook[codebook["frame_id"] == fid]
        cmap = {(d, int(s)): bool(v) for d, s, v in zip(c["doc_id"], c["sent_id"], c["coded"])}
        known = np.array([(d, int(s)) in cmap for d, s in zip(hand["doc_id"], hand["sent_id"])], dtype=bool)
        h = hand[(hand["frame_id"] == fid).to_numpy() & known]
        units = sorted(set(zip(h["doc_id"], h["sent_id"].astype(int))))
        coders = sorted(set(h["coder"]))
        matrix = np.full((len(coders) + 1, len(units)), np.nan)
        col = {u: j for j, u in enumerate(units)}
        for d, s, who, v in zip(h["doc_id"], h["sent_id"].astype(int), h["coder"], h["coded"]):
            matrix[coders.index(who), col[(d, s)]] = float(v)
        for u, j in col.items():
            if u in cmap:
                matrix[-1, j] = float(cmap[u])
        try:
            alpha = float(krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal")) if units else float("nan")
        except (ValueError, ZeroDivisionError):  # one value only (no variation) or nothing pairable: undefined
            alpha = float("nan")
        agree, pairs = 0, 0
        for j in range(len(units)):
            vals = [v for v in matrix[:, j] if v == v]
            for x, y in itertools.combinations(vals, 2):
                pairs += 1
                agree += x == y
        hand_m = matrix[:-1]
        any_hand = np.nansum(hand_m, axis=0) > 0
        all_hand = np.array([bool(np.all(col_v[col_v == col_v] == 1)) and bool((col_v == col_v).any()) for col_v in hand_m.T], dtype=bool)
        cb = matrix[-1] == 1
        rows.append(
            {
                "frame_id": fid,
                "label": labels[fid],
                "n_units": len(units),
                "n_coders": len(coders) + 1,
                "n_hand": int(any_hand.sum()),
                "n_codebook": int(cb.sum()),
                "n_both": int((cb & all_hand).sum()),
                "percent_agreement": agree / pairs if pairs else float("nan"),
                "alpha": alpha,
                "reading": _reading(alpha, len(coders), independent),
                "coders": ", ".join(coders) + " (hand); codebook",
            }
        )
    return conform(pd.DataFrame(rows) if rows else None, "frame_agreement")


def coding_disagreements(hand: pd.DataFrame, codebook: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Sentence-frame pairs where a hand coder and the codebook differ: doc_id, sent_id, frame_id, coder, hand, codebook (+ text).

    >>> import pandas as pd
    >>> h = pd.DataFrame({"doc_id": "d", "sent_id": [0, 1], "coder": "ann", "frame_id": "economic", "coded": [True, False]})
    >>> coding_disagreements(h, h.assign(coder="codebook", coded=[False, False])).values.tolist()
    [['d', 0, 'economic', 'ann', True, False]]
    """
    c = codebook.rename(columns={"coded": "codebook"})[["doc_id", "sent_id", "frame_id", "codebook"]]
    m = hand.rename(columns={"coded": "hand"}).merge(c, on=["doc_id", "sent_id", "frame_id"], how="inner")
    m = m[m["hand"] != m["codebook"]]
    cols = ["doc_id", "sent_id", "frame_id", "coder", "hand", "codebook"]
    m = m.loc[:, cols].sort_values(["doc_id", "sent_id", "frame_id", "coder"], kind="stable")
    if sentences is not None:
        m = m.merge(sentences[["doc_id", "sent_id", "text"]], on=["doc_id", "sent_id"], how="left")
    return m.reset_index(drop=True)
