"""Document-level frame presence, calibrated against people's coding: does a whole document use a frame?

A dictionary hit marks a place to read; it is not a verdict that the document uses the
frame (one stray "cost" does not make an article economic). Here the evidence of a
frame in a document is how many *different* patterns of the frame match (ten different
markers of conflict say more than one word repeated ten times; a frame whose codebook
entry sets ``repeats: k`` counts each pattern up to k times, for a frame told by
sustained attention rather than by one marker) in the whole document, in its first :data:`LEAD_WORDS` words and in its first :data:`LEAD_SENTENCES` sentences
(news puts its frame up front), set against the document's vocabulary (its different
words: a long or wordy document matches more patterns by chance). A document uses the
frame when

    intercept + b_patterns * log(1 + patterns) + b_lead_words * log(1 + patterns in the lead words)
              + b_lead_sentences * log(1 + patterns in the lead sentences) + b_types * log(different words) >= 0

with one set of weights per frame: an L2-penalised logistic regression of people's coding
on the four features, its cut-off moved so that the share of development documents
flagged equals the share people coded (so group shares are not inflated or deflated).
The weights are data, ``resources/frames_generic_calibration.yaml``, refitted by
``benchmarks/fit_frames.py`` on the development half of the Narrative Frames Corpus;
validation figures in docs/methods.md. A codebook without a calibration file (the
diplomacy codebook) falls back to "at least one hit", which is what its validation
measured.

>>> story = ("Critics attacked the plan and accused the government of lying about it. "
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
from ..core.text import count_words, paragraph_spans, sentence_spans, word_spans, words
from .codebook import Frame, codebook_file, load_frames
from .frame_matching import frame_hits

__all__ = [
    "CALIBRATIONS",
    "FEATURES",
    "LEAD_WORDS",
    "LEAD_SENTENCES",
    "frame_evidence",
    "load_calibration",
    "decide",
    "document_frames",
    "fit_frame",
    "fit_calibration",
]

#: Calibration resource of each codebook that has one.
CALIBRATIONS = {"frames_generic.yaml": "frames_generic_calibration.yaml"}
#: The lead of a document: its first words, and its first sentences (paragraphs split into sentences).
LEAD_WORDS = 400
LEAD_SENTENCES = 3
#: Weights of a calibrated frame, in the order of :func:`_design`'s columns after the intercept.
FEATURES = ("patterns", "lead_words", "lead_sentences", "types")


def _lead_ends(body: str) -> tuple[int, int]:
    """End offsets of the first LEAD_WORDS words and of the first LEAD_SENTENCES sentences (past the end when shorter)."""
    ws = word_spans(body)
    end_w = ws[LEAD_WORDS - 1][1] if len(ws) >= LEAD_WORDS else len(body) + 1
    starts: list[int] = []
    for a, b in paragraph_spans(body):
        starts += [s for s, _ in sentence_spans(body, a, b)]
        if len(starts) > LEAD_SENTENCES:
            break
    end_s = starts[LEAD_SENTENCES] if len(starts) > LEAD_SENTENCES else len(body) + 1
    return end_w, end_s


def frame_evidence(texts: Mapping[str, str], frames: Sequence[Frame]) -> pd.DataFrame:
    """The evidence of every frame in every document: index doc_id; ``n_words``, ``n_types`` (different lower-case
    words), and per frame id ``F`` the patterns of the frame matched in the document (``F``), in its lead words
    (``F.lead_words``) and in its lead sentences (``F.lead_sentences``), each pattern counted up to the frame's
    ``repeats`` times (1: different patterns).

    >>> text = "Critics mocked it; critics mocked it again. Costs rose, costs fell and the economy shrank."
    >>> e = frame_evidence({"d": text}, load_frames("generic"))  # conflict: repeats 1; economic: repeats 3
    >>> e.loc["d", ["conflict", "economic", "economic.lead_words", "economic.lead_sentences", "n_words", "n_types"]].tolist()
    [2, 3, 3, 3, 15, 11]
    """
    ids = [str(k) for k in texts]
    bodies = {str(k): (v if isinstance(v, str) else "") for k, v in texts.items()}
    units = pd.DataFrame({"doc_id": ids, "unit": "body", "start": 0, "text": [bodies[i] for i in ids]})
    hits = frame_hits(units, "unit", frames=frames, bodies=bodies)
    fids = [f.id for f in frames]
    cols = [c for f in fids for c in (f, f"{f}.lead_words", f"{f}.lead_sentences")]
    if len(hits):
        ends = {i: _lead_ends(bodies[i]) for i in ids}
        starts = hits["start"].to_numpy()
        in_w = starts < hits["doc_id"].map(lambda d: ends[d][0]).to_numpy()
        in_s = starts < hits["doc_id"].map(lambda d: ends[d][1]).to_numpy()
        cap = {f.id: f.repeats for f in frames}
        parts = []
        for suffix, keep in (("", slice(None)), (".lead_words", in_w), (".lead_sentences", in_s)):
            n = hits[keep].groupby(["doc_id", "frame_id", "pattern"]).size()  # matches of each pattern
            n = n.clip(upper=n.index.get_level_values("frame_id").map(cap).to_numpy())  # each counts up to `repeats`
            c = n.groupby(level=["doc_id", "frame_id"]).sum().unstack()
            parts.append(c.rename(columns=lambda f, s=suffix: f"{f}{s}"))
        counts = pd.concat(parts, axis=1)
    else:
        counts = pd.DataFrame()
    out = counts.reindex(index=ids, columns=cols).fillna(0).astype("int64")
    out.insert(0, "n_types", [len({w.lower() for w in words(bodies[i])}) for i in ids])
    out.insert(0, "n_words", [count_words(bodies[i]) for i in ids])
    out.index.name = "doc_id"
    return out


def _design(evidence: pd.DataFrame, fid: str) -> np.ndarray:
    """Feature matrix of frame ``fid`` (columns as :data:`FEATURES`); an evidence column that is missing counts as 0."""

    def col(name: str) -> np.ndarray:
        return evidence[name].to_numpy(dtype=float) if name in evidence.columns else np.zeros(len(evidence))

    types = evidence["n_types"] if "n_types" in evidence.columns else evidence["n_words"]
    return np.column_stack(
        [
            np.log1p(col(fid)),
            np.log1p(col(f"{fid}.lead_words")),
            np.log1p(col(f"{fid}.lead_sentences")),
            np.log(np.clip(types.to_numpy(dtype=float), 1, None)),
        ]
    )


def load_calibration(codebook: str | None = None) -> dict[str, tuple[float, ...]] | None:
    """``{frame_id: (intercept, *weights in FEATURES order)}`` of a codebook's calibration file, or None when it has none.

    >>> w = load_calibration("generic")
    >>> sorted(w), len(w["conflict"])
    (['conflict', 'economic', 'human_interest', 'morality', 'resolution'], 5)
    >>> load_calibration("diplomacy") is None
    True
    """
    name = CALIBRATIONS.get(codebook_file(codebook))
    if name is None or not resource_path(name).is_file():
        return None
    data = read_yaml(name)
    try:
        return {str(k): (float(v["intercept"]), *(float(v[f"b_{f}"]) for f in FEATURES)) for k, v in data["frames"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        keys = ", ".join(["intercept", *(f"b_{f}" for f in FEATURES)])
        raise InputError(resource_path(name), f"expected frames: {{frame_id: {{{keys}}}}}") from None


def decide(evidence: pd.DataFrame, weights: Mapping[str, Sequence[float]] | None, frame_ids: Sequence[str]) -> pd.DataFrame:
    """0/1 presence per document and frame from :func:`frame_evidence` and calibration ``weights`` (None: at least one hit).

    >>> e = pd.DataFrame({"n_words": [100, 100], "x": [0, 3]}, index=["a", "b"])
    >>> decide(e, {"x": (-2.0, 2.0, 0.0, 0.0, 0.0)}, ["x"])["x"].tolist()
    [0, 1]
    """
    out = pd.DataFrame(index=evidence.index)
    for fid in frame_ids:
        if weights is None or fid not in weights:
            out[fid] = (evidence[fid].to_numpy(dtype=float) >= 1).astype("int64")
        else:
            w = np.asarray(weights[fid], dtype=float)
            out[fid] = ((w[0] + _design(evidence, fid) @ w[1:]) >= 0).astype("int64")
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


def fit_frame(X: np.ndarray, coded: Sequence[int], l2: float = 1.0) -> tuple[float, ...]:
    """Weights ``(intercept, *b)`` for one frame: an L2-penalised logistic regression of the coding on the columns of
    ``X`` (standardised while fitting), then the intercept moved so that the share flagged equals the share coded.

    >>> import math
    >>> X = np.log1p(np.array([[0.0], [0], [1], [4], [6], [9]]))
    >>> w = fit_frame(X, [0, 0, 0, 1, 1, 1])
    >>> [int(w[0] + w[1] * math.log1p(h) >= 0) for h in (0, 1, 4, 9)]
    [0, 0, 1, 1]
    """
    from scipy.optimize import minimize

    y = np.asarray(coded, dtype=float)
    X = np.asarray(X, dtype=float)
    mu, sd = X.mean(axis=0), X.std(axis=0)
    sd[sd == 0] = 1.0
    Z = np.column_stack([np.ones(len(y)), (X - mu) / sd])

    def loss(w):
        z = Z @ w
        p = 1.0 / (1.0 + np.exp(-z))
        return float(np.sum(np.logaddexp(0, z) - y * z) + l2 * np.sum(w[1:] ** 2)), Z.T @ (p - y) + np.r_[0.0, 2 * l2 * w[1:]]

    w = minimize(loss, np.zeros(Z.shape[1]), jac=True, method="L-BFGS-B").x
    b = w[1:] / sd
    a = w[0] - float(np.sum(b * mu))
    score = X @ b
    k = int(round(y.sum()))  # flag as many documents as people coded, as near as tied scores allow
    if 0 < k < len(y):
        v = np.unique(score)  # cut-offs halfway between different scores, so rounding the weights flips none
        cuts = np.r_[v[0] - 1.0, (v[:-1] + v[1:]) / 2, v[-1] + 1.0]
        flagged = np.array([(score >= c).sum() for c in cuts])
        a = -float(cuts[np.lexsort((-flagged, np.abs(flagged - k)))[0]])  # nearest to k; a tie flags more
    return (float(round(a, 6)), *(float(round(v, 6)) for v in b))


def fit_calibration(evidence: pd.DataFrame, labels: pd.DataFrame, frame_ids: Sequence[str]) -> dict[str, tuple[float, ...]]:
    """:func:`fit_frame` for every frame: ``evidence`` from :func:`frame_evidence`, ``labels`` 0/1 by doc_id (same index).

    >>> e = pd.DataFrame({"n_words": [100] * 4, "x": [0, 1, 5, 8]}, index=list("abcd"))
    >>> w = fit_calibration(e, pd.DataFrame({"x": [0, 0, 1, 1]}, index=list("abcd")), ["x"])
    >>> decide(e, w, ["x"])["x"].tolist()
    [0, 0, 1, 1]
    """
    labels = labels.loc[evidence.index]
    return {fid: fit_frame(_design(evidence, fid), labels[fid].tolist()) for fid in frame_ids}
