"""The HTML report: executed notebooks rendered with nbconvert (code hidden), linking the saved figures.

``make report`` runs ``python -m analysis.notebook.report notebooks/NN_*.ipynb``: each
executed notebook becomes ``reports/NN_name.html`` (inputs hidden, outputs and
prose kept, inline figures embedded), followed by a "Figures" section that shows
and links the files that notebook saved in ``reports/figures`` (PNG shown; SVG and
PDF linked); ``reports/index.html`` lists the notebooks and every figure. With built
tables (``--processed``, default ``data/processed``) it also writes one evidence page
per document to ``reports/evidence/`` (:mod:`analysis.viz.evidence`) and lists them in the
index. Links are relative, so the folder can be copied or served as is. Nothing is
executed here: run ``make notebooks`` first.
"""

from __future__ import annotations

import html
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from ..core.store import atomic_target
from ..viz.figures import FIGURES_DIR, PROJECT_ROOT

__all__ = ["REPORTS_DIR", "notebook_figures", "render_notebook", "render_index", "render", "main"]

REPORTS_DIR = PROJECT_ROOT / "reports"
_STYLE = """
<style>
  body.analysis-report { max-width: 1100px; margin: 0 auto; padding: 1rem 2rem; font-family: sans-serif; }
  .report-figures figure { margin: 1.5rem 0; }
  .report-figures img { max-width: 100%; border: 1px solid #ddd; }
  .report-nav { font-size: 0.9rem; margin-bottom: 1rem; }
</style>
"""


def _rel(target: Path, start: Path) -> str:
    return Path(os.path.relpath(target, start)).as_posix()


def notebook_figures(notebook: Path, figures_dir: Path = FIGURES_DIR) -> list[Path]:
    """PNG figures saved by a notebook: files ``<NN>_*.png`` of ``figures_dir``, NN the notebook's number.

    >>> [p.name for p in notebook_figures(Path("01_corpus.ipynb"))][:1]
    ['01_sentence_lengths.png']
    """
    prefix = Path(notebook).name[:3]
    return sorted(p for p in Path(figures_dir).glob(f"{prefix}*.png") if p.is_file())


def _figure_section(pngs: Sequence[Path], out_dir: Path) -> str:
    if not pngs:
        return ""
    items = []
    for png in pngs:
        alt = html.escape(png.stem)
        links = " · ".join(
            f'<a href="{html.escape(_rel(png.with_suffix(s), out_dir))}">{s[1:].upper()}</a>'
            for s in (".png", ".svg", ".pdf")
            if png.with_suffix(s).is_file()
        )
        items.append(
            f'<figure><img src="{html.escape(_rel(png, out_dir))}" alt="{alt}">'
            f"<figcaption><code>{alt}</code> — {links}</figcaption></figure>"
        )
    return '<section class="report-figures"><h2>Figures</h2>\n' + "\n".join(items) + "\n</section>"


