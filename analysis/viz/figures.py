"""The figure helper: every figure is saved as PNG, SVG and PDF, byte-identical on re-run.

Determinism comes from a fixed ``svg.hashsalt``, metadata without dates or
creator strings, and ``SOURCE_DATE_EPOCH=0`` (set here if unset). Pin matplotlib:
pixels may change across its versions.

>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt, tempfile
>>> fig, ax = plt.subplots()
>>> _ = ax.bar(["US", "Russia"], [3, 5])
>>> paths = save_figure(fig, "example", tempfile.mkdtemp())
>>> sorted(p.suffix for p in paths)
['.pdf', '.png', '.svg']
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt

from ..core.paths import PROJECT_ROOT
from ..core.store import atomic_target

__all__ = [
    "FIGURES_DIR",
    "FORMATS",
    "DPI",
    "SAVE_RC",
    "STYLE",
    "PALETTE",
    "MAX_ROWS",
    "MAX_HEIGHT_PX",
    "LABEL_WIDTH",
    "NO_SIDE_COLOR",
    "apply_style",
    "palette",
    "side_colors",
    "shorten",
    "fit_height",
    "save_figure",
    "new_figure",
    "view_panels",
]

FIGURES_DIR = PROJECT_ROOT / "reports" / "figures"
FORMATS = ("png", "svg", "pdf")
DPI = 150

# Settings that make saved files deterministic; applied only while saving.
SAVE_RC = {"svg.hashsalt": "analysis-suite", "svg.fonttype": "none", "pdf.fonttype": 42}

# The suite's look; applied by apply_style()/new_figure() before drawing.
STYLE = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "figure.dpi": 100,
    "savefig.dpi": DPI,
    "figure.figsize": (7.0, 4.0),
    "path.simplify": True,
}
_METADATA = {
    "png": {"Software": None},
    "svg": {"Date": None, "Creator": None},
    "pdf": {"CreationDate": None, "Creator": None, "Producer": None, "ModDate": None},
}

# Figures fit a page at any corpus size: at most about a dozen rows (bars, topics,
# panels) per figure, never taller than MAX_HEIGHT_PX at the saved DPI, and labels
# no longer than LABEL_WIDTH characters (shorten()).
MAX_ROWS = 12
MAX_HEIGHT_PX = 2400
LABEL_WIDTH = 40

# Colours per side are assigned in order of the sides compared, not by name,
# so nothing here is specific to one pair of sides.
PALETTE = ("#1f5a96", "#b8372f", "#6d8f3b", "#8c6bb1", "#d08c2f", "#5b5b5b")
NO_SIDE_COLOR = "#9a9a9a"  # words credited to no side


def apply_style() -> None:
    """Set the suite's matplotlib look (fonts, sizes, spines) for figures drawn afterwards."""
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    matplotlib.rcParams.update(STYLE)


def palette(n: int) -> list[str]:
    """``n`` distinct colours for ``n`` sides: :data:`PALETTE` first, then as many more as the data need.

    Beyond the six of :data:`PALETTE`, each further colour takes the next hue of a
    golden-ratio sequence (never the same hue twice) at alternating lightness; a colour
    equal to one already given, or to :data:`NO_SIDE_COLOR`, is skipped. So no two
    sides share a colour however many there are, and the first six never change.

    >>> palette(2)
    ['#1f5a96', '#b8372f']
    >>> p = palette(40); len(p) == len(set(p)) == 40 and NO_SIDE_COLOR not in p
    True
    """
    from matplotlib.colors import hsv_to_rgb, to_hex

    out = list(PALETTE[: max(int(n), 0)])
    seen = {c.lower() for c in out} | {NO_SIDE_COLOR.lower()}
    i = 0
    while len(out) < n:
        i += 1
        hue = (0.13 + i * 0.6180339887498949) % 1.0
        color = to_hex(hsv_to_rgb((hue, 0.62, 0.78 if i % 2 else 0.58)))
        if color not in seen:
            seen.add(color)
            out.append(color)
    return out


def side_colors(sides) -> dict:
    """A stable colour for each side, by its position in ``sides``; distinct for any number of sides (:func:`palette`).

    >>> side_colors(["US", "Russia"])
    {'US': '#1f5a96', 'Russia': '#b8372f'}
    """
    sides = list(sides)
    return dict(zip(sides, palette(len(sides))))


