"""Figures of sentiment by side and its distribution (analysis.measures.sentiment). Each function returns the matplotlib Figure."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..measures.sentiment import THRESHOLD, _order, table_scorer, tone_label_text

__all__ = ["plot_by_side", "plot_distribution"]


_AXIS_LABELS = {
    "vader_compound": "VADER compound",
    "afinn": "AFINN points per word",
    "mean_compound": "mean VADER compound",
    "mean_afinn": "mean AFINN points per word",
}
# Measures of the table's scorer: their labels name it.
_SCORER_LABELS = {
    "tone": "tone ({})",
    "mean_tone": None,  # tone_label_text
    "share_positive": "share positive ({})",
    "share_neutral": "share neutral ({})",
    "share_negative": "share negative ({})",
}


def _label(column: str, scorer: str | None = None) -> str:
    """Axis label of ``column``; the scorer's measures (tone, label shares) name ``scorer``."""
    if column in _SCORER_LABELS and scorer is not None:
        template = _SCORER_LABELS[column]
        return tone_label_text(scorer) if template is None else template.format(scorer)
    return _AXIS_LABELS.get(column, column.replace("_", " "))


def _sides(table: pd.DataFrame, column: str, sides: Sequence[str] | None) -> list[str]:
    return _order(table[column], sides)


def plot_by_side(
    summary: pd.DataFrame,
    sides: Sequence[str] | None = None,
    measure: str = "mean_tone",
    title: str | None = None,
    ax=None,
):
    """Dot-and-interval plot of ``measure`` per side, unmasked (filled) beside masked (hollow). Returns the Figure.

    A summary split by view (a ``view`` column: own words, reported words) is drawn
    as one panel per view, side by side on one scale, each titled with its view
    (:func:`analysis.viz.figures.view_panels`).

    ``summary`` is a :func:`summarize` table (``level == "side"`` rows are used);
    ``measure`` any of its estimate columns (``mean_tone``, the default and lead
    measure, labelled with the table's scorer; ``share_negative``, ``mean_compound``,
    ``mean_afinn``, ...). Colours come from :func:`analysis.viz.figures.side_colors` in
    the order of ``sides``; n is written under each side. For mean compound the
    neutral band (±0.05) is shaded.
    """
    from .figures import new_figure, shorten, side_colors, view_panels

    if "view" in summary.columns:
        rows = summary.loc[summary["level"] == "side"]
        n_sides = len(_sides(rows, "group", sides))
        label = _label(measure, table_scorer(rows))
        return view_panels(
            rows,
            lambda r, a: plot_by_side(r, sides, measure, title="", ax=a),
            panel_size=(max(4.0, 1.8 * n_sides + 2.0), 4.2),
            title=title or f"{label[0].upper() + label[1:]} by side, as scored and with topic terms masked",
            sharey=True,
        )
    rows = summary.loc[summary["level"] == "side"]
    label = _label(measure, table_scorer(rows))
    order = _sides(rows, "group", sides)
    colors = side_colors(order)
    if ax is None:
        fig, ax = new_figure(figsize=(max(4.0, 1.8 * len(order) + 2.0), 4.0))
    else:
        fig = ax.figure
    if measure == "mean_compound":
        ax.axhspan(-THRESHOLD, THRESHOLD, color="0.92", zorder=0, label="neutral band (±0.05)")
    ax.axhline(0, color="0.5", lw=0.8, zorder=1)
    for i, side in enumerate(order):
        for masked, dx in ((False, -0.14), (True, 0.14)):
            r = rows.loc[(rows["group"] == side) & (rows["masked"] == masked)]
            if r.empty:
                continue
            r = r.iloc[0]
            est, lo, hi = r[measure], r[f"{measure}_low"], r[f"{measure}_high"]
            yerr = None if np.isnan(lo) else [[est - lo], [hi - est]]
            ax.errorbar(
                i + dx,
                est,
                yerr=yerr,
                fmt="o",
                ms=8,
                capsize=4,
                color=colors[side],
                markerfacecolor="white" if masked else colors[side],
                markeredgewidth=1.6,
                zorder=3,
            )
    ax.set_xticks(range(len(order)))
    labels = []
    for side in order:
        n = rows.loc[(rows["group"] == side) & (~rows["masked"]), "n"]
        labels.append(f"{shorten(side, 20)}\nn = {int(n.iloc[0]) if len(n) else 0}")
    ax.set_xticklabels(labels)
    ax.set_xlim(-0.6, len(order) - 0.4)
    ax.set_ylabel(label + " (95% interval)")
    # Legend entries for the two marker styles, independent of side colours.
    ax.plot([], [], "o", color="0.3", label="as scored")
    ax.plot([], [], "o", color="0.3", markerfacecolor="white", markeredgewidth=1.6, label="topic terms masked")
    ax.legend(frameon=False, fontsize=8, loc="best")
    if title != "":
        ax.set_title(
            title or f"{label[0].upper() + label[1:]} by side, as scored and with topic terms masked",
            fontsize=10,
        )
    fig.tight_layout()
    return fig


