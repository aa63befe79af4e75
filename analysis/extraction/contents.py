"""Contents: the span of what a claim reports, and the claim row over it.

A claim's content is what follows its reporting verb (:func:`content_after`): the clause after "that"
(past circumstance words, or the hearer of a tell-type verb: ``_that_gap_ok``, ``skip_addressee``),
what follows a colon, the quote right after the verb, or a plain object; cut where the reporter's own
words resume: a ", <participle>" clause (``object_end``), a semicolon (``coordinated_end``), a
concessive or a new coordinated clause (``tail_end``), the clause's stop (``stop_clause_end``). When
the verb closes the sentence the content is what precedes the source (``content_before``); an
attribution set off by commas takes the sentence around it (``aside_span``); a source-less "asked"
reports the question (``asked_content``). ``claim_record`` builds the claim row over a content span and
``set_span`` moves it, both recording the quotes the span holds.

Imports only :mod:`analysis.extraction.cues` of the claim modules (see :mod:`analysis.extraction.claims`).
"""

from __future__ import annotations

import bisect
import re

from ..core.resources import word_set
from .actors import PREPOSITIONS
from .cues import NOUNLIKE, WS, cue_between, cue_rx

__all__ = [
    "ASKER",
    "CLOSING_MARKS",
    "GAP_WORD",
    "HAS_QUOTE_CHAR",
    "SHOW_TITLE",
    "SUBJECT_WORDS",
    "TIME_LEAD",
    "WORD_CHAR",
    "adverbial_lead",
    "aside_span",
    "asked_content",
    "blank_title",
    "clause_start",
    "comma_outside_quotes",
    "content_after",
    "content_before",
    "coordinated_end",
    "first_word",
    "object_end",
    "predicate_end",
    "quote_at",
    "quote_opening_at",
    "set_span",
    "skip_addressee",
    "stop_at_clause",
    "stop_clause_end",
    "tail_end",
    "trim",
    "claim_record",
]
_THAT = re.compile(r"[^,.;:!?“”\"«»\n]{0,80}?\bthat\b\s*")
_CIRCUMSTANCE_OPEN = re.compile(r"\s+(?:in|at|on|during|after|before|while|from|via|through)\s")
_THAT_ADDRESSEE = re.compile(r"(?:[^.;:!?“”\"«»\n]|(?<=[A-Z])\.){0,120}?\bthat\b\s*")
_TO_QUOTE = re.compile(r"\s*(?:[^,.;:!?“”\"«»\n]{0,60}?\s*[:,])?\s*(?=[“\"«„”]|'')")
_COLON = re.compile(r"[^,.;!?“”\"«»\n]{0,60}?:\s*")
_ADDRESSEE = re.compile(
    r"\s+(?:the\s+)?(?:reporters|journalists|press|media|lawmakers|audience|parliament|lawmakers|"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:\s+(?:in|at)\s+[A-Z][\w]*)?(?=\s)"
)
_ADDRESSEE_NP = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,3}?"
    r"(?:reporters|journalists|press|media|lawmakers|audience|parliament|conference|briefing|"
    r"agency|channel|television|broadcaster|newspaper|outlet|interviewer|[A-Z][\w’'.-]*)\b"
    r"(?:\s+[A-Z][\w’'.-]*){0,3}"
)


def trim(text: str, a: int, b: int, strip: str = " \t\n\r,;:—–-") -> tuple[int, int]:
    while a < b and text[a] in strip:
        a += 1
    while b > a and (text[b - 1] in strip or text[b - 1] in ".!?" and b - 1 > a and text[b - 2] not in ".!?"):
        if text[b - 1] in ".!?":
            b -= 1
            break
        b -= 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return a, b


def quote_at(quotes: list[dict], a: int, b: int) -> list[dict]:
    """Quotes overlapping ``[a, b)`` (quotes sorted by start, non-overlapping)."""
    k = bisect.bisect_left(quotes, b, key=_qstart)
    out = []
    while k > 0:
        k -= 1
        q = quotes[k]
        if q["end"] <= a:
            break
        out.append(q)
    return out[::-1]


def _qstart(q: dict) -> int:
    return q["start"]


