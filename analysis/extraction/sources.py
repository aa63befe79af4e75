"""Sources: the rules that find whom a reporting verb attributes a claim to.

One function per claim rule of :mod:`analysis.extraction.claims` (the ``rule`` column), which
:func:`analysis.extraction.claims.attribute_unit` tries in turn: ``subject`` and ``readout``
(``leftward_source``: the mention before the verb, past appositions, titles and time phrases),
``inverted`` (``inverted_source``: the mention right after a clause-final verb), ``participle`` (the
clause's subject once ``CLAUSE_INTRO``, ``intro_before_adverb`` or ``GERUND_PREP`` show that the
verb opens a clause of its own; ``with_source``, ``opening_subject``), ``according-to``
(``according_np``), ``subject-phrase`` (``phrase_source``), ``asked`` (``asker``),
and the line rules ``headline`` and ``transcript`` (``headline_claims``, ``transcript_claims``).

Imports :mod:`analysis.extraction.cues`, :mod:`analysis.extraction.contents` and
:mod:`analysis.extraction.subjects` of the claim modules.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..core.resources import word_set
from .actors import PREPOSITIONS, side_of, slug
from .contents import ASKER, GAP_WORD, HAS_QUOTE_CHAR, SHOW_TITLE, WORD_CHAR, claim_record, trim
from .cues import WS, finite_cue, word_group
from .grammar import PHRASE_WINDOW
from .subjects import DET_WORDS, anonymous_mention, strip_title_words, subject_position

__all__ = [
    "BE",
    "CLAUSE_INTRO",
    "COMMA_BEFORE",
    "FILLER",
    "GERUND_PREP",
    "RELATIVE",
    "according_np",
    "asker",
    "coordinated",
    "headline_claims",
    "intro_before_adverb",
    "inverted_source",
    "leftward_source",
    "opening_subject",
    "phrase_source",
    "transcript_claims",
    "with_source",
]
BE = re.compile(r"\b(?:was|were|is|are|been|being|be)\b", re.IGNORECASE)
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
FILLER = re.compile(
    r"""\s*(?:\([A-Z]{1,2}-[A-Z][A-Za-z.]*\)\s*)?
    (?:\s*(?:of|from)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*)?
    (?:,(?:[^,;:“”"«»\n]{1,160}?,){1,4}\s*|,(?!\s*(?:but|and|while|whereas|yet|or|so)\b)[^,;:“”"«»\n]{1,160}?(?=\s)\s*|,\s*
        |\s*(?:—|–|--|\s-\s)[^—–;:“”"«»\n]{1,160}?(?:—|–|--|\s-\s)\s*|\s*\([^()“”"«»\n]{1,120}\)\s*)?
    (?:(?:who|which)\s+)?
    (?:(?:has|have|had|was|were|is|are|also|later|then|again|previously|earlier|repeatedly|would|will|
        could|did|does|do|not|never|publicly|reportedly|separately|already|once|first|further|however|too|
        (?:does|did|do|has|have|had|is|are|was|were|would|could|should|ca|wo)n[’']t|cannot|
        can|may|might|must|should|been|since|still|even|just|now|long|in\s+the\s+past|
        (?:on|late|early)\s+"""
    + _DAYS
    + r"""|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:night|morning|evening)|
        in\s+a\s+(?:[\w-]+\s+){0,2}?(?:statement|post|speech|briefing|interview|address|message|call|letter)|
        (?:in|at)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}|
        \w+ly)\s*,?\s*)*$""",
    re.X,
)
# a preposition that takes the clause's subject into a gerund ("by saying", "after claiming", "while insisting")
GERUND_PREP = re.compile(r"\s(?:by|after|while|without|before|upon)\s+(?:\w+ly\s+)?$", re.I)


_COORDINATED = re.compile(r"(?:^|\s|,)(?:and|but)\s*$")


class _Span:
    """A stand-in for a regex match: ``start()`` and ``group(0)`` of a stretch of a string."""

    __slots__ = ("_start", "_text")

    def __init__(self, start: int, text: str):
        self._start, self._text = start, text

    def start(self) -> int:
        return self._start

    def group(self, _k: int = 0) -> str:
        return self._text


def intro_before_adverb(before: str) -> _Span | None:
    """The clause intro (``CLAUSE_INTRO``) that ends ``before`` once a final adverb is set aside
    (", and specifically mentioned", "and then said"), as a match-like span of ``before``, else None.

    >>> m = intro_before_adverb("Lee spoke, and then ")
    >>> m.start(), m.group(0)
    (9, ', and ')
    """
    adv = _ADVERB_END.search(before, max(0, len(before) - 40))
    if adv is None:
        return None
    m = CLAUSE_INTRO.search(before, max(0, adv.start() - 30), adv.start() + 1)
    return _Span(m.start(), before[m.start() : adv.start() + 1]) if m else None


def coordinated(intro: str) -> bool:
    """True when a clause intro ends with a coordinating "and"/"but": the verb after it shares the
    subject of the clause before ("Lee praised the plan but said …", "…, and added …").

    >>> coordinated(" but "), coordinated(", and "), coordinated(", ")
    (True, True, False)
    """
    return bool(_COORDINATED.search(intro))


CLAUSE_INTRO = re.compile(r"(?:[,;—–]\s*(?:and|but|while|whereas)?|\s(?:and|but|while|whereas))\s*$")
_READOUT = re.compile(
    r"(?:readout|statement|communiqu[ée]|transcript|release|summary|account|post|message)\s+"
    r"(?:from|of|by|issued\s+by|released\s+by)\s+(?:the\s+)?$",
    re.I,
)


def _ends_like_readout(before: str) -> bool:
    """Cheap necessary condition for ``_READOUT.search(before)``: ends with from/of/by (+ the) and whitespace."""
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 2)[-2:]
    if words and words[-1].lower() == "the":
        words.pop()
    return bool(words) and words[-1].lower() in ("from", "of", "by")


_LEFT_CANDIDATES = 6  # the rule below tries the last five mentions before a cue (and the one before each)


def _start(m: dict) -> int:
    return m["start"]


def leftward_source(text: str, lo: int, cue: dict, mentions: list[dict]) -> tuple[dict, str] | None:
    cands = []  # the last LEFT_CANDIDATES mentions before the cue, outside quotes, in text order
    for m in reversed(mentions[: bisect.bisect_left(mentions, cue["start"], key=_start)]):
        if m["end"] <= cue["start"] and not m.get("in_quote"):
            cands.append(m)
            if len(cands) == _LEFT_CANDIDATES:
                break
    cands.reverse()
    for i in range(len(cands) - 1, max(-1, len(cands) - 6), -1):
        m = cands[i]
        if not FILLER.match(text, m["end"], cue["start"]) and not _titled_filler(text[m["end"] : cue["start"]]):
            continue
        if _NEW_SUBJECT_GAP.match(text, m["end"], cue["start"]):
            continue  # "As Lee spoke, the crowd chanted", "Lee, a top aide said, …": the noun phrase after the comma is the subject
        if text[m["end"] : cue["start"]].strip() == "," and (head := _aside_head(text, cands, i)) is not None:
            if subject_position(text, lo, head):
                return head, "subject"  # "Lee, the editor of the town paper, the Courier, said": the name the aside hangs on speaks
            continue
        if m["how"] == "anonymous" and i > 0 and _APPOSITION_GAP.match(text[cands[i - 1]["end"] : m["start"]]):
            continue  # "Tomas Berglund, a Swedish analyst, said": the analyst is Berglund
        if (
            text[m["end"] : cue["start"]].strip() == ","
            and not text[m["end"] - 1 : m["end"]] == ")"
            and not COMMA_BEFORE.search(strip_title_words(text[max(lo, m["start"] - 60) : m["start"]]))
        ):
            continue  # "Lee, speaking aboard the ferry, said": only ", NAME, said" is an apposed source
        gap = text[m["end"] : cue["start"]].rsplit(",", 1)[-1]
        if BE.search(gap) and not cue["text"].lower().endswith("ing"):
            continue  # passive: "Lee was warned that …" — Lee is not the speaker
        if cue["text"].lower().endswith("ing") and not BE.search(gap):
            continue  # "emailed supporters saying …": a participle has no subject of its own (the participle rule decides)
        if m["kind"] == "place":
            continue
        before = text[lo : m["start"]]
        if _ends_like_readout(before) and _READOUT.search(before):
            return m, "readout"
        if subject_position(text, lo, m, finite_cue(text, cue)) or (
            _RELATIVE_SUBJECT_GAP.match(text, m["end"], cue["start"])
            and _VERB_PREPOSITION.search(text, max(lo, m["start"] - 12), m["start"])
        ):
            # "heard from Lee, who said …": the object of a verb's preposition is the relative pronoun's
            # antecedent (not "the head of Acme, who said": there the head speaks)
            return m, "subject"
    return None


_ASIDE_CANDIDATES = 6  # mentions looked back past (descriptions inside the aside) for the aside's head


def _aside_head(text: str, cands: list[dict], i: int) -> dict | None:
    """The named person before ``cands[i]`` whose aside runs up to it ("Lee, the editor of the town paper,
    the Courier, said": Lee), skipping descriptions inside the aside, else None."""
    for j in range(i - 1, max(-1, i - 1 - _ASIDE_CANDIDATES), -1):
        h = cands[j]
        if h["how"] == "anonymous":
            continue
        if h["kind"] == "person" and h["how"] != "pronoun" and _ASIDE_BEFORE.match(text, h["end"], cands[i]["start"]):
            return h
        return None
    return None


def _titled_filler(gap: str) -> bool:
    """True when ``gap`` is a source's filler once short quoted titles in it are read as plain words
    ("Tom Wendel, the author of “Going Viral,” said").

    >>> _titled_filler(", the author of “Going Viral,” "), _titled_filler(", “We will win,” ")
    (True, False)
    """
    if not HAS_QUOTE_CHAR.search(gap):
        return False
    plain = SHOW_TITLE.sub(_plain_title, gap)
    return plain != gap and not HAS_QUOTE_CHAR.search(plain) and FILLER.match(plain) is not None


def _plain_title(m: re.Match) -> str:
    """A short title-cased quoted title as one plain word of the same length, else unchanged (see :func:`blank_title`)."""
    body = m.group(0)
    words = GAP_WORD.findall(body)
    titled = all(w[:1].isupper() or w[:1].isdigit() or w in word_group("title_small") for w in words)  # “Going Viral,” not “We won,”
    return "x" * len(body) if len(body.split()) <= 6 and titled else body


_PHRASE_LEAD = frozenset("and but yet or while whereas meanwhile however".split())
RELATIVE = frozenset(("who", "which", "that"))
_RELATIVE_ASIDE = re.compile(r"\s*(?:who|which|the|an?)\s")
# a connective set off by commas between a subject and its verb ("Cement makers, for instance, argue …")
_CONNECTIVE_ASIDE = re.compile(
    r"\s*(?:however|meanwhile|instead|though|moreover|nonetheless|nevertheless|likewise|similarly|too|also|still|"
    r"for\s+(?:example|instance|their\s+part|its\s+part)|in\s+(?:turn|fact|contrast|particular|response)|of\s+course|by\s+contrast)\s*",
    re.I,
)
# determiners that also stand alone as a subject ("another says", "many said"); "all", "both" follow a subject
_PHRASE_MAX = 10
# "Those surveyed said", "Those over 60 say": a demonstrative heading a noun phrase


def phrase_source(text: str, lo: int, cue: dict) -> dict | None:
    """A descriptive source made of the noun phrase that stands as the clause's subject right
    before the verb, when no mention was found there ("Each side said", "Current and former
    officials said", "More than six in 10 said"), else None.

    >>> s = "Each side said the other was to blame."
    >>> phrase_source(s, 0, {"start": 10})["actor"]
    'each side'
    >>> phrase_source("What the group said was new.", 0, {"start": 15}) is None
    True
    """
    pre = text[lo : cue["start"]]
    k = max(pre.rfind(ch) for ch in ',;:—–()“”"\n')
    k2 = pre.rfind("''")
    if k2 >= 0 and k2 + 1 > k:
        k = k2 + 1  # a doubled apostrophe closes a quote too
    a, z = lo + k + 1, cue["start"]
    if z - a > PHRASE_WINDOW:
        return None  # a clause this long before the verb holds no short descriptive subject
    if k > 0 and pre[k] == "," and not pre[k + 1 :].strip():
        # "Managers at the depot, who met on Monday, say …" / "Officials in Vale, the state next door, said …":
        # the subject stands before a relative clause or an apposition set off by commas
        k0 = pre.rfind(",", 0, k)
        if (
            k0 > 0
            and (_RELATIVE_ASIDE.match(pre, k0 + 1) or _CONNECTIVE_ASIDE.fullmatch(pre, k0 + 1, k))
            and not HAS_QUOTE_CHAR.search(pre, k0, k)
        ):
            k1 = max(pre.rfind(ch, 0, k0) for ch in ',;:—–()“”"\n')
            a, z = lo + k1 + 1, lo + k0
    words = [(m.start(), m.end(), m.group(0)) for m in GAP_WORD.finditer(text, a, z) if WORD_CHAR.search(m.group(0))]
    words = [(x, y, w.strip(".")) if w.endswith(".") and len(w) > 2 and not w[-2].isupper() else (x, y, w) for x, y, w in words]
    while words and words[0][2].lower() in _PHRASE_LEAD:
        words.pop(0)
    while words and (
        words[-1][2].lower() in word_set("subject_tail_words.txt") or (words[-1][2].lower().endswith("ly") and len(words) > 1)
    ):
        words.pop()
    for i, (_x, _y, w) in enumerate(words):
        if i and w.lower() == "who":  # "Democrats in Iowa who watched the debate said": the head before "who"
            words = words[:i]
            break
    if not words or len(words) > _PHRASE_MAX:
        return None
    low = [w.lower() for _x, _y, w in words]
    if len(low) == 1 and low[0].endswith(("ly", "ing")):
        return None  # "specifically mentioned", "Having announced": an adverb or a participle, no subject
    if low[0] in word_group("approximator") and len(low) > 1 and (low[1][:1].isdigit() or low[1] in word_set("number_words.txt")):
        low[0] = "nearly"  # "About three in 10 said", "Over 40 percent said": a quantity, not a preposition
    if low[:2] == ["at", "least"]:
        low[0] = "nearly"  # "At least half of voters said"
    if "to" in low:
        # "Aides to Lee say", "advisers to the mayor said": a preposition before a name or a determiner,
        # not an infinitive ("those who want to said")
        low = [
            "of" if w == "to" and i + 1 < len(low) and (words[i + 1][2][:1].isupper() or low[i + 1] in DET_WORDS) else w
            for i, w in enumerate(low)
        ]
    if (
        low[0] in PREPOSITIONS
        or any(w in word_set("clause_words.txt") for w in (low[1:] if low[0] in word_group("demonstrative_head") and len(low) > 1 else low))
        or low[-1] in PREPOSITIONS
        or (low[-1] in DET_WORDS and low[-2:-1] != ["in"] and not (low[-1] in word_group("pronoun_determiner") and len(low) == 1))
    ):
        return None
    if any(w in RELATIVE for w in low) or not words[-1][2][-1:].isalnum():
        return None
    s, e = words[0][0], words[-1][1]
    span = text[s:e]
    desc = WS.sub(" ", span)
    if low[0] in DET_WORDS or (len(low) > 1 and desc[:1].isupper() and desc[1:2].islower() and low[0] in _clause_lead()):
        desc = desc[0].lower() + desc[1:]
    return anonymous_mention(s, e, span, desc)


@lru_cache(maxsize=1)
def _clause_lead() -> frozenset:
    """Lower-case words that open a noun phrase (determiners, quantifiers, common modifiers): lowered in a description."""
    return DET_WORDS | frozenset(("more", "nearly", "almost", "about", "current", "former"))


def inverted_source(text: str, hi: int, cue: dict, mentions: list[dict]) -> dict | None:
    stop = cue["end"] + 90
    np_end = re.search(r"[,;:!?“”\"(]|\.(?=\s+[a-z])|\s(?:who|which|on|in|at|during|after)\s", text[cue["end"] : min(hi, stop)])
    limit = cue["end"] + (np_end.start() if np_end else min(hi, stop) - cue["end"])
    cands = [m for m in mentions if cue["end"] <= m["start"] < limit and not m.get("in_quote") and m["kind"] != "place"]
    if not cands:
        return None
    persons = [m for m in cands if m["kind"] == "person"]
    return (persons or cands)[-1 if persons else 0]


def asker(text: str, a: int, hi: int, mentions: list[dict]) -> dict | None:
    """The asker named in "asked by X …" right after the verb at ``a``: X's mention, or the
    description itself ("a reporter") as a descriptive source; None when no "by" follows.

    >>> s = "When asked by a reporter whether it differed, Lee said no."
    >>> asker(s, 10, len(s), [])["actor"]
    'a reporter'
    """
    m = ASKER.match(text, a, hi)
    if not m:
        return None
    s0, e0 = m.start(1) if m.group(1) else m.start(2), m.end(2)
    inside = [x for x in mentions if s0 <= x["start"] and x["end"] <= e0 and x.get("actor") is not None and x.get("how") != "pronoun"]
    if inside:
        return inside[0]
    span = text[s0:e0]
    if len(span.split()) > 6 or not span[-1:].isalnum():
        return None
    desc = WS.sub(" ", span)
    desc = desc[0].lower() + desc[1:] if desc.split()[0].lower() in DET_WORDS else desc
    return anonymous_mention(s0, e0, span, desc)


_ACCORDING_NP = re.compile(
    r"\s+((?:[\w’'.&-]+\s+){0,7}?[\w’'&-]+)(?=\s*(?:[,.;:!?)—–]|\s(?:that|who|which|released|published|obtained|reviewed|in|on|at)\b|$))"
)


def according_np(text: str, a: int, hi: int) -> dict | None:
    """A descriptive source from the noun phrase after "according to" when no mention stands there
    ("according to a congressional timeline", "according to state law"), else None.

    >>> s = "Turnout rose, according to a county tally."
    >>> according_np(s, 26, len(s))["actor"]
    'a county tally'
    """
    m = _ACCORDING_NP.match(text, a, hi)
    if not m:
        return None
    span = m.group(1)
    if span.split()[0].lower() in PREPOSITIONS or span.split()[0].lower() in word_set("clause_words.txt"):
        return None
    desc = WS.sub(" ", span)
    return anonymous_mention(m.start(1), m.end(1), span, desc)


# "with" and a noun phrase before a participle: the absolute construction names its own speaker
_WITH_NP = re.compile(r"(?:^|[\s,;(—–])with\s+((?:[\w’'.&-]+\s+){1,8}?)$", re.I)


def with_source(text: str, lo: int, cue: dict, mentions: list[dict]) -> tuple[dict, int] | None:
    """(source, clause start) of a participle in an absolute construction ("…, with two networks
    calling the race", "with Acme News saying …"): the last mention of the noun phrase after "with",
    or that phrase as a descriptive source; None when no "with" phrase stands right before the verb.

    >>> s = "Lee won, with two networks calling the race early."
    >>> with_source(s, 0, {"start": 27}, [])[0]["actor"]
    'two networks'
    """
    before = text[max(lo, cue["start"] - 90) : cue["start"]]
    m = _WITH_NP.search(before)
    if not m:
        return None
    base = cue["start"] - len(before)
    s0, e0 = base + m.start(1), base + m.end(1)
    words = GAP_WORD.findall(m.group(1))
    if any(w.lower() in word_set("clause_words.txt") for w in words):
        return None
    inside = [x for x in mentions if s0 <= x["start"] and x["end"] <= e0 + 1 and not x.get("in_quote") and x.get("kind") != "place"]
    if inside and inside[0]["start"] == s0:
        return inside[0], base + m.start()
    span = text[s0:e0].rstrip()
    desc = WS.sub(" ", span)
    if desc.split()[0].lower() in DET_WORDS:
        desc = desc[0].lower() + desc[1:]
    src = anonymous_mention(s0, s0 + len(span), span, desc)
    return src, base + m.start()


# a descriptive noun phrase opening the sentence, then its verb (an auxiliary or a past form)
_OPENING_NP = re.compile(
    r"[\s“\"]*((?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Ss]ome)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+)"
    r"\s+(?:has|have|had|was|were|is|are|will|would|could|did|also|then|later|\w+ed)\b"
)


def opening_subject(text: str, lo: int, before: int) -> dict | None:
    """The descriptive noun phrase that opens the sentence as its subject ("The departments declined
    to comment, saying …"), as a descriptive source, else None.

    >>> s = "The two agencies declined to comment, saying the case was open."
    >>> opening_subject(s, 0, 38)["actor"]
    'the two agencies'
    """
    m = _OPENING_NP.match(text, lo, before)
    if not m or any(w.lower() in word_set("clause_words.txt") for w in GAP_WORD.findall(m.group(1))):
        return None
    span = m.group(1)
    desc = WS.sub(" ", span)
    desc = desc[0].lower() + desc[1:]
    return anonymous_mention(m.start(1), m.end(1), span, desc)


COMMA_BEFORE = re.compile(r",\s*$")
# a comma, then a determiner's noun phrase running up to the verb with no comma closing it: a new subject
# ("After Lee left, the crowd chanted"), not an apposition to the mention before ("Lee, the mayor, said")
_NEW_SUBJECT_GAP = re.compile(
    r"\s*,\s*(?:the|an?|some|many|several|most|his|her|their|its|one|two|three|both|all)\s+"
    r"(?:(?!(?:who|whose|which|that)\b)[^,;:“”\"«»()\n\s]+\s+){0,8}$"
)
# a preposition that a verb takes ("heard from", "spoke to", "met with", "was criticised by"), right before a mention
_VERB_PREPOSITION = re.compile(r"\b(?:from|to|with|by)\s+(?:the\s+)?$")
# an aside opened after a person's name that runs up to a later name set off by commas ("Lee, the editor of
# the town paper, …", "Lee, whose firm, …"): that later name is part of the aside
_ASIDE_BEFORE = re.compile(
    r",\s*(?:the|an?|whose|his|her|its|their)\s+(?:(?!and\b|or\b)[^,;:“”\"«»()\n\s]+\s+){0,8}[^,;:“”\"«»()\n\s]*,\s*(?:the\s+)?$"
)
# a relative pronoun right after the mention, then the verb (an adverb or auxiliary between)
_RELATIVE_SUBJECT_GAP = re.compile(r"\s*,?\s*(?:who|which)\s+(?:(?:has|have|had|also|later|then|again|\w+ly)\s+){0,2}$")
_APPOSITION_GAP = re.compile(r"^,\s*(?:(?:an?|the)\s+)?[\w’'.\- ]{0,40}$")


# "Name: what they said" opening a document (a headline): up to four capitalised words (with particles) and a colon
_HEADLINE = re.compile(
    r"[ \t]*((?:[A-Z][\w’'.&-]*)(?:[ \t]+(?:[A-Z][\w’'.&-]*|of|for|and|de|van|von|bin|al)){0,3})[ \t]*:[ \t]+(?=[\w“\"‘'])"
)


# adverbs, auxiliaries and a day between a clause intro and its verb: ", and specifically mentioned", "and then
# said", "and has since called for", "but on Monday announced"
_ADVERB_END = re.compile(
    r"\s+(?:(?:\w+ly|also|then|later|has|have|had|would|will|could|can|may|might|should|must|did|does|do|not|never|"
    r"since|still|even|just|now|already|again|once|long|(?:on|last|this|that)\s+"
    + _DAYS
    + r"|(?:last|this|that)\s+(?:week|month|year)|(?:does|did|do|has|have|had|would|could|should|ca|wo)n[’']t)\s+){1,4}$"
)
# a transcript line: a speaker's name in capitals, a colon, what they said ("LEE: We will win.")
_TRANSCRIPT = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.’'-]+(?:[ \t]+[A-Z][A-Z.’'-]+){0,2})[ \t]*:[ \t]+(?=\S)([^\n]+)")


