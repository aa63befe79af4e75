"""Figures of the four questions side by side (analysis.measures.synthesis). Each function returns the matplotlib Figure."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..measures.synthesis import QUESTIONS
from ..viz.figures import MAX_ROWS, fit_height, new_figure, shorten, side_colors

__all__ = ["plot_question", "report_figure"]


# --------------------------------------------------------------------------- panels (one per question)


def _dots(ax, labels, sides, values, colors, xlabel, xlim=None):
    y = np.arange(len(labels))[::-1].astype(float)
    for k, s in enumerate(sides):
        est, lo, hi, n = values[s]
        est, lo, hi = (np.asarray(x, dtype=float) for x in (est, lo, hi))
        err = np.vstack([np.clip(est - np.where(np.isnan(lo), est, lo), 0, None), np.clip(np.where(np.isnan(hi), est, hi) - est, 0, None)])
        ax.errorbar(
            est,
            y + (0.14 if k == 0 else -0.14),
            xerr=np.nan_to_num(err),
            fmt="o",
            color=colors[s],
            capsize=2,
            ms=5,
            label=f"{shorten(s)} (n = {n})",
        )
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.set_ylim(-0.7, len(labels) - 0.3)
    if xlim:
        ax.set_xlim(*xlim)
    ax.set_xlabel(xlabel, fontsize=8)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, frameon=False, fontsize=7)


def _n_text(ns: list[int]) -> str:
    """The n of a panel's rows for the legend: one number, or the range when rows differ.

    >>> _n_text([4]), _n_text([1, 3, 7]), _n_text([])
    ('4', '1–7', '0')
    """
    if not ns:
        return "0"
    return str(ns[0]) if ns[0] == ns[-1] else f"{ns[0]}–{ns[-1]}"


def _values(summary, question, sides, measures):
    out = {}
    for s in sides:
        t = summary.loc[(summary["question"] == question) & (summary["side"] == s)].set_index("measure")
        cols = [[t.at[m, c] if m in t.index else np.nan for m in measures] for c in ("estimate", "ci_low", "ci_high")]
        ns = sorted({int(t.at[m, "n"]) for m in measures if m in t.index and pd.notna(t.at[m, "n"])})
        out[s] = (*cols, _n_text(ns))
    return out


def _sentiment_label(measures: list[str]) -> str:
    """The sentiment measure's name without its masking, e.g. "mean tone (newsmtsc-linear)"."""
    name = measures[0].split(": ", 1)[0]
    for suffix in (" (as scored)", " (topic terms masked)"):
        name = name.removesuffix(suffix)
    return name


def panel(ax, summary: pd.DataFrame, question: str, side_a: str, side_b: str) -> None:
    """Draw one question's panel of the summary table on ``ax``: each measure per side with its 95% interval."""
    sides = [side_a, side_b]
    colors = side_colors(sides)
    t = summary.loc[(summary["question"] == question) & summary["estimate"].notna()]
    measures = list(dict.fromkeys(t["measure"]))
    more = max(len(measures) - MAX_ROWS, 0)
    measures = measures[:MAX_ROWS]  # the first dozen, in the summary table's order
    if not measures:
        ax.text(0.5, 0.5, f"no {question} measures for these sides", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
        return
    labels = [shorten(m.split(": ", 1)[-1], 60) for m in measures]  # measure names are the library's, with a view suffix
    xlabel, xlim = {
        "voice": ("share (95% bootstrap interval)", (-0.03, 1.03)),
        "sentiment": (_sentiment_label(measures) + ", -1..1 (95% interval)", (-1.03, 1.03)),
        "frames": ("share of statements carrying the frame", (-0.03, 1.03)),
        "emphasis": ("position of statements on the topic (0 = lead, 1 = end)", (-0.05, 1.05)),
    }[question]
    if question == "sentiment" and "VADER" in measures[0]:
        ax.axvspan(-0.05, 0.05, color="0.93", zorder=0)  # VADER's neutral band
    _dots(ax, labels, sides, _values(summary, question, sides, measures), colors, xlabel, xlim)
    ax.set_title(question.capitalize() + (f" (first {len(measures)}; {more} more in the table)" if more else ""), fontsize=10, loc="left")


def plot_question(summary: pd.DataFrame, question: str, side_a: str, side_b: str):
    """One figure for one question (voice, sentiment, frames or emphasis). Returns the Figure."""
    n = min(summary.loc[(summary["question"] == question) & summary["estimate"].notna(), "measure"].nunique(), MAX_ROWS)
    fig, ax = new_figure(figsize=(7.0, fit_height(n, 0.45, 1.8)))
    panel(ax, summary, question, side_a, side_b)
    fig.tight_layout()
    return fig


def report_figure(summary: pd.DataFrame, side_a: str, side_b: str):
    """The combined report figure: the four questions as a 2 × 2 grid of panels. Returns the Figure."""
    fig, axes = new_figure(2, 2, figsize=(12.0, 8.0))
    for ax, q in zip(axes.ravel(), QUESTIONS):
        panel(ax, summary, q, side_a, side_b)
    fig.suptitle(f"{side_a} vs {side_b}: voice, sentiment, frames, emphasis (95% intervals)", fontsize=11)
    fig.tight_layout()
    return fig
