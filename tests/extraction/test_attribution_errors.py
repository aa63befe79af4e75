"""Attribution errors a reader found on the evidence pages (issue 24), each on a sentence written for this test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from analysis.extraction.extract import extract
from analysis.extraction.registry import registry

ROOT = Path(__file__).resolve().parents[2]


def _registered_person() -> tuple[str, str]:
    """(first name, surname) of a two-word person of the shipped registry."""
    e = next(e for e in registry().values() if e.get("kind") == "person" and len(e["actor"].split()) == 2)
    first, last = e["actor"].split()
    return first, last


def test_explicit_other_first_name_beats_registry_alias():
    first, last = _registered_person()
    other = "Zora" if first != "Zora" else "Ilse"
    x = extract(f"White House press secretary {other} {last} said the talks would go on.")
    assert x.claims["source"].tolist() == [f"{other} {last}"]
    x = extract(f"Press secretary {first} {last} said the talks would go on.")
    assert x.claims["source"].tolist() == [f"{first} {last}"]


def test_side_word_in_apposition_gives_the_side():
    x = extract("American Jane Doe said the bill would pass.")
    assert x.claims[["source", "side"]].values.tolist() == [["Jane Doe", "US"]]
    assert x.claims["source_start"].tolist() == [9]


def test_party_word_in_apposition_gives_the_party_side():
    probe = (
        "import json; from analysis.extraction.extract import extract; "
        "x = extract('Lanternist Jane Doe told reporters that the vote was close.'); "
        "print(json.dumps(x.claims[['source', 'side']].values.tolist()))"
    )
    env = dict(os.environ, ANALYSIS_RESOURCES=str(ROOT / "tests" / "corpora" / "parties" / "resources"), PYTHONHASHSEED="0")
    r = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == [["Jane Doe", "Lantern"]]


def test_capitalised_common_words_are_no_actors():
    text = (
        "Blame fell on the harbour board. Crisis meetings went on all week. Weird noises came from the pier. "
        "Oceanic currents moved the buoys, Ann Cole said."
    )
    assert extract(text).mentions["text"].tolist() == ["Ann Cole"]


def test_a_name_used_twice_at_sentence_starts_stays_a_name():
    text = "Brannock opened the depot in May. Brannock also hired forty drivers."
    assert "Brannock" in extract(text).mentions["text"].tolist()


def test_contraction_and_party_state_tag_are_no_names():
    x = extract("Sen. Tom Reed, R-Texas, said the plan was dead. Wouldn’t the board agree?")
    assert x.mentions["text"].tolist() == ["Tom Reed"]
    assert x.claims["source"].tolist() == ["Tom Reed"]


def test_headline_verb_is_not_part_of_a_name():
    x = extract("Mayor Ann Cole Warns of Floods\n\nThe harbour rose again on Sunday.")
    assert "Ann Cole Warns" not in x.mentions["text"].tolist()
    assert "Ann Cole" in x.mentions["text"].tolist()


def test_names_are_not_glued_across_a_line_break():
    x = extract("The figures came from NOAA\nTom Reed said the data were clear.")
    assert x.mentions["text"].tolist() == ["NOAA", "Tom Reed"]
    assert x.claims["source"].tolist() == ["Tom Reed"]


def test_front_matter_is_not_text():
    text = "---\ntitle: A harbour story\noutlet: Harbour News\n---\n“We will rebuild,” Ann Cole said."
    x = extract(text)
    assert x.body == "“We will rebuild,” Ann Cole said."
    assert x.quotes[["text", "speaker"]].values.tolist() == [["We will rebuild,", "Ann Cole"]]
    assert all(x.body[a:b] == t for a, b, t in x.mentions[["start", "end", "text"]].values.tolist())
    assert "Harbour News" not in x.mentions["text"].tolist()


def test_text_opening_with_a_rule_line_is_kept():
    text = "---\nNot a mapping, a dash rule\n---\nAnn Cole said the pier was safe."
    x = extract(text)
    assert x.body == text
