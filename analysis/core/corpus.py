"""Corpus layer: raw documents into tidy ``documents``, ``paragraphs`` and ``sentences`` tables.

A document is a ``.txt`` or ``.md`` file, UTF-8 (a byte-order mark is allowed and
dropped), with an optional YAML front matter block between two ``---`` lines.
Offsets in every table refer to the body after the front matter, exactly as
it is in the file (line endings are not rewritten).

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("Talks in Riyadh\\nRubio spoke. Lavrov replied.", encoding="utf-8")
>>> c = load_corpus(d)
>>> c["sentences"]["text"].tolist()
['Talks in Riyadh', 'Rubio spoke.', 'Lavrov replied.']
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from pathlib import Path

import pandas as pd
import yaml

from .errors import InputError
from .resources import safe_load
from .schema import conform, from_records
from .text import count_words, is_heading, paragraph_spans, sentence_spans

__all__ = [
    "KINDS",
    "SUFFIXES",
    "FRONT_MATTER_FIELDS",
    "extra_fields",
    "list_documents",
    "decode",
    "split_front_matter",
    "date_from_name",
    "read_document",
    "segment",
    "segment_rows",
    "check_unique_ids",
    "load_corpus",
    "span_errors",
]

KINDS = ("news", "readout", "transcript", "statement")
SUFFIXES = (".txt", ".md")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
# Control characters other than \t \n \v \f \r (code points below 32).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def list_documents(folder: str | Path) -> list[Path]:
    """The document files of a corpus folder (``.txt``/``.md``, hidden files skipped), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "corpus folder not found")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUFFIXES and not p.name.startswith("."))


