"""The evidence view: every statement, quote and claim highlighted at its exact offsets, in its side's colour.

Built from a scratch corpus: the seed, the hand-written US/China test corpus (two
readouts whose sentences contain claims) and a hand-written article with CRLF line
ends, markup characters and quotes credited to no one.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.notebook.report import render
from analysis.pipeline.build import build
from analysis.viz import evidence
from analysis.viz.figures import NO_SIDE_COLOR, side_colors

from conftest import RAW, ROOT, chromium_probe, chromium_screenshot, needs_chromium

TRICKY = (
    '---\ndoc_id: evidence_tricky-1\ntitle: "Test <article> & friends"\ndate: 2024-03-01\nkind: news\n'
    "source: hand-written test article\n---\n"
    'Senator Ana Ruiz said that the budget "is <not> a game & never was" and that talks would resume.\r\n\r\n'
    'A spokesman for the ministry told reporters the plan was "dead on arrival."\r\n\r\n'
    '"We will not move," Ruiz said. Blinken said China was "a partner" in Bangkok.\r\n'
)
SIDES = ["US", "Russia"]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(processed folder, tables) of the scratch corpus."""
    tmp = tmp_path_factory.mktemp("evidence")
    raw = tmp / "raw"
    raw.mkdir()
    for f in [*RAW.glob("*.md"), *(ROOT / "tests" / "corpora" / "us_china").glob("*.md")]:
        shutil.copy(f, raw / f.name)
    (raw / "tricky.md").write_bytes(TRICKY.encode("utf-8"))
    out = tmp / "processed"
    tables = build(raw, out, progress=False)
    return out, tables


@pytest.fixture(scope="module")
def pages(built, tmp_path_factory):
    out, _ = built
    folder = tmp_path_factory.mktemp("pages") / "evidence"
    return folder, evidence.write_evidence(out, folder, SIDES)


