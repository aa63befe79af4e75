"""Figures of first mentions, salience, the topic map and voice (analysis.measures.emphasis). Each function returns the matplotlib Figure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = ["plot_first_mentions", "plot_salience", "plot_topic_map", "plot_voice"]


def _ax(ax, figsize):
    from .figures import new_figure

    if ax is None:
        fig, ax = new_figure(figsize=figsize)
        return fig, ax
    return ax.figure, ax


def plot_first_mentions(table: pd.DataFrame, side_a: str, side_b: str, doc_id: str | None = None, level: str = "side", ax=None):
    """Dot plot: first-mention position (0 = lead, 1 = end) of each topic raised, per side. Returns the Figure.

    ``table`` is an ``emphasis`` table; with several documents, ``doc_id`` picks one
    (default: the first document where a side speaks). Topics are sorted by side A's order.
    """
    from .figures import side_colors

    t = table.loc[(table["level"] == level) & table["present"] & table["side"].isin([side_a, side_b])]
    if doc_id is None and len(t):
        doc_id = t["doc_id"].iloc[0]
    t = t.loc[t["doc_id"] == doc_id] if doc_id is not None else t
    fids = list(
        dict.fromkeys(
            t.sort_values(["side", "order"], key=lambda s: s.map({side_a: 0, side_b: 1}) if s.name == "side" else s, kind="stable")[
                "frame_id"
            ]
        )
    )
    fig, ax = _ax(ax, (7.0, 0.38 * max(len(fids), 1) + 1.5))
    colors = side_colors([side_a, side_b])
    y = {f: len(fids) - 1 - k for k, f in enumerate(fids)}
    for k, side in enumerate((side_a, side_b)):
        s = t.loc[t["side"] == side]
        n = int(s["n_units"].max()) if len(s) else 0
        ax.scatter(
            s["first_pos"],
            [y[f] + (0.12 if k == 0 else -0.12) for f in s["frame_id"]],
            color=colors[side],
            s=40,
            label=f"{side} (N = {n} statements)",
            zorder=3,
        )
    labels = dict(zip(t["frame_id"], t["label"]))
    ax.set_yticks([y[f] for f in fids])
    ax.set_yticklabels([labels[f] for f in fids])
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(-0.7, max(len(fids), 1) - 0.3)
    ax.set_xlabel("first mention, normalised position (0 = lead, 1 = end)")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def plot_salience(table: pd.DataFrame, side_a: str, side_b: str, doc_id: str | None = None, level: str = "side", ax=None):
    """Horizontal bars: position-weighted salience of each topic per side (topics raised by either). Returns the Figure."""
    from .figures import side_colors

    t = table.loc[(table["level"] == level) & table["side"].isin([side_a, side_b])]
    if doc_id is None and len(t):
        doc_id = t["doc_id"].iloc[0]
    t = t.loc[t["doc_id"] == doc_id] if doc_id is not None else t
    used = list(dict.fromkeys(t.loc[t["present"], "frame_id"]))
    fig, ax = _ax(ax, (7.0, 0.38 * max(len(used), 1) + 1.5))
    colors = side_colors([side_a, side_b])
    y = np.arange(len(used))[::-1].astype(float)
    for k, side in enumerate((side_a, side_b)):
        s = t.loc[t["side"] == side].set_index("frame_id")
        vals = [float(s.at[f, "salience"]) if f in s.index else 0.0 for f in used]
        ax.barh(y + (0.2 if k == 0 else -0.2), vals, height=0.38, color=colors[side], label=side)
    labels = dict(zip(t["frame_id"], t["label"]))
    ax.set_yticks(y)
    ax.set_yticklabels([labels[f] for f in used])
    ax.set_xlim(0, 1)
    ax.set_xlabel("position-weighted salience  Σ m·w / Σ w,  w = 1/log2(i+1)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def plot_topic_map(
    presence: pd.DataFrame, doc_id: str, topics: Sequence[str] | None = None, labels: Mapping[str, str] | None = None, ax=None
):
    """Where each topic appears in one document: a dot per sentence (x = sentence rank) carrying it. Returns the Figure."""
    p = presence.loc[(presence["level"] == "document") & (presence["doc_id"] == doc_id)]
    if topics is None:
        topics = list(dict.fromkeys(p.loc[p["present"], "frame_id"]))
    labels = labels or {}
    n = int(p["n_units"].max()) if len(p) else 1
    fig, ax = _ax(ax, (7.0, 0.38 * max(len(topics), 1) + 1.5))
    for k, fid in enumerate(topics):
        s = p.loc[(p["frame_id"] == fid) & p["present"]]
        ax.scatter(s["rank"], [len(topics) - 1 - k] * len(s), color="#333333", s=30, zorder=3)
        ax.axhline(len(topics) - 1 - k, color="#eeeeee", lw=0.8, zorder=1)
    ax.set_yticks([len(topics) - 1 - k for k in range(len(topics))])
    ax.set_yticklabels([labels.get(f, f) for f in topics])
    ax.set_xlim(0.5, n + 0.5)
    ax.set_ylim(-0.7, max(len(topics), 1) - 0.3)
    ax.set_xlabel(f"sentence of {doc_id} (1 = first of {n})")
    fig.tight_layout()
    return fig


def plot_voice(voice_table: pd.DataFrame, side_a: str, side_b: str, ax=None):
    """Stacked bars per side: quoted (direct, solid) and reported (indirect, light) words, with the voice share. Returns the Figure."""
    from .figures import side_colors

    t = voice_table.loc[(voice_table["level"] == "side")].set_index("group")
    sides = [side_a, side_b]
    colors = side_colors(sides)
    fig, ax = _ax(ax, (5.5, 3.6))
    for i, side in enumerate(sides):
        q = float(t.at[side, "quoted_words"]) if side in t.index else 0.0
        ind = float(t.at[side, "indirect_words"]) if side in t.index else 0.0
        ax.bar(i, q, color=colors[side], label="quoted (direct)" if i == 0 else None)
        ax.bar(i, ind, bottom=q, color=colors[side], alpha=0.35, label="reported (indirect)" if i == 0 else None)
        if side in t.index:
            r = t.loc[side]
            share = f"{r['voice_share']:.0%}"
            if pd.notna(r["voice_share_lo"]):
                share += f" [{r['voice_share_lo']:.0%}, {r['voice_share_hi']:.0%}]"
            ax.text(i, q + ind, f"{share}\nn = {int(r['n_statements'])}", ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(sides)))
    ax.set_xticklabels(sides)
    ax.set_ylabel("words attributed to the side")
    ax.margins(y=0.3)
    ax.legend(frameon=False, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=2)
    fig.tight_layout()
    return fig
