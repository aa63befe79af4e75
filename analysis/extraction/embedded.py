"""Embedded sources: claim rules whose source stands inside a subordinate frame around the verb.

Three rules of :mod:`analysis.extraction.claims` (the ``rule`` column), each tried before the
subject rules for the cue it concerns:

``as-source``  "As the Courier reported (on Monday), the mayor …" / "…, as Ann Cole noted." /
               "As reported by the Courier, …": the source in the as-clause, the content the
               main clause after it (when the as-clause opens the sentence) or before it
``passive``    "The plan was first reported by the Courier." / "… has been called “…” by Ann Cole":
               the agent after "by", the content the passive clause's subject
``relative``   "the bridge, which Ann Cole called “a waste”" / "what Ann Cole calls the tax trap" /
               "the plan, which Lee said was too costly, …": the subject between the relative word
               and the verb, the content the relative clause from "which"/"what" to its end

Imports :mod:`analysis.extraction.cues`, :mod:`analysis.extraction.contents`,
:mod:`analysis.extraction.subjects` and :mod:`analysis.extraction.sources` of the claim modules.
"""

from __future__ import annotations

import re

from ..core.resources import word_set
from .actors import PREPOSITIONS
from .contents import GAP_WORD, clause_start, comma_outside_quotes, stop_clause_end, trim
from .cues import WS, cue_between, word_group
from .sources import according_np
from .subjects import DET_WORDS, anonymous_mention

__all__ = ["embedded_claim"]

# adverbs and auxiliaries that may stand between a source and its verb ("has long", "first", "previously")
_AUX = r"(?:(?:has|have|had|also|first|previously|originally|once|later|recently|earlier|long|often|\w+ly)\s+){0,3}"
# "which"/"what" and a subject of one to five words right before the verb (the verb starts where the text ends)
_RELATIVE_SUBJECT = re.compile(r"(?:^|[\s,(—–])([Ww]hich|[Ww]hat|[Ww]hom)\s+((?:[\w’'.-]+\s+){0,4}?[\w’'.-]+)\s+" + _AUX + r"$")
# "as" and a subject right before the verb ("As the Courier reported", ", as Ann Cole has noted")
_AS_SUBJECT = re.compile(r"(?:^|[\s,(—–“\"])([Aa]s)\s+((?:[\w’'.&-]+\s+){0,5}?[\w’'.&-]+)\s+" + _AUX + r"$")
# "as (first) reported by": no subject, the agent follows the verb
_AS_PASSIVE = re.compile(r"(?:^|[\s,(—–“\"])([Aa]s)\s+" + _AUX + r"$")
# a be-auxiliary and adverbs before a passive participle ("was first", "has been repeatedly")
_PASSIVE_AUX = re.compile(
    r"\b(?:was|were|is|are|(?:has|have|had)\s+been|been)\s+(?:(?:first|also|widely|later|then|often|long|since|\w+ly)\s+){0,2}$"
)
# a subordinating word opening the passive clause ("when he was accused by …"): its subject follows it
_SUBORDINATOR = re.compile(r"\b(?:when|while|because|after|before|if|since|although|though|until|unless|whether)\s+", re.I)
_BY = re.compile(r"(?:\s+(?:last|this|on|earlier|early|late)\s+[\w’'-]+)?\s+by\s+(?=\S)")
# what may stand between the verb of an as-clause and the comma that ends it ("on Monday", "in a column")
_AS_TAIL = re.compile(r"(?:\s+(?:on|in|at|last|this|earlier|just|today|yesterday|\w+ly)\b[^,;:.!?“”\"«»\n]{0,60})?\s*(?:,|(?=[.;!?]))")
_CLAUSE_LEAD = re.compile(r"[\s“\"(]*(?:(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Hh]owever|[Ii]ndeed|[Aa]fter\s+all|[Ss]till)\b[\s,]*)?$")
# what stands right before an as-clause that is not the clause's opening: a comma, a dash, a parenthesis, "and"
_AS_AFTER = re.compile(r"(?:[,(—–;:]|\band|\bbut)\s*$")
_LEAD_WORD = re.compile(r"[\s“\"(]*(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Hh]owever)\b[\s,]*")
# a new coordinated relative clause ("which he denied and which …") ends the first one
_AND_RELATIVE = re.compile(r"\s(?:and|but|or)\s+(?:which|what)\b")


