"""Document-level frame presence, calibrated against people's coding: does a whole document use a frame?

A dictionary hit marks a place to read; it is not a verdict that the document uses the
frame (one stray "cost" does not make an article economic). Here the evidence of a
frame in a document is how many *different* patterns of the frame match in it (ten
different markers of conflict say more than one word repeated ten times) and the
document's length, and a document uses the frame when

    intercept + b_patterns * log(1 + patterns) + b_words * log(words) >= 0

with one ``(intercept, b_patterns, b_words)`` per frame: a logistic regression of people's
coding on the two features, its cut-off moved so that the share of development documents
flagged equals the share people coded (so group shares are not inflated or deflated).
The weights are data, ``resources/frames_generic_calibration.yaml``, refitted by
``benchmarks/fit_frames.py`` on the development half of the Narrative Frames Corpus;
validation figures in docs/methods.md. A codebook without a calibration file (the
diplomacy codebook) falls back to "at least one hit", which is what its validation
measured.

>>> story = ("Critics attacked the plan and accused the government of lying. "
...     "Opponents vowed to fight it in court, and the two sides clashed again. ") * 4
>>> t = document_frames({"a": story, "b": "The weather was mild."})
>>> t.loc["a"].to_dict(), int(t.loc["b"].sum())
({'conflict': 1, 'economic': 0, 'human_interest': 0, 'morality': 0, 'resolution': 0}, 0)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.resources import read_yaml, resource_path
from ..core.text import count_words
from .codebook import Frame, codebook_file, load_frames
from .frame_matching import frame_hits

__all__ = [
    "CALIBRATIONS",
    "frame_evidence",
    "load_calibration",
    "decide",
    "document_frames",
    "fit_frame",
    "fit_calibration",
]

#: Calibration resource of each codebook that has one.
CALIBRATIONS = {"frames_generic.yaml": "frames_generic_calibration.yaml"}


def frame_evidence(texts: Mapping[str, str], frames: Sequence[Frame]) -> pd.DataFrame:
    """Different patterns of every frame matched in every document, and the document's words: index doc_id, columns
    ``n_words`` and one per frame id.

    >>> e = frame_evidence({"d": "Costs rose, costs fell and the economy shrank."}, load_frames("generic"))
    >>> int(e.loc["d", "economic"]), int(e.loc["d", "n_words"])
    (2, 8)
    """
    ids = [str(k) for k in texts]
    bodies = {str(k): v for k, v in texts.items()}
    units = pd.DataFrame({"doc_id": ids, "unit": "body", "start": 0, "text": [bodies[i] for i in ids]})
    hits = frame_hits(units, "unit", frames=frames, bodies=bodies)
    fids = [f.id for f in frames]
    counts = hits.groupby(["doc_id", "frame_id"])["pattern"].nunique().unstack(fill_value=0) if len(hits) else pd.DataFrame()
    out = counts.reindex(index=ids, columns=fids, fill_value=0).fillna(0).astype("int64")
    out.insert(0, "n_words", [count_words(bodies[i]) if isinstance(bodies[i], str) else 0 for i in ids])
    out.index.name = "doc_id"
    return out


def load_calibration(codebook: str | None = None) -> dict[str, tuple[float, float, float]] | None:
    """``{frame_id: (intercept, b_patterns, b_words)}`` of a codebook's calibration file, or None when it has none.

    >>> sorted(load_calibration("generic"))
    ['conflict', 'economic', 'human_interest', 'morality', 'resolution']
    >>> load_calibration("diplomacy") is None
    True
    """
    name = CALIBRATIONS.get(codebook_file(codebook))
    if name is None or not resource_path(name).is_file():
        return None
    data = read_yaml(name)
    try:
        return {str(k): (float(v["intercept"]), float(v["b_patterns"]), float(v["b_words"])) for k, v in data["frames"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        raise InputError(resource_path(name), "expected frames: {frame_id: {intercept, b_patterns, b_words}}") from None


def decide(evidence: pd.DataFrame, weights: Mapping[str, tuple[float, float, float]] | None, frame_ids: Sequence[str]) -> pd.DataFrame:
    """0/1 presence per document and frame from :func:`frame_evidence` and calibration ``weights`` (None: at least one hit).

    For the generic codebook the shipped weights make a short news story (about 500 words)
    need several different markers of a frame, a long one a few more.

    >>> e = pd.DataFrame({"n_words": [100, 100], "x": [0, 3]}, index=["a", "b"])
    >>> decide(e, {"x": (-2.0, 2.0, 0.0)}, ["x"])["x"].tolist()
    [0, 1]
    """
    out = pd.DataFrame(index=evidence.index)
    logw = np.log(evidence["n_words"].clip(lower=1).to_numpy(dtype=float))
    for fid in frame_ids:
        h = evidence[fid].to_numpy(dtype=float)
        if weights is None or fid not in weights:
            out[fid] = (h >= 1).astype("int64")
        else:
            a, bh, bw = weights[fid]
            out[fid] = ((a + bh * np.log1p(h) + bw * logw) >= 0).astype("int64")
    return out


def document_frames(texts: Mapping[str, str], codebook: str | None = "generic") -> pd.DataFrame:
    """Whether each document uses each frame of ``codebook``: a DataFrame indexed by doc_id, one 0/1 column per frame id.

    ``texts`` maps doc_id to the document body. ``codebook`` is ``generic`` (calibrated, see
    the module docstring), ``diplomacy`` or a path to a YAML codebook (at least one hit,
    unless a calibration file is shipped for it).

    >>> document_frames({"x": "The weather was mild."}).loc["x"].tolist()
    [0, 0, 0, 0, 0]
    """
    frames = load_frames(codebook)
    evidence = frame_evidence(texts, frames)
    return decide(evidence, load_calibration(codebook), [f.id for f in frames])


# --------------------------------------------------------------------------- fitting


def fit_frame(patterns: Sequence[float], words: Sequence[float], coded: Sequence[int], l2: float = 1.0) -> tuple[float, float, float]:
    """Weights ``(intercept, b_patterns, b_words)`` for one frame: an L2-penalised logistic regression of the coding on
    ``log(1 + patterns)`` and ``log(words)``, then the intercept moved so that the share flagged equals the share coded.

    >>> import math
    >>> w = fit_frame([0, 0, 1, 4, 6, 9], [100] * 6, [0, 0, 0, 1, 1, 1])
    >>> [int(w[0] + w[1] * math.log1p(h) + w[2] * math.log(100) >= 0) for h in (0, 1, 4, 9)]
    [0, 0, 1, 1]
    """
    from scipy.optimize import minimize

    y = np.asarray(coded, dtype=float)
    X = np.column_stack(
        [np.ones(len(y)), np.log1p(np.asarray(patterns, dtype=float)), np.log(np.clip(np.asarray(words, dtype=float), 1, None))]
    )
    mu, sd = X[:, 1:].mean(axis=0), X[:, 1:].std(axis=0)
    sd[sd == 0] = 1.0
    Z = X.copy()
    Z[:, 1:] = (X[:, 1:] - mu) / sd

    def loss(w):
        z = Z @ w
        p = 1.0 / (1.0 + np.exp(-z))
        return float(np.sum(np.logaddexp(0, z) - y * z) + l2 * np.sum(w[1:] ** 2)), Z.T @ (p - y) + np.r_[0.0, 2 * l2 * w[1:]]

    w = minimize(loss, np.zeros(3), jac=True, method="L-BFGS-B").x
    b = w[1:] / sd
    a = w[0] - float(np.sum(b * mu))
    score = X[:, 1:] @ b
    k = int(round(y.sum()))  # flag as many documents as people coded: the k-th highest score is the cut-off
    if 0 < k < len(y):
        order = np.sort(score)[::-1]
        cut = (order[k - 1] + order[k]) / 2 if order[k - 1] > order[k] else order[k - 1]
        a = -float(cut)
    return float(round(a, 6)), float(round(b[0], 6)), float(round(b[1], 6))


def fit_calibration(evidence: pd.DataFrame, labels: pd.DataFrame, frame_ids: Sequence[str]) -> dict[str, tuple[float, float, float]]:
    """:func:`fit_frame` for every frame: ``evidence`` from :func:`frame_evidence`, ``labels`` 0/1 by doc_id (same index).

    >>> e = pd.DataFrame({"n_words": [100] * 4, "x": [0, 1, 5, 8]}, index=list("abcd"))
    >>> w = fit_calibration(e, pd.DataFrame({"x": [0, 0, 1, 1]}, index=list("abcd")), ["x"])
    >>> decide(e, w, ["x"])["x"].tolist()
    [0, 0, 1, 1]
    """
    labels = labels.loc[evidence.index]
    return {fid: fit_frame(evidence[fid].tolist(), evidence["n_words"].tolist(), labels[fid].tolist()) for fid in frame_ids}
