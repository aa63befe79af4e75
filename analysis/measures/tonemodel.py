"""A linear tone model fitted on human-judged news sentences: words, word pairs and lexicon features.

The ``newsmtsc-linear`` scorer of :mod:`analysis.measures.sentiment`. A multinomial logistic
regression (three classes: negative, neutral, positive) over

* **words and word pairs**: lower-case word tokens (curly apostrophes folded, numbers
  collapsed to ``0``) and adjacent pairs, as present/absent indicators, restricted to
  the model's vocabulary (those seen at least twice in the training sentences). After
  a negation ("not", "never", "no", "n't", ...) the following words up to the next
  punctuation mark are also counted as ``not_<word>``;
* **lexicon features** (:data:`LEXICON_FEATURES`): VADER compound, AFINN sum squashed
  to -1..1, counts of positive and negative VADER and AFINN words, negations, and the
  log word count, standardised with the training means and scales.

``tone`` = P(positive) - P(negative), in -1..1; ``label`` = negative below the model's lower
threshold, positive at or above its upper one, else neutral (:meth:`ToneModel.label`; the
thresholds, ``label_thresholds`` in the model file, are fitted for whole-sentence tone by
:func:`fit_thresholds`; a model without them labels by the most probable class).
The coefficients are data, not code: ``resources/tone_newsmtsc.json`` (JSON with a
provenance block), written by ``benchmarks/fit_tone_model.py`` from NewsMTSC
``train.jsonl`` (Hamborg & Donnay 2021, MIT) and read by :func:`load_model`. Fitting
(:func:`design`, :func:`fit`, :func:`folds`) is numpy/scipy only: L2-penalised
cross-entropy minimised with L-BFGS, regularisation chosen by cross-validation on
the training sentences only (folds grouped by article, :func:`folds`), deterministic.

>>> tokens("It wasn't good, but fine.")
['it', "wasn't", 'not_good', ',', 'but', 'fine', '.']
>>> model = ToneModel.from_dict(_toy_params())
>>> model.predict("a good deal", vader_compound=0.44, afinn_sum=3.0)
(0.5752, 'positive')
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np

__all__ = [
    "CLASSES",
    "MODEL_FILE",
    "LEXICON_FEATURES",
    "NEGATIONS",
    "tokens",
    "features",
    "lexicon_features",
    "ToneModel",
    "load_model",
    "name_like_words",
    "design",
    "fit",
    "probabilities",
    "standardise",
    "macro_f1",
    "folds",
    "fit_thresholds",
    "to_dict",
    "dumps",
]

CLASSES = ("negative", "neutral", "positive")
"""The model's classes, in coefficient order."""

MODEL_FILE = "tone_newsmtsc.json"
"""The shipped coefficients, in ``analysis/resources/``."""

LEXICON_FEATURES = (
    "vader_compound",
    "afinn_squashed",
    "vader_n_positive",
    "vader_n_negative",
    "afinn_n_positive",
    "afinn_n_negative",
    "n_negations",
    "log_words",
)
"""The lexicon features, in order (see :func:`lexicon_features`)."""

NEGATIONS = frozenset("not no never none nobody nothing neither nor nowhere without cannot hardly barely".split())
"""Words that open a negation scope (as do words ending in ``n't``)."""

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)*|\d+(?:[.,]\d+)*|[.,;:!?]")
_SCOPE_END = frozenset(".,;:!?")
_PUNCT = ()


def tokens(text: str) -> list[str]:
    """The model's tokens of ``text``: lower-case words, ``0`` for numbers, clause punctuation, negation scopes marked.

    A word after a negation and before the next punctuation mark gets the prefix
    ``not_``. Hyphens and other characters separate words.

    >>> tokens("Trump’s 2,000 tweets — not very wise!")
    ["trump's", '0', 'tweets', 'not', 'not_very', 'not_wise', '!']
    """
    out = []
    negated = False
    for tok in _TOKEN.findall(text.lower().replace("\u2019", "'")):
        if tok in _SCOPE_END:
            negated = False
            out.append(tok)
            continue
        if tok[0].isdigit():
            tok = "0"
        out.append("not_" + tok if negated else tok)
        if tok in NEGATIONS or tok.endswith("n't"):
            negated = True
    return out


