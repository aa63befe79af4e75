"""Frames, distinctive vocabulary and the validation round-trip (issue 5), on hand-made units."""

from __future__ import annotations

import math
import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from analysis.core import schema
from analysis.core.errors import InputError
from analysis.measures.framing import (
    codebook_table,
    compile_pattern,
    frame_differences,
    frame_hits,
    frame_presence,
    frames_by_side,
    kwic,
    load_frames,
    one_sided_frames,
    parse_codebook,
    primary_frames,
)
from analysis.measures.validation import (
    codebook_coding,
    coding_disagreements,
    export_coding_sample,
    frame_agreement,
    read_coded,
)
from analysis.measures.vocabulary import content_words, distinctive_words, log_odds_dirichlet
from analysis.viz.plots_framing import plot_frame_profile
from analysis.viz.plots_vocabulary import plot_distinctive_words


def _units(texts, sides=None, doc_id="d", id_col="statement_id", gap=3):
    """Units laid out in one synthetic body, with their offsets; returns (units, body)."""
    body, starts = "", []
    for t in texts:
        starts.append(len(body))
        body += t + " " * gap
    ids = [f"s{i}" for i in range(len(texts))] if id_col == "statement_id" else list(range(len(texts)))
    df = pd.DataFrame({"doc_id": doc_id, id_col: ids, "start": starts, "text": texts})
    df["end"] = df["start"] + df["text"].str.len()
    if sides is not None:
        df["side"] = sides
    return df, body


def _frames_of(hits, unit_id):
    return sorted(set(hits.loc[hits["unit_id"] == unit_id, "frame_id"]))


# ----------------------------------------------------------------------------- codebook


def test_codebook_loads_and_documents_every_frame():
    frames = load_frames()
    ids = [f.id for f in frames]
    assert len(ids) == len(set(ids)) >= 15
    for required in (
        "diplomatic_relations",
        "peace_negotiation",
        "territory_sovereignty",
        "security_guarantees",
        "economic",
        "cooperation",
        "exclusion_legitimacy",
        "punishment_morality",
    ):
        assert required in ids
    for f in frames:
        assert f.label and f.description and f.adapted_from and f.patterns
    t = codebook_table()
    assert list(t.columns) == list(schema.TABLES["frame_codebook"]["columns"])
    assert set(t["role"]) == {"pattern", "exclusion"}


def test_pattern_syntax():
    assert compile_pattern("Embassies").elements == (("stem", "embassi"),)
    assert compile_pattern("negotiat*").elements == (("prefix", "negotiat"),)
    assert compile_pattern("=diplomats").elements == (("exact", "diplomats"),)
    with pytest.raises(InputError):
        compile_pattern("ab*")
    with pytest.raises(InputError):
        compile_pattern("_ war")
    with pytest.raises(InputError):
        parse_codebook({"frames": [{"id": "Bad Id", "patterns": ["x"]}]})
    with pytest.raises(InputError):
        parse_codebook({"frames": [{"id": "a", "patterns": ["x"]}, {"id": "a", "patterns": ["y"]}]})


# ----------------------------------------------------------------------------- hits


HAND = [
    "Rubio said both sides agreed to restore their embassies and send a high-level team to negotiate peace.",
    "Waltz wants a permanent end to the war, and there will be discussion of territory and security guarantees.",
    "Lavrov spoke of removing artificial barriers to mutually advantageous economic cooperation.",
    "The ministry described the visit as unfreezing diplomatic relations.",
    "The U.S. and Russia did not invite Ukraine; Kyiv will not go unpunished, as the Bible says.",
    "National Security Advisor Mike Waltz arrived on Tuesday.",
    "The weather in Riyadh was mild.",
]


def test_hand_made_sentences_get_the_expected_frames():
    units, _ = _units(HAND)
    h = frame_hits(units)
    assert list(h.columns) == list(schema.TABLES["frame_hits"]["columns"])
    assert _frames_of(h, "s0") == ["diplomatic_relations", "peace_negotiation"]
    assert _frames_of(h, "s1") == ["peace_negotiation", "security_guarantees", "territory_sovereignty"]
    assert _frames_of(h, "s2") == ["cooperation", "economic"]
    assert _frames_of(h, "s3") == ["diplomatic_relations"]
    assert _frames_of(h, "s4") == ["exclusion_legitimacy", "punishment_morality"]
    # a job title is excluded, and nothing fires on an unrelated sentence
    assert _frames_of(h, "s5") == []
    assert _frames_of(h, "s6") == []


