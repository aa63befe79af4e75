"""The side-by-side synthesis (notebook 06): one summary table and report figures from the tables notebooks 03–05 saved.

Nothing is recomputed here: every number comes from a saved table
(``voice``, ``sentiment_comparison``, ``frames_by_side``, ``frame_differences``,
``emphasis``, ``emphasis_comparison``). The summary table has one row per
question, measure, side and view (own words, reported words or pooled) with n,
estimate, 95% interval, the effect size of the difference between the sides and a
plain-language caveat.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from ..core.schema import conform

__all__ = ["QUESTIONS", "TABLES_NEEDED", "CAVEATS", "VIEW_SUFFIX", "summary_table", "view"]

QUESTIONS = ("voice", "sentiment", "frames", "emphasis")
TABLES_NEEDED = ("voice", "sentiment_comparison", "frames_by_side", "frame_differences", "emphasis", "emphasis_comparison")
CAVEATS = {
    "voice": "Who is quoted, and how much, is the reporter's choice; statements of one document are not independent.",
    "sentiment": "Sentiment scores agree only moderately with people on news sentences (notebook 03) and were not validated on other kinds of text; the masked row is a sensitivity view, not a correction.",
    "frames": "Dictionary frames need validation against hand coding; many frames tested at once (see q-values in notebook 04).",
    "emphasis": "Positions follow the reporter's order of the statements; with few statements a position can only take a few values.",
}


def _row(question, measure, side, n, est, lo, hi, effect, effect_size, p, caveat, detail=""):
    return {
        "question": question,
        "measure": measure,
        "side": side,
        "n": int(n),
        "estimate": float(est),
        "ci_low": float(lo),
        "ci_high": float(hi),
        "effect": float(effect),
        "effect_size": effect_size,
        "p_value": float(p),
        "detail": detail,
        "caveat": caveat,
    }


def _pair(rows, question, measure, a, b, effect, effect_size, p, caveat, detail=""):
    for side, (n, est, lo, hi) in ((a[0], a[1:]), (b[0], b[1:])):
        rows.append(_row(question, measure, side, n, est, lo, hi, effect, effect_size, p, caveat, detail))


#: How a row's view is written after its measure (and in the ``view`` column).
VIEW_SUFFIX = {"own": " (own words)", "reported": " (reported)", "pooled": " (own and reported pooled)"}


def _views(table: pd.DataFrame) -> list[tuple[str | None, pd.DataFrame]]:
    """``[(view, rows)]`` per view of a table with a ``view`` column, else ``[(None, table)]``.

    >>> [(v, len(t)) for v, t in _views(pd.DataFrame({"view": ["own", "reported", "own"], "x": 1}))]
    [('own', 2), ('reported', 1)]
    >>> [(v, len(t)) for v, t in _views(pd.DataFrame({"x": [1]}))]
    [(None, 1)]
    """
    if "view" not in table.columns:
        return [(None, table)]
    return [(v, table.loc[table["view"] == v]) for v in dict.fromkeys(table["view"])]


def _named(measure: str, view: str | None) -> str:
    return measure if view is None else measure + VIEW_SUFFIX.get(view, f" ({view})")


def summary_table(tables: Mapping[str, pd.DataFrame], side_a: str, side_b: str, top_frames: int = 3) -> pd.DataFrame:
    """Table ``comparison_summary``: each measure for each side with n, interval, effect, caveat and view.

    * voice: share of all attributed words and direct (quoted) share; effect = difference A − B
      (no test: one pooled ratio per side); view ``reported`` (voice is a property of reporting);
    * sentiment: mean tone of the scorer notebook 03 used (named in the measure, e.g. "mean tone
      (newsmtsc-linear): as scored"; mean VADER compound for a table without tone), as scored and with topic terms masked; effect = Cliff's delta,
      p = Benjamini–Hochberg-adjusted permutation p (notebook 03);
    * frames: share of statements carrying each of the ``top_frames`` frames with the largest
      difference between the sides; effect = Cliff's delta of hits per 100 words, p = q-value (notebook 04);
    * emphasis: normalised position of the statements carrying each topic both sides raise
      (lower = earlier); effect = Cliff's delta (notebook 05).

    When a source table has a ``view`` column (own words, reported words, pooled: notebooks
    03–05 split by view), its rows are repeated per view, the measure's name ends with the
    view (``VIEW_SUFFIX``) and the ``view`` column says which; without one, ``view`` is empty.
    """
    rows: list[dict] = []

    def add(view, question, measure, a, b, effect, effect_size, p, caveat, detail=""):
        start = len(rows)
        _pair(rows, question, _named(measure, view), a, b, effect, effect_size, p, caveat, detail)
        for r in rows[start:]:
            r["view"] = view

    v = tables["voice"]
    v = v.loc[v["level"] == "side"].set_index("group")
    for measure, col, n_col in (
        ("voice share (attributed words)", "voice_share", "n_statements"),
        ("direct share (quoted words)", "direct_share", "n_statements"),
    ):
        vals = {}
        for s in (side_a, side_b):
            r = v.loc[s] if s in v.index else None
            vals[s] = (0, np.nan, np.nan, np.nan) if r is None else (r[n_col], r[col], r[f"{col}_lo"], r[f"{col}_hi"])
        diff = vals[side_a][1] - vals[side_b][1]
        start = len(rows)
        _pair(rows, "voice", measure, (side_a, *vals[side_a]), (side_b, *vals[side_b]), diff, "difference A − B", np.nan, CAVEATS["voice"])
        for r in rows[start:]:
            r["view"] = "reported"
    for view, sc in _views(tables["sentiment_comparison"]):
        # The scorer's tone leads (its name in the measure); a table saved before tone existed falls back to VADER.
        lead = "tone" if (sc["measure"] == "tone").any() else "vader_compound"
        for masked in (False, True):
            r = sc.loc[(sc["measure"] == lead) & (sc["masked"] == masked)]
            if r.empty:
                continue
            r = r.iloc[0]
            if lead == "tone":
                name = f"mean tone ({r['scorer']}): " + ("topic terms masked" if masked else "as scored")
            else:
                name = "mean VADER compound" + (" (topic terms masked)" if masked else " (as scored)")
            add(
                view,
                "sentiment",
                name,
                (side_a, r["n_a"], r["mean_a"], r["ci_low_a"], r["ci_high_a"]),
                (side_b, r["n_b"], r["mean_b"], r["ci_low_b"], r["ci_high_b"]),
                r["cliffs_delta"],
                f"Cliff's delta ({r['effect_size']})",
                r["q_value"] if "q_value" in r.index and r["q_value"] == r["q_value"] else r["p_adjusted"],  # the notebook's family
                CAVEATS["sentiment"],
            )
    fb_all = tables["frames_by_side"]
    for view, fd in _views(tables["frame_differences"]):
        fb = fb_all if view is None or "view" not in fb_all.columns else fb_all.loc[fb_all["view"] == view]
        fb = fb.set_index(["side", "frame_id"])
        fd = fd.loc[(fd["share_a"] > 0) | (fd["share_b"] > 0)]
        fd = fd.reindex(fd["diff"].abs().sort_values(ascending=False, kind="stable").index).head(top_frames)
        for _, r in fd.iterrows():
            vals = {}
            for s in (side_a, side_b):
                key = (s, r["frame_id"])
                vals[s] = (
                    (fb.loc[key, "n_units"], fb.loc[key, "share"], fb.loc[key, "share_lo"], fb.loc[key, "share_hi"])
                    if key in fb.index
                    else (0, np.nan, np.nan, np.nan)
                )
            add(
                view,
                "frames",
                f"share of statements: {r['label']}",
                (side_a, *vals[side_a]),
                (side_b, *vals[side_b]),
                r["rate_delta"],
                "Cliff's delta of hits/100 words",
                r["q_value"],
                CAVEATS["frames"],
            )
    for view, ec in _views(tables["emphasis_comparison"]):
        ec = ec.loc[(ec["n_a"] > 0) & (ec["n_b"] > 0)]
        for _, r in ec.iterrows():
            add(
                view,
                "emphasis",
                f"{'share of documents leading with' if r.get('measure') == 'lead' else 'position of statements'}: {r['label']}",
                (side_a, r["n_a"], r["mean_a"], r["ci_low_a"], r["ci_high_a"]),
                (side_b, r["n_b"], r["mean_b"], r["ci_low_b"], r["ci_high_b"]),
                r["cliffs_delta"],
                f"Cliff's delta ({r['effect_size']})",
                r["q_value"] if "q_value" in r.index else r["p_value"],  # adjusted over notebook 05's family
                CAVEATS["emphasis"],
            )
    lead = _lead_text(tables["emphasis"], side_a, side_b)
    for s in (side_a, side_b):
        row = _row(
            "emphasis",
            "topics in the side's lead statement",
            s,
            lead[s][0],
            np.nan,
            np.nan,
            np.nan,
            np.nan,
            "",
            np.nan,
            CAVEATS["emphasis"],
            lead[s][1],
        )
        row["view"] = "pooled"
        rows.append(row)
    return conform(pd.DataFrame(rows), "comparison_summary")


def _lead_text(emphasis: pd.DataFrame, side_a: str, side_b: str) -> dict[str, tuple[int, str]]:
    t = emphasis.loc[(emphasis["level"] == "side") & emphasis["present"]]
    out = {}
    for s in (side_a, side_b):
        sub = t.loc[(t["side"] == s) & t["in_lead"]].sort_values(["doc_id", "order"], kind="stable")
        n = int(t.loc[t["side"] == s, "n_units"].max()) if (t["side"] == s).any() else 0
        out[s] = (n, "; ".join(dict.fromkeys(sub["label"])) or "none")
    return out


def view(summary: pd.DataFrame, digits: int = 2) -> pd.DataFrame:
    """Display view: "estimate [low, high]" as text, one row per question, measure and side (for reading only)."""

    def fmt(r):
        if np.isnan(r["estimate"]):
            return r["detail"]
        s = f"{r['estimate']:.{digits}f}"
        return s if np.isnan(r["ci_low"]) else f"{s} [{r['ci_low']:.{digits}f}, {r['ci_high']:.{digits}f}]"

    out = summary.assign(value=summary.apply(fmt, axis=1))
    out["effect"] = [("" if np.isnan(e) else f"{e:+.{digits}f} {lab}") for e, lab in zip(out["effect"], out["effect_size"])]
    out["p"] = ["" if np.isnan(p) else f"{p:.{digits}f}" for p in out["p_value"]]
    return out.loc[:, ["question", "view", "measure", "side", "n", "value", "effect", "p", "caveat"]]