def decode(path: Path, data: bytes) -> str:
    """Bytes of a document file as text, or :class:`InputError` for empty, binary or non-UTF-8 files."""
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not valid UTF-8 (byte {e.start}); save the file as UTF-8") from None
    if not text.strip():
        raise InputError(path, "empty file")
    bad = len(_CONTROL.findall(text))
    if bad > max(3, len(text) // 1000):
        raise InputError(path, "binary file (control characters), expected UTF-8 text")
    return text


def split_front_matter(path: Path, text: str) -> tuple[dict, str]:
    """Split ``text`` into (metadata, body); metadata is ``{}`` without a front matter block."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    try:
        meta = safe_load(m.group(1))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise InputError(path, f"invalid YAML front matter{where}: {getattr(e, 'problem', None) or e}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(path, "invalid YAML front matter: expected 'key: value' lines")
    return meta, text[m.end() :]


def _iso_date(path: Path, value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise InputError(path, f"date {value!r} is not an ISO date (YYYY-MM-DD)") from None


_NAME_DATE = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})[-_]([01][0-9])[-_]([0-3][0-9])(?![0-9])")


def date_from_name(name: str) -> str | None:
    """The first valid ``YYYY-MM-DD`` (or ``YYYY_MM_DD``) date in a file name, as ISO text, or None.

    Used when a document's front matter gives no date: many news archives name their
    files by publication date.

    >>> date_from_name("outlet_2016-03-07_some-title.txt")
    '2016-03-07'
    >>> date_from_name("report_2016-13-40.txt") is None, date_from_name("notes.md") is None
    (True, True)
    """
    for m in _NAME_DATE.finditer(name):
        try:
            return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            continue
    return None


def _opt_str(value) -> str | None:
    return None if value is None or str(value).strip() == "" else str(value).strip()


#: Front-matter fields the documents table reads into its own columns; every other field is kept as is (:func:`extra_fields`).
FRONT_MATTER_FIELDS = ("doc_id", "title", "date", "kind", "side", "source", "url", "language")
#: Columns the build computes; a front-matter field must not take one of these names.
COMPUTED_COLUMNS = ("path", "n_chars", "n_words", "sha256", "body")


def _as_text(value) -> str | None:
    import json

    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value).strip()


def extra_fields(path: Path, meta: dict) -> dict[str, str | None]:
    """The front-matter fields beyond :data:`FRONT_MATTER_FIELDS`, as text, for the documents table's own columns.

    >>> extra_fields(Path("a.md"), {"kind": "news", "leaning": "left", "rank": 3, "tags": ["a", "b"]})
    {'leaning': 'left', 'rank': '3', 'tags': '["a", "b"]'}
    """
    out = {}
    for key, value in meta.items():
        name = str(key).strip()
        if name in FRONT_MATTER_FIELDS:
            continue
        if not name or name in COMPUTED_COLUMNS:
            raise InputError(path, f"front matter field {name!r} is a column the build computes; rename it")
        out[name] = _as_text(value)
    return out


def read_document(path: str | Path, data: bytes | None = None) -> dict:
    """Read one document file into a ``documents`` row (a dict), validating it.

    Raises :class:`InputError` ("<file>: <problem>") for an empty, binary or
    non-UTF-8 file, invalid front matter, an unknown ``kind`` or an empty body.
    """
    path = Path(path)
    data = path.read_bytes() if data is None else data
    text = decode(path, data)
    meta, body = split_front_matter(path, text)
    if not body.strip():
        raise InputError(path, "empty body after the front matter")
    kind = str(meta.get("kind") or "news").strip().lower()
    if kind not in KINDS:
        raise InputError(path, f"unknown kind {meta.get('kind')!r}; expected one of {', '.join(KINDS)}")
    doc_id = str(meta.get("doc_id") or path.stem).strip()
    if not _DOC_ID.match(doc_id):
        raise InputError(path, f"doc_id {doc_id!r} must be letters, digits, '_', '-' or '.'")
    first_line = body.strip().splitlines()[0].strip()
    title = _opt_str(meta.get("title")) or (first_line[:117] + "..." if len(first_line) > 120 else first_line)
    return {
        "doc_id": doc_id,
        "title": title,
        "date": _iso_date(path, meta.get("date")) or date_from_name(path.name),
        "kind": kind,
        "side": _opt_str(meta.get("side")),
        "source": _opt_str(meta.get("source")),
        "url": _opt_str(meta.get("url")),
        "language": _opt_str(meta.get("language")) or "en",
        "path": path.name,
        "n_chars": len(body),
        "n_words": count_words(body),
        "sha256": hashlib.sha256(data).hexdigest(),
        "body": body,
        **extra_fields(path, meta),
    }


def segment(doc: dict) -> dict[str, pd.DataFrame]:
    """Paragraph and sentence tables of one document row (see :func:`read_document`).

    >>> t = segment({"doc_id": "d", "body": "HEADLINE HERE\\nThe U.S. and Russia met. They talked."})
    >>> t["paragraphs"]["is_heading"].tolist(), t["sentences"]["text"].tolist()
    ([True, False], ['The U.S. and Russia met.', 'They talked.'])
    """
    paras, sents = segment_rows(doc)
    # from_records: the declared dtypes directly, much faster than conform() on small tables
    return {"paragraphs": from_records(paras, "paragraphs"), "sentences": from_records(sents, "sentences")}


def segment_rows(doc: dict) -> tuple[list[dict], list[dict]]:
    """The rows of :func:`segment`'s paragraph and sentence tables, as lists of dicts (no DataFrames).

    >>> paras, sents = segment_rows({"doc_id": "d", "body": "One. Two."})
    >>> len(paras), [s["text"] for s in sents]
    (1, ['One.', 'Two.'])
    """
    body, doc_id = doc["body"], doc["doc_id"]
    paras, sents = [], []
    for para_id, (a, b) in enumerate(paragraph_spans(body)):
        text = body[a:b]
        heading = is_heading(text)
        paras.append({"doc_id": doc_id, "para_id": para_id, "start": a, "end": b, "text": text, "is_heading": heading})
        if heading:
            continue
        for s, e in sentence_spans(body, a, b):
            sents.append({"doc_id": doc_id, "para_id": para_id, "sent_id": len(sents), "start": s, "end": e, "text": body[s:e]})
    return paras, sents


def check_unique_ids(rows: list[dict]) -> None:
    """Raise :class:`InputError` when two documents share a ``doc_id``."""
    seen: dict[str, str] = {}
    for r in rows:
        if r["doc_id"] in seen:
            raise InputError(r["path"], f"duplicate doc_id {r['doc_id']!r} (also in {seen[r['doc_id']]})")
        seen[r["doc_id"]] = r["path"]


def load_corpus(path: str | Path) -> dict[str, pd.DataFrame]:
    """Load a corpus folder (or one file) into ``documents``, ``paragraphs`` and ``sentences`` tables.

    Documents are ordered by file name. Raises :class:`InputError` on bad input.
    """
    path = Path(path)
    files = [path] if path.is_file() else list_documents(path)
    docs = [read_document(f) for f in files]
    check_unique_ids(docs)
    parts = [segment(d) for d in docs]
    return {
        "documents": conform(pd.DataFrame(docs) if docs else None, "documents"),
        "paragraphs": conform(pd.concat([p["paragraphs"] for p in parts], ignore_index=True) if parts else None, "paragraphs"),
        "sentences": conform(pd.concat([p["sentences"] for p in parts], ignore_index=True) if parts else None, "sentences"),
    }


def span_errors(tables: dict[str, pd.DataFrame], documents: pd.DataFrame | None = None) -> pd.DataFrame:
    """Rows of any span table (with doc_id, start, end, text) whose text is not ``body[start:end]``.

    An empty result means every offset traces back to the text.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("One. Two.", encoding="utf-8")
    >>> len(span_errors(load_corpus(d)))
    0
    """
    documents = tables["documents"] if documents is None else documents
    bodies = dict(zip(documents["doc_id"], documents["body"]))
    bad = []
    for name, df in sorted(tables.items()):
        if not {"doc_id", "start", "end", "text"} <= set(df.columns):
            continue
        for doc_id, start, end, text in zip(df["doc_id"], df["start"], df["end"], df["text"]):
            body = bodies.get(doc_id)
            if body is None or body[int(start) : int(end)] != text:
                bad.append({"table": name, "doc_id": doc_id, "start": start, "end": end, "text": text})
    return pd.DataFrame(bad, columns=["table", "doc_id", "start", "end", "text"])