class _Spans(HTMLParser):
    """The text of the ``#body`` element and every span piece in it: (attrs, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0  # >0 inside #body
        self.text: list[str] = []
        self.stack: list[dict] = []
        self.pieces: list[tuple[dict, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.depth:
            self.depth += 1
            self.stack.append({"attrs": a, "text": []})
        elif a.get("id") == "body":
            self.depth = 1

    def handle_endtag(self, tag):
        if not self.depth:
            return
        self.depth -= 1
        if self.depth:
            piece = self.stack.pop()
            self.pieces.append((piece["attrs"], "".join(piece["text"])))

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            for p in self.stack:
                p["text"].append(data)


def parse(page: str) -> _Spans:
    p = _Spans()
    p.feed(page)
    return p


def _marks_by_id(pieces):
    out: dict[str, list] = {}
    for attrs, text in pieces:
        out.setdefault(attrs["data-mark"], []).append((int(attrs["data-start"]), int(attrs["data-end"]), attrs, text))
    return out


def test_one_page_per_document_with_the_body_verbatim(built, pages):
    out, tables = built
    folder, entries = pages
    docs = tables["documents"]
    assert [e["doc_id"] for e in entries] == docs["doc_id"].tolist()
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{d}.html" for d in docs["doc_id"])
    for doc in docs.to_dict("records"):
        p = parse((folder / f"{doc['doc_id']}.html").read_text(encoding="utf-8"))
        assert "".join(p.text) == doc["body"], doc["doc_id"]
        for attrs, text in p.pieces:
            assert doc["body"][int(attrs["data-start"]) : int(attrs["data-end"])] == text
    tricky = (folder / "evidence_tricky-1.html").read_text(encoding="utf-8")
    assert "\r" not in tricky and "&#13;" in tricky, "a CR is kept as a character reference"
    assert "is &lt;not&gt; a game &amp; never was" in tricky and "Test &lt;article&gt; &amp; friends" in tricky


def test_every_statement_quote_and_claim_is_marked_with_speaker_rule_and_cue(built, pages):
    out, tables = built
    folder, _ = pages
    n_checked = 0
    for doc_id in tables["documents"]["doc_id"]:
        page = (folder / f"{doc_id}.html").read_text(encoding="utf-8")
        marks = _marks_by_id(parse(page).pieces)
        spans = {}
        for pieces in marks.values():
            layer = pieces[0][2]["class"].split()[0][3:]
            spans.setdefault((layer, pieces[0][0], pieces[-1][1]), []).append(pieces)
            assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:])), "pieces of one mark are contiguous"
        for r in tables["statements"][tables["statements"]["doc_id"] == doc_id].to_dict("records"):
            (pieces,) = spans[("statement", r["start"], r["end"])]
            title = pieces[0][2]["title"]
            assert r["statement_id"] in title and f"speaker: {r['speaker']}" in title
            assert pieces[-1][2]["data-label"] == r["speaker"]
            n_checked += 1
        for r in tables["claims"][tables["claims"]["doc_id"] == doc_id].to_dict("records"):
            (pieces,) = spans[("claim", r["start"], r["end"])]
            title = pieces[0][2]["title"]
            assert f"claim #{r['claim_id']} · rule: {r['rule']}" in title and f"“{r['cue']}”" in title and str(r["source"]) in title
            assert any(f"cue of claim #{r['claim_id']}" in p[0][2]["title"] for p in spans[("cue", r["cue_start"], r["cue_end"])])
            n_checked += 1
        for r in tables["quotes"][tables["quotes"]["doc_id"] == doc_id].to_dict("records"):
            (pieces,) = spans[("quote", r["start"], r["end"])]
            title = pieces[0][2]["title"]
            assert f"quote #{r['quote_id']}" in title and f"rule: {evidence._val(r['rule'])}" in title
            if r["kind"] == "term" or pd.isna(r["speaker"]):
                assert "not a statement" in title and "ev-nostatement" in pieces[0][2]["class"]
            n_checked += 1
    assert n_checked > 60


def test_nested_spans_show_the_enclosing_attribution_too(pages, built):
    folder, _ = pages
    st = built[1]["statements"]
    marks = _marks_by_id(parse((folder / "china_readout_bangkok.html").read_text(encoding="utf-8")).pieces)
    claim = next(p for p in marks.values() if p[0][2]["class"].startswith("ev-claim"))
    title = claim[0][2]["title"]
    assert title.index("claim #0") < title.index("statement china_readout_bangkok:1 · readout sentence")
    # the seed's claim 3 ends one character before its quote 3: the longer quote is the outer span
    marks = _marks_by_id(parse((folder / "riyadh_2025_news.html").read_text(encoding="utf-8")).pieces)
    (quote3,) = [p for p in marks.values() if p[0][2]["title"].startswith("quote #3 ")]
    (claim3,) = [p for p in marks.values() if p[0][2]["title"].startswith("claim #3 ")]
    assert [(s, e) for s, e, *_ in quote3] == [(1552, 1632)] and [(s, e) for s, e, *_ in claim3] == [(1552, 1631)]
    title = claim3[0][2]["title"]
    (sid,) = st.loc[(st["doc_id"] == "riyadh_2025_news") & (st["start"] == 1552), "statement_id"]
    assert title.index("claim #3") < title.index("quote #3") < title.index(f"statement {sid}")


def test_side_colours_are_the_figures_colours(pages):
    folder, _ = pages
    page = (folder / "bangkok_news.html").read_text(encoding="utf-8")
    colors = side_colors(SIDES + ["China", "Ukraine"])  # compared sides first, then by statements
    assert f".s0 {{ --c: {colors['US']};" in page and f".s1 {{ --c: {colors['Russia']};" in page
    assert f".s2 {{ --c: {colors['China']};" in page and f".sx {{ --c: {NO_SIDE_COLOR};" in page
    assert 'class="ev-statement s2"' in page  # Wang Yi speaks for China


def test_pages_are_self_contained_deterministic_and_stale_pages_go(built, pages, tmp_path):
    out, _ = built
    folder, entries = pages
    again = evidence.write_evidence(out, tmp_path / "evidence", SIDES)
    for a, b in zip(entries, again):
        assert a["path"].read_bytes() == b["path"].read_bytes()
        page = a["path"].read_text(encoding="utf-8")
        assert not re.search(r"<script|<link|<img|@import|url\(|src=", page)
        assert re.findall(r'href="(https?:[^"]*)"', page) == [], "no external address (documents here have no url)"
    (tmp_path / "evidence" / "gone.html").write_text("old", encoding="utf-8")
    evidence.write_evidence(out, tmp_path / "evidence", SIDES)
    assert not (tmp_path / "evidence" / "gone.html").exists()


def test_report_index_links_every_evidence_page(built, tmp_path):
    out, tables = built
    paths = render([ROOT / "notebooks" / "01_corpus.ipynb"], tmp_path / "reports", tmp_path / "figures", out)
    index = paths[-1].read_text(encoding="utf-8")
    for doc_id in tables["documents"]["doc_id"]:
        assert f'href="evidence/{doc_id}.html"' in index
        assert (tmp_path / "reports" / "evidence" / f"{doc_id}.html").is_file()
    assert "bangkok_news" in (tmp_path / "reports" / "evidence" / "china_readout_bangkok.html").read_text(encoding="utf-8")


_LAYER = st.sampled_from(evidence.LAYERS)
_TEXT = st.text(alphabet="ab <&\"'\r\n\u00a0é", min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(body=_TEXT, data=st.data())
def test_any_overlap_renders_well_nested_with_exact_offsets(body, data):
    n = len(body)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n), _LAYER, st.sampled_from(["A", None])), max_size=8))
    marks = [
        {
            "id": f"m{i}",
            "start": min(a, b),
            "end": max(a, b),
            "layer": layer,
            "side": side,
            "title": f"t{i}",
            "statement": True,
            "label": None,
        }
        for i, (a, b, layer, side) in enumerate(spans)
    ]
    p = parse(f'<div id="body">{evidence.render_body(body, marks, {"A": "s0"})}</div>')
    assert "".join(p.text) == body
    got = _marks_by_id(p.pieces)
    for m in marks:
        if m["end"] == m["start"]:
            assert m["id"] not in got
            continue
        pieces = sorted(got[m["id"]])
        assert pieces[0][0] == m["start"] and pieces[-1][1] == m["end"]
        assert "".join(t for *_, t in pieces) == body[m["start"] : m["end"]]
        assert all(body[s:e] == t for s, e, _, t in pieces)


def test_safe_names_for_any_doc_id():
    assert evidence.safe_name("a.b_c-1") == "a.b_c-1"
    assert evidence.safe_name("..") != evidence.safe_name(".")
    assert re.fullmatch(r"[A-Za-z0-9._-]+", evidence.safe_name("ü/../x"))


# --- in a browser -------------------------------------------------------------------------------

PROBE = """() => {
  const body = document.getElementById("body");
  const spans = Array.from(body.querySelectorAll("span[data-mark]"));
  const first = body.querySelector("span.ev-statement.s0");
  return {
    text: body.textContent,
    n: spans.length,
    pieces: spans.map(s => [s.dataset.start, s.dataset.end, s.textContent, s.className, s.title]),
    bg: first ? getComputedStyle(first).backgroundColor : null,
    label: first ? getComputedStyle(first.parentElement.querySelector("[data-label]") || first, "::after").content : null,
  };
}"""


@needs_chromium
def test_evidence_page_renders_in_chromium(built, pages, tmp_path):
    """Chromium's DOM holds the body verbatim and every highlighted span with its hover text; the colours are drawn."""
    out, tables = built
    folder, _ = pages
    doc = tables["documents"].set_index("doc_id").loc["riyadh_2025_news"]
    page = folder / "riyadh_2025_news.html"
    result, dom = chromium_probe(page, tmp_path, PROBE)
    assert result["text"] == doc["body"]
    assert result["n"] == len(parse(page.read_text(encoding="utf-8")).pieces)
    for start, end, text, _cls, _title in result["pieces"]:
        assert doc["body"][int(start) : int(end)] == text
    titles = " ".join(p[4] for p in result["pieces"])
    for r in tables["claims"][tables["claims"]["doc_id"] == "riyadh_2025_news"].to_dict("records"):
        assert f"claim #{r['claim_id']} · rule: {r['rule']}" in titles and r["source"] in titles
    assert result["bg"] == "rgba(31, 90, 150, 0.16)", "the US statement shading is the figures' US colour"
    assert "Marco Rubio" in result["label"]
    assert 'class="ev-statement s1"' in dom and 'title="statement riyadh_2025_news:5' in dom


