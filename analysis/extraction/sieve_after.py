"""Quote rules ``adjacent`` and ``dash``: an attribution right after a quote's closing mark.

The first steps of the quote sieve (:mod:`analysis.extraction.quote_sieve`), reading the line after
the quote: “…,” Ann Cole said / “…?” said Ann Cole, a clerk / “….” the retired carpenter added /
“…,” the sign read / “…,” an old friend, Ann Cole, recalled, with the quote-only verbs of ``quote_verbs.txt``
(:func:`adjacent_speaker`; a short term quote too when it ends in a comma, ? or !), and
“…” — Ann Cole / “…” — Mayor Ann Cole, the dash (or a hyphen) possibly opening the next paragraph
(:func:`dash_speaker`).

Imports :mod:`analysis.extraction.cues`, :mod:`analysis.extraction.contents`,
:mod:`analysis.extraction.subjects` and :mod:`analysis.extraction.sources` of the claim modules.
"""

from __future__ import annotations

import bisect
import re

from .contents import TIME_LEAD, skip_addressee, stop_at_clause
from .cues import quote_verb_cues
from .sources import BE, FILLER
from .subjects import description_mention

__all__ = ["CUE_WORD", "DASH", "adjacent_speaker", "dash_speaker"]


DASH = re.compile(r"[ \t]*(?:[—–―]+|--?(?=\s))[ \t]*")
_DASH_NEXT = re.compile(r"[ \t]*\n[ \t\n]*(?:[—–―]+|--?)[ \t]*(?=[A-Z])")


def dash_speaker(text: str, q: dict, mentions: list[dict], mstarts: list[int]) -> dict | None:
    """The name right after a dash that follows the quote (“…” — Ann Cole), else None."""
    d = DASH.match(text, q["mark_end"])
    if not d or d.end() == q["mark_end"] or not text[q["mark_end"] : d.end()].strip():
        d = _DASH_NEXT.match(text, q["mark_end"])  # the dash opens the next paragraph: “…”\n\n— Ann Cole.
        if not d:
            return None
    k = bisect.bisect_left(mstarts, d.end())
    if k < len(mentions) and mentions[k].get("actor") is not None and _DASH_TITLES.fullmatch(text, d.end(), mentions[k]["start"]):
        return mentions[k]  # “…” — Mayor Ann Cole: past capitalised title words
    return None


_DASH_TITLES = re.compile(r"(?:[A-Z][\w.’'-]*[ \t\xa0]+){0,3}")


_AFTER_CLOSE = re.compile(r"['’]?[ \t\xa0]*,?[ \t\xa0]*")  # a doubled closing apostrophe ('' the note says) counts once
_INV_STOP = re.compile(r"[,;:!?“”\"(\n]|\.(?=\s+(?:[a-z]|[“\"]|$))|\s(?:who|which|on|in|at|during|after|before|to|as|while|when)\s")


def adjacent_speaker(
    text: str, q: dict, mentions: list[dict], mstarts: list[int], cues: list[dict], cstarts: list[int]
) -> tuple[dict, dict] | None:
    """:func:`_adjacent_attribution`, unless the quote ended its sentence with a full stop and the
    verb goes on with content of its own (“….” Ann Cole said Monday she would run: a new report)."""
    found = _adjacent_attribution(text, q, mentions, mstarts, cues, cstarts)
    if found is None and (extra := quote_verb_cues(text, q["mark_end"])):
        found = _adjacent_attribution(text, q, mentions, mstarts, extra, [c["start"] for c in extra])  # “…,” Ann Cole pressed
    if found is None or text[q["start"] : q["end"]].rstrip("”\"’' ")[-1:] not in (".", "…"):
        return found
    src, cue = found
    end = max(cue["end"], src["end"])
    t = TIME_LEAD.match(text, end)
    rest = stop_at_clause(text[t.end() if t else end : end + 200])
    if cue.get("addressee"):
        rest = skip_addressee(rest)
    return found if _ATTRIBUTION_TAIL.match(rest) else None


# what may follow an attribution that closes its sentence: nothing, a comma, a circumstance or a hearer
_ATTRIBUTION_TAIL = re.compile(
    r"\s*(?:$|[,;—–(]|:(?![ \t\xa0]*[“\"‘']|[ \t\xa0]*\n)|(?:in|at|on|during|after|before|from|of|to|with|while|when|as|outside|inside|via|through|about|"
    r"afterwards?|later|earlier|again|recently|then|too|also|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight)\b)",
    re.I,
)


