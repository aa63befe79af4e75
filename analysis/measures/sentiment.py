"""Sentiment of what each side says: the scores (:mod:`analysis.measures.sentiment_scoring`, re-exported here) and the by-side summaries and comparisons.

Method, in brief (the notebook ``03_sentiment.ipynb`` explains it for readers): every
scorer (:data:`SCORERS`; :data:`DEFAULT_SCORER` the best-validated) gives each statement a
``tone`` and a ``tone_label``, as scored and with topic terms masked, where a statement's tone
is the word-weighted mean of its sentences' tones (see :mod:`analysis.measures.sentiment_scoring`);
VADER's compound and AFINN per word are always there as second opinions. This module
summarises them per side and per speaker (:func:`summarize`), compares two sides
(:func:`compare`), checks the two lexicons against each other (:func:`lexicon_agreement`,
:func:`lexicon_disagreements`) and shows the extremes (:func:`extremes`, :func:`summary_view`).

Tables go in and out (statements -> ``sentiment`` -> summaries), all declared in
:mod:`analysis.schema`; everything is deterministic (seeded bootstraps, stable sorts).
Its figures are in :mod:`analysis.viz.plots_sentiment`.

>>> score_text("Kyiv will not go unpunished. Kyiv will not go unpunished.")["tone"] == score_text("Kyiv will not go unpunished.")["tone"]
True
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.compare import N_PERM, compare_sides
from ..core.schema import SCORE_COLUMNS, conform  # noqa: F401 (SCORE_COLUMNS re-exported)
from ..core.stats import N_BOOT, benjamini_hochberg, bootstrap_mean_cis
from .sentiment_scoring import (  # noqa: F401 (re-exported: the scoring interface lives there)
    _ASCII_CASE_TWINS,
    DEFAULT_SCORER,
    PLACEHOLDER,
    SCORERS,
    THRESHOLD,
    TONE_COLUMNS,
    TOPIC_TERMS_FILE,
    _scorer_for,
    _scorers,
    _text_scorer,
    _tone_model,
    _topic_pattern,
    afinn_analyzer,
    afinn_label,
    afinn_tone,
    check_scorer,
    lexicon_files,
    mask_topic_terms,
    score_statements,
    score_text,
    score_texts,
    scorer_versions,
    split_sentences,
    topic_terms,
    vader_analyzer,
    vader_label,
    with_scorer,
    word_weighted_mean,
)

__all__ = [
    "THRESHOLD",
    "SCORERS",
    "DEFAULT_SCORER",
    "TONE_COLUMNS",
    "check_scorer",
    "afinn_tone",
    "with_scorer",
    "PLACEHOLDER",
    "TOPIC_TERMS_FILE",
    "LABELS",
    "MEASURES",
    "SUMMARY_MEASURES",
    "table_scorer",
    "tone_label_text",
    "lexicon_files",
    "scorer_versions",
    "vader_analyzer",
    "afinn_analyzer",
    "topic_terms",
    "mask_topic_terms",
    "vader_label",
    "afinn_label",
    "split_sentences",
    "word_weighted_mean",
    "score_text",
    "score_texts",
    "score_statements",
    "summarize",
    "compare",
    "masking_changes",
    "lexicon_agreement",
    "lexicon_disagreements",
    "extremes",
    "summary_view",
]

LABELS = ("positive", "neutral", "negative")
MEASURES = ("tone", "share_positive", "share_negative", "vader_compound", "afinn")
"""The measures :func:`compare` reports, in order: the scorer's ``tone`` and the shares of its
``tone_label`` lead; VADER's compound and AFINN per word follow as second opinions."""

SUMMARY_MEASURES = ("mean_tone", "share_positive", "share_negative", "mean_compound", "mean_afinn")
"""The estimates of :func:`summarize` that :func:`summary_view` shows by default, lead measure first."""


# --------------------------------------------------------------------------- aggregation


def _columns(masked: bool) -> tuple[str, str, str]:
    sfx = "_masked" if masked else ""
    return f"vader_compound{sfx}", f"vader_label{sfx}", f"afinn{sfx}"


