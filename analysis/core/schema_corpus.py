"""Declared columns of the corpus tables (documents, paragraphs, sentences); :mod:`analysis.core.schema` assembles every table."""

from __future__ import annotations

__all__ = ["SPAN", "CORPUS_TABLES"]

SPAN = {
    "start": ("int64", "character offset of the first character, into the document body"),
    "end": ("int64", "character offset one past the last character; body[start:end] == text"),
}

CORPUS_TABLES: dict[str, dict] = {
    "documents": {
        "description": "One row per document in the corpus. Every other front-matter field (e.g. `leaning`, `country`) follows the declared columns as a string column (None where a document lacks it), sorted by name.",
        "key": ["doc_id"],
        "columns": {
            "doc_id": ("str", "document identifier (front matter `doc_id`, else the file name without extension)"),
            "title": ("str", "title (front matter, else the first line of the body)"),
            "date": ("object", "ISO date YYYY-MM-DD (front matter `date`, else one in the file name), or None"),
            "kind": ("str", "news, readout, transcript or statement"),
            "side": ("object", "side that issued the document (readouts, statements), or None"),
            "source": ("object", "outlet or issuing body, or None"),
            "url": ("object", "address of the original, or None"),
            "language": ("str", "ISO 639-1 language code (default en)"),
            "path": ("str", "file name inside the corpus folder"),
            "n_chars": ("int64", "characters in the body"),
            "n_words": ("int64", "word tokens in the body (analysis.core.text.count_words)"),
            "sha256": ("str", "sha256 of the file's bytes"),
            "body": ("str", "the document body after the front matter; all offsets index into it"),
        },
        # Open table: every other front-matter field becomes a column of its own.
        "extra": (
            "object",
            "every other front-matter field (e.g. `outlet`, `leaning`, `country`): one column per field, named as in the "
            "front matter, after the columns above in name order; its value as text (lists and mappings as JSON), None "
            "where a document lacks the field",
        ),
    },
    "paragraphs": {
        "description": "One row per paragraph (blank-line separated, or line separated when the body has no blank line).",
        "key": ["doc_id", "para_id"],
        "columns": {
            "doc_id": ("str", "document identifier"),
            "para_id": ("int64", "paragraph number within the document, from 0"),
            **SPAN,
            "text": ("str", "the paragraph"),
            "is_heading": ("bool", "True for a subhead (all-capitals line or Markdown heading), not story text"),
        },
    },
    "sentences": {
        "description": "One row per sentence of a non-heading paragraph (NLTK Punkt with the project's parameters).",
        "key": ["doc_id", "sent_id"],
        "columns": {
            "doc_id": ("str", "document identifier"),
            "para_id": ("int64", "paragraph the sentence belongs to"),
            "sent_id": ("int64", "sentence number within the document, from 0"),
            **SPAN,
            "text": ("str", "the sentence"),
        },
    },
}
