"""How well each sentiment scorer agrees with people's judgements of news sentences (NewsMTSC).

NewsMTSC (Hamborg & Donnay 2021, MIT) has US political news sentences whose sentiment
*toward a named person* was judged by crowd workers: negative, neutral or positive.
:func:`read_newsmtsc` reads a split (sentences whose targets were judged differently
are left out, so each sentence has one label); :func:`agreement` measures a score
against the labels (Spearman's rho of the continuous ``tone``, 3-class macro-F1 and
accuracy of ``tone_label``, each with a seeded bootstrap 95% interval);
:func:`paired_difference` compares two scores on the same sentences.
``benchmarks/eval_sentiment.py`` runs every scorer and saves the table that
:func:`validation_table` reads back (``data/validation/sentiment_newsmtsc.csv``);
:func:`validation_paragraph` says in words what it found.

Caveat to carry with every figure: the label is the sentiment toward the named
person as the author presents it, not the tone of the whole sentence, and annotators
were told to set the reported event aside. A sentence scorer sees no target.

>>> import numpy as np
>>> r = agreement(np.array([-0.5, 0.0, 0.6, 0.1]), ["negative", "neutral", "positive", "neutral"],
...               ["negative", "neutral", "positive", "positive"], n_boot=200)
>>> round(r["spearman"], 3), round(r["macro_f1"], 3), r["accuracy"], r["n"]
(0.949, 0.778, 0.75, 4)
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.errors import InputError
from ..core.stats import N_BOOT, SEED

__all__ = [
    "LABELS",
    "SPLITS",
    "DISJOINT",
    "TEST_SETS",
    "VALIDATION_CSV",
    "CAVEAT",
    "read_newsmtsc",
    "article_id",
    "agreement",
    "paired_difference",
    "length_drift",
    "validation_table",
    "validation_view",
    "validation_paragraph",
]

LABELS = ("negative", "neutral", "positive")
"""The three classes, in order (label codes 2.0, 4.0, 6.0 in NewsMTSC)."""

_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_RANK = {"negative": -1, "neutral": 0, "positive": 1}

SPLITS = ("devtest_rw", "devtest_mt")
"""The NewsMTSC test files, by stem: "real-world" sentences, and sentences with two or more targets."""

DISJOINT = "_disjoint"
"""Suffix of a split restricted to the sentences whose article has no sentence in ``train.jsonl``
(e.g. ``devtest_rw_disjoint``): the honest, article-disjoint test."""

VALIDATION_CSV = "data/validation/sentiment_newsmtsc.csv"
"""Where ``benchmarks/eval_sentiment.py`` saves its table, relative to the project root."""

CAVEAT = (
    "NewsMTSC labels are the sentiment toward a named person as the author presents it "
    "(target-dependent), not the tone of the whole sentence; the sentences are US political news "
    "of 2017-2019"
)


def article_id(sentence_id: str) -> str:
    """The article a NewsMTSC sentence comes from: the first three ``_`` fields of its id (source, article, event).

    >>> article_id("allsides_1000_401_25_Reality Leigh Winner_0_6")
    'allsides_1000_401'
    """
    return "_".join(str(sentence_id).split("_")[:3])


def read_newsmtsc(path: str | Path, consistent_only: bool = True) -> pd.DataFrame:
    """One row per sentence of a NewsMTSC ``.jsonl`` split: ``sentence_id, article_id, text, label, n_targets``.

    ``label`` is the common label of the sentence's targets; with ``consistent_only``
    (default) sentences whose targets were judged differently are dropped, else they
    get the label of the primary target. Bad input raises :class:`InputError` naming the file.
    """
    path = Path(path)
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from exc
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            targets = rec["targets"]
            labels = [_POLARITY[float(t["polarity"])] for t in targets]
            primary = next((t for t in targets if t.get("Input.gid") == rec["primary_gid"]), targets[0])
            text = rec["sentence_normalized"]
        except (ValueError, KeyError, TypeError, IndexError) as exc:
            raise InputError(path, f"line {i} is not a NewsMTSC record ({exc!r})") from exc
        if len(set(labels)) > 1 and consistent_only:
            continue
        rows.append(
            {
                "sentence_id": str(rec["primary_gid"]),
                "article_id": article_id(rec["primary_gid"]),
                "text": text,
                "label": _POLARITY[float(primary["polarity"])],
                "n_targets": len(targets),
            }
        )
    return pd.DataFrame(rows, columns=["sentence_id", "article_id", "text", "label", "n_targets"])


# --------------------------------------------------------------------------- metrics


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    from scipy.stats import rankdata

    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    return float(np.corrcoef(rankdata(x), rankdata(y))[0, 1])


def _macro_f1(t: np.ndarray, p: np.ndarray) -> float:
    f1s = []
    for c in (-1, 0, 1):
        tp = float(np.sum((t == c) & (p == c)))
        denom = float(np.sum(t == c) + np.sum(p == c))
        f1s.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(f1s))


def _metrics(tone: np.ndarray, gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    return np.array([_spearman(tone, gold), _macro_f1(gold, pred), float(np.mean(gold == pred)) if len(gold) else float("nan")])


def _codes(labels: Sequence[str]) -> np.ndarray:
    return np.array([_RANK[str(v)] for v in labels], dtype=float)


def _interval(values: np.ndarray) -> tuple[float, float]:
    """The 2.5% and 97.5% quantiles of the finite bootstrap values (NaNs, e.g. constant resamples, dropped)."""
    v = values[~np.isnan(values)]
    if not len(v):
        return float("nan"), float("nan")
    lo, hi = np.quantile(v, [0.025, 0.975])
    return float(lo), float(hi)


def _boot_indices(n: int, n_boot: int, seed: int | None) -> np.ndarray:
    """The resampled index rows every interval of one evaluation uses (the same draws for every scorer: paired)."""
    rng = np.random.default_rng(SEED if seed is None else seed)
    return rng.integers(0, n, size=(n_boot, n))


def agreement(
    tone: Sequence[float],
    tone_label: Sequence[str],
    gold: Sequence[str],
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> dict:
    """Spearman (tone vs the ordered label), macro-F1 and accuracy (tone_label vs label), with 95% intervals.

    Percentile bootstrap over sentences with ``n_boot`` seeded resamples; the same
    resamples for every scorer of the same sentences, so intervals are comparable.
    Returns a dict with ``n`` and ``<metric>``, ``<metric>_low``, ``<metric>_high``.
    """
    x, g, p = np.asarray(tone, dtype=float), _codes(gold), _codes(tone_label)
    est = _metrics(x, g, p)
    boots = np.array([_metrics(x[i], g[i], p[i]) for i in _boot_indices(len(g), n_boot, seed)]) if len(g) >= 2 and n_boot > 0 else None
    return _estimates(len(g), est, boots)


def paired_difference(
    tone_a: Sequence[float],
    label_a: Sequence[str],
    tone_b: Sequence[float],
    label_b: Sequence[str],
    gold: Sequence[str],
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> dict:
    """Metric of score A minus metric of score B on the same sentences, with paired bootstrap 95% intervals.

    >>> d = paired_difference([1, 0, -1], ["positive", "neutral", "negative"], [0, 0, -1],
    ...     ["neutral", "neutral", "negative"], ["positive", "neutral", "negative"], n_boot=200)
    >>> d["n"], round(d["macro_f1"], 3), round(d["accuracy"], 3)
    (3, 0.444, 0.333)
    """
    ta, tb = np.asarray(tone_a, dtype=float), np.asarray(tone_b, dtype=float)
    g, pa, pb = _codes(gold), _codes(label_a), _codes(label_b)
    est = _metrics(ta, g, pa) - _metrics(tb, g, pb)
    boots = None
    if len(g) >= 2:
        boots = np.array([_metrics(ta[i], g[i], pa[i]) - _metrics(tb[i], g[i], pb[i]) for i in _boot_indices(len(g), n_boot, seed)])
    return _estimates(len(g), est, boots)


def _estimates(n: int, est: np.ndarray, boots: np.ndarray | None) -> dict:
    """``{"n", metric, metric_low, metric_high}`` for Spearman, macro-F1 and accuracy (NaN bounds without resamples)."""
    out: dict = {"n": n}
    for k, name in enumerate(("spearman", "macro_f1", "accuracy")):
        out[name] = float(est[k])
        if boots is None:
            out[f"{name}_low"] = out[f"{name}_high"] = float("nan")
        else:
            out[f"{name}_low"], out[f"{name}_high"] = _interval(boots[:, k])
    return out


_ENDS_AS_SENTENCE = re.compile(r"[.?!][\"'’”)\]]*\s*$")


def length_drift(texts: Sequence[str], scorer: str | None = None, k: int = 3, seed: int | None = None, close: bool = False) -> dict:
    """How far a scorer's tone moves with length: each text repeated ``k`` times, and texts joined in pairs.

    ``repeat_mean``/``repeat_max``: mean and largest |tone(text written k times) - tone(text)|;
    ``concat_mean``/``concat_max``: mean and largest |tone(a + " " + b) - word-weighted mean of
    tone(a) and tone(b)| over seeded random pairs (weights: word counts). A tone that is the
    word-weighted mean of sentence tones gives about 0 for both, as long as the sentence
    splitter can see where one copy ends: with ``close``, a text that does not end as a
    sentence does (claim contents and headlines often have no final mark) gets a full stop
    before it is repeated or joined (``n_closed`` counts them).

    >>> d = length_drift(["Kyiv will not go unpunished.", "The talks were good.", "It was a terrible day."], "vader")
    >>> d["n"], d["repeat_max"], d["concat_max"]
    (3, 0.0, 0.0)
    """
    from ..core.text import count_words
    from .sentiment import check_scorer, score_texts

    scorer = check_scorer(scorer)
    texts = [str(t) for t in texts]
    n_closed = 0
    if close:
        closed = [t if _ENDS_AS_SENTENCE.search(t) else t.rstrip() + "." for t in texts]
        n_closed = sum(a != b for a, b in zip(texts, closed))
        texts = closed
    tone = score_texts(texts, scorer=scorer)["tone"].to_numpy(float)
    repeated = score_texts([" ".join([t] * k) for t in texts], scorer=scorer)["tone"].to_numpy(float)
    rep = np.abs(repeated - tone)
    order = np.random.default_rng(SEED if seed is None else seed).permutation(len(texts))
    pairs = [(int(a), int(b)) for a, b in zip(order, np.roll(order, -1))] if len(texts) > 1 else []
    joined = score_texts([f"{texts[a]} {texts[b]}" for a, b in pairs], scorer=scorer)["tone"].to_numpy(float)
    weights = np.array([count_words(t) for t in texts], dtype=float)
    expected = np.array([(weights[a] * tone[a] + weights[b] * tone[b]) / max(weights[a] + weights[b], 1.0) for a, b in pairs])
    con = np.abs(joined - expected) if pairs else np.zeros(0)

    def r(x: float) -> float:
        return round(float(x), 4) + 0.0

    return {
        "scorer": scorer,
        "n": len(texts),
        "k": k,
        "n_closed": n_closed,
        "repeat_mean": r(rep.mean()) if len(rep) else float("nan"),
        "repeat_max": r(rep.max()) if len(rep) else float("nan"),
        "concat_mean": r(con.mean()) if len(con) else float("nan"),
        "concat_max": r(con.max()) if len(con) else float("nan"),
    }


# --------------------------------------------------------------------------- the saved table and its reading


def validation_table(path: str | Path | None = None) -> pd.DataFrame:
    """The saved validation table (``data/validation/sentiment_newsmtsc.csv`` by default; ``#`` lines are comments).

    One row per test file x scorer x comparison (``kind``: ``scored``, ``masked``,
    ``masked_minus_scored`` or ``minus_vader``, paired differences) x subset (``all``
    sentences, or ``topic`` = those with a topic term), with n and each metric's
    estimate and 95% interval.

    >>> t = validation_table()
    >>> sorted(set(t["kind"]))
    ['masked', 'masked_minus_scored', 'minus_vader', 'scored']
    """
    from ..core.paths import PROJECT_ROOT

    path = PROJECT_ROOT / VALIDATION_CSV if path is None else Path(path)
    try:
        return pd.read_csv(path, comment="#")
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read the sentiment validation table ({exc})") from exc


TEST_SETS = {
    "devtest_rw_disjoint": "devtest_rw, articles not in train",
    "devtest_rw": "devtest_rw, all",
    "devtest_mt_disjoint": "devtest_mt, articles not in train",
    "devtest_mt": "devtest_mt, all",
}
"""The test sets :func:`validation_view` shows, honest (article-disjoint) first, and how it names them."""


def validation_view(table: pd.DataFrame | None = None, splits: Sequence[str] | None = None, offered_only: bool = True) -> pd.DataFrame:
    """A display view of the validation table: one row per test set and scorer, "estimate [95% interval]" cells.

    Columns: test set, scorer, n, then Spearman, macro-F1 and accuracy as scored, Spearman with
    topic terms masked, and the masked-minus-scored Spearman difference on the sentences with
    a topic term (with their n). ``splits`` defaults to those of :data:`TEST_SETS` the table has,
    the article-disjoint sentences of devtest_rw first. For reading only (text cells).

    >>> validation_view().columns.tolist()[:3]
    ['test set', 'scorer', 'n']
    """
    t = validation_table() if table is None else table
    if splits is None:
        splits = [s for s in TEST_SETS if s in set(t["split"])]
    if offered_only:
        t = t.loc[t["offered"].astype(bool)]
    rows = []
    for split in splits:
        at = t.loc[t["split"] == split]
        for scorer in dict.fromkeys(at["scorer"]):
            sub = at.loc[at["scorer"] == scorer]

            def pick(kind: str, subset: str, sub: pd.DataFrame = sub) -> pd.Series | None:
                r = sub.loc[(sub["kind"] == kind) & (sub["subset"] == subset)]
                return None if r.empty else r.iloc[0]

            r, m, d = pick("scored", "all"), pick("masked", "all"), pick("masked_minus_scored", "topic")
            if r is None:
                continue
            rows.append(
                {
                    "test set": TEST_SETS.get(split, split),
                    "scorer": scorer,
                    "n": int(r["n"]),
                    "Spearman": _cell(r, "spearman"),
                    "macro-F1": _cell(r, "macro_f1"),
                    "accuracy": _cell(r, "accuracy"),
                    "Spearman, masked": _cell(m, "spearman") if m is not None else "–",
                    "n with a topic term": int(d["n"]) if d is not None else 0,
                    "masked − scored (Spearman)": _cell(d, "spearman") if d is not None else "–",
                }
            )
    return pd.DataFrame(rows)


def _cell(row: pd.Series, metric: str) -> str:
    est, lo, hi = (round(float(row[c]), 2) + 0.0 for c in (metric, f"{metric}_low", f"{metric}_high"))
    return f"{est:.2f} [{lo:.2f}, {hi:.2f}]"


def _ci(row: pd.Series, metric: str) -> str:
    est, lo, hi = (round(float(row[c]), 2) + 0.0 for c in (metric, f"{metric}_low", f"{metric}_high"))
    return f"{est:.2f} (95% interval {lo:.2f} to {hi:.2f})"


def validation_paragraph(scorer: str | None = None, table: pd.DataFrame | None = None, split: str = "devtest_rw" + DISJOINT) -> str:
    """A plain-words Markdown paragraph on how far ``scorer`` (default: the default scorer) agrees with people, and what masking did.

    Written from the saved table (:func:`validation_table`), with n, intervals, VADER
    for comparison, the masking finding and the caveats.

    >>> "judged by people" in validation_paragraph("vader")
    True
    """
    from .sentiment import DEFAULT_SCORER

    scorer = scorer or DEFAULT_SCORER
    t = validation_table() if table is None else table
    sub = t.loc[(t["split"] == split) & (t["subset"] == "all")]

    def row(name: str, kind: str = "scored", subset: pd.DataFrame = sub) -> pd.Series | None:
        r = subset.loc[(subset["scorer"] == name) & (subset["kind"] == kind)]
        return None if r.empty else r.iloc[0]

    r = row(scorer)
    if r is None:
        return f"No validation figures for scorer `{scorer}` in the saved table."
    where = f"`{split}` test file"
    if split.endswith(DISJOINT):
        where = f"`{split[: -len(DISJOINT)]}` test file, only the sentences whose article has no sentence in the training file"
    parts = [
        f"**How far the `{scorer}` score agrees with people.** On {int(r['n']):,} news sentences judged by people "
        f"(US political news, each labelled negative, neutral or positive by crowd workers; NewsMTSC, {where}), "
        f"this score agrees with them moderately at best: it orders the sentences as they did with a Spearman correlation of {_ci(r, 'spearman')}, "
        f"and its negative/neutral/positive label matches theirs with a macro-F1 of {_ci(r, 'macro_f1')}; "
        f"{r['accuracy']:.0%} of its labels are the people's."
    ]
    v = row("vader")
    if scorer != "vader" and v is not None:
        parts.append(f"VADER reaches {v['spearman']:.2f} and {v['macro_f1']:.2f} on the same sentences.")
        d = row(scorer, "minus_vader") if "minus_vader" in set(t["kind"]) else None
        if d is not None:
            parts.append(f"The paired difference from VADER is {_ci(d, 'spearman')} in Spearman and {_ci(d, 'macro_f1')} in macro-F1.")
        if scorer == "newsmtsc-linear":
            parts.append(
                "This model was fitted on other sentences of the same collection (its training file); these sentences come "
                "from other articles, so the figures are held out by article but in domain; on other news, and on "
                "other kinds of text, expect less."
            )
    full = t.loc[(t["split"] == split[: -len(DISJOINT)]) & (t["subset"] == "all") & (t["scorer"] == scorer) & (t["kind"] == "scored")]
    if split.endswith(DISJOINT) and not full.empty:
        f = full.iloc[0]
        parts.append(
            f"On the whole `{split[: -len(DISJOINT)]}` file ({int(f['n']):,} sentences, some from articles that also have "
            f"sentences in the training file) the figures are {f['spearman']:.2f} and {f['macro_f1']:.2f}."
        )
    m = row(scorer, "masked_minus_scored", t.loc[(t["split"] == split) & (t["subset"] == "topic")])
    if m is not None:
        lo, hi = m["spearman_low"], m["spearman_high"]
        effect = "did not measurably change" if lo <= 0 <= hi else "raised" if lo > 0 else "lowered"
        parts.append(
            f"Masking topic terms {effect} this agreement: on the {int(m['n']):,} of these sentences that contain a topic term, "
            f"the masked score minus the score as written is {_ci(m, 'spearman')} in Spearman."
        )
    for other in SPLITS:
        if split.startswith(other):
            continue
        o = t.loc[(t["split"] == other) & (t["scorer"] == scorer) & (t["subset"] == "topic") & (t["kind"] == "masked_minus_scored")]
        if not o.empty:
            o = o.iloc[0]
            parts.append(f"On the `{other}` file ({int(o['n'])} sentences with a topic term) the same difference is {_ci(o, 'spearman')}.")
    parts.append("Masking is therefore reported as a sensitivity view beside the score as written, not as a correction of it.")
    parts.append(
        f"Caveats: {CAVEAT}. A score that agrees "
        "on average can still misread individual statements (the people agreed on these sentences: at least four of five "
        "workers), so read side differences of a few hundredths with care."
    )
    return " ".join(parts)
