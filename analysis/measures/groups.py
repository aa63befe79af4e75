"""Groups of documents compared by any front-matter field: outlet against outlet, leaning against leaning, readout against readout.

The unit is the document. A group is a set of values of one field of the ``documents``
table (``leaning``, ``source``, ``country``, ``kind``, ``side``; any front-matter field is
kept as a column): ``"leaning=left_bias+left_center_bias,right_bias+questionable_source"``
names two groups, each the documents whose ``leaning`` is one of its ``+``-joined values
(``name:`` before a group's values names it). Every measure is one value per document
(a frame used or not, the mean tone of its sentences); shares come with Wilson intervals,
differences of shares with Newcombe's, differences of means with a bootstrap of
documents, and p-values from relabelling whole documents between the groups, adjusted
with Benjamini–Hochberg over every measure compared in one call (one family).

>>> spec = parse_groups("leaning=left:l1+l2,right:r1")
>>> spec
('leaning', (('left', ('l1', 'l2')), ('right', ('r1',))))
>>> docs = pd.DataFrame({"doc_id": list("abcd"), "leaning": ["l1", "l2", "r1", "x"]})
>>> assign_groups(docs, spec).tolist()
['left', 'left', 'right', None]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.errors import ArgumentError
from ..core.schema import conform
from ..core.stats import benjamini_hochberg, bootstrap_ci, newcombe_interval, permutation_test, wilson_interval
from .readings_format import ALPHA

#: Below this many documents in either group a comparison is described, not tested (the sides' threshold).
MIN_DOCS_PER_GROUP = 5

__all__ = [
    "parse_groups",
    "assign_groups",
    "group_labels",
    "compare_groups",
    "document_tone",
    "groups_reading",
    "document_measures",
    "summary_rows",
    "empty_comparison",
    "with_group_rows",
]

GroupSpec = tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]


def parse_groups(text: str) -> GroupSpec:
    """``"FIELD=[NAME:]V1+V2,[NAME:]V3"`` → ``(field, ((name, values), (name, values)))``: exactly two groups, no value in both.

    A group without a name is named by its values joined with ``+``.

    >>> parse_groups("kind=readout,news")
    ('kind', (('readout', ('readout',)), ('news', ('news',))))
    """
    field, sep, rest = str(text).partition("=")
    field = field.strip()
    if not sep or not field or not rest.strip():
        raise ArgumentError("--groups", f"expected FIELD=VALUES,VALUES (e.g. leaning=left_bias+left_center_bias,right_bias), got {text!r}")
    groups = []
    for part in rest.split(","):
        name, colon, values = part.partition(":")
        vals = tuple(v.strip() for v in (values if colon else name).split("+") if v.strip())
        if not vals:
            raise ArgumentError("--groups", f"empty group in {text!r}")
        groups.append(((name.strip() if colon else "+".join(vals)), vals))
    if len(groups) != 2 or groups[0][0] == groups[1][0] or set(groups[0][1]) & set(groups[1][1]):
        raise ArgumentError("--groups", f"expected two different groups separated by a comma, got {text!r}")
    return field, tuple(groups)


def assign_groups(documents: pd.DataFrame, spec: GroupSpec) -> pd.Series:
    """The group of each document (None when its field's value is in neither group), indexed like ``documents``.

    A field the documents do not have is an :class:`~analysis.core.errors.ArgumentError`.
    """
    field, groups = spec
    if field not in documents.columns:
        raise ArgumentError(
            "--groups", f"the documents have no field {field!r} (front matter); fields: {', '.join(map(str, documents.columns))}"
        )
    lookup = {v: name for name, vals in groups for v in vals}
    return pd.Series([lookup.get(None if v is None else str(v)) for v in documents[field]], index=documents.index, dtype=object)


def group_labels(spec: GroupSpec) -> tuple[str, str]:
    """The two group names of a spec, in order.

    >>> group_labels(parse_groups("leaning=a,b"))
    ('a', 'b')
    """
    return spec[1][0][0], spec[1][1][0]


def compare_groups(
    values: pd.DataFrame,
    group: pd.Series,
    spec: GroupSpec,
    *,
    binary: Sequence[str] = (),
    labels: dict[str, str] | None = None,
    n_perm: int = 5000,
    n_boot: int = 2000,
    seed: int = 0,
) -> pd.DataFrame:
    """Group A against group B for every column of ``values`` (one row per document, index doc_id; ``group`` by doc_id).

    Columns in ``binary`` are 0/1 (share of documents, Wilson and Newcombe intervals);
    the others numeric (mean, bootstrap intervals of documents). ``p_value``: permutation
    test relabelling whole documents; ``q_value``: Benjamini–Hochberg over all rows.

    >>> v = pd.DataFrame({"f": [1, 1, 1, 0, 0, 0]}, index=list("abcdef"))
    >>> g = pd.Series(["A", "A", "A", "B", "B", "B"], index=list("abcdef"))
    >>> t = compare_groups(v, g, parse_groups("x=A,B"), binary=["f"], n_perm=200)
    >>> t[["measure", "n_a", "n_b", "value_a", "value_b", "diff"]].values.tolist()
    [['f', 3, 3, 1.0, 0.0, 1.0]]
    """
    a_name, b_name = group_labels(spec)
    g = group.reindex(values.index)
    rows = []
    for col in values.columns:
        x = values[col].to_numpy(dtype=float)
        ok = ~np.isnan(x)
        xa, xb = x[ok & (g == a_name).to_numpy()], x[ok & (g == b_name).to_numpy()]
        row = {
            "field": spec[0],
            "measure": col,
            "label": (labels or {}).get(col, col),
            "kind": "share" if col in binary else "mean",
            "group_a": a_name,
            "group_b": b_name,
            "n_a": len(xa),
            "n_b": len(xb),
        }
        va = float(xa.mean()) if len(xa) else float("nan")
        vb = float(xb.mean()) if len(xb) else float("nan")
        if col in binary:
            ka, kb = int(xa.sum()), int(xb.sum())
            (alo, ahi), (blo, bhi) = wilson_interval(ka, len(xa)), wilson_interval(kb, len(xb))
            dlo, dhi = newcombe_interval(ka, len(xa), kb, len(xb))
        else:
            alo, ahi = bootstrap_ci(xa, n_boot=n_boot, seed=seed)
            blo, bhi = bootstrap_ci(xb, n_boot=n_boot, seed=seed)
            dlo, dhi = _diff_ci(xa, xb, n_boot, seed)
        row.update(
            {
                "value_a": va,
                "lo_a": alo,
                "hi_a": ahi,
                "value_b": vb,
                "lo_b": blo,
                "hi_b": bhi,
                "diff": va - vb,
                "diff_lo": dlo,
                "diff_hi": dhi,
                "p_value": permutation_test(xa, xb, n_perm=n_perm, seed=seed),
            }
        )
        rows.append(row)
    out = pd.DataFrame(rows)
    out["q_value"] = benjamini_hochberg(out["p_value"].tolist()) if len(out) else []
    return conform(out if len(out) else None, "group_comparison")


def _diff_ci(a: np.ndarray, b: np.ndarray, n_boot: int, seed: int) -> tuple[float, float]:
    """Percentile bootstrap interval of mean(a) - mean(b), documents resampled within each group."""
    if len(a) < 2 or len(b) < 2:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    d = a[rng.integers(0, len(a), (n_boot, len(a)))].mean(axis=1) - b[rng.integers(0, len(b), (n_boot, len(b)))].mean(axis=1)
    return float(np.quantile(d, 0.025)), float(np.quantile(d, 0.975))


def document_tone(sentences: pd.DataFrame, scorer: str | None = None) -> pd.Series:
    """Mean tone of each document's own sentences (the scorer of :mod:`analysis.measures.sentiment`), indexed by doc_id.

    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "text": ["Good talks.", "Great news.", "A terrible war."]})
    >>> t = document_tone(s, scorer="vader")
    >>> bool(t["a"] > 0 > t["b"])
    True
    """
    from .sentiment import score_texts

    tone = score_texts(sentences["text"].astype(str), scorer=scorer)["tone"].to_numpy(dtype=float)
    return pd.Series(tone, index=sentences.index).groupby(sentences["doc_id"].to_numpy(), sort=False).mean().rename("tone")


def groups_reading(table: pd.DataFrame) -> str:
    """Plain lines from :func:`compare_groups`: each measure's values with n and intervals; a difference called one only when its interval excludes zero and BH q < 0.05.

    >>> v = pd.DataFrame({"f": [1, 1, 1, 0, 0, 0]}, index=list("abcdef"))
    >>> g = pd.Series(["A", "A", "A", "B", "B", "B"], index=list("abcdef"))
    >>> print(groups_reading(compare_groups(v, g, parse_groups("x=A,B"), binary=["f"], n_perm=200)))
    f: A 1.00 [0.44, 1.00] (n = 3 documents) vs B 0.00 [0.00, 0.56] (n = 3); A - B = +1.00 [+0.21, +1.00], p = 0.100, BH q = 0.100: described, not tested (fewer than 5 documents in a group).
    >>> v6 = pd.DataFrame({"f": [1] * 5 + [0] * 5}, index=list("abcdefghij"))
    >>> g6 = pd.Series(["A"] * 5 + ["B"] * 5, index=list("abcdefghij"))
    >>> print(groups_reading(compare_groups(v6, g6, parse_groups("x=A,B"), binary=["f"], n_perm=200)).split(": ")[-1])
    a difference.
    """
    lines = []
    for r in table.itertuples():
        sig = r.diff_lo > 0 or r.diff_hi < 0
        if min(r.n_a, r.n_b) < MIN_DOCS_PER_GROUP:
            verdict = f"described, not tested (fewer than {MIN_DOCS_PER_GROUP} documents in a group)"
        elif sig and r.q_value < ALPHA:
            verdict = "a difference"
        elif sig:
            verdict = f"no clear difference (the interval excludes zero, but the adjusted test does not reach {ALPHA})"
        else:
            verdict = "no clear difference"
        lines.append(
            f"{r.label}: {r.group_a} {r.value_a:.2f} [{r.lo_a:.2f}, {r.hi_a:.2f}] (n = {r.n_a} documents) vs {r.group_b} {r.value_b:.2f} "
            f"[{r.lo_b:.2f}, {r.hi_b:.2f}] (n = {r.n_b}); {r.group_a} - {r.group_b} = {r.diff:+.2f} [{r.diff_lo:+.2f}, {r.diff_hi:+.2f}], "
            f"p = {r.p_value:.3f}, BH q = {r.q_value:.3f}: {verdict}."
        )
    return "\n".join(lines)


def document_measures(
    documents: pd.DataFrame, sentences: pd.DataFrame, emphasis: pd.DataFrame | None = None, codebook: str | None = None
) -> tuple[pd.DataFrame, list[str], dict[str, str]]:
    """One row per document (index doc_id): the frames it uses (:func:`analysis.measures.document_frames.document_frames`),
    the mean tone of its sentences and, from the ``emphasis`` table, whether its lead paragraph raises each frame.

    Returns ``(values, binary columns, labels)`` ready for :func:`compare_groups`.
    """
    from .codebook import frame_labels, load_frames
    from .document_frames import document_frames

    frames = load_frames(codebook)
    names = frame_labels(frames)
    bodies = dict(zip(documents["doc_id"].astype(str), documents["body"]))
    used = document_frames(bodies, codebook)
    values = used.rename(columns=lambda f: f"frame:{f}")
    labels = {f"frame:{f}": f"frame used: {names[f]}" for f in used.columns}
    values["tone"] = document_tone(sentences).reindex(values.index) if len(sentences) else np.nan
    labels["tone"] = "tone of the document's sentences (mean)"
    if emphasis is not None and len(emphasis):
        lead = emphasis[(emphasis["level"] == "document") & emphasis["frame_id"].isin(list(names))]
        if len(lead):
            t = lead.pivot_table(index="doc_id", columns="frame_id", values="in_lead", aggfunc="max").reindex(
                index=values.index, columns=list(names)
            )
            for f in names:
                values[f"lead:{f}"] = t[f].astype(float)
                labels[f"lead:{f}"] = f"raised in the lead: {names[f]}"
    binary = [c for c in values.columns if c != "tone"]
    return values, binary, labels


def summary_rows(table: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`compare_groups` in the shape of notebook 06's ``comparison_summary`` (two rows per measure, one per group).

    ``question`` is ``groups: frames``, ``groups: tone`` or ``groups: emphasis``; ``view`` names the field;
    ``effect`` is the difference A − B and ``p_value`` the BH q-value.
    """
    rows = []
    for r in table.itertuples():
        what = "frames" if r.measure.startswith("frame:") else "emphasis" if r.measure.startswith("lead:") else "tone"
        unit = "share of documents" if r.kind == "share" else "mean over documents"
        for g, n, v, lo, hi in ((r.group_a, r.n_a, r.value_a, r.lo_a, r.hi_a), (r.group_b, r.n_b, r.value_b, r.lo_b, r.hi_b)):
            rows.append(
                {
                    "question": f"groups: {what}",
                    "view": f"documents by {r.field}",
                    "measure": f"{r.label} ({unit})",
                    "side": g,
                    "n": n,
                    "estimate": v,
                    "ci_low": lo,
                    "ci_high": hi,
                    "effect": r.diff,
                    "effect_size": f"difference {r.group_a} - {r.group_b}",
                    "p_value": r.q_value,
                    "detail": "",
                    "caveat": "documents are the units; intervals Wilson/Newcombe (shares) or bootstrap (means); p is the BH q-value over every group measure",
                }
            )
    return conform(pd.DataFrame(rows) if rows else None, "comparison_summary")


def empty_comparison() -> pd.DataFrame:
    """The ``group_comparison`` table with no rows (no groups asked for).

    >>> len(empty_comparison()), list(empty_comparison().columns)[:2]
    (0, ['field', 'measure'])
    """
    return conform(None, "group_comparison")


def with_group_rows(summary: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """``summary`` (``comparison_summary``) with the rows of a :func:`compare_groups` table appended (:func:`summary_rows`).

    >>> from analysis.core.schema import conform
    >>> len(with_group_rows(conform(None, "comparison_summary"), empty_comparison()))
    0
    """
    rows = summary_rows(table)
    if not len(rows):
        return summary
    return conform(pd.concat([summary, rows], ignore_index=True), "comparison_summary")