def test_longest_match_and_exclusions():
    units, _ = _units(["They want security guarantees and peace talks, not security theatre."])
    h = frame_hits(units)
    got = list(zip(h["frame_id"], h["text"]))
    # "security guarantees" counts once, for security_guarantees only (excluded from security_defense)
    assert ("security_guarantees", "security guarantees") in got
    assert ("security_defense", "security") in got  # the second, unrelated "security"
    assert sum(t == "security guarantees" for _, t in got) == 1
    # "peace talks" is one hit, not "peace" plus "peace talks"
    assert [t for f, t in got if f == "peace_negotiation"] == ["peace talks"]


def test_offsets_index_the_body_and_kwic_is_context():
    units, body = _units(HAND, id_col="sent_id")
    h = frame_hits(units, "sent_id", bodies={"d": body}, window=25)
    assert len(h) > 10
    for r in h.itertuples():
        assert body[r.start : r.end] == r.text
        assert r.kwic_left == re.sub(r"\s+", " ", body[max(0, r.start - 25) : r.start])
        assert r.kwic_right == re.sub(r"\s+", " ", body[r.end : r.end + 25])
        assert len(r.kwic_left) <= 25 and len(r.kwic_right) <= 25
    assert set(h["unit_col"]) == {"sent_id"}
    # without bodies the context stays inside the unit, offsets are still absolute
    h2 = frame_hits(units, "sent_id", window=25)
    assert h2[["start", "end", "text"]].equals(h[["start", "end", "text"]])
    first = h2.iloc[0]
    unit = units.loc[units["sent_id"].astype(str) == first["unit_id"]].iloc[0]
    assert unit["text"].startswith(first["kwic_left"].lstrip()) or first["kwic_left"] in unit["text"]


def test_kwic_view_joins_side():
    units, _ = _units(HAND[:3], sides=["A", "A", "B"])
    v = kwic(frame_hits(units), units, columns=["side", "missing_col"])
    assert {"side", "left", "keyword", "right"} <= set(v.columns)
    assert set(v.loc[v["frame_id"] == "economic", "side"]) == {"B"}


def test_empty_units_give_empty_tables():
    empty = pd.DataFrame({"doc_id": [], "statement_id": [], "start": [], "text": []})
    h = frame_hits(empty)
    assert h.shape == (0, len(schema.TABLES["frame_hits"]["columns"]))
    p = frame_presence(empty, h)
    assert len(p) == 0


def test_frame_hits_is_fast_enough():
    import time

    units, _ = _units(HAND * 300)
    t0 = time.perf_counter()
    h = frame_hits(units)
    assert time.perf_counter() - t0 < 5.0  # ~2,100 units, ~35,000 tokens
    assert len(h) == 300 * len(frame_hits(_units(HAND)[0]))


def test_units_cut_anywhere_in_the_body_get_the_hits_of_the_unit_alone():
    # frame_hits matches a unit found in its body as a range of the body's scan; a unit
    # whose ends cut a token, or that is not where ``start`` says, is matched alone.
    # Either way the hits (not the context) are those of the unit's own text.
    import random

    _, body = _units(HAND + ["Non-security talks; re-negotiation of the U.S.-Russia end to the war."], gap=2)
    rnd = random.Random(7)
    rows = []
    for k in range(400):
        a = rnd.randrange(len(body))
        b = min(len(body), a + rnd.randrange(1, 160))
        start = a + rnd.choice([0, 0, 0, 0, -1, 1, -40])  # some units are not at their place
        rows.append({"doc_id": "d", "statement_id": f"u{k}", "start": start, "text": body[a:b]})
    for k, cut in enumerate(["security talks", "restore their embass", "U.S.-Russia en"]):
        # cut inside a token: "Non-|security", "embass|ies", "en|d"
        at = body.index(cut)
        rows.append({"doc_id": "d", "statement_id": f"cut{k}", "start": at, "text": cut})
    units = pd.DataFrame(rows)
    cols = ["unit_id", "frame_id", "pattern", "start", "end", "text"]
    with_body = frame_hits(units, bodies={"d": body})
    alone = pd.concat([frame_hits(units.iloc[[i]]) for i in range(len(units))], ignore_index=True)
    assert len(with_body) > 100
    assert with_body[cols].equals(alone[cols])
    at_place = [s >= 0 and body.startswith(t, s) for s, t in zip(units["start"], units["text"])]
    assert 0 < sum(at_place) < len(at_place)
    for r in with_body.itertuples():
        assert r.kwic_left == re.sub(r"\s+", " ", body[max(0, r.start - 40) : r.start])
        assert r.kwic_right == re.sub(r"\s+", " ", body[r.end : r.end + 40])


