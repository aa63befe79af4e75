"""One computed line per notebook for the report's index: what the tables in front of it show.

Every sentence is built from the built tables (``processed``) and the two sides, never
written in advance; a notebook whose tables cannot answer its question says so.

>>> import pandas as pd
>>> t = {"documents": pd.DataFrame({"doc_id": ["a", "b"], "date": ["2024-01-02", None]}),
...      "paragraphs": pd.DataFrame({"doc_id": ["a"] * 3}), "sentences": pd.DataFrame({"doc_id": ["a"] * 5})}
>>> finding("01_corpus", t, ("A", "B"))
'2 documents (1 dated, 2024-01-02), 3 paragraphs, 5 sentences.'
>>> finding("02_actors_quotes_claims", {"statements": pd.DataFrame(columns=["side", "speaker"])}, ("A", "B"))
'No quote or reported claim was found, so this corpus cannot show who speaks for which side.'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pandas as pd

__all__ = ["finding", "findings", "question", "verdict", "QUESTIONS", "TABLES_USED", "OPTIONAL_TABLES"]

#: What each notebook asks, for any study: ``{a}`` and ``{b}`` are the two sides.
QUESTIONS = {
    "01": "What is in the corpus: how many documents, paragraphs and sentences, and from when?",
    "02": "Who is quoted or reported, for {a} or for {b}, and with which verbs?",
    "03": "Do {a} and {b} speak in a different tone, as scored and with the topic's own words masked?",
    "04": "Which frames does each side's speech carry, and which words set {a} apart from {b}?",
    "05": "Where does each side come in a document, and how much of the account is in its words?",
    "06": "Side by side: voice, tone, frames and emphasis of {a} and {b}, each with its n.",
    "07": "Do voice, tone and frames of {a} and {b} change over time?",
}

#: Tables a finding adds when present (the tested comparisons a notebook saved).
OPTIONAL_TABLES = {"03": ("sentiment_comparison",), "04": ("frame_share_comparison", "group_comparison"), "05": ("emphasis_comparison",)}

#: The tables each finding reads (a missing table means no finding for that notebook).
TABLES_USED = {
    "01": ("documents", "paragraphs", "sentences"),
    "02": ("statements",),
    "03": ("sentiment",),
    "04": ("frames_by_side",),
    "05": ("voice",),
    "06": ("voice", "sentiment"),
    "07": ("documents", "statements"),
}


def _n(x: int, word: str) -> str:
    return f"{x:,} {word}{'' if x == 1 else 's'}"


def _corpus(t, sides) -> str:
    docs = t["documents"]
    dates = sorted(str(d) for d in docs["date"].dropna().tolist() if d)
    span = "" if not dates else (f", {dates[0]}" if dates[0] == dates[-1] else f", {dates[0]} to {dates[-1]}")
    return f"{_n(len(docs), 'document')} ({len(dates)} dated{span}), {_n(len(t['paragraphs']), 'paragraph')}, {_n(len(t['sentences']), 'sentence')}."


def _side_counts(st: pd.DataFrame, sides) -> list[tuple[str, int]]:
    return [(s, int((st["side"] == s).sum())) for s in sides]


def _actors(t, sides) -> str:
    st = t["statements"]
    if not len(st):
        return "No quote or reported claim was found, so this corpus cannot show who speaks for which side."
    counts = _side_counts(st, sides)
    unknown = int(st["side"].isna().sum())
    parts = ", ".join(f"{s} {n:,}" for s, n in counts)
    return f"{_n(len(st), 'statement')} by {_n(st['speaker'].nunique(), 'speaker')}; by side: {parts}, no side {unknown:,}."


def _tone(t, sides) -> str:
    s = t["sentiment"]
    rows = []
    for side in sides:
        tone = s.loc[s["side"] == side, "tone"].dropna()
        if len(tone):
            rows.append(f"{side} {tone.mean():+.2f} (n = {len(tone):,})")
    if len(rows) < 2:
        missing = [side for side in sides if not (s["side"] == side).any()]
        return f"No statement of {' or '.join(missing)}, so this corpus cannot compare the tone of the two sides."
    text = "Mean tone of each side's statements (-1 to 1): " + "; ".join(rows) + "."
    c = t.get("sentiment_comparison")
    if c is not None and len(c):
        c = c.loc[(c["measure"] == "tone") & ~c["masked"].astype(bool)]
        for r in c.to_dict("records"):  # one row per view shown
            view = f" ({_VIEWS.get(r['view'], r['view'])})" if "view" in r else ""
            raw = float(r.get("mean_a", float("nan"))) - float(r.get("mean_b", float("nan")))
            same = raw != raw or f"{raw:+.2f}" == f"{r['difference']:+.2f}"
            inside = "" if same else f" (compared inside the documents that quote both; the means differ by {raw:+.2f})"
            text += f" {r['side_a']} - {r['side_b']}{view}: {r['difference']:+.2f}{inside}, {verdict(r)}."
    return text


#: How a finding names a view.
_VIEWS = {"own": "own words", "reported": "words the news attributes", "pooled": "all statements"}


def verdict(row) -> str:
    """A tested comparison row (``compare_sides`` columns with ``q_value``) in a few words, by the readings' rule.

    >>> verdict({"side_a": "A", "side_b": "B", "n_a": 40, "n_b": 50, "diff_low": 0.1, "diff_high": 0.3, "q_value": 0.01})
    '95% CI +0.10 to +0.30, BH q = 0.010: a difference'
    >>> verdict({"side_a": "A", "side_b": "B", "n_a": 4, "n_b": 50, "diff_low": 0.1, "diff_high": 0.3, "q_value": 0.01})
    'described, not tested (fewer than 10 statements for A)'
    """
    from ..measures.readings import ALPHA, too_thin

    r = dict(row)
    thin = too_thin(r)
    if thin:
        return f"described, not tested ({thin})"
    lo, hi, q = r.get("diff_low"), r.get("diff_high"), r.get("q_value")
    if q is None or q != q or lo is None or lo != lo:
        return "no interval or test"
    clear = q < ALPHA and (lo > 0 or hi < 0)
    return f"95% CI {lo:+.2f} to {hi:+.2f}, BH q = {q:.3f}: {'a difference' if clear else 'no clear difference'}"


def _tested(c: pd.DataFrame | None, what: str) -> str:
    """How many of a saved comparison table's rows were tested and how many show a clear difference, with the clearest."""
    if c is None or not len(c):
        return ""
    from ..measures.readings import ALPHA, is_clear, too_thin

    unit = lambda r: "documents" if r.get("measure") == "lead" else "statements"  # noqa: E731  (lead rows count documents)
    tested = c.loc[[not too_thin(r, unit(r)) for r in c.to_dict("records")]]
    if not len(tested):
        return f" {len(c)} {what} comparisons, all described, not tested (too few statements or documents)."
    clear = tested.loc[is_clear(tested)]
    text = f" {what.capitalize()} comparisons tested: {len(tested)}, with a clear difference (BH q < {ALPHA}, interval excluding zero): {len(clear)}"
    if len(clear):
        r = clear.sort_values("q_value", kind="stable").iloc[0]
        name = r["label"] if "label" in r.index and isinstance(r["label"], str) else str(r["measure"]).removeprefix("share: ")
        if r.get("measure") in ("position", "lead"):
            name = f"{r['measure']} of {name}"
        view = f", {_VIEWS.get(r['view'], r['view'])}" if "view" in r.index else ""
        text += f", e.g. {name} {r['difference']:+.2f} ({r['side_a']} - {r['side_b']}{view}, q = {r['q_value']:.3f})"
    return text + "."


