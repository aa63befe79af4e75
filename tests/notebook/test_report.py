"""The HTML report: rendered with code hidden, figures linked; headless Chromium finds no broken image."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analysis.notebook.report import render, render_notebook

from conftest import ROOT, chromium_probe, needs_chromium

NOTEBOOK = ROOT / "notebooks" / "01_corpus.ipynb"
CHECK = """() => {
  const imgs = Array.from(document.images);
  const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute("src").slice(0, 80));
  return {n: imgs.length, broken: broken};
}"""


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """The report of notebook 01 and of a notebook with a missing figure file, with their own figures folder."""
    tmp = tmp_path_factory.mktemp("report")
    figs = tmp / "figures"
    figs.mkdir()
    for f in (ROOT / "reports" / "figures").glob("01_*"):
        shutil.copy(f, figs / f.name)
    pages = render([NOTEBOOK], tmp / "reports", figs)
    return tmp, pages


def test_report_hides_code_and_links_figures(report):
    tmp, pages = report
    assert [p.name for p in pages] == ["01_corpus.html", "index.html"]
    page = pages[0].read_text(encoding="utf-8")
    assert "nb.setup()" not in page, "code cells must be hidden"
    assert "The corpus: documents, paragraphs, sentences" in page
    assert '<img src="../figures/01_sentence_lengths.png"' in page
    assert 'href="../figures/01_sentence_lengths.svg"' in page
    assert 'href="01_corpus.html"' in pages[1].read_text(encoding="utf-8")


def chromium_check(html_path: Path, tmp: Path) -> dict:
    """Open the page in headless Chromium; return {n, broken}: its images and those that did not load."""
    return chromium_probe(html_path, tmp, CHECK)[0]


@needs_chromium
def test_no_broken_images_in_chromium(report):
    tmp, pages = report
    for page in pages:
        result = chromium_check(page, tmp)
        assert result["n"] > 0, f"{page.name}: no images"
        assert result["broken"] == [], f"{page.name}: broken images {result['broken']}"


@needs_chromium
def test_chromium_check_sees_a_broken_image(tmp_path):
    """The check itself works: a report whose figure file is missing has a broken image."""
    figs = tmp_path / "figures"
    figs.mkdir()
    (figs / "01_missing.png").write_bytes(b"not a png")
    page = render_notebook(NOTEBOOK, tmp_path / "reports", figs)
    result = chromium_check(page, tmp_path)
    assert any("01_missing.png" in b for b in result["broken"])
