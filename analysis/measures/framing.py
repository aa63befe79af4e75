"""Frames: each unit's and each side's frame profile, from a documented dictionary codebook with auditable hits.

The codebook is an editable resource (:mod:`analysis.measures.codebook`: ``diplomacy``,
``resources/frames.yaml``, or ``generic``, ``resources/frames_generic.yaml``; the file's
header explains the pattern syntax and how to add a frame); the hits, with their offsets
and keyword in context, come from :mod:`analysis.measures.frame_matching`; whether a whole
document uses a frame, calibrated against people's coding, from
:mod:`analysis.measures.document_frames`. This module turns hits into per-unit presence,
each side's frame profile and the side differences. Everything that compares sides takes
the two sides as parameters; nothing here knows which sides a corpus has. Its figure is in
:mod:`analysis.viz.plots_framing`.

>>> import pandas as pd
>>> units = pd.DataFrame({"doc_id": ["d", "d"], "statement_id": ["s1", "s2"],
...     "start": [0, 40], "text": ["We agreed on restoring embassies.", "Sanctions hurt trade."],
...     "side": ["A", "B"]})
>>> hits = frame_hits(units)
>>> hits[["unit_id", "frame_id", "pattern", "text"]].values.tolist()
[['s1', 'diplomatic_relations', 'embassy', 'embassies'], ['s2', 'economic', 'sanction', 'Sanctions'], ['s2', 'economic', 'trade', 'trade']]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.designs import share_interval, side_permutation_pvalues
from ..core.schema import conform
from ..core.stats import N_BOOT, benjamini_hochberg, bootstrap_ci, cliffs_delta
from ..core.text import count_words
from .codebook import (
    CODEBOOK,
    CODEBOOKS,
    Frame,
    Pattern,
    codebook_file,
    codebook_label,
    codebook_name,
    codebook_summary,
    codebook_table,
    codebook_title,
    compile_pattern,
    frame_labels,
    load_frames,
    normalize_token,
    parse_codebook,
    stem,
)
from .frame_matching import KWIC_WINDOW, frame_hits, kwic

__all__ = [
    "CODEBOOK",
    "CODEBOOKS",
    "KWIC_WINDOW",
    "Pattern",
    "Frame",
    "codebook_name",
    "codebook_label",
    "codebook_summary",
    "codebook_title",
    "codebook_file",
    "normalize_token",
    "stem",
    "compile_pattern",
    "parse_codebook",
    "load_frames",
    "frame_labels",
    "codebook_table",
    "frame_hits",
    "kwic",
    "frame_presence",
    "frames_by_side",
    "primary_frames",
    "one_sided_frames",
    "frame_differences",
    "findings",
]

# --------------------------------------------------------------------------- per unit and per side


def frame_presence(
    units: pd.DataFrame,
    hits: pd.DataFrame,
    id_col: str = "statement_id",
    *,
    side_col: str = "side",
    frames: Sequence[Frame] | None = None,
) -> pd.DataFrame:
    """One row per unit and frame (table ``frame_presence``): hits, presence and the unit's word count.

    Units without any hit get ``n_hits == 0`` rows for every frame, so shares are
    over all units. ``n_words`` is the units' ``n_words`` column when present, else
    counted with :func:`analysis.core.text.count_words`. Without ``side_col`` in
    ``units``, ``side`` is None.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"doc_id": ["d", "d"], "statement_id": ["a", "b"], "start": [0, 20],
    ...     "text": ["Peace and peace.", "Trade."], "side": ["X", "Y"]})
    >>> p = frame_presence(u, frame_hits(u))
    >>> p[p.frame_id.isin(["peace_negotiation", "economic"])][["unit_id", "frame_id", "n_hits", "present", "n_words"]].values.tolist()
    [['a', 'peace_negotiation', 2, True, 3], ['a', 'economic', 0, False, 3], ['b', 'peace_negotiation', 0, False, 1], ['b', 'economic', 1, True, 1]]
    """
    frames = tuple(frames) if frames is not None else load_frames()
    fids = [f.id for f in frames]
    u = pd.DataFrame(
        {
            "doc_id": units["doc_id"].astype(str).tolist(),
            "unit_col": id_col,
            "unit_id": units[id_col].astype(str).tolist(),
            "side": units[side_col].tolist() if side_col in units.columns else [None] * len(units),
            "n_words": (
                units["n_words"].astype("int64").tolist()
                if "n_words" in units.columns
                else [count_words(t) if isinstance(t, str) else 0 for t in units["text"]]
            ),
        }
    )
    u["_order"] = np.arange(len(u))
    grid = u.merge(pd.DataFrame({"frame_id": fids, "_forder": np.arange(len(fids))}), how="cross")
    if len(hits):
        counts = hits.groupby(["doc_id", "unit_id", "frame_id"]).size().rename("n_hits").reset_index()
        grid = grid.merge(counts, on=["doc_id", "unit_id", "frame_id"], how="left")
    else:
        grid["n_hits"] = 0
    grid["n_hits"] = grid["n_hits"].fillna(0).astype("int64")
    grid["present"] = grid["n_hits"] > 0
    grid = grid.sort_values(["_order", "_forder"], kind="stable")
    return conform(grid, "frame_presence")


def frames_by_side(
    presence: pd.DataFrame,
    side_a: str,
    side_b: str,
    *,
    frames: Sequence[Frame] | None = None,
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Per side and frame (table ``frames_by_side``): share of units with the frame and hits per 100 words.

    Both come with ``n`` and a 95% interval: the share a Wilson interval, at the
    documents' effective n when the side's units span several documents
    (:func:`analysis.core.designs.share_interval`, the interval
    :func:`analysis.core.compare.compare_sides` gives shares), so a share of 0 or 1 still
    gets a width; the rate a percentile bootstrap of the ratio of sums (units resampled,
    whole documents when there are several: :func:`analysis.core.stats.bootstrap_ci`).
    ``primary`` marks each side's primary frame (highest share, then highest
    rate, then codebook order; none if the side has no frame at all);
    ``only_this_side`` marks frames this side raises and the other never does.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"doc_id": "d", "statement_id": ["a", "b", "c"], "start": [0, 20, 40],
    ...     "text": ["Peace now.", "Trade and peace.", "Sanctions."], "side": ["X", "X", "Y"]})
    >>> t = frames_by_side(frame_presence(u, frame_hits(u)), "X", "Y", n_boot=200)
    >>> t[t.n_present > 0][["side", "frame_id", "n_units", "n_present", "share", "primary", "only_this_side"]].values.tolist()
    [['X', 'peace_negotiation', 2, 2, 1.0, True, True], ['X', 'economic', 2, 1, 0.5, False, False], ['Y', 'economic', 1, 1, 1.0, True, False]]
    """
    frames = tuple(frames) if frames is not None else load_frames()
    labels = {f.id: f.label for f in frames}
    rows = []
    for side in (side_a, side_b):
        sub = presence[presence["side"] == side]
        for fid in labels:
            fr = sub[sub["frame_id"] == fid]
            present = fr["present"].to_numpy(dtype=float)
            hits = fr["n_hits"].to_numpy(dtype=float)
            nw = fr["n_words"].to_numpy(dtype=float)
            groups = fr["doc_id"].tolist()
            n = len(fr)
            share = float(present.mean()) if n else float("nan")
            slo, shi = share_interval(present, groups)
            total_w = float(nw.sum())
            rate = 100.0 * float(hits.sum()) / total_w if total_w > 0 else float("nan")
            # hits per 100 words of each resample (a ratio of sums; the counts sum exactly)
            rlo, rhi = bootstrap_ci(100.0 * hits, groups=groups, n_boot=n_boot, seed=seed, denominator=nw)
            rows.append(
                {
                    "side": side,
                    "frame_id": fid,
                    "label": labels[fid],
                    "n_units": n,
                    "n_present": int(present.sum()),
                    "share": share,
                    "share_lo": slo,
                    "share_hi": shi,
                    "n_words": int(total_w),
                    "n_hits": int(hits.sum()),
                    "hits_per_100w": rate,
                    "rate_lo": rlo,
                    "rate_hi": rhi,
                }
            )
    out = pd.DataFrame(rows)
    out["primary"] = False
    out["only_this_side"] = False
    order = {fid: i for i, fid in enumerate(labels)}
    for side, other in ((side_a, side_b), (side_b, side_a)):
        mine = out[out["side"] == side]
        theirs = out[out["side"] == other].set_index("frame_id")["n_present"]
        cand = mine[mine["n_present"] > 0]
        if len(cand):
            best = cand.assign(_o=cand["frame_id"].map(order)).sort_values(
                ["share", "hits_per_100w", "_o"], ascending=[False, False, True], kind="stable"
            )
            out.loc[best.index[0], "primary"] = True
        only = mine[(mine["n_present"] > 0) & (mine["frame_id"].map(theirs) == 0)]
        out.loc[only.index, "only_this_side"] = True
    return conform(out, "frames_by_side")