def _frame_tests(t) -> str:
    return _tested(t.get("frame_share_comparison"), "frame share")


def _group_tests(t) -> str:
    g = t.get("group_comparison")
    if g is None or not len(g):
        return ""
    from ..measures.groups import MIN_DOCS_PER_GROUP
    from ..measures.readings import is_clear

    r0 = g.iloc[0]
    head = f" Groups of documents by {r0['field']}, {r0['group_a']} (n = {int(r0['n_a'])}) vs {r0['group_b']} (n = {int(r0['n_b'])})"
    if min(int(r0["n_a"]), int(r0["n_b"])) < MIN_DOCS_PER_GROUP:
        return head + ": described, not tested (too few documents)."
    clear = g.loc[is_clear(g, "diff_lo", "diff_hi")]
    text = head + f": {len(clear)} of {len(g)} measures with a clear difference"
    best = g.sort_values("p_value", kind="stable").iloc[0]
    text += (
        f"; smallest p: {best['label']} {best['diff']:+.2f} [{best['diff_lo']:+.2f}, {best['diff_hi']:+.2f}], BH q = {best['q_value']:.3f}"
    )
    return text + "."


def _frames(t, sides) -> str:
    f = t["frames_by_side"]
    if "view" in f.columns and len(f):
        f = f.loc[f["view"] == f["view"].iloc[0]]
    rows = []
    for side in sides:
        p = f.loc[(f["side"] == side) & f["primary"] & (f["n_present"] > 0)]
        if len(p):
            r = p.iloc[0]
            rows.append(f"{side}: {r['label']} ({int(r['n_present'])} of {int(r['n_units'])} statements)")
    if not rows:
        return "No statement of either side carries a frame of the codebook, so this corpus cannot compare frames." + _group_tests(t)
    return "Most frequent frame: " + "; ".join(rows) + "." + _frame_tests(t) + _group_tests(t)


