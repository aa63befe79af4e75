"""Row records passed between the extraction modules, as ``TypedDict`` s (typing only: plain dicts at run time).

The extraction works on plain dicts, one per mention, cue, quote or claim, for speed;
these classes document their keys for readers and type checkers and cost nothing when
the code runs (a ``TypedDict`` is a ``dict``). Offsets are character offsets into the
text given to :func:`analysis.extraction.extract` (or the document body), ``text[start:end] == text``.

>>> m: Mention = {"start": 0, "end": 4, "text": "Cole", "actor": "Ann Cole", "actor_id": "ann-cole",
...               "side": None, "how": "surname", "kind": "person", "gender": "female", "role": None}
>>> type(m) is dict
True
"""

from __future__ import annotations

from typing import Any, TypedDict

__all__ = ["Span", "Mention", "Cue", "QuoteSpan", "Quote", "Claim"]


class Span(TypedDict):
    """A stretch of the text: ``text == body[start:end]``."""

    start: int
    end: int
    text: str


class _MentionKeys(Span):
    actor: str | None  # canonical actor name; None for an anonymous source or an unresolved pronoun
    actor_id: str | None  # registry id or a slug of a discovered name
    side: str | None  # sides.yaml label, or None when unknown
    how: str  # registry, title, apposition, org pattern, name, surname, pronoun, description or anonymous
    kind: str  # person, organization or country
    gender: str | None  # male, female or None (pronoun agreement)
    role: str | None  # office or description, or None


class Mention(_MentionKeys, total=False):
    """A mention of an actor (actors.find_mentions, find_pronouns, find_descriptions).

    The extra keys are on the new records made while attributing (resolution.mark_in_quote,
    resolution.resolve_unit): ``in_quote`` (the mention lies inside a quotation) and ``ref``
    (the mention a pronoun or description was resolved to).
    """

    in_quote: bool
    ref: Mention


class _CueKeys(Span):
    form: str  # the verb form, lower-cased, as listed in reporting_verbs.tsv
    lemma: str
    cue_class: str  # neutral, assertive, revelatory, critical, directive, tentative or distancing
    addressee: bool  # the verb takes an addressee ("told reporters")
    needs_quote: bool  # the verb reports speech only next to a quotation


class Cue(_CueKeys):
    """A reporting verb in the text (claims.find_cues, cues_of_matches)."""


class QuoteSpan(Span):
    """A quoted passage found by quotes.find_quotes (marks excluded), before attribution."""

    kind: str  # full, partial or term
    mark_start: int  # offset of the opening quotation mark
    mark_end: int  # offset one past the closing mark


class Quote(QuoteSpan, total=False):
    """A quote after attribution (claims.attribute): the ``quotes`` table row plus the speaker's mention."""

    quote_id: int
    speaker: str | None
    speaker_id: str | None
    side: str | None
    speaker_start: int | None
    speaker_end: int | None
    speaker_mention: Mention | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    rule: str | None


class Claim(Span):
    """A reported claim (claims.attribute): the ``claims`` table row plus the source's mention."""

    source: str | None
    source_id: str | None
    side: str | None
    source_start: int | None
    source_end: int | None
    source_mention: Mention | None
    cue: str
    cue_lemma: str
    cue_start: int
    cue_end: int
    cue_class: str
    direct: bool
    quote_ids: list[int]
    rule: str


#: Any row record (for functions that accept several kinds).
Row = dict[str, Any]
