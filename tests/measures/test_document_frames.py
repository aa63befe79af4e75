"""Document-level frames and groups of documents, on text written for these tests."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import analysis
from analysis.core.errors import ArgumentError, InputError
from analysis.measures.codebook import load_frames
from analysis.measures.document_frames import decide, fit_calibration, frame_evidence, load_calibration
from analysis.measures.groups import assign_groups, compare_groups, parse_groups, summary_rows

CONFLICT = (
    "Opponents accused the council of lying, and critics vowed to fight the measure in court. "
    "The two sides clashed again on Tuesday, and the mayor rejected every argument of her rivals. "
)
ECONOMY = (
    "The scheme will cost billions of dollars, raise taxes on business and cut jobs, economists warned. "
    "Prices rose, the market fell, investors fled and the budget lost revenue. "
)
PLAIN = "The meeting took place in the town hall. It lasted an hour. "
VARIED = (  # ordinary reporting with a wider vocabulary, as a real article has
    "The committee met on a grey Thursday morning in the old library on Station Road. "
    "About forty residents came, some carrying folders of letters and maps drawn by hand. "
    "The chair opened with a summary of last spring's survey of the river banks and bridges. "
    "Engineers described the drainage work planned near the school, the bakery and the bus depot. "
    "A retired teacher asked when the footpath along the canal would reopen to walkers and cyclists. "
    "Officials answered that surveyors would visit again in October, weather permitting. "
)


def test_generic_codebook_has_the_five_frames_with_patterns():
    frames = load_frames("generic")
    assert [f.id for f in frames] == ["conflict", "economic", "human_interest", "morality", "resolution"]
    assert all(len(f.patterns) >= 20 for f in frames)
    assert load_frames("diplomacy") == load_frames("frames.yaml")


def test_codebook_path_and_bad_codebook(tmp_path):
    p = tmp_path / "mine.yaml"
    p.write_text("frames:\n  - id: weather\n    label: Weather\n    patterns: [rain, storm]\n", encoding="utf-8")
    assert [f.id for f in load_frames(str(p))] == ["weather"]
    t = analysis.document_frames({"a": "Rain and more rain."}, codebook=str(p))
    assert t.loc["a", "weather"] == 1  # no calibration: at least one hit
    with pytest.raises(InputError):
        load_frames(str(tmp_path / "missing.yaml"))


def test_document_frames_is_a_0_1_table_indexed_by_doc_id():
    texts = {"c": CONFLICT * 6, "e": ECONOMY * 2 + VARIED * 2, "p": PLAIN * 10}
    t = analysis.document_frames(texts)
    assert list(t.index) == ["c", "e", "p"] and set(t.columns) == {f.id for f in load_frames("generic")}
    assert set(t.to_numpy().ravel()) <= {0, 1}
    assert t.loc["c", "conflict"] == 1 and t.loc["e", "economic"] == 1
    assert t.loc["p"].sum() == 0 and t.loc["c", "economic"] == 0


def test_evidence_counts_different_patterns_not_repeats():
    e = frame_evidence({"a": "Critics, critics, critics.", "b": "Critics accused and blamed them."}, load_frames("generic"))
    assert e.loc["a", "conflict"] == 1 and e.loc["b", "conflict"] == 3


def test_a_frame_with_repeats_counts_each_pattern_up_to_that_many_times():
    frames = load_frames("generic")
    assert {f.id: f.repeats for f in frames}["economic"] == 3  # the others count different patterns
    e = frame_evidence({"a": "Costs, costs, costs, costs, costs.", "b": "Costs and taxes and prices."}, frames)
    assert e.loc["a", "economic"] == 3 and e.loc["b", "economic"] == 3


def test_human_interest_counts_a_persons_home_not_buildings_or_pronouns():
    frames = load_frames("generic")
    e = frame_evidence(
        {
            "official": "She said her plan would protect 2,000 homes from floods.",
            "family": "The flood forced them to leave their homes, and my home is gone, a father said.",
        },
        frames,
    )
    assert e.loc["official", "human_interest"] == 0  # a quoted official's pronouns, homes as buildings
    assert e.loc["family", "human_interest"] == 3  # their homes, my home, father


def test_morality_counts_reproach_prescription_and_religion_not_idioms():
    frames = load_frames("generic")
    e = frame_evidence(
        {
            "moral": (
                "The hypocrites fly to every summit, then lecture the voters on how to live and demand lifestyle changes. "
                "A theologian and the parish clergy read scripture on the duties of the faithful."
            ),
            "idiom": (
                "The senior lecturer said both firms had bargained in good faith, a leap of faith by virtue of "
                "the contract, and praised the virtues of the new lecture hall."
            ),
        },
        frames,
    )
    # hypocrites, lecture, how to live, lifestyle; theologian, clergy, scripture, duties, faithful
    assert e.loc["moral", "morality"] == 9
    assert e.loc["idiom", "morality"] == 0  # an academic post, idioms of trust and of means, a room


def test_bad_repeats_is_bad_input(tmp_path):
    p = tmp_path / "mine.yaml"
    p.write_text("frames:\n  - id: weather\n    repeats: 0\n    patterns: [rain]\n", encoding="utf-8")
    with pytest.raises(InputError, match="repeats"):
        load_frames(str(p))


def test_evidence_counts_the_lead_and_the_vocabulary():
    body = PLAIN * 3 + ECONOMY  # six plain sentences, then the economy
    e = frame_evidence({"a": ECONOMY + PLAIN * 3, "b": body}, load_frames("generic"))
    assert e.loc["a", "economic.lead_sentences"] > 0 and e.loc["b", "economic.lead_sentences"] == 0
    assert e.loc["b", "economic.lead_words"] == e.loc["b", "economic"]  # shorter than the lead words
    assert e.loc["a", "n_types"] == e.loc["b", "n_types"] < e.loc["a", "n_words"]


def test_calibration_is_monotone_in_evidence_and_refits_to_the_coded_share():
    w = load_calibration("generic")
    assert w is not None and all(v[1] > 0 for v in w.values())  # more patterns in the document, more likely
    ev = pd.DataFrame({"n_words": [400] * 8, "x": [0, 0, 1, 1, 2, 4, 6, 8]}, index=list("abcdefgh"))
    coded = pd.DataFrame({"x": [0, 0, 0, 1, 0, 1, 1, 1]}, index=ev.index)
    fitted = fit_calibration(ev, coded, ["x"])
    flagged = decide(ev, fitted, ["x"])["x"]
    assert flagged.sum() == coded["x"].sum()  # as many flagged as coded
    assert flagged.tolist() == sorted(flagged.tolist())  # more evidence never loses the frame


def test_groups_parse_assign_and_compare():
    spec = parse_groups("leaning=left:l1+l2,right:r1")
    docs = pd.DataFrame({"doc_id": list("abcdef"), "leaning": ["l1", "l2", "l1", "r1", "r1", None]})
    g = assign_groups(docs, spec).set_axis(docs["doc_id"])
    assert g.tolist() == ["left", "left", "left", "right", "right", None]
    values = pd.DataFrame({"frame:x": [1, 1, 0, 0, 0, 1], "tone": [0.5, 0.4, 0.3, -0.2, -0.1, 0.0]}, index=list("abcdef"))
    t = compare_groups(values, g, spec, binary=["frame:x"], n_perm=200).set_index("measure")
    assert (t.loc["frame:x", "n_a"], t.loc["frame:x", "n_b"]) == (3, 2)  # the document in neither group is left out
    assert math.isclose(t.loc["frame:x", "diff"], 2 / 3)
    assert t.loc["frame:x", "diff_lo"] < t.loc["frame:x", "diff"] < t.loc["frame:x", "diff_hi"]
    assert t.loc["tone", "kind"] == "mean" and t.loc["tone", "diff"] > 0
    assert (t["q_value"] >= t["p_value"]).all()
    rows = summary_rows(t.reset_index())
    assert len(rows) == 4 and set(rows["side"]) == {"left", "right"}


@pytest.mark.parametrize("bad", ["leaning", "leaning=a", "leaning=a,a", "=a,b", "leaning=a+b,b", "leaning=a,b,c"])
def test_bad_groups_are_argument_errors(bad):
    with pytest.raises(ArgumentError):
        parse_groups(bad)


def test_unknown_field_is_an_argument_error():
    with pytest.raises(ArgumentError, match="country"):
        assign_groups(pd.DataFrame({"doc_id": ["a"], "leaning": ["x"]}), parse_groups("country=a,b"))
