"""Notebook 06's summary table reads saved tables and recomputes nothing."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

from analysis.core.schema import TABLES, conform  # noqa: E402
from analysis.measures import synthesis as S  # noqa: E402
from analysis.viz import plots_synthesis  # noqa: E402


def tables():
    voice = pd.DataFrame(
        [
            {
                "level": "side",
                "group": g,
                "side": g,
                "n_docs": 1,
                "n_statements": n,
                "n_quotes": 1,
                "n_claims": 1,
                "quoted_words": q,
                "indirect_words": w - q,
                "attributed_words": w,
                "own_words": 0,
                "voice_share": w / 100,
                "voice_share_lo": 0.1,
                "voice_share_hi": 0.9,
                "direct_share": q / w,
                "direct_share_lo": 0.0,
                "direct_share_hi": 1.0,
            }
            for g, n, q, w in (("A", 3, 20, 40), ("B", 5, 30, 60))
        ]
    )
    sc = pd.DataFrame(
        [
            {
                "measure": "vader_compound",
                "masked": m,
                "value": "v",
                "side_a": "A",
                "side_b": "B",
                "n_a": 3,
                "mean_a": 0.1,
                "ci_low_a": -0.2,
                "ci_high_a": 0.4,
                "n_b": 5,
                "mean_b": 0.3,
                "ci_low_b": 0.0,
                "ci_high_b": 0.6,
                "difference": -0.2,
                "p_value": 0.5,
                "p_adjusted": 0.6,
                "cliffs_delta": -0.4,
                "effect_size": "medium",
            }
            for m in (False, True)
        ]
    )
    fb = pd.DataFrame(
        [
            {
                "side": s,
                "frame_id": "econ",
                "label": "Economic",
                "n_units": n,
                "n_present": 1,
                "share": sh,
                "share_lo": 0.0,
                "share_hi": 1.0,
                "n_words": 10,
                "n_hits": 1,
                "hits_per_100w": 10.0,
                "rate_lo": 0.0,
                "rate_hi": 20.0,
                "primary": True,
                "only_this_side": False,
            }
            for s, n, sh in (("A", 3, 1 / 3), ("B", 5, 0.2))
        ]
    )
    fd = pd.DataFrame(
        [
            {
                "frame_id": "econ",
                "label": "Economic",
                "side_a": "A",
                "side_b": "B",
                "n_a": 3,
                "n_b": 5,
                "share_a": 1 / 3,
                "share_b": 0.2,
                "diff": 2 / 15,
                "p_value": 1.0,
                "rate_delta": 0.1,
                "q_value": 1.0,
            }
        ]
    )
    emph = conform(None, "emphasis")
    ec = conform(None, "emphasis_comparison")
    return {
        "voice": voice,
        "sentiment_comparison": sc,
        "frames_by_side": fb,
        "frame_differences": fd,
        "emphasis": emph,
        "emphasis_comparison": ec,
    }


def test_summary_copies_the_saved_numbers():
    s = S.summary_table(tables(), "A", "B")
    assert list(s.columns) == list(TABLES["comparison_summary"]["columns"])
    v = s[(s.question == "voice") & (s.measure.str.startswith("voice share"))].set_index("side")
    assert v.loc["A", "estimate"] == 0.4 and v.loc["B", "n"] == 5 and abs(v.loc["A", "effect"] + 0.2) < 1e-12
    sent = s[(s.question == "sentiment")].set_index(["measure", "side"])
    r = sent.loc[("mean VADER compound (as scored)", "B")]
    assert (r["estimate"], r["ci_low"], r["effect"], r["p_value"]) == (0.3, 0.0, -0.4, 0.6)
    fr = s[s.question == "frames"].set_index("side")
    assert fr.loc["A", "estimate"] == 1 / 3 and fr.loc["A", "effect"] == 0.1
    assert set(s.question) == {"voice", "sentiment", "frames", "emphasis"}
    assert all(s.caveat.str.len() > 20)
    assert list(S.view(s).columns) == ["question", "view", "measure", "side", "n", "value", "effect", "p", "caveat"]


def test_figures_draw():
    s = S.summary_table(tables(), "A", "B")
    for q in S.QUESTIONS:
        assert plots_synthesis.plot_question(s, q, "A", "B").axes
    assert len(plots_synthesis.report_figure(s, "A", "B").axes) == 4
    plt.close("all")


def test_sentiment_leads_with_the_scorers_tone():
    t = tables()
    vader = t["sentiment_comparison"]
    tone = vader.assign(measure="tone", scorer="newsmtsc-linear", mean_b=0.25)
    t["sentiment_comparison"] = pd.concat([tone, vader], ignore_index=True)
    s = S.summary_table(t, "A", "B")
    sent = s[s.question == "sentiment"]
    assert list(dict.fromkeys(sent.measure)) == [
        "mean tone (newsmtsc-linear): as scored",
        "mean tone (newsmtsc-linear): topic terms masked",
    ]
    assert sent.loc[sent.side == "B", "estimate"].tolist() == [0.25, 0.25]
    fig = plots_synthesis.plot_question(s, "sentiment", "A", "B")
    assert fig.axes[0].get_xlabel().startswith("mean tone (newsmtsc-linear), -1..1")
    plt.close("all")
