"""Figures of the voice share of each actor (analysis.measures.voice). Each function returns the matplotlib Figure."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..measures.voice import UNKNOWN, _key, _side_order

__all__ = ["plot_voice_share"]


def _plural(n: int, word: str) -> str:
    """``"1 quote"``, ``"2 quotes"``.

    >>> _plural(1, "quote"), _plural(0, "claim")
    ('1 quote', '0 claims')
    """
    return f"{n} {word}" + ("" if n == 1 else "s")


OTHERS_COLOR = "#c8c8c8"


def _top_actors(actors: pd.DataFrame, max_rows: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The ``max_rows - 1`` actors with most attributed words (all of them when they fit) and the rest.

    Ties are broken by quoted words, then name, so the cut is stable.

    >>> a = pd.DataFrame({"group": list("abcd"), "attributed_words": [5, 9, 1, 9], "quoted_words": 0})
    >>> top, rest = _top_actors(a, 3)
    >>> top["group"].tolist(), rest["group"].tolist()
    (['b', 'd'], ['a', 'c'])
    """
    if len(actors) <= max_rows:
        return actors, actors.iloc[:0]
    ranked = actors.sort_values(["attributed_words", "quoted_words", "group"], ascending=[False, False, True], kind="stable")
    return ranked.iloc[: max_rows - 1], ranked.iloc[max_rows - 1 :]


def plot_voice_share(table: pd.DataFrame, sides: Sequence[str], ax=None, max_rows: int | None = None):
    """Horizontal bars, one per actor: words quoted directly (solid) and reported indirectly (light), coloured by side.

    ``table`` is a :func:`voice_by_actor` / :func:`voice_table` table; actor rows are
    drawn, grouped by side (``sides`` first). Each bar is labelled with the actor's
    voice share and number of statements; the legend gives each side's share (from the
    side rows when present). Quotes attributed to no one are drawn hatched in grey:
    they are in the text but in no side's share. With more than ``max_rows`` actors
    (default :data:`analysis.viz.figures.MAX_ROWS`), the ``max_rows - 1`` with most
    attributed words are drawn and the rest share one grey bar, "others (n actors)",
    at the bottom. Returns the Figure.
    """
    from matplotlib.patches import Patch

    from .figures import MAX_ROWS, NO_SIDE_COLOR, fit_height, new_figure, shorten, side_colors

    actors = table.loc[(table["level"] == "actor") & ((table["n_statements"] > 0) | (table["n_quotes"] > 0))].copy()
    actors, rest = _top_actors(actors, MAX_ROWS if max_rows is None else max_rows)
    actors["side_key"] = _key(actors["side"])
    order = _side_order(actors["side_key"].tolist(), sides)
    colors = side_colors([s for s in order if s != UNKNOWN])
    colors[UNKNOWN] = NO_SIDE_COLOR
    actors["_o"] = actors["side_key"].map({s: i for i, s in enumerate(order)})
    actors = actors.sort_values(["_o", "attributed_words", "quoted_words", "group"], ascending=[True, False, False, True], kind="stable")
    by_side = table.loc[table["level"] == "side"].set_index("group") if (table["level"] == "side").any() else None

    n = len(actors) + (1 if len(rest) else 0)
    if ax is None:
        fig, ax = new_figure(figsize=(7.0, fit_height(n, 0.42, 1.6)))
    else:
        fig = ax.figure
    y = np.arange(n)[::-1].astype(float)
    top = float(max(actors["attributed_words"].max(), actors["quoted_words"].max(), 1)) if len(actors) else 1.0
    for yi, r in zip(y, actors.itertuples(index=False)):
        col = colors[r.side_key]
        if r.n_statements > 0:
            ax.barh(yi, r.direct_words, color=col, height=0.7)
            ax.barh(yi, r.attributed_words - r.direct_words, left=r.direct_words, color=col, alpha=0.35, height=0.7)
            label = f"{r.voice_share:.0%} · n = {r.n_statements} ({_plural(r.n_quotes, 'quote')}, {_plural(r.n_claims, 'claim')})"
            end = r.attributed_words
        else:
            ax.barh(yi, r.quoted_words, color="white", edgecolor=col, hatch="///", height=0.7)
            label = f"not attributed · {_plural(r.n_quotes, 'quote')}"
            end = r.quoted_words
        ax.text(end + top * 0.01, yi, label, va="center", fontsize=7.5)
    labels = [shorten(g) for g in actors["group"]]
    if len(rest):
        # The rest as one bar: their words stacked as one, their shares added up.
        words, direct = int(rest["attributed_words"].sum()), int(rest["direct_words"].sum())
        share = float(rest["voice_share"].fillna(0).sum())
        top = max(top, float(words))
        ax.barh(y[-1], direct, color=OTHERS_COLOR, height=0.7)
        ax.barh(y[-1], words - direct, left=direct, color=OTHERS_COLOR, alpha=0.45, height=0.7)
        ax.text(words + top * 0.01, y[-1], f"{share:.0%} · n = {int(rest['n_statements'].sum())}", va="center", fontsize=7.5)
        labels.append(f"others ({_plural(len(rest), 'actor')})")
    ax.set_yticks(y)
    ax.set_yticklabels(labels)
    ax.set_xlim(0, top * 1.6)
    ax.set_xlabel("words attributed (solid: inside quotation marks; light: reported speech)")
    handles = []
    for s in order:
        if s == UNKNOWN:
            none = actors.loc[actors["side_key"] == UNKNOWN]
            if (none["n_statements"] > 0).any():  # named speakers the text gives no side
                handles.append(Patch(facecolor=colors[s], label="no side (not in the registry, no side word in the text)"))
            if (none["n_statements"] == 0).any():
                handles.append(Patch(facecolor="white", edgecolor=colors[s], hatch="///", label="no speaker recovered"))
            continue
        share = ""
        if by_side is not None and s in by_side.index and pd.notna(by_side.at[s, "voice_share"]):
            share = f": {by_side.at[s, 'voice_share']:.0%} of attributed words (n = {int(by_side.at[s, 'n_statements'])})"
        handles.append(Patch(facecolor=colors[s], label=f"{shorten(s)}{share}"))
    if len(rest):
        handles.append(Patch(facecolor=OTHERS_COLOR, label=f"others: the {_plural(len(rest), 'actor')} with fewest words, any side"))
    ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.01), ncol=1, frameon=False, fontsize=8)
    fig.tight_layout()
    return fig
