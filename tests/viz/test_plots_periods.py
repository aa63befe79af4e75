"""The time figure: one panel per view with statements, legible at any number of periods."""

import pandas as pd

from analysis.measures import periods
from analysis.viz import plots_periods
from analysis.viz.figures import DPI


def _tables(n_periods: int, own: bool):
    docs = pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(n_periods)], "date": [f"{2000 + i // 12}-{i % 12 + 1:02d}-15" for i in range(n_periods)]}
    )
    per = periods.assign_periods(docs, "month")
    st = pd.DataFrame(
        {
            "doc_id": [d for d in docs["doc_id"] for _ in range(4)],
            "statement_id": [f"{d}:{k}" for d in docs["doc_id"] for k in range(4)],
            "side": ["A", "B", "A", "B"] * n_periods,
            "origin": (["readout", "claim", "quote", "claim"] if own else ["claim"] * 4) * n_periods,
            "n_words": [5, 6, 7, 8] * n_periods,
            "vader_compound": [0.1, -0.2, 0.3, 0.0] * n_periods,
        }
    )
    voice = periods.voice_by_period(st, per, ["A", "B"], n_boot=50)
    tone = periods.tone_by_period(st, per, ["A", "B"], n_boot=50)
    return voice, tone


def test_a_view_without_statements_gets_no_panel():
    assert len(plots_periods.plot_periods(*_tables(3, own=False), ["A", "B"]).axes) == 2
    assert len(plots_periods.plot_periods(*_tables(3, own=True), ["A", "B"]).axes) == 3


def test_many_periods_fit_a_page_and_label_at_most_a_dozen_ticks():
    fig = plots_periods.plot_periods(*_tables(60, own=True), ["A", "B"])
    assert fig.get_size_inches()[1] * DPI <= 2400
    assert len(fig.axes[-1].get_xticks()) <= plots_periods.MAX_TICKS
