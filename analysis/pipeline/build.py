"""The build: raw documents → every per-document table → Parquet files + ``manifest.json``.

The stages (:mod:`analysis.pipeline.stages`) run a chunk of documents at a time on
one of the engines (:mod:`analysis.pipeline.engines`); tables are concatenated in
file-name order and written atomically (see :func:`analysis.core.store.write_tables`):
a build that fails, on bad input or otherwise, leaves the previous outputs untouched.
``data/raw`` is only ever read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from ..core.schema import conform
from ..core.store import read_table
from .engines import run_build
from .stages import STAGES, Stage

__all__ = ["build"]

Tables = dict[str, pd.DataFrame]


def build(
    corpus_dir: str | Path,
    out_dir: str | Path,
    progress: bool | None = None,
    command: list[str] | None = None,
    *,
    engine: str = "local",
    jobs: int = 1,
    scheduler=None,
    incremental: bool = True,
    stages: Sequence[Stage] = STAGES,
) -> Tables:
    """Build every table from ``corpus_dir`` and write them to ``out_dir``; returns the tables.

    ``engine``/``jobs``/``scheduler`` choose how documents are processed (serial, a
    process pool of ``jobs`` workers, or Dask; see :mod:`analysis.pipeline.engines`) and
    ``incremental`` reuses the rows of unchanged documents from the previous outputs
    (see :mod:`analysis.pipeline.cache`); the tables are the same in every case. The tables
    are read back from ``out_dir`` for the return value: for large corpora call
    :func:`analysis.pipeline.engines.run_build`, which returns only counts.

    >>> import tempfile, pathlib
    >>> raw, out = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
    >>> _ = (raw / "a.txt").write_text("Rubio spoke. Lavrov replied.", encoding="utf-8")
    >>> t = build(raw, out, progress=False)
    >>> {"documents.parquet", "manifest.json"} <= {p.name for p in out.iterdir()}
    True
    """
    stats = run_build(
        corpus_dir,
        out_dir,
        engine=engine,
        jobs=jobs,
        scheduler=scheduler,
        incremental=incremental,
        progress=progress,
        command=command,
        stages=stages,
    )
    return {n: conform(read_table(out_dir, n), n) for n in stats.tables}
