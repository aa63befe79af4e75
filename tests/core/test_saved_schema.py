"""The tables the notebooks save per view (a leading ``view`` column) match their declared schema."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.core.schema import SAVED_BY_VIEW, TABLES, saved_columns, schema_problems
from analysis.measures import framing, sentiment, views

from conftest import ROOT

SIDES = ["Lantern", "Meadow"]


def _statements() -> pd.DataFrame:
    """Own words (readouts) and reported words (quotes, claims) of two sides in three documents, written for this test."""
    texts = [
        ("d1", "Lantern", "readout", "We agreed to expand trade and lower tariffs."),
        ("d1", "Lantern", "readout", "The talks on security were constructive."),
        ("d2", "Lantern", "claim", "Trade will grow, the minister said."),
        ("d2", "Meadow", "quote", "We will not accept these tariffs."),
        ("d3", "Meadow", "claim", "The security of the region comes first."),
        ("d3", "Lantern", "quote", "Peace talks will continue next week."),
        ("d3", "Meadow", "quote", "A fair trade deal is possible."),
    ]
    rows = [
        {
            "statement_id": f"{d}:{i}",
            "doc_id": d,
            "para_id": 0,
            "sent_id": i,
            "start": 0,
            "end": len(t),
            "speaker": None,
            "speaker_id": None,
            "side": side,
            "origin": origin,
            "text": t,
        }
        for i, (d, side, origin, t) in enumerate(texts)
    ]
    return pd.DataFrame(rows)


def test_per_view_tables_are_declared():
    for name, table in SAVED_BY_VIEW.items():
        assert table in TABLES, name
        assert list(saved_columns(name))[0] == "view"
    assert "frame_share_comparison" in TABLES and list(saved_columns("frame_share_comparison"))[0] == "view"


def test_per_view_tables_as_the_notebooks_make_them_match_their_schema():
    st = _statements()
    shown = views.views_shown(st, SIDES)
    assert shown == ("own", "reported")
    scores = sentiment.score_statements(st)
    by_side = views.by_view(scores, shown, lambda d: sentiment.summarize(d, groups=SIDES, n_boot=50))
    assert schema_problems(by_side, "sentiment_by_side") == []
    comparison = views.by_view(scores, shown, lambda d: sentiment.compare(d, *SIDES, n_boot=50, n_perm=50))
    assert schema_problems(comparison, "sentiment_comparison") == []
    presence = views.with_origin(framing.frame_presence(st, framing.frame_hits(st, "statement_id"), "statement_id"), st)
    fbs = views.by_view(presence, shown, lambda p: framing.frames_by_side(p, *SIDES))
    assert schema_problems(fbs, "frames_by_side") == []
    fd = views.by_view(presence, shown, lambda p: framing.frame_differences(p, *SIDES, n_perm=50))
    assert schema_problems(fd, "frame_differences") == []
    shares = views.share_comparisons(presence, *SIDES, ["economic"], shown, n_boot=50, n_perm=50)
    assert schema_problems(shares, "frame_share_comparison") == []
    assert schema_problems(by_side.drop(columns="view"), "sentiment_by_side"), "a per-view table without its view column is caught"


@pytest.mark.parametrize("name", [*SAVED_BY_VIEW, "frame_share_comparison"])
def test_saved_tables_in_data_processed_match_their_schema(name):
    path = ROOT / "data" / "processed" / f"{name}.parquet"
    if not path.is_file():
        pytest.skip(f"{path.name} not written yet (run the notebooks: make all)")
    assert schema_problems(pd.read_parquet(path), name) == []