def transcript_claims(text: str, mentions: list[dict], claims: list[dict], quotes: list[dict]) -> list[dict]:
    """Claims of transcript lines after the first line ("TAPPER: And the polls?", "ANN COLE: We will
    win."): the capitalised name is the source (its mention when one was found there), the rest of
    the line the content, the colon the cue (lemma ":", rule ``transcript``). A label that is no name
    ("UPDATE:", "EMAIL:", not_names.txt) or a single letter ("Q:", "A:") is skipped.

    >>> [(c["source"], c["text"]) for c in transcript_claims("Title\\nLEE PARK: We will win.", [], [], [])]
    [('Lee Park', 'We will win')]
    """
    out = []
    first_eol = text.find("\n")
    for m in _TRANSCRIPT.finditer(text, first_eol + 1 if first_eol >= 0 else len(text)):
        name = m.group(1)
        words = name.split()
        if len(name.replace(".", "")) < 2 or any(w.lower().strip(".") in word_set("not_names.txt") for w in words):
            continue
        a, b = trim(text, m.start(2), m.end(2))
        if b - a < 3 or any(c["start"] < b and a < c["end"] for c in claims):
            continue
        s, e = m.start(1), m.end(1)
        inside = [x for x in mentions if s <= x["start"] and x["end"] <= e and x.get("actor") is not None and x.get("how") != "pronoun"]
        if inside:
            src = inside[0]
        else:
            actor = " ".join(w.capitalize() for w in words)
            src = {
                "start": s,
                "end": e,
                "text": name,
                "actor": actor,
                "actor_id": slug(actor),
                "side": side_of(name),
                "how": "proper",
                "kind": "name",
                "gender": None,
            }
        colon = text.find(":", e, m.start(2))
        cue = {"text": ":", "lemma": ":", "start": colon, "end": colon + 1, "cue_class": "neutral"}
        out.append(claim_record(text, a, b, src, cue, "transcript", quotes))
    return out