def quote_opening_at(quotes: list[dict], pos: int) -> dict | None:
    """The quote whose opening mark is at ``pos`` (± 1), else None."""
    k = bisect.bisect_left(quotes, pos - 1, key=lambda q: q["mark_start"])
    if k < len(quotes) and abs(quotes[k]["mark_start"] - pos) <= 1:
        return quotes[k]
    return None


TIME_LEAD = re.compile(
    r"\s+(?:(?:on|late|early|last|this|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|weekend|today|yesterday|tonight)(?:\s+(?:night|morning|evening|afternoon))?(?=\s+(?:that\b|[a-z]|[A-Z]))"
)
_ASKED_BY = re.compile(r"\s+by\s+[^,.;:!?“”\"]*?(?=\s(?:whether|if|what|how|why|who|which|when|where|about)\b)")


ASKER = re.compile(
    r"\s+by\s+((?:an?|the)\s+)?([^,.;:!?“”\"()\n]{2,80}?)(?=\s+(?:whether|if|what|how|why|who|which|when|where|about|to|on|for)\b|[,.;:!?])"
)


def asked_content(text: str, a: int, hi: int, quotes: list[dict]) -> tuple[int, int] | None:
    """The reported question after a source-less "asked": to the first comma outside quotes or the clause's end
    ("Asked whether he would run, …" -> "whether he would run"); a quote right after ", " is the question itself.

    >>> s = "Asked whether he would run again, Lee smiled."
    >>> a, b = asked_content(s, 5, len(s), []); s[a:b]
    'whether he would run again'
    >>> s = "Asked whether Mr. Lee would run, Cole smiled."
    >>> a, b = asked_content(s, 5, len(s), []); s[a:b]
    'whether Mr. Lee would run'
    """
    m = _ASKED_BY.match(text, a, hi) or ASKER.match(text, a, hi)
    if m:
        a = m.end()
    m = _TO_QUOTE.match(text, a, hi)
    if m and text[a : m.end()].strip() in (",", ":", ""):
        q = quote_opening_at(quotes, m.end())
        if q is not None:
            return q["start"], q["end"]
    b = comma_outside_quotes(text, a, hi)
    b = hi if b is None else b
    stop = _CLAUSE_STOP.search(text, a, b)
    while stop is not None and _abbreviation_stop(text, stop):
        stop = _CLAUSE_STOP.search(text, stop.end(), b)  # "asked whether Mr. Lee would run": not a stop
    if stop and text[stop.start()] in ".;!?":
        b = stop.start() + (1 if text[stop.start()] == "?" else 0)
    venue = _VENUE_TAIL.search(text, a, b)
    if venue is not None and not HAS_QUOTE_CHAR.search(text, a, venue.start()):
        b = venue.start()  # "asked about the plan during an interview on Monday": where it was asked
    a, b = trim(text, a, b)
    if b - a < 3 or not WORD_CHAR.search(text, a, b):
        return None
    return a, b


SUBJECT_WORDS = frozenset("he she they it we i you there this these those".split())
GAP_WORD = re.compile(r"[\w’'.-]+")


def first_word(text: str, a: int, b: int) -> str:
    """The first word of ``text[a:b]`` in lower case ('' when none).

    >>> first_word("said he would", 4, 13)
    'he'
    """
    m = GAP_WORD.search(text, a, b)
    return m.group(0).lower() if m else ""


# a time phrase whose determiner is also a subject pronoun ("this week", "that night")
_TIME_NP = re.compile(
    r"\b(?:this|that|last|next)\s+(?:week|month|year|morning|afternoon|evening|night|weekend|spring|summer|fall|autumn|winter|time)\b",
    re.I,
)


def _that_gap_ok(gap: str, addressee: bool) -> bool:
    """True when the words between a reporting verb and a following *that* are circumstance
    ("said Monday that", "said in a statement that") or, for tell-type verbs, the hearer
    ("told reporters that"); False when they hold a clause of their own ("said she left to show that").

    >>> _that_gap_ok(" in a statement on Monday", False), _that_gap_ok(" she filed it to show", False)
    (True, False)
    >>> _that_gap_ok(" reporters at the town hall", True), _that_gap_ok(" the reason is", False)
    (True, False)
    >>> _that_gap_ok(" earlier this week", False)
    True
    """
    words = GAP_WORD.findall(_TIME_NP.sub(" ", gap))  # "said earlier this week that": "this" is no subject there
    if not words:
        return True
    low = [w.lower() for w in words]
    if any(w in SUBJECT_WORDS for w in low):
        return False
    if addressee:
        return True
    f = low[0]
    return (
        f in PREPOSITIONS or f in word_set("that_gap_words.txt") or f in _CIRCUMSTANCE_WORDS or f.endswith("ly") or words[0][:1].isupper()
    )


