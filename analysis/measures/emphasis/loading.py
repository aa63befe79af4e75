"""Reading the processed tables emphasis needs and writing its tables.

Part of :mod:`analysis.measures.emphasis` (see its docstring for the measures).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from ...core.schema import SAVED_BY_VIEW, conform
from ...core.store import write_table

__all__ = ["EMPHASIS_TABLES", "INPUT_TABLES", "OPTIONAL_INPUTS", "load_inputs", "save"]

#: The emphasis tables declared in the schema (written by :func:`save`).
EMPHASIS_TABLES = ("emphasis", "emphasis_summary", "emphasis_comparison", "voice")

INPUT_TABLES = ("documents", "paragraphs", "sentences", "mentions", "quotes", "claims", "statements")

#: Read when present: the build's codebook hits, whose sentence rows spare :func:`analyse` a second scan of every body.
OPTIONAL_INPUTS = ("frame_hits",)


def load_inputs(folder: str | Path) -> dict[str, pd.DataFrame]:
    """Read the processed tables emphasis needs (:data:`INPUT_TABLES`), all written by the build, and :data:`OPTIONAL_INPUTS` when present.

    A missing table of :data:`INPUT_TABLES` is an :class:`~analysis.core.errors.InputError` saying to build first.
    """
    from ...core.store import read_tables

    names = list(INPUT_TABLES) + [n for n in OPTIONAL_INPUTS if (Path(folder) / f"{n}.parquet").is_file()]
    return read_tables(folder, names)


def save(results: Mapping[str, pd.DataFrame], folder: str | Path) -> list[Path]:
    """Write the schema-declared emphasis tables (:data:`EMPHASIS_TABLES`) of ``results`` to ``folder`` as Parquet.

    A table saved per view (``emphasis_comparison``, :data:`analysis.core.schema.SAVED_BY_VIEW`)
    keeps its leading ``view`` column.
    """
    return [write_table(_conformed(results[n], n), folder, n) for n in EMPHASIS_TABLES if n in results]


def _conformed(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """``df`` with the declared columns of ``name``, after its ``view`` column when the table is saved per view.

    >>> list(_conformed(pd.DataFrame({"view": []}), "emphasis_comparison").columns)[:3]
    ['view', 'measure', 'frame_id']
    """
    if name not in SAVED_BY_VIEW:
        return conform(df, name)
    out = conform(df.drop(columns="view", errors="ignore") if len(df) else None, name)
    out.insert(0, "view", (df["view"] if len(df) else pd.Series([], dtype=object)).astype("str").to_numpy())
    return out
