"""Tests for the scorer interface (analysis.measures.sentiment), the tone model and the sentiment validation helpers.

Every sentence here is written for the tests; NewsMTSC is read only by the benchmarks.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis.core.errors import InputError
from analysis.core.schema import TABLES
from analysis.measures import sentiment as se
from analysis.measures import sentiment_validation as sv
from analysis.measures import tonemodel as tm

ROOT = Path(__file__).resolve().parents[2]

TEXTS = [
    "The talks were very good and productive.",
    "We are not happy with the sanctions.",
    "Kyiv will not go unpunished.",
    "The meeting lasted four and a half hours.",
    "A permanent end to the war is a terrible idea, and a disaster for everyone!",
    "",
]


def test_scorers_interface():
    assert se.DEFAULT_SCORER in se.SCORERS
    assert set(se.SCORERS) >= {"vader", "afinn", "newsmtsc-linear"}
    for name in se.SCORERS:
        out = se.score_texts(TEXTS, scorer=name)
        assert list(out.columns) == list(se.SCORE_COLUMNS)
        assert (out["scorer"] == name).all()
        for sfx in ("", "_masked"):
            assert out[f"tone{sfx}"].between(-1, 1).all()
            assert set(out[f"tone_label{sfx}"]) <= {"negative", "neutral", "positive"}
    with pytest.raises(ValueError, match="unknown sentiment scorer"):
        se.score_texts(TEXTS, scorer="nope")


def test_existing_columns_unchanged_by_scorer():
    base = se.score_texts(TEXTS, scorer="vader")
    for name in se.SCORERS:
        out = se.score_texts(TEXTS, scorer=name)
        pd.testing.assert_frame_equal(out.drop(columns=list(se.TONE_COLUMNS)), base.drop(columns=list(se.TONE_COLUMNS)))


def test_vader_and_afinn_tone():
    out = se.score_texts(TEXTS, scorer="vader")
    assert out["tone"].tolist() == out["vader_compound"].tolist()
    assert out["tone_label"].tolist() == out["vader_label"].tolist()
    out = se.score_texts(TEXTS, scorer="afinn")
    assert out["tone_label"].tolist() == out["afinn_sum"].map(se.afinn_label).tolist()
    assert np.all(np.diff(np.sign(out["tone"])) == np.diff(np.sign(out["afinn_sum"])))


def test_linear_model_reads_direction():
    out = se.score_texts(
        ["The talks were very good, productive and constructive.", "It was a terrible, shameful disaster."], scorer="newsmtsc-linear"
    )
    assert out["tone"].iloc[0] > 0 > out["tone"].iloc[1]
    assert out["tone_label"].tolist() == ["positive", "negative"]


def test_masking_applies_to_tone():
    s = se.score_text("a permanent end to the war", scorer="vader")
    assert s["tone"] == s["vader_compound"] and s["tone_masked"] == 0.0


def test_sentiment_table_declares_tone_columns():
    cols = TABLES["sentiment"]["columns"]
    assert all(c in cols for c in se.TONE_COLUMNS)


def test_tokens_and_features():
    assert tm.tokens("Not good. Good!") == ["not", "not_good", ".", "good", "!"]
    assert tm.tokens("won’t help") == ["won't", "not_help"]
    assert tm.features(["a", "b", "a"]) == ["a", "b", "a b", "b a"]


def test_name_like_words():
    names = tm.name_like_words(["Then Quorra spoke.", "Yes, Quorra agreed.", "And then it rained."])
    assert "quorra" in names and "then" not in names


def _toy_data():
    texts = ["good deal", "great good talks", "bad deal", "awful bad talks", "the talks", "a deal"] * 4
    y = np.array([2, 2, 0, 0, 1, 1] * 4)
    comp = [0.4, 0.8, -0.5, -0.8, 0.0, 0.0] * 4
    sums = [3.0, 6.0, -3.0, -6.0, 0.0, 0.0] * 4
    return texts, y, comp, sums


def test_fit_predict_agree_and_round_trip():
    texts, y, comp, sums = _toy_data()
    vl, al = {"good": 1.9, "great": 3.1, "bad": -2.5, "awful": -2.0}, {"good": 3, "great": 3, "bad": -3, "awful": -3}
    X, L, vocab = tm.design(texts, comp, sums, vl, al)
    mean, scale = tm.standardise(L)
    W, b = tm.fit(X, (L - mean) / scale, y, lam=0.01)
    P = tm.probabilities(W, b, X, (L - mean) / scale)
    assert (P.argmax(axis=1) == y).all()
    params = tm.to_dict(vocab, W, b, mean, scale, {"name": "toy"})
    text = tm.dumps(params)
    assert json.loads(text) == params
    model = tm.ToneModel.from_dict(json.loads(text)).with_lexicons(vl, al)
    for i, t in enumerate(texts[:6]):
        tone, label = model.predict(t, comp[i], sums[i])
        assert label == tm.CLASSES[y[i]]
        assert tone == pytest.approx(P[i, 2] - P[i, 0], abs=1e-3)
    # deterministic: fitting again gives the same file
    W2, b2 = tm.fit(X, (L - mean) / scale, y, lam=0.01)
    assert tm.dumps(tm.to_dict(vocab, W2, b2, mean, scale, {"name": "toy"})) == text


def test_shipped_model_file():
    text = (ROOT / "analysis" / "resources" / tm.MODEL_FILE).read_text(encoding="utf-8")
    params = json.loads(text)
    meta = params["metadata"]
    assert meta["license"].startswith("MIT") and "fit_tone_model.py" in meta["command"]
    assert "date" not in json.dumps(meta).lower()
    assert params["classes"] == list(tm.CLASSES)


def test_scoring_speed():
    """The tone model at most triples the cost of scoring (CPU time, relative to VADER + AFINN alone, so machine load matters little)."""
    import time

    rng = np.random.default_rng(0)
    words = "the talks were good and productive but not without serious problems for both sides said officials".split()
    texts = [" ".join(rng.choice(words, 25)) + f" {i}." for i in range(3000)]
    se.score_texts(texts[:10], scorer="newsmtsc-linear")
    cost = {}
    for name in ("vader", "newsmtsc-linear"):
        se._text_scorer.cache_clear()
        t0 = time.process_time()
        se.score_texts(texts, scorer=name)
        cost[name] = time.process_time() - t0
    assert cost["newsmtsc-linear"] < 3 * cost["vader"], cost


# --------------------------------------------------------------------------- validation helpers


def _write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")


def _record(gid: str, text: str, *pols: float) -> dict:
    return {
        "primary_gid": gid,
        "sentence_normalized": text,
        "targets": [{"Input.gid": f"{gid}" if i == 0 else f"{gid}-{i}", "polarity": p} for i, p in enumerate(pols)],
    }


def test_read_newsmtsc(tmp_path):
    f = tmp_path / "x.jsonl"
    _write_jsonl(
        f, [_record("a", "Quorra did well.", 6.0), _record("b", "Quorra and Tron argued.", 2.0, 4.0), _record("c", "It rained.", 4.0, 4.0)]
    )
    df = sv.read_newsmtsc(f)
    assert df["sentence_id"].tolist() == ["a", "c"] and df["label"].tolist() == ["positive", "neutral"]
    assert sv.read_newsmtsc(f, consistent_only=False)["label"].tolist() == ["positive", "negative", "neutral"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"x": 1}\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonl: line 1"):
        sv.read_newsmtsc(bad)


def test_agreement_perfect_and_paired():
    gold = ["negative", "neutral", "positive"] * 10
    tone = np.array([-0.5, 0.0, 0.5] * 10)
    r = sv.agreement(tone, gold, gold, n_boot=200)
    assert r["spearman"] == pytest.approx(1.0) and r["macro_f1"] == 1.0 and r["accuracy"] == 1.0 and r["n"] == 30
    d = sv.paired_difference(tone, gold, tone, gold, gold, n_boot=200)
    assert d["spearman"] == 0.0 and d["spearman_low"] == 0.0 and d["spearman_high"] == 0.0


def test_validation_table_and_paragraph():
    t = sv.validation_table()
    assert set(se.SCORERS) <= set(t["scorer"])
    assert {"split", "scorer", "kind", "subset", "n", "spearman_low", "macro_f1_high"} <= set(t.columns)
    text = sv.validation_paragraph()
    assert "judged by people" in text and "target" in text and "95% interval" in text
    assert "No validation figures" in sv.validation_paragraph("unknown")


def test_default_scorer_best_validated():
    t = sv.validation_table()
    for split in ("devtest_rw", "devtest_rw_disjoint"):
        rw = t.loc[(t["split"] == split) & (t["kind"] == "scored") & (t["subset"] == "all") & t["offered"]].set_index("scorer")
        assert rw.loc[se.DEFAULT_SCORER, "spearman"] == rw["spearman"].max()
        assert rw.loc[se.DEFAULT_SCORER, "macro_f1"] >= rw.loc["vader", "macro_f1"]
    # chosen on train folds: the default scorer ranks best there too
    cv = t.loc[(t["split"] == "train_cv") & t["offered"]].set_index("scorer")
    assert cv.loc[se.DEFAULT_SCORER, "spearman"] == cv["spearman"].max()


def test_eval_script_skips_without_data(tmp_path):
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "eval_sentiment.py"), "--newsmtsc", str(tmp_path / "absent")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0 and "skipped" in res.stdout


def test_eval_script_on_tiny_data(tmp_path):
    recs = [
        _record("a", "The talks were very good.", 6.0),
        _record("b", "The war was a terrible disaster.", 2.0),
        _record("c", "The meeting lasted an hour.", 4.0),
        _record("d", "Peace is a wonderful goal.", 6.0),
    ]
    for split in sv.SPLITS:
        _write_jsonl(tmp_path / f"{split}.jsonl", recs)
    # train shares the article of "a" and "b" (ids: source_article_event_...), not of "c" and "d"
    recs = [_record(f"src_1_1_{i}", "The talks were very good.", 6.0) for i in range(2)]
    recs += [_record("src_2_1_0", "It rained.", 4.0), _record("src_3_1_0", "A bad day.", 2.0)]
    _write_jsonl(tmp_path / "train.jsonl", recs)
    for split in sv.SPLITS:
        _write_jsonl(
            tmp_path / f"{split}.jsonl",
            [
                _record("src_1_1_5", "The talks were very good.", 6.0),
                _record("src_2_1_7", "The war was a terrible disaster.", 2.0),
                _record("src_8_1_1", "The meeting lasted an hour.", 4.0),
                _record("src_9_1_2", "Peace is a wonderful goal.", 6.0),
                _record("src_9_1_3", "Nothing happened.", 4.0),
            ],
        )
    out = tmp_path / "v.csv"
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "eval_sentiment.py"), "--newsmtsc", str(tmp_path), "--out", str(out), "--n-boot", "50"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr
    t = sv.validation_table(out)
    assert set(t["kind"]) == {"scored", "masked", "masked_minus_scored", "minus_vader"}
    assert set(t["split"]) == {"train_cv", "devtest_rw", "devtest_rw_disjoint", "devtest_mt", "devtest_mt_disjoint"}
    disjoint = t.loc[(t["split"] == "devtest_rw_disjoint") & (t["kind"] == "scored") & (t["subset"] == "all")]
    assert (disjoint["n"] == 3).all()  # the two sentences of articles in train are left out
    assert (out.parent / "sentiment_length.csv").is_file()
    assert out.read_text(encoding="utf-8").startswith("# ")