def shorten(label, width: int = LABEL_WIDTH) -> str:
    """``label`` as text, cut to at most ``width`` characters with an ellipsis (the one label helper of every plot).

    >>> shorten("Peace process & negotiation")
    'Peace process & negotiation'
    >>> shorten("The Ministry of Foreign Affairs of a very long named country", 24)
    'The Ministry of Foreign…'
    """
    text = str(label)
    if len(text) <= width:
        return text
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    return text[: max(width - 1, 1)].rstrip() + "…"


def fit_height(n_rows: int, per_row: float, extra: float) -> float:
    """Figure height in inches for ``n_rows`` rows: ``per_row * n_rows + extra``, capped so the saved figure stays under :data:`MAX_HEIGHT_PX`.

    The cap leaves an inch for what ``bbox_inches="tight"`` adds outside the axes.

    >>> fit_height(3, 0.4, 1.5)
    2.7
    >>> fit_height(500, 0.4, 1.5) * DPI < MAX_HEIGHT_PX
    True
    """
    return min(per_row * max(n_rows, 1) + extra, MAX_HEIGHT_PX / DPI - 1.0)


def _atomic_save(fig, path: Path, fmt: str) -> None:
    with atomic_target(path) as tmp, matplotlib.rc_context(SAVE_RC):
        fig.savefig(tmp, format=fmt, metadata=_METADATA[fmt], dpi=DPI, bbox_inches="tight")


def save_figure(fig, name: str, folder: str | Path | None = None) -> list[Path]:
    """Save ``fig`` as ``<folder>/<name>.png|.svg|.pdf`` (atomically) and return the paths.

    ``folder`` defaults to ``reports/figures`` in the project.
    """
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    folder = Path(folder) if folder is not None else FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for fmt in FORMATS:
        path = folder / f"{name}.{fmt}"
        _atomic_save(fig, path, fmt)
        paths.append(path)
    return paths


def new_figure(nrows: int = 1, ncols: int = 1, **kwargs):
    """``plt.subplots`` with the suite's style applied first."""
    apply_style()
    return plt.subplots(nrows, ncols, **kwargs)


def message_figure(text: str, size: tuple[float, float] = (6.0, 1.2)):
    """A small figure that holds only ``text``: what a corpus too thin for a plot cannot show, in place of empty axes.

    >>> fig = message_figure("No dated document."); [t.get_text() for t in fig.texts]
    ['No dated document.']
    >>> plt.close(fig)
    """
    import textwrap

    fig = plt.figure(figsize=(size[0], 1.2))
    fig.text(0.5, 0.5, "\n".join(textwrap.wrap(text, 90)), ha="center", va="center", fontsize=10, color="#444")
    return fig


def view_panels(table, draw, panel_size: tuple[float, float] = (6.0, 4.0), title: str | None = None, view_col: str = "view", **kwargs):
    """One panel per view of ``table`` (own words, reported words, ...), side by side, each drawn by ``draw(rows, ax)``; returns the Figure.

    Views in the table's order; each panel is titled with its view's name
    (:func:`analysis.measures.views.view_label`) and ``title`` goes above them all.
    Without a ``view`` column there is one panel. ``kwargs`` go to ``plt.subplots``
    (e.g. ``sharex=True``).

    >>> import pandas as pd
    >>> t = pd.DataFrame({"view": ["own", "reported"], "x": [1, 2]})
    >>> fig = view_panels(t, lambda rows, ax: ax.bar([0], rows["x"]))
    >>> [ax.get_title() for ax in fig.axes]
    ['own words (documents a side issued)', 'reported by the news (quotes, claims)']
    >>> plt.close(fig)
    """
    from ..measures.views import view_label

    if not len(table):
        return message_figure("Nothing to draw: this corpus has no rows for this figure (see the sentence above it).", panel_size)
    views = list(dict.fromkeys(table[view_col])) if view_col in table.columns and len(table) else [None]
    fig, axes = new_figure(1, len(views), figsize=(panel_size[0] * len(views), panel_size[1]), squeeze=False, **kwargs)
    for ax, v in zip(axes[0], views):
        rows = table if v is None else table.loc[table[view_col] == v].drop(columns=view_col)
        draw(rows, ax)
        if v is not None:
            ax.set_title(view_label(v), fontsize=10)
    if kwargs.get("sharey"):
        for ax in axes[0][1:]:
            ax.set_ylabel("")  # one scale: its label once, on the left
    if title:
        fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    return fig
