"""Figures of the distinctive words of two sides (analysis.measures.vocabulary). Each function returns the matplotlib Figure."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from ..viz.figures import new_figure, side_colors

__all__ = ["plot_distinctive_words"]


def plot_distinctive_words(
    table: pd.DataFrame, side_a: str, side_b: str, *, top: int = 10, min_abs_z: float = 0.0, label_per_point: int = 4
):
    """z against total frequency (log x), each side's ``top`` words labelled; returns the Figure.

    Points are coloured by the side they favour (:func:`analysis.viz.figures.side_colors`).
    Only words with |z| >= ``min_abs_z`` are labelled; words at the same point share
    one label (at most ``label_per_point`` words, then "+k more").
    """
    colors = side_colors([side_a, side_b])
    fig, ax = new_figure(figsize=(7.5, 5.0))
    t = table.sort_values(["count_total", "word"], kind="stable")
    n_tokens = {side_a: int(t["count_a"].sum()), side_b: int(t["count_b"].sum())}
    for side in (side_a, side_b):
        s = t[t["favours"] == side]
        ax.scatter(
            s["count_total"],
            s["z"],
            s=14,
            color=colors[side],
            alpha=0.55,
            linewidths=0,
            label=f"favours {side} ({side}: {n_tokens[side]} tokens)",
        )
    rest = t[t["favours"] == ""]
    if len(rest):
        ax.scatter(rest["count_total"], rest["z"], s=10, color="#aaaaaa", alpha=0.5, linewidths=0)
    for side, sign in ((side_a, 1), (side_b, -1)):
        s = t[(t["favours"] == side) & (t["rank"] >= 1) & (t["rank"] <= top) & (t["z"].abs() >= min_abs_z)]
        s = s.sort_values("rank", kind="stable")
        # words at the same point (same frequency and z, common in small corpora) share one label
        groups: dict[tuple, list[str]] = {}
        for r in s.itertuples():
            groups.setdefault((int(r.count_total), round(float(r.z), 9)), []).append(r.word)
        for (x, z), ws in groups.items():
            text = ", ".join(ws[:label_per_point]) + (f" (+{len(ws) - label_per_point} more)" if len(ws) > label_per_point else "")
            ax.annotate(
                text,
                (x, z),
                xytext=(5, sign * 4),
                textcoords="offset points",
                fontsize=8,
                color=colors[side],
                va="bottom" if sign > 0 else "top",
            )
    ax.axhline(0, color="#888888", linewidth=0.6)
    ax.set_xscale("log")
    xmax = float(t["count_total"].max()) if len(t) else 10.0
    ax.set_xlim(0.8, max(xmax, 2.0) * 2.5)
    ax.xaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("total frequency of the word, both sides (log scale)")
    ax.set_ylabel(f"z of weighted log-odds ({side_a} +, {side_b} −)")
    lim = float(np.nanmax(np.abs(t["z"]))) if len(t) else 1.0
    lim = max(lim, 1.0) * 1.25
    ax.set_ylim(-lim, lim)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig
