"""The evidence view: one HTML page per document with every attribution highlighted in the text.

A researcher checks the extraction by reading: each statement (the unit the
notebooks compare: a quote or claim content in the news, a sentence of a
readout) is shaded in its side's colour (:func:`analysis.viz.figures.side_colors`,
grey for no side); inside it, claim contents are underlined, quotes shaded
darker, and the speaker mention and reporting verb (cue) each attribution rests
on are outlined. Hovering a span shows who speaks, for which side, with which
rule and cue, for that span and every span around it. Scare-quoted terms and
quotes nobody is credited with are shown too (dotted, grey), since they are
not statements.

Every span carries ``data-start``/``data-end``, character offsets into the
document body, and the text inside the body element is exactly the body
(``body[start:end]`` for every span): overlapping spans (a claim that contains
a quote, a merged statement that crosses a cue) are split into well-nested
pieces that share a ``data-mark`` id. Pages are self-contained (inline CSS, no
script, no external resource) and byte-identical for the same tables.

>>> body = 'Lavrov said "we agree" today.'
>>> st = pd.DataFrame([{"statement_id": "d:0", "doc_id": "d", "start": 13, "end": 21, "text": "we agree",
...     "speaker": "Sergey Lavrov", "side": "Russia", "origin": "quote", "n_words": 2}])
>>> q = pd.DataFrame([{"doc_id": "d", "quote_id": 0, "start": 13, "end": 21, "text": "we agree",
...     "speaker": "Sergey Lavrov", "side": "Russia", "speaker_start": 0, "speaker_end": 6,
...     "cue": "said", "cue_start": 7, "cue_end": 11, "kind": "full", "rule": "subject"}])
>>> html_body = render_body(body, document_marks(body, st, q, None), {"Russia": "s0"})
>>> html_body.count('data-mark="m'), 'data-start="13" data-end="21"' in html_body
(4, True)
"""

from __future__ import annotations

import ast
import hashlib
import html
import json
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import quote as urlquote

import pandas as pd

from .figures import NO_SIDE_COLOR, side_colors

__all__ = [
    "LAYERS",
    "side_order",
    "side_classes",
    "side_css",
    "document_marks",
    "render_body",
    "safe_name",
    "render_document",
    "sides_from_notebooks",
    "write_evidence",
    "index_section",
]

#: Layers from outermost to innermost: for spans with the same offsets, the outer layer opens first.
LAYERS = ("statement", "claim", "quote", "speaker", "cue")
NO_SIDE = "sx"  # CSS class of marks without a side

_CSS = """
body { max-width: 980px; margin: 0 auto; padding: 1rem 2rem; font-family: sans-serif; color: #222; }
nav { font-size: 0.9rem; margin-bottom: 1rem; }
table { border-collapse: collapse; font-size: 0.85rem; }
th, td { text-align: left; padding: 0.15rem 0.5rem; border-bottom: 1px solid #e3e3e3; vertical-align: top; }
.ev-meta th { color: #555; font-weight: normal; }
.ev-legend { margin: 0.8rem 0; font-size: 0.9rem; line-height: 2; }
.ev-legend span { margin-right: 0.6rem; }
.ev-body { white-space: pre-wrap; line-height: 1.9; font-family: Georgia, serif; font-size: 1.02rem;
  border-top: 1px solid #ddd; border-bottom: 1px solid #ddd; padding: 0.8rem 0; }
.ev-body span[title] { cursor: help; }
.ev-statement { background: var(--bg); border-radius: 2px; }
.ev-statement[data-label]::after { content: attr(data-label); font: 600 0.62rem sans-serif; color: #fff;
  background: var(--c); border-radius: 3px; padding: 0 0.25rem; margin-left: 0.2rem; vertical-align: 0.15rem; }
.ev-claim { border-bottom: 2px solid var(--c); }
.ev-quote { background: var(--bg2); }
.ev-quote.ev-nostatement { background: none; border-bottom: 1px dotted var(--c); }
.ev-claim.ev-nostatement { border-bottom: 1px dotted var(--c); }
.ev-speaker { outline: 1px solid var(--c); outline-offset: 1px; font-weight: 600; }
.ev-cue { text-decoration: underline wavy var(--c); text-underline-offset: 3px; font-style: italic; }
.ev-swatch { display: inline-block; width: 0.9em; height: 0.9em; background: var(--c); vertical-align: -0.1em; margin-right: 0.25rem; }
"""


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