def render_notebook(notebook: str | Path, out_dir: str | Path = REPORTS_DIR, figures_dir: str | Path = FIGURES_DIR) -> Path:
    """Render one executed notebook to ``out_dir/<name>.html`` with code hidden and its figures linked."""
    import nbformat
    from nbconvert import HTMLExporter

    notebook, out_dir, figures_dir = Path(notebook), Path(out_dir), Path(figures_dir)
    nb = nbformat.read(notebook, as_version=4)
    exporter = HTMLExporter(template_name="lab")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": notebook.stem}})
    nav = f'<nav class="report-nav"><a href="index.html">← all notebooks</a> · source: <code>{html.escape(notebook.name)}</code></nav>'
    section = _figure_section(notebook_figures(notebook, figures_dir), out_dir)
    body = body.replace("</head>", _STYLE + "</head>", 1)
    body = body.replace("<body", '<body data-report="analysis"', 1)
    i = body.index(">", body.index("<body")) + 1
    body = body[:i] + "\n" + nav + body[i:]
    body = body.replace("</body>", section + "\n</body>", 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"{notebook.stem}.html"
    with atomic_target(path) as tmp:
        Path(tmp).write_text(body, encoding="utf-8")
    return path


def render_index(
    pages: Sequence[Path], out_dir: str | Path = REPORTS_DIR, figures_dir: str | Path = FIGURES_DIR, evidence: Sequence[dict] = ()
) -> Path:
    """Write ``out_dir/index.html``: links to the rendered notebooks, every figure of ``figures_dir`` and the ``evidence`` pages."""
    from ..viz.evidence import index_section

    out_dir, figures_dir = Path(out_dir), Path(figures_dir)
    links = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(p.stem)}</a></li>' for p in pages)
    pngs = sorted(p for p in figures_dir.glob("*.png") if p.is_file())
    text = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Report: who said what, for which side</title>'
        + _STYLE
        + '</head><body class="analysis-report" data-report="analysis">\n<h1>Report: who said what, for which side</h1>\n'
        + "<p>Executed notebooks, code hidden (the notebooks in <code>notebooks/</code> hold the code). "
        + "Figures are the files in <code>reports/figures</code> (PNG shown, SVG and PDF linked).</p>\n"
        + f"<h2>Notebooks</h2>\n<ul>\n{links}\n</ul>\n"
        + _figure_section(pngs, out_dir)
        + index_section(evidence, out_dir)
        + "\n</body></html>\n"
    )
    path = out_dir / "index.html"
    with atomic_target(path) as tmp:
        Path(tmp).write_text(text, encoding="utf-8")
    return path


def render(
    notebooks: Sequence[str | Path],
    out_dir: str | Path = REPORTS_DIR,
    figures_dir: str | Path = FIGURES_DIR,
    processed_dir: str | Path | None = None,
    sides: Sequence[str] = (),
) -> list[Path]:
    """Render every notebook, the evidence pages of ``processed_dir`` (if given) and the index; returns the HTML files (index last).

    ``sides`` orders the side colours of the evidence pages (default: the notebooks' ``side_a``, ``side_b``).
    """
    from ..viz.evidence import sides_from_notebooks, write_evidence

    pages = [render_notebook(nb, out_dir, figures_dir) for nb in notebooks]
    evidence = []
    if processed_dir is not None:
        evidence = write_evidence(processed_dir, Path(out_dir) / "evidence", list(sides) or sides_from_notebooks(notebooks))
    return pages + [e["path"] for e in evidence] + [render_index(pages, out_dir, figures_dir, evidence)]


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m analysis.notebook.report [--out DIR] [--figures DIR] [--processed DIR] [--sides A,B] NOTEBOOK...``."""
    import argparse

    p = argparse.ArgumentParser(prog="python -m analysis.notebook.report", description="Render executed notebooks to HTML (code hidden).")
    p.add_argument("notebooks", nargs="+", type=Path)
    p.add_argument("--out", type=Path, default=REPORTS_DIR, help="output folder (default: reports/)")
    p.add_argument("--figures", type=Path, default=FIGURES_DIR, help="figures folder to link (default: reports/figures)")
    p.add_argument("--processed", type=Path, default=PROJECT_ROOT / "data" / "processed", help="built tables for the evidence pages")
    p.add_argument("--sides", default="", help="side colour order A,B (default: the notebooks' side_a, side_b)")
    args = p.parse_args(argv)
    processed = args.processed if (args.processed / "documents.parquet").is_file() else None
    if processed is None:
        print(f"no built tables in {args.processed}: evidence pages skipped (run `make data` first)", file=sys.stderr)
    sides = [s.strip() for s in args.sides.split(",") if s.strip()]
    paths = render(args.notebooks, args.out, args.figures, processed, sides)
    for path in paths:
        if path.parent.name != "evidence":
            print(f"wrote {path}")
    if processed is not None:
        print(f"wrote {len(paths) - len(args.notebooks) - 1} evidence page(s) in {args.out / 'evidence'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
