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

__all__ = ["REPORTS_DIR", "notebook_summary", "notebook_figures", "render_notebook", "render_index", "render", "main"]

REPORTS_DIR = PROJECT_ROOT / "reports"
_STYLE = """
<style>
  body.analysis-report { max-width: 1100px; margin: 0 auto; padding: 1rem 2rem; font-family: sans-serif; }
  .report-figures figure { margin: 1.5rem 0; }
  .report-figures img { max-width: 100%; border: 1px solid #ddd; }
  .report-nav { font-size: 0.9rem; margin-bottom: 1rem; }
  body.analysis-report { line-height: 1.5; color: #222; }
  .report-question { font-size: 1.1rem; }
  .report-finding { background: #f4f6f8; border-left: 4px solid #4a7bb7; padding: 0.4rem 0.8rem; }
  .report-notebook { border-top: 1px solid #ddd; margin-top: 1.5rem; }
  .report-figures figcaption { font-size: 0.9rem; color: #444; }
  .report-evidence-link { font-weight: bold; }
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


def notebook_summary(notebook: str | Path) -> dict:
    """A notebook's title (its first heading, without the number) and the question it asks (the first sentence ending in ``?``
    of its opening Markdown cell, else the rest of the heading).

    >>> notebook_summary(PROJECT_ROOT / "notebooks" / "01_corpus.ipynb")["title"]
    'The corpus: documents, paragraphs, sentences'
    """
    import re

    import nbformat

    nb = nbformat.read(Path(notebook), as_version=4)
    md = next((c.source for c in nb.cells if c.cell_type == "markdown" and c.source.strip()), "")
    head = next((ln.lstrip("#").strip() for ln in md.splitlines() if ln.startswith("#")), Path(notebook).stem)
    title = re.sub(r"^\d+\s*[·.:-]\s*", "", head)
    body = " ".join(ln.strip() for ln in md.splitlines() if ln.strip() and not ln.startswith("#"))
    body = re.sub(r"[*_`]", "", body)
    question = next((q.strip() for q in re.findall(r"[^.?!]*\?", body) if len(q.split()) > 3), "")
    return {"title": title, "question": question}


def _caption(png: Path) -> str:
    """A figure's caption from its file name: ``03_sentiment_by_side.png`` → ``Sentiment by side``."""
    words = png.stem.split("_")[1:] if png.stem[:2].isdigit() else png.stem.split("_")
    text = " ".join(words) or png.stem
    return text[:1].upper() + text[1:]


def _captioned_figures(pngs: Sequence[Path], out_dir: Path) -> str:
    items = []
    for png in pngs:
        links = " · ".join(
            f'<a href="{html.escape(_rel(png.with_suffix(s), out_dir))}">{s[1:].upper()}</a>'
            for s in (".png", ".svg", ".pdf")
            if png.with_suffix(s).is_file()
        )
        cap = html.escape(_caption(png))
        items.append(
            f'<figure><img src="{html.escape(_rel(png, out_dir))}" alt="{cap}">'
            f"<figcaption>{cap} — {links} <code>{html.escape(png.name)}</code></figcaption></figure>"
        )
    return '<div class="report-figures">' + "\n".join(items) + "</div>" if items else ""


def render_index(
    pages: Sequence[Path],
    out_dir: str | Path = REPORTS_DIR,
    figures_dir: str | Path = FIGURES_DIR,
    evidence: Sequence[dict] = (),
    notebooks: Sequence[str | Path] = (),
    findings: dict | None = None,
    study: dict | None = None,
) -> Path:
    """Write ``out_dir/index.html``: what the study is, what each notebook asks and found, its captioned figures, the evidence pages.

    ``notebooks`` are the executed notebooks behind ``pages`` (their questions), ``findings`` one
    computed line per notebook stem (:mod:`analysis.notebook.findings`), ``study`` the title and
    question (:func:`analysis.core.study.read_study`).
    """
    from ..core.study import read_study
    from ..viz.evidence import index_section
    from .findings import question as notebook_question

    out_dir, figures_dir = Path(out_dir), Path(figures_dir)
    study = study or read_study()
    findings = findings or {}
    by_stem = {Path(nb).stem: Path(nb) for nb in notebooks}
    title = html.escape(study.get("title") or "Report")
    question = study.get("question") or ""
    sides = study.get("sides") or []
    lead = f'<p class="report-question"><strong>Question.</strong> {html.escape(question)}</p>\n' if question else ""
    if sides:
        lead += f"<p>Sides compared: <strong>{html.escape(sides[0])}</strong> and <strong>{html.escape(sides[1])}</strong>.</p>\n"
    if evidence:
        n = len(evidence)
        lead += (
            f'<p class="report-evidence-link"><a href="#evidence">Evidence pages</a>: {n} page{"" if n == 1 else "s"}, one per '
            "document, every attributed statement highlighted in its text.</p>\n"
        )
    sections, shown = [], set()
    for page in pages:
        nb = by_stem.get(page.stem)
        summary = notebook_summary(nb) if nb is not None and nb.is_file() else {"title": page.stem, "question": ""}
        summary["question"] = notebook_question(page.stem, sides) or summary["question"]
        pngs = notebook_figures(page, figures_dir)
        shown.update(pngs)
        parts = [f'<section class="report-notebook"><h2><a href="{html.escape(page.name)}">{html.escape(summary["title"])}</a></h2>']
        if summary["question"]:
            parts.append(f"<p><em>Asks:</em> {html.escape(summary['question'])}</p>")
        if findings.get(page.stem):
            parts.append(f'<p class="report-finding"><em>Found:</em> {html.escape(findings[page.stem])}</p>')
        parts.append(_captioned_figures(pngs, out_dir))
        parts.append("</section>")
        sections.append("\n".join(p for p in parts if p))
    rest = [p for p in sorted(figures_dir.glob("*.png")) if p.is_file() and p not in shown]
    if rest:
        sections.append('<section class="report-notebook"><h2>Other figures</h2>' + _captioned_figures(rest, out_dir) + "</section>")
    ev = index_section(evidence, out_dir).replace('<section class="report-evidence">', '<section class="report-evidence" id="evidence">', 1)
    text = (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        + _STYLE
        + f'</head><body class="analysis-report" data-report="analysis">\n<h1>{title}</h1>\n'
        + lead
        + "<p>One section per notebook: the question it asks, what it found in these tables, its figures "
        + "(PNG shown, SVG and PDF linked). Open a notebook for its full reasoning (code hidden).</p>\n"
        + "\n".join(sections)
        + ev
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
    from ..core.study import named_by_sides, read_study
    from ..viz.evidence import sides_from_notebooks, write_evidence
    from .findings import findings

    pages = [render_notebook(nb, out_dir, figures_dir) for nb in notebooks]
    sides = list(sides) or sides_from_notebooks(notebooks)
    evidence, found = [], {}
    if processed_dir is not None:
        evidence = write_evidence(processed_dir, Path(out_dir) / "evidence", sides)
        found = findings(notebooks, processed_dir, sides)
    study = dict(read_study())
    if sides:
        study["sides"] = list(sides)[:2]
        study = named_by_sides(study, study["sides"])  # no study.yaml of its own: named by its sides
    index = render_index(pages, out_dir, figures_dir, evidence, notebooks=notebooks, findings=found, study=study)
    return pages + [e["path"] for e in evidence] + [index]


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
