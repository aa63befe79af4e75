"""Declared columns of the extraction tables (mentions, actors, quotes, claims, statements), in-memory (``text_*``) and corpus level; :mod:`analysis.core.schema` assembles every table."""

from __future__ import annotations

from analysis.core.schema_corpus import SPAN

__all__ = ["LOC", "EXTRACTION_TABLES"]

# --- Actors, quotes, claims, statements (analysis.extraction.extract, analysis.extraction.statements) ---------------
# analysis.extraction.extract.extract(text) returns the ``text_*`` tables: offsets index the string it was
# given. At corpus level (analysis.extraction.extract.extract_document, written by the build) the same
# columns get doc_id, para_id and sent_id in front (``mentions``, ``quotes``, ``claims``; the
# paragraph/sentence holding the start offset, sent_id None inside a heading) and ``actors`` gets
# doc_id only. Text that may be missing (speaker, source, side, role) is None, never NaN.
LOC = {
    "doc_id": ("str", "document identifier"),
    "para_id": ("Int64", "paragraph holding the start offset"),
    "sent_id": ("Int64", "sentence holding the start offset (None when it lies in a heading)"),
}
_EXTRACT_TABLES = {
    "mentions": (
        "One row per mention of an actor (name, title, organisation, resolved pronoun, or an anonymous source used as a speaker).",
        ["start"],
        {
            **SPAN,
            "text": ("str", "the mention as written"),
            "actor": ("object", "canonical actor name (registry or discovered), None for an anonymous source"),
            "actor_id": ("object", "actor identifier (registry id or a slug of the discovered name), or None"),
            "side": ("object", "side of the actor (sides.yaml label), or None when unknown"),
            "how": ("str", "registry, title, apposition, org pattern, name, surname, pronoun or anonymous"),
        },
    ),
    "actors": (
        "One row per distinct actor mentioned.",
        ["actor_id"],
        {
            "actor_id": ("str", "actor identifier"),
            "actor": ("str", "canonical name"),
            "kind": ("str", "person, organization or country"),
            "side": ("object", "side label, or None when unknown"),
            "role": ("object", "office or description (registry role, or the title the text gave), or None"),
        },
    ),
    "quotes": (
        "One row per quoted passage (marks excluded) with its speaker.",
        ["quote_id"],
        {
            "quote_id": ("int64", "quote number within the text/document, from 0, in text order"),
            **SPAN,
            "text": ("str", "the quoted words, quote marks excluded"),
            "speaker": ("object", "canonical name of the speaker, or None when unattributable"),
            "speaker_id": ("object", "actor_id of the speaker, or None"),
            "side": ("object", "side of the speaker (also for anonymous sources with a country word), or None"),
            "speaker_start": ("Int64", "start of the mention the attribution rests on (a pronoun if the text says 'he said')"),
            "speaker_end": ("Int64", "end of that mention"),
            "cue": ("object", "reporting verb of the attribution as written, or None"),
            "cue_start": ("Int64", "start of the cue"),
            "cue_end": ("Int64", "end of the cue"),
            "kind": ("str", "full (quoted sentence), partial (fragment in the reporter's sentence) or term (scare-quoted word/title)"),
            "rule": (
                "object",
                "attribution rule that fired (the quote sieve of analysis.extraction.quote_sieve: a claim's rule, or adjacent, dash, colon, "
                "put-it, naming (speaker None) or passive-by, sentence-cue, possessive, sentence-subject, continuation, lead-in, previous-subject, previous-claim, subject-phrase; "
                "then headline: a quote no rule attributed inside a first line 'Name: …'), or None",
            ),
        },
    ),
    "claims": (
        "One row per reported claim (direct or indirect speech) with its source and reporting verb.",
        ["claim_id"],
        {
            "claim_id": ("int64", "claim number within the text/document, from 0, in text order"),
            **SPAN,
            "text": ("str", "the reported content"),
            "source": ("object", "canonical name of the source, or None (anonymous or unresolved)"),
            "source_id": ("object", "actor_id of the source, or None"),
            "side": ("object", "side of the source, or None"),
            "source_start": ("Int64", "start of the source mention"),
            "source_end": ("Int64", "end of the source mention"),
            "cue": ("str", "reporting verb as written"),
            "cue_lemma": ("str", "lemma of the reporting verb (reporting_verbs.tsv)"),
            "cue_start": ("int64", "start of the cue"),
            "cue_end": ("int64", "end of the cue"),
            "cue_class": ("str", "neutral, assertive, revelatory, critical, directive, tentative or distancing"),
            "direct": ("bool", "True when the content contains a quote"),
            "quote_ids": ("object", "list of quote_id values inside the content"),
            "rule": (
                "str",
                "attribution rule: subject, subject-phrase, inverted, participle, according-to, asked (source None), headline or "
                "transcript ('Name: …'), readout, colon or dash (cue ':' or '—'), as-source ('As X reported, …'), "
                "passive ('… was first reported by X') or relative ('which X called …')",
            ),
        },
    ),
}
EXTRACTION_TABLES: dict[str, dict] = {}
for _name, (_desc, _key, _cols) in _EXTRACT_TABLES.items():
    EXTRACTION_TABLES["text_" + _name] = {
        "description": _desc + " In-memory result of analysis.extraction.extract (offsets into the given text).",
        "key": _key,
        "columns": dict(_cols),
    }
    _loc = {"doc_id": LOC["doc_id"]} if _name == "actors" else LOC
    EXTRACTION_TABLES[_name] = {
        "description": _desc + " Corpus level: offsets into the document body.",
        "key": ["doc_id", *_key],
        "columns": {**_loc, **_cols},
    }
EXTRACTION_TABLES["statements"] = {
    "description": "One row per stretch of text that one side put forward: a quote or claim content (news) or a "
    "sentence of a readout/statement document. Overlapping quote and claim spans are counted once.",
    "key": ["statement_id"],
    "columns": {
        "statement_id": ("str", "'<doc_id>:<n>' with n the statement number within the document"),
        "doc_id": ("str", "document identifier"),
        "para_id": ("Int64", "paragraph holding the start offset"),
        "sent_id": ("Int64", "sentence holding the start offset"),
        **SPAN,
        "text": ("str", "the statement"),
        "speaker": ("object", "canonical speaker name (the issuing body for readouts), or None"),
        "speaker_id": ("object", "actor_id of the speaker, or None"),
        "side": ("object", "side the statement speaks for, or None"),
        "origin": ("str", "quote, claim or readout"),
        "position": ("float64", "start offset / characters in the body: 0 = start of the document, 1 = end"),
        "n_words": ("int64", "word tokens (analysis.core.text.count_words)"),
    },
}