def table_scorer(sentiment: pd.DataFrame) -> str:
    """The scorer behind a ``sentiment`` table's ``tone`` (its ``scorer`` column); a ValueError if it mixes scorers.

    An empty table gives :data:`DEFAULT_SCORER` (what the build uses).

    >>> table_scorer(pd.DataFrame({"scorer": ["vader", "vader"]}))
    'vader'
    """
    names = list(dict.fromkeys(sentiment["scorer"].dropna().astype(str))) if "scorer" in sentiment.columns else []
    if len(names) > 1:
        raise ValueError(f"the sentiment table mixes scorers ({', '.join(names)}); rescore it with with_scorer(table, scorer)")
    return names[0] if names else DEFAULT_SCORER


def tone_label_text(scorer: str) -> str:
    """How tables, figures and text name the lead measure: "mean tone (SCORER)".

    >>> tone_label_text("newsmtsc-linear")
    'mean tone (newsmtsc-linear)'
    """
    return f"mean tone ({scorer})"


def _order(values: pd.Series, given: Sequence[str] | None) -> list[str]:
    """``given`` if any, else the non-missing values by descending count, then name."""
    if given is not None:
        return list(given)
    counts = values.dropna().astype(str).value_counts()
    return sorted(counts.index, key=lambda v: (-counts[v], v))