def features(toks: Sequence[str]) -> list[str]:
    """Unigram and bigram feature names of a token list (punctuation kept only inside pairs), in order, unique.

    >>> features(["not", "not_good", "."])
    ['not', 'not_good', 'not not_good', 'not_good .']
    """
    words = [t for t in toks if t not in _SCOPE_END]
    pairs = [f"{a} {b}" for a, b in zip(toks, toks[1:])]
    return list(dict.fromkeys(words + pairs))


def lexicon_features(
    toks: Sequence[str], vader_compound: float, afinn_sum: float, vader_lexicon: Mapping[str, float], afinn_lexicon: Mapping[str, int]
) -> list[float]:
    """The raw (unstandardised) values of :data:`LEXICON_FEATURES` for one text.

    Word counts look the tokens (``not_`` prefix removed) up in the two lexicons.

    >>> [round(x, 4) for x in lexicon_features(["not", "not_good", "."], -0.34, 3.0, {"good": 1.9}, {"good": 3})]
    [-0.34, 0.6124, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0986]
    """
    vp = vn = ap = an = neg = n = 0
    for t in toks:
        if t in _SCOPE_END:
            continue
        n += 1
        if t.startswith("not_"):
            t = t[4:]
        v = vader_lexicon.get(t, 0.0)
        if v > 0:
            vp += 1
        elif v < 0:
            vn += 1
        a = afinn_lexicon.get(t, 0)
        if a > 0:
            ap += 1
        elif a < 0:
            an += 1
        if t in NEGATIONS or t.endswith("n't"):
            neg += 1
    squashed = afinn_sum / math.sqrt(afinn_sum * afinn_sum + 15.0)
    return [float(vader_compound), squashed, float(vp), float(vn), float(ap), float(an), float(neg), math.log1p(n)]


