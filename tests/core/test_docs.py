"""Documentation that is generated must stay in step with the code."""

from analysis.core.schema import markdown

from conftest import ROOT


def test_data_md_matches_the_schema():
    assert (ROOT / "docs" / "data.md").read_text(encoding="utf-8") == markdown(), "run `make docs` to regenerate docs/data.md"
