"""Time: each side's voice, tone and frames per period (month, quarter or year).

Pure functions on the build's tables (``documents``, ``statements``, ``sentiment``,
``frame_hits``; see :mod:`analysis.core.schema`):

* :func:`choose_period` picks the period length from the range of the documents'
  dates (a parameter overrides it); :func:`period_label` and :func:`assign_periods`
  give every document its period (None without a date);
* :func:`date_coverage` counts the dated and undated documents, so the documents left
  out of the time view are reported, never dropped silently;
* :func:`voice_by_period`, :func:`tone_by_period` and :func:`frames_by_period` give one
  row per side and period (every period of the range, empty ones included) with ``n``
  (statements), ``n_docs``, the estimate, its 95% interval and ``thin`` (too few
  statements or documents to compare). Intervals resample whole documents when the
  cell spans more than one (``resampling = "documents"``), else statements
  (:mod:`analysis.core.stats`, seeded).

A side's own words (``origin`` readout: its readouts and statements) and what the
news attributes to it (``origin`` quote or claim) are different objects: tone and
frames are given per ``view`` (``"own"``, ``"reported"``; ``"pooled"`` on request).
Voice is a property of reporting and uses the reported statements only.

>>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "date": ["2023-01-05", "2024-11-30", None]})
>>> choose_period(docs["date"]), assign_periods(docs)["period"].tolist()
('quarter', ['2023-Q1', '2024-Q4', None])
>>> date_coverage(docs)["n_undated"]
1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..core.compare import VIEWS
from ..core.errors import ArgumentError
from ..core.stats import N_BOOT, cluster_bootstrap_mean

__all__ = [
    "PERIODS",
    "MIN_N",
    "MIN_DOCS",
    "choose_period",
    "period_start",
    "period_label",
    "period_range",
    "assign_periods",
    "date_coverage",
    "coverage_text",
    "voice_by_period",
    "tone_by_period",
    "frames_by_period",
    "thin_periods",
]

PERIODS = ("month", "quarter", "year")
MIN_N = 10
"""A side's period with fewer statements than this is ``thin``."""
MIN_DOCS = 3
"""A side's period with statements from fewer documents than this is ``thin``."""


def _dates(dates) -> pd.Series:
    """ISO date texts (or dates) as a datetime64 Series; missing or unparseable -> NaT."""
    return pd.to_datetime(pd.Series(list(dates), dtype="object"), errors="coerce", format="mixed")


def choose_period(dates: Sequence, period: str | None = None) -> str:
    """Period length for a date range: ``month`` up to 18 months, ``quarter`` up to 6 years, else ``year``.

    ``period`` (month, quarter or year) overrides the choice. Missing dates are ignored;
    with no date at all the answer is ``year``.

    >>> choose_period(["2024-01-03", "2024-09-30"]), choose_period(["2016-01-01", "2024-01-01"])
    ('month', 'year')
    >>> choose_period(["2024-01-03"], period="quarter")
    'quarter'
    """
    if period is not None:
        if period not in PERIODS:
            raise ArgumentError("period", f"must be one of {', '.join(PERIODS)}, not {period!r}")
        return period
    d = _dates(dates).dropna()
    if d.empty:
        return "year"
    first, last = d.min(), d.max()
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    return "month" if months <= 18 else "quarter" if months <= 72 else "year"


