"""Figures fit a page at any corpus size: a dozen rows at most, an "others" bar, short labels, bounded height."""

import io
import struct

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from analysis.viz import plots_emphasis, plots_framing, plots_sentiment, plots_synthesis, plots_voice  # noqa: E402
from analysis.viz.figures import DPI, LABEL_WIDTH, MAX_HEIGHT_PX, MAX_ROWS, SAVE_RC, shorten  # noqa: E402

LONG = "Spokesperson for the Committee on Questions of Unusually Long Institutional Names"


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def saved_px(fig) -> tuple[int, int]:
    """Width and height in pixels of ``fig`` saved as PNG the way save_figure saves it."""
    buf = io.BytesIO()
    with matplotlib.rc_context(SAVE_RC):
        fig.savefig(buf, format="png", dpi=DPI, bbox_inches="tight")
    return struct.unpack(">II", buf.getvalue()[16:24])


def tick_labels(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def voice_rows(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(1)
    words = rng.integers(5, 400, n)
    words[0] = 1000  # the actor with the long name has the most words
    direct = (words * rng.uniform(0, 1, n)).astype(int)
    actors = pd.DataFrame(
        {
            "level": "actor",
            "group": [LONG if i == 0 else f"Speaker {i:03d}" for i in range(n)],
            "side": [["Blue party", "Green party", None][i % 3] for i in range(n)],
            "n_statements": rng.integers(1, 20, n),
            "n_quotes": rng.integers(0, 10, n),
            "n_claims": rng.integers(0, 10, n),
            "attributed_words": words,
            "direct_words": direct,
            "quoted_words": direct,
        }
    )
    actors["voice_share"] = actors["attributed_words"] / actors["attributed_words"].sum()
    sides = pd.DataFrame(
        {"level": "side", "group": ["Blue party", "Green party"], "side": ["Blue party", "Green party"], "n_statements": [50, 40]}
    ).assign(n_quotes=0, n_claims=0, attributed_words=0, direct_words=0, quoted_words=0, voice_share=[0.5, 0.4])
    return pd.concat([sides, actors], ignore_index=True)


def test_shorten_cuts_long_labels_with_an_ellipsis():
    assert shorten("Economic") == "Economic"
    cut = shorten(LONG)
    assert len(cut) <= LABEL_WIDTH and cut.endswith("…") and LONG.startswith(cut[:-1])


def test_voice_share_with_150_actors_has_a_dozen_rows_and_others():
    fig = plots_voice.plot_voice_share(voice_rows(150), ["Blue party", "Green party"])
    labels = tick_labels(fig.axes[0])
    assert len(labels) == MAX_ROWS
    assert labels[-1] == f"others ({150 - MAX_ROWS + 1} actors)"
    assert all(len(t) <= LABEL_WIDTH for t in labels)
    assert shorten(LONG) in labels  # the top actor, its name shortened
    assert saved_px(fig)[1] <= MAX_HEIGHT_PX


def test_voice_share_with_few_actors_has_no_others_row():
    fig = plots_voice.plot_voice_share(voice_rows(5), ["Blue party", "Green party"])
    labels = tick_labels(fig.axes[0])
    assert len(labels) == 5 and not any(t.startswith("others") for t in labels)


def test_voice_share_legend_tells_speakers_without_a_side_from_unrecovered_speakers():
    rows = voice_rows(5)
    legend = [t.get_text() for t in plots_voice.plot_voice_share(rows, ["Blue party", "Green party"]).axes[0].get_legend().get_texts()]
    assert any(t.startswith("no side") for t in legend) and "no speaker recovered" not in legend
    unknown = rows.iloc[[-1]].assign(group="(unknown)", side=None, n_statements=0, attributed_words=0, direct_words=0, quoted_words=4)
    legend = [
        t.get_text()
        for t in plots_voice.plot_voice_share(pd.concat([rows, unknown], ignore_index=True), ["Blue party", "Green party"])
        .axes[0]
        .get_legend()
        .get_texts()
    ]
    assert "no speaker recovered" in legend


def emphasis_tables(n_docs: int, n_topics: int = 20, n_sent: int = 30):
    rng = np.random.default_rng(2)
    pres, table = [], []
    for d in range(n_docs):
        for t in range(n_topics):
            ranks = np.flatnonzero(rng.uniform(size=n_sent) < 0.1) + 1
            fid = f"topic_{t:02d}"
            label = LONG if t == 0 else f"Topic {t}"
            for r in range(1, n_sent + 1):
                pres.append(
                    {"level": "document", "doc_id": f"doc{d:04d}", "frame_id": fid, "rank": r, "n_units": n_sent, "present": r in ranks}
                )
            first = (ranks[0] - 1) / (n_sent - 1) if len(ranks) else np.nan
            table.append(
                {
                    "level": "document",
                    "doc_id": f"doc{d:04d}",
                    "frame_id": fid,
                    "label": label,
                    "present": bool(len(ranks)),
                    "first_pos": first,
                }
            )
    return pd.DataFrame(pres), pd.DataFrame(table)


@pytest.mark.parametrize("n_docs", [1, 4, 200])
def test_topic_positions_layout_follows_the_number_of_documents(n_docs):
    presence, table = emphasis_tables(n_docs)
    fig = plots_emphasis.plot_topic_positions(presence, table)
    assert saved_px(fig)[1] <= MAX_HEIGHT_PX
    if n_docs == 1:
        assert len(fig.axes) == 1 and fig.axes[0].get_xlabel().startswith("sentence of doc0000")
    elif n_docs == 4:
        assert len(fig.axes) == 4  # small multiples, one panel per document
        assert all(len(tick_labels(ax)) <= MAX_ROWS for ax in fig.axes)
    else:
        ax = fig.axes[0]
        assert len(fig.axes) == 1 and len(tick_labels(ax)) == MAX_ROWS  # one distribution per topic
        assert "across 200 documents" in ax.get_title(loc="left")
    for ax in fig.axes:
        assert all(len(t.split(" (n = ")[0]) <= LABEL_WIDTH for t in tick_labels(ax))


def test_frame_profile_keeps_a_dozen_frames():
    fids = [f"f{i:02d}" for i in range(21)]
    by_side = pd.DataFrame(
        [
            {
                "side": s,
                "frame_id": f,
                "label": LONG if i == 0 else f"Frame {i}",
                "n_present": i + 1,
                "n_units": 900,
                "share": (i + 1) / 900,
                "share_lo": 0.0,
                "share_hi": 0.1,
            }
            for s in ("A", "B")
            for i, f in enumerate(fids)
        ]
    )
    fig = plots_framing.plot_frame_profile(by_side, "A", "B")
    labels = tick_labels(fig.axes[0])
    assert len(labels) == MAX_ROWS and "Frame 20" in labels and "Frame 1" not in labels
    assert saved_px(fig)[1] <= MAX_HEIGHT_PX


def test_synthesis_panel_keeps_a_dozen_measures():
    rows = [
        {"question": "emphasis", "side": s, "measure": f"position: topic {i}", "estimate": 0.5, "ci_low": 0.4, "ci_high": 0.6, "n": 10}
        for s in ("A", "B")
        for i in range(30)
    ]
    fig = plots_synthesis.plot_question(pd.DataFrame(rows), "emphasis", "A", "B")
    assert len(tick_labels(fig.axes[0])) == MAX_ROWS and "18 more" in fig.axes[0].get_title(loc="left")
    assert saved_px(fig)[1] <= MAX_HEIGHT_PX


def test_sentiment_distribution_of_many_statements_is_drawn_as_violins():
    rng = np.random.default_rng(3)
    n = 3000
    s = pd.DataFrame({"side": rng.choice(["A", "B"], n), "vader_compound": rng.uniform(-1, 1, n)})
    s["vader_compound_masked"] = s["vader_compound"]
    fig = plots_sentiment.plot_distribution(s, ["A", "B"], column="vader_compound")
    assert not any(c.__class__.__name__ == "PathCollection" and len(c.get_offsets()) > 100 for c in fig.axes[0].collections)
    assert "violin" in fig.axes[0].get_ylabel()