class ToneModel:
    """A fitted tone model: vocabulary, coefficients and lexicon scaling; call :meth:`predict` per text.

    ``weights[feature]`` is a tuple of one coefficient per class (:data:`CLASSES`);
    ``lexicon_weights`` one such tuple per lexicon feature (applied to standardised
    values); ``intercept`` one per class.
    """

    def __init__(
        self,
        vocabulary: Sequence[str],
        weights: Sequence[Sequence[float]],
        lexicon_weights: Sequence[Sequence[float]],
        lexicon_mean: Sequence[float],
        lexicon_scale: Sequence[float],
        intercept: Sequence[float],
        metadata: Mapping | None = None,
        thresholds: Sequence[float] | None = None,
    ):
        self.weights = {f: tuple(float(x) for x in w) for f, w in zip(vocabulary, weights)}
        self.lexicon_weights = [tuple(float(x) for x in w) for w in lexicon_weights]
        self.lexicon_mean = [float(x) for x in lexicon_mean]
        self.lexicon_scale = [float(x) for x in lexicon_scale]
        self.intercept = tuple(float(x) for x in intercept)
        self.metadata = dict(metadata or {})
        self.thresholds = None if thresholds is None else (float(thresholds[0]), float(thresholds[1]))
        self.vader_lexicon: Mapping[str, float] = {}
        self.afinn_lexicon: Mapping[str, int] = {}
        self._info: dict[str, tuple] = {}

    @classmethod
    def from_dict(cls, params: Mapping) -> ToneModel:
        """A model from the parsed JSON of a model file (see :func:`to_dict`)."""
        if list(params.get("classes", [])) != list(CLASSES) or list(params.get("lexicon_features", [])) != list(LEXICON_FEATURES):
            raise ValueError("tone model file: classes or lexicon_features differ from analysis.measures.tonemodel's")
        vocab = params["vocabulary"]
        return cls(
            [v[0] for v in vocab],
            [v[1:] for v in vocab],
            params["lexicon_weights"],
            params["lexicon_mean"],
            params["lexicon_scale"],
            params["intercept"],
            params.get("metadata"),
            params.get("label_thresholds"),
        )

    def with_lexicons(self, vader_lexicon: Mapping[str, float], afinn_lexicon: Mapping[str, int]) -> ToneModel:
        """Set the lexicon dicts the word-count features look up (VADER's and AFINN's); returns self."""
        self.vader_lexicon, self.afinn_lexicon = vader_lexicon, afinn_lexicon
        self._info = {}
        return self

    def logits(self, text: str, vader_compound: float, afinn_sum: float) -> tuple[float, float, float]:
        """The three class scores (before softmax) of one text, given its VADER compound and AFINN sum.

        The same sum as over :func:`features` and :func:`lexicon_features`, in one pass
        with per-token facts remembered (news repeats its words).
        """
        toks = tokens(text)
        z0, z1, z2 = self.intercept
        get = self.weights.get
        info = self._info
        seen = set()
        vp = vn = ap = an = neg = n = 0
        prev = None
        for t in toks:
            if prev is not None:
                pair = prev + " " + t
                if pair not in seen:
                    seen.add(pair)
                    w = get(pair)
                    if w is not None:
                        z0 += w[0]
                        z1 += w[1]
                        z2 += w[2]
            prev = t
            facts = info.get(t)
            if facts is None:
                facts = self._facts(t)
            if facts is _PUNCT:
                continue
            n += 1
            w, v, a, g = facts
            if t not in seen:
                seen.add(t)
                if w is not None:
                    z0 += w[0]
                    z1 += w[1]
                    z2 += w[2]
            if v > 0:
                vp += 1
            elif v < 0:
                vn += 1
            if a > 0:
                ap += 1
            elif a < 0:
                an += 1
            neg += g
        squashed = afinn_sum / math.sqrt(afinn_sum * afinn_sum + 15.0)
        raw = (float(vader_compound), squashed, float(vp), float(vn), float(ap), float(an), float(neg), math.log1p(n))
        for x, m, s, w in zip(raw, self.lexicon_mean, self.lexicon_scale, self.lexicon_weights):
            x = (x - m) / s
            z0 += w[0] * x
            z1 += w[1] * x
            z2 += w[2] * x
        return z0, z1, z2

    def _facts(self, t: str):
        """(unigram weights or None, VADER sign, AFINN sign, is a negation) of one token, remembered; _PUNCT for punctuation."""
        if t in _SCOPE_END:
            facts = _PUNCT
        else:
            base = t[4:] if t.startswith("not_") else t
            v = self.vader_lexicon.get(base, 0.0)
            a = self.afinn_lexicon.get(base, 0)
            facts = (self.weights.get(t), (v > 0) - (v < 0), (a > 0) - (a < 0), int(base in NEGATIONS or base.endswith("n't")))
        if len(self._info) >= 200_000:
            self._info.clear()
        self._info[t] = facts
        return facts

    def predict(self, text: str, vader_compound: float, afinn_sum: float) -> tuple[float, str]:
        """(tone, label) of one text: tone = P(positive) - P(negative) rounded to 4 decimals, label by :meth:`label`."""
        z = self.logits(text, vader_compound, afinn_sum)
        top = max(z)
        e = [math.exp(v - top) for v in z]
        total = e[0] + e[1] + e[2]
        tone = round((e[2] - e[0]) / total, 4) + 0.0
        if self.thresholds is None:
            return tone, CLASSES[z.index(top)]
        return tone, self.label(tone)

    def label(self, tone: float) -> str:
        """The label of a tone (of one sentence or a word-weighted mean): negative below the lower threshold, positive at or above the upper.

        A model without thresholds uses (-1/3, 1/3).

        >>> m = ToneModel.from_dict({**_toy_params(), "label_thresholds": [-0.2, 0.1]})
        >>> m.label(-0.25), m.label(0.0), m.label(0.1)
        ('negative', 'neutral', 'positive')
        """
        lo, hi = self.thresholds or (-1 / 3, 1 / 3)
        return "negative" if tone < lo else "positive" if tone >= hi else "neutral"


@lru_cache(maxsize=1)
def load_model() -> ToneModel:
    """The shipped model (``resources/tone_newsmtsc.json``), without lexicons set (cached).

    >>> load_model().metadata["training_data"].startswith("NewsMTSC")
    True
    """
    from ..core.resources import resource_path

    path = resource_path(MODEL_FILE)
    try:
        params = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ValueError(f"{path}: cannot read the tone model ({exc})") from exc
    return ToneModel.from_dict(params)


def _toy_params() -> dict:
    """A tiny hand-made model for the doctests: "good" pushes towards positive."""
    k = len(LEXICON_FEATURES)
    return {
        "classes": list(CLASSES),
        "lexicon_features": list(LEXICON_FEATURES),
        "vocabulary": [["good", -1.0, 0.0, 1.0]],
        "lexicon_weights": [[0.0, 0.0, 0.0]] * k,
        "lexicon_mean": [0.0] * k,
        "lexicon_scale": [1.0] * k,
        "intercept": [0.0, 0.0, 0.0],
    }


# --------------------------------------------------------------------------- fitting