# after a quote that ends with no punctuation of its own, lower-case words that go on with the sentence
_PARTIAL_QUOTE_GOES_ON = re.compile(r"\s*(?:[”\"»’]|'')\s+(?!(?:he|she|they|it|we|i|said|says|say|told|added|wrote|asked)\b)[a-z]")


def content_after(text: str, cue: dict, hi: int, quotes: list[dict]) -> tuple[int, int, str]:
    """Content span after the cue and how it was introduced ('that', 'colon', 'quote', 'object').

    A time phrase right after the verb is skipped ("said Thursday his worry was …").
    """
    p = cue["end"]
    t = TIME_LEAD.match(text, p, hi)
    if t:
        p = t.end()
    m = _THAT.match(text, p, hi) if text.find("that", p, min(hi, p + 84)) >= 0 else None
    if m is None and text.find("that", p, min(hi, p + 124)) >= 0 and (cue["addressee"] or _CIRCUMSTANCE_OPEN.match(text, p, hi)):
        # "told customers at a diner in Manchester, N.H., that …"; "said during a visit to Dover, Kent, that …"
        m = _THAT_ADDRESSEE.match(text, p, hi)
    if m is not None and not _that_gap_ok(text[p : m.end()].rstrip()[:-4], cue["addressee"]):
        m = None  # "said she filed it to show that …": the first clause is the content, not what follows "that"
    if (
        m
        and cue["lemma"] != "according to"
        and not any(
            WS.sub(" ", c.group(0).lower()) not in NOUNLIKE for c in cue_rx().finditer(text, p, m.start() + m.group(0).rfind("that"))
        )
    ):  # "said in remarks broadcast … that": a noun like "remarks" does not start a new claim
        return m.end(), hi, "that"
    # a quote may open the next paragraph after "X told reporters:" at the end of this one
    reach = hi
    while reach < len(text) and text[reach].isspace():
        reach += 1
    m = _TO_QUOTE.match(text, p, min(len(text), reach + 1))
    if m and not cue_between(text, p, m.end()):  # "said he agreed and added, “…”": the quote is the added claim's
        q = quote_opening_at(quotes, m.end())
        if q is not None:
            if _PARTIAL_QUOTE_GOES_ON.match(text, q["end"], hi) and text[q["start"] : q["end"]].rstrip()[-1:] not in ",.!?;:…":
                return q["start"], hi, "that"  # said “zero” voters would follow him: the quoted words open a clause
            return q["start"], q["end"], "quote"
    m = _COLON.match(text, p, hi)
    if m:
        return m.end(), hi, "colon"
    if cue["addressee"]:
        m = _ADDRESSEE.match(text, p, hi)
        if m:
            return m.end(), hi, "object"
    return p, hi, "object"


_COMMA_ING = re.compile(r",\s+(?:and\s+)?([a-z]+ing)\b")


def object_end(text: str, a: int, b: int, quotes: list[dict]) -> int:
    """End of a plain-object claim: before a ", <participle>" clause outside quotes (the reporter's continuation).

    >>> s = "the visit as a thaw, leaving the war to the end"
    >>> s[:object_end(s, 0, len(s), [])]
    'the visit as a thaw'
    """
    for m in _COMMA_ING.finditer(text, a, b):
        if m.group(1) in word_set("non_participles.txt"):
            continue
        if _inside_quote(m.start(), quotes):
            continue
        return m.start()
    return b


# a semicolon outside quotes closes a content: what follows is the reporter's next clause
_COORD_END = re.compile(r";\s")


