"""Voice: the words each side (and each actor) is quoted with directly or reported with indirectly.

Part of :mod:`analysis.measures.emphasis` (see its docstring for the measures).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ...core.schema import conform
from ...core.stats import N_BOOT
from ...core.text import count_words
from .resampling import _ratio_cis

__all__ = ["voice"]


def voice(
    statements: pd.DataFrame,
    by: str = "side",
    origins: Sequence[str] = ("quote", "claim"),
    quotes: pd.DataFrame | None = None,
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Table ``voice``: quoted (direct) and reported (indirect) words per side or per actor.

    Quoted words are the word tokens of a statement that lie inside a quote of the
    ``quotes`` table (scare-quoted terms, ``kind == "term"``, excluded), so a claim
    whose content contains a quotation counts its quoted part as direct; without
    ``quotes``, a statement is direct when its ``origin`` is ``quote``.

    ``by`` is ``"side"`` or ``"speaker"``. Only statements whose ``origin`` is in
    ``origins`` count (by default quotes and claims: the voice a reporter gives; a
    readout's sentences are the side's own text, counted in ``own_words`` but not
    in the shares). ``voice_share`` = the group's attributed words / all attributed
    words; ``direct_share`` = its quoted words / its attributed words. Intervals:
    percentile bootstrap over statements (whole documents when there are several).
    A resample with no attributed words in a ratio's denominator has no ratio and is
    left out of that interval; ``skipped_share`` reports the larger share of resamples
    left out of the two intervals (0 unless statements without words are drawn alone).
    """
    st = statements.reset_index(drop=True).copy()
    st["_key"] = st[by].astype("object").where(st[by].notna(), "(unknown)")
    st["_words"] = st["n_words"].astype(float)
    st["_direct"] = _direct_words(st, quotes)
    keys = list(dict.fromkeys(st["_key"]))
    if not keys:
        return conform(None, "voice")
    st["_k"] = pd.Categorical(st["_key"], categories=keys).codes
    st["_counted"] = st["origin"].isin(list(origins))
    counted = st.loc[st["_counted"]].reset_index(drop=True)
    all_words = counted["_words"].to_numpy()
    total = all_words.sum()
    vs_lo, vs_hi, vs_skip = _share_cis(counted, len(keys), n_boot, seed)
    ds_lo, ds_hi, ds_skip = _direct_share_cis(counted, len(keys), n_boot, seed)
    skipped = np.fmax(vs_skip, ds_skip)
    k_all = st.groupby("_k", sort=True)
    n_docs = k_all["doc_id"].nunique().reindex(range(len(keys)), fill_value=0).to_numpy()
    first_side = k_all["side"].first().reindex(range(len(keys)))  # first non-missing side of the group
    readout = st.loc[st["origin"] == "readout"].groupby("_k")["_words"].sum().reindex(range(len(keys)), fill_value=0.0).to_numpy()
    kc = counted.groupby("_k", sort=True)
    idx = range(len(keys))
    n_st = kc.size().reindex(idx, fill_value=0).to_numpy()
    quoted = kc["_direct"].sum().reindex(idx, fill_value=0.0).to_numpy()
    attributed = kc["_words"].sum().reindex(idx, fill_value=0.0).to_numpy()
    n_q = counted.loc[counted["_direct"] > 0].groupby("_k").size().reindex(idx, fill_value=0).to_numpy()
    n_c = counted.loc[counted["origin"] == "claim"].groupby("_k").size().reindex(idx, fill_value=0).to_numpy()
    rows = []
    for i, key in enumerate(keys):
        side = first_side.iloc[i]
        rows.append(
            {
                "level": by,
                "group": key,
                "side": side if pd.notna(side) else None,
                "n_docs": int(n_docs[i]),
                "n_statements": int(n_st[i]),
                "n_quotes": int(n_q[i]),
                "n_claims": int(n_c[i]),
                "quoted_words": int(quoted[i]),
                "indirect_words": int(attributed[i] - quoted[i]),
                "attributed_words": int(attributed[i]),
                "own_words": int(readout[i]),
                "voice_share": attributed[i] / total if total else float("nan"),
                "voice_share_lo": vs_lo[i],
                "voice_share_hi": vs_hi[i],
                "direct_share": quoted[i] / attributed[i] if attributed[i] else float("nan"),
                "direct_share_lo": ds_lo[i],
                "direct_share_hi": ds_hi[i],
                "skipped_share": skipped[i],
            }
        )
    out = pd.DataFrame(rows).sort_values(["attributed_words", "own_words", "group"], ascending=[False, False, True], kind="stable")
    return conform(out, "voice")