def _val(v, default="none"):
    return default if _missing(v) else str(v)


Rows = pd.DataFrame | Sequence[dict] | None  # a table's rows: a DataFrame or its records


def side_order(statements: Rows, first: Sequence[str] = ()) -> list[str]:
    """Sides in colour order: ``first`` (the compared sides), then the others by statements, then name.

    >>> st = pd.DataFrame({"side": ["B", "C", "C", None, "A"]})
    >>> side_order(st, first=["A", "B"])
    ['A', 'B', 'C']
    """
    order = [s for s in first if s]
    counts: dict[str, int] = {}
    for r in _records(statements):
        s = r.get("side")
        if not _missing(s) and s not in order:
            counts[str(s)] = counts.get(str(s), 0) + 1
    return order + sorted(counts, key=lambda s: (-counts[s], s))


def side_classes(sides: Sequence[str]) -> dict[str, str]:
    """CSS class per side (``s0``, ``s1``, ... by position); marks without a side use ``sx``.

    >>> side_classes(["US", "Russia"])
    {'US': 's0', 'Russia': 's1'}
    """
    return {s: f"s{i}" for i, s in enumerate(sides)}


def _rgba(color: str, alpha: float) -> str:
    from matplotlib.colors import to_rgb

    r, g, b = (round(255 * x) for x in to_rgb(color))
    return f"rgba({r},{g},{b},{alpha})"


def side_css(sides: Sequence[str]) -> str:
    """CSS variables per side class from the suite's palette (the figures' side colours).

    >>> side_css(["US"]).splitlines()[0]
    '.s0 { --c: #1f5a96; --bg: rgba(31,90,150,0.16); --bg2: rgba(31,90,150,0.3); }'
    """
    colors = side_colors(list(sides))
    rows = [(side_classes(sides)[s], colors[s]) for s in sides] + [(NO_SIDE, NO_SIDE_COLOR)]
    return "\n".join(f".{c} {{ --c: {col}; --bg: {_rgba(col, 0.16)}; --bg2: {_rgba(col, 0.3)}; }}" for c, col in rows)


def _who(name, side) -> str:
    return f"{_val(name)} (side: {_val(side)})"


def _records(rows: Rows) -> list[dict]:
    if rows is None or len(rows) == 0:
        return []
    return rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)


def _span(r: dict, a: str, b: str) -> tuple[int, int] | None:
    s, e = r.get(a), r.get(b)
    if _missing(s) or _missing(e) or int(e) <= int(s):
        return None
    return int(s), int(e)