def test_tokens_are_those_of_word_spans_with_unusual_characters():
    from analysis.core.text import word_spans
    from analysis.measures.frame_matching import _tokenize

    # combining marks, superscripts, connector punctuation and joiners are where the
    # ``re`` and ``regex`` engines disagree on \w; the tokens must not change
    for s in [
        "Peace talks ended.",
        "Zelenskyy’s team — “security guarantees” — in Kyïv",
        "Cafe\u0301 diplomacy and re\u0301sume\u0301 talks",
        "x² sanctions, a‿b and zero\u200dwidth joiner, \u0660\u0661 digits",
        "",
    ]:
        starts, ends, tokens = _tokenize(s)
        spans = word_spans(s)
        assert list(zip(starts, ends)) == spans
        assert tokens == [s[a:b] for a, b in spans]


def test_collapsed_context_is_the_regex_substitution():
    from analysis.measures.frame_matching import _collapse

    for s in ["a b", "a  b", "a\tb", "a\xa0b", " a\n\n b ", "a\u2009b", "x\u3000\u3000y", "", "plain"]:
        assert _collapse(s) == re.sub(r"\s+", " ", s)
    # the shortcut's premise: every whitespace character but the space is not printable
    assert all(not chr(c).isprintable() for c in range(0x110000) if chr(c).isspace() and c != 0x20)


# ----------------------------------------------------------------------------- per side


def _side_tables():
    texts = [
        "Restoring embassies was agreed.",  # A: diplomatic
        "A permanent end to the war is the goal.",  # A: peace
        "Security guarantees and territory will be discussed.",  # A: security, territory
        "Economic cooperation and investment matter.",  # B: economic, cooperation
        "Unfreezing diplomatic relations.",  # B: diplomatic
        "The aggressors will be punished.",  # B: punishment
    ]
    units, _ = _units(texts, sides=["A", "A", "A", "B", "B", "B"])
    units["n_words"] = [len(t.split()) for t in texts]
    return units, frame_presence(units, frame_hits(units))


def test_frame_presence_covers_every_unit_and_frame():
    units, p = _side_tables()
    assert list(p.columns) == list(schema.TABLES["frame_presence"]["columns"])
    assert len(p) == len(units) * len(load_frames())
    row = p[(p.unit_id == "s3") & (p.frame_id == "economic")].iloc[0]
    assert row.present and row.n_hits == 2 and row.n_words == 5 and row.side == "B"


def test_frames_by_side_shares_rates_primary_and_one_sided():
    _, p = _side_tables()
    t = frames_by_side(p, "A", "B", n_boot=300)
    assert list(t.columns) == list(schema.TABLES["frames_by_side"]["columns"])
    dip = t.set_index(["side", "frame_id"]).loc[("A", "diplomatic_relations")]
    assert dip.n_units == 3 and dip.n_present == 1 and math.isclose(dip.share, 1 / 3)
    assert dip.share_lo <= dip.share <= dip.share_hi
    assert math.isclose(dip.hits_per_100w, 100 * 1 / (4 + 9 + 7))
    assert dip.rate_lo <= dip.hits_per_100w <= dip.rate_hi
    prim = primary_frames(t)
    assert prim == {"A": "diplomatic_relations", "B": "diplomatic_relations"}  # all tie at 1/3: rate, then codebook order
    one = one_sided_frames(t)
    assert set(map(tuple, one[["side", "frame_id"]].values)) == {
        ("A", "peace_negotiation"),
        ("A", "security_guarantees"),
        ("A", "territory_sovereignty"),
        ("B", "economic"),
        ("B", "cooperation"),
        ("B", "punishment_morality"),
    }
    # same seed, same intervals
    assert t.equals(frames_by_side(p, "A", "B", n_boot=300))
    # sides are parameters: swapping them swaps the rows, nothing is side-specific
    swapped = frames_by_side(p, "B", "A", n_boot=300)
    assert swapped["side"].iloc[0] == "B"