_CASED_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*")


def name_like_words(texts: Iterable[str], share: float = 0.5) -> frozenset[str]:
    """Lower-case words written with a capital initial in at least ``share`` of their occurrences after a sentence's first word.

    These are (mostly) names of people, parties, places and organisations. The model
    leaves them out: a name says who a sentence is about, not its tone, and the
    training labels (sentiment toward a named person) would otherwise tie tone to
    particular people.

    >>> sorted(name_like_words(["Then Smith spoke.", "Smith was good.", "It was good."]))
    ['smith']
    """
    caps: dict[str, int] = {}
    total: dict[str, int] = {}
    for text in texts:
        for w in _CASED_WORD.findall(text)[1:]:
            low = w.lower().replace("\u2019", "'")
            total[low] = total.get(low, 0) + 1
            if w[0].isupper():
                caps[low] = caps.get(low, 0) + 1
    return frozenset(w for w, n in total.items() if caps.get(w, 0) >= share * n)


def _mentions(feature: str, words: frozenset[str]) -> bool:
    return any((t[4:] if t.startswith("not_") else t) in words for t in feature.split(" "))


def design(
    texts: Sequence[str],
    compounds: Sequence[float],
    afinn_sums: Sequence[float],
    vader_lexicon: Mapping[str, float],
    afinn_lexicon: Mapping[str, int],
    vocabulary: Sequence[str] | None = None,
    min_count: int = 2,
    exclude: frozenset[str] = frozenset(),
):
    """Sparse word/pair indicators, raw lexicon features and the vocabulary for ``texts``.

    Without ``vocabulary``, it is every feature found in at least ``min_count`` texts
    that contains none of the words in ``exclude`` (e.g. :func:`name_like_words`),
    sorted. Returns ``(X_words: scipy.sparse.csr_matrix, X_lex: ndarray, vocabulary)``.

    >>> X, L, vocab = design(["good", "good day"], [0.4, 0.4], [3.0, 3.0], {}, {})
    >>> vocab, X.toarray().tolist(), L.shape
    (['good'], [[1.0], [1.0]], (2, 8))
    """
    from scipy import sparse

    feats, lex = [], []
    for text, c, a in zip(texts, compounds, afinn_sums):
        toks = tokens(text)
        feats.append(features(toks))
        lex.append(lexicon_features(toks, c, a, vader_lexicon, afinn_lexicon))
    if vocabulary is None:
        counts: dict[str, int] = {}
        for fs in feats:
            for f in fs:
                counts[f] = counts.get(f, 0) + 1
        vocabulary = sorted(f for f, k in counts.items() if k >= min_count and not _mentions(f, exclude))
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for r, fs in enumerate(feats):
        for f in fs:
            j = index.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    X = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(feats), len(vocabulary)))
    return X, np.asarray(lex, dtype=float).reshape(len(feats), len(LEXICON_FEATURES)), list(vocabulary)


def _objective(theta: np.ndarray, X, Y: np.ndarray, lam: float, n_feat: int) -> tuple[float, np.ndarray]:
    """Mean cross-entropy + lam/2 * ||W||^2 (intercept unpenalised) and its gradient."""
    k = Y.shape[1]
    W = theta[: n_feat * k].reshape(n_feat, k)
    b = theta[n_feat * k :]
    Z = X @ W + b
    Z -= Z.max(axis=1, keepdims=True)
    logsum = np.log(np.exp(Z).sum(axis=1, keepdims=True))
    logP = Z - logsum
    n = X.shape[0]
    loss = -(Y * logP).sum() / n + 0.5 * lam * float((W * W).sum())
    G = (np.exp(logP) - Y) / n
    gW = np.asarray(X.T @ G) + lam * W
    return loss, np.concatenate([gW.ravel(), G.sum(axis=0)])


