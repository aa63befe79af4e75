"""Readings are computed from the tables: their numbers are the tables' numbers, their caveats this corpus's."""

from __future__ import annotations

from analysis.core import compare
from analysis.core import store as io
from analysis.measures import periods, readings

SIDES = ["Lantern", "Meadow"]


def test_readings_of_the_parties_corpus(parties_tables):
    docs = io.read_table(parties_tables, "documents")
    st = io.read_table(parties_tables, "statements")
    sent = io.read_table(parties_tables, "sentiment")
    text = readings.caveats(docs, st, SIDES)
    assert f"**{len(docs)} documents**" in text and "3 of 47 documents have no date" in text
    n_lantern = int((st["side"] == "Lantern").sum())
    assert f"Lantern: {n_lantern} in" in text and "One document" not in text
    row = compare.compare_sides(sent, "vader_compound", *SIDES, n_boot=200, n_perm=200).iloc[0]
    line = readings.comparison_reading(row, "mean tone")
    assert f"{row['mean_a']:.2f}" in line and f"n = {int(row['n_a'])} statements" in line
    assert "resample whole documents" in line
    per = periods.assign_periods(docs)
    tone = periods.tone_by_period(sent, per, SIDES, views="own", n_boot=100)
    assert "no change over time can be read" in readings.period_reading(tone, "mean tone")


def test_caveats_of_one_document(seed_corpus):
    docs = seed_corpus["documents"]
    st = docs[["doc_id"]].assign(side="US", speaker="x", origin="quote")
    text = readings.caveats(docs, st, ["US", "Russia"])
    assert text.startswith("* **One document.**") and "Russia: none" in text and "No own words" in text