def test_frame_differences_and_profile_figure():
    _, p = _side_tables()
    d = frame_differences(p, "A", "B", n_perm=300)
    assert list(d.columns) == list(schema.TABLES["frame_differences"]["columns"])
    assert (d["q_value"] >= d["p_value"] - 1e-12).all()
    econ = d.set_index("frame_id").loc["economic"]
    assert econ.share_a == 0 and math.isclose(econ.share_b, 1 / 3) and econ.rate_delta < 0
    fig = plot_frame_profile(frames_by_side(p, "A", "B", n_boot=100), "A", "B")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["A (n = 3)", "B (n = 3)"]
    assert len(ax.get_yticklabels()) == 7  # frames used by at least one side
    import matplotlib.pyplot as plt

    plt.close(fig)


# ----------------------------------------------------------------------------- vocabulary


def test_log_odds_hand_computed():
    # counts: A peace 3, war 1 (n_a = 4); B peace 1, war 3 (n_b = 4)
    # pooled prior: alpha_peace = alpha_war = 4, alpha_0 = 8
    # delta_peace = log((3+4)/(4+8-3-4)) - log((1+4)/(4+8-1-4)) = log(7/5) - log(5/7) = 2 log 1.4
    # var = 1/(3+4) + 1/(1+4) = 12/35;  z = 2 log 1.4 / sqrt(12/35)
    t = log_odds_dirichlet({"peace": 3, "war": 1}, {"peace": 1, "war": 3}).set_index("word")
    assert math.isclose(t.loc["peace", "delta"], 0.6729444732424258, rel_tol=1e-12)
    assert math.isclose(t.loc["peace", "var"], 12 / 35, rel_tol=1e-12)
    assert math.isclose(t.loc["peace", "z"], 1.1492714809, rel_tol=1e-9)  # 0.6729445 / 0.5855400
    assert math.isclose(t.loc["war", "z"], -t.loc["peace", "z"], rel_tol=1e-12)


def test_log_odds_second_hand_example_with_explicit_prior():
    # A: a 2, b 0 (n_a = 2); B: a 0, b 1 (n_b = 1); background prior a 1, b 3 rescaled to alpha_0 = 2
    # alpha_a = 0.5, alpha_b = 1.5
    # delta_a = log(2.5 / (2+2-2-0.5)) - log(0.5 / (1+2-0-0.5)) = log(2.5/1.5) - log(0.5/2.5) = log(25/3)
    # var_a = 1/2.5 + 1/0.5 = 2.4
    t = log_odds_dirichlet({"a": 2}, {"b": 1}, prior={"a": 1, "b": 3}, alpha0=2).set_index("word")
    assert math.isclose(t.loc["a", "prior"], 0.5)
    assert math.isclose(t.loc["a", "delta"], math.log(25 / 3), rel_tol=1e-12)
    assert math.isclose(t.loc["a", "z"], math.log(25 / 3) / math.sqrt(2.4), rel_tol=1e-12)
    # delta_b = log(1.5/(2+2-0-1.5)) - log(2.5/(1+2-1-1.5)) = log(0.6) - log(5)
    assert math.isclose(t.loc["b", "delta"], math.log(0.6) - math.log(5), rel_tol=1e-12)
    with pytest.raises(ValueError):
        log_odds_dirichlet({"a": 1}, {"c": 1}, prior={"a": 1})


def test_content_words_and_distinctive_words_table():
    assert content_words("The US and Russia’s economic ties, in 2025.") == ["us", "russia", "economic", "ties"]
    units, _ = _units(
        ["Economic cooperation and economic investment.", "Economic barriers.", "Peace and territory.", "Peace now."],
        sides=["B", "B", "A", "A"],
    )
    t = distinctive_words(units, "A", "B")
    assert list(t.columns) == list(schema.TABLES["distinctive_words"]["columns"])
    top = t.set_index("word")
    assert top.loc["economic", "count_b"] == 3 and top.loc["economic", "favours"] == "B"
    assert top.loc["economic", "rank"] == 1
    assert top.loc["peace", "favours"] == "A" and top.loc["peace", "rank"] == 1
    assert (t["count_total"] == t["count_a"] + t["count_b"]).all()
    fig = plot_distinctive_words(t, "A", "B", top=3)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    labels = {tx.get_text() for tx in ax.texts}
    assert {"economic", "peace"} <= labels
    import matplotlib.pyplot as plt

    plt.close(fig)


