"""Quote rules that read the quote's own sentence before it.

Steps of the quote sieve (:mod:`analysis.extraction.quote_sieve`), in its order: ``colon`` (the
subject of the sentence whose colon introduces the quote, :func:`colon_subject`), ``put-it`` ("As Ann
Cole put it, “…”", :func:`put_it_speaker`), ``naming`` / ``passive-by`` ("is called “…”": speaker None,
or the agent of "by X" after it, :func:`naming`), ``sentence-cue`` (the nearest reporting verb before the
quote, with its source, :func:`sentence_cue_speaker`), ``possessive`` ("her claim that “…”",
:func:`possessive_speaker`), ``sentence-subject`` (:func:`sentence_subject`) and, last of the sieve,
``subject-phrase`` (a determiner phrase opening the clause before a finite verb,
:func:`phrase_subject`).

Imports the claim modules below the sieve and ``CUE_WORD`` of :mod:`analysis.extraction.sieve_after`.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from ..core.resources import read_list, word_set
from .actors import PREPOSITIONS, compatible, literal_alternation
from .cues import NOUNLIKE, cue_rx
from .grammar import SKIPPED_MENTIONS
from .sieve_after import CUE_WORD
from .sources import BE, COMMA_BEFORE, RELATIVE, leftward_source
from .subjects import DET_WORDS, after_intro, description_mention, drop_det, lone_capital, strip_title_words, subject_position

__all__ = [
    "colon_subject",
    "expletive_it",
    "inside_any_mark",
    "naming",
    "phrase_subject",
    "possessive_speaker",
    "put_it_speaker",
    "sentence_cue_speaker",
    "sentence_subject",
]


# what may stand before a name that a colon labels as the speaker: a line start, a dash, "from"
_LABEL_BEFORE = re.compile(r"(?:^|\n|[—–―]|\s-|\bfrom)\s*$")


def colon_subject(text: str, q: dict, units, ustarts: list[int], mentions: list[dict], mstarts: list[int]) -> dict | None:
    """The subject of the sentence whose colon introduces quote ``q`` ("Lee continued:\n\n“…”"), else None."""
    i = q["mark_start"] - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != ":" or q["mark_start"] - i > 6:
        return None
    k = bisect.bisect_right(ustarts, i) - 1
    if k < 0:
        return None
    lo = after_intro(text, units[k][0], i)
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, i)
    if j1 > 0 and mentions[j1 - 1]["end"] <= i and not text[mentions[j1 - 1]["end"] : i].strip():
        # "HEADLINE — Ann Cole: “…”", "More from Ann Cole and Tomas Berg: “…”": the name the colon labels
        j = j1 - 1
        while j > 0 and text[mentions[j - 1]["end"] : mentions[j]["start"]].strip() in ("and", "&", ","):
            j -= 1
        first = mentions[j]
        if (
            first.get("actor") is not None
            and first["kind"] not in ("place", "country")
            and _LABEL_BEFORE.search(text, max(0, first["start"] - 12), first["start"])
        ):
            return first
    for m in mentions[j0:j1]:
        if m.get("in_quote") or m.get("actor") is None or m["kind"] == "place" or lone_capital(text, lo, m):
            continue  # "Growing louder, Ann Cole went on: …": a capitalised sentence word is no subject
        if subject_position(text, lo, m):
            return m
        break
    if j1 > j0 and (m := mentions[j1 - 1])["end"] <= i and not text[m["end"] : i].strip():
        if m.get("actor") is not None and m["kind"] == "person" and not m.get("in_quote"):
            return m  # "… does not surprise pollster Ann Cole: “…”": the person the colon labels
    return None


def _marks(text: str, lo: int, hi: int) -> int:
    """Double quote marks in ``text[lo:hi]``."""
    return text.count("“", lo, hi) + text.count("”", lo, hi) + text.count('"', lo, hi)


def inside_any_mark(text: str, pos: int, lo: int) -> bool:
    """True when an odd number of double quote marks stands between ``lo`` and ``pos`` (pos is inside a quote)."""
    return _marks(text, lo, pos) % 2 == 1


_RELATIVE_BEFORE = re.compile(r"[ \t\xa0]*,?[ \t\xa0]*\b(?:who|which)[ \t\xa0]+(?:(?:also|later|then|once|had|has|have|\w+ly)[ \t\xa0]+)?$")
_ABSOLUTE_BEFORE = re.compile(r"(?:[—–]|\b(?:with|without))\s*$")


def _participle_subject(text: str, lo: int, cue: dict, unit_m: list[dict]) -> dict | None:
    """The name right before a reporting participle that opens an absolute clause ("…, with Ann Cole
    calling it “a mess”", "… — Ann Cole saying “…”"), else None.

    >>> s = "The talks ended, with Ann Cole calling it “a mess.”"
    >>> m = {"start": 22, "end": 30, "actor": "Ann Cole", "kind": "person"}
    >>> _participle_subject(s, 0, {"start": 31, "text": "calling"}, [m])["actor"]
    'Ann Cole'
    """
    if not cue["text"].lower().endswith("ing"):
        return None
    k = len(unit_m) - 1
    while k >= 0 and unit_m[k]["end"] > cue["start"]:
        k -= 1
    if k < 0:
        return None
    m = unit_m[k]
    gap = text[m["end"] : cue["start"]]
    if gap.strip() and not (gap.strip().endswith("ly") and " " not in gap.strip()):
        return None
    if m.get("actor") is None or m["kind"] in ("place", "country") or m.get("in_quote"):
        return None
    return m if _ABSOLUTE_BEFORE.search(strip_title_words(drop_det(text[lo : m["start"]]))) else None


def sentence_cue_speaker(text: str, q: dict, units, ustarts, mentions, mstarts, cues, cstarts) -> tuple[dict, dict] | None:
    """(source, cue) of the nearest reporting verb before the quote in its own sentence, when a
    source stands before that verb ("Lee wrote to his followers, “…”", "what Lee called “…”", "…, with
    Lee calling it “…”"), else None."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = units[k][0]
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, q["mark_start"])
    unit_m = [m for m in mentions[j0:j1] if not m.get("in_quote")]
    c0, c1 = bisect.bisect_left(cstarts, lo), bisect.bisect_left(cstarts, q["mark_start"])
    # marks between lo and each cue, counted backwards from the quote once (not from lo again per cue)
    total, after, prev = _marks(text, lo, q["mark_start"]), 0, q["mark_start"]
    for cue in reversed(cues[c0:c1]):
        after, prev = after + _marks(text, cue["start"], prev), cue["start"]
        if (total - after) % 2 == 1 or cue["form"] in NOUNLIKE:  # inside_any_mark(text, cue["start"], lo)
            continue
        if (ps := _participle_subject(text, lo, cue, unit_m)) is not None:
            return ps, cue  # "…, with Ann Cole calling it “a mess”"
        rel = _RELATIVE_BEFORE.search(text, max(lo, cue["start"] - 40), cue["start"])
        if rel:
            k2 = bisect.bisect_right([m["end"] for m in unit_m], rel.start()) - 1
            if (
                k2 >= 0
                and unit_m[k2]["actor"] is not None
                and unit_m[k2]["kind"] != "place"
                and not text[unit_m[k2]["end"] : rel.start()].strip(" ,")
            ):
                return unit_m[k2], cue  # "…, Ann Cole Jr., who suggested that Berg was “…”": the relative pronoun's antecedent
        left = leftward_source(text, lo, cue, unit_m)
        if left and left[0].get("actor") is not None:
            return left[0], cue
        a = max(lo, cue["start"] - 70)
        d = _DESC_BEFORE.search(text[a : cue["start"]])  # a slice: ^ is the sentence start when a == lo
        if d and cue["text"].lower().endswith("ing") and _ends_with_verb(d.group(1)):
            d = None  # "as the meeting began, vowing …": a clause, not a phrase
        if d and (a == lo or d.start(1) > 0) and not CUE_WORD.search(d.group(1)) and not BE.search(d.group(0)):
            ds, de = a + d.start(1), a + d.end(1)
            inner = [m for m in unit_m if m["start"] < de and m["end"] > ds]
            if all(m["how"] in ("anonymous", "description") for m in inner):
                return description_mention(text, ds, de), cue  # "the officer said that “…”", "Another voter wrote: “…”"
        return None
    return None


# a name given, not words spoken: "is called “…”", "has been dubbed the “…”", "known online as “…”"
_NAMING_BEFORE = re.compile(
    r"(?:\b(?:is|are|was|were|be|been|being)[ \t\xa0]+(?:\w+ly[ \t\xa0]+)?"
    r"(?:called|dubbed|nicknamed|named|titled|entitled|termed|branded|considered|known[ \t\xa0]+as)"
    r"|\bknown(?:[ \t\xa0]+\w+)?[ \t\xa0]+as)[ \t\xa0]*,?[ \t\xa0]*(?:(?:a|an|the)[ \t\xa0]+)?$"
)
_BY_AFTER = re.compile(r"[ \t\xa0]*,?[ \t\xa0]*by[ \t\xa0]+")


def naming(text: str, q: dict, units, ustarts, mentions, mstarts) -> tuple[dict | None] | None:
    """``(agent,)`` when a passive naming verb introduces the quote in its sentence: the quote is a name
    given, not words spoken, so its speaker is the agent of a "by" right after it ("was called “…” by
    Ann Cole"), else None (``(None,)``); None when no naming verb stands right before the quote.

    >>> s = "The depot has been called “a relic” by Ann Cole."
    >>> m = {"start": 39, "end": 47, "actor": "Ann Cole", "kind": "person"}
    >>> naming(s, {"mark_start": 26, "mark_end": 35}, [(0, 48, 0)], [0], [m], [39])[0]["actor"]
    'Ann Cole'
    >>> naming("Its best-known dish is called “the brick.”", {"mark_start": 30, "mark_end": 42}, [(0, 42, 0)], [0], [], [])
    (None,)
    """
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0 or not _NAMING_BEFORE.search(text, max(units[k][0], q["mark_start"] - 60), q["mark_start"]):
        return None
    b = _BY_AFTER.match(text, q["mark_end"])
    if b:
        j = bisect.bisect_left(mstarts, b.end())
        if j < len(mentions) and mentions[j]["start"] <= b.end() + 4 and not text[b.end() : mentions[j]["start"]].strip(" the"):
            m = mentions[j]
            if m.get("actor") is not None and m["kind"] not in ("place", "country") and not m.get("in_quote"):
                return (m,)
    return (None,)


# "As Ann Cole put it, “…”", "…, as one diplomat put it, an “…”": the speaker of the words that follow
_PUT_IT = re.compile(
    r"(?<![\w’'-])[Aa]s[ \t\xa0]+(?P<who>[^;:!?“”\"«»\n]{2,120}?)[ \t\xa0]+(?:(?:once|later|memorably|so|aptly|recently|has|had|\w+ly)[ \t\xa0]+)?"
    r"(?:put|puts)[ \t\xa0]+it\b[,:]?[^.;:!?“”\"«»\n]{0,40}$"
    r"|(?<![\w’'-])[Ii]n[ \t\xa0]+the[ \t\xa0]+words[ \t\xa0]+of[ \t\xa0]+(?P<who2>[^;:!?“”\"«»\n]{2,100}?)[ \t\xa0]*,[ \t\xa0]*(?:[^.;:!?“”\"«»\n,]{0,40})$"
)


def put_it_speaker(text: str, q: dict, units, ustarts, mentions, mstarts) -> dict | None:
    """The speaker of "as X put it" / "in the words of X," right before the quote in its sentence: the first mention that
    opens X (past title words), else X itself as a descriptive speaker when it opens with a
    determiner, else None.

    >>> s = "It was, as one old diplomat put it, “a makeover.”"
    >>> put_it_speaker(s, {"mark_start": 36}, [(0, 49, 0)], [0], [], [])["actor"]
    'one old diplomat'
    """
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = units[k][0]
    d = _PUT_IT.search(text, max(lo, q["mark_start"] - 200), q["mark_start"])
    if not d:
        return None
    a, b = d.span("who") if d.group("who") is not None else d.span("who2")
    for m in mentions[bisect.bisect_left(mstarts, a) : bisect.bisect_left(mstarts, b)]:
        if text.startswith(("’s ", "'s "), m["end"]):
            continue  # "As The Post’s Ann Cole puts it": the outlet owns the name after it
        if m.get("actor") is not None and m["kind"] != "place" and not strip_title_words(drop_det(text[a : m["start"]])).strip(" ,’'s"):
            return m
        break
    if text[a:b].split()[0].lower() in DET_WORDS and len(text[a:b].split()) <= 6:
        return description_mention(text, a, b)
    return None


@lru_cache(maxsize=1)
def _possessive_rx() -> re.Pattern:
    nouns = literal_alternation(read_list("speech_nouns.txt"), "i")
    return re.compile(
        rf"(?P<poss>\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|[’']s)[ \t\xa0]+(?:[\w-]+[ \t\xa0]+){{0,2}}?{nouns}\b"
        r"(?:[ \t\xa0]+(?:that|of|for|to|on|about)\b[^.;:!?“”\"«»\n]{0,60}|[ \t\xa0]*,?[ \t\xa0]*)$"
    )


_POSS_KIND = {"his": ("person", "male"), "her": ("person", "female"), "their": ("group", "any"), "its": ("organization", "any")}


def possessive_speaker(text: str, q: dict, units, ustarts, mentions, mstarts) -> dict | None:
    """The possessor of a speech noun that introduces the quote in its clause ("her remark that “…”",
    "Ann Cole’s claim that “…”", "his call for “…”"): the name before the possessive ’s, or the
    possessive pronoun (its span) resolved to the nearest compatible subject before it, else None.

    >>> s = "Ann Cole spoke. Critics mocked her claim that “roads are free.”"
    >>> ms = [{"start": 0, "end": 8, "actor": "Ann Cole", "kind": "person", "gender": "female", "how": "proper"},
    ...       {"start": 16, "end": 23, "actor": "critics", "kind": "anonymous", "gender": None, "how": "anonymous"}]
    >>> m = possessive_speaker(s, {"mark_start": 46}, [(0, 15, 0), (16, 63, 0)], [0, 16], ms, [0, 16])
    >>> m["actor"], s[m["start"] : m["end"]]
    ('Ann Cole', 'her')
    """
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = units[k][0]
    a = max(lo, q["mark_start"] - 120)
    d = _possessive_rx().search(text, a, q["mark_start"])
    if not d or inside_any_mark(text, d.start(), lo):
        return None
    ps = d.start("poss")
    if text[ps] in "’'":
        j = bisect.bisect_left(mstarts, ps) - 1
        if j >= 0 and mentions[j]["end"] == ps and mentions[j].get("actor") is not None and mentions[j]["kind"] != "place":
            return mentions[j]
        return None
    kind, gender = _POSS_KIND[d.group("poss").lower()]
    pron = {"kind": kind, "gender": gender, "how": "pronoun", "start": ps}
    ref = None
    for kk in range(k, max(-1, k - 4), -1):
        ulo, uhi, _ = units[kk]
        if kk < k and units[kk][2] < units[k][2] - 1:
            break
        cands = [
            m
            for m in mentions[bisect.bisect_left(mstarts, ulo) : bisect.bisect_left(mstarts, min(uhi, ps))]
            if not m.get("in_quote") and m["how"] != "pronoun" and compatible(pron, m) and subject_position(text, ulo, m)
        ]
        if cands:
            ref = cands[0]
            break
    if ref is None:
        return None
    return dict(ref, start=ps, end=d.end("poss"), text=d.group("poss"), how="pronoun", ref=ref)


def _ends_with_verb(phrase: str) -> bool:
    """True when the last word of ``phrase`` is a finite verb form ("the polls closed").

    >>> _ends_with_verb("the polls closed"), _ends_with_verb("the county board")
    (True, False)
    """
    last = phrase.split()[-1].lower()
    return last in word_set("subject_verbs.txt") or (last.endswith("ed") and len(last) > 4) or last in word_set("linking_verbs.txt")


# a descriptive subject right before a verb, opening its clause ("…, the officer said that", "the foundation predicts")
_DESC_BEFORE = re.compile(
    r"(?:^|(?<=[,;:(—–])\s*|(?<=\bthat\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhen\s)|(?<=\bas\s)|(?<=^[“\"‘]))"
    r"((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)(?:[ \t\xa0]+(?!(?:so|that|and|but|who|which|when|as|to|in|on|at|of|for|with|was|were|is|are|has|had|have)\b)[\w’'.-]+){1,5}?)"
    r"[ \t\xa0]+(?:\w+ly[ \t\xa0]+)?$"
)


# what follows a dummy "it": "It seems …", "it is unclear whether …", "It has not helped that …", "it was Lee who …"
_EXPLETIVE_AFTER = re.compile(
    r"[ \t\xa0]+(?:(?:also|still|now|then|just|not|never|has|have|had|will|would|could|can|may|might|should|must|does|did)[ \t\xa0]+){0,3}"
    r"(?:(?:seems|seemed|appears|appeared)\b|(?:is|was|be|been|becomes|became|become|remains|remained|helps|helped|help|matters|mattered)"
    r"(?:[ \t\xa0]+[\w’'-]+){0,4}?[ \t\xa0]+(?:that|whether|who|if)\b)"
)


def expletive_it(text: str, m: dict) -> int | None:
    """Where the clause after a dummy "it" subject starts, when mention ``m`` is one, else None: "It seems …",
    or "it", a form of be, become, remain, help or matter and up to four words (no reporting verb form
    among them) before "that", "whether", "who" or "if" ("it is unclear whether", "It has not helped
    that", "it was Lee who"). "It said that …", "it brushes past that" are a text that acts.

    >>> s = "It has not helped that the board changed its slogan. It said that it would."
    >>> expletive_it(s, {"start": 0, "end": 2, "text": "It"}), expletive_it(s, {"start": 53, "end": 55, "text": "It"})
    (22, None)
    """
    if m["text"] not in ("it", "It"):
        return None
    after = _EXPLETIVE_AFTER.match(text, m["end"])
    if after is None or cue_rx().search(text, m["end"], after.end()) is not None:
        return None
    return after.end()


def sentence_subject(text: str, q: dict, units, ustarts: list[int], mentions: list[dict], mstarts: list[int]) -> dict | None:
    """The subject of the sentence a quote stands in, when it comes before the quote
    ("Lee labelled the plan “a blatant grab”"), else None."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = units[k][0]
    lo = after_intro(text, lo, q["mark_start"])  # "In granting the request, a judge found …": the subject follows the comma
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, q["mark_start"])
    skipped = False
    for i, m in enumerate(mentions[j0:j1]):
        if i >= SKIPPED_MENTIONS:
            return None  # no subject among the first mentions of the sentence
        if m.get("in_quote") or m["start"] < lo:
            continue
        if m["how"] == "pronoun" and (after := expletive_it(text, m)) is not None:
            lo, skipped = after, False  # "It has not helped that her campaign …": the subject of the clause after
            continue
        if lone_capital(text, lo, m):
            continue  # "Shortly, …", "Reprising …": a capitalised sentence word, no name
        if (
            m.get("actor") is not None
            and m["kind"] not in ("country", "place")
            and subject_position(text, lo, m)
            and (not skipped or COMMA_BEFORE.search(strip_title_words(text[max(lo, m["start"] - 60) : m["start"]])))
        ):
            if m["start"] > lo + 8 and (d := _desc_subject(text, lo, m["start"])) is not None:
                return _later_clause_subject(text, lo, q, mentions[j0:j1], m) or d
            return _later_clause_subject(text, lo, q, mentions[j0:j1], m) or m
        if m["kind"] in ("country", "place") and text.startswith(("’s ", "'s "), m["end"]):
            continue  # "Denmark’s minister Ann Cole …": a possessive place before a title, the name is the subject
        if m["kind"] in ("country", "place") or not subject_position(text, lo, m):
            skipped = True  # "on the steps of the Ohio statehouse, Lee …": past a place or a preposition's object,
            continue  # the subject opens the clause after a comma
        break
    return None


# a word that opens a clause of its own inside a sentence: its subject follows
_CLAUSE_OPENER = re.compile(r"(?:\b(?:while|whereas|when|after|before|because|although|though|since|but)|[;—–])\s*$")
_VERB_AFTER = re.compile(
    r"[ \t\xa0]+(?:(?:also|then|later|now|once|still|often|\w+ly|had|has|have|would|will|could|did|was|were|is|are)[ \t\xa0]+)*([a-z]+)\b"
)


def _later_clause_subject(text: str, lo: int, q: dict, unit_m: list[dict], first: dict) -> dict | None:
    """The subject of the last clause before the quote, when a clause word opens it after the sentence's
    subject ``first`` ("Jindal signed an order, while Ann Cole, the former governor, proposed “…”"), else None."""
    best = None
    for m in unit_m:
        if m["start"] <= first["end"] or m["end"] > q["mark_start"] or m.get("in_quote"):
            continue
        if m.get("actor") is None or m["kind"] in ("country", "place"):
            continue
        pre = strip_title_words(drop_det(text[max(lo, m["start"] - 60) : m["start"]]))
        if not _CLAUSE_OPENER.search(pre):
            continue
        gap_end = m["end"]
        ap = _APPOSED.match(text, gap_end)
        if ap:
            gap_end = ap.end()
        v = _VERB_AFTER.match(text, gap_end)
        if v and v.group(1) not in PREPOSITIONS and v.group(1) not in RELATIVE and v.end() <= q["mark_start"]:
            best = m
    return best


_APPOSED = re.compile(r",[^,;:“”\"«»\n]{1,80},")


_SUBJ_DET = frozenset("the a an his her its their this that one another".split())
_SUBJ_WORD = re.compile(r"[\s“\"‘'(]*([A-Za-z][\w’'-]*)")
_SUBJ_SKIP = frozenset("now also still often then later again even just already never not so".split())


def _desc_subject(text: str, lo: int, hi: int) -> dict | None:
    """A determiner noun phrase (two to five words) opening the clause ``text[lo:hi]`` and followed by a
    finite verb ("The county board voted …", "His office put out …"): a descriptive speaker, else None.

    >>> s = "The county board voted for a plan it called “a fair deal.”"
    >>> _desc_subject(s, 0, s.index("“"))["actor"]
    'the county board'
    >>> _desc_subject("The man in Dover saw it.", 0, 20) is None
    True
    """
    words = []
    p = lo
    while len(words) < 7:
        w = _SUBJ_WORD.match(text, p, hi)
        if not w:
            break
        words.append((w.start(1), w.end(1), w.group(1)))
        p = w.end()
    if len(words) < 3 or words[0][2].lower() not in _SUBJ_DET:
        return None
    verbs, clause = word_set("subject_verbs.txt"), word_set("clause_words.txt")
    for i in range(1, min(5, len(words) - 1)):
        w = words[i][2].lower()
        if w in PREPOSITIONS or w in clause or w in RELATIVE or w in _SUBJ_SKIP or w.endswith("ly") or w in verbs:
            return None
        if text[words[i - 1][1] : words[i][0]].strip():
            return None  # punctuation inside the phrase
        j = i + 1
        while j < len(words) - 1 and (words[j][2].lower() in _SUBJ_SKIP or words[j][2].lower().endswith("ly")):
            j += 1
        if text[words[i][1] : words[j][0]].strip(" \t\xa0"):
            return None
        v = words[j][2]
        lv = v.lower()
        if not v[:1].islower():
            continue
        if lv in word_set("linking_verbs.txt"):
            return None  # "The end result appears to be …": described, not heard
        if (
            lv in verbs
            or (lv.endswith("ed") and len(lv) > 4)
            or (lv.endswith("s") and not lv.endswith(("ss", "us", "is")) and not w.endswith("s"))
        ):
            nxt = [x[2].lower() for x in words[j + 1 :] if x[2].lower() not in _SUBJ_SKIP and not x[2].lower().endswith("ly")][:1]
            if lv in _BE_FORMS and not (nxt and nxt[0].endswith("ing")):
                return None  # "The show was named …", "The answer was not …": a state, not a speaker ("is calling" is)
            if lv in _MODALS and nxt and nxt[0] == "be":
                return None  # "The project will be dubbed …": a passive
            return description_mention(text, words[0][0], words[i][1])
    return None


_BE_FORMS = frozenset("is are was were".split())
_MODALS = frozenset("will would can could should may might must".split())


def phrase_subject(text: str, q: dict, units, ustarts: list[int]) -> dict | None:
    """:func:`_desc_subject` of the quote's sentence (after an introductory phrase), when it stands before the quote."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = after_intro(text, units[k][0], q["mark_start"])
    d = _desc_subject(text, lo, q["mark_start"])
    return d if d is not None and d["end"] < q["mark_start"] else None
