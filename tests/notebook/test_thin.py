"""Thin corpora run to the end: every notebook executes on a corpus with no statements, one side
only, no dates, or a single document, and says in a sentence what that corpus cannot show.

The corpora are invented (tests/corpora/thin, README there); each run executes all seven
notebooks (about a minute per corpus).
"""

from __future__ import annotations

import nbformat
import pytest

from conftest import PARTIES, ROOT, chromium_probe, needs_chromium

THIN = ROOT / "tests" / "corpora" / "thin"

# corpus -> (notebook, a phrase its opening cell must say)
EXPECTED = {
    "no_statements": [("02", "Nobody is quoted or reported"), ("05", "Nobody is quoted or reported"), ("07", "Nobody is quoted")],
    "one_side": [("03", "No statement by Meadow in this corpus"), ("06", "No statement by Meadow")],
    "undated": [("07", "No document has a date"), ("01", "No document has a date")],
    "one_doc": [("02", "This corpus is one document"), ("07", "Every dated document falls in one month")],
}


def _about(nb) -> str:
    cell = next(c for c in nb.cells if c.get("id") == "study-about")
    return "".join(o.get("data", {}).get("text/markdown", "") for o in cell.outputs)


_RUNS: dict = {}


@pytest.fixture(scope="module")
def thin_run(tmp_path_factory):
    """``run`` on a thin corpus, once per corpus for the module (the report test reuses one)."""
    import os

    from analysis.notebook.run import run

    def go(corpus: str) -> dict:
        if corpus not in _RUNS:
            before = os.environ.get("ANALYSIS_RESOURCES")
            try:
                out = tmp_path_factory.mktemp(corpus) / "out"
                _RUNS[corpus] = run(
                    THIN / corpus, ("Lantern", "Meadow"), out, resources=PARTIES / "resources", log=lambda *a: None, progress=False
                )
            finally:
                if before is None:
                    os.environ.pop("ANALYSIS_RESOURCES", None)
                else:
                    os.environ["ANALYSIS_RESOURCES"] = before
        return _RUNS[corpus]

    return go


@pytest.mark.parametrize("corpus", sorted(EXPECTED))
def test_every_notebook_runs_and_says_what_the_corpus_cannot_show(corpus, thin_run):
    res = thin_run(corpus)
    assert len(res["notebooks"]) == 7
    assert res["report"] is not None and res["report"].is_file()
    books = {p.name[:2]: nbformat.read(p, as_version=4) for p in res["notebooks"]}
    for nb in books.values():
        errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "error"]
        assert errors == []
    for key, phrase in EXPECTED[corpus]:
        assert phrase in _about(books[key]), (corpus, key, _about(books[key]))


REPORT_CHECK = """() => {
  const imgs = Array.from(document.images);
  return {n: imgs.length, broken: imgs.filter(i => !(i.complete && i.naturalWidth > 0)).length,
          h1: document.querySelector("h1").textContent,
          evidence: Array.from(document.querySelectorAll("a")).filter(a => a.getAttribute("href").startsWith("evidence/")).map(a => a.getAttribute("href")),
          found: document.querySelectorAll(".report-finding").length};
}"""
EVIDENCE_CHECK = """() => ({statements: document.querySelectorAll("[data-mark]").length, title: document.title})"""


@needs_chromium
def test_chromium_opens_the_run_report_and_an_evidence_page(thin_run, tmp_path):
    index = thin_run("one_doc")["report"]
    page, _ = chromium_probe(index, tmp_path, REPORT_CHECK)
    assert page["n"] > 0 and page["broken"] == 0, page
    assert page["found"] == 7 and page["evidence"], page
    evidence = index.parent / page["evidence"][0]
    result, _ = chromium_probe(evidence, tmp_path, EVIDENCE_CHECK)
    assert result["statements"] > 0, result
