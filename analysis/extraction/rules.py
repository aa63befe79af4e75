"""The attribution rules as data: the ordered quote sieve :data:`QUOTE_SIEVE` (and the claim rules).

A rule is a small named object: a ``name`` (what the ``rule`` column records), a cheap
``check`` that says whether the rule can apply at all, and ``apply``, which returns what it
found or None. The sieve tries its rules in order and the first that finds something wins;
``docs/methods.md`` lists them in this order. A rule reads a small frozen context built once
per text (:class:`QuoteContext`) and what the sieve has seen before the quote
(:class:`QuoteState`); it returns a :class:`Speaker` and edits nothing.

To add a rule: write one object and list it in the tuple (CONTRIBUTING.md shows an example).

>>> [r.name for r in QUOTE_SIEVE][:3]
['adjacent', 'dash', 'colon']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from .sieve_after import _adjacent_speaker, _dash_speaker
from .sieve_before import (
    _colon_subject,
    _naming,
    _phrase_subject,
    _possessive_speaker,
    _put_it_speaker,
    _sentence_cue_speaker,
    _sentence_subject,
)
from .sieve_beyond import lead_in_speaker, opens_paragraph, previous_claim, previous_subject

__all__ = ["QuoteContext", "QuoteState", "Speaker", "QuoteRule", "QUOTE_SIEVE"]


@dataclass(frozen=True)
class QuoteContext:
    """What every quote rule may read, built once per text (lists sorted by offset, not to be edited).

    ``units``: (start, end, paragraph) sentence units; ``ustarts`` their starts; ``mentions``
    and ``mstarts``; ``cues`` (reporting verbs) and ``cstarts``; ``by_cue``: the claims sorted by
    cue offset, ``bstarts`` their cue offsets; ``cue_paras``: paragraphs with a reporting verb
    outside quote marks; ``known``: ids of the mentions found before the sieve.
    """

    text: str
    units: list
    ustarts: list
    mentions: list
    mstarts: list
    cues: list
    cstarts: list
    by_cue: list
    bstarts: list
    cue_paras: frozenset
    known: frozenset


@dataclass(frozen=True)
class QuoteState:
    """What the sieve has seen before the quote: its paragraph, the last non-term quote and where it ended."""

    para: int
    prev: dict | None
    prev_end_para: int


class Speaker(NamedTuple):
    """What a quote rule found: the speaker's mention (None: "nobody", as ``naming``) and the cue."""

    mention: dict | None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    rule: str | None = None  # a name other than the rule's own ("passive-by" from the naming rule)
    new_mention: bool = False  # a descriptive speaker the rule made: a mention of its own


@dataclass(frozen=True)
class QuoteRule:
    """One step of the quote sieve: ``check(quote)`` (cheap) then ``apply(context, quote, state)``."""

    name: str
    check: Callable[[dict], bool]
    apply: Callable[[QuoteContext, dict, QuoteState], Speaker | None]


def _any(q: dict) -> bool:
    return True


def _not_term(q: dict) -> bool:
    return q["kind"] != "term"


def _full(q: dict) -> bool:
    return q["kind"] == "full"


def _adjacent_check(q: dict) -> bool:
    """A scare-quoted term takes a speaker after it only when it ends like speech (“No,” / “Why?”)."""
    return q["kind"] != "term" or q["text"].rstrip()[-1:] in (",", "?", "!")