# ----------------------------------------------------------------------------- validation


def test_validation_round_trip(tmp_path):
    sents, _ = _units(HAND, id_col="sent_id")
    path = export_coding_sample(sents, tmp_path / "sample.csv", n=5, seed=7)
    sheet = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame_ids = [f.id for f in load_frames()]
    assert list(sheet.columns) == ["doc_id", "sent_id", "text", "coder", *frame_ids, "notes"]
    assert len(sheet) == 5 and (sheet[frame_ids] == "").all().all()
    # seeded: same sample again, another seed another sample (almost surely)
    again = pd.read_csv(export_coding_sample(sents, tmp_path / "again.csv", n=5, seed=7), dtype=str, keep_default_na=False)
    assert again.equals(sheet)
    # an uncoded sheet reads as nothing coded
    assert len(read_coded(path)) == 0
    # code it: agree with the codebook everywhere except one cell
    cb = codebook_coding(sents)
    for i, r in sheet.iterrows():
        sheet.at[i, "coder"] = "ann"
        for f in frame_ids:
            v = cb[(cb.sent_id == int(r.sent_id)) & (cb.frame_id == f)]["coded"].iloc[0]
            sheet.at[i, f] = "1" if v else ""
    first_economic = sheet.index[0]
    sheet.at[first_economic, "economic"] = "x" if sheet.at[first_economic, "economic"] == "" else "0"
    sheet.to_csv(path, index=False)
    coded = read_coded(path)
    assert list(coded.columns) == list(schema.TABLES["frame_coding"]["columns"])
    assert len(coded) == 5 * len(frame_ids)
    agr = frame_agreement(coded, cb).set_index("frame_id")
    assert list(agr.reset_index().columns) == list(schema.TABLES["frame_agreement"]["columns"])
    assert (agr["n_units"] == 5).all()
    assert agr.loc["economic", "percent_agreement"] == pytest.approx(0.8)
    others = agr.drop(index="economic")
    assert ((others["alpha"] == 1.0) | others["alpha"].isna()).all()
    assert set(others.loc[others["alpha"].isna(), "reading"]) <= {"undefined"}
    dis = coding_disagreements(coded, cb, sents)
    assert len(dis) == 1 and dis["frame_id"].iloc[0] == "economic" and "text" in dis


def test_alpha_on_toy_table_matches_hand_value():
    # 2 raters x 4 units, values (1,1) (0,0) (1,0) (0,0): nominal alpha = 1 - D_o/D_e
    # coincidences: n = 8, n_1 = 3, n_0 = 5; D_o = 2 disagreeing pairable values / 8 = 0.25 ... alpha = 1 - (n-1) * o_10 / (n_1 n_0)
    # o_10 = 1 (one unit with 1 and 0, weight 1/(m-1) = 1, counted once per ordered pair -> 2 ordered, 1 each way)
    # alpha = 1 - (8 - 1) * 2 / (2 * 3 * 5) = 1 - 14/30 = 0.5333
    hand = pd.DataFrame(
        {"doc_id": "d", "sent_id": [0, 1, 2, 3], "coder": "ann", "frame_id": "economic", "coded": [True, False, True, False]}
    )
    cb = hand.assign(coder="codebook", coded=[True, False, False, False])
    a = frame_agreement(hand, cb).iloc[0]
    assert a.alpha == pytest.approx(1 - 14 / 30)
    assert a.reading == "one coder: agreement with the codebook, not reliability" and a.coders == "ann (hand); codebook"
    assert a.n_hand == 2 and a.n_codebook == 1 and a.n_both == 1
    two = pd.concat([hand, hand.assign(coder="bob")], ignore_index=True)
    assert frame_agreement(two, cb).iloc[0].reading.startswith("coders not shown independent")
    assert frame_agreement(two, cb, independent=True).iloc[0].reading in ("reliable", "tentative", "unreliable")


