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
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .errors import InputError
from .stats import N_BOOT, SEED

LABELS = ("negative", "neutral", "positive")
"""The three classes, in order (label codes 2.0, 4.0, 6.0 in NewsMTSC)."""

_POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
_RANK = {"negative": -1, "neutral": 0, "positive": 1}

SPLITS = ("devtest_rw", "devtest_mt")
"""The NewsMTSC test files, by stem: "real-world" sentences, and sentences with two or more targets."""

VALIDATION_CSV = "data/validation/sentiment_newsmtsc.csv"
"""Where ``benchmarks/eval_sentiment.py`` saves its table, relative to the project root."""

CAVEAT = (
    "NewsMTSC labels are the sentiment toward a named person as the author presents it "
    "(target-dependent), not the tone of the whole sentence; the sentences are US political news "
    "of 2017-2019, not diplomatic reporting"
)


def read_newsmtsc(path: str | Path, consistent_only: bool = True) -> pd.DataFrame:
    """One row per sentence of a NewsMTSC ``.jsonl`` split: ``sentence_id, text, label, n_targets``.

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
                "text": text,
                "label": _POLARITY[float(primary["polarity"])],
                "n_targets": len(targets),
            }
        )
    return pd.DataFrame(rows, columns=["sentence_id", "text", "label", "n_targets"])


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
    out: dict = {"n": len(g)}
    boots = np.array([_metrics(x[i], g[i], p[i]) for i in _boot_indices(len(g), n_boot, seed)]) if len(g) >= 2 else None
    for k, name in enumerate(("spearman", "macro_f1", "accuracy")):
        out[name] = float(est[k])
        if boots is None:
            out[f"{name}_low"] = out[f"{name}_high"] = float("nan")
        else:
            lo, hi = np.nanquantile(boots[:, k], [0.025, 0.975])
            out[f"{name}_low"], out[f"{name}_high"] = float(lo), float(hi)
    return out


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

    >>> d = paired_difference([1, 0, -1], ["positive", "neutral", "negative"], [0, 0, 0],
    ...     ["neutral"] * 3, ["positive", "neutral", "negative"], n_boot=200)
    >>> d["n"], round(d["macro_f1"], 3), round(d["accuracy"], 3)
    (3, 0.778, 0.667)
    """
    ta, tb = np.asarray(tone_a, dtype=float), np.asarray(tone_b, dtype=float)
    g, pa, pb = _codes(gold), _codes(label_a), _codes(label_b)
    est = _metrics(ta, g, pa) - _metrics(tb, g, pb)
    out: dict = {"n": len(g)}
    boots = None
    if len(g) >= 2:
        boots = np.array([_metrics(ta[i], g[i], pa[i]) - _metrics(tb[i], g[i], pb[i]) for i in _boot_indices(len(g), n_boot, seed)])
    for k, name in enumerate(("spearman", "macro_f1", "accuracy")):
        out[name] = float(est[k])
        if boots is None:
            out[f"{name}_low"] = out[f"{name}_high"] = float("nan")
        else:
            lo, hi = np.nanquantile(boots[:, k], [0.025, 0.975])
            out[f"{name}_low"], out[f"{name}_high"] = float(lo), float(hi)
    return out


# --------------------------------------------------------------------------- the saved table and its reading


def validation_table(path: str | Path | None = None) -> pd.DataFrame:
    """The saved validation table (``data/validation/sentiment_newsmtsc.csv`` by default; ``#`` lines are comments).

    One row per test file x scorer x comparison (``kind``: ``scored``, ``masked`` or
    ``masked_minus_scored``) x subset (``all`` sentences, or ``topic`` = those with a
    topic term), with n and each metric's estimate and 95% interval.

    >>> t = validation_table()
    >>> sorted(set(t["kind"]))
    ['masked', 'masked_minus_scored', 'scored']
    """
    from .nb import project_path

    path = project_path(VALIDATION_CSV) if path is None else Path(path)
    try:
        return pd.read_csv(path, comment="#")
    except (OSError, ValueError) as exc:
        raise InputError(path, f"cannot read the sentiment validation table ({exc})") from exc


def _ci(row: pd.Series, metric: str) -> str:
    return f"{row[metric]:.2f} (95% interval {row[f'{metric}_low']:.2f} to {row[f'{metric}_high']:.2f})"


def validation_paragraph(scorer: str | None = None, table: pd.DataFrame | None = None, split: str = "devtest_rw") -> str:
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
    parts = [
        f"**How far the `{scorer}` score agrees with people.** On {int(r['n'])} sentences of US political news "
        f"judged by crowd workers as negative, neutral or positive (NewsMTSC, `{split}` test file), "
        f"this score ranks sentences like the people did with a Spearman correlation of {_ci(r, 'spearman')}, "
        f"and its negative/neutral/positive label matches theirs with a macro-F1 of {_ci(r, 'macro_f1')} "
        f"(accuracy {r['accuracy']:.2f})."
    ]
    v = row("vader")
    if scorer != "vader" and v is not None:
        parts.append(f"VADER alone reaches {v['spearman']:.2f} and {v['macro_f1']:.2f} on the same sentences.")
        d = row(scorer, "minus_vader") if "minus_vader" in set(t["kind"]) else None
        if d is not None:
            parts.append(f"The difference from VADER in Spearman is {_ci(d, 'spearman')}.")
    topic = t.loc[(t["split"] == split) & (t["subset"] == "topic")]
    m = row(scorer, "masked_minus_scored", topic)
    if m is not None:
        verdict = "an interval that includes zero" if m["spearman_low"] <= 0 <= m["spearman_high"] else "an interval that excludes zero"
        parts.append(
            f"Masking topic terms did not make the score closer to the people's judgement: on the {int(m['n'])} sentences "
            f"that contain a topic term, masked minus as scored is {_ci(m, 'spearman')} in Spearman ({verdict}), so the "
            "masked score is a sensitivity view, not a correction."
        )
    parts.append(
        f"Caveats: {CAVEAT}. People themselves agree only moderately on such labels, and a score that agrees "
        "on average can still misread individual statements, so read side differences of a few hundredths with care."
    )
    return " ".join(parts)