def _adjacent(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    adj = _adjacent_speaker(ctx.text, q, ctx.mentions, ctx.mstarts, ctx.cues, ctx.cstarts)
    if adj is None:
        return None
    m, cue = adj
    new = m.get("role") is not None and m["how"] == "anonymous" and "in_quote" in m and id(m) not in ctx.known
    return Speaker(m, cue["text"], cue["start"], cue["end"], new_mention=new)


def _dash(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    m = _dash_speaker(ctx.text, q, ctx.mentions, ctx.mstarts)
    return Speaker(m) if m is not None else None


def _colon(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    m = _colon_subject(ctx.text, q, ctx.units, ctx.ustarts, ctx.mentions, ctx.mstarts)
    return Speaker(m, ":") if m is not None else None


def _put_it(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    m = _put_it_speaker(ctx.text, q, ctx.units, ctx.ustarts, ctx.mentions, ctx.mstarts)
    if m is None:
        return None
    return Speaker(m, "put it", new_mention=m["how"] == "anonymous" and "in_quote" in m and id(m) not in ctx.known)


def _naming_rule(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    nm = _naming(ctx.text, q, ctx.units, ctx.ustarts, ctx.mentions, ctx.mstarts)
    if nm is None:
        return None
    return Speaker(nm[0], rule="passive-by" if nm[0] is not None else "naming")


def _sentence_cue(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    sc = _sentence_cue_speaker(ctx.text, q, ctx.units, ctx.ustarts, ctx.mentions, ctx.mstarts, ctx.cues, ctx.cstarts)
    return Speaker(sc[0], sc[1]["text"], sc[1]["start"], sc[1]["end"]) if sc is not None else None


def _possessive(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    m = _possessive_speaker(ctx.text, q, ctx.units, ctx.ustarts, ctx.mentions, ctx.mstarts)
    return Speaker(m) if m is not None else None


def _sentence_subject_rule(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    m = _sentence_subject(ctx.text, q, ctx.units, ctx.ustarts, ctx.mentions, ctx.mstarts)
    return Speaker(m) if m is not None else None


def _continuation(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    """The previous quote's speaker, in the same paragraph, or in the paragraph before when this one opens
    with the quote and reports nothing."""
    prev, p = st.prev, st.para
    if prev is None or prev.get("speaker_mention") is None:
        return None
    if not (st.prev_end_para == p or (st.prev_end_para == p - 1 and p not in ctx.cue_paras and opens_paragraph(ctx.text, q))):
        return None
    return Speaker(prev["speaker_mention"], prev["cue"], prev["cue_start"], prev["cue_end"])


def _lead_in(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    lead = lead_in_speaker(ctx.text, q, ctx.units, ctx.ustarts, ctx.by_cue, ctx.cues, ctx.mentions, ctx.mstarts)
    return Speaker(lead[0], lead[1]["text"], lead[1]["start"], lead[1]["end"]) if lead is not None else None


def _previous_subject(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    m = previous_subject(ctx.text, q, ctx.units, ctx.ustarts, ctx.cues, ctx.mentions, ctx.mstarts)
    return Speaker(m) if m is not None else None


def _previous_claim(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    c = previous_claim(ctx.text, q, ctx.units, ctx.ustarts, ctx.by_cue, ctx.bstarts, ctx.cstarts)
    return Speaker(c["source_mention"], c["cue"], c["cue_start"], c["cue_end"]) if c is not None else None


def _subject_phrase(ctx: QuoteContext, q: dict, st: QuoteState) -> Speaker | None:
    m = _phrase_subject(ctx.text, q, ctx.units, ctx.ustarts)
    return Speaker(m, new_mention=True) if m is not None else None  # the phrase no mention covers


# The quote sieve, in order: the first rule whose check passes and whose apply finds a speaker wins.
# (A quote inside a claim's content takes that claim's source before the sieve.)
QUOTE_SIEVE: tuple[QuoteRule, ...] = (
    QuoteRule("adjacent", _adjacent_check, _adjacent),
    QuoteRule("dash", _not_term, _dash),
    QuoteRule("colon", _not_term, _colon),
    QuoteRule("put-it", _any, _put_it),
    QuoteRule("naming", _any, _naming_rule),
    QuoteRule("sentence-cue", _any, _sentence_cue),
    QuoteRule("possessive", _any, _possessive),
    QuoteRule("sentence-subject", _any, _sentence_subject_rule),
    QuoteRule("continuation", _not_term, _continuation),
    QuoteRule("lead-in", _not_term, _lead_in),
    QuoteRule("previous-subject", _full, _previous_subject),
    QuoteRule("previous-claim", _not_term, _previous_claim),
    QuoteRule("subject-phrase", _any, _subject_phrase),
)