def fit(X_words, X_lex_std: np.ndarray, y: Sequence[int], lam: float, max_iter: int = 2000) -> tuple[np.ndarray, np.ndarray]:
    """Fit the multinomial logistic regression: (W of shape (n_words + n_lex, 3), intercept of 3).

    ``X_lex_std`` are standardised lexicon features; ``y`` class indices into
    :data:`CLASSES`. L-BFGS from zeros, so the result is deterministic.

    >>> from scipy import sparse
    >>> X = sparse.csr_matrix(np.eye(3)); L = np.zeros((3, 0))
    >>> W, b = fit(X, L, [0, 1, 2], lam=0.01)
    >>> [int(i) for i in np.argmax(X.toarray() @ W + b, axis=1)]
    [0, 1, 2]
    """
    from scipy import sparse
    from scipy.optimize import minimize

    X = sparse.hstack([X_words, sparse.csr_matrix(X_lex_std)], format="csr")
    y = np.asarray(y, dtype=int)
    k = len(CLASSES)
    Y = np.zeros((len(y), k))
    Y[np.arange(len(y)), y] = 1.0
    n_feat = X.shape[1]
    theta0 = np.zeros(n_feat * k + k)
    res = minimize(
        _objective,
        theta0,
        args=(X, Y, lam, n_feat),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": max_iter, "gtol": 1e-6, "ftol": 1e-10},
    )
    return res.x[: n_feat * k].reshape(n_feat, k), res.x[n_feat * k :]


def probabilities(W: np.ndarray, b: np.ndarray, X_words, X_lex_std: np.ndarray) -> np.ndarray:
    """Class probabilities (rows sum to 1) of a fitted model (:func:`fit`) for a design matrix.

    >>> from scipy import sparse
    >>> probabilities(np.zeros((1, 3)), np.zeros(3), sparse.csr_matrix([[1.0]]), np.zeros((1, 0))).round(3).tolist()
    [[0.333, 0.333, 0.333]]
    """
    from scipy import sparse

    X = sparse.hstack([X_words, sparse.csr_matrix(X_lex_std)], format="csr")
    Z = np.asarray(X @ W) + b
    Z -= Z.max(axis=1, keepdims=True)
    P = np.exp(Z)
    return P / P.sum(axis=1, keepdims=True)


