"""A first look at a corpus: sizes of documents, paragraphs and sentences, and a figure of them.

>>> import tempfile, pathlib
>>> from analysis.core.corpus import load_corpus
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("HEAD LINE\\nOne two. Three.\\nFour five six.", encoding="utf-8")
>>> paragraph_overview(load_corpus(d))[["para_id", "is_heading", "n_sentences", "n_words"]].values.tolist()
[[0, True, 0, 2], [1, False, 2, 3], [2, False, 1, 3]]
"""

from __future__ import annotations

import pandas as pd

from ..core.text import count_words

__all__ = ["paragraph_overview", "sentence_lengths"]


def paragraph_overview(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per paragraph: doc_id, para_id, is_heading, n_sentences, n_words, start, end, first words."""
    paras = tables["paragraphs"]
    counts = tables["sentences"].groupby(["doc_id", "para_id"]).size().rename("n_sentences")
    out = paras.join(counts, on=["doc_id", "para_id"])
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    out["n_words"] = out["text"].map(count_words).astype("int64")
    out["opening"] = out["text"].str.slice(0, 60)
    return out[["doc_id", "para_id", "is_heading", "n_sentences", "n_words", "start", "end", "opening"]]


def sentence_lengths(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences table with ``n_words`` per sentence."""
    out = sentences[["doc_id", "para_id", "sent_id", "start", "end", "text"]].copy()
    out["n_words"] = out["text"].map(count_words).astype("int64")
    return out