def primary_frames(by_side: pd.DataFrame) -> dict[str, str | None]:
    """``{side: primary frame_id or None}`` from a :func:`frames_by_side` table.

    >>> import pandas as pd
    >>> primary_frames(pd.DataFrame({"side": ["X", "X", "Y"], "frame_id": ["a", "b", "a"], "primary": [False, True, False]}))
    {'X': 'b', 'Y': None}
    """
    out: dict[str, str | None] = {}
    for side in dict.fromkeys(by_side["side"].tolist()):
        sub = by_side[(by_side["side"] == side) & by_side["primary"]]
        out[side] = sub["frame_id"].iloc[0] if len(sub) else None
    return out


def one_sided_frames(by_side: pd.DataFrame) -> pd.DataFrame:
    """Frames one side raises and the other never does: side, frame_id, label, n_present, n_units.

    >>> import pandas as pd
    >>> t = pd.DataFrame({"side": ["X", "Y"], "frame_id": ["a", "b"], "label": ["A", "B"], "n_present": [2, 0],
    ...     "n_units": [3, 4], "only_this_side": [True, False]})
    >>> one_sided_frames(t).values.tolist()
    [['X', 'a', 'A', 2, 3]]
    """
    cols = ["side", "frame_id", "label", "n_present", "n_units"]
    return by_side.loc[by_side["only_this_side"], cols].reset_index(drop=True)