_HEADLINE_TOPIC = re.compile(r"\s+(?:On|About|Over|To|For)\s.*$")


def headline_claims(text: str, mentions: list[dict], claims: list[dict], quotes: list[dict]) -> list[dict]:
    """A claim for a headline that attributes by a colon ("Lee: Plan will pass"): the source is the
    capitalised phrase before the colon (its mention when one was found there), the content the rest
    of the line, the colon the cue (lemma ":", rule ``headline``). Only the document's first line counts;
    a phrase whose single word is no name ("Breaking:", "Watch:", "Revealed:") or that opens with an
    article ("The Latest:") is skipped, as is a line a claim already covers.

    >>> [(c["source"], c["text"]) for c in headline_claims("Lee Park: Budget will pass.\\nText.", [], [], [])]
    [('Lee Park', 'Budget will pass')]
    >>> headline_claims("Breaking: Budget will pass.\\nText.", [], [], [])
    []
    """
    m = _HEADLINE.match(text)
    if not m:
        return []
    name = m.group(1)
    words = name.split()
    first = words[0].lower().strip(".")
    if first in word_set("not_names.txt") or first in DET_WORDS or (len(words) == 1 and first.endswith("ed")):
        return []
    eol = text.find("\n", m.end())
    eol = len(text) if eol < 0 else eol
    a, b = trim(text, m.end(), eol)
    if len(GAP_WORD.findall(text, a, b)) < 3 or any(c["start"] < b and a < c["end"] for c in claims):
        return []
    s, e = m.start(1), m.end(1)
    inside = [x for x in mentions if s <= x["start"] and x["end"] <= e and x.get("actor") is not None and x.get("how") != "pronoun"]
    cut = _HEADLINE_TOPIC.search(name)  # "Ann Cole On Taxes: …": the speaker stands before the topic
    if cut:
        name, e = name[: cut.start()], s + cut.start()
        inside = [x for x in inside if x["end"] <= e]
    if inside and inside[0]["start"] == s:
        src = max((x for x in inside if x["start"] == s), key=lambda x: x["end"] - x["start"])
    elif len(inside) == 1 and not cut:
        src = inside[0]
    else:
        src = {
            "start": s,
            "end": e,
            "text": name,
            "actor": name,
            "actor_id": slug(name),
            "side": side_of(name),
            "how": "proper",
            "kind": "name",
            "gender": None,
        }
    colon = text.rfind(":", e, m.end())
    cue = {"text": ":", "lemma": ":", "start": colon, "end": colon + 1, "cue_class": "neutral"}
    return [claim_record(text, a, b, src, cue, "headline", quotes)]