def plot_distribution(
    sentiment: pd.DataFrame,
    sides: Sequence[str] | None = None,
    column: str = "tone",
    seed: int | None = None,
    max_points: int = 400,
):
    """Every statement's score per side, as scored (left) and with topic terms masked (right). Returns the Figure.

    One dot per statement (seeded horizontal jitter), the side's mean as a bar; the
    neutral band (±0.05) shaded for VADER compound. ``column`` is ``tone`` (the
    default: the table's scorer, named on the axis), ``vader_compound`` or ``afinn``
    (its ``_masked`` twin is drawn on the right). When a side has more
    than ``max_points`` statements, each side's scores are drawn as a violin (the
    distribution's shape) with a box (quartiles) instead of dots.
    """
    from .figures import new_figure, shorten, side_colors

    side_of = sentiment["side"].astype("object")
    order = _sides(sentiment, "side", sides)
    counts = {s: int((side_of == s).sum()) for s in order}
    dense = max(counts.values(), default=0) > max_points
    colors = side_colors(order)
    fig, axes = new_figure(1, 2, sharey=True, figsize=(max(6.0, 2.2 * len(order) + 3.0), 4.0))
    for ax, (masked, name) in zip(axes, ((False, "as scored"), (True, "topic terms masked"))):
        col = column + ("_masked" if masked else "")
        rng = np.random.default_rng(20250218 if seed is None else seed)
        if column == "vader_compound":
            ax.axhspan(-THRESHOLD, THRESHOLD, color="0.92", zorder=0)
        ax.axhline(0, color="0.5", lw=0.8, zorder=1)
        for i, side in enumerate(order):
            y = sentiment.loc[side_of == side, col].to_numpy(float)
            y = y[np.isfinite(y)] if dense else y
            if dense and len(y) > 1:
                parts = ax.violinplot([y], positions=[i], widths=0.7, showextrema=False)
                for body in parts["bodies"]:
                    body.set_facecolor(colors[side])
                    body.set_alpha(0.35)
                ax.boxplot([y], positions=[i], widths=0.12, showfliers=False, medianprops={"color": "0.2"})
            elif not dense:
                x = i + rng.uniform(-0.18, 0.18, len(y))
                ax.scatter(x, y, s=22, color=colors[side], alpha=0.75, edgecolors="none", zorder=3)
            if len(y):
                ax.hlines(y.mean(), i - 0.3, i + 0.3, color=colors[side], lw=2, zorder=4)
        ax.set_xticks(range(len(order)))
        ax.set_xticklabels([f"{shorten(s, 20)}\nn = {counts[s]}" for s in order])
        ax.set_xlim(-0.6, len(order) - 0.4)
        ax.set_title(name, fontsize=10)
    axes[0].set_ylabel(
        _label(column, table_scorer(sentiment))
        + (" per statement\n(violin: distribution; box: quartiles; bar: mean)" if dense else " per statement (bar = mean)")
    )
    fig.tight_layout()
    return fig
