"""Readings: Markdown findings text computed from the tables in front of the reader.

Every sentence is written from numbers passed in, so a notebook's reading never
describes another corpus: the direction, size, 95% interval and n of each
difference, in plain words, and the caveats that apply to *this* corpus (one
document or many, statements per side and view, speakers without a side, undated
documents, thin periods).

About 600 lines on purpose: one concern (numbers into sentences), one function per kind of
finding, all sharing the same formatting helpers so every notebook words numbers alike.

* :func:`caveats` — what the reader must know about the corpus before any number;
* :func:`comparison_reading` — one row of a ``side_comparison``-shaped table
  (:func:`analysis.core.compare.compare_sides`, ``sentiment.compare``,
  ``emphasis.compare_positions``) as a sentence; :func:`comparisons_reading` a bullet per row;
* :func:`voice_reading` — the side rows of a voice table (``emphasis.voice`` or
  ``voice.voice_by_actor``);
* :func:`period_reading` — a ``*_by_period`` table (:mod:`analysis.measures.periods`): each side's
  first and last comparable period, the change, and the periods too thin to compare;
* :func:`views_note` — which views (own words, reported words, pooled) the notebook shows and why;
* :func:`sentiment_reading`, :func:`frames_reading`, :func:`emphasis_reading` — the side comparisons
  of notebooks 03, 04 and 05, one block per view;
* :func:`verbs_reading`, :func:`unattributed_reading` — notebook 02's reporting verbs and quotes
  without a speaker;
* :func:`find_document` — whether a named document (the seed) is in the corpus.

Wording rules: a difference is called a difference only when its 95% interval
excludes zero (else "no clear difference"); every estimate carries its interval and n;
the resampling level (documents or statements) is named.

>>> row = {"value": "vader_compound", "side_a": "A", "side_b": "B", "n_a": 40, "mean_a": 0.3,
...     "ci_low_a": 0.2, "ci_high_a": 0.4, "n_b": 30, "mean_b": 0.1, "ci_low_b": 0.0, "ci_high_b": 0.2,
...     "difference": 0.2, "diff_low": 0.05, "diff_high": 0.35, "p_value": 0.01, "cliffs_delta": 0.3,
...     "effect_size": "small", "n_docs_a": 12, "n_docs_b": 10, "n_docs": 15, "resampling": "documents"}
>>> print(comparison_reading(row, "mean tone"))
A's mean tone is higher than B's: 0.30 (95% CI 0.20 to 0.40; n = 40 statements in 12 documents) against 0.10 (0.00 to 0.20; n = 30 in 10 documents), a difference of +0.20 (95% CI +0.05 to +0.35; permutation p = 0.010; Cliff's delta +0.30, small). Intervals and p resample whole documents (15 in all).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from ..core.study import possessive

__all__ = [
    "VIEW_WORDS",
    "caveats",
    "comparison_reading",
    "comparisons_reading",
    "voice_reading",
    "period_reading",
    "views_note",
    "sentiment_reading",
    "frames_reading",
    "emphasis_reading",
    "verbs_reading",
    "unattributed_reading",
    "find_document",
]


def _isnan(x) -> bool:
    try:
        return x is None or bool(np.isnan(float(x)))
    except (TypeError, ValueError):
        return True


def _num(x, digits: int = 2, sign: bool = False) -> str:
    """A number for prose: fixed digits, optional sign, "n/a" for missing.

    >>> _num(0.1234), _num(0.1, sign=True), _num(float("nan"))
    ('0.12', '+0.10', 'n/a')
    """
    if _isnan(x):
        return "n/a"
    return f"{float(x):+.{digits}f}" if sign else f"{float(x):.{digits}f}"


def _pct(x, digits: int = 0) -> str:
    """A share as a percentage ("42%"), "n/a" for missing.

    >>> _pct(0.4167), _pct(None)
    ('42%', 'n/a')
    """
    return "n/a" if _isnan(x) else f"{100 * float(x):.{digits}f}%"


def _plural(n: int, word: str) -> str:
    """``"1 document"``, ``"3 documents"``.

    >>> _plural(1, "document"), _plural(2, "speaker")
    ('1 document', '2 speakers')
    """
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _interval(lo, hi, digits: int, sign: bool = False, pct: bool = False) -> str:
    if _isnan(lo) or _isnan(hi):
        return "no interval"
    if pct:
        return f"{_pct(lo)} to {_pct(hi)}"
    return f"{_num(lo, digits, sign)} to {_num(hi, digits, sign)}"


def _docs(row: Mapping, key: str) -> str:
    n = row.get(f"n_docs_{key}")
    return "" if _isnan(n) or int(n) == 0 else f" in {_plural(int(n), 'document')}"


def comparison_reading(row: Mapping | pd.Series, what: str | None = None, digits: int = 2, unit: str = "statements") -> str:
    """One comparison row in plain words: each side's estimate with interval and n, the difference, p, effect size.

    ``what`` names the measure ("mean tone"; default the ``value`` column). The
    direction is stated only when the interval of the difference (``diff_low``,
    ``diff_high``; when absent, p < 0.05) excludes zero; otherwise the sentence says
    there is no clear difference. The last sentence names the resampling level.

    >>> r = {"value": "x", "side_a": "A", "side_b": "B", "n_a": 4, "mean_a": 0.2, "ci_low_a": -0.1, "ci_high_a": 0.5,
    ...     "n_b": 3, "mean_b": 0.1, "ci_low_b": -0.2, "ci_high_b": 0.4, "difference": 0.1, "diff_low": -0.3,
    ...     "diff_high": 0.5, "p_value": 0.6, "cliffs_delta": 0.1, "effect_size": "negligible", "resampling": "statements"}
    >>> print(comparison_reading(r))
    No clear difference in x between A and B: 0.20 (95% CI -0.10 to 0.50; n = 4 statements) against 0.10 (-0.20 to 0.40; n = 3), a difference of +0.10 (95% CI -0.30 to +0.50; permutation p = 0.600; Cliff's delta +0.10, negligible). Intervals and p resample statements of one document, which are not independent.
    """
    r = dict(row)
    what = what or str(r.get("value"))
    a, b = r["side_a"], r["side_b"]
    if int(r.get("n_a") or 0) == 0 or int(r.get("n_b") or 0) == 0:
        empty = [s for s, k in ((a, "a"), (b, "b")) if int(r.get(f"n_{k}") or 0) == 0]
        return f"No comparison of {what}: {' and '.join(empty)} {'has' if len(empty) == 1 else 'have'} no {unit}."
    lo, hi = r.get("diff_low"), r.get("diff_high")
    if not _isnan(lo) and not _isnan(hi):
        clear = lo > 0 or hi < 0
    else:
        clear = not _isnan(r.get("p_value")) and r["p_value"] < 0.05
    d = r["difference"]
    if clear:
        head = f"{possessive(a)} {what} is {'higher' if d > 0 else 'lower'} than {possessive(b)}"
    else:
        head = f"No clear difference in {what} between {a} and {b}"
    text = (
        f"{head}: {_num(r['mean_a'], digits)} (95% CI {_interval(r['ci_low_a'], r['ci_high_a'], digits)}; "
        f"n = {int(r['n_a'])} {unit}{_docs(r, 'a')}) against {_num(r['mean_b'], digits)} "
        f"({_interval(r['ci_low_b'], r['ci_high_b'], digits)}; n = {int(r['n_b'])}{_docs(r, 'b')}), "
        f"a difference of {_num(d, digits, sign=True)}"
    )
    extra = []
    if not _isnan(lo) and not _isnan(hi):
        extra.append(f"95% CI {_interval(lo, hi, digits, sign=True)}")
    if not _isnan(r.get("p_value")):
        extra.append(f"permutation p = {float(r['p_value']):.3f}")
    if not _isnan(r.get("cliffs_delta")):
        extra.append(f"Cliff's delta {_num(r['cliffs_delta'], digits, sign=True)}, {r.get('effect_size')}")
    text += f" ({'; '.join(extra)})." if extra else "."
    how = r.get("resampling")
    if how == "documents":
        n_docs = r.get("n_docs")
        text += " Intervals and p resample whole documents" + ("." if _isnan(n_docs) else f" ({int(n_docs)} in all).")
    elif how == "statements":
        text += f" Intervals and p resample {unit} of one document, which are not independent."
    return text


def comparisons_reading(table: pd.DataFrame, names: Mapping[str, str] | None = None, digits: int = 2, unit: str = "statements") -> str:
    """A Markdown bullet list, one :func:`comparison_reading` per row of a comparison table.

    ``names`` maps a row's ``measure`` (or ``value``) to the words used for it; rows of
    a table with a ``masked`` column say "(topic terms masked)", rows with a ``view``
    (:func:`analysis.core.compare.compare_by_view`) which view they are.

    >>> t = pd.DataFrame([{"value": "x", "side_a": "A", "side_b": "B", "n_a": 0, "n_b": 2}])
    >>> comparisons_reading(t, {"x": "tone"})
    '* No comparison of tone: A has no statements.'
    """
    names = names or {}
    lines = []
    for _, r in table.iterrows():
        key = r["measure"] if "measure" in r.index else r["value"]
        what = names.get(key, str(key).replace("_", " "))
        if "masked" in r.index and bool(r["masked"]):
            what += " (topic terms masked)"
        if "view" in r.index:
            what += VIEW_WORDS.get(r["view"], f" ({r['view']})")
        lines.append("* " + comparison_reading(r, what, digits, unit))
    return "\n".join(lines)


def caveats(
    documents: pd.DataFrame,
    statements: pd.DataFrame,
    sides: Sequence[str],
    own_origins: Sequence[str] = ("readout",),
) -> str:
    """Markdown bullets of the caveats that apply to this corpus.

    Says whether there is one document or many (and what resampling that implies),
    how many statements each side has, split into its own words (``own_origins``,
    readouts and statements) and what the news attributes to it, how many statements
    have no side and how many no speaker, and how many documents have no date.

    >>> docs = pd.DataFrame({"doc_id": ["d"], "kind": ["news"], "date": [None]})
    >>> st = pd.DataFrame({"doc_id": "d", "side": ["A", "A", None], "speaker": ["x", "x", None], "origin": "claim"})
    >>> print(caveats(docs, st, ["A", "B"]))
    * **One document.** Every interval and test resamples its statements, which are not independent: read them as a description of this text, not as evidence about the sides.
    * **Statements per side.** A: 2 (0 own, 2 reported); B: none.
    * **Few statements.** A: fewer than 10; intervals are wide and p-values coarse.
    * **No own words.** The corpus has no readout or statement of either side: every measure is the reported view.
    * **Without a side.** 1 of 3 statements (33%) have no side; 1 has no speaker at all (unattributed).
    * **Dates.** 1 of 1 documents has no date and is left out of views over time.
    """
    n_docs = documents["doc_id"].nunique()
    lines = []
    if n_docs == 1:
        lines.append(
            "* **One document.** Every interval and test resamples its statements, which are not independent: "
            "read them as a description of this text, not as evidence about the sides."
        )
    else:
        kinds = documents["kind"].value_counts()
        kinds_txt = ", ".join(f"{int(n)} {k}" for k, n in kinds.items())
        lines.append(
            f"* **{n_docs} documents** ({kinds_txt}). Intervals and tests resample whole documents "
            "(cluster bootstrap and permutation), so statements of one document count as one draw."
        )
    own = statements["origin"].isin(list(own_origins))
    parts, no_own = [], True
    for side in sides:
        mine = statements["side"] == side
        n = int(mine.sum())
        if n == 0:
            parts.append(f"{side}: none")
            continue
        n_own = int((mine & own).sum())
        no_own = no_own and n_own == 0
        nd = int(statements.loc[mine, "doc_id"].nunique())
        docs_txt = f" in {_plural(nd, 'document')}" if n_docs > 1 else ""
        parts.append(f"{side}: {n}{docs_txt} ({n_own} own, {n - n_own} reported)")
    lines.append("* **Statements per side.** " + "; ".join(parts) + ".")
    thin = [s for s in sides if 0 < int((statements["side"] == s).sum()) < 10]
    if thin:
        lines.append(f"* **Few statements.** {', '.join(thin)}: fewer than 10; intervals are wide and p-values coarse.")
    if no_own:
        lines.append("* **No own words.** The corpus has no readout or statement of either side: every measure is the reported view.")
    n_all = len(statements)
    no_side = int(statements["side"].isna().sum())
    no_speaker = int(statements["speaker"].isna().sum()) if "speaker" in statements.columns else 0
    if n_all and no_side == 0:
        lines.append(f"* **Sides.** Every one of the {n_all} statements has a side.")
    elif n_all:
        speakers = statements.loc[statements["side"].isna() & statements["speaker"].notna(), "speaker"].nunique()
        txt = f"* **Without a side.** {no_side} of {n_all} statements ({_pct(no_side / n_all)}) have no side"
        if speakers:
            txt += f" ({_plural(int(speakers), 'speaker')} whom no side word or registry entry places)"
        txt += f"; {no_speaker} {'has' if no_speaker == 1 else 'have'} no speaker at all (unattributed)."
        lines.append(txt)
    if "date" in documents.columns:
        undated = int(documents["date"].isna().sum())
        if undated:
            verb = "has no date and is" if undated == 1 else "have no date and are"
            lines.append(f"* **Dates.** {undated} of {n_docs} documents {verb} left out of views over time.")
    return "\n".join(lines)


def voice_reading(voice: pd.DataFrame, sides: Sequence[str]) -> str:
    """Plain words for the side rows of a voice table (``voice_share`` with ``voice_share_lo``/``_hi``).

    Names the side with the larger share of the attributed words when the intervals
    do not overlap, else says the shares are not clearly different.

    >>> v = pd.DataFrame({"level": "side", "group": ["A", "B"], "n_statements": [30, 10], "attributed_words": [600, 200],
    ...     "voice_share": [0.6, 0.2], "voice_share_lo": [0.5, 0.1], "voice_share_hi": [0.7, 0.3]})
    >>> print(voice_reading(v, ["A", "B"]))
    A gets 60% of the attributed words (95% CI 50% to 70%; 30 statements, 600 words), B 20% (10% to 30%; 10 statements, 200 words): A gets more of the voice.
    """
    rows = voice.loc[voice["group"].isin(list(sides))]
    if "level" in rows.columns:
        rows = rows.loc[rows["level"] == "side"]
    got = {r["group"]: r for _, r in rows.iterrows()}
    parts = []
    for i, side in enumerate(sides):
        if side not in got:
            parts.append(f"{side} gets no attributed words" if i == 0 else f"{side} none")
            continue
        r = got[side]
        ns = int(r["n_statements"]) if "n_statements" in r.index else None
        words = _plural(int(r["attributed_words"]), "word")
        n_txt = f"{_plural(ns, 'statement')}, {words}" if ns is not None else words
        ci = _interval(r["voice_share_lo"], r["voice_share_hi"], 0, pct=True)
        if i == 0:
            parts.append(f"{side} gets {_pct(r['voice_share'])} of the attributed words (95% CI {ci}; {n_txt})")
        else:
            parts.append(f"{side} {_pct(r['voice_share'])} ({ci}; {n_txt})")
    text = ", ".join(parts)
    if len(sides) == 2 and all(s in got for s in sides):
        a, b = (got[s] for s in sides)
        if a["voice_share_lo"] > b["voice_share_hi"]:
            text += f": {sides[0]} gets more of the voice."
        elif b["voice_share_lo"] > a["voice_share_hi"]:
            text += f": {sides[1]} gets more of the voice."
        else:
            text += ": the intervals overlap, so neither side clearly gets more of the voice."
    else:
        text += "."
    return text


_ESTIMATE = ("voice_share", "mean", "share")

#: How a row's ``view`` (analysis.core.compare.VIEWS) is named after the measure.
VIEW_WORDS = {
    "own": " in the sides' own words",
    "reported": " in what the news attributes to them",
    "pooled": " (own and reported words pooled)",
}


def period_reading(table: pd.DataFrame, what: str, digits: int = 2, percent: bool | None = None) -> str:
    """Markdown bullets for a ``*_by_period`` table of :mod:`analysis.measures.periods`.

    Per view (if any) and side: the first and last period that is not thin, the
    estimate in each with interval and n, and whether the change is clear (the two
    intervals do not overlap); then the periods too thin to compare. Frame tables are
    read from their rank-1 rows (the top frame of each period): when the top frame
    differs, the reading names both instead of comparing their shares. ``percent`` formats
    shares as percentages (default: for ``voice_share`` and ``share``).

    >>> t = pd.DataFrame({"side": "A", "period": ["2023", "2024"], "n": [20, 25], "n_docs": [5, 6],
    ...     "mean": [0.1, 0.5], "ci_low": [0.0, 0.4], "ci_high": [0.2, 0.6], "thin": [False, False]})
    >>> print(period_reading(t, "mean tone"))
    * A: mean tone rose from 0.10 in 2023 (95% CI 0.00 to 0.20; n = 20 in 5 documents) to 0.50 in 2024 (0.40 to 0.60; n = 25 in 6 documents); the intervals do not overlap.
    """
    est = next(c for c in _ESTIMATE if c in table.columns)
    percent = est in ("voice_share", "share") if percent is None else percent
    t = table
    if "rank" in t.columns:
        t = t.loc[t["rank"] <= 1]

    def fmt(x):
        return _pct(x) if percent else _num(x, digits)

    def ci(r):
        return _interval(r["ci_low"], r["ci_high"], digits, pct=percent)

    lines = []
    groups = ["view", "side"] if "view" in t.columns else ["side"]
    for key, g in t.groupby(groups, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        label = f"{key[-1]} ({key[0]})" if len(key) == 2 else str(key[0])
        ok = g.loc[~g["thin"].astype(bool) & g[est].notna()]
        thin = g.loc[g["thin"].astype(bool), "period"].tolist()
        if len(ok) < 2:
            lines.append(
                f"* {label}: fewer than two periods with enough statements (at least the thresholds of "
                f"`analysis.measures.periods`), so no change over time can be read; thin: {', '.join(thin) or 'none'}."
            )
            continue
        first, last = ok.iloc[0], ok.iloc[-1]
        name = what
        if "label" in g.columns and first["label"] != last["label"]:
            text = (
                f"* {label}: the top {what} changed from {first['label']} in {first['period']} ({fmt(first[est])} of "
                f"{int(first['n'])} statements, 95% CI {ci(first)}) to {last['label']} in {last['period']} "
                f"({fmt(last[est])} of {int(last['n'])}, {ci(last)})."
            )
            if thin:
                text += f" Too thin to compare: {', '.join(thin)}."
            lines.append(text)
            continue
        if "label" in g.columns:
            name = f"{what} ({first['label']})"
        d = last[est] - first[est]
        verb = "rose" if d > 0 else "fell" if d < 0 else "stayed"
        overlap = not (first["ci_high"] < last["ci_low"] or last["ci_high"] < first["ci_low"])
        text = (
            f"* {label}: {name} {verb} from {fmt(first[est])} in {first['period']} (95% CI {ci(first)}; "
            f"n = {int(first['n'])} in {_plural(int(first['n_docs']), 'document')}) to {fmt(last[est])} in {last['period']} "
            f"({ci(last)}; n = {int(last['n'])} in {_plural(int(last['n_docs']), 'document')}); "
        )
        text += "the intervals overlap, so the change is not clear." if overlap else "the intervals do not overlap."
        if thin:
            text += f" Too thin to compare: {', '.join(thin)}."
        lines.append(text)
    return "\n".join(lines)


_VIEW_TITLES = {
    "own": "The sides' own words (readouts and statements)",
    "reported": "What the news attributes to the sides (quotes and claims)",
    "pooled": "Own and reported words pooled",
}


def views_note(statements: pd.DataFrame, sides: Sequence[str], views: Sequence[str], origin_col: str = "origin") -> str:
    """One Markdown paragraph: which views are shown, with each side's statements in each, and why.

    ``views`` as chosen by :func:`analysis.measures.views.views_shown`.

    >>> st = pd.DataFrame({"side": ["A", "A", "B"], "origin": ["readout", "claim", "quote"]})
    >>> print(views_note(st, ["A", "B"], ["own", "reported"]))
    **Views.** Own words and reported words are shown apart (the `view` parameter pools them): own words: A 1, B 0 statements; reported words: A 1, B 1 statements.
    >>> print(views_note(st.iloc[1:], ["A", "B"], ["reported"]))
    **Views.** The corpus has no readout or statement of either side, so only what the news attributes to them is shown (reported words: A 1, B 1 statements).
    """
    from ..core.compare import VIEWS

    def counts(view):
        mine = statements.loc[statements[origin_col].isin(VIEWS[view])]
        n = ", ".join(f"{s} {int((mine['side'] == s).sum())}" for s in sides)
        return f"{'own' if view == 'own' else 'reported' if view == 'reported' else 'all'} words: {n} statements"

    own_any = bool((statements[origin_col].isin(VIEWS["own"]) & statements["side"].isin(list(sides))).any())
    if list(views) == ["pooled"]:
        return f"**Views.** Own and reported words pooled, as the `view` parameter asks ({counts('pooled')}); own words: {counts('own').split(': ', 1)[1]}."
    if list(views) == ["reported"] and not own_any:
        return (
            "**Views.** The corpus has no readout or statement of either side, so only what the news attributes "
            f"to them is shown ({counts('reported')})."
        )
    if len(views) == 1:
        return f"**Views.** Only one view, as the `view` parameter asks: {counts(views[0])}."
    return (
        "**Views.** Own words and reported words are shown apart (the `view` parameter pools them): "
        + "; ".join(counts(v) for v in views)
        + "."
    )


def _by_view_blocks(table: pd.DataFrame, write) -> str:
    """One titled block per view (in the table's order) of ``write(rows)``; no title without a ``view`` column."""
    if "view" not in table.columns:
        return write(table)
    blocks = []
    for v in dict.fromkeys(table["view"]):
        body = write(table.loc[table["view"] == v].drop(columns="view"))
        blocks.append(f"**{_VIEW_TITLES.get(v, v)}.**\n\n{body}")
    return "\n\n".join(blocks)


def sentiment_reading(comparison: pd.DataFrame, measure: str | None = None, what: str | None = None) -> str:
    """The mean-tone rows of a ``sentiment_comparison`` table (as scored and masked), per view, in plain words.

    ``measure`` defaults to the scorer's ``tone`` when the table has it (named "mean tone
    (SCORER)"), else VADER's compound.

    >>> c = pd.DataFrame({"view": "reported", "measure": "vader_compound", "masked": [False, True], "value": "v",
    ...     "side_a": "A", "side_b": "B", "n_a": 0, "n_b": 3})
    >>> print(sentiment_reading(c))
    **What the news attributes to the sides (quotes and claims).**
    <BLANKLINE>
    * No comparison of mean VADER compound: A has no statements.
    * No comparison of mean VADER compound (topic terms masked): A has no statements.
    """
    if measure is None:
        measure = "tone" if (comparison["measure"] == "tone").any() else "vader_compound"
    rows = comparison.loc[comparison["measure"] == measure]
    if what is None:
        scorers = rows["scorer"].dropna().unique().tolist() if "scorer" in rows.columns else []
        from .sentiment import tone_label_text

        what = {"tone": tone_label_text(scorers[0]) if len(scorers) == 1 else "mean tone", "vader_compound": "mean VADER compound"}.get(
            measure, measure
        )
    if rows.empty:
        return f"No {what} comparison in this table."
    return _by_view_blocks(rows, lambda t: comparisons_reading(t, {measure: what}))


def frames_reading(by_side: pd.DataFrame, comparisons: pd.DataFrame | None = None) -> str:
    """Each side's primary frame with share, interval and n, then the compared frame shares, per view.

    ``by_side`` is a ``frames_by_side`` table (with a ``view`` column when split by view),
    ``comparisons`` a :func:`analysis.measures.views.share_comparisons` table.

    >>> fb = pd.DataFrame({"side": ["A", "B"], "label": "Economic", "n_units": [4, 0], "n_present": [1, 0],
    ...     "share": [0.25, float("nan")], "share_lo": [0.0, float("nan")], "share_hi": [0.75, float("nan")],
    ...     "primary": [True, False]})
    >>> print(frames_reading(fb))
    * A: primary frame Economic, in 1 of 4 statements (25%, 95% CI 0% to 75%).
    * B: no statements.
    """

    def write(t):
        lines = []
        for side in dict.fromkeys(t["side"]):
            s = t.loc[t["side"] == side]
            n = int(s["n_units"].max()) if len(s) else 0
            prim = s.loc[s["primary"].astype(bool)]
            if n == 0:
                lines.append(f"* {side}: no statements.")
            elif prim.empty:
                lines.append(f"* {side}: no codebook frame in its {_plural(n, 'statement')}.")
            else:
                r = prim.iloc[0]
                ci = _interval(r["share_lo"], r["share_hi"], 0, pct=True)
                lines.append(
                    f"* {side}: primary frame {r['label']}, in {int(r['n_present'])} of {_plural(n, 'statement')} "
                    f"({_pct(r['share'])}, 95% CI {ci})."
                )
        return "\n".join(lines)

    text = _by_view_blocks(by_side, write)
    if comparisons is not None and len(comparisons):
        text += "\n\n**Share of statements carrying the frames that differ most.**\n\n"
        text += comparisons_reading(
            comparisons.rename(columns={"measure": "_m"})
            .assign(value=lambda d: d["_m"].str.replace("share: ", "share of statements with ", regex=False))
            .drop(columns="_m"),
            digits=2,
        )
    return text


def emphasis_reading(comparison: pd.DataFrame) -> str:
    """The topics both sides raise, per view: mean position of the statements carrying each, A against B.

    Positions run from 0 (a side's first statement in a document) to 1 (its last), so
    "lower" means raised earlier. Topics only one side raises are counted, not compared.

    >>> c = pd.DataFrame({"view": "own", "measure": "position", "label": ["Economic", "Trade"], "value": "pos",
    ...     "side_a": "A", "side_b": "B", "n_a": [2, 1], "n_b": [0, 0]})
    >>> print(emphasis_reading(c))
    **The sides' own words (readouts and statements).**
    <BLANKLINE>
    No topic is raised by both sides; 2 topics by one side only.
    >>> c = c.assign(n_b=[3, 0], mean_a=0.1, ci_low_a=0.0, ci_high_a=0.2, mean_b=0.6, ci_low_b=0.5, ci_high_b=0.7,
    ...     difference=-0.5, diff_low=-0.6, diff_high=-0.4, p_value=0.01)
    >>> print(emphasis_reading(c.drop(columns="view")).splitlines()[0][:90])
    * A's position of statements raising Economic is lower than B's: 0.10 (95% CI 0.00 to 0.20
    """

    def write(t):
        both = t.loc[(t["n_a"] > 0) & (t["n_b"] > 0)]
        one = int(len(t) - len(both))
        tail = f"; {_plural(one, 'topic')} by one side only" if one else ""
        if both.empty:
            return f"No topic is raised by both sides{tail}."
        named = both.drop(columns=[c for c in ("measure",) if c in both.columns])
        body = comparisons_reading(named.assign(value=lambda d: "position of statements raising " + d["label"].astype(str)))
        return body + f"\n\n(0 = a side's first statement in a document, 1 = its last: lower is earlier{tail}.)"

    if comparison.empty:
        return "No topic carried by either side's statements."
    return _by_view_blocks(comparison, write)


def verbs_reading(cue_classes: pd.DataFrame, sides: Sequence[str]) -> str:
    """Per side, how many reporting verbs introduce it and how they split into classes (``cue_classes_by_side``).

    >>> t = pd.DataFrame({"side": ["A", "B"], "n": [4, 3], "neutral": [4, 1], "assertive": [0, 2]})
    >>> print(verbs_reading(t, ["A", "B", "C"]))
    * A: 4 cues, all neutral.
    * B: 3 cues: 2 assertive (67%), 1 neutral (33%).
    * C: no reporting verb.
    """
    classes = [c for c in cue_classes.columns if c not in ("side", "n")]
    lines = []
    for side in sides:
        r = cue_classes.loc[cue_classes["side"] == side]
        if r.empty or int(r["n"].iloc[0]) == 0:
            lines.append(f"* {side}: no reporting verb.")
            continue
        r = r.iloc[0]
        n = int(r["n"])
        used = sorted(((int(r[c]), c) for c in classes if int(r[c]) > 0), key=lambda x: (-x[0], classes.index(x[1])))
        if len(used) == 1:
            lines.append(f"* {side}: {_plural(n, 'cue')}, all {used[0][1]}.")
        else:
            lines.append(f"* {side}: {_plural(n, 'cue')}: " + ", ".join(f"{k} {c} ({_pct(k / n)})" for k, c in used) + ".")
    return "\n".join(lines)


def unattributed_reading(quotes: pd.DataFrame, show: int = 3, width: int = 80) -> str:
    """How many quotes have no speaker (speaker None), with the first few, shortened.

    >>> q = pd.DataFrame({"kind": ["full", "partial", "term"], "speaker": ["X", None, None], "text": ["a", "b c", "d"]})
    >>> print(unattributed_reading(q))
    1 of 2 quotes (terms aside) has no speaker (speaker None): no rule found whose words they are, so they count for no side.
    * "b c"
    """
    q = quotes.loc[quotes["kind"] != "term"] if "kind" in quotes.columns else quotes
    none = q.loc[q["speaker"].isna()]
    if q.empty:
        return "No quotes (terms aside) in this corpus."
    if none.empty:
        return f"All {len(q)} quotes (terms aside) have a speaker."
    verb = "has" if len(none) == 1 else "have"
    lines = [
        f"{len(none)} of {len(q)} quotes (terms aside) {verb} no speaker (speaker None): no rule found whose words "
        "they are, so they count for no side."
    ]
    for t in none["text"].head(show):
        t = " ".join(str(t).split())
        lines.append(f'* "{t if len(t) <= width else t[: width - 1] + "…"}"')
    if len(none) > show:
        lines.append(f"* … and {len(none) - show} more (table below).")
    return "\n".join(lines)


def find_document(documents: pd.DataFrame, name: str) -> str | None:
    """The ``doc_id`` of the document whose id or file name (without extension) is ``name``, else None.

    >>> d = pd.DataFrame({"doc_id": ["x", "y"], "path": ["000_ab.md", "y.md"]})
    >>> find_document(d, "000_ab"), find_document(d, "y"), find_document(d, "z")
    ('x', 'y', None)
    """
    for _, r in documents.iterrows():
        stem = str(r.get("path") or "").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if r["doc_id"] == name or stem == name:
            return str(r["doc_id"])
    return None
