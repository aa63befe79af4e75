"""Figures of sentence lengths of a document (analysis.notebook.overview). Each function returns the matplotlib Figure."""

from __future__ import annotations

import pandas as pd

from ..viz.figures import new_figure

__all__ = ["plot_sentence_lengths"]


def plot_sentence_lengths(lengths: pd.DataFrame, doc_id: str | None = None):
    """Words per sentence: for one document (``doc_id``, or the only one) a bar per sentence, coloured by paragraph;
    for a corpus of several documents a histogram over all of them (one document would stand for none of the others)."""
    docs = list(dict.fromkeys(lengths["doc_id"]))
    if doc_id is None and len(docs) == 1:
        doc_id = docs[0]
    if doc_id is None:
        fig, ax = new_figure(figsize=(7.0, 3.2))
        if len(lengths):
            top = int(lengths["n_words"].max())
            step = max(1, -(-top // 40))  # whole words per bin, at most 40 bins
            ax.hist(lengths["n_words"], bins=range(0, top + step + 1, step), color="#1f5a96")
        ax.set_xlabel("words per sentence")
        ax.set_ylabel("sentences")
        ax.set_title(f"Sentence lengths in {len(docs):,} documents (n = {len(lengths):,} sentences)")
        fig.tight_layout()
        return fig
    d = lengths[lengths["doc_id"] == doc_id].reset_index(drop=True)
    fig, ax = new_figure(figsize=(7.0, 3.2))
    colors = ["#1f5a96" if p % 2 == 0 else "#7aa6d1" for p in d["para_id"]]
    ax.bar(d["sent_id"].astype(str), d["n_words"], color=colors)
    ax.set_xlabel("sentence (sent_id; colour alternates by paragraph)")
    ax.set_ylabel("words")
    ax.set_title(f"Sentence lengths in {doc_id} (n = {len(d)} sentences)")
    fig.tight_layout()
    return fig
