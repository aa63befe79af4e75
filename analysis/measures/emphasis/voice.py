"""Voice: the words each side (and each actor) is quoted with directly or reported with indirectly.

Part of :mod:`analysis.measures.emphasis` (see its docstring for the measures).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ...core.schema import conform
from ...core.stats import N_BOOT
from ...core.text import count_words
from .resampling import _ratio_ci

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
    readout's sentences are the side's own text, counted in ``readout_words`` but not
    in the shares). ``voice_share`` = the group's attributed words / all attributed
    words; ``direct_share`` = its quoted words / its attributed words. Intervals:
    percentile bootstrap over statements (whole documents when there are several).
    """
    st = statements.copy()
    st["_key"] = st[by].astype("object").where(st[by].notna(), "(unknown)")
    st["_words"] = st["n_words"].astype(float)
    st["_direct"] = _direct_words(st, quotes)
    counted = st.loc[st["origin"].isin(list(origins))].reset_index(drop=True)
    all_words = counted["_words"].to_numpy()
    groups_all = counted["doc_id"].astype(str).tolist()
    rows = []
    for key in dict.fromkeys(st["_key"]):
        g = st.loc[st["_key"] == key]
        c = counted.loc[counted["_key"] == key]
        quoted = float(c["_direct"].sum())
        attributed = float(c["_words"].sum())
        mine = (counted["_key"] == key).to_numpy(dtype=float) * all_words
        direct = c["_direct"].to_numpy(dtype=float)
        vs_lo, vs_hi = _ratio_ci(mine, all_words, groups_all, n_boot=n_boot, seed=seed)
        ds_lo, ds_hi = _ratio_ci(direct, c["_words"].to_numpy(), c["doc_id"].astype(str).tolist(), n_boot=n_boot, seed=seed)
        side = g["side"].dropna().iloc[0] if g["side"].notna().any() else None
        rows.append(
            {
                "level": by,
                "group": key,
                "side": side,
                "n_docs": g["doc_id"].nunique(),
                "n_statements": len(c),
                "n_quotes": int((c["_direct"] > 0).sum()),
                "n_claims": int((c["origin"] == "claim").sum()),
                "quoted_words": int(quoted),
                "indirect_words": int(attributed - quoted),
                "attributed_words": int(attributed),
                "readout_words": int(g.loc[g["origin"] == "readout", "_words"].sum()),
                "voice_share": attributed / all_words.sum() if all_words.sum() else float("nan"),
                "voice_share_lo": vs_lo,
                "voice_share_hi": vs_hi,
                "direct_share": quoted / attributed if attributed else float("nan"),
                "direct_share_lo": ds_lo,
                "direct_share_hi": ds_hi,
            }
        )
    if not rows:
        return conform(None, "voice")
    out = pd.DataFrame(rows).sort_values(["attributed_words", "readout_words", "group"], ascending=[False, False, True], kind="stable")
    return conform(out, "voice")


def _direct_words(st: pd.DataFrame, quotes: pd.DataFrame | None) -> list[float]:
    """Word tokens of each statement inside a quote (kind != term); by origin when ``quotes`` is None."""
    if quotes is None:
        return [float(w) if o == "quote" else 0.0 for w, o in zip(st["n_words"], st["origin"])]
    q = quotes if "kind" not in quotes.columns else quotes.loc[quotes["kind"] != "term"]
    by_doc = {d: list(zip(g["start"], g["end"])) for d, g in q.groupby("doc_id")}
    out = []
    for doc, a, b, text in zip(st["doc_id"], st["start"], st["end"], st["text"]):
        n = 0
        for qa, qb in by_doc.get(doc, []):
            lo, hi = max(int(a), int(qa)), min(int(b), int(qb))
            if lo < hi:
                n += count_words(text[lo - int(a) : hi - int(a)])
        out.append(float(n))
    return out
