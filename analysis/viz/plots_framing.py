"""Figures of the frame profile of two sides (analysis.measures.framing). Each function returns the matplotlib Figure."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["plot_frame_profile"]


def plot_frame_profile(
    by_side: pd.DataFrame,
    side_a: str,
    side_b: str,
    *,
    measure: str = "share",
    drop_empty: bool = True,
    max_rows: int | None = None,
    title: str | None = None,
    ax=None,
    _frames: tuple | None = None,
):
    """Dot-and-interval chart of each frame per side (a ``frames_by_side`` table); returns the Figure.

    A table split by view (a ``view`` column: own words, reported words) is drawn as
    one panel per view on the same frames, each titled with its view
    (:func:`analysis.viz.figures.view_panels`); ``title`` goes above.

    ``measure`` is ``"share"`` (share of units with the frame) or ``"hits_per_100w"``.
    Frames no side uses are left out when ``drop_empty``. ``n`` per side is in the legend.
    At most ``max_rows`` frames (default :data:`analysis.viz.figures.MAX_ROWS`): those
    carried by most statements of the two sides, in the table's order.
    """
    lo_col, hi_col, xlabel = {
        "share": ("share_lo", "share_hi", "share of statements carrying the frame (95% Wilson interval)"),
        "hits_per_100w": ("rate_lo", "rate_hi", "frame hits per 100 words (95% bootstrap interval)"),
    }[measure]
    t = by_side[by_side["side"].isin([side_a, side_b])]
    fids = list(dict.fromkeys(t["frame_id"].tolist()))
    if drop_empty:
        used = set(t.loc[t["n_present"] > 0, "frame_id"])
        fids = [f for f in fids if f in used]
    labels = dict(zip(t["frame_id"], t["label"]))
    from .figures import MAX_ROWS, fit_height, new_figure, shorten, side_colors, view_panels  # matplotlib only when drawing

    cap = MAX_ROWS if max_rows is None else max_rows
    n_used = len(fids)
    if len(fids) > cap:
        used_n = t.groupby("frame_id")["n_present"].sum()
        keep = set(sorted(fids, key=lambda f: (-used_n.get(f, 0), fids.index(f)))[:cap])
        fids = [f for f in fids if f in keep]
    if "view" in t.columns:  # one panel per view, on the same frames (those used in any view)
        shown = (fids, n_used, labels)
        return view_panels(
            t,
            lambda r, a: plot_frame_profile(r, side_a, side_b, measure=measure, title="", ax=a, _frames=shown),
            panel_size=(6.0, fit_height(len(fids), 0.42, 1.6)),
            title=title,
            sharey=True,
        )
    if _frames is not None:  # a view's panel: the frames chosen over all views
        fids, n_used, labels = list(_frames[0]), _frames[1], _frames[2]
    colors = side_colors([side_a, side_b])
    if ax is None:
        fig, ax = new_figure(figsize=(7.0, fit_height(len(fids), 0.42, 1.4)))
    else:
        fig = ax.figure
    y = np.arange(len(fids))[::-1].astype(float)
    for k, side in enumerate((side_a, side_b)):
        s = t[t["side"] == side].set_index("frame_id")
        n = int(s["n_units"].max()) if len(s) else 0
        vals = np.array([s.at[f, measure] if f in s.index else np.nan for f in fids], dtype=float)
        lo = np.array([s.at[f, lo_col] if f in s.index else np.nan for f in fids], dtype=float)
        hi = np.array([s.at[f, hi_col] if f in s.index else np.nan for f in fids], dtype=float)
        yy = y + (0.15 if k == 0 else -0.15)
        err = np.vstack([np.clip(vals - lo, 0, None), np.clip(hi - vals, 0, None)])
        ax.errorbar(
            vals,
            yy,
            xerr=np.nan_to_num(err),
            fmt="o",
            color=colors[side],
            ecolor=colors[side],
            elinewidth=1.5,
            capsize=2,
            markersize=5,
            label=f"{shorten(side)} (n = {n})",
        )
    ax.set_yticks(y)
    ax.set_yticklabels([shorten(labels[f]) for f in fids])
    ax.set_xlabel(xlabel if len(fids) == n_used else f"{xlabel}\n{len(fids)} of {n_used} frames: those in most statements")
    if measure == "share":
        ax.set_xlim(-0.03, 1.03)
    else:
        ax.set_xlim(left=0)
    ax.set_ylim(-0.7, len(fids) - 0.3)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.09 - 0.5 / max(len(fids), 1)), ncol=2, frameon=False)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig
