"""Subjects: where a sentence's subject stands, and the speaker rows built from a phrase.

Shared by the claim source rules (:mod:`analysis.extraction.sources`) and the quote sieve: whether a
mention stands in subject position, not as the object of a preposition (``subject_position``); where
the main clause starts past an introductory phrase or a news dateline (``after_intro``,
``after_dateline``); the first subject of a unit (``unit_subject``); a capitalised sentence word that
is no name (``lone_capital``); title words before a name (``strip_title``, ``strip_title_words``);
and the mention row of a descriptive source no mention covers (``anonymous_mention``,
``description_mention``).

Imports :mod:`analysis.extraction.cues` and :mod:`analysis.extraction.contents` of the claim modules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..core.resources import read_list, read_tsv
from .actors import PREPOSITIONS, side_of, slug
from .contents import comma_outside_quotes
from .cues import WS, word_group
from .grammar import SKIPPED_MENTIONS, tail_search

__all__ = [
    "DET_WORDS",
    "QUOTE_END",
    "after_dateline",
    "after_intro",
    "anonymous_mention",
    "description_mention",
    "drop_det",
    "lone_capital",
    "strip_title",
    "strip_title_words",
    "subject_position",
    "unit_subject",
]


def anonymous_mention(start: int, end: int, span: str, desc: str) -> dict:
    """A descriptive source's mention row: actor and role ``desc``, side from the words of ``span``.

    >>> m = anonymous_mention(0, 13, "Party officials", "party officials")
    >>> (m["actor"], m["kind"], m["how"], m["gender"])
    ('party officials', 'anonymous', 'anonymous', None)
    """
    return {
        "start": start,
        "end": end,
        "text": span,
        "actor": desc,
        "actor_id": slug(desc),
        "side": side_of(span),
        "how": "anonymous",
        "kind": "anonymous",
        "gender": None,
        "role": desc,
    }


_DET = re.compile(r"(?:\b(?:the|a|an)\s+)$", re.I)
_LAST_WORD = re.compile(r"([A-Za-z’']+)\W*$")


def drop_det(s: str) -> str:
    """``_DET.sub("", s)``: ``s`` without a final determiner and the whitespace after it (without scanning all of ``s``).

    >>> drop_det("met with the "), drop_det("Theodor ")
    ('met with ', 'Theodor ')
    """
    if not s[-1:].isspace():
        return s
    t = s.rstrip()
    for d in ("the", "an", "a"):
        k = len(t) - len(d)
        if k >= 0 and t[k:].lower() == d and not (k and (t[k - 1].isalnum() or t[k - 1] == "_")):
            return s[:k]
    return s


_C = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz’'")


def _last_word(s: str) -> tuple[int, int] | None:
    """Span of group 1 of ``_LAST_WORD.search(s)`` (the last word, before trailing non-word characters), computed from the end.

    >>> s = "talks with Cole, "
    >>> a, b = _last_word(s); s[a:b]
    'Cole'
    """
    n = len(s)
    j = n
    while j and not (s[j - 1].isalnum() or s[j - 1] == "_"):
        j -= 1  # s[j:] is the trailing run of non-word characters (\W*)
    if j and s[j - 1] in _C:
        i = j - 1
        while i and s[i - 1] in _C:
            i -= 1
        k = j
    else:  # only an apostrophe inside the trailing non-word run can start the match
        i = j
        while i < n and s[i] not in _C:
            i += 1
        if i == n:
            return None
        k = i
    while k < n and s[k] in _C:
        k += 1
    return i, k


def subject_position(text: str, lo: int, m: dict, finite: bool = False) -> bool:
    """True unless the word before the mention (skipping a determiner) is a preposition or 'and'.

    ``finite``: a finite verb follows the mention, so a preposition that also opens a clause ("after",
    "before", "until") is a conjunction there and the mention is its clause's subject.

    >>> s = "The plane was grounded after the Courier reported it."
    >>> m = {"start": 33, "end": 40}
    >>> subject_position(s, 0, m), subject_position(s, 0, m, finite=True)
    (False, True)
    """
    before = text[lo : m["start"]]
    before = drop_det(before)
    w = _last_word(before)
    if not w:
        return True
    word = before[w[0] : w[1]].lower()
    tail = before[w[1] :]
    if tail.strip() and (tail.strip()[-1] in ",;:" or any(ch in tail for ch in '”"»')):
        return True  # after a comma or a closing quote mark a new clause starts ("“… over,” Lee said")
    if word == "of" and m.get("kind") in ("person", "name") and " " in (m.get("text") or ""):
        # "Supervisor of Elections Ann Cole said", "Secretary of State Ann Cole said": a title's "of"
        prev = _last_word(before[: w[0]])
        if prev and before[: w[0]][prev[0] : prev[0] + 1].isupper():
            return True
    if word in ("and", "but", "or", "nor"):
        # ", and Acme News responded" / "asked for a photo and Lee said": a new clause's subject;
        # "Lee and Cole said": a coordinated one
        head = before[: w[0]].rstrip()
        if word in ("or", "nor"):
            return False
        prev = _last_word(head) if head else None
        return not head or head[-1] in ",;:—–" or (prev is not None and not head[prev[0] : prev[0] + 1].isupper())
    return word not in PREPOSITIONS or (finite and word in word_group("subordinator_preposition"))


def unit_subject(text: str, lo: int, mentions: list[dict], before: int) -> dict | None:
    """The first mention before ``before`` in subject position, past an introductory phrase opened by
    a preposition or a subordinating word ("In Salem, Ohio, Lee went on, calling …": Lee, not Ohio),
    past places and capitalised sentence words ("Early in the race, Lee …")."""
    intro = _INTRO_PHRASE.match(text, lo, before)
    skip_to = max(intro.end() if intro else lo, after_intro(text, lo, before))
    looked = 0
    for m in mentions:
        if m["start"] >= before:
            break
        if m["start"] < skip_to:
            continue
        looked += 1
        if looked > SKIPPED_MENTIONS:
            return None  # no subject among the first mentions of the sentence
        if m.get("kind") == "place" or lone_capital(text, skip_to, m):
            continue
        if not m.get("in_quote") and subject_position(text, lo, m):
            return m
    return None


# an introductory phrase opened by a preposition, up to its last comma before a capitalised word or determiner
_INTRO_PHRASE = re.compile(
    r"[\s“\"]*(?:In|On|At|During|After|Before|From|Since|Until|Despite|Throughout|Amid|Outside|Inside|Near)\b[^,;:“”\"\n]{1,80},"
    r"(?:\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},)?(?=\s)"
)


DET_WORDS = frozenset("a an the each every both some many most several few all other another one two three four five".split())
# characters that end a quote (or the comma before an attribution): “…,” X said / '…,' X said
QUOTE_END = ",”\"»’'"
_TRAILING_WORD = re.compile(r"\s*([A-Za-z][\w.’'-]*)$")


@lru_cache(maxsize=1)
def _title_words() -> frozenset:
    words = {w.lower() for line in read_list("titles.txt") for w in line.split()}
    words |= {r["noun"] for r in read_tsv("person_nouns.tsv")}  # "…, campaign official Ann Cole said"
    return frozenset(words | {"of", "the", "for", "and", "on", "former", "then", "acting", "incoming", "outgoing"})


def strip_title(pre: str) -> str:
    """``pre`` without a trailing title phrase after a closing quote or a comma (“…,” German Foreign Minister Ann
    Cole said; "…, organizer Ann Cole said": title words of titles.txt and the person nouns of person_nouns.tsv).

    Only stripped when what remains ends with a quote mark or comma; else ``pre`` is returned unchanged.

    >>> strip_title("“We are ready,” Harbor Board press secretary")
    '“We are ready,”'
    >>> strip_title("The Harbor Board press secretary")
    'The Harbor Board press secretary'
    """
    out = pre
    for _ in range(10):
        if out and out[-1] in QUOTE_END:
            return out
        m = tail_search(_TRAILING_WORD, out)
        if not m or not (m.group(1)[0].isupper() or m.group(1).lower() in _title_words()):
            break
        out = out[: m.start()].rstrip()
    return out if out and out[-1] in QUOTE_END else pre


def strip_title_words(pre: str) -> str:
    """``pre`` without its trailing title words (capitalised or from titles.txt: ", Gov. " -> ",").

    >>> strip_title_words("Winning Ohio, former Gov. ")
    'Winning Ohio,'
    """
    out = pre.rstrip()
    for _ in range(6):
        m = tail_search(_TRAILING_WORD, out)
        if not m or not (m.group(1)[0].isupper() or m.group(1).lower() in _title_words()):
            break
        out = out[: m.start()].rstrip()
    return out


def description_mention(text: str, a: int, b: int) -> dict:
    """A descriptive speaker found next to an attribution verb ("the real estate developer"):
    an anonymous source of its own (no one is assumed), like an unresolved description.

    >>> description_mention("the old mayor said", 0, 13)["actor"]
    'the old mayor'
    """
    desc = WS.sub(" ", text[a:b])
    desc = desc[0].lower() + desc[1:]
    return {**anonymous_mention(a, b, text[a:b], desc), "side": None, "in_quote": False}


# a news dateline opening a paragraph: PLACE IN CAPITALS[, State.][, Mon. D] [(Agency)] and a dash
_DATELINE = re.compile(
    r"[\s“\"]*[A-Z][A-Z.’'-]+(?:[ \t][A-Z][A-Z.’'-]+){0,3}(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?"
    r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:—|–|--?|―)[ \t]*(?=[A-Z“\"])"
)
_INTRO_WORDS = PREPOSITIONS | frozenset(
    "while when whenever after before as although though because if since unless once until given despite amid "
    "asked speaking pressed responding".split()
)
_FIRST_WORD = re.compile(r"[\s“\"‘'(—–-]*(?:(?:And|But|So|Yet|Still|Then|Now|Also)\b,?\s+)?([A-Za-z]+)")


def after_intro(text: str, lo: int, hi: int) -> int:
    """Where the main clause of the sentence ``text[lo:hi]`` starts: after an introductory phrase that
    opens with a preposition or a subordinating word and ends with a comma ("After the vote in Ohio, Lee …");
    else ``lo``.

    >>> s = "After the vote in Ohio, Ann Cole called it “a fraud.”"
    >>> s[after_intro(s, 0, s.index("“")):]
    'Ann Cole called it “a fraud.”'
    >>> s = "DOVER, Del., Aug. 9 (Wire) — The party leader backed Tom Reed."
    >>> s[after_intro(s, 0, len(s)):]
    'The party leader backed Tom Reed.'
    """
    lo = after_dateline(text, lo, hi)  # "PARIS, Aug. 9 (Agency) — The party leader …": the sentence starts after it
    w = _FIRST_WORD.match(text, lo, hi)
    if not w or w.group(1).lower() not in _INTRO_WORDS:
        return lo
    comma = comma_outside_quotes(text, w.end(), hi)
    if comma is None:
        return lo
    p = comma + 1
    while p < hi and text[p].isspace():
        p += 1
    return p


def after_dateline(text: str, lo: int, hi: int) -> int:
    """Where ``text[lo:hi]`` starts past a news dateline ("PARIS (Wire) — "), else ``lo``."""
    d = _DATELINE.match(text, lo, hi)
    return d.end() if d is not None else lo


def lone_capital(text: str, lo: int, m: dict) -> bool:
    """True for a one-word name of unknown kind that opens its sentence and occurs nowhere else in
    the text: more likely a capitalised sentence word ("Moreover", "Reprising") than a speaker.

    >>> s = "Reprising an old line, Ann Cole spoke."
    >>> lone_capital(s, 0, {"start": 0, "end": 9, "kind": "name", "how": "proper"})
    True
    """
    if m["kind"] != "name" or m.get("how") != "proper" or " " in text[m["start"] : m["end"]]:
        return False
    if text[lo : m["start"]].strip(" \t\n“\"‘'(—–-"):
        return False
    return text.count(text[m["start"] : m["end"]]) < 2