def _units(table: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The resampling units of :func:`_ratio_ci` for ``table``'s rows: whole documents when there are several, else the rows.

    Returns the unit of each row (codes in sorted document order, as :func:`_ratio_ci`
    sorts its groups) and the number of units.
    """
    docs = table["doc_id"].astype(str)
    labels = sorted(set(docs))
    if len(labels) > 1:
        return pd.Categorical(docs, categories=labels).codes.astype(np.int64), len(labels)
    return np.arange(len(table), dtype=np.int64), len(table)


def _share_cis(counted: pd.DataFrame, n_keys: int, n_boot: int, seed: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bootstrap interval of each group's share of all attributed words, all groups at once (with the share of resamples skipped).

    The same numbers as ``_ratio_ci(mine, all_words, doc_ids)`` group by group (the
    resamples of :func:`_resamples` for the same units; word counts sum exactly), as one
    matrix of words per group and unit through :func:`_ratio_cis`.
    """
    unit, n = _units(counted)
    words = counted["_words"].to_numpy(float)
    den = np.bincount(unit, weights=words, minlength=n)
    num = np.zeros((n_keys, n))
    np.add.at(num, (counted["_k"].to_numpy(), unit), words)
    return _ratio_cis(num, np.broadcast_to(den, num.shape), n_boot=n_boot, seed=seed, return_skipped=True)


def _direct_share_cis(counted: pd.DataFrame, n_keys: int, n_boot: int, seed: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bootstrap interval of each group's quoted share of its own words: groups with the same number of units in one batch.

    The same numbers as ``_ratio_ci(direct, words, doc_ids)`` over the group's own statements.
    """
    lo, hi, skipped = np.full(n_keys, np.nan), np.full(n_keys, np.nan), np.full(n_keys, np.nan)
    batches: dict[int, list] = {}
    keys = counted["_k"].to_numpy()
    docs = counted["doc_id"].astype(str).to_numpy(object)
    direct, words = counted["_direct"].to_numpy(float), counted["_words"].to_numpy(float)
    for k, pos in sorted(pd.Series(keys).groupby(keys, sort=True).indices.items()):
        labels, inverse = np.unique(docs[pos], return_inverse=True)  # the units of _units: sorted documents, else rows
        unit, n = (inverse.ravel().astype(np.int64), len(labels)) if len(labels) > 1 else (np.arange(len(pos), dtype=np.int64), len(pos))
        num = np.bincount(unit, weights=direct[pos], minlength=n)
        den = np.bincount(unit, weights=words[pos], minlength=n)
        batches.setdefault(n, []).append((int(k), num, den))
    for n, items in batches.items():
        if n < 2:
            continue
        ks = [k for k, _, _ in items]
        lo[ks], hi[ks], skipped[ks] = _ratio_cis(
            np.vstack([a for _, a, _ in items]), np.vstack([b for _, _, b in items]), n_boot=n_boot, seed=seed, return_skipped=True
        )
    return lo, hi, skipped


def _direct_words(st: pd.DataFrame, quotes: pd.DataFrame | None) -> list[float]:
    """Word tokens of each statement inside a quote (kind != term); by origin when ``quotes`` is None."""
    if quotes is None:
        return [float(w) if o == "quote" else 0.0 for w, o in zip(st["n_words"], st["origin"])]
    q = quotes if "kind" not in quotes.columns else quotes.loc[quotes["kind"] != "term"]
    by_doc: dict = {}  # the quote spans of each document, in table order (plain lists: no per-document frames)
    for d, qa, qb in zip(q["doc_id"].tolist(), q["start"].astype("int64").tolist(), q["end"].astype("int64").tolist()):
        by_doc.setdefault(d, []).append((qa, qb))
    out = []
    rows = zip(st["doc_id"].tolist(), st["start"].astype("int64").tolist(), st["end"].astype("int64").tolist(), st["text"], st["n_words"])
    for doc, a, b, text, n_words in rows:
        # the parts of the statement inside any quote, overlapping quotes merged: a word is counted once
        parts = sorted((max(a, qa), min(b, qb)) for qa, qb in by_doc.get(doc, ()) if max(a, qa) < min(b, qb))
        merged: list[list[int]] = []
        for lo, hi in parts:
            if merged and lo <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], hi)
            else:
                merged.append([lo, hi])
        n = sum(count_words(text[lo - a : hi - a]) for lo, hi in merged)
        # one definition of a word of voice: a direct word is one of the statement's own words
        out.append(float(min(n, int(n_words))))
    return out
