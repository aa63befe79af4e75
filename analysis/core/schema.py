"""The one place where every table's columns, dtypes and meanings are declared.

Each entry of :data:`TABLES` names a table, its key and its columns as
``column: (dtype, meaning)``. Library functions return tables through
:func:`conform`, so column order and dtypes are the ones declared here, and
``docs/data.md`` is generated from this dictionary.

dtypes: ``str`` text that is always present; ``object`` text or lists that may be
missing (``None``); ``int64``; ``Int64`` (integer that may be missing); ``float64``; ``bool``.

>>> list(TABLES["sentences"]["columns"])
['doc_id', 'para_id', 'sent_id', 'start', 'end', 'text']
>>> conform(None, "sentences").shape
(0, 6)

The declarations themselves live by layer in :mod:`analysis.core.schema_corpus`,
:mod:`analysis.core.schema_extraction` and :mod:`analysis.core.schema_measures`; this module
assembles them into :data:`TABLES` (in that order) and holds the functions that use them.
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
import pandas as pd

from analysis.core.schema_corpus import CORPUS_TABLES
from analysis.core.schema_extraction import EXTRACTION_TABLES
from analysis.core.schema_measures import (
    COMPARISON_TABLES,
    EMPHASIS_TABLES,
    MEASURE_TABLES,
    SAVED_BY_VIEW,
    SCORE_COLUMNS,
    VIEW_COLUMN,
    VOICE_COLUMNS,
)

__all__ = [
    "TABLES",
    "VOICE_COLUMNS",
    "SCORE_COLUMNS",
    "conform",
    "is_conformed",
    "extra_columns",
    "from_records",
    "span_tables",
    "markdown",
]

TABLES: dict[str, dict] = {**CORPUS_TABLES, **MEASURE_TABLES, **EXTRACTION_TABLES, **EMPHASIS_TABLES, **COMPARISON_TABLES}


def saved_columns(name: str) -> dict[str, tuple[str, str]]:
    """The declared columns of a table the notebooks save as ``<name>.parquet``: per-view tables lead with ``view``.

    >>> list(saved_columns("frames_by_side"))[:3]
    ['view', 'side', 'frame_id']
    >>> list(saved_columns("frame_share_comparison"))[:3]
    ['view', 'measure', 'frame_id']
    """
    if name in SAVED_BY_VIEW:
        return {"view": VIEW_COLUMN, **TABLES[SAVED_BY_VIEW[name]]["columns"]}
    return dict(TABLES[name]["columns"])


def schema_problems(df: pd.DataFrame, name: str) -> list[str]:
    """What keeps ``df`` from matching the declared columns of saved table ``name`` (:func:`saved_columns`): [] when it matches.

    Columns must be the declared ones in the declared order; numeric and boolean
    columns must have the declared dtype; text columns may be ``str`` or ``object``
    (Parquet reads text back either way).

    >>> schema_problems(pd.DataFrame({"x": [1]}), "frame_share_comparison")[0][:24]
    'columns differ: missing '
    """
    cols = saved_columns(name)
    problems = []
    if list(df.columns) != list(cols):
        missing = [c for c in cols if c not in df.columns]
        extra = [c for c in df.columns if c not in cols]
        problems.append(f"columns differ: missing {missing}, extra {extra}" if missing or extra else "columns in another order")
    for c, (dtype, _) in cols.items():
        if c not in df.columns:
            continue
        got = str(df[c].dtype)
        if dtype in ("str", "object"):
            if got not in ("str", "string", "object"):
                problems.append(f"{c}: dtype {got}, declared {dtype}")
        elif got != dtype:
            problems.append(f"{c}: dtype {got}, declared {dtype}")
    return problems


def conform(df: pd.DataFrame | None, name: str) -> pd.DataFrame:
    """Return ``df`` with exactly the declared columns of table ``name``, in order, with declared dtypes.

    ``None`` or an empty frame gives an empty table with the right columns. Extra
    columns are dropped, except in a table declared with ``extra`` (``documents``: every
    other front-matter field), where they follow as string columns sorted by name; a
    missing declared column raises ``KeyError``.
    """
    cols = TABLES[name]["columns"]
    if df is None or (len(df) == 0 and not set(cols) <= set(df.columns)):
        df = pd.DataFrame({c: pd.Series([], dtype="object") for c in cols})
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"table {name!r} is missing columns {missing}")
    cols = {**cols, **{c: ("object", "") for c in extra_columns(df.columns, name) if df[c].notna().any()}}
    data = {}
    for c, (dtype, _) in cols.items():
        col = df[c]
        if dtype == "object":
            if col.dtype != object:
                col = col.astype("object")
            if col.isna().any():
                col = col.where(col.notna(), None)
        elif str(col.dtype) != dtype:
            col = col.astype(dtype)
        data[c] = col.to_numpy(copy=False) if dtype == "object" else col.array
    index = pd.RangeIndex(len(df))
    return pd.DataFrame(
        {c: pd.Series(v, index=index, dtype=("object" if cols[c][0] == "object" else None), copy=False) for c, v in data.items()}
    )


@lru_cache(maxsize=1)
def _str_dtype():
    return pd.array(["x"], dtype="str").dtype


def extra_columns(columns, name: str) -> list[str]:
    """The columns beyond the declared ones that an open table (one declaring ``extra``) keeps, in name order.

    :func:`conform` keeps those with a value in some row (a field no document has is no column).

    >>> extra_columns(["doc_id", "outlet", "leaning"], "documents"), extra_columns(["doc_id", "x"], "sentences")
    (['leaning', 'outlet'], [])
    """
    if "extra" not in TABLES[name]:
        return []
    declared = TABLES[name]["columns"]
    return sorted(str(c) for c in columns if c not in declared)


def is_conformed(df: pd.DataFrame, name: str) -> bool:
    """True if ``df`` already is what :func:`conform` would return for table ``name`` (so conforming can be skipped).

    >>> is_conformed(conform(None, "sentences"), "sentences"), is_conformed(pd.DataFrame({"x": [1]}), "sentences")
    (True, False)
    """
    cols = TABLES[name]["columns"]
    extra = extra_columns(df.columns, name)
    if any(df[c].isna().all() for c in extra):
        return False  # conform drops a field no document has
    cols = {**cols, **{c: ("object", "") for c in extra}}
    if list(df.columns) != list(cols) or not isinstance(df.index, pd.RangeIndex) or df.index.start != 0 or df.index.step != 1:
        return False
    for c, (dtype, _) in cols.items():
        col = df[c]
        if str(col.dtype) != dtype:
            return False
        if dtype == "object" and col.isna().any() and not all(v is None for v in col[col.isna()]):
            return False  # conform turns NaN into None
    return True


def _array(values: list, dtype: str):
    """One column's values as an array of ``dtype`` (a schema dtype), built directly (fast for short columns).

    >>> _array(["a", None], "str").tolist(), _array([3, None], "Int64").tolist()
    (['a', nan], [3, <NA>])
    """
    if dtype == "object":
        arr = np.empty(len(values), dtype=object)
        arr[:] = [None if (v is None or v != v) else v for v in values] if values else []
        return arr
    if dtype in ("int64", "float64", "bool"):
        return np.asarray(values, dtype=dtype)
    if dtype == "str" and _str_dtype().storage == "pyarrow":
        import pyarrow as pa

        clean = [v if isinstance(v, str) else (None if v is None or v != v else str(v)) for v in values]
        return pd.arrays.ArrowStringArray(pa.array(clean, type=pa.large_string()), dtype=_str_dtype())
    if dtype == "Int64" and all(v is None or type(v) is int for v in values):
        mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
        data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=len(values))
        return pd.arrays.IntegerArray(data, mask)
    return pd.array(values, dtype=dtype)


def from_records(rows: list[dict], name: str) -> pd.DataFrame:
    """Table ``name`` built directly from a list of row dicts (fast path for per-document tables).

    Equivalent to ``conform(pd.DataFrame(rows), name)`` but builds each column once,
    with its declared dtype; missing keys become None/NA.

    >>> from_records([{"doc_id": "d", "para_id": 0, "sent_id": 0, "start": 0, "end": 3, "text": "Hi."}], "sentences").dtypes["start"]
    dtype('int64')
    """
    cols = TABLES[name]["columns"]
    extra = extra_columns({k for r in rows for k, v in r.items() if v is not None}, name) if "extra" in TABLES[name] else []
    if extra:
        cols = {**cols, **{c: ("object", "") for c in extra}}
    arrays = [_array([r.get(c) for r in rows], dtype) for c, (dtype, _) in cols.items()]
    index = pd.RangeIndex(len(rows))
    try:  # pandas' own fast constructor: the arrays already have their final dtypes
        return pd.DataFrame._from_arrays(
            arrays, columns=pd.Index(list(cols)) if extra else _columns(name), index=index, verify_integrity=False
        )
    except (AttributeError, TypeError):  # pragma: no cover - other pandas versions
        return pd.DataFrame(dict(zip(cols, arrays)), index=index, copy=False)


@cache
def _columns(name: str) -> pd.Index:
    return pd.Index(list(TABLES[name]["columns"]))


def span_tables() -> list[str]:
    """Names of the tables whose rows are text spans (have start, end and text columns)."""
    return [n for n, t in TABLES.items() if {"start", "end", "text"} <= set(t["columns"])]


def markdown() -> str:
    """``docs/data.md``: every declared table with its key, columns, dtypes and meanings.

    Regenerate with ``python -m analysis schema > docs/data.md`` (``make docs``);
    a test fails when the file and this dictionary disagree.
    """
    lines = [
        "# Data: the tables in `data/processed/`",
        "",
        "Generated from `analysis/core/schema.py` by `make docs`; do not edit by hand.",
        "Every table is a Parquet file `data/processed/<table>.parquet`. Offsets (`start`, `end`, and",
        "`*_start`, `*_end`) are character offsets into the document body (`documents.body`, the",
        "text after the front matter), so `body[start:end] == text` for every row.",
        "",
        "dtypes: `str` text always present; `object` text or list that may be missing (None);",
        "`int64`; `Int64` integer that may be missing; `float64`; `bool`.",
        "",
    ]
    for name, table in TABLES.items():
        lines += [f"## `{name}`", "", table.get("description", ""), "", f"Key: {', '.join(f'`{k}`' for k in table.get('key', []))}", ""]
        lines += ["| column | dtype | meaning |", "| --- | --- | --- |"]
        for col, (dtype, meaning) in table["columns"].items():
            lines.append(f"| `{col}` | {dtype} | {meaning.replace('|', '/')} |")
        if "extra" in table:
            dtype, meaning = table["extra"]
            lines.append(f"| *any other* | {dtype} | {meaning.replace('|', '/')} |")
        lines.append("")
        saved = [f for f, t in SAVED_BY_VIEW.items() if t == name]
        if saved:
            files = ", ".join(f"`{f}.parquet`" for f in saved)
            lines += [
                f"Saved per view by the notebooks as {files}: a leading `view` column ({VIEW_COLUMN[0]}: {VIEW_COLUMN[1]}), then the columns above.",
                "",
            ]
    return "\n".join(lines)