# a concessive or contrastive clause after an object content is the reporter's ("…, even though …")
_TAIL = re.compile(
    r",\s+(?:even\s+though|although|though|whereas|instead|in\s+which|despite)\b"
    r"|,\s+(?:and|but)\s+(?:the|a|an|he|she|they|it|there|his|her|their|its|some|many)\b"  # a new clause
)
# the subject's next verb after a noun-phrase object ("called the merger a disaster and ranked …")
_TAIL_VP = re.compile(r"\s(?:and|but)\s+(?:[a-z]+ed)\b|,\s+(?:[a-z]+ed)\s")


# where and how the subject spoke, after an object ("called the plan a sham in a tweet Tuesday", "mentions her
# granddaughter in speeches"): the reporter's frame, not the content
_VENUE_TAIL = re.compile(
    r"\s(?:in|on|at|during|after)\s+(?:(?:a|an|the|his|her|their|its|this|last|one|several|many|two|recent|every|almost\s+every|each)\s+)?"
    r"(?:[\w’'.-]+\s+){0,3}?(?:speech(?:es)?|tweets?|interviews?|statements?|posts?|op-eds?|articles?|columns?|videos?|ads?"
    r"|debates?|appearances?|rall(?:y|ies)|briefings?|(?:news|press)\s+conferences?|e-?mails?|messages?|letters?|remarks|print"
    r"|Twitter|Facebook|Instagram|television|radio)\b"
)

_VENUE_TAIL_REST = 25  # at most this many characters of the object after the venue (a day: "in a tweet on Tuesday")


def tail_end(text: str, a: int, b: int, quotes: list[dict], np_object: bool = False) -> int:
    """End of an object content before a concessive or contrastive clause or a new coordinated clause
    outside quotes; after a noun-phrase object (``np_object``) also before the subject's next verb and
    before where the subject said it ("in a tweet", "in speeches").

    >>> s = "the overthrow of the regime, even though the result was clear"
    >>> s[:tail_end(s, 0, len(s), [])]
    'the overthrow of the regime'
    >>> s = "the merger a disaster and ranked its chief last"
    >>> s[:tail_end(s, 0, len(s), [], np_object=True)]
    'the merger a disaster'
    >>> s = "the plan a sham in a tweet on Tuesday"
    >>> s[:tail_end(s, 0, len(s), [], np_object=True)]
    'the plan a sham'
    """
    ms = list(_TAIL.finditer(text, a, b))
    if np_object:
        ms += list(_TAIL_VP.finditer(text, a, b)) + [m for m in _VENUE_TAIL.finditer(text, a, b) if b - m.end() <= _VENUE_TAIL_REST]
    ms.sort(key=lambda m: m.start())
    for m in ms:
        if _inside_quote(m.start(), quotes):
            continue
        return m.start() if m.start() > a else b
    return b


# the subject's next verb after a comma and "and" ("said he would cut fees, and reminded the crowd of …"):
# a past-tense verb with no subject of its own continues the sentence's subject, not the content
_NEXT_PREDICATE = re.compile(r",\s+and\s+(?:then\s+|also\s+|later\s+)?[a-z]+ed\s+(?!by\b|to\b|in\b|as\b)")


def predicate_end(text: str, a: int, b: int, quotes: list[dict]) -> int:
    """End of a content before ", and <past-tense verb>" outside quotes: the subject's next verb.

    >>> s = "he would cut fees, and reminded the crowd of his record"
    >>> s[:predicate_end(s, 0, len(s), [])]
    'he would cut fees'
    """
    return _end_before(_NEXT_PREDICATE, text, a, b, quotes)


def coordinated_end(text: str, a: int, b: int, quotes: list[dict]) -> int:
    """End of a content before a semicolon outside quotes ("Lee decried it; editorials railed …").

    >>> s = "the law was unfair; editorials railed against it"
    >>> s[:coordinated_end(s, 0, len(s), [])]
    'the law was unfair'
    """
    return _end_before(_COORD_END, text, a, b, quotes)


def _inside_quote(pos: int, quotes: list[dict]) -> bool:
    """True when ``pos`` falls inside one of ``quotes`` (sorted by ``mark_start``)."""
    k = bisect.bisect_right(quotes, pos, key=_mark_start) - 1
    return k >= 0 and pos < quotes[k]["mark_end"]


def _end_before(rx: re.Pattern, text: str, a: int, b: int, quotes: list[dict]) -> int:
    """Where the first match of ``rx`` in ``text[a:b]`` outside quotes starts (``b`` when none, or when it is at ``a``)."""
    for m in rx.finditer(text, a, b):
        if not _inside_quote(m.start(), quotes):
            return m.start() if m.start() > a else b
    return b