def summarize(
    sentiment: pd.DataFrame,
    by: str = "side",
    groups: Sequence[str] | None = None,
    groups_col: str | None = "doc_id",
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Per side (``by="side"``) or per actor (``by="speaker"``): n, mean tone, label shares, mean compound and AFINN, with 95% intervals.

    The lead measures are the table's scorer's (``scorer`` column, see
    :func:`table_scorer`): ``mean_tone`` and the shares of its ``tone_label``;
    ``mean_compound`` (VADER) and ``mean_afinn`` are second opinions.
    Each group gets two rows, ``masked=False`` then ``masked=True``. Intervals are
    seeded percentile bootstraps over statements (whole documents resampled when a
    group spans several, via ``groups_col``). ``groups`` restricts and orders the
    groups (e.g. ``["US", "Russia"]``); by default every non-missing value, most
    statements first. Returns the ``sentiment_summary`` table.

    >>> sent = score_statements(pd.DataFrame({"statement_id": ["a", "b", "c"], "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": ["X", "X", "Y"],
    ...     "speaker_id": None, "side": ["A", "A", "B"], "origin": "quote",
    ...     "text": ["A good deal.", "An end to the war.", "Bad."]}))
    >>> summarize(sent, n_boot=100)[["group", "masked", "scorer", "n", "mean_compound"]].round(3)
      group  masked           scorer  n  mean_compound
    0     A   False  newsmtsc-linear  2         -0.080
    1     A    True  newsmtsc-linear  2          0.220
    2     B   False  newsmtsc-linear  1         -0.542
    3     B    True  newsmtsc-linear  1         -0.542
    """
    if by not in ("side", "speaker"):
        raise ValueError(f"by must be 'side' or 'speaker', not {by!r}")
    scorer = table_scorer(sentiment)
    rows = []
    keys = sentiment[by].astype("object")
    parts = keys.groupby(keys, sort=False).indices  # row positions per group, one pass (not one per group)
    names = ["mean_tone", "mean_compound", *(f"share_{lab}" for lab in LABELS), "mean_afinn"]
    # every measure of both maskings as one float matrix, so each group's resamples are drawn once for all of them
    cols = []
    for masked in (False, True):
        comp_col, _, afinn_col = _columns(masked)
        sfx = "_masked" if masked else ""
        labels = sentiment[f"tone_label{sfx}"].to_numpy(object)
        cols += [sentiment[f"tone{sfx}"].to_numpy(float), sentiment[comp_col].to_numpy(float)]
        cols += [(labels == lab).astype(float) for lab in LABELS]
        cols.append(sentiment[afinn_col].to_numpy(float))
    values = np.column_stack(cols) if len(sentiment) else np.empty((0, 2 * len(names)))
    docs = sentiment["doc_id"].to_numpy(object)
    block_ids = sentiment[groups_col].astype(str).to_numpy(object) if groups_col and groups_col in sentiment.columns else None
    sides = sentiment["side"].to_numpy(object)
    for group in _order(sentiment[by], groups):
        pos = parts.get(group, np.empty(0, dtype=np.int64))
        sub = values[pos]
        blocks = block_ids[pos].tolist() if block_ids is not None else None
        side = sides[pos[0]] if len(pos) else (group if by == "side" else None)
        cis = bootstrap_mean_cis(sub, groups=blocks, n_boot=n_boot, seed=seed)
        means = [float(np.ascontiguousarray(sub[:, c]).mean()) if len(pos) else float("nan") for c in range(sub.shape[1])]
        for i, masked in enumerate((False, True)):
            row = {
                "level": by,
                "group": group,
                "side": side,
                "masked": masked,
                "scorer": scorer,
                "n": len(pos),
                "n_docs": len(set(docs[pos].tolist())),
            }
            for j, name in enumerate(names):
                c = i * len(names) + j
                row[name] = means[c]
                row[f"{name}_low"], row[f"{name}_high"] = cis[c]
            rows.append(row)
    return conform(pd.DataFrame(rows) if rows else None, "sentiment_summary")


def _measure_column(measure: str, masked: bool) -> str:
    comp_col, _, afinn_col = _columns(masked)
    return {"vader_compound": comp_col, "afinn": afinn_col}.get(measure, f"{measure}{'_masked' if masked else ''}")


def masking_changes(sentiment: pd.DataFrame, measures: Sequence[str] = MEASURES) -> bool:
    """True when masking the topic terms changes any statement's score on any of ``measures``.

    A study with no topic terms (or whose terms never occur) masks nothing: its masked
    scores equal the scored ones, and testing them again would only add copies to the family.

    >>> t = pd.DataFrame({"tone": [0.1, -0.2], "tone_masked": [0.1, -0.2]})
    >>> masking_changes(t, ["tone"]), masking_changes(t.assign(tone_masked=[0.1, 0.0]), ["tone"])
    (False, True)
    """
    for measure in measures:
        a, b = _measure_column(measure, False), _measure_column(measure, True)
        if a in sentiment.columns and b in sentiment.columns:
            x, y = sentiment[a], sentiment[b]
            if not ((x == y) | (x.isna() & y.isna())).all():
                return True
    return False


def compare(
    sentiment: pd.DataFrame,
    side_a: str,
    side_b: str,
    measures: Sequence[str] = MEASURES,
    groups_col: str | None = "doc_id",
    n_boot: int = N_BOOT,
    n_perm: int = N_PERM,
    seed: int | None = None,
) -> pd.DataFrame:
    """Side A vs side B on each sentiment measure, unmasked and masked: the ``sentiment_comparison`` table.

    For each measure (:data:`MEASURES`: the scorer's ``tone``, ``share_positive`` and
    ``share_negative`` -- 0/1 indicators of the scorer's ``tone_label`` -- then VADER's
    ``vader_compound`` and ``afinn`` as second opinions) and each masking,
    :func:`analysis.compare.compare_sides` gives n, mean and 95% interval per side,
    the difference ``a - b``, a two-sided permutation p-value and Cliff's delta;
    ``p_adjusted`` applies Benjamini-Hochberg over all rows (10 tests by default; 5 when
    masking changes no score, :func:`masking_changes`, and the masked rows are left out). The
    ``scorer`` column names the table's scorer (:func:`table_scorer`).

    >>> sent = score_statements(pd.DataFrame({"statement_id": list("abcd"), "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": None, "speaker_id": None,
    ...     "side": ["A", "A", "B", "B"], "origin": "quote",
    ...     "text": ["Great!", "A good deal.", "Bad.", "The war."]}))
    >>> compare(sent, "A", "B", measures=["tone"], n_boot=100, n_perm=100)[["measure", "masked", "scorer", "n_a", "n_b", "cliffs_delta"]]
      measure  masked           scorer  n_a  n_b  cliffs_delta
    0    tone   False  newsmtsc-linear    2    2           1.0
    1    tone    True  newsmtsc-linear    2    2           1.0
    """
    scorer = table_scorer(sentiment)
    df = sentiment.copy()
    for masked in (False, True):
        sfx = "_masked" if masked else ""
        for lab in LABELS:
            df[f"share_{lab}{sfx}"] = (df[f"tone_label{sfx}"] == lab).astype(float)
    parts = []
    maskings = (False, True) if masking_changes(df, measures) else (False,)
    for measure in measures:
        for masked in maskings:
            col = _measure_column(measure, masked)
            row = compare_sides(df, col, side_a, side_b, groups_col=groups_col, n_boot=n_boot, n_perm=n_perm, seed=seed)
            row.insert(0, "scorer", scorer)
            row.insert(0, "masked", masked)
            row.insert(0, "measure", measure)
            parts.append(row)
    out = pd.concat(parts, ignore_index=True) if parts else None
    if out is not None:
        out["p_adjusted"] = benjamini_hochberg(out["p_value"].tolist())
    return conform(out, "sentiment_comparison")


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman's rho (average ranks for ties); NaN if n < 3 or either input is constant (no warning)."""
    from scipy.stats import rankdata

    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    rx, ry = rankdata(x), rankdata(y)
    return float(np.corrcoef(rx, ry)[0, 1])


def lexicon_agreement(sentiment: pd.DataFrame, sides: Sequence[str] | None = None) -> pd.DataFrame:
    """How far VADER and AFINN agree over statements: Spearman rho, same-label share, opposite labels.

    Rows: ``all`` statements, then each side (``sides``, default every side, most
    statements first), each unmasked and masked. Rho compares VADER compound with
    AFINN per word. Returns the ``sentiment_lexicon_agreement`` table.

    >>> sent = score_statements(pd.DataFrame({"statement_id": list("abc"), "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": None, "speaker_id": None,
    ...     "side": "A", "origin": "quote", "text": ["Great!", "Fine.", "Awful."]}))
    >>> lexicon_agreement(sent)[["group", "masked", "n", "spearman_rho", "n_opposite"]]
      group  masked  n  spearman_rho  n_opposite
    0   all   False  3           1.0           0
    1   all    True  3           1.0           0
    2     A   False  3           1.0           0
    3     A    True  3           1.0           0
    """
    rows = []
    subsets = [("all", sentiment)] + [(s, sentiment.loc[sentiment["side"].astype("object") == s]) for s in _order(sentiment["side"], sides)]
    for group, sub in subsets:
        for masked in (False, True):
            comp_col, label_col, afinn_col = _columns(masked)
            sfx = "_masked" if masked else ""
            a_labels = sub[f"afinn_sum{sfx}"].map(afinn_label)
            v_labels = sub[label_col]
            opposite = ((v_labels == "positive") & (a_labels == "negative")) | ((v_labels == "negative") & (a_labels == "positive"))
            rows.append(
                {
                    "group": group,
                    "masked": masked,
                    "n": len(sub),
                    "spearman_rho": _spearman(sub[comp_col].to_numpy(float), sub[afinn_col].to_numpy(float)),
                    "share_same_label": float((v_labels == a_labels).mean()) if len(sub) else float("nan"),
                    "n_opposite": int(opposite.sum()),
                }
            )
    return conform(pd.DataFrame(rows), "sentiment_lexicon_agreement")


def lexicon_disagreements(sentiment: pd.DataFrame, masked: bool = False) -> pd.DataFrame:
    """Statements whose VADER label (±0.05) and AFINN label (sign of the sum) differ, with text and speaker.

    Opposite calls (one positive, the other negative) come first, then statements
    where one lexicon is neutral; within each, the statements' order. Returns the
    ``sentiment_disagreements`` table.

    >>> sent = score_statements(pd.DataFrame({"statement_id": ["a", "b"], "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": ["X", "Y"], "speaker_id": None,
    ...     "side": "A", "origin": "quote", "text": ["We are not happy.", "Good."]}))
    >>> lexicon_disagreements(sent)[["statement_id", "vader_label", "afinn_label", "opposite"]]
      statement_id vader_label afinn_label  opposite
    0            a    negative    positive      True
    """
    comp_col, label_col, _ = _columns(masked)
    sum_col = "afinn_sum_masked" if masked else "afinn_sum"
    df = sentiment.reset_index(drop=True)
    out = pd.DataFrame(
        {
            "statement_id": df["statement_id"],
            "doc_id": df["doc_id"],
            "side": df["side"],
            "speaker": df["speaker"],
            "masked": masked,
            "vader_compound": df[comp_col],
            "vader_label": df[label_col],
            "afinn_sum": df[sum_col],
            "afinn_label": df[sum_col].map(afinn_label),
            "text": df["text"],
        }
    )
    v, a = out["vader_label"], out["afinn_label"]
    out["opposite"] = ((v == "positive") & (a == "negative")) | ((v == "negative") & (a == "positive"))
    out = out.loc[v != a]
    out = out.assign(_later=~out["opposite"]).sort_values("_later", kind="stable")
    return conform(out, "sentiment_disagreements")


def extremes(sentiment: pd.DataFrame, k: int = 3, sides: Sequence[str] | None = None, masked: bool = False) -> pd.DataFrame:
    """The ``k`` most positive and ``k`` most negative statements of each side, with text and speaker.

    Ranked by VADER compound (masked if ``masked``). Only statements labelled positive
    can be "most positive" and only negative ones "most negative", so a side with no
    positive statement shows none. Ties keep the statements' order. Returns the
    ``sentiment_extremes`` table.

    >>> sent = score_statements(pd.DataFrame({"statement_id": list("abc"), "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": "X", "speaker_id": None,
    ...     "side": "A", "origin": "quote", "text": ["Good.", "Great!", "Bad."]}))
    >>> extremes(sent, k=1)[["side", "direction", "rank", "text"]]
      side      direction  rank    text
    0    A  most positive     1  Great!
    1    A  most negative     1    Bad.
    """
    comp_col, label_col, _ = _columns(masked)
    df = sentiment.reset_index(drop=True)
    parts = []
    for side in _order(df["side"], sides):
        sub = df.loc[df["side"].astype("object") == side]
        for direction, label, ascending in (("most positive", "positive", False), ("most negative", "negative", True)):
            pick = sub.loc[sub[label_col] == label].sort_values(comp_col, ascending=ascending, kind="stable").head(k)
            pick = pick.assign(side=side, direction=direction, rank=np.arange(1, len(pick) + 1))
            parts.append(pick)
    out = pd.concat(parts, ignore_index=True) if parts else None
    return conform(out, "sentiment_extremes")


# --------------------------------------------------------------------------- reading aids


def _fmt(est: float, lo: float, hi: float, digits: int) -> str:
    if np.isnan(est):
        return "–"
    est, lo, hi = (round(float(v), digits) + 0.0 for v in (est, lo, hi))  # + 0.0 turns -0.0 into 0.0
    if np.isnan(lo):
        return f"{est:.{digits}f}"
    return f"{est:.{digits}f} [{lo:.{digits}f}, {hi:.{digits}f}]"


def summary_view(
    summary: pd.DataFrame,
    measures: Sequence[str] = SUMMARY_MEASURES,
    digits: int = 2,
) -> pd.DataFrame:
    """A display view of a :func:`summarize` table: one row per group, "estimate [95% interval]" as scored and masked side by side.

    For reading only (text cells); keep the ``summarize`` table for numbers. A table
    split by view (a ``view`` column, :func:`analysis.measures.views.by_view`) keeps it
    as the first column, one row per view and group. Speaker rows also show the speaker's side; the ``scorer`` column names the scorer behind
    ``mean_tone`` and the label shares (:data:`SUMMARY_MEASURES` by default, lead measure first).

    >>> sent = score_statements(pd.DataFrame({"statement_id": ["a", "b"], "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": None, "speaker_id": None,
    ...     "side": "A", "origin": "quote", "text": ["A good deal.", "An end to the war."]}))
    >>> summary_view(summarize(sent, n_boot=100), measures=["mean_tone"]).columns.tolist()
    ['group', 'n', 'scorer', 'mean_tone (as scored)', 'mean_tone (masked)']
    """
    records = summary.to_dict("records")  # plain dicts: one pass, no per-group filtering of the frame
    first: dict = {}
    by_masked: dict = {}
    speaker_groups = set()
    split = "view" in summary.columns  # a table per view (own words, reported words): one row per view and group
    for r in records:
        g = (r["view"], r["group"]) if split else r["group"]
        first.setdefault(g, r)
        by_masked.setdefault((g, bool(r["masked"])), r)
        if r["level"] == "speaker":
            speaker_groups.add(g)
    rows = []
    for group, head in first.items():
        row = {"view": group[0], "group": group[1]} if split else {"group": group}
        if group in speaker_groups:
            row["side"] = head["side"]
        row["n"] = int(head["n"])
        if "scorer" in summary.columns:
            row["scorer"] = head["scorer"]
        for m in measures:
            for masked, name in ((False, "as scored"), (True, "masked")):
                r = by_masked[(group, masked)]
                row[f"{m} ({name})"] = _fmt(r[m], r[f"{m}_low"], r[f"{m}_high"], digits)
        rows.append(row)
    return pd.DataFrame(rows)
