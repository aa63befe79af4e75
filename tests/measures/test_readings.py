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
    assert row["resampling"] == "within and between documents" and "relabels the documents that quote one" in line
    assert ("Described, not tested" in line) == bool(readings.too_thin(row))
    per = periods.assign_periods(docs)
    tone = periods.tone_by_period(sent, per, SIDES, views="own", n_boot=100)
    assert "no change over time can be read" in readings.period_reading(tone, "mean tone")


def test_caveats_of_one_document(seed_corpus):
    docs = seed_corpus["documents"]
    st = docs[["doc_id"]].assign(side="US", speaker="x", origin="quote")
    text = readings.caveats(docs, st, ["US", "Russia"])
    assert text.startswith("* **One document.**") and "Russia: none" in text and "No own words" in text


def test_views_on_the_parties_corpus(parties_tables):
    """Own and reported words apart: the views, the per-view comparison and its reading agree with the table."""
    from analysis.measures import views

    st = io.read_table(parties_tables, "statements")
    sent = io.read_table(parties_tables, "sentiment")
    shown = views.views_shown(st, SIDES)
    assert shown == ("own", "reported") and views.views_shown(st, SIDES, "pooled") == ("pooled",)
    table = views.by_view(sent, shown, lambda d: compare.compare_sides(d, "vader_compound", *SIDES, n_boot=200, n_perm=200))
    assert table["view"].tolist() == ["own", "reported"]
    own = table.iloc[0]
    assert own["n_a"] == int(((sent["side"] == "Lantern") & (sent["origin"] == "readout")).sum())
    note = readings.views_note(st, SIDES, shown)
    assert "apart" in note and f"Lantern {int(own['n_a'])}" in note
    text = readings.sentiment_reading(table.assign(measure="vader_compound", masked=False))
    assert "**The sides' own words" in text and "**What the news attributes" in text
    assert f"{own['mean_a']:.2f}" in text and f"n = {int(own['n_a'])} statements" in text
    clear = ((own["diff_low"] > 0) or (own["diff_high"] < 0)) and own["q_value"] < 0.05 and not readings.too_thin(own)
    first = text.split("**What the news")[0]
    assert ("is higher than" in first or "is lower than" in first) == clear


def test_no_own_words_means_reported_view_only():
    import pandas as pd

    from analysis.measures import views

    st = pd.DataFrame({"side": ["A", "B", "B"], "origin": ["claim", "quote", "claim"]})
    assert views.views_shown(st, ["A", "B"]) == ("reported",)
    assert "no document issued by either side" in readings.views_note(st, ["A", "B"], ("reported",))


def test_frame_shares_per_view(parties_tables):
    from analysis.measures import framing, views

    st = io.read_table(parties_tables, "statements")
    hits = io.read_table(parties_tables, "frame_hits")
    hits = hits[hits["unit_col"] == "statement_id"]
    presence = views.with_origin(framing.frame_presence(st, hits, "statement_id"), st)
    assert presence["origin"].notna().all()
    fid = hits["frame_id"].value_counts().index[0]
    shares = views.share_comparisons(presence, *SIDES, [fid], n_boot=100, n_perm=100)
    assert shares["view"].tolist() == ["own", "reported"]
    p = presence[(presence["frame_id"] == fid) & (presence["side"] == "Lantern") & (presence["origin"] == "readout")]
    assert abs(shares.iloc[0]["mean_a"] - p["present"].mean()) < 1e-12
    assert f"{shares.iloc[0]['mean_a']:.2f}" in readings.frames_reading(framing.frames_by_side(presence, *SIDES, n_boot=100), shares)


def test_summary_table_says_which_view(parties_tables):
    """A source table split by view gives summary rows per view, named and in the view column."""
    import pandas as pd

    from analysis.measures import synthesis
    from tests.measures.test_synthesis import tables

    t = tables()
    sc = t["sentiment_comparison"]
    t["sentiment_comparison"] = pd.concat([sc.assign(view="own"), sc.assign(view="reported")], ignore_index=True)
    s = synthesis.summary_table(t, "A", "B")
    sent = s[s.question == "sentiment"]
    assert set(sent["view"]) == {"own", "reported"}
    assert (sent["measure"].str.endswith("(own words)") == (sent["view"] == "own")).all()
    assert set(s.loc[s.question == "voice", "view"]) == {"reported"}
    assert s.loc[s.question == "frames", "view"].isna().all()


def test_no_reading_stronger_than_its_adjusted_test():
    """The issue's case: 0 of 5 against 3 of 7 in one document, and a family where q is large while the interval excludes zero."""
    import pandas as pd

    df = pd.DataFrame({"doc_id": "d", "side": ["A"] * 5 + ["B"] * 7, "x": [0.0] * 5 + [1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0]})
    row = compare.compare_sides(df, "x", "A", "B", n_perm=2000).iloc[0]
    assert round(row["diff_low"], 2) == -0.75 and round(row["diff_high"], 2) == 0.08  # Newcombe
    line = readings.comparison_reading(row, "share")
    assert line.startswith("Described, not tested") and "No inference is made" in line and "large" not in line
    big = dict(
        row,
        n_a=40,
        n_b=40,
        n_docs_a=8,
        n_docs_b=9,
        resampling="between documents",
        diff_low=-0.5,
        diff_high=-0.1,
        p_value=0.04,
        q_value=0.2,
    )
    line = readings.comparison_reading(big, "share")
    assert line.startswith("No clear difference") and "q = 0.200" in line and "so no difference is claimed" in line
    assert "Democrats' share" in readings.comparison_reading(dict(big, side_a="Democrats", q_value=0.01), "share")


def test_period_reading_names_no_direction_its_figures_do_not_show():
    """Shares that round to the same percentage are not said to rise; intervals use the estimate's precision."""
    import pandas as pd

    t = pd.DataFrame(
        {
            "side": "A",
            "period": ["2023", "2024"],
            "n": [20, 25],
            "n_docs": [8, 9],
            "voice_share": [0.031, 0.034],
            "ci_low": [0.0117, 0.0089],
            "ci_high": [0.0428, 0.0712],
            "thin": [False, False],
        }
    )
    line = readings.period_reading(t, "voice share")
    assert "voice share was 3% in 2023 (95% CI 1% to 4%;" in line and "and 3% in 2024 (1% to 7%;" in line
    assert "rose" not in line and "." not in line.split("CI ")[1].split(";")[0]
    rising = readings.period_reading(t.assign(voice_share=[0.03, 0.06]), "voice share")
    assert "voice share rose from 3% in 2023" in rising and "to 6% in 2024" in rising
