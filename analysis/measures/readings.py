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

Wording rules: a difference is called a difference only when its Benjamini-Hochberg
adjusted p (``q_value``, over the notebook's family) is under 0.05 *and* its 95% interval
excludes zero (else "no clear difference", with both numbers); below 5 documents or 10
statements per side a comparison is described, not tested; every estimate carries its
interval and n; the permutation design (``resampling``) is named. Strings are Markdown.

>>> row = {"value": "vader_compound", "side_a": "A", "side_b": "B", "n_a": 40, "mean_a": 0.3,
...     "ci_low_a": 0.2, "ci_high_a": 0.4, "n_b": 30, "mean_b": 0.1, "ci_low_b": 0.0, "ci_high_b": 0.2,
...     "difference": 0.2, "diff_low": 0.05, "diff_high": 0.35, "p_value": 0.01, "q_value": 0.03, "cliffs_delta": 0.3,
...     "effect_size": "small", "n_docs_a": 12, "n_docs_b": 10, "n_docs": 15, "resampling": "between documents"}
>>> print(comparison_reading(row, "mean tone"))
A's mean tone is higher than B's: 0.30 (95% CI 0.20 to 0.40; n = 40 statements in 12 documents) against 0.10 (0.00 to 0.20; n = 30 in 10 documents), a difference of +0.20 (95% CI +0.05 to +0.35; permutation p = 0.010; BH q = 0.030; Cliff's delta +0.30, small). The test relabels whole documents (each quotes one side); the interval treats documents as clusters. 15 documents in all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from ..core.study import possessive

__all__ = [
    "VIEW_WORDS",
    "caveats",
    "ALPHA",
    "MIN_DOCS_PER_SIDE",
    "MIN_STATEMENTS_PER_SIDE",
    "comparison_reading",
    "comparisons_reading",
    "design_note",
    "family_note",
    "sorted_tests_reading",
    "possessive",
    "too_thin",
    "is_clear",
    "voice_reading",
    "period_reading",
    "views_note",
    "sentiment_reading",
    "frames_reading",
    "emphasis_reading",
    "verbs_reading",
    "unattributed_reading",
    "find_document",
    "first_ranks",
    "statement_rank",
]


from .readings_format import ALPHA, _interval, _isnan, _num, _pct, _plural  # noqa: E402  (shared with readings_periods)
from .readings_periods import period_reading  # noqa: E402


def _units(n, unit: str) -> str:
    """``"1 statement"``, ``"5 statements"`` (``unit`` given in the plural).

    >>> _units(1, "statements"), _units(5, "statements")
    ('1 statement', '5 statements')
    """
    n = int(n)
    return f"{n} {unit[:-1] if n == 1 and unit.endswith('s') else unit}"


def _docs(row: Mapping, key: str) -> str:
    n = row.get(f"n_docs_{key}")
    return "" if _isnan(n) or int(n) == 0 else f" in {_plural(int(n), 'document')}"


#: Below these, a comparison is described, not tested: fewer documents per side (with several documents) ...
MIN_DOCS_PER_SIDE = 5
#: ... or fewer statements per side.
MIN_STATEMENTS_PER_SIDE = 10

_DESIGN_WORDS = {
    "statements": "The test permutes statement labels of one document, which are not independent.",
    "within documents": "The test shuffles side labels within each document that quotes both sides; the difference is the mean of the per-document differences.",
    "between documents": "The test relabels whole documents (each quotes one side); the interval treats documents as clusters.",
    "within and between documents": "The test shuffles labels within the documents that quote both sides and relabels the documents that quote one, in one test; the difference combines both.",
}


def too_thin(row: Mapping, unit: str = "statements") -> str:
    """Why a comparison row is only described ("" when it may be read as a test): too few documents or statements per side.

    >>> too_thin({"side_a": "A", "side_b": "B", "n_a": 12, "n_b": 4, "n_docs_a": 6, "n_docs_b": 6, "resampling": "between documents"})
    'fewer than 10 statements for B'
    >>> too_thin({"side_a": "A", "side_b": "B", "n_a": 40, "n_b": 3, "n_docs": 1, "resampling": "statements"})
    'all statements come from one document; fewer than 10 statements for B'
    """
    r = dict(row)
    nd = r.get("n_docs") if not _isnan(r.get("n_docs")) else r.get("n_docs_a")
    why = []
    if r.get("resampling") == "statements" and not _isnan(nd) and int(nd) <= 1:
        why.append("all statements come from one document")
    for side, key in ((r["side_a"], "a"), (r["side_b"], "b")):
        nd = r.get(f"n_docs_{key}")
        if int(r.get(f"n_{key}") or 0) < MIN_STATEMENTS_PER_SIDE:
            why.append(f"fewer than {MIN_STATEMENTS_PER_SIDE} {unit} for {side}")
        elif r.get("resampling") != "statements" and not _isnan(nd) and int(nd) < MIN_DOCS_PER_SIDE:
            why.append(f"fewer than {MIN_DOCS_PER_SIDE} documents for {side}")
    return "; ".join(why)


def design_note(row: Mapping, digits: int = 2) -> str:
    """A sentence when a design's difference is not the difference of the two means shown beside it ("" otherwise).

    Within a document that quotes both sides the difference compares the sides inside it (its
    own level cancels), and a mixed design weighs the one-side documents by their precision,
    so ``difference`` can differ from ``mean_a - mean_b`` (see :mod:`analysis.core.designs`).

    >>> r = {"mean_a": -0.09, "mean_b": -0.14, "difference": 0.11, "resampling": "within and between documents"}
    >>> print(design_note(r))
    The difference (+0.11) is not that of the two means (+0.05): it compares the sides inside the documents that quote both, where each document's own level cancels, and gives the documents that quote one side less weight.
    >>> design_note({**r, "difference": 0.05})
    ''
    """
    how = row.get("resampling")
    if how not in ("within documents", "within and between documents") or _isnan(row.get("difference")):
        return ""
    d, raw = float(row["difference"]), float(row["mean_a"]) - float(row["mean_b"])
    if _num(d, digits, sign=True) == _num(raw, digits, sign=True):
        return ""
    text = (
        f"The difference ({_num(d, digits, sign=True)}) is not that of the two means ({_num(raw, digits, sign=True)}): "
        "it compares the sides inside the documents that quote both, where each document's own level cancels"
    )
    return text + (", and gives the documents that quote one side less weight." if how == "within and between documents" else ".")


def comparison_reading(row: Mapping | pd.Series, what: str | None = None, digits: int = 2, unit: str = "statements") -> str:
    """One comparison row in plain words: each side's estimate with interval and n, the difference, p and q, effect size.

    ``what`` names the measure ("mean tone"; default the ``value`` column). A difference
    is called one only when the adjusted p (``q_value``; a lone row's ``p_value``) is
    under :data:`ALPHA` *and* the 95% interval of the difference excludes zero; otherwise
    the sentence says "no clear difference" and gives both numbers, and says why when they
    disagree. Below :data:`MIN_STATEMENTS_PER_SIDE` statements or :data:`MIN_DOCS_PER_SIDE`
    documents per side (or with one document) the reading is descriptive: the numbers,
    and that no inference is made. The last sentence names the design (``resampling``).

    >>> r = {"value": "x", "side_a": "A", "side_b": "B", "n_a": 4, "mean_a": 0.2, "ci_low_a": -0.1, "ci_high_a": 0.5,
    ...     "n_b": 3, "mean_b": 0.1, "ci_low_b": -0.2, "ci_high_b": 0.4, "difference": 0.1, "diff_low": -0.3,
    ...     "diff_high": 0.5, "p_value": 0.6, "cliffs_delta": 0.1, "effect_size": "negligible", "resampling": "statements"}
    >>> print(comparison_reading(r))
    Described, not tested (fewer than 10 statements for A; fewer than 10 statements for B): x 0.20 for A (n = 4 statements) against 0.10 for B (n = 3), a difference of +0.10 (Cliff's delta +0.10). No inference is made.
    """
    r = dict(row)
    what = what or str(r.get("value"))
    a, b = r["side_a"], r["side_b"]
    if int(r.get("n_a") or 0) == 0 or int(r.get("n_b") or 0) == 0:
        empty = [s for s, k in ((a, "a"), (b, "b")) if int(r.get(f"n_{k}") or 0) == 0]
        return f"No comparison of {what}: no {unit} for {' or '.join(empty)}."
    d = r["difference"]
    thin = too_thin(r, unit)
    if thin:
        text = (
            f"Described, not tested ({thin}): {what} {_num(r['mean_a'], digits)} for {a} (n = {_units(r['n_a'], unit)}{_docs(r, 'a')}) "
            f"against {_num(r['mean_b'], digits)} for {b} (n = {int(r['n_b'])}{_docs(r, 'b')}), a difference of {_num(d, digits, sign=True)}"
        )
        if not _isnan(r.get("cliffs_delta")):
            text += f" (Cliff's delta {_num(r['cliffs_delta'], digits, sign=True)})"
        note = design_note(r, digits)
        return text + ". " + (note + " " if note else "") + "No inference is made."
    lo, hi = r.get("diff_low"), r.get("diff_high")
    q = r.get("q_value") if not _isnan(r.get("q_value")) else r.get("p_value")
    excludes = not _isnan(lo) and not _isnan(hi) and (lo > 0 or hi < 0)
    significant = not _isnan(q) and float(q) < ALPHA
    if excludes and significant:
        head = f"{possessive(a)} {what} is {'higher' if d > 0 else 'lower'} than {possessive(b)}"
    else:
        head = f"No clear difference in {what} between {a} and {b}"
    text = (
        f"{head}: {_num(r['mean_a'], digits)} (95% CI {_interval(r['ci_low_a'], r['ci_high_a'], digits)}; "
        f"n = {_units(r['n_a'], unit)}{_docs(r, 'a')}) against {_num(r['mean_b'], digits)} "
        f"({_interval(r['ci_low_b'], r['ci_high_b'], digits)}; n = {int(r['n_b'])}{_docs(r, 'b')}), "
        f"a difference of {_num(d, digits, sign=True)}"
    )
    extra = [f"95% CI {_interval(lo, hi, digits, sign=True)}"]
    if not _isnan(r.get("p_value")):
        extra.append(f"permutation p = {float(r['p_value']):.3f}")
    if not _isnan(r.get("q_value")):
        extra.append(f"BH q = {float(r['q_value']):.3f}")
    if not _isnan(r.get("cliffs_delta")):
        extra.append(f"Cliff's delta {_num(r['cliffs_delta'], digits, sign=True)}, {r.get('effect_size')}")
    text += f" ({'; '.join(extra)})."
    if excludes and not significant:
        text += f" The interval excludes zero but the adjusted test does not reach {ALPHA}, so no difference is claimed."
    elif significant and not excludes:
        text += f" The adjusted test is under {ALPHA} but the interval includes zero, so no difference is claimed."
    how = r.get("resampling")
    if how in _DESIGN_WORDS:
        text += " " + _DESIGN_WORDS[how]
    if note := design_note(r, digits):
        text += " " + note
    if how not in (None, "statements") and not _isnan(r.get("n_docs")):
        text += f" {int(r['n_docs'])} documents in all."
    return text


def family_note(n_tests: int, what: str = "comparisons") -> str:
    """One sentence: how many tests form this notebook's family and how they are adjusted.

    >>> family_note(20)
    'These 20 comparisons form one family: every q is Benjamini-Hochberg adjusted over all 20 tests, and a difference is named only when q < 0.05 and its 95% interval excludes zero.'
    >>> family_note(0)
    'No comparisons to test here.'
    """
    if n_tests == 0:
        return f"No {what} to test here."
    if n_tests == 1:
        return f"One comparison, tested alone: a difference is named only when p < {ALPHA} and its 95% interval excludes zero."
    return (
        f"These {n_tests} {what} form one family: every q is Benjamini-Hochberg adjusted over all {n_tests} tests, "
        f"and a difference is named only when q < {ALPHA} and its 95% interval excludes zero."
    )


def comparisons_reading(table: pd.DataFrame, names: Mapping[str, str] | None = None, digits: int = 2, unit: str = "statements") -> str:
    """A Markdown bullet list, one :func:`comparison_reading` per row of a comparison table.

    ``names`` maps a row's ``measure`` (or ``value``) to the words used for it; rows of
    a table with a ``masked`` column say "(topic terms masked)", rows with a ``view``
    (:func:`analysis.core.compare.compare_by_view`) which view they are.

    >>> t = pd.DataFrame([{"value": "x", "side_a": "A", "side_b": "B", "n_a": 0, "n_b": 2}])
    >>> comparisons_reading(t, {"x": "tone"})
    '* No comparison of tone: no statements for A.'
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
    * **Few statements.** A: fewer than 10; comparisons are described, not tested (no inference is made).
    * **No own words.** The corpus has no document issued by either side: every measure is the reported view.
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
        kinds_txt = "by kind: " + ", ".join(f"{k} {int(n)}" for k, n in kinds.items())  # kind names are data, not nouns to pluralise
        lines.append(
            f"* **{n_docs} documents** ({kinds_txt}). Tests follow the documents: side labels are shuffled within a "
            "document that quotes both sides and whole documents are relabelled among those that quote one; intervals "
            "treat documents as clusters. Each comparison names its design."
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
        lines.append(
            f"* **Few statements.** {', '.join(thin)}: fewer than {MIN_STATEMENTS_PER_SIDE}; comparisons are described, "
            "not tested (no inference is made)."
        )
    if no_own:
        lines.append("* **No own words.** The corpus has no document issued by either side: every measure is the reported view.")
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

    Descriptive: each side's share with its interval and n; no side is said to get
    "more" of the voice, since no test compares the shares (overlapping or not, two
    intervals are not a test).

    >>> v = pd.DataFrame({"level": "side", "group": ["A", "B"], "n_statements": [30, 10], "attributed_words": [600, 200],
    ...     "voice_share": [0.6, 0.2], "voice_share_lo": [0.5, 0.1], "voice_share_hi": [0.7, 0.3]})
    >>> print(voice_reading(v, ["A", "B"]))
    A: 60% of the attributed words (95% CI 50% to 70%; 30 statements, 600 words), B 20% (10% to 30%; 10 statements, 200 words). These shares describe how the attributed words divide; no test compares them.
    >>> print(voice_reading(v.assign(skipped_share=[0.0, 0.031]), ["A", "B"]).split("them. ")[1])
    B's intervals leave out 3.1% of the bootstrap resamples (no attributed word drawn).
    """
    rows = voice.loc[voice["group"].isin(list(sides))]
    if "level" in rows.columns:
        rows = rows.loc[rows["level"] == "side"]
    got = {r["group"]: r for _, r in rows.iterrows()}
    parts = []
    for i, side in enumerate(sides):
        if side not in got:
            parts.append(f"{side}: no attributed words" if i == 0 else f"{side} none")
            continue
        r = got[side]
        ns = int(r["n_statements"]) if "n_statements" in r.index else None
        words = _plural(int(r["attributed_words"]), "word")
        n_txt = f"{_plural(ns, 'statement')}, {words}" if ns is not None else words
        ci = _interval(r["voice_share_lo"], r["voice_share_hi"], 0, pct=True)
        if i == 0:
            parts.append(f"{side}: {_pct(r['voice_share'])} of the attributed words (95% CI {ci}; {n_txt})")
        else:
            parts.append(f"{side} {_pct(r['voice_share'])} ({ci}; {n_txt})")
    text = ", ".join(parts)
    text += ". These shares describe how the attributed words divide; no test compares them."
    left = [(s, got[s]["skipped_share"]) for s in sides if s in got and "skipped_share" in got[s].index and got[s]["skipped_share"] > 0]
    if left:
        text += (
            " "
            + "; ".join(f"{s}'s intervals leave out {v:.1%} of the bootstrap resamples (no attributed word drawn)" for s, v in left)
            + "."
        )
    return text


#: How a row's ``view`` (analysis.core.compare.VIEWS) is named after the measure.
VIEW_WORDS = {
    "own": " in the sides' own words",
    "reported": " in what the news attributes to them",
    "pooled": " (own and reported words pooled)",
}


_VIEW_TITLES = {
    "own": "The sides' own words (documents they issued)",
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
    **Views.** The corpus has no document issued by either side, so only what the news attributes to them is shown (reported words: A 1, B 1 statements).
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
            "**Views.** The corpus has no document issued by either side, so only what the news attributes "
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
    * No comparison of mean VADER compound: no statements for A.
    * No comparison of mean VADER compound (topic terms masked): no statements for A.
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


def frames_reading(by_side: pd.DataFrame, comparisons: pd.DataFrame | None = None, show: int = 5) -> str:
    """Each side's primary frame with share, interval and n, then the tested frame shares, per view.

    ``by_side`` is a ``frames_by_side`` table (with a ``view`` column when split by view),
    ``comparisons`` a :func:`analysis.measures.views.share_comparisons` table of every
    frame tested (with ``q_value`` over the notebook's family): read by :func:`sorted_tests_reading`.

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
        text += "\n\n**Frame shares compared: every frame either side raises, tested, then sorted.**\n\n" + _by_view_blocks(
            comparisons, lambda t: sorted_tests_reading(t, show, "frame")
        )
    return text


def is_clear(t: pd.DataFrame, low: str = "diff_low", high: str = "diff_high") -> pd.Series:
    """Per row of a comparison table: a clear difference, q (else p) under :data:`ALPHA` and the interval ``low``..``high`` excluding zero.

    >>> is_clear(pd.DataFrame({"q_value": [0.01, 0.01, 0.2], "diff_low": [0.1, -0.1, 0.1], "diff_high": [0.3, 0.3, 0.3]})).tolist()
    [True, False, False]
    """
    q = t["q_value"] if "q_value" in t.columns else t["p_value"]
    return (q < ALPHA) & ((t[low] > 0) | (t[high] < 0))


def sorted_tests_reading(comparisons: pd.DataFrame, show: int = 5, what: str = "frame") -> str:
    """Every tested row counted, then the rows sorted (clear differences first, then by q, then by size) and the first ``show`` read.

    The rows are all the frames (or topics) tested, so the ones shown are picked after
    testing, by the adjusted result, not before it by the size of the difference.

    >>> t = pd.DataFrame({"value": ["share: X", "share: Y"], "side_a": "A", "side_b": "B", "n_a": 0, "n_b": 3,
    ...     "p_value": [float("nan"), float("nan")]})
    >>> sorted_tests_reading(t)
    'No frame could be tested (a side has no statements).'
    """
    t = comparisons.copy()
    if "measure" in t.columns:
        t["value"] = t["measure"].str.replace("share: ", "share of statements with ", regex=False)
        t = t.drop(columns="measure")
    tested = t.loc[t["p_value"].notna()]
    if tested.empty:
        return f"No {what} could be tested (a side has no statements)."
    q = tested["q_value"] if "q_value" in tested.columns else tested["p_value"]
    clear = is_clear(tested)
    order = tested.assign(_c=~clear, _q=q, _s=-tested["difference"].abs()).sort_values(["_c", "_q", "_s"], kind="stable")
    head = (
        f"{_plural(len(tested), what)} tested, {int(clear.sum())} with a clear difference (q < {ALPHA} and the interval "
        f"excluding zero); the first {min(show, len(tested))}, clear ones first, then by q:"
    )
    return head + "\n\n" + comparisons_reading(order.head(show).drop(columns=["_c", "_q", "_s"]), digits=2)


def emphasis_reading(comparison: pd.DataFrame) -> str:
    """The topics both sides raise, per view: mean position of the statements carrying each, A against B.

    Positions run from 0 (a side's first statement in a document) to 1 (its last), so
    "lower" means raised earlier. Topics only one side raises are counted, not compared.

    >>> c = pd.DataFrame({"view": "own", "measure": "position", "label": ["Economic", "Trade"], "value": "pos",
    ...     "side_a": "A", "side_b": "B", "n_a": [12, 1], "n_b": [0, 0]})
    >>> print(emphasis_reading(c))
    **The sides' own words (documents they issued).**
    <BLANKLINE>
    No topic is raised by both sides; 2 topics by one side only.
    >>> c = c.assign(n_b=[13, 0], mean_a=0.1, ci_low_a=0.0, ci_high_a=0.2, mean_b=0.6, ci_low_b=0.5, ci_high_b=0.7,
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
        lead = both["measure"].eq("lead") if "measure" in both.columns else pd.Series(False, index=both.index)
        # a lead row's units are documents (a side's statements in one document): n counts documents
        positions = named.loc[~lead]
        positions = comparisons_reading(positions.assign(value="position of statements raising " + positions["label"].astype(str)))
        leads = named.loc[lead].drop(columns=[c for c in ("n_docs_a", "n_docs_b") if c in named.columns])
        leads = comparisons_reading(leads.assign(value="share of documents leading with " + leads["label"].astype(str)), unit="documents")
        body = "\n".join(x for x in (positions, leads) if x)
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


def first_ranks(presence: pd.DataFrame, doc_id: str, side: str) -> dict[str, int]:
    """``{frame_id: rank of the side's first statement carrying it}`` in one document (side-level presence rows), plus ``"_n"`` statements.

    >>> p = pd.DataFrame({"level": "side", "doc_id": "d", "side": "A", "frame_id": ["x", "x", "y"], "present": [False, True, True],
    ...     "rank": [1, 2, 2], "n_units": 3})
    >>> first_ranks(p, "d", "A")
    {'x': 2, 'y': 2, '_n': 3}
    """
    p = presence.loc[(presence["level"] == "side") & (presence["doc_id"] == doc_id) & (presence["side"] == side)]
    hit = p.loc[p["present"].astype(bool)]
    out = {f: int(r) for f, r in hit.groupby("frame_id", sort=False)["rank"].min().items()}
    out["_n"] = int(p["n_units"].max()) if len(p) else 0
    return out


def statement_rank(presence: pd.DataFrame, doc_id: str, side: str, phrase: str) -> int | None:
    """Rank among the side's statements in ``doc_id`` of the first one containing ``phrase``; None when none does.

    >>> p = pd.DataFrame({"level": "side", "doc_id": "d", "side": "A", "rank": [1, 2], "text": ["We talk.", "An end to it."]})
    >>> statement_rank(p, "d", "A", "end to"), statement_rank(p, "d", "A", "war")
    (2, None)
    """
    p = presence.loc[(presence["level"] == "side") & (presence["doc_id"] == doc_id) & (presence["side"] == side)]
    hit = p.loc[p["text"].astype(str).str.contains(phrase, regex=False)]
    return int(hit["rank"].min()) if len(hit) else None


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