def document_marks(body: str, statements: Rows, quotes: Rows, claims: Rows) -> list[dict]:
    """Every span to highlight in one document: statements, claims, quotes, speaker mentions and cues.

    Each mark is a dict with ``start``, ``end`` (offsets into ``body``), ``layer`` (one of
    :data:`LAYERS`), ``side``, ``title`` (the hover text), ``statement`` (False for spans
    that are not statements: scare-quoted terms, quotes and claims credited to no one)
    and ``label`` (statements only: the speaker shown after the span). A speaker mention
    or cue shared by several attributions is one mark naming all of them. Marks are
    ordered by start, longest first, then layer.

    >>> body = "Rubio said talks went well."
    >>> c = pd.DataFrame([{"claim_id": 0, "start": 11, "end": 26, "source": "Marco Rubio", "side": "US",
    ...     "source_start": 0, "source_end": 5, "cue": "said", "cue_lemma": "say", "cue_start": 6,
    ...     "cue_end": 10, "cue_class": "neutral", "rule": "subject"}])
    >>> [(m["layer"], body[m["start"]:m["end"]]) for m in document_marks(body, None, None, c)]
    [('speaker', 'Rubio'), ('cue', 'said'), ('claim', 'talks went well')]
    >>> print(document_marks(body, None, None, c)[2]["title"])
    claim #0 · rule: subject
    source: Marco Rubio (side: US)
    cue: “said” (lemma say, neutral)
    """
    n = len(body)
    marks: list[dict] = []
    shared: dict[tuple, dict] = {}

    def add(layer, span, side, title, statement=True, label=None):
        if span is None or span[0] < 0 or span[1] > n:
            return
        if layer in ("speaker", "cue"):
            key = (layer, span)
            if key in shared:
                if title not in shared[key]["title"].split("\n"):
                    shared[key]["title"] += "\n" + title
                return
        m = {"start": span[0], "end": span[1], "layer": layer, "side": None if _missing(side) else str(side)}
        m.update(title=title, statement=statement, label=label)
        if layer in ("speaker", "cue"):
            shared[(layer, span)] = m
        marks.append(m)

    for r in _records(statements):
        origin = r.get("origin")
        what = "readout sentence" if origin == "readout" else f"{_val(origin)} content"
        title = f"statement {r['statement_id']} · {what} · {r.get('n_words', 0)} words\nspeaker: {_who(r.get('speaker'), r.get('side'))}"
        label = _val(r.get("speaker"), "no speaker")
        add("statement", _span(r, "start", "end"), r.get("side"), title, True, label)
    for r in _records(claims):
        credited = not (_missing(r.get("source")) and _missing(r.get("side")))
        name = f"claim #{r['claim_id']}"
        cue = f"“{_val(r.get('cue'))}” (lemma {_val(r.get('cue_lemma'))}, {_val(r.get('cue_class'))})"
        title = f"{name} · rule: {_val(r.get('rule'))}\nsource: {_who(r.get('source'), r.get('side'))}\ncue: {cue}"
        if not credited:
            title += "\nnot a statement: credited to no one"
        add("claim", _span(r, "start", "end"), r.get("side"), title, credited)
        add("speaker", _span(r, "source_start", "source_end"), r.get("side"), f"source of {name}: {_who(r.get('source'), r.get('side'))}")
        add("cue", _span(r, "cue_start", "cue_end"), r.get("side"), f"cue of {name}: {cue} · rule: {_val(r.get('rule'))}")
    for r in _records(quotes):
        term = r.get("kind") == "term"
        credited = not (_missing(r.get("speaker")) and _missing(r.get("side")))
        name = f"quote #{r['quote_id']}"
        title = f"{name} · {_val(r.get('kind'))} · rule: {_val(r.get('rule'))}\nspeaker: {_who(r.get('speaker'), r.get('side'))}"
        title += f"\ncue: {'“' + str(r['cue']) + '”' if not _missing(r.get('cue')) else 'none'}"
        if term:
            title += "\nnot a statement: a scare-quoted term is the reporter's word"
        elif not credited:
            title += "\nnot a statement: credited to no one"
        add("quote", _span(r, "start", "end"), r.get("side"), title, credited and not term)
        add(
            "speaker",
            _span(r, "speaker_start", "speaker_end"),
            r.get("side"),
            f"speaker of {name}: {_who(r.get('speaker'), r.get('side'))}",
        )
        add("cue", _span(r, "cue_start", "cue_end"), r.get("side"), f"cue of {name}: “{_val(r.get('cue'))}” · rule: {_val(r.get('rule'))}")
    rank = {layer: i for i, layer in enumerate(LAYERS)}
    marks.sort(key=lambda m: (m["start"], -m["end"], rank[m["layer"]]))
    for i, m in enumerate(marks):
        m["id"] = f"m{i}"
    return marks


def _text(s: str) -> str:
    # A literal CR would be folded into LF by the HTML parser; a character reference keeps it.
    return html.escape(s, quote=False).replace("\r", "&#13;")


def _attr(s: str) -> str:
    return html.escape(s, quote=True).replace("\r", "&#13;").replace("\n", "&#10;")