def _subject_np(text: str, s: int, e: int, mentions: list[dict]) -> dict | None:
    """The source named by the subject words ``text[s:e]``: the last mention ending there (a name or a pronoun),
    else the words themselves as a descriptive source when they read as a noun phrase, else None.

    >>> _subject_np("which the probe said", 6, 15, [])["actor"]
    'the probe'
    >>> _subject_np("which in 2012 said", 6, 13, []) is None
    True
    """
    inside = [m for m in mentions if s <= m["start"] and m["end"] <= e and not m.get("in_quote") and m.get("kind") != "place"]
    if inside:
        last = inside[-1]
        rest = text[last["end"] : e]
        return last if not rest.strip() or rest.startswith(("’s ", "'s ")) else None  # "the Post’s unit": the Post
    raw = GAP_WORD.findall(text, s, e)
    words = [w.lower() for w in raw]
    if not words or (
        len(words) > 1 and raw[0].islower() and words[0] not in DET_WORDS | word_group("noun_determiner") and not words[-1].endswith("s")
    ):
        return None  # "which entered the year": a verb phrase, not a subject
    if any(w.endswith("ed") or w in word_set("subject_verbs.txt") for w in raw if w.islower()):
        return None  # "which included staff members", "which began with …"
    if any(w in PREPOSITIONS and w != "of" for w in words[1:]) or (len(raw) == 1 and raw[0].islower() and words[0][-1:] != "s"):
        return None  # "which began with worker protests", "which get answered"
    if (
        words[-1] in word_group("not_subject")
        or words[0] in PREPOSITIONS
        or any(w in word_set("clause_words.txt") or w in ("is", "was", "are", "were") for w in words)
    ):
        return None
    if words[-1] in DET_WORDS or words[-1] in PREPOSITIONS or not words[-1][-1:].isalnum():
        return None
    span = text[s:e]
    desc = WS.sub(" ", span)
    if words[0] in DET_WORDS:
        desc = desc[0].lower() + desc[1:]
    return anonymous_mention(s, e, span, desc)


def _agent(text: str, a: int, hi: int, mentions: list[dict]) -> dict | None:
    """The agent of a passive verb, starting at ``a`` right after "by": the mention found there (past "the"),
    else the noun phrase as a descriptive source (:func:`analysis.extraction.sources.according_np`), else None.

    >>> _agent("was reported by the state auditor.", 16, 34, [])["actor"]
    'the state auditor'
    """
    for x in mentions:
        if a <= x["start"] <= a + 4 and text[a : x["start"]] in ("", "the ", "The ") and not x.get("in_quote"):
            return x
        if x["start"] > a + 4:
            break
    return according_np(text, a - 1, hi)


def _relative_end(text: str, a: int, hi: int) -> int:
    """End of a relative clause whose verb ends at ``a``: the first comma outside quotes, a coordinated
    "and which", or the clause's end.

    >>> s = "which Lee said was costly, failed."
    >>> s[:_relative_end(s, 14, len(s))]
    'which Lee said was costly'
    """
    b = stop_clause_end(text, a, hi)
    comma = comma_outside_quotes(text, a, b)
    if comma is not None:
        b = comma
    m = _AND_RELATIVE.search(text, a, b)
    return m.start() if m else b