def frame_differences(
    presence: pd.DataFrame,
    side_a: str,
    side_b: str,
    *,
    frames: Sequence[Frame] | None = None,
    n_perm: int = 5000,
    seed: int | None = None,
) -> pd.DataFrame:
    """Side A minus side B per frame (table ``frame_differences``), tested with care for many frames.

    ``diff`` is the difference in share of units carrying the frame; ``p_value`` a
    two-sided permutation test on the side labels: of whole documents' units when the
    two sides' units span more than one document
    (:func:`analysis.core.stats.cluster_permutation_test`), else of single units
    (:func:`analysis.core.stats.permutation_test`, units treated as exchangeable, which
    sentences of one article are not);
    ``q_value`` the Benjamini–Hochberg adjustment over all frames tested; and
    ``rate_delta`` Cliff's delta of per-unit hits per 100 words (effect size).

    >>> import pandas as pd
    >>> u = pd.DataFrame({"doc_id": "d", "statement_id": list("abcd"), "start": 0,
    ...     "text": ["Peace.", "Peace.", "Trade.", "Trade."], "side": ["X", "X", "Y", "Y"]})
    >>> d = frame_differences(frame_presence(u, frame_hits(u)), "X", "Y", n_perm=200)
    >>> d.loc[d.frame_id == "peace_negotiation", ["share_a", "share_b", "diff"]].values.tolist()
    [[1.0, 0.0, 1.0]]
    """
    frames = tuple(frames) if frames is not None else load_frames()
    rows, tests = [], []
    for f in frames:
        fr = presence[presence["frame_id"] == f.id]
        a = fr[fr["side"] == side_a]
        b = fr[fr["side"] == side_b]
        pa, pb = a["present"].to_numpy(dtype=float), b["present"].to_numpy(dtype=float)
        ra = 100.0 * a["n_hits"].to_numpy(dtype=float) / a["n_words"].clip(lower=1).to_numpy(dtype=float)
        rb = 100.0 * b["n_hits"].to_numpy(dtype=float) / b["n_words"].clip(lower=1).to_numpy(dtype=float)
        sa = float(pa.mean()) if len(pa) else float("nan")
        sb = float(pb.mean()) if len(pb) else float("nan")
        tests.append((pa, pb, a["doc_id"].astype(str).to_numpy(), b["doc_id"].astype(str).to_numpy()))
        rows.append(
            {
                "frame_id": f.id,
                "label": f.label,
                "side_a": side_a,
                "side_b": side_b,
                "n_a": len(pa),
                "n_b": len(pb),
                "share_a": sa,
                "share_b": sb,
                "diff": sa - sb,
                "rate_delta": cliffs_delta(ra, rb),
            }
        )
    for row, p in zip(rows, _presence_pvalues(tests, n_perm, seed)):
        row["p_value"] = p
    out = pd.DataFrame(rows)
    out["q_value"] = benjamini_hochberg(out["p_value"].tolist()) if len(out) else []
    return conform(out, "frame_differences")


