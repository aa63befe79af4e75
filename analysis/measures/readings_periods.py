"""Reading a ``*_by_period`` table: each side's first and last comparable period, and a test of the change."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .readings_format import ALPHA, _interval, _isnan, _num, _pct, _plural

__all__ = ["period_reading"]

_ESTIMATE = ("voice_share", "mean", "share")


def _change_test(first, last) -> float:
    """Two-sided p of a change between two periods, from their 95% intervals (independent documents).

    ``t = (last - first) / sqrt(se_first^2 + se_last^2)``, each ``se`` = interval width / 3.92,
    referred to Student's t with ``min(documents) - 1`` degrees of freedom (``n - 1`` of the
    statements when a period has one document): percentile intervals from a handful of
    documents are too narrow, and the normal would make a change look clearer than it is.

    >>> r1 = {"mean": 0.1, "ci_low": 0.0, "ci_high": 0.2, "n": 20, "n_docs": 5}
    >>> round(_change_test(r1, dict(r1, mean=0.5, ci_low=0.4, ci_high=0.6)), 4)
    0.0052
    """
    from scipy.stats import t

    est = next(c for c in _ESTIMATE if c in first)
    se = [(float(r["ci_high"]) - float(r["ci_low"])) / (2 * 1.959964) for r in (first, last)]
    den = float(np.hypot(*se))
    if not den > 0:
        return float("nan")
    units = [int(r["n_docs"]) if int(r.get("n_docs", 1) or 1) > 1 else int(r["n"]) for r in (first, last)]
    df = max(1, min(units) - 1)
    return float(2 * t.sf(abs(float(last[est]) - float(first[est])) / den, df))


def period_reading(table: pd.DataFrame, what: str, digits: int = 2, percent: bool | None = None) -> str:
    """Markdown bullets for a ``*_by_period`` table of :mod:`analysis.measures.periods`.

    Per view (if any) and side: the first and last period that is not thin, the
    estimate in each with interval and n, and a test of the change: periods hold
    different documents, so the two estimates are independent and
    ``t = (last - first) / sqrt(se_first^2 + se_last^2)``, each ``se`` from its 95% interval,
    on Student's t with min(documents) - 1 degrees of freedom (:func:`_change_test`); the p-values of one call are Benjamini-Hochberg adjusted together, and a
    change is called one only when q < 0.05. Then the periods too thin to compare. Frame
    tables are read from their rank-1 rows (the top frame of each period): when the top
    frame differs, the reading names both instead of comparing their shares. ``percent``
    formats shares as percentages (default: for ``voice_share`` and ``share``).

    >>> t = pd.DataFrame({"side": "A", "period": ["2023", "2024"], "n": [20, 25], "n_docs": [5, 6],
    ...     "mean": [0.1, 0.5], "ci_low": [0.0, 0.4], "ci_high": [0.2, 0.6], "thin": [False, False]})
    >>> print(period_reading(t, "mean tone"))
    * A: mean tone rose from 0.10 in 2023 (95% CI 0.00 to 0.20; n = 20 in 5 documents) to 0.50 in 2024 (0.40 to 0.60; n = 25 in 6 documents); test of the change p = 0.005, BH q = 0.005 over 1 change: a clear change.
    """
    from ..core.stats import benjamini_hochberg

    est = next(c for c in _ESTIMATE if c in table.columns)
    percent = est in ("voice_share", "share") if percent is None else percent
    t = table
    if "rank" in t.columns:
        t = t.loc[t["rank"] <= 1]

    def fmt(x):
        return _pct(x) if percent else _num(x, digits)

    def ci(r):  # same precision as the estimate it belongs to
        return _interval(r["ci_low"], r["ci_high"], 0 if percent else digits, pct=percent)

    lines, tests = [], []
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
        same = fmt(first[est]) == fmt(last[est])  # "rose from 3% to 3%" reads as a slip: name no direction the figures do not show
        verb, word = ("was", "and") if same else ("rose" if d > 0 else "fell", "to")
        text = (
            f"* {label}: {name} {verb}{'' if same else ' from'} {fmt(first[est])} in {first['period']} (95% CI {ci(first)}; "
            f"n = {int(first['n'])} in {_plural(int(first['n_docs']), 'document')}) {word} {fmt(last[est])} in {last['period']} "
            f"({ci(last)}; n = {int(last['n'])} in {_plural(int(last['n_docs']), 'document')}); "
        )
        tests.append((len(lines), _change_test(first, last), " Too thin to compare: " + ", ".join(thin) + "." if thin else ""))
        lines.append(text)
    qs = benjamini_hochberg([p for _, p, _ in tests])
    for (i, p, tail), q in zip(tests, qs):
        if _isnan(p):
            lines[i] += "no interval to test the change with." + tail
            continue
        verdict = "a clear change" if q < ALPHA else "no clear change"
        lines[i] += f"test of the change p = {p:.3f}, BH q = {q:.3f} over {_plural(len(tests), 'change')}: {verdict}." + tail
    return "\n".join(lines)
