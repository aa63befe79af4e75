"""Reading and writing processed tables: Parquet and JSON only (no pickle), written atomically.

>>> import tempfile, pandas as pd
>>> d = tempfile.mkdtemp()
>>> write_tables({"t": pd.DataFrame({"a": [1, 2]})}, d)
>>> read_table(d, "t")["a"].tolist()
[1, 2]
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .errors import InputError
from .scratch import make_temp_dir

__all__ = ["atomic_target", "write_table", "write_json", "write_tables", "read_table", "read_tables", "read_manifest"]

_UMASK = os.umask(0)
os.umask(_UMASK)


@contextmanager
def atomic_target(path: str | Path) -> Iterator[str]:
    """Yield a temporary file name next to ``path``; on success it replaces ``path`` atomically.

    If the block raises, ``path`` is left as it was and the temporary file is removed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix, dir=path.parent)
    os.close(fd)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _atomic_write_bytes(path: Path, write) -> None:
    with atomic_target(path) as tmp:
        write(tmp)


def write_table(df: pd.DataFrame, folder: str | Path, name: str) -> Path:
    """Write ``df`` to ``<folder>/<name>.parquet`` atomically (temp file, then rename)."""
    path = Path(folder) / f"{name}.parquet"
    _atomic_write_bytes(path, lambda tmp: df.to_parquet(tmp, index=False, compression="zstd"))
    return path


def write_json(obj, path: str | Path) -> Path:
    """Write ``obj`` as sorted, indented JSON atomically."""
    path = Path(path)
    text = json.dumps(obj, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    _atomic_write_bytes(path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return path


def write_tables(tables: dict[str, pd.DataFrame], folder: str | Path, manifest: dict | None = None) -> None:
    """Write every table (and ``manifest.json``) so that a failure leaves the previous outputs intact.

    Everything is first written to a staging folder next to ``folder``; only when all
    files are written are they moved into place, each with an atomic rename.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    stage = make_temp_dir(folder, ".staging-")
    try:
        for name, df in tables.items():
            write_table(df, stage, name)
        if manifest is not None:
            write_json(manifest, stage / "manifest.json")
        for f in sorted(stage.iterdir()):
            os.replace(f, folder / f.name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def read_table(folder: str | Path, name: str) -> pd.DataFrame:
    """Read ``<folder>/<name>.parquet``; a missing table is an :class:`InputError` saying to build first."""
    path = Path(folder) / f"{name}.parquet"
    if not path.is_file():
        raise InputError(path, "table not found; run `make all` (or `python -m analysis build`) first")
    return pd.read_parquet(path)


def read_tables(folder: str | Path, names: list[str] | None = None) -> dict[str, pd.DataFrame]:
    """Read several processed tables (default: every ``*.parquet`` in ``folder``) into a dict."""
    folder = Path(folder)
    if names is None:
        names = sorted(p.stem for p in folder.glob("*.parquet"))
    return {n: read_table(folder, n) for n in names}


def read_manifest(folder: str | Path) -> dict:
    """The build manifest of a processed folder."""
    path = Path(folder) / "manifest.json"
    if not path.is_file():
        raise InputError(path, "manifest not found; run `make all` first")
    return json.loads(path.read_text(encoding="utf-8"))
