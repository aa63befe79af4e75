"""What a corpus cannot show: one sentence per missing ingredient, computed from the built tables.

Each notebook opens with :func:`about`: the study (its title and question, from
``study.yaml``) and, for a thin corpus, what this notebook cannot show here — no
statements, one side silent, no dates, a single document — so a reader learns it
from a sentence, not from an empty figure.

>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["a"], "date": [None]})
>>> st = pd.DataFrame({"doc_id": ["a"], "side": ["A"]})
>>> for line in limits({"documents": docs, "statements": st}, ["A", "B"], "07"): print(line)
No statement by B in this corpus, so there is nothing to compare with A here; figures show A alone.
No document has a date, so this corpus cannot show change over time.
This corpus is one document: one reporter's account, with no spread across documents; intervals treat its statements as independent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd

__all__ = ["limits", "about", "NEEDS"]

#: What each notebook needs: statements and both sides (s), dates (d); every notebook notes a single document.
NEEDS = {"01": "d", "02": "s", "03": "s", "04": "s", "05": "s", "06": "s", "07": "sd"}


def limits(tables: Mapping[str, pd.DataFrame], sides: Sequence[str] | None, notebook: str) -> list[str]:
    """The sentences saying what notebook ``notebook`` (``"05"`` or ``"05_emphasis"``) cannot show on these tables."""
    needs = NEEDS.get(Path(str(notebook)).stem[:2], "")
    docs = tables["documents"]
    st = tables.get("statements")
    out = []
    if "s" in needs and st is not None:
        if not len(st):
            out.append(
                "Nobody is quoted or reported in this corpus (no statements), so it cannot show who speaks "
                "for which side, nor compare the sides' tone, frames, emphasis or voice; figures that need statements are left out."
            )
        elif sides:
            sided = set(st["side"].dropna())
            silent = [s for s in sides if s not in sided]
            heard = [s for s in sides if s in sided]
            if len(silent) == 2:
                out.append(
                    f"No statement is attributed to {silent[0]} or {silent[1]} in this corpus, so it cannot compare them; "
                    "the tables show only speakers without a side."
                )
            elif silent:
                out.append(
                    f"No statement by {silent[0]} in this corpus, so there is nothing to compare with {heard[0]} here; figures show {heard[0]} alone."
                )
    if "d" in needs:
        dates = docs["date"].dropna() if "date" in docs.columns else pd.Series([], dtype=object)
        if not len(dates):
            out.append("No document has a date, so this corpus cannot show change over time.")
        elif dates.astype(str).str[:7].nunique() < 2:
            out.append("Every dated document falls in one month, so this corpus cannot show change over time.")
        elif len(dates) < len(docs):
            out.append(f"{len(docs) - len(dates)} of {len(docs)} documents have no date and are left out of any trend.")
    if len(docs) == 1:
        out.append(
            "This corpus is one document: one reporter's account, with no spread across documents; "
            "intervals treat its statements as independent."
        )
    return out


def about(processed: str | Path, sides: Sequence[str] | None, notebook: str):
    """The study (title, question) and :func:`limits` as rendered Markdown, for the top of notebook ``notebook``."""
    from IPython.display import Markdown

    from ..core.store import read_table
    from ..core.study import named_by_sides, read_study

    processed = Path(processed)
    tables = {"documents": read_table(processed, "documents")}
    if (processed / "statements.parquet").is_file():
        tables["statements"] = read_table(processed, "statements")
    study = named_by_sides(read_study(), sides)  # no study.yaml of its own: named by its sides
    lines = [f"**Study: {study['title']}.** {study['question']}".strip()]
    if sides and study["path"] is not None:
        lines[0] += f" Sides compared: {sides[0]} and {sides[1]}."
    found = limits(tables, sides, notebook)
    if Path(str(notebook)).stem[:2] in ("03", "06"):
        from ..core.resources import read_list

        if not read_list("topic_terms.txt"):
            found.append(
                "This study lists no topic terms (resources/topic_terms.txt), so nothing is masked: the masked scores equal the scored ones."
            )
    if found:
        lines.append("**What this corpus cannot show here.** " + " ".join(found))
    return Markdown("\n\n".join(lines))