def _voice(t, sides) -> str:
    v = t["voice"]
    v = v.loc[v["level"] == "side"]
    rows = [
        f"{side} {r['voice_share']:.0%} of attributed words ({int(r['attributed_words']):,} words)"
        for side in sides
        for r in v.loc[v["group"] == side].to_dict("records")
    ]
    if not rows:
        return "Neither side is quoted or reported, so this corpus cannot show how much voice each side gets."
    return "Voice: " + "; ".join(rows) + "."


def _emphasis(t, sides) -> str:
    return _voice(t, sides) + _tested(t.get("emphasis_comparison"), "position and lead")


def _comparison(t, sides) -> str:
    return _voice(t, sides) + " " + _tone(t, sides)


def _time(t, sides) -> str:
    docs = t["documents"]
    dated = docs.loc[docs["date"].notna()]
    if not len(dated):
        return "No document has a date, so this corpus cannot show change over time."
    months = sorted({str(d)[:7] for d in dated["date"]})
    if len(months) < 2:
        return f"Every dated document falls in one month ({months[0]}), so this corpus cannot show change over time."
    st = t["statements"]
    n = int(st["doc_id"].isin(set(dated["doc_id"])).sum()) if len(st) else 0
    return f"{_n(len(dated), 'dated document')} over {_n(len(months), 'month')} ({months[0]} to {months[-1]}), with {_n(n, 'statement')}."


def question(notebook: str, sides: Sequence[str]) -> str | None:
    """What notebook ``notebook`` (``NN_name``) asks, phrased with the study's two sides.

    >>> question("07_time", ["Democrats", "Republicans"])
    'Do voice, tone and frames of Democrats and Republicans change over time?'
    """
    q = QUESTIONS.get(Path(notebook).stem[:2])
    a, b = (list(sides) + ["side A", "side B"])[:2]
    return q.format(a=a, b=b) if q else None


_FINDERS: dict[str, Callable] = {"01": _corpus, "02": _actors, "03": _tone, "04": _frames, "05": _emphasis, "06": _comparison, "07": _time}


def finding(notebook: str, tables: Mapping[str, pd.DataFrame], sides: Sequence[str]) -> str | None:
    """The one-line finding of notebook ``notebook`` (its file stem, ``NN_name``), or None without the tables it needs."""
    key = Path(notebook).stem[:2]
    f = _FINDERS.get(key)
    if f is None or not all(n in tables for n in TABLES_USED[key]):
        return None
    try:
        return f(tables, list(sides))
    except (KeyError, ValueError, TypeError):
        return None


def findings(notebooks: Sequence[str | Path], processed: str | Path, sides: Sequence[str]) -> dict[str, str | None]:
    """:func:`finding` for each notebook, from the tables saved in ``processed`` (the build's and the notebooks')."""
    from ..core.store import read_table

    processed = Path(processed)
    names = {n for k in (*TABLES_USED.values(), *OPTIONAL_TABLES.values()) for n in k}
    tables = {n: read_table(processed, n) for n in sorted(names) if (processed / f"{n}.parquet").is_file()}
    return {Path(nb).stem: finding(Path(nb).stem, tables, sides) for nb in notebooks}
