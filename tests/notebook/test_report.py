"""The HTML report: rendered with code hidden, figures linked; headless Chromium finds no broken image."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from analysis.notebook.report import render, render_notebook

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = ROOT / "notebooks" / "01_corpus.ipynb"
CHECK = """
<script>
window.addEventListener("load", () => {
  const imgs = Array.from(document.images);
  const broken = imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute("src").slice(0, 80));
  document.body.setAttribute("data-check", JSON.stringify({n: imgs.length, broken: broken}));
});
</script>
"""


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
    """Open a copy of the page (with a small script) in headless Chromium; return {n, broken} from the DOM."""
    probe = html_path.with_name(html_path.stem + ".check.html")
    probe.write_text(html_path.read_text(encoding="utf-8").replace("</body>", CHECK + "</body>", 1), encoding="utf-8")
    profile = tmp / "chromium-profile"
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--allow-file-access-from-files",
        "--virtual-time-budget=10000",
        "--dump-dom",
        probe.as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    probe.unlink()
    m = re.search(r'data-check="([^"]*)"', proc.stdout)
    assert m, f"no check result in Chromium's DOM (exit {proc.returncode}): {proc.stderr[-1500:]}"
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))


needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="headless Chromium not installed (/usr/bin/chromium; Debian: apt-get install chromium)"
)


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