def _relative_claim(text: str, lo: int, hi: int, cue: dict, mentions: list[dict]) -> tuple[dict, int, int] | None:
    """(source, content start, content end) of a cue in an object-gap relative clause ("the bridge, which Ann
    Cole called “a waste”", "what economists call spending"), else None.

    >>> s = "Lee backed the bill, which the union described as a fair deal."
    >>> src, a, b = _relative_claim(s, 0, len(s), {"start": 37, "end": 46, "form": "described"}, [])
    >>> src["actor"], s[a:b]
    ('the union', 'which the union described as a fair deal')
    """
    if cue["form"].endswith("ing"):
        return None  # "which included aides suggesting …": a participle, not the clause's verb
    before = text[max(lo, cue["start"] - 80) : cue["start"]]
    m = _RELATIVE_SUBJECT.search(before)
    if m is None:
        return None
    base = cue["start"] - len(before)
    a = base + m.start(1)
    prev = text[max(lo, a - 12) : a].split()
    if m.group(1).lower() == "which" and prev and prev[-1].lower() in PREPOSITIONS:
        return None  # "in which he hinted that …": not an object gap; the subject rule decides
    src = _subject_np(text, base + m.start(2), base + m.end(2), mentions)
    if src is None:
        return None
    a2, b = trim(text, a, _relative_end(text, cue["end"], hi))
    if b <= cue["end"]:
        # "the charge, which he has denied": nothing follows the verb; the relative word stands for what was said
        return (src, a, a + len(m.group(1))) if m.group(1).lower() != "what" else None
    return src, a2, b


def _as_claim(text: str, lo: int, hi: int, cue: dict, mentions: list[dict], clause_lo: int) -> tuple[dict, int, int] | None:
    """(source, content start, content end) of a cue in an as-clause ("As the Courier reported, …", "…, as
    Ann Cole noted.", "As reported by the Courier, …"), else None. The content is the main clause after
    the as-clause when it opens the sentence, else the clause before it.

    >>> s = "As the Daily Courier reported on Monday, the mayor spent the budget."
    >>> src, a, b = _as_claim(s, 0, len(s), {"start": 21, "end": 29}, [], 0)
    >>> src["actor"], s[a:b]
    ('the Daily Courier', 'the mayor spent the budget')
    >>> s = "Rates will rise, as Ann Cole noted."
    >>> src, a, b = _as_claim(s, 0, len(s), {"start": 29, "end": 34}, [], 0)
    >>> src["actor"], s[a:b]
    ('Ann Cole', 'Rates will rise')
    """
    before = text[max(lo, cue["start"] - 80) : cue["start"]]
    base = cue["start"] - len(before)
    after = cue["end"]
    m = _AS_SUBJECT.search(before)
    if m is not None and m.group(2).split()[0].lower() not in ("if", "though", "well", "long", "soon", "much", "far"):
        src = _subject_np(text, base + m.start(2), base + m.end(2), mentions)
    else:
        m = _AS_PASSIVE.search(before)
        by = _BY.match(text, cue["end"], hi) if m else None
        if by is None:
            return None
        src = _agent(text, by.end(), hi, mentions)
        if src is not None:
            after = src["end"]
    if src is None:
        return None
    tail = _AS_TAIL.match(text, after, hi)
    if tail is None:
        return None
    as_at = base + m.start(1)
    opening = _CLAUSE_LEAD.match(text, clause_lo, as_at) is not None
    if not opening and not _AS_AFTER.search(text, max(clause_lo, as_at - 6), as_at):
        return None  # "as bad as she said", "running as a candidate": no as-clause of its own
    stop = stop_clause_end(text, tail.end(), hi)
    goes_on = text.startswith(",", tail.end() - 1) and len(GAP_WORD.findall(text, tail.end(), stop)) >= 2
    if opening and goes_on:
        a, b = tail.end(), stop  # "As the Courier reported, the mayor …": the main clause after it
    elif cue_between(text, clause_lo, as_at):
        return None  # "“…,” Lee said, as reported by the Courier": a report of a report; Lee's claim stands
    elif goes_on:
        a, b = clause_lo, stop  # "Rates, as Lee noted, will rise": the sentence around the as-clause
    else:
        a, b = clause_lo, as_at  # "Rates will rise, as Lee noted.": the clause before it
    a, b = trim(text, a, b)
    lead = _CLAUSE_LEAD.match(text, a, b) if b - a > 8 else None
    if lead is None:
        lead = _LEAD_WORD.match(text, a, b)
    if lead and lead.end() > a:
        a, b = trim(text, lead.end(), b)
    return (src, a, b) if len(GAP_WORD.findall(text, a, b)) >= 2 else None


