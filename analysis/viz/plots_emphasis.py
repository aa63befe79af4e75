"""Figures of first mentions, salience, the topic map and voice (analysis.measures.emphasis). Each function returns the matplotlib Figure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

__all__ = ["plot_first_mentions", "plot_salience", "plot_topic_map", "plot_topic_positions", "plot_voice"]


def _ax(ax, figsize):
    from .figures import new_figure

    if ax is None:
        fig, ax = new_figure(figsize=figsize)
        return fig, ax
    return ax.figure, ax


def _n_docs(table: pd.DataFrame, level: str, side_a: str, side_b: str) -> int:
    """Documents in which side A or B has rows at ``level`` of an emphasis table."""
    return int(table.loc[(table["level"] == level) & table["side"].isin([side_a, side_b]), "doc_id"].nunique())


_ACROSS_AXIS = {
    "first_pos": (
        "first mention, mean normalised position (0 = lead, 1 = end)\nover the documents raising the topic, 95% interval",
        (-0.05, 1.05),
    ),
    "salience": ("position-weighted salience\nmean over the side's documents, 95% interval", (0.0, 1.0)),
}


def _plot_across_documents(table: pd.DataFrame, side_a: str, side_b: str, measure: str, level: str, ax, max_rows: int | None):
    """Dots with 95% intervals: a topic's ``measure`` per side, averaged over documents (``emphasis.summarize``).

    The corpus view of :func:`plot_first_mentions` and :func:`plot_salience` when the
    sides speak in more than one document: one document's positions would stand for
    all of them. Topics: those raised in most of the two sides' documents, at most
    ``max_rows``; the legend gives each side's number of documents.
    """
    from ..measures.emphasis import summarize
    from .figures import MAX_ROWS, fit_height, shorten, side_colors

    t = table.loc[(table["level"] == level) & table["side"].isin([side_a, side_b])]
    s = summarize(t, sides=[side_a, side_b])
    s = s.loc[s["level"] == level]
    raised = s.groupby("frame_id", sort=False)["n_raised"].sum()
    raised = raised.loc[raised > 0]
    cap = MAX_ROWS if max_rows is None else max_rows
    fids = sorted(raised.index, key=lambda f: (-int(raised[f]), f))[:cap]
    fig, ax = _ax(ax, (7.0, fit_height(len(fids), 0.38, 1.7)))
    colors = side_colors([side_a, side_b])
    y = {f: len(fids) - 1 - k for k, f in enumerate(fids)}
    for k, side in enumerate((side_a, side_b)):
        r = s.loc[(s["side"] == side) & s["frame_id"].isin(fids) & s[measure].notna()]
        n_docs = int(t.loc[t["side"] == side, "doc_id"].nunique())
        yy = np.array([y[f] for f in r["frame_id"]], dtype=float) + (0.12 if k == 0 else -0.12)
        mean = r[measure].to_numpy(dtype=float)
        lo = np.nan_to_num(mean - r[f"{measure}_lo"].to_numpy(dtype=float), nan=0.0)
        hi = np.nan_to_num(r[f"{measure}_hi"].to_numpy(dtype=float) - mean, nan=0.0)
        ax.errorbar(
            mean,
            yy,
            xerr=[lo, hi],
            fmt="o",
            color=colors[side],
            ms=5,
            capsize=2,
            lw=1,
            label=f"{shorten(side)} (N = {n_docs} documents)",
            zorder=3,
        )
    labels = dict(zip(s["frame_id"], s["label"]))
    ax.set_yticks([y[f] for f in fids])
    ax.set_yticklabels([shorten(labels[f]) for f in fids])
    xlabel, xlim = _ACROSS_AXIS[measure]
    ax.set_xlim(*xlim)
    ax.set_ylim(-0.7, max(len(fids), 1) - 0.3)
    ax.set_xlabel(xlabel, fontsize=9)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def plot_first_mentions(
    table: pd.DataFrame, side_a: str, side_b: str, doc_id: str | None = None, level: str = "side", ax=None, max_rows: int | None = None
):
    """Dot plot: first-mention position (0 = lead, 1 = end) of each topic raised, per side. Returns the Figure.

    ``table`` is an ``emphasis`` table. When the sides speak in several documents and no
    ``doc_id`` is given, each topic's mean position over the documents raising it is drawn
    with its 95% bootstrap interval (``emphasis.summarize``); ``doc_id`` draws one document. A table split by view (a ``view``
    column) is drawn as one panel per view, each titled with its view. Topics are sorted by side A's order;
    only the first ``max_rows`` (default :data:`analysis.viz.figures.MAX_ROWS`) are drawn.
    """
    from .figures import MAX_ROWS, fit_height, shorten, side_colors, view_panels

    if "view" in table.columns:  # one panel per view (own words, reported words)
        return view_panels(
            table,
            lambda r, a: plot_first_mentions(r, side_a, side_b, doc_id=doc_id, level=level, ax=a, max_rows=max_rows),
            panel_size=(6.0, fit_height(MAX_ROWS if max_rows is None else max_rows, 0.3, 1.6)),
        )
    if doc_id is None and _n_docs(table, level, side_a, side_b) > 1:
        return _plot_across_documents(table, side_a, side_b, "first_pos", level, ax, max_rows)
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
    fids = fids[: MAX_ROWS if max_rows is None else max_rows]  # the earliest topics
    t = t.loc[t["frame_id"].isin(fids)]
    fig, ax = _ax(ax, (7.0, fit_height(len(fids), 0.38, 1.5)))
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
            label=f"{shorten(side)} (N = {n} statements)",
            zorder=3,
        )
    labels = dict(zip(t["frame_id"], t["label"]))
    ax.set_yticks([y[f] for f in fids])
    ax.set_yticklabels([shorten(labels[f]) for f in fids])
    ax.set_xlim(-0.05, 1.05)
    ax.set_ylim(-0.7, max(len(fids), 1) - 0.3)
    ax.set_xlabel("first mention, normalised position (0 = lead, 1 = end)")
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def plot_salience(
    table: pd.DataFrame, side_a: str, side_b: str, doc_id: str | None = None, level: str = "side", ax=None, max_rows: int | None = None
):
    """Horizontal bars: position-weighted salience of each topic per side (topics raised by either). Returns the Figure.

    At most ``max_rows`` topics (default :data:`analysis.viz.figures.MAX_ROWS`): the most salient for either side.
    When the sides speak in several documents and no ``doc_id`` is given, each topic's
    mean salience over the side's documents is drawn with its 95% bootstrap interval.
    A table split by view (a ``view`` column) is drawn as one panel per view, each titled with its view.
    """
    from .figures import MAX_ROWS, fit_height, shorten, side_colors, view_panels

    if "view" in table.columns:  # one panel per view (own words, reported words)
        return view_panels(
            table,
            lambda r, a: plot_salience(r, side_a, side_b, doc_id=doc_id, level=level, ax=a, max_rows=max_rows),
            panel_size=(6.0, fit_height(MAX_ROWS if max_rows is None else max_rows, 0.3, 1.6)),
        )
    if doc_id is None and _n_docs(table, level, side_a, side_b) > 1:
        return _plot_across_documents(table, side_a, side_b, "salience", level, ax, max_rows)
    t = table.loc[(table["level"] == level) & table["side"].isin([side_a, side_b])]
    if doc_id is None and len(t):
        doc_id = t["doc_id"].iloc[0]
    t = t.loc[t["doc_id"] == doc_id] if doc_id is not None else t
    used = list(dict.fromkeys(t.loc[t["present"], "frame_id"]))
    cap = MAX_ROWS if max_rows is None else max_rows
    if len(used) > cap:  # the most salient topics, in their order
        best = t.loc[t["present"]].groupby("frame_id")["salience"].max()
        keep = set(sorted(used, key=lambda f: (-best[f], used.index(f)))[:cap])
        used = [f for f in used if f in keep]
    fig, ax = _ax(ax, (7.0, fit_height(len(used), 0.38, 1.5)))
    colors = side_colors([side_a, side_b])
    y = np.arange(len(used))[::-1].astype(float)
    for k, side in enumerate((side_a, side_b)):
        s = t.loc[t["side"] == side].set_index("frame_id")
        vals = [float(s.at[f, "salience"]) if f in s.index else 0.0 for f in used]
        ax.barh(y + (0.2 if k == 0 else -0.2), vals, height=0.38, color=colors[side], label=shorten(side))
    labels = dict(zip(t["frame_id"], t["label"]))
    ax.set_yticks(y)
    ax.set_yticklabels([shorten(labels[f]) for f in used])
    ax.set_xlim(0, 1)
    ax.set_xlabel("position-weighted salience  Σ m·w / Σ w,  w = 1/log2(i+1)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def plot_topic_map(
    presence: pd.DataFrame, doc_id: str, topics: Sequence[str] | None = None, labels: Mapping[str, str] | None = None, ax=None
):
    """Where each topic appears in one document: a dot per sentence (x = sentence rank) carrying it. Returns the Figure."""
    from .figures import fit_height, shorten

    p = presence.loc[(presence["level"] == "document") & (presence["doc_id"] == doc_id)]
    if topics is None:
        topics = list(dict.fromkeys(p.loc[p["present"], "frame_id"]))
    labels = labels or {}
    n = int(p["n_units"].max()) if len(p) else 1
    fig, ax = _ax(ax, (7.0, fit_height(len(topics), 0.38, 1.5)))
    for k, fid in enumerate(topics):
        s = p.loc[(p["frame_id"] == fid) & p["present"]]
        ax.scatter(s["rank"], [len(topics) - 1 - k] * len(s), color="#333333", s=30, zorder=3)
        ax.axhline(len(topics) - 1 - k, color="#eeeeee", lw=0.8, zorder=1)
    ax.set_yticks([len(topics) - 1 - k for k in range(len(topics))])
    ax.set_yticklabels([shorten(labels.get(f, f)) for f in topics])
    ax.set_xlim(0.5, n + 0.5)
    ax.set_ylim(-0.7, max(len(topics), 1) - 0.3)
    ax.set_xlabel(f"sentence of {shorten(doc_id)} (1 = first of {n})")
    fig.tight_layout()
    return fig


def _top_topics(doc_rows: pd.DataFrame, max_topics: int) -> list[str]:
    """The topics present in most documents (then earliest on average), at most ``max_topics``, in that order.

    >>> d = pd.DataFrame({"frame_id": ["a", "b", "b", "c"], "doc_id": ["1", "1", "2", "2"], "first_pos": [0.5, 0.2, 0.4, 0.1]})
    >>> _top_topics(d, 2)
    ['b', 'c']
    """
    g = doc_rows.groupby("frame_id", sort=True).agg(n=("doc_id", "nunique"), pos=("first_pos", "mean"))
    g = g.reset_index().sort_values(["n", "pos", "frame_id"], ascending=[False, True, True], kind="stable")
    return g["frame_id"].head(max_topics).tolist()


def plot_topic_positions(
    presence: pd.DataFrame,
    table: pd.DataFrame,
    labels: Mapping[str, str] | None = None,
    doc_ids: Sequence[str] | None = None,
    max_docs: int = 6,
    max_topics: int | None = None,
    seed: int = 20250218,
):
    """Where each topic appears, with the layout picked from the number of documents. Returns the Figure.

    * one document: :func:`plot_topic_map` (a dot per sentence carrying the topic);
    * up to ``max_docs`` documents: the same map as small multiples, one panel per
      document, x = position in the document (0 = first sentence, 1 = last);
    * more: per topic, the distribution across documents of its first-mention position
      (box and, when no topic is in more than 300 documents, one dot per document), topics ordered by median.

    ``presence`` and ``table`` are the ``presence`` and ``emphasis`` tables of
    :func:`analysis.measures.emphasis.analyse` (rows at ``level == "document"``).
    At most ``max_topics`` topics (default :data:`analysis.viz.figures.MAX_ROWS`): those
    present in most documents. ``doc_ids`` restricts the documents drawn.
    """
    from .figures import MAX_ROWS, fit_height, new_figure, shorten

    labels = dict(labels or dict(zip(table["frame_id"], table["label"])))
    cap = MAX_ROWS if max_topics is None else max_topics
    docs_t = table.loc[(table["level"] == "document") & table["present"]]
    p = presence.loc[presence["level"] == "document", ["doc_id", "frame_id", "present", "rank", "n_units"]]  # the columns drawn
    docs = list(dict.fromkeys(p["doc_id"])) if doc_ids is None else list(doc_ids)
    if len(docs) == 1:
        return plot_topic_map(presence, docs[0], labels=labels)
    docs_t = docs_t.loc[docs_t["doc_id"].isin(docs)]
    topics = _top_topics(docs_t, cap)
    if len(docs) <= max_docs:
        rows = max(len(topics), 1)
        fig, axes = new_figure(len(docs), 1, sharex=True, squeeze=False, figsize=(7.0, fit_height(len(docs), 0.26 * rows + 0.5, 1.2)))
        for ax, doc in zip(axes[:, 0], docs):
            d = p.loc[(p["doc_id"] == doc) & p["present"]]
            n = int(p.loc[p["doc_id"] == doc, "n_units"].max()) if (p["doc_id"] == doc).any() else 1
            for k, fid in enumerate(topics):
                s = d.loc[d["frame_id"] == fid]
                x = (s["rank"].to_numpy(float) - 1) / max(n - 1, 1)
                ax.scatter(x, [rows - 1 - k] * len(s), color="#333333", s=14, zorder=3)
                ax.axhline(rows - 1 - k, color="#eeeeee", lw=0.8, zorder=1)
            ax.set_yticks([rows - 1 - k for k in range(len(topics))])
            ax.set_yticklabels([shorten(labels.get(f, f), 28) for f in topics], fontsize=7)
            ax.set_ylim(-0.7, rows - 0.3)
            ax.set_title(f"{shorten(doc, 60)} ({n} sentences)", fontsize=8, loc="left")
        axes[-1, 0].set_xlim(-0.03, 1.03)
        axes[-1, 0].set_xlabel("position in the document (0 = first sentence, 1 = last)")
        fig.tight_layout()
        return fig
    stats = [(f, docs_t.loc[docs_t["frame_id"] == f, "first_pos"].to_numpy(float)) for f in topics]
    stats.sort(key=lambda fs: (float(np.median(fs[1])) if len(fs[1]) else 2.0, fs[0]))
    fig, ax = new_figure(figsize=(7.0, fit_height(len(stats), 0.42, 1.6)))
    rng = np.random.default_rng(seed)
    y = np.arange(len(stats))[::-1].astype(float)
    dots = max((len(v) for _, v in stats), default=0) <= 300  # one dot per document, for every topic or none
    for yi, (_, v) in zip(y, stats):
        if dots:
            ax.scatter(v, yi + rng.uniform(-0.18, 0.18, len(v)), s=6, color="#1f5a96", alpha=0.35, edgecolors="none", zorder=2)
    ax.boxplot(
        [v for _, v in stats],
        positions=y,
        orientation="horizontal",
        widths=0.55,
        whis=(5, 95),
        showfliers=False,
        medianprops={"color": "#b8372f"},
        patch_artist=True,
        boxprops={"facecolor": "none"},
    )
    ax.set_yticks(y)
    ax.set_yticklabels([f"{shorten(labels.get(f, f))} (n = {len(v)})" for f, v in stats])
    ax.set_xlim(-0.03, 1.03)
    ax.set_xlabel("first mention in the document, normalised position (0 = lead, 1 = end)")
    ax.set_title(
        f"First mention of each topic across {len(docs)} documents\n(box: quartiles; whiskers: 5–95%; n = documents with the topic)",
        fontsize=8,
        loc="left",
    )
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