def test_read_coded_rejects_bad_files(tmp_path):
    p = tmp_path / "bad.csv"
    p.write_text("doc_id,sent_id,coder,economic\nd,0,ann,maybe\n", encoding="utf-8")
    with pytest.raises(InputError, match="maybe"):
        read_coded(p)
    p.write_text("doc_id,sent_id,coder,not_a_frame\nd,0,ann,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="not_a_frame"):
        read_coded(p)
    p.write_text("doc_id,coder,economic\nd,ann,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="sent_id"):
        read_coded(p)


# ----------------------------------------------------------------------------- the seed article


def test_seed_article_frames_as_the_text_says(seed_corpus):
    """Done criterion, at sentence level: who says what in the seed (statements come from another module)."""
    s = seed_corpus["sentences"]
    h = frame_hits(s, "sent_id")

    def frames_where(fragment):
        sid = s.loc[s["text"].str.contains(fragment, regex=False), "sent_id"]
        assert len(sid) == 1, fragment
        return set(h.loc[h["unit_id"] == str(sid.iloc[0]), "frame_id"])

    assert {"diplomatic_relations", "peace_negotiation"} <= frames_where("restoring embassies")  # Rubio
    assert {"peace_negotiation", "territory_sovereignty", "security_guarantees"} <= frames_where("security guarantees")  # Waltz
    assert "peace_negotiation" in frames_where("permanent end to the war")  # Waltz
    assert {"economic", "cooperation"} <= frames_where("artificial barriers")  # Lavrov
    assert "economic" in frames_where("Russian Direct Investment Fund")  # Lavrov
    assert frames_where("unfreezing diplomatic relations") == {"diplomatic_relations"}  # Russian MFA readout
    assert "punishment_morality" in frames_where("unpunished")  # Lavrov
    assert "exclusion_legitimacy" in frames_where("did not invite")
    assert frames_where("National Security Advisor") == set()  # a job title, not a security frame


def test_shipped_coded_example_reads_and_agrees(seed_corpus, root):
    coded = read_coded(root / "data" / "validation" / "coded_example.csv")
    assert set(coded["coder"]) == {"framing-engineer"}
    agr = frame_agreement(coded, codebook_coding(seed_corpus["sentences"])).set_index("frame_id")
    assert (agr["n_units"] == len(seed_corpus["sentences"])).all()
    for f in ("diplomatic_relations", "economic", "territory_sovereignty", "security_guarantees"):
        assert agr.loc[f, "alpha"] >= 0.8, f


def test_agreement_ignores_sentences_missing_from_the_codebook():
    hand = pd.DataFrame({"doc_id": "other", "sent_id": [0, 1], "coder": "ann", "frame_id": "economic", "coded": [True, False]})
    cb = pd.DataFrame({"doc_id": "d", "sent_id": [0], "coder": "codebook", "frame_id": "economic", "coded": [True]})
    a = frame_agreement(hand, cb).iloc[0]
    assert a.n_units == 0 and math.isnan(a.alpha) and a.reading == "undefined"


def test_shipped_coding_sheet_is_skipped_for_another_codebook_under_a_study_override(tmp_path, monkeypatch):
    # a study's own frames.yaml (two frames of our own) overrides the shipped diplomacy codebook;
    # a sheet coded for the shipped diplomacy codebook is then skipped, not an error, with --codebook generic
    from analysis.core.resources import clear_caches
    from analysis.measures.framing import codebook_summary, load_frames
    from analysis.measures.validation import coded_for_codebook

    (tmp_path / "frames.yaml").write_text(
        "# Study codebook written for this test.\nframes:\n  - id: money\n    patterns: [cost]\n  - id: weather\n    patterns: [storm]\n",
        encoding="utf-8",
    )
    sheet = tmp_path / "coded.csv"
    sheet.write_text("doc_id,sent_id,text,coder,diplomatic_relations,economic\nd,0,Talks went well.,me,1,0\n", encoding="utf-8")
    monkeypatch.setenv("ANALYSIS_RESOURCES", str(tmp_path))
    clear_caches()
    try:
        assert coded_for_codebook(sheet, load_frames("generic")).empty
        assert "*generic*" in codebook_summary("generic") and "5 frames" in codebook_summary("generic")
        assert "2 frames: money, weather" in codebook_summary("diplomacy")
    finally:
        monkeypatch.delenv("ANALYSIS_RESOURCES")
        clear_caches()