def _passive_claim(text: str, lo: int, hi: int, cue: dict, mentions: list[dict], clause_lo: int) -> tuple[dict, int, int] | None:
    """(source, content start, content end) of a passive cue with its agent ("The plan was first reported by
    the Courier"): the agent after "by", the content the clause's subject before the auxiliary; else None.

    >>> s = "The plan was first reported by the Valley Gazette."
    >>> src, a, b = _passive_claim(s, 0, len(s), {"start": 19, "end": 27, "cue_class": "neutral"}, [], 0)
    >>> src["actor"], s[a:b]
    ('the Valley Gazette', 'The plan')
    """
    if cue["cue_class"] == "critical":
        return None  # "The plan was criticized by Lee": its target, not something said
    by = _BY.match(text, cue["end"], hi)
    if by is None:
        return None
    aux = _PASSIVE_AUX.search(text, max(clause_lo, cue["start"] - 40), cue["start"])
    if aux is None:
        return None
    src = _agent(text, by.end(), hi, mentions)
    if src is None:
        return None
    if (
        src.get("how") == "anonymous"
        and src["text"][:1].islower()
        and src["text"].split()[0].lower() not in DET_WORDS | word_group("noun_determiner")
    ):
        return None  # "confirmed by now", "written by hand": no agent
    a, b = trim(text, clause_lo, aux.start())
    k = max(text.rfind(ch, a, b) for ch in ",;:—–(")
    sub = max((x.end() for x in _SUBORDINATOR.finditer(text, max(a, k + 1), b)), default=a)
    a = max(a, k + 1, sub)  # "…, when he was accused by X": the subordinate clause's subject
    lead = _LEAD_WORD.match(text, a, b)
    if lead:
        a = lead.end()
    a, b = trim(text, a, b)
    words = GAP_WORD.findall(text, a, b)
    if words and words[-1].lower() in ("which", "that", "who"):
        a = b - len(words[-1])  # "the email, which was first reported by X": the relative word stands for it
    return (src, a, b) if b > a and len(words) <= 10 else None


def embedded_claim(text: str, lo: int, hi: int, cue: dict, mentions: list[dict], claims: list[dict]) -> tuple[dict, int, int, str] | None:
    """(source, content start, content end, rule) of the embedded rules
    (``relative``, ``as-source``, ``passive``, tried in that order), else None. ``claims``: the claims
    found so far (where the cue's clause starts, :func:`analysis.extraction.contents.clause_start`).

    >>> s = "Rates will rise, as the Courier noted."
    >>> src, a, b, rule = embedded_claim(s, 0, len(s), {"start": 32, "end": 37, "form": "noted"}, [], [])
    >>> src["actor"], s[a:b], rule
    ('the Courier', 'Rates will rise', 'as-source')
    """
    before = text[max(lo, cue["start"] - 80) : cue["start"]]  # cheap substring tests first: most cues have none of these
    if ("hich " in before or "hat " in before or "hom " in before) and (got := _relative_claim(text, lo, hi, cue, mentions)):
        return (*got, "relative")
    as_clause = " as " in before or "As " in before or "(as " in before
    by_agent = " by " in text[cue["end"] : cue["end"] + 24]
    if not (as_clause or by_agent):
        return None
    clause_lo = clause_start(text, lo, claims)
    if as_clause and (got := _as_claim(text, lo, hi, cue, mentions, clause_lo)):
        return (*got, "as-source")
    if by_agent and (got := _passive_claim(text, lo, hi, cue, mentions, clause_lo)):
        return (*got, "passive")
    return None