@needs_chromium
def test_evidence_screenshot_shows_each_side_colour(pages, tmp_path):
    """A screenshot has pixels of each speaking side's colour (the statement labels are drawn in it)."""
    from PIL import Image

    folder, _ = pages
    shot = chromium_screenshot(folder / "riyadh_2025_news.html", tmp_path)
    colors = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 20)
    seen = {c for _, c in colors}
    for side in ("US", "Russia", "Ukraine"):
        hexa = side_colors(SIDES + ["China", "Ukraine"])[side]  # the corpus order: China has more statements
        rgb = tuple(int(hexa[i : i + 2], 16) for i in (1, 3, 5))
        assert rgb in seen, f"no {side} pixels ({hexa}) in the screenshot"


def test_report_command_writes_evidence_or_says_why_not(built, tmp_path, capsys):
    from analysis.notebook.report import main

    out, _ = built
    nb = str(ROOT / "notebooks" / "01_corpus.ipynb")
    common = ["--out", str(tmp_path / "r"), "--figures", str(tmp_path / "f"), nb]
    assert main(["--processed", str(tmp_path / "nothing"), *common]) == 0
    assert "evidence pages skipped" in capsys.readouterr().err
    assert not (tmp_path / "r" / "evidence").exists()
    assert main(["--processed", str(out), "--sides", "US,China", *common]) == 0
    assert "wrote 5 evidence page(s)" in capsys.readouterr().out
    page = (tmp_path / "r" / "evidence" / "bangkok_news.html").read_text(encoding="utf-8")
    assert f".s1 {{ --c: {side_colors(['US', 'China'])['China']};" in page, "--sides orders the colours"