def _adjacent_attribution(
    text: str, q: dict, mentions: list[dict], mstarts: list[int], cues: list[dict], cstarts: list[int]
) -> tuple[dict, dict] | None:
    """(speaker, cue) of an attribution standing right after the quote's closing mark, on the same line:
    “…,” Ann Cole said / “…?” she asked / “…,” said Ann Cole, a pollster / “….” The mayor added.
    A pronoun speaker is the mention resolved in place (its antecedent). Else None.

    >>> s = "“We stay,” Ann Cole said."
    >>> ms = [{"start": 11, "end": 19, "actor": "Ann Cole", "kind": "person", "how": "proper"}]
    >>> cs = [{"start": 20, "end": 24, "text": "said", "form": "said"}]
    >>> _adjacent_attribution(s, {"mark_end": 10}, ms, [11], cs, [20])[0]["actor"]
    'Ann Cole'
    """
    p = _AFTER_CLOSE.match(text, q["mark_end"]).end()
    if p >= len(text) or text[p] in '\n“"':
        return None
    k = bisect.bisect_left(cstarts, p)
    if k < len(cues) and cues[k]["start"] == p:  # “…,” said Ann Cole
        cue = cues[k]
        stop = _INV_STOP.search(text, cue["end"], min(len(text), cue["end"] + 90))
        limit = stop.start() if stop else cue["end"] + 90
        j = bisect.bisect_left(mstarts, cue["end"])
        while j < len(mentions) and mentions[j]["start"] < limit:
            m = mentions[j]
            if m["kind"] != "place" and not text[cue["end"] : m["start"]].strip(" \t\xa0"):
                return (m, cue) if m.get("actor") is not None else None
            if m["kind"] != "place" and _DET_ONLY.match(text, cue["end"], m["start"]):
                return (m, cue) if m.get("actor") is not None else None
            j += 1
        d = _DESC_AFTER.match(text, cue["end"]) or _LONE_AFTER.match(text, cue["end"])
        if d and (j >= len(mentions) or mentions[j]["start"] >= d.end(1)):
            return description_mention(text, d.start(1), d.end(1)), cue  # “…,” said the gambling tycoon
        # no speaker after it: the verb-like word may open the speaker's title (“…,” state Sen. Ann Cole said)
    k = bisect.bisect_left(cstarts, p)
    if k + 1 < len(cues) and cues[k]["start"] < p + 60 and not _DESC_NP.fullmatch(text, p, cues[k]["start"]):
        k += 1  # a noun that is also a verb form ("“…,” the note says"): the verb after it
    if k < len(cues) and cues[k]["start"] < p + 60:
        d = _DESC_NP.fullmatch(text, p, cues[k]["start"]) or _LONE_NP.fullmatch(text, p, cues[k]["start"])
        if d and not CUE_WORD.search(d.group(1)):
            j = bisect.bisect_left(mstarts, p)
            inner = []
            while j < len(mentions) and mentions[j]["start"] < d.end(1):
                inner.append(mentions[j])
                j += 1
            if all(m["how"] in ("anonymous", "description") for m in inner):
                same = [m for m in inner if m["start"] == d.start(1) and m["end"] == d.end(1) and m.get("actor") is not None]
                # “…,” the real estate developer said
                return (same[0] if same else description_mention(text, d.start(1), d.end(1))), cues[k]
    j = bisect.bisect_left(mstarts, p)
    while j < len(mentions) and mentions[j]["start"] < p + 60:
        m = mentions[j]
        if m["kind"] == "place" or not _TITLE_GAP.match(text, p, m["start"]):
            return None
        if m["how"] in ("anonymous", "description") and j + 1 < len(mentions) and text[m["end"] : mentions[j + 1]["start"]].strip() == ",":
            j += 1  # "another old friend, Ann Cole, recalled": the name the description introduces
            continue
        # the mention is followed, past an apposition or a time phrase, by a reporting verb
        c = bisect.bisect_left(cstarts, m["end"])
        while c < len(cues) and cues[c]["start"] < m["end"] + 170:
            cue = cues[c]
            gap = text[m["end"] : cue["start"]]
            if ((FILLER.match(gap) or gap.strip() in _FREQUENCY) and not BE.search(gap)) or _long_apposition(gap):
                return (m, cue) if m.get("actor") is not None else None
            c += 1
        j += 1  # a title, a nested or an adjoining mention ("Acme senior adviser Ann Cole said")
    return None