def _presence_pvalues(tests: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]], n_perm: int, seed: int | None) -> list[float]:
    """Permutation p-value of each frame's (presence a, presence b, documents a, documents b), at the level of :func:`analysis.core.designs.resampling_level`.

    When every frame has the same units in the same order (a presence grid), all frames
    are tested on one set of relabellings (:func:`analysis.core.designs.side_permutation_pvalues`);
    each p-value is the one a separate test with the same seed gives.
    """
    if not tests:
        return []
    _, _, da, db = tests[0]
    if all(len(t[2]) == len(da) and len(t[3]) == len(db) and np.array_equal(t[2], da) and np.array_equal(t[3], db) for t in tests):
        a = np.column_stack([t[0] for t in tests]) if len(da) else np.empty((0, len(tests)))
        b = np.column_stack([t[1] for t in tests]) if len(db) else np.empty((0, len(tests)))
        return side_permutation_pvalues(a, b, da, db, n_perm=n_perm, seed=seed)
    return [side_permutation_pvalues(pa[:, None], pb[:, None], ga, gb, n_perm=n_perm, seed=seed)[0] for pa, pb, ga, gb in tests]


def findings(by_side: pd.DataFrame, differences: pd.DataFrame | None = None, unit: str = "statements") -> str:
    """Plain-language lines from a :func:`frames_by_side` table (and :func:`frame_differences`), with n and intervals.

    Written from the numbers, so the text never goes stale when the data change.

    >>> import pandas as pd
    >>> u = pd.DataFrame({"doc_id": "d", "statement_id": ["a", "b", "c"], "start": [0, 20, 40],
    ...     "text": ["Peace now.", "Trade and peace.", "Sanctions."], "side": ["X", "X", "Y"]})
    >>> print(findings(frames_by_side(frame_presence(u, frame_hits(u)), "X", "Y", n_boot=200)))
    X (n = 2 statements, 5 words): primary frame Peace process & negotiation, in 2 of 2 (100%, 95% CI 34%-100%). Frames: Peace process & negotiation 2/2, Economic 1/2.
    Y (n = 1 statements, 1 words): primary frame Economic, in 1 of 1 (100%, 95% CI 21%-100%). Frames: Economic 1/1.
    Raised by X and never by Y: Peace process & negotiation.
    Raised by Y and never by X: none.
    """

    def pct(v: float) -> str:
        return "n/a" if v != v else f"{v:.0%}"

    lines = []
    sides = list(dict.fromkeys(by_side["side"].tolist()))
    for side in sides:
        t = by_side[by_side["side"] == side]
        n, w = int(t["n_units"].max()), int(t["n_words"].max())
        head = f"{side} (n = {n} {unit}, {w} words): "
        prim = t[t["primary"]]
        if prim.empty:
            lines.append(head + "no frame found.")
            continue
        r = prim.iloc[0]
        ci = "n/a" if r["share_lo"] != r["share_lo"] else f"{pct(r['share_lo'])}-{pct(r['share_hi'])}"
        used = t[t["n_present"] > 0].sort_values("n_present", ascending=False, kind="stable")
        listed = ", ".join(f"{x.label} {x.n_present}/{x.n_units}" for x in used.itertuples())
        lines.append(head + f"primary frame {r['label']}, in {r['n_present']} of {n} ({pct(r['share'])}, 95% CI {ci}). Frames: {listed}.")
    if len(sides) == 2:
        for side, other in ((sides[0], sides[1]), (sides[1], sides[0])):
            only = by_side[(by_side["side"] == side) & by_side["only_this_side"]]["label"].tolist()
            lines.append(f"Raised by {side} and never by {other}: {', '.join(only) if only else 'none'}.")
    if differences is not None and len(differences):
        d = differences.dropna(subset=["p_value"])
        d = d[d["diff"] != 0]
        if len(d):
            top = d.loc[d["diff"].abs().sort_values(ascending=False, kind="stable").index[0]]
            sig = d[d["q_value"] < 0.05]["label"].tolist()
            lines.append(
                f"Largest difference in share: {top['label']} ({top['side_a']} {pct(top['share_a'])} vs "
                f"{top['side_b']} {pct(top['share_b'])}, permutation p = {top['p_value']:.3f}, BH q = {top['q_value']:.3f}). "
                f"Frames with BH q < 0.05 over {len(differences)} frames tested: {', '.join(sig) if sig else 'none'}."
            )
    return "\n".join(lines)
