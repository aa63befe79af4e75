"""Notebook conveniences: one call sets display options and the figure style; paths resolve from the project root.

Notebooks run with their own folder as working directory, so paths given as
parameters (``data/processed``, ``reports/figures``) are resolved against the
project root, found from this package, not from the working directory.

>>> project_path("data/raw").name
'raw'
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..viz.figures import PROJECT_ROOT, apply_style

__all__ = ["setup", "project_path"]


def setup(precision: int = 3, max_rows: int = 60, max_colwidth: int = 120) -> None:
    """Set pandas display options (fixed precision, widths) and the suite's matplotlib style."""
    pd.set_option("display.precision", precision)
    pd.set_option("display.max_rows", max_rows)
    pd.set_option("display.max_columns", 30)
    pd.set_option("display.max_colwidth", max_colwidth)
    pd.set_option("display.width", 160)
    apply_style()


def project_path(path: str | Path) -> Path:
    """``path`` as given if absolute, else relative to the project root."""
    path = Path(path)
    return path if path.is_absolute() else PROJECT_ROOT / path