def render_body(body: str, marks: Sequence[dict], classes: dict[str, str]) -> str:
    """The document body as HTML with every mark as a ``<span>``, split into well-nested pieces where marks cross.

    The text content equals ``body`` exactly. Each piece has ``data-mark`` (the mark's
    id), ``data-start``/``data-end`` (the piece's offsets) and a ``title`` with its own
    hover text followed by that of every mark around it; a mark's last piece carries
    the statement label.

    >>> marks = [{"id": "m0", "start": 0, "end": 5, "layer": "claim", "side": "A", "title": "c", "statement": True, "label": None},
    ...          {"id": "m1", "start": 3, "end": 8, "layer": "quote", "side": None, "title": "q", "statement": True, "label": None}]
    >>> print(render_body("abcdefgh<", marks, {"A": "s0"}))
    <span class="ev-claim s0" data-mark="m0" data-start="0" data-end="5" title="c">abc<span class="ev-quote sx" data-mark="m1" data-start="3" data-end="5" title="q&#10;&#10;c">de</span></span><span class="ev-quote sx" data-mark="m1" data-start="5" data-end="8" title="q">fgh</span>&lt;
    """
    starts: dict[int, list[dict]] = {}
    for m in marks:
        if m["end"] > m["start"]:
            starts.setdefault(m["start"], []).append(m)
    bounds = sorted({0, len(body)} | set(starts) | {m["end"] for m in marks if m["end"] > m["start"]})
    out: list[str] = []
    stack: list[dict] = []  # open marks, outermost first
    # Pieces are emitted as (open tag position in out, mark); a piece's end offset is filled in when it closes.
    open_at: list[int] = []

    def open_piece(m: dict, pos: int) -> None:
        titles = [m["title"]] + [o["title"] for o in reversed(stack)]
        cls = f"ev-{m['layer']} {classes.get(m['side'], NO_SIDE) if m['side'] is not None else NO_SIDE}"
        if not m.get("statement", True):
            cls += " ev-nostatement"
        stack.append(m)
        open_at.append(len(out))
        out.append((cls, m, pos, "\n\n".join(titles)))  # placeholder, completed on close

    def close_piece(pos: int) -> None:
        m = stack.pop()
        i = open_at.pop()
        cls, _, start, title = out[i]
        label = f' data-label="{_attr(m["label"])}"' if m.get("label") and pos == m["end"] else ""
        out[i] = f'<span class="{cls}" data-mark="{m["id"]}" data-start="{start}" data-end="{pos}"{label} title="{_attr(title)}">'
        out.append("</span>")

    for k, pos in enumerate(bounds):
        # close every mark that ends here; marks opened inside it close and reopen after it
        ending = [j for j, m in enumerate(stack) if m["end"] == pos]
        if ending:
            reopen = [m for m in stack[ending[0] :] if m["end"] != pos]
            while len(stack) > ending[0]:
                close_piece(pos)
            for m in reopen:
                open_piece(m, pos)
        for m in sorted(starts.get(pos, ()), key=lambda m: (-m["end"], LAYERS.index(m["layer"]))):
            open_piece(m, pos)
        if k + 1 < len(bounds):
            out.append(_text(body[pos : bounds[k + 1]]))
    assert not stack, "every mark ends inside the body"
    return "".join(out)


def safe_name(doc_id: str) -> str:
    """A file name for a document's page: the doc_id when it is a plain name, else a slug with a short hash.

    >>> safe_name("riyadh_2025_news"), safe_name("a/b c")
    ('riyadh_2025_news', 'a_b_c-0af99a60')
    """
    doc_id = str(doc_id)
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}", doc_id) and not doc_id.endswith("."):
        return doc_id
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._")[:80] or "doc"
    return f"{slug}-{hashlib.sha256(doc_id.encode('utf-8')).hexdigest()[:8]}"


def _count_line(statements: list[dict], sides: Sequence[str], classes: dict[str, str]) -> str:
    parts = []
    for s in list(sides) + [None]:
        sub = [r for r in statements if (_missing(r.get("side")) if s is None else r.get("side") == s)]
        if not sub:
            continue  # colours stay fixed across the corpus; the legend names the sides present
        words = sum(int(r.get("n_words") or 0) for r in sub)
        name = "no side" if s is None else s
        cls = NO_SIDE if s is None else classes[s]
        parts.append(
            f'<span class="{cls}"><span class="ev-swatch"></span>{html.escape(name)}: '
            f"{len(sub)} statement{'' if len(sub) == 1 else 's'}, {words} words</span>"
        )
    return " ".join(parts)