def _mark_start(q: dict) -> int:
    return q["mark_start"]


HAS_QUOTE_CHAR = re.compile(r"[“”\"«»]")


_CIRCUMSTANCE_WORDS = frozenset(
    "in at on during after aboard while before via over from earlier later last this when today yesterday".split()
)


def skip_addressee(short: str) -> str:
    """``short`` (the text after a tell-type verb) without its addressee: up to six words before a
    circumstance word (in, at, on, during, …) or the end, when they hold no quote mark or *that*.

    >>> skip_addressee(" Fox News host Sean Hannity in an interview aired Tuesday.")
    'in an interview aired Tuesday.'
    >>> skip_addressee(" reporters that talks went well.")
    ' that talks went well.'
    """
    words = short.split()
    k = next((i for i, w in enumerate(words) if w.lower() in _CIRCUMSTANCE_WORDS), len(words))
    head = words[:k]
    if not head or k > 6 or any(w.lower().strip(".,;:!?") == "that" or HAS_QUOTE_CHAR.search(w) for w in head):
        addressee = _ADDRESSEE_NP.match(short)
        return short[addressee.end() :] if addressee else short
    return " ".join(words[k:])


def _side_of(m: dict | None) -> str | None:
    return None if m is None else m.get("side")


def claim_record(text, a, b, src, cue, rule, quotes) -> dict:
    inq = quote_at(quotes, a, b)
    return {
        "start": a,
        "end": b,
        "text": text[a:b],
        "source": src.get("actor") if src else None,
        "source_id": src.get("actor_id") if src else None,
        "side": _side_of(src),
        "source_start": src["start"] if src else None,
        "source_end": src["end"] if src else None,
        "source_mention": src,
        "cue": cue["text"],
        "cue_lemma": cue["lemma"],
        "cue_start": cue["start"],
        "cue_end": cue["end"],
        "cue_class": cue["cue_class"],
        "direct": bool(inq),
        "quote_ids": [q["quote_id"] for q in inq],
        "rule": rule,
    }


def content_before(text: str, clause_lo: int, boundary: int, quotes: list[dict]) -> tuple[int, int]:
    """Content that precedes its attribution: the clause before it, or exactly the quote(s) it holds."""
    a, b = trim(text, clause_lo, boundary, ' \t\n\r,;:—–-“”"«»')
    inq = quote_at(quotes, a, b)
    if inq and min(q["start"] for q in inq) >= a - 1 and inq[0]["start"] <= a + 1:
        return inq[0]["start"], max(q["end"] for q in inq)
    return a, b


WORD_CHAR = re.compile(r"\w")
# a quoted programme or publication title after the verb ("said on ABC’s “This Week” on Sunday")
SHOW_TITLE = re.compile(r"(?<=\s)[“\"](?:[^“”\"\n.!?,]|[.,](?=[^”\"]))*?[,.]?[”\"]")


def blank_title(m: re.Match) -> str:
    """A short quoted title as plain words of the same length (at most six words), else unchanged.

    >>> SHOW_TITLE.sub(blank_title, " on ABC’s “This Week” on Sunday.")
    ' on ABC’s xThis Weekx on Sunday.'
    """
    body = m.group(0)
    return "x" + body[1:-1] + "x" if len(body.split()) <= 6 else body


CLOSING_MARKS = "”\"»’'"
_CLAUSE_STOP = re.compile(r",\s*(?:and\s+)?\w+ing\b|[.;!?](?<!\b[A-Z][.;!?])(?=\s|$)")


def adverbial_lead(text: str, a: int, b: int) -> bool:
    """True when ``text[a:b]`` (what precedes a source and its comma) is an introductory adverbial,
    not a reported clause: a short phrase (at most eight words) opened by a preposition ("In his
    speech,", "At one point on Sunday,").

    >>> s = "In his speech, Lee argued"
    >>> adverbial_lead(s, 0, 14), adverbial_lead("The vote was close, Lee said", 0, 19)
    (True, False)
    """
    seg = text[a:b]
    if HAS_QUOTE_CHAR.search(seg):
        return False
    words = GAP_WORD.findall(seg)
    return bool(words) and words[0].lower() in PREPOSITIONS and len(words) <= 8