def standardise(X_lex: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Means and scales (standard deviations, 1 where constant) of the lexicon feature columns.

    >>> m, s = standardise(np.array([[0.0, 1.0], [2.0, 1.0]]))
    >>> m.tolist(), s.tolist()
    ([1.0, 1.0], [1.0, 1.0])
    """
    mean = X_lex.mean(axis=0)
    scale = X_lex.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def macro_f1(y_true: Sequence, y_pred: Sequence, labels: Iterable = range(len(CLASSES))) -> float:
    """Unweighted mean over ``labels`` of the per-class F1 (0 for a class never predicted nor present).

    >>> macro_f1([0, 1, 2, 2], [0, 1, 2, 1])
    0.7777777777777777
    """
    t, p = np.asarray(y_true), np.asarray(y_pred)
    f1s = []
    for c in labels:
        tp = float(np.sum((t == c) & (p == c)))
        denom = float(np.sum(t == c) + np.sum(p == c))
        f1s.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f1s))


def folds(y: Sequence[int], k: int = 5, seed: int = 20250218, groups: Sequence[str] | None = None) -> np.ndarray:
    """Fold number (0..k-1) per item: stratified by class, seeded; with ``groups``, whole groups (articles) per fold.

    With ``groups``, the groups are shuffled (seeded) and each goes, largest first, to
    the fold with the fewest items so far, so no article has sentences in two folds.

    >>> folds([0, 0, 1, 1], k=2).tolist().count(0)
    2
    >>> f = folds([0, 1, 0, 1, 2], k=2, groups=["a", "a", "b", "c", "c"])
    >>> bool(f[0] == f[1] and f[3] == f[4])
    True
    """
    y = np.asarray(y)
    rng = np.random.default_rng(seed)
    if groups is not None:
        names = sorted(set(groups))
        names = [names[i] for i in rng.permutation(len(names))]
        members: dict[str, list[int]] = {}
        for i, g in enumerate(groups):
            members.setdefault(g, []).append(i)
        out = np.empty(len(y), dtype=int)
        sizes = [0] * k
        for g in sorted(names, key=lambda g: -len(members[g])):  # stable: ties keep the shuffled order
            f = sizes.index(min(sizes))
            out[members[g]] = f
            sizes[f] += len(members[g])
        return out
    out = np.empty(len(y), dtype=int)
    for c in sorted(set(y.tolist())):
        idx = np.flatnonzero(y == c)
        idx = idx[rng.permutation(len(idx))]
        out[idx] = np.arange(len(idx)) % k
    return out


def fit_thresholds(
    tone: Sequence[float], y: Sequence[int], priors: Sequence[Sequence[float]] | None = None, step: float = 0.01
) -> tuple[tuple[float, float], float]:
    """The (lower, upper) tone thresholds that maximise the mean macro-F1 of the 3-class label over class priors, and that mean.

    ``y`` are class indices into :data:`CLASSES`. Each prior (shares of negative, neutral,
    positive) reweights the items (class c by prior_c / its count), so the band is fitted
    for data with those class shares, not for the class balance of the data at hand;
    the default is one uniform prior (class-balanced macro-F1). Several priors give a band
    that does well on average over them. A grid of ``step``; ties go to the lowest lower
    threshold, then the lowest upper one.

    >>> fit_thresholds([-0.6, -0.4, 0.0, 0.1, 0.5, 0.7], [0, 0, 1, 1, 2, 2])[0]
    (-0.39, 0.11)
    """
    t, y = np.asarray(tone, dtype=float), np.asarray(y, dtype=int)
    k = len(CLASSES)
    priors = np.asarray(priors if priors is not None else [[1.0 / k] * k], dtype=float)
    grid = np.round(np.arange(-1.0, 1.0 + step / 2, step), 6)
    lo, hi = np.meshgrid(grid, grid, indexing="ij")  # lo along rows, hi along columns
    # counts[c, p]: items of class c predicted p, for every (lo, hi) on the grid
    counts = np.zeros((k, k) + lo.shape)
    for c in range(k):
        tc = np.sort(t[y == c])
        below = np.searchsorted(tc, lo, side="left")
        at_or_above = len(tc) - np.searchsorted(tc, hi, side="left")
        counts[c, 0] = below
        counts[c, 2] = np.minimum(at_or_above, len(tc) - below)
        counts[c, 1] = len(tc) - counts[c, 0] - counts[c, 2]
    n = np.bincount(y, minlength=k).astype(float)
    score = np.zeros(lo.shape)
    for prior in priors:
        w = np.where(n > 0, prior / np.maximum(n, 1), 0.0)
        m = counts * w[:, None, None, None]
        f1 = [np.where(d > 0, 2 * m[c, c] / np.where(d > 0, d, 1), 0.0) for c in range(k) for d in [m[:, c].sum(0) + m[c].sum(0)]]
        score += np.mean(f1, axis=0)
    score /= len(priors)
    score[(lo > 0) | (hi < lo)] = -1.0
    i, j = np.unravel_index(int(np.argmax(score)), score.shape)  # first maximum: lowest lower, then upper
    return (float(grid[i]), float(grid[j])), float(score[i, j])


def _weighted_macro_f1(t: np.ndarray, p: np.ndarray, w: np.ndarray) -> float:
    f1s = []
    for c in range(len(CLASSES)):
        tp = float(w[(t == c) & (p == c)].sum())
        denom = float(w[t == c].sum() + w[p == c].sum())
        f1s.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f1s))


def to_dict(
    vocabulary: Sequence[str],
    W: np.ndarray,
    b: np.ndarray,
    mean: np.ndarray,
    scale: np.ndarray,
    metadata: Mapping,
    thresholds: Sequence[float] | None = None,
) -> dict:
    """The model file's content: coefficients rounded to 6 significant digits, zero rows dropped."""

    def r(x: float) -> float:
        return float(f"{float(x):.6g}") + 0.0

    n_words = len(vocabulary)
    vocab = [[f] + [r(x) for x in W[i]] for i, f in enumerate(vocabulary) if any(r(x) != 0.0 for x in W[i])]
    return {
        "metadata": dict(metadata),
        "classes": list(CLASSES),
        "lexicon_features": list(LEXICON_FEATURES),
        "intercept": [r(x) for x in b],
        "lexicon_mean": [r(x) for x in mean],
        "lexicon_scale": [r(x) for x in scale],
        "lexicon_weights": [[r(x) for x in W[n_words + j]] for j in range(len(LEXICON_FEATURES))],
        **({"label_thresholds": [r(x) for x in thresholds]} if thresholds is not None else {}),
        "vocabulary": vocab,
    }


def dumps(params: Mapping) -> str:
    """The model file's text: JSON, one vocabulary entry a line, stable key order, trailing newline."""
    head = {k: v for k, v in params.items() if k != "vocabulary"}
    lines = json.dumps(head, indent=1, ensure_ascii=False, sort_keys=False)[:-2]
    entries = ",\n".join("  " + json.dumps(v, ensure_ascii=False) for v in params["vocabulary"])
    return lines + ',\n "vocabulary": [\n' + entries + "\n ]\n}\n"
