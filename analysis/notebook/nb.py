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
from .limits import about

__all__ = ["setup", "project_path", "show", "about", "md", "use_codebook", "SHOW_ROWS"]

SHOW_ROWS = 20


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


def show(table: pd.DataFrame, n: int = SHOW_ROWS, columns=None):
    """The first ``n`` rows of ``table`` (only ``columns`` if given), for display, with a note when rows are left out.

    A notebook shows heads and summaries of large tables, so its saved size stays
    small at any corpus size; the full tables stay in the Parquet files. The note
    ("showing 20 of 1,234 rows ...") is printed only when rows are left out, so a
    small table looks exactly as before.

    >>> t = pd.DataFrame({"x": range(5)})
    >>> show(t, n=2)
    showing 2 of 5 rows (the full table is in the Parquet files or the variable)
       x
    0  0
    1  1
    >>> len(show(t))
    5
    """
    view = table if columns is None else table[list(columns)]
    if len(view) <= n:
        return view
    print(f"showing {n} of {len(view):,} rows (the full table is in the Parquet files or the variable)")
    return view.head(n)


def use_codebook(codebook: str | None) -> str:
    """Make ``codebook`` (generic, diplomacy or a YAML path; the notebook parameter) the frame codebook of this kernel.

    Sets ``ANALYSIS_CODEBOOK``, which every framing function reads when no codebook is
    named, and returns the name. The build's frame hits must come from the same codebook
    (``python -m analysis run --codebook ...`` sets both).

    >>> use_codebook("diplomacy")
    'diplomacy'
    """
    import os

    os.environ["ANALYSIS_CODEBOOK"] = str(codebook or "diplomacy")
    return os.environ["ANALYSIS_CODEBOOK"]


def md(*parts: str | None):
    """Readings as rendered Markdown: the non-empty ``parts``, one paragraph each (bold, lists and line wrapping rendered).

    >>> md("**Views.** Own words apart.", None, "Line one\\nline two").data
    '**Views.** Own words apart.\\n\\nLine one  \\nline two'
    """
    from IPython.display import Markdown

    def para(text: str) -> str:  # the reading's own line breaks kept (Markdown hard breaks), long lines wrapped by the page
        return "  \n".join(ln.rstrip() for ln in str(text).strip().split("\n"))

    return Markdown("\n\n".join(para(p) for p in parts if p and str(p).strip()))