# a descriptive speaker right before or after the verb: "the real estate developer", "one user", "another voter"
_DESC_NP = re.compile(
    r"[ \t\xa0]*((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:[ \t\xa0]+[\w’'.-]+){1,5}?)"
    r"(?=[ \t\xa0]*(?:[,.;:!?]|$|[ \t\xa0]\w))[ \t\xa0]*"
)
_STOP_WORDS = r"(?:who|which|that|to|in|on|at|of|for|with|and|but|was|were|is|are|has|had|have|after|before|during|while|as)"
# a descriptive speaker after the verb, up to punctuation or a preposition/relative word: "said the gambling tycoon in …"
_DESC_AFTER = re.compile(
    rf"[ \t\xa0]+((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his)(?:[ \t\xa0]+(?!{_STOP_WORDS}\b)[\w’'-]+){{1,5}})"
    rf"(?=[ \t\xa0]*(?:[,.;:!?]|$)|[ \t\xa0]+{_STOP_WORDS}\b)"
)
CUE_WORD = re.compile(r"\b(?:who|which|that|to|in|on|at|of|for|with|and|but|was|were|is|are|has|had|have)\b", re.I)
# a lone "another" / "one" as the speaker of a quote in a series: “…,” tweeted another. / “…,” one wrote.
_LONE_AFTER = re.compile(r"[ \t\xa0]+([Aa]nother|[Oo]ne)(?=[ \t\xa0]*(?:[,.;:!?]|$))")
_LONE_NP = re.compile(r"[ \t\xa0]*([Aa]nother|[Oo]ne)[ \t\xa0]+")
# between a name and its verb: a party label, an affiliation ("of the Center for Roads Policy"), up to
# three comma-bounded appositions ("Ann Cole, 67, a retired clerk in Salem, Ore.,") and "is quoted as"
_LONG_APPOSITION = re.compile(
    r"""[ \t\xa0]*(?:\([A-Z][\w.-]{0,12}\)[ \t\xa0]*)?
    (?:(?:of|from|at|with)[ \t\xa0]+(?:the[ \t\xa0]+)?[A-Z][\w.’'&-]*(?:[ \t\xa0]+(?:(?:of|for|and|on|the|&)[ \t\xa0]+)*[A-Z][\w.’'&-]*){0,7}[ \t\xa0]*)?
    (?:,(?:[^,;:“”"«»\n]{1,100}?,){1,3}[ \t\xa0]*)?
    (?:(?:is|was)[ \t\xa0]+quoted[ \t\xa0]+as[ \t\xa0]+|(?:also|later|then|again|\w+ly)[ \t\xa0]+)?$""",
    re.X,
)


def _long_apposition(gap: str) -> bool:
    """True when ``gap`` (between a name and a reporting verb after a quote) is an affiliation, a
    party label, appositions or "is quoted as" and nothing else — at least one of them, no clause.

    >>> _long_apposition(" of the Center for Roads Policy ")
    True
    >>> _long_apposition(", 67, a retired clerk in Salem, Ore., ")
    True
    >>> _long_apposition(" is quoted as "), _long_apposition(" wants the city to "), _long_apposition(" ")
    (True, False, False)
    """
    return bool(gap.strip()) and _LONG_APPOSITION.match(gap) is not None


_FREQUENCY = frozenset(("often", "still", "now", "sometimes", "always", "once", "even", "just", "soon"))
_DET_ONLY = re.compile(r"[ \t\xa0]+(?:the|a|an)[ \t\xa0]+(?=\S)", re.I)
# title words before the speaker's name, possibly a descriptive apposition ending in a comma ("his old friend, Ann Cole")
_TITLE_GAP = re.compile(r"(?:(?:the|a|an|[A-Z][\w.’'-]*|[a-z][\w’'-]*)[ \t\xa0]+){0,6}(?:[a-z][\w’'-]*,[ \t\xa0]+)?$|$")