# what may follow the verb (or an inverted source) inside an attribution set off by commas
_ASIDE_TAIL = re.compile(r"(?:\s+[\w’'.-]+){0,4}?\s*,\s+(?=[^\s“”\"«»‘’'])")


def aside_span(text: str, lo: int, hi: int, pre: str, after: int, claims: list[dict]) -> tuple[int, int] | None:
    """The content of an attribution set off by commas inside its sentence ("Such efforts, they
    believe, will fail"): the sentence from its clause start to its end, the aside included;
    None unless a plain comma (no quote mark) stands before the source and after the verb and
    words stand on both sides.

    >>> s = "Such efforts, they said, will fail soon."
    >>> a, b = aside_span(s, 0, len(s), "Such efforts,", 23, []); s[a:b]
    'Such efforts, they said, will fail soon'
    """
    if not pre.endswith(",") or pre[-2:-1] in CLOSING_MARKS:
        return None
    m = _ASIDE_TAIL.match(text, after, hi)
    if not m:
        return None
    start = clause_start(text, lo, claims)
    lead = text[start : lo + len(pre)]
    if HAS_QUOTE_CHAR.search(lead) or len(GAP_WORD.findall(lead)) < 2:
        return None
    end = stop_clause_end(text, m.end(), hi)
    if HAS_QUOTE_CHAR.search(text, m.end(), end) or len(GAP_WORD.findall(text, m.end(), end)) < 2:
        return None
    a, b = trim(text, start, end)
    return (a, b) if b > a else None


def stop_clause_end(text: str, a: int, hi: int) -> int:
    """End of the clause that starts at ``a``: the first sentence stop (``.;!?``, not the period of an
    abbreviation such as "Mr." or "Gov.") or ``hi``.

    >>> s = "to make Mr. Lee the head of it. Then"
    >>> s[: stop_clause_end(s, 0, len(s))]
    'to make Mr. Lee the head of it'
    """
    m = _CLAUSE_STOP.search(text, a, hi)
    while m is not None and (m.group(0).startswith(",") or _abbreviation_stop(text, m)):
        m = _CLAUSE_STOP.search(text, m.end(), hi)
    return m.start() if m else hi


def stop_at_clause(s: str) -> str:
    """``s`` up to its first clause stop (as :func:`stop_clause_end`, also a ", <participle>")."""
    m = _CLAUSE_STOP.search(s)
    while m is not None and _abbreviation_stop(s, m):
        m = _CLAUSE_STOP.search(s, m.end())
    return s[: m.start()] if m else s


_WORD_BEFORE_STOP = re.compile(r"(?<![\w.’'])([A-Za-z][A-Za-z.’']{0,5})$")
_ABBREVIATION_REACH = 8  # characters before a period searched for the abbreviation it ends


def _abbreviation_stop(text: str, m: re.Match) -> bool:
    """True when the stop ``m`` is the period of an abbreviation of ``abbreviations.txt`` ("Mr.", "Gov.")."""
    if m.group(0) != ".":
        return False
    w = _WORD_BEFORE_STOP.search(text, max(0, m.start() - _ABBREVIATION_REACH), m.start())
    return w is not None and w.group(1).lower() in word_set("abbreviations.txt")


def comma_outside_quotes(text: str, a: int, b: int) -> int | None:
    """Offset of the first comma in ``text[a:b]`` outside double quote marks, else None."""
    depth = 0
    for i in range(a, b):
        ch = text[i]
        if ch in "“«":
            depth += 1
        elif ch in "”»":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 1 - depth if depth <= 1 else depth
        elif ch == "," and depth == 0:
            return i
    return None


def clause_start(text: str, lo: int, claims: list[dict]) -> int:
    ends = [c["end"] for c in claims if c["end"] <= len(text)]
    return max([lo, *ends])


def set_span(text: str, claim: dict, a: int, b: int, quotes: list[dict]) -> None:
    claim["start"], claim["end"], claim["text"] = a, b, text[a:b]
    inq = quote_at(quotes, a, b)
    claim["direct"] = bool(inq)
    claim["quote_ids"] = [q["quote_id"] for q in inq]