def render_document(
    doc: dict,
    statements: Rows,
    quotes: Rows,
    claims: Rows,
    sides: Sequence[str] = (),
    nav: dict[str, str] | None = None,
) -> str:
    """The evidence page of one document (a complete, self-contained HTML string).

    ``doc`` is a row of the ``documents`` table (``doc_id``, ``title``, ``body``, ...);
    the three tables are that document's rows. ``sides`` gives the colour order (see
    :func:`side_order`); sides of the document not in it follow. ``nav`` maps link
    text to relative addresses shown at the top (index, previous, next).

    >>> page = render_document({"doc_id": "d", "title": "T", "body": "A <b> said."}, None, None, None)
    >>> page.startswith("<!DOCTYPE html>"), "&lt;b&gt;" in page, "<script" in page
    (True, True, False)
    """
    body = str(doc["body"])
    statements, quotes, claims = _records(statements), _records(quotes), _records(claims)
    sides = side_order(statements, sides)
    for rows in (quotes, claims):
        sides += sorted({str(r["side"]) for r in rows if not _missing(r.get("side"))} - set(sides))
    classes = side_classes(sides)
    marks = document_marks(body, statements, quotes, claims)
    doc_id = str(doc["doc_id"])
    title = _val(doc.get("title"), doc_id)
    meta = [(k, doc.get(k)) for k in ("doc_id", "kind", "side", "source", "date", "path") if k in doc]
    meta_rows = "".join(f"<tr><th>{k}</th><td>{html.escape(_val(v))}</td></tr>" for k, v in meta)
    url = doc.get("url")
    if not _missing(url):
        meta_rows += f'<tr><th>url</th><td><a href="{_attr(str(url))}" rel="noreferrer">{html.escape(str(url))}</a></td></tr>'
    n_q, n_c, n_s = len(quotes), len(claims), len(statements)
    nav_html = " · ".join(f'<a href="{_attr(href)}">{html.escape(text)}</a>' for text, href in (nav or {}).items())
    legend = (
        '<p class="ev-legend">'
        + _count_line(statements, sides, classes)
        + "<br>"
        + f'<span class="ev-statement {NO_SIDE}">statement</span> (shaded: {n_s}) '
        + f'<span class="ev-claim {NO_SIDE}">claim content</span> ({n_c}) '
        + f'<span class="ev-quote {NO_SIDE}">quote</span> ({n_q}) '
        + f'<span class="ev-speaker {NO_SIDE}">speaker</span> '
        + f'<span class="ev-cue {NO_SIDE}">cue</span> '
        + f'<span class="ev-quote ev-nostatement {NO_SIDE}">not a statement</span>'
        + " — hover a span for speaker, side, rule and cue.</p>"
    )
    rows = []
    for r in statements:
        rows.append(
            f"<tr><td>{html.escape(str(r['statement_id']))}</td><td>{int(r['start'])}–{int(r['end'])}</td>"
            f"<td>{html.escape(_val(r.get('origin')))}</td><td>{html.escape(_val(r.get('side')))}</td>"
            f"<td>{html.escape(_val(r.get('speaker')))}</td><td>{int(r.get('n_words', 0))}</td>"
            f"<td>{_text(str(r['text']))}</td></tr>"
        )
    table = (
        '<h2>Statements</h2>\n<table class="ev-statements"><tr><th>id</th><th>offsets</th><th>origin</th><th>side</th>'
        "<th>speaker</th><th>words</th><th>text</th></tr>\n" + "\n".join(rows) + "\n</table>"
        if rows
        else "<h2>Statements</h2>\n<p>No statements in this document.</p>"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Evidence: {html.escape(title)}</title>\n<style>{_CSS}{side_css(sides)}\n</style></head>\n"
        f'<body data-report="evidence" data-doc-id="{_attr(doc_id)}">\n'
        + (f"<nav>{nav_html}</nav>\n" if nav_html else "")
        + f'<h1>{html.escape(title)}</h1>\n<table class="ev-meta">{meta_rows}</table>\n{legend}\n'
        + f'<div class="ev-body" id="body" data-n-chars="{len(body)}">{render_body(body, marks, classes)}</div>\n'
        + table
        + "\n</body></html>\n"
    )


def _by_doc(df: pd.DataFrame | None) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in _records(df):
        out.setdefault(str(r["doc_id"]), []).append(r)
    return out


