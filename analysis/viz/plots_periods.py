"""Figures of each side's voice, tone and frames over time (analysis.measures.periods). Each function returns the Figure.

One panel per measure (voice share, then tone for each view present), periods on
the x axis in order, one line per side with its 95% interval as a band. A period
flagged ``thin`` (too few statements or documents to compare) is drawn as a hollow
marker; an empty period leaves a gap. At most :data:`MAX_TICKS` period labels are
written, so a long range stays legible.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from .figures import new_figure, side_colors

__all__ = ["MAX_TICKS", "plot_periods", "tick_positions"]

MAX_TICKS = 12
_VIEW_TITLE = {"own": "own words (documents a side issued)", "reported": "reported in the news", "pooled": "own and reported, pooled"}


def tick_positions(n: int, max_ticks: int = MAX_TICKS) -> list[int]:
    """Indices of the period labels to write: every k-th of ``n``, at most ``max_ticks``, the last always.

    >>> tick_positions(5), tick_positions(30)
    ([0, 1, 2, 3, 4], [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 29])
    """
    if n <= max_ticks:
        return list(range(n))
    step = int(np.ceil(n / (max_ticks - 1)))
    ticks = list(range(0, n, step))
    return ticks if ticks[-1] == n - 1 else ticks + [n - 1]


def _line(ax, x, rows: pd.DataFrame, col: str, color: str, label: str) -> None:
    y = rows[col].to_numpy(dtype=float)
    lo, hi = rows["ci_low"].to_numpy(dtype=float), rows["ci_high"].to_numpy(dtype=float)
    thin = rows["thin"].to_numpy(dtype=bool)
    ax.fill_between(x, np.where(np.isnan(lo), y, lo), np.where(np.isnan(hi), y, hi), color=color, alpha=0.15, linewidth=0)
    ax.plot(x, y, color=color, linewidth=1.2, label=label)
    ax.plot(x[~thin], y[~thin], "o", color=color, ms=4)
    ax.plot(x[thin], y[thin], "o", mfc="white", mec=color, ms=4)


def plot_periods(voice: pd.DataFrame, tone: pd.DataFrame, sides: Sequence[str], measure_label: str = "mean tone, -1..1"):
    """Voice share and mean tone of each side per period, with 95% intervals; hollow markers are thin periods.

    A view of ``tone`` with no statement at all (no readouts in the corpus, say) gets no panel.

    ``voice`` is :func:`analysis.measures.periods.voice_by_period`, ``tone``
    :func:`analysis.measures.periods.tone_by_period` (one panel per view present).

    >>> v = pd.DataFrame({"side": ["A", "A"], "period": ["2024-01", "2024-02"], "voice_share": [0.2, 0.4],
    ...     "ci_low": [0.1, 0.3], "ci_high": [0.3, 0.5], "thin": [False, True], "n": [12, 3]})
    >>> t = v.rename(columns={"voice_share": "mean"}).assign(view="reported")
    >>> len(plot_periods(v, t, ["A"]).axes)
    2
    """
    sides = list(sides)
    colors = side_colors(sides)
    present = set(tone.loc[tone["n"] > 0, "view"]) if len(tone) else set()
    views = [v for v in _VIEW_TITLE if v in present]
    fig, axes = new_figure(1 + len(views), 1, figsize=(7.5, 2.3 * (1 + len(views))), sharex=True, squeeze=False)
    axes = axes[:, 0]
    order = list(dict.fromkeys(voice["period"].tolist() + tone["period"].tolist()))
    pos = {p: i for i, p in enumerate(order)}
    panels = [(axes[0], voice, "voice_share", "voice share (reported speech)", (-0.02, 1.02))]
    panels += [
        (ax, tone.loc[tone["view"] == v], "mean", f"{measure_label}: {_VIEW_TITLE[v]}", (-1.02, 1.02)) for ax, v in zip(axes[1:], views)
    ]
    for ax, table, col, title, ylim in panels:
        for s in sides:
            rows = table.loc[table["side"] == s]
            x = rows["period"].map(pos).to_numpy(dtype=float)
            n = int(rows["n"].sum())
            _line(ax, x, rows, col, colors[s], f"{s} (n = {n})")
        if col == "mean":
            ax.axhline(0, color="#999999", linewidth=0.6, zorder=0)
        ax.set_ylim(*ylim)
        ax.set_title(title, fontsize=9, loc="left")
        ax.grid(axis="y", color="#dddddd", linewidth=0.6)
        ax.legend(loc="upper right", fontsize=7, frameon=False, ncol=len(sides))
    ticks = tick_positions(len(order))
    axes[-1].set_xticks(ticks)
    axes[-1].set_xticklabels([order[i] for i in ticks], rotation=45, ha="right", fontsize=7)
    axes[-1].set_xlim(-0.5, max(len(order) - 0.5, 0.5))
    fig.text(0.01, 0.005, "hollow: thin period (too few statements or documents); bands: 95% intervals", fontsize=6, color="#555555")
    return fig
