"""Time: voice, tone and frames per side and period on the parties corpus (two years, three undated articles)."""

from __future__ import annotations

import pandas as pd

from analysis.core import store as io
from analysis.measures import periods

SIDES = ["Lantern", "Meadow"]


def _tables(path):
    return {n: io.read_table(path, n) for n in ("documents", "statements", "sentiment", "frame_hits")}


def test_period_choice_and_undated_documents(parties_tables):
    t = _tables(parties_tables)
    cov = periods.date_coverage(t["documents"])
    assert (cov["n_docs"], cov["n_dated"], cov["n_undated"], cov["period"], cov["n_periods"]) == (47, 44, 3, "quarter", 8)
    assert cov["undated"] == ["parties_news_44", "parties_news_45", "parties_news_46"]
    assert periods.date_coverage(t["documents"], "year")["n_periods"] == 2
    per = periods.assign_periods(t["documents"], "month")
    assert per["period"].isna().sum() == 3 and per["period"].dropna().nunique() == 24


def test_by_period_tables(parties_tables):
    t = _tables(parties_tables)
    per = periods.assign_periods(t["documents"])
    voice = periods.voice_by_period(t["statements"], per, SIDES, n_boot=200)
    assert len(voice) == 2 * 8 and voice["period"].tolist()[:8] == sorted(set(voice["period"]))
    assert (voice.groupby("period")["voice_share"].sum() <= 1 + 1e-9).all()
    assert (voice["resampling"] == "documents").all() and (voice["ci_low"] <= voice["voice_share"]).all()
    tone = periods.tone_by_period(t["sentiment"], per, SIDES, n_boot=200)
    assert set(tone["view"]) == {"own", "reported"} and len(tone) == 2 * 2 * 8
    reported = tone[tone["view"] == "reported"]
    assert (reported["n"] > 0).all() and not reported["thin"].all()
    own = tone[tone["view"] == "own"]
    assert own["thin"].all() and (own["n_docs"] <= 1).all()  # one statement at most per side and quarter: too thin
    # the undated articles are left out: n over periods equals the dated statements
    dated = t["statements"].merge(per, on="doc_id")
    dated = dated[dated["period"].notna() & dated["origin"].isin(["claim", "quote"]) & dated["side"].isin(SIDES)]
    assert reported["n"].sum() == len(dated)
    frames = periods.frames_by_period(t["statements"], t["frame_hits"], per, SIDES, top=3, views="reported", n_boot=200)
    assert frames.groupby(["side", "period"]).size().max() == 3
    assert frames["share"].between(0, 1).all()
    # deterministic
    again = periods.tone_by_period(t["sentiment"], per, SIDES, n_boot=200)
    pd.testing.assert_frame_equal(tone, again)
    assert periods.thin_periods(tone) == list(dict.fromkeys(tone["period"]))