def sides_from_notebooks(notebooks: Iterable[str | Path]) -> list[str]:
    """``[side_a, side_b]`` from the first notebook that sets them in its parameters cell(s), else ``[]``.

    Papermill's injected parameters (cell tag ``injected-parameters``) override the
    defaults (tag ``parameters``); only literal string assignments are read.

    >>> import nbformat, tempfile, pathlib
    >>> cell = nbformat.v4.new_code_cell('side_a = "US"\\nside_b = "Russia"', metadata={"tags": ["parameters"]})
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "n.ipynb"
    >>> p.write_text(json.dumps(nbformat.v4.new_notebook(cells=[cell])), encoding="utf-8") > 0
    True
    >>> sides_from_notebooks([p])
    ['US', 'Russia']
    """
    for path in notebooks:
        try:
            nb = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        found: dict[str, str] = {}
        for tag in ("parameters", "injected-parameters"):
            for cell in nb.get("cells", []):
                if cell.get("cell_type") != "code" or tag not in cell.get("metadata", {}).get("tags", []):
                    continue
                src = cell.get("source", "")
                try:
                    tree = ast.parse("".join(src) if isinstance(src, list) else src)
                except SyntaxError:
                    continue
                for node in tree.body:
                    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
                        for t in node.targets:
                            if isinstance(t, ast.Name) and t.id in ("side_a", "side_b"):
                                found[t.id] = node.value.value
        if "side_a" in found and "side_b" in found:
            return [found["side_a"], found["side_b"]]
    return []


def write_evidence(
    processed_dir: str | Path, out_dir: str | Path, sides: Sequence[str] = (), index_href: str = "../index.html"
) -> list[dict]:
    """Write ``out_dir/<doc>.html`` for every document of the built tables; returns one entry per page.

    Each entry has ``doc_id``, ``title``, ``path`` and ``n_statements``, in the
    documents table's order. Pages are written atomically; ``*.html`` files of
    ``out_dir`` that belong to no current document (an earlier corpus) are removed.
    """
    from ..core.store import atomic_target, read_table

    processed_dir, out_dir = Path(processed_dir), Path(out_dir)
    docs = read_table(processed_dir, "documents")
    tables = {}
    for name in ("statements", "quotes", "claims"):
        path = processed_dir / f"{name}.parquet"
        tables[name] = _by_doc(read_table(processed_dir, name)) if path.is_file() else {}
    sides = side_order([r for rows in tables["statements"].values() for r in rows], sides)  # one colour per side across the corpus
    names = [safe_name(d) for d in docs["doc_id"]]
    out_dir.mkdir(parents=True, exist_ok=True)
    entries = []
    records = docs.to_dict("records")
    for i, doc in enumerate(records):
        doc_id = str(doc["doc_id"])
        nav = {"report index": index_href}
        if i > 0:
            nav["← previous document"] = urlquote(names[i - 1]) + ".html"
        if i + 1 < len(records):
            nav["next document →"] = urlquote(names[i + 1]) + ".html"
        st = tables["statements"].get(doc_id)
        page = render_document(doc, st, tables["quotes"].get(doc_id), tables["claims"].get(doc_id), sides, nav)
        path = out_dir / f"{names[i]}.html"
        with atomic_target(path) as tmp:
            Path(tmp).write_bytes(page.encode("utf-8"))
        entries.append(
            {"doc_id": doc_id, "title": _val(doc.get("title"), doc_id), "path": path, "n_statements": 0 if st is None else len(st)}
        )
    keep = {e["path"].name for e in entries}
    for old in sorted(out_dir.glob("*.html")):
        if old.name not in keep:
            old.unlink()
    return entries


def index_section(entries: Sequence[dict], base: str | Path) -> str:
    """The report index's list of evidence pages (links relative to folder ``base``); empty without pages.

    >>> index_section([{"doc_id": "d", "title": "T", "path": Path("r/evidence/d.html"), "n_statements": 2}], "r")
    '<section class="report-evidence"><h2>Evidence: attributions in the text</h2>\\n<p>One page per document: every statement highlighted in its side\\'s colour; hover for speaker, rule and cue.</p>\\n<ol>\\n<li><a href="evidence/d.html">T</a> <code>d</code> — 2 statements</li>\\n</ol></section>'
    """
    if not entries:
        return ""
    items = []
    for e in entries:
        href = urlquote(Path(os.path.relpath(e["path"], base)).as_posix())
        n = e["n_statements"]
        items.append(
            f'<li><a href="{_attr(href)}">{html.escape(e["title"])}</a> <code>{html.escape(e["doc_id"])}</code>'
            f" — {n} statement{'' if n == 1 else 's'}</li>"
        )
    return (
        '<section class="report-evidence"><h2>Evidence: attributions in the text</h2>\n'
        "<p>One page per document: every statement highlighted in its side's colour; hover for speaker, rule and cue.</p>\n"
        "<ol>\n" + "\n".join(items) + "\n</ol></section>"
    )