def period_start(date: dt.date | pd.Timestamp, period: str) -> dt.date:
    """First day of the period holding ``date``.

    >>> period_start(dt.date(2024, 5, 17), "quarter")
    datetime.date(2024, 4, 1)
    """
    month = {"month": date.month, "quarter": 3 * ((date.month - 1) // 3) + 1, "year": 1}[period]
    return dt.date(date.year, month, 1)


def period_label(start: dt.date, period: str) -> str:
    """Label of the period starting on ``start``: ``2024-05``, ``2024-Q2`` or ``2024``.

    >>> period_label(dt.date(2024, 4, 1), "quarter"), period_label(dt.date(2024, 4, 1), "month")
    ('2024-Q2', '2024-04')
    """
    if period == "month":
        return f"{start.year}-{start.month:02d}"
    if period == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def period_range(first: dt.date, last: dt.date, period: str) -> list[dt.date]:
    """Start of every period from the one holding ``first`` to the one holding ``last``, in order.

    >>> [period_label(s, "quarter") for s in period_range(dt.date(2023, 11, 2), dt.date(2024, 4, 1), "quarter")]
    ['2023-Q4', '2024-Q1', '2024-Q2']
    """
    step = {"month": 1, "quarter": 3, "year": 12}[period]
    cur, end = period_start(first, period), period_start(last, period)
    out = []
    while cur <= end:
        out.append(cur)
        m = cur.month - 1 + step
        cur = dt.date(cur.year + m // 12, m % 12 + 1, 1)
    return out


def assign_periods(documents: pd.DataFrame, period: str | None = None) -> pd.DataFrame:
    """One row per document: ``doc_id, date, period, period_start`` (None for an undated document).

    Dates are the documents table's ``date`` (front matter, else the date in the file
    name: :func:`analysis.core.corpus.read_document`). ``period`` as in
    :func:`choose_period` (chosen from the dates when None); the length used is in
    ``.attrs["period"]``.

    >>> t = assign_periods(pd.DataFrame({"doc_id": ["x", "y"], "date": ["2024-02-10", None]}), "month")
    >>> t[["doc_id", "period", "period_start"]].values.tolist(), t.attrs["period"]
    ([['x', '2024-02', '2024-02-01'], ['y', None, None]], 'month')
    """
    dates = documents["date"].astype("object")
    dates = pd.Series(dates.where(dates.notna(), None).tolist(), dtype="object")
    period = choose_period(dates, period)
    d = _dates(dates)
    starts = [period_start(x, period) if not pd.isna(x) else None for x in d]
    out = pd.DataFrame(
        {
            "doc_id": pd.Series(documents["doc_id"].astype(str).tolist(), dtype="object"),
            "date": dates,
            "period": pd.Series([period_label(s, period) if s else None for s in starts], dtype="object"),
            "period_start": pd.Series([s.isoformat() if s else None for s in starts], dtype="object"),
        }
    )
    out.attrs["period"] = period
    return out


def date_coverage(documents: pd.DataFrame, period: str | None = None) -> dict:
    """How many documents the time view can use: documents, dated, undated (with their ids), range, period, periods.

    >>> c = date_coverage(pd.DataFrame({"doc_id": ["a", "b"], "date": ["2024-03-01", None]}))
    >>> c["n_docs"], c["n_dated"], c["undated"], c["first"], c["period"], c["n_periods"]
    (2, 1, ['b'], '2024-03-01', 'month', 1)
    """
    p = assign_periods(documents, period)
    dated = p.loc[p["period"].notna()]
    d = _dates(dated["date"])
    first = d.min().date() if len(d) else None
    last = d.max().date() if len(d) else None
    return {
        "n_docs": len(p),
        "n_dated": len(dated),
        "n_undated": len(p) - len(dated),
        "undated": sorted(p.loc[p["period"].isna(), "doc_id"].tolist()),
        "first": first.isoformat() if first else None,
        "last": last.isoformat() if last else None,
        "period": p.attrs["period"],
        "n_periods": len(period_range(first, last, p.attrs["period"])) if first else 0,
    }


def coverage_text(coverage: dict, max_ids: int = 10) -> str:
    """One paragraph on what :func:`date_coverage` found: dated and undated documents, range, period.

    >>> print(coverage_text({"n_docs": 3, "n_dated": 2, "n_undated": 1, "undated": ["c"], "first": "2024-01-05",
    ...     "last": "2024-03-01", "period": "month", "n_periods": 3}))
    2 of 3 documents carry a date (2024-01-05 to 2024-03-01), grouped by month into 3 periods. 1 document without a date is left out of this view: c.
    """
    if not coverage["n_dated"]:
        return f"None of the {coverage['n_docs']} documents carries a date, so no change over time can be shown."
    text = (
        f"{coverage['n_dated']} of {coverage['n_docs']} documents carry a date ({coverage['first']} to {coverage['last']}), "
        f"grouped by {coverage['period']} into {coverage['n_periods']} period{'s' if coverage['n_periods'] != 1 else ''}."
    )
    if coverage["n_undated"]:
        ids = coverage["undated"][:max_ids]
        more = f" and {coverage['n_undated'] - len(ids)} more" if coverage["n_undated"] > len(ids) else ""
        noun = "document" if coverage["n_undated"] == 1 else "documents"
        text += f" {coverage['n_undated']} {noun} without a date {'is' if coverage['n_undated'] == 1 else 'are'} left out of this view: {', '.join(ids)}{more}."
    else:
        text += " No document lacks a date."
    return text


def _grid(periods: pd.DataFrame) -> pd.DataFrame:
    """Every period of the dated range, in order: ``period, period_start``."""
    dated = periods.loc[periods["period"].notna()]
    if dated.empty:
        return pd.DataFrame({"period": pd.Series([], dtype="object"), "period_start": pd.Series([], dtype="object")})
    kind = periods.attrs.get("period") or choose_period(dated["date"])
    starts = period_range(dt.date.fromisoformat(min(dated["period_start"])), dt.date.fromisoformat(max(dated["period_start"])), kind)
    return pd.DataFrame({"period": [period_label(s, kind) for s in starts], "period_start": [s.isoformat() for s in starts]})


def _with_period(table: pd.DataFrame, periods: pd.DataFrame) -> pd.DataFrame:
    """``table`` with ``period`` and ``period_start`` of its document; rows of undated documents left out."""
    t = table.merge(periods[["doc_id", "period", "period_start"]], on="doc_id", how="left", validate="many_to_one")
    return t.loc[t["period"].notna()].reset_index(drop=True)


def _interval(values: np.ndarray, docs: np.ndarray, n_boot: int, seed: int | None, den: np.ndarray | None = None):
    """(lo, hi, resampling) of a mean (or, with ``den``, a ratio of sums): documents when more than one, else statements."""
    by_docs = len(set(docs.tolist())) > 1
    groups = docs if by_docs else None
    if den is None:
        lo, hi = cluster_bootstrap_mean(values, groups if by_docs else np.arange(len(values)), n_boot=n_boot, seed=seed)
    else:  # the resampling of emphasis.voice, so a voice share has one interval in notebooks 05 and 07
        from .emphasis.resampling import _ratio_ci

        lo, hi = _ratio_ci(values, den, groups, n_boot=n_boot, seed=seed)
    return lo, hi, "documents" if by_docs else "statements"


def _thin(n: int, n_docs: int, min_n: int, min_docs: int) -> bool:
    return bool(n < min_n or n_docs < min_docs)


def _views(views: str | Sequence[str]) -> list[str]:
    views = [views] if isinstance(views, str) else list(views)
    for v in views:
        if v not in VIEWS:
            raise ArgumentError("views", f"must be one of {', '.join(VIEWS)}, not {v!r}")
    return views


def voice_by_period(
    statements: pd.DataFrame,
    periods: pd.DataFrame,
    sides: Sequence[str],
    min_n: int = MIN_N,
    min_docs: int = MIN_DOCS,
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Per side and period: the side's share of all attributed words (reported statements), with n and interval.

    ``voice_share`` = words of the side's quotes and claims / words of all quotes and
    claims in the period's documents (speakers of any side or none), as in
    :func:`analysis.measures.emphasis.voice`. ``n`` counts the side's statements, ``n_docs`` the
    documents they come from; ``total_words`` the period's attributed words. The interval
    resamples the period's documents (statements when it has one). ``thin`` when the
    side has fewer than ``min_n`` statements or ``min_docs`` documents in the period.

    >>> st = pd.DataFrame({"doc_id": ["a", "a", "b"], "side": ["X", "Y", "X"], "origin": "claim", "n_words": [6, 2, 4]})
    >>> per = assign_periods(pd.DataFrame({"doc_id": ["a", "b"], "date": ["2024-01-02", "2024-01-20"]}))
    >>> voice_by_period(st, per, ["X", "Y"], n_boot=100)[["side", "period", "n", "attributed_words", "total_words", "voice_share", "thin"]].values.tolist()
    [['X', '2024-01', 2, 10, 12, 0.8333333333333334, True], ['Y', '2024-01', 1, 2, 12, 0.16666666666666666, True]]
    """
    st = _with_period(statements.loc[statements["origin"].isin(VIEWS["reported"])], periods)
    rows = []
    for side in sides:
        for per in _grid(periods).itertuples(index=False):
            cell = st.loc[st["period"] == per.period]
            words = cell["n_words"].to_numpy(dtype=float)
            mine = np.where(cell["side"].to_numpy(dtype=object) == side, words, 0.0)
            docs = cell["doc_id"].astype(str).to_numpy()
            n = int((cell["side"] == side).sum())
            n_docs = int(cell.loc[cell["side"] == side, "doc_id"].nunique())
            total = float(words.sum())
            lo, hi, how = _interval(mine, docs, n_boot, seed, den=words) if total else (np.nan, np.nan, "statements")
            rows.append(
                {
                    "side": side,
                    "period": per.period,
                    "period_start": per.period_start,
                    "n": n,
                    "n_docs": n_docs,
                    "attributed_words": int(mine.sum()),
                    "total_words": int(total),
                    "voice_share": float(mine.sum() / total) if total else float("nan"),
                    "ci_low": lo,
                    "ci_high": hi,
                    "resampling": how,
                    "thin": _thin(n, n_docs, min_n, min_docs),
                }
            )
    return pd.DataFrame(rows, columns=_COLUMNS["voice"])


def tone_by_period(
    sentiment: pd.DataFrame,
    periods: pd.DataFrame,
    sides: Sequence[str],
    measure: str = "vader_compound",
    views: str | Sequence[str] = ("own", "reported"),
    min_n: int = MIN_N,
    min_docs: int = MIN_DOCS,
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Per view, side and period: mean of ``measure`` (a column of the ``sentiment`` table) with n and interval.

    ``views``: ``own`` (the side's readouts and statements), ``reported`` (quotes and
    claims of the side in the news) and/or ``pooled``. Interval, ``n_docs``, ``thin``:
    as in :func:`voice_by_period`.

    >>> s = pd.DataFrame({"doc_id": ["a", "a", "b"], "side": "X", "origin": ["claim", "claim", "readout"],
    ...     "vader_compound": [0.5, 0.1, -0.2]})
    >>> per = assign_periods(pd.DataFrame({"doc_id": ["a", "b"], "date": ["2024-01-02", "2024-01-20"]}))
    >>> tone_by_period(s, per, ["X"], n_boot=100)[["view", "period", "n", "n_docs", "mean", "ci_low", "ci_high", "resampling"]].values.tolist()
    [['own', '2024-01', 1, 1, -0.2, nan, nan, 'statements'], ['reported', '2024-01', 2, 1, 0.3, 0.1, 0.5, 'statements']]
    """
    sc = _with_period(sentiment, periods)
    rows = []
    for view in _views(views):
        v = sc.loc[sc["origin"].isin(VIEWS[view]) & sc[measure].notna()]
        for side in sides:
            s = v.loc[v["side"] == side]
            for per in _grid(periods).itertuples(index=False):
                cell = s.loc[s["period"] == per.period]
                x = cell[measure].to_numpy(dtype=float)
                docs = cell["doc_id"].astype(str).to_numpy()
                lo, hi, how = _interval(x, docs, n_boot, seed)
                n, n_docs = len(x), len(set(docs.tolist()))
                rows.append(
                    {
                        "view": view,
                        "side": side,
                        "period": per.period,
                        "period_start": per.period_start,
                        "measure": measure,
                        "n": n,
                        "n_docs": n_docs,
                        "mean": float(x.mean()) if n else float("nan"),
                        "ci_low": lo,
                        "ci_high": hi,
                        "resampling": how,
                        "thin": _thin(n, n_docs, min_n, min_docs),
                    }
                )
    return pd.DataFrame(rows, columns=_COLUMNS["tone"])


def frames_by_period(
    statements: pd.DataFrame,
    frame_hits: pd.DataFrame,
    periods: pd.DataFrame,
    sides: Sequence[str],
    top: int = 3,
    views: str | Sequence[str] = ("own", "reported"),
    labels: dict[str, str] | None = None,
    min_n: int = MIN_N,
    min_docs: int = MIN_DOCS,
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Per view, side and period: the ``top`` frames by share of the side's statements carrying them.

    A statement carries a frame when ``frame_hits`` has a hit of it with
    ``unit_col == "statement_id"`` for that statement. ``share`` = statements carrying
    the frame / the side's statements in the period (``n``), with its interval; ties
    are broken by frame id. Periods where the side has statements but no frame get one
    row with frame None (so ``n`` is still reported); empty periods one row with n 0.
    ``labels`` maps frame ids to labels (default: the codebook's,
    :func:`analysis.measures.framing.frame_labels`).

    >>> st = pd.DataFrame({"doc_id": "a", "statement_id": ["a:0", "a:1"], "side": "X", "origin": "claim"})
    >>> hits = pd.DataFrame({"doc_id": "a", "unit_col": "statement_id", "unit_id": ["a:0", "a:0", "a:1"],
    ...     "frame_id": ["economic", "economic", "political"]})
    >>> per = assign_periods(pd.DataFrame({"doc_id": ["a"], "date": ["2024-01-02"]}))
    >>> frames_by_period(st, hits, per, ["X"], views="reported", labels={}, n_boot=100)[["rank", "frame_id", "n", "n_with", "share"]].values.tolist()
    [[1, 'economic', 2, 1, 0.5], [2, 'political', 2, 1, 0.5]]
    """
    if labels is None:
        from .framing import frame_labels

        labels = frame_labels()
    h = frame_hits.loc[frame_hits["unit_col"] == "statement_id", ["unit_id", "frame_id"]].drop_duplicates()
    carried = h.groupby("unit_id", sort=False)["frame_id"].agg(list).to_dict()
    st = _with_period(statements, periods)
    rows = []
    for view in _views(views):
        v = st.loc[st["origin"].isin(VIEWS[view])]
        for side in sides:
            s = v.loc[v["side"] == side]
            for per in _grid(periods).itertuples(index=False):
                cell = s.loc[s["period"] == per.period]
                ids = cell["statement_id"].astype(str).tolist()
                docs = cell["doc_id"].astype(str).to_numpy()
                n, n_docs = len(ids), len(set(docs.tolist()))
                counts: dict[str, int] = {}
                for sid in ids:
                    for f in carried.get(sid, ()):
                        counts[f] = counts.get(f, 0) + 1
                best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top] or [(None, 0)]
                base = {"view": view, "side": side, "period": per.period, "period_start": per.period_start, "n": n, "n_docs": n_docs}
                for rank, (fid, k) in enumerate(best, start=1):
                    if fid is None:
                        lo = hi = float("nan")
                        how = "statements"
                    else:
                        x = np.array([fid in carried.get(sid, ()) for sid in ids], dtype=float)
                        lo, hi, how = _interval(x, docs, n_boot, seed)
                    rows.append(
                        {
                            **base,
                            "rank": rank if fid is not None else 0,
                            "frame_id": fid,
                            "label": labels.get(fid, fid) if fid is not None else None,
                            "n_with": k,
                            "share": k / n if n else float("nan"),
                            "ci_low": lo,
                            "ci_high": hi,
                            "resampling": how,
                            "thin": _thin(n, n_docs, min_n, min_docs),
                        }
                    )
    return pd.DataFrame(rows, columns=_COLUMNS["frames"])


_BASE = ["side", "period", "period_start"]
_TAIL = ["ci_low", "ci_high", "resampling", "thin"]
_COLUMNS = {
    "voice": _BASE + ["n", "n_docs", "attributed_words", "total_words", "voice_share"] + _TAIL,
    "tone": ["view"] + _BASE + ["measure", "n", "n_docs", "mean"] + _TAIL,
    "frames": ["view"] + _BASE + ["n", "n_docs", "rank", "frame_id", "label", "n_with", "share"] + _TAIL,
}


def thin_periods(table: pd.DataFrame) -> list[str]:
    """Periods in which at least one row of a ``*_by_period`` table is thin, in order.

    A view with no statements in any period (the own view of a corpus of news only) is
    left out: it is absent, not thin.

    >>> thin_periods(pd.DataFrame({"period": ["2024-01", "2024-01", "2024-02"], "thin": [False, True, False]}))
    ['2024-01']
    >>> thin_periods(pd.DataFrame({"view": ["own", "reported"], "period": "2024-01", "n": [0, 40], "thin": [True, False]}))
    []
    """
    t = table
    if "view" in t.columns and "n" in t.columns:
        t = t.loc[t.groupby("view", sort=False)["n"].transform("sum") > 0]
    return list(dict.fromkeys(t.loc[t["thin"].astype(bool), "period"]))
