"""Corpus-level tables (extract_document) and the statements table."""

from pathlib import Path

from analysis.core.corpus import read_document, segment
from analysis.core.schema import TABLES
from analysis.extraction.extract import extract_document
from analysis.extraction.statements import build_statements

ROOT = Path(__file__).resolve().parents[2]


def _seed():
    doc = read_document(ROOT / "data" / "raw" / "000_33fa0b3c9e7b0adc.md")
    seg = segment(doc)
    return doc, seg["paragraphs"], seg["sentences"]


def test_extract_document_columns_and_location():
    doc, paras, sents = _seed()
    t = extract_document(doc, paras, sents)
    for name in ("mentions", "actors", "quotes", "claims"):
        assert list(t[name].columns) == list(TABLES[name]["columns"])
        assert (t[name]["doc_id"] == doc["doc_id"]).all()
    body = doc["body"]
    for r in t["quotes"].itertuples():
        assert body[r.start : r.end] == r.text
        s = sents[sents["sent_id"] == r.sent_id].iloc[0]
        assert s["start"] <= r.start < s["end"] or r.start >= s["start"]
        assert s["para_id"] == r.para_id


def test_statements_news_counts_overlap_once():
    doc, paras, sents = _seed()
    t = extract_document(doc, paras, sents)
    st = build_statements(doc, sents, t["quotes"], t["claims"])
    assert list(st.columns) == list(TABLES["statements"]["columns"])
    spans = sorted(zip(st["start"], st["end"]))
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    assert set(st["origin"]) <= {"quote", "claim"}
    assert {"US", "Russia", "Ukraine"} <= set(st["side"].dropna())
    assert ((st["position"] >= 0) & (st["position"] <= 1)).all()
    for r in st.itertuples():
        assert doc["body"][r.start : r.end] == r.text


def test_statements_readout_every_sentence():
    doc = {
        "doc_id": "r1",
        "kind": "readout",
        "side": "Russia",
        "source": "Russian Foreign Ministry",
        "body": "The ministers met in Riyadh.\n\nThey agreed to restore embassies. Talks will go on.",
    }
    sents = segment(doc)["sentences"]
    st = build_statements(doc, sents, None, None)
    assert len(st) == len(sents) == 3
    assert set(st["origin"]) == {"readout"} and set(st["side"]) == {"Russia"}
    assert st["speaker"].tolist() == ["Russian Foreign Ministry"] * 3
    assert st["position"].iloc[0] == 0.0
