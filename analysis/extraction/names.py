"""Names: people and bodies a text introduces by name, known to the registry or not (open world).

The named mention patterns, in the order :func:`analysis.extraction.actors.find_mentions`
trusts them:

* ``title``: a title from ``resources/titles.txt`` followed by a capitalised name
  ("Foreign Minister Li Wen"), side from a country word before the title;
* ``apposition``: a name followed by ", <description with a title>," ("Anna Berg, the
  Swedish envoy,");
* ``name``: a capitalised two- or three-word name right before or after a reporting verb;
* ``proper``: any capitalised name sequence (initials, particles such as *de*, hyphens),
  honorifics (``honorifics.tsv``) and titles stripped from its front, its gender from the
  honorific or a known first name (``first_names.tsv``), kind from ``org_words.txt`` and
  ``places.txt``; capitalised sentence words are no names (``not_names.txt``);
* ``surname``: a later short form (surname, or family name first) of a person found by the
  above, linked to the same actor.

The name regexes :data:`UPWORD`, :data:`NAME` and :data:`NAME2` are shared with the
other extraction modules.

>>> [(m["text"], m["how"], m["role"]) for m in title_mentions("Foreign Minister Li Wen spoke.", [0])]
[('Li Wen', 'title', 'Foreign Minister')]
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..core.resources import read_list, read_tsv, word_set
from .registry import (
    WS,
    countries,
    from_registry,
    literal_alternation,
    mention_record,
    registry,
    registry_in,
    side_before,
    side_of,
    side_word,
    side_words,
    slug,
)
from .registry import pats as registry_pats

__all__ = [
    "UPWORD",
    "NAME",
    "NAME2",
    "honorifics",
    "first_names",
    "NOT_NAME",
    "SP",
    "apposition_mentions",
    "cue_name_mentions",
    "proper_mentions",
    "skip_words",
    "surname_mentions",
    "title_mentions",
]

UPWORD = r"[A-Z][^\W\d_]*(?:-[^\W\d_]+|[’'][A-Z][^\W\d_]*)*"
_CONNECT = r"(?:bin|ibn|al|el|de|del|da|di|van|von|der|le|la)"
_NSP = r"[ \t\xa0]"  # the space inside a name: never a line break ("NOAA\nTom Reed" is two lines, two names)
NAME = rf"{UPWORD}(?:{_NSP}(?:{_CONNECT}{_NSP})?{UPWORD}){{0,3}}"
NAME2 = rf"{UPWORD}(?:{_NSP}(?:{_CONNECT}{_NSP})?{UPWORD}){{1,2}}"

NOT_NAME = frozenset(
    "the a an but and or however in on at after before this that these those it its his her their "
    "he she they we i monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december also meanwhile earlier later "
    "yesterday today tomorrow asked speaking when while still yet so then if as".split()
)

_alt = literal_alternation  # the short name the patterns below use
# at most this many titles stacked before a name ("Deputy Foreign Minister"): a bound keeps a run of
# titles with no name after it ("Mr. Mr. Mr. …") linear
MAX_STACKED_TITLES = 6


@lru_cache(maxsize=1)
def _pats() -> dict[str, re.Pattern]:
    """Compiled patterns of titled names, appositions and names beside a reporting verb."""
    titles = _alt(read_list("titles.txt"), "i")
    return {
        "title": re.compile(
            rf"(?<![\w.])(?P<title>(?:{titles}\s+){{0,{MAX_STACKED_TITLES - 1}}}{titles})"
            rf"(?:\s+(?P<prep>of|for|to|on)\s+(?:the\s+)?)?\s*,?\s+(?P<name>{NAME})(?![\w’'])"
        ),
        "appos_before": re.compile(rf"(?<![\w.’'])(?P<name>{NAME2}),\s+(?P<pre>[^,.;:“”\"\n]{{0,90}})$"),
        "appos_after": re.compile(rf"{titles}(?![\w])[^,.;:“”\"\n]{{0,90}}?(?=,|\s+(?:said|says|told)\b)"),
        "name_before": re.compile(rf"(?<![\w.’'])(?P<a>{NAME2}),?\s+(?:\w+ly\s+)?$"),
        "name_after": re.compile(rf"\s+(?P<b>{NAME2})(?![\w’'])"),
    }


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing tokens of a name span that are not name words (days, 'The', ...)."""
    while start < end and not text[start].isspace():
        tok = text[start:end].split(None, 1)[0]
        if tok.lower().strip("’'") not in NOT_NAME:
            break
        start += len(tok)
        while start < end and text[start].isspace():
            start += 1
    while end > start and not text[end - 1].isspace():
        tok = text[start:end].rsplit(None, 1)[-1]
        if tok.lower() not in NOT_NAME:
            break
        end -= len(tok)
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def title_mentions(text: str, positions: list[int]) -> list[dict]:
    out, rx = [], _pats()["title"]
    for p in positions:
        m = rx.match(text, p)
        if not m:
            continue
        ns, ne = _trim_name(text, m.start("name"), m.end("name"))
        toks = text[ns:ne].split()
        while len(toks) > 1 and _headline_verb(toks[-1]):
            ne = text.rindex(toks[-1], ns, ne)  # "Pope Francis Calls for Peace": the headline's verb is no name
            while ne > ns and text[ne - 1] in " \t\xa0":
                ne -= 1
            toks = toks[:-1]
        if not toks:
            continue
        if len(toks[-1]) == 1 and text[ne : ne + 1] == ".":
            if len(toks) == 1:
                continue  # "Hilton Head, S.C.": a state's abbreviation, no name
            more = _INITIAL_TAIL.match(text, ne)
            if more:
                ne = more.end()  # "Viktor F. Yanukovych": the name goes on past the initial
                toks = text[ns:ne].split()
        if m.group("prep"):
            # "Head of the Harbor Investment Fund Ann Cole": the name is the tail.
            if len(toks) < 3:
                continue
            ns = text.rfind(toks[-2], m.start("name"), ne)
        name = WS.sub(" ", text[ns:ne])
        if {t.lower() for t in name.split()} & word_set("org_words.txt"):
            continue  # "Justice Department": an organisation, not a titled person
        title = WS.sub(" ", m.group("title"))
        pm = side_before(text, p)
        pre = WS.sub(" ", pm.group("pre")) if pm else None
        side = side_word(pre)[0] if pre else None
        if side is None and m.group("prep"):
            side = side_of(text[m.end("title") : ns])
        aid = registry_in(name)
        if aid and _other_first(name, aid):
            aid = None  # "press secretary Nora Cole": another person than a registered Ann Cole
        if aid:
            out.append(from_registry(aid, ns, ne, text[ns:ne], "title"))
        else:
            role = f"{pre} {title}" if pre else title
            out.append(mention_record(ns, ne, text[ns:ne], name, slug(name), side, "title", "person", None, role))
    return out


def _other_first(name: str, aid: str) -> bool:
    """True when ``name`` opens with a known first name that the registry actor ``aid``'s name lacks.

    >>> aid = next(a for a, e in registry().items() if e.get("kind") == "person" and len(e["actor"].split()) == 2)
    >>> first, last = registry()[aid]["actor"].split()
    >>> _other_first("Zora " + last, aid), _other_first(first + " " + last, aid)
    (True, False)
    """
    toks = name.split()
    return len(toks) >= 2 and toks[0] in first_names() and toks[0] not in (registry()[aid].get("actor") or "").split()


_APPOS_STOP = re.compile(r"[,.;:“”\"\n]")
_INITIAL_TAIL = re.compile(rf"\.[ \t\xa0]+{UPWORD}(?:[ \t\xa0]+{UPWORD}){{0,2}}(?![\w’'])")


# a relative pronoun for things in the words after the comma, or a preposition of place before the name
_THING_APPOSITION = re.compile(r"\bwhich\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|across|throughout)\s+$")
_PLACE_REACH = 12


def apposition_mentions(text: str, positions: list[int]) -> list[dict]:
    out = []
    before, after = _pats()["appos_before"], _pats()["appos_after"]
    for p in positions:
        comma = text.rfind(",", max(0, p - 150), p)
        gap = text[comma + 1 : p]
        words = gap.lstrip()
        if comma < 0 or not gap[:1].isspace() or _APPOS_STOP.search(words[:-1] if words.endswith("\n") else words):
            continue  # cheap test: "NAME, <title words>" needs a comma, then words without , . ; : quotes or newline ($ may precede a final one)
        b = before.search(text, max(0, p - 150), p)
        if not b:
            continue
        a = after.match(text, p)
        if not a:
            continue
        ns, ne = _trim_name(text, b.start("name"), b.end("name"))
        if len(text[ns:ne].split()) < 2:
            continue
        if _THING_APPOSITION.search(gap) or _PLACE_BEFORE.search(text, max(0, ns - _PLACE_REACH), ns):
            continue  # "in Port Alder, which is set to host …": a place and a relative clause, no person's title
        name = WS.sub(" ", text[ns:ne])
        if registry_pats()["alias"].fullmatch(name):
            continue
        desc = (b.group("pre") + a.group(0)).strip()
        out.append(mention_record(ns, ne, text[ns:ne], name, slug(name), side_of(desc), "apposition", "person", None, desc))
    return out


def cue_name_mentions(text: str, cue_positions: list[int]) -> list[dict]:
    out = []
    before, after = _pats()["name_before"], _pats()["name_after"]
    for c in cue_positions:
        cands = []
        piece = text[max(0, c - 60) : c].rsplit(None, 1)[-1] if c and text[c - 1].isspace() and text[max(0, c - 60) : c].strip() else ""
        # cheap test: "NAME[,] [adverb-ly] said" needs a capitalised word or an -ly word last
        b = before.search(text, max(0, c - 60), c) if "A" <= piece[:1] <= "Z" or piece.endswith("ly") else None
        if b:
            cands.append((b.start("a"), b.end("a")))
        w = text[c : c + 6].lower()
        if w.startswith(("said", "says", "added", "told")) and text[c + 4 + w.startswith("added") : c + 5 + w.startswith("added")] in (
            " ",
            "\t",
            "\xa0",
        ):
            # "said Ann Cole", not "said.\n\nNew Jersey Gov. …" (a name after the sentence's end)
            a = after.match(text, c + 4 + w.startswith("added"))
            if a:
                cands.append((a.start("b"), a.end("b")))
        for s0, e0 in cands:
            ns, ne = _trim_name(text, s0, e0)
            ns, ne, side = _side_apposition(text, ns, ne)
            if len(text[ns:ne].split()) < 2:
                continue
            name = WS.sub(" ", text[ns:ne])
            out.append(mention_record(ns, ne, text[ns:ne], name, slug(name), side, "name", "person"))
    return out


@lru_cache(maxsize=1)
def apposition_side_words() -> dict[str, str]:
    """One-word modifiers of a side (``words`` of sides.yaml, not its ``names``: "Turkish", "Democrat") -> side.

    A word that also names a group or its seat ("Paris") is left out: "Paris Review" is no apposition.
    """
    names = {w for g in countries() for w in g["names"]}
    return {w: s for w, (s, _d) in side_words().items() if " " not in w and w not in names and w[:1].isupper() and not w.endswith("s")}


def _side_apposition(text: str, ns: int, ne: int) -> tuple[int, int, str | None]:
    """A side word set before a person's name ("Democrat Jane Doe", "Turkish Ann Cole"): the name without it, and its side.

    Only when a known first name follows the word; else the span is returned unchanged with side None.

    >>> s = "Turkish Ann Cole"
    >>> _side_apposition(s, 0, len(s))
    (8, 16, 'Turkey')
    """
    toks = text[ns:ne].split(None, 2)
    if len(toks) >= 3 and toks[0] in apposition_side_words() and toks[1] in first_names():
        a = text.index(toks[1], ns + len(toks[0]))
        return a, ne, apposition_side_words()[toks[0]]
    return ns, ne, None


# a party-state tag ("R-Texas", "D-Ohio"): no name
_PARTY_TAG = re.compile(r"[A-Z]-[A-Z][\w.]*")
# a contraction cut at its apostrophe ("Wouldn’t", "Couldn't"): no name
_CONTRACTION = re.compile(r"[’'](?:t|ll|re|ve|d|m)\b")


_NEXT_WORDS = re.compile(r"(?:[ \t\xa0]+[a-z][\w’'-]*){1,3}")
# how many words after a lone capitalised word may hold its reporting verb ("Cole then said", "Cole has long argued")
_SPEAKS_WITHIN = 3


def _speaks_soon(text: str, e: int) -> bool:
    """True when a reporting verb is among the next :data:`_SPEAKS_WITHIN` lower-case words after ``e``."""
    m = _NEXT_WORDS.match(text, e)
    return bool(m) and any(w in _cue_forms() for w in m.group(0).split()[:_SPEAKS_WITHIN])


_CAPITAL_WORD = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*")


def _capital_counts(text: str, memo: dict) -> Counter:
    """How often ``text`` writes each capitalised word; kept in ``memo``."""
    counts = memo.get("counts")
    if counts is None:
        counts = memo["counts"] = Counter(_CAPITAL_WORD.findall(text))
    return counts


@lru_cache(maxsize=1)
def _cue_forms() -> frozenset:
    """One-word forms of ``reporting_verbs.tsv`` (lower case)."""
    return frozenset(r["form"].lower() for r in read_tsv("reporting_verbs.tsv") if " " not in r["form"])


def _headline_verb(tok: str) -> bool:
    """A Title-Case reporting verb ending a headline's name ("Francis Calls", "Cole Warns"): not part of the name."""
    return tok[:1].isupper() and tok.endswith("s") and tok.lower() in _cue_forms()


@lru_cache(maxsize=1)
def honorifics() -> dict[str, str]:
    """Honorific form ("Mrs.") -> gender (male, female or any), from ``honorifics.tsv``."""
    return {r["form"]: r["gender"] for r in read_tsv("honorifics.tsv")}


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> usual gender (male/female), from ``first_names.tsv``.

    >>> first_names()["Hillary"], first_names()["Donald"]
    ('female', 'male')
    """
    return {r["name"]: r["gender"] for r in read_tsv("first_names.tsv")}


@lru_cache(maxsize=1)
def skip_words() -> frozenset:
    """Lower-case words that never start a name: not_names.txt, number words and a few built-ins."""
    return frozenset(NOT_NAME | word_set("not_names.txt") | word_set("number_words.txt"))


@lru_cache(maxsize=1)
def _title_lower() -> frozenset:
    """Lower-case single words of titles.txt and the honorifics (they are not part of a name)."""
    words = {w for t in read_list("titles.txt") for w in t.lower().split()}
    return frozenset(words | {h.lower() for h in honorifics()} | {h.lower().rstrip(".") for h in honorifics()})


_NAME_TOKEN = rf"(?:[A-Z]\.(?:[A-Z]\.)*|{UPWORD})"
SP = r"[ \t\xa0]+"


@lru_cache(maxsize=1)
def _proper_rx() -> re.Pattern:
    hon = _alt(honorifics())
    return re.compile(
        rf"(?<![\w’'.])(?<!\S-)(?:(?P<hon>{hon}){SP})?"  # "-Ann Cole" signing a line, not "anti-Cole"
        rf"(?P<name>{_NAME_TOKEN}(?:{SP}(?:{_CONNECT}{SP})?{_NAME_TOKEN}){{0,5}})"
        rf"(?:,?{SP}(?:Jr\.|Sr\.|II\b|III\b))?(?:{SP}\((?P<party>[A-Z]{{1,2}})-[A-Z][A-Za-z.]*\))?(?!\w)"
    )


_NEXT_WORD = re.compile(r"[ \t\xa0]+([a-z][\w.-]*)")
_TITLE_NEXT = re.compile(r"[ \t\xa0]+[A-Z]")
_SENT_START = re.compile(r"(?:^|[.!?:;…]\s*[\"”’']?\s+|[\n“\"‘—–(]\s*)$")


def proper_mentions(text: str) -> list[dict]:
    """Open-world proper-name mentions: capitalised word sequences (initials, particles such as
    *de*, *bin*, O’Neill, hyphens), honorifics and office titles stripped from the front
    (gender from the honorific or the first name, ``first_names.tsv``), a party tag
    "(D-Mo.)" kept inside the span. Kind ``organization`` when a word of ``org_words.txt``
    is in the name, ``person`` when an honorific, a title or a known first name says so,
    else ``name`` (unknown until it speaks). A capitalised common word opening a sentence
    is no name (``not_names.txt``, and words the same text also uses in lower case).

    >>> [(m["text"], m["kind"], m["gender"]) for m in proper_mentions("Later Mrs. Ann O’Neill-Shaw met Fox News.")]
    [('Ann O’Neill-Shaw', 'person', 'female'), ('Fox News', 'organization', None)]
    """
    out = []
    hons = honorifics()
    fn = first_names()
    orgw, stop, titlew = word_set("org_words.txt"), word_set("not_names.txt"), _title_lower()
    sidew = side_words()
    numw = word_set("number_words.txt")
    notn = word_set("not_names.txt")
    placew = word_set("places.txt")
    abbrevs = word_set("abbreviations.txt")
    memo: dict = {}
    skip = skip_words()
    appos = apposition_side_words()
    for m in _proper_rx().finditer(text):
        a, e = m.start("name"), m.end()
        if e - a < 12 and not m.group("hon") and text[a:e].lower() in skip:
            continue  # fast path: a lone sentence word ("The", "But")
        if text[e : e + 1] in ("’", "'") and _CONTRACTION.match(text, e):
            continue  # "Wouldn’t": a contraction cut at its apostrophe
        toks = text[a : m.end("name")].split()
        side = None
        if len(toks) >= 3 and toks[0] in appos and toks[1] in fn:
            side = appos[toks[0]]  # "Democrat Jane Doe": the side word goes, its side stays
            a = text.index(toks[1], a + len(toks[0]))
            toks = toks[1:]
        while len(toks) > 1 and toks[-1][-1] == "s" and _headline_verb(toks[-1]) and e == m.end("name"):
            e = text.rindex(toks[-1], a, e)  # "Pope Francis Calls for Peace": the headline's verb is no name
            while e > a and text[e - 1] in " \t\xa0":
                e -= 1
            toks = toks[:-1]
        gender = hons.get(m.group("hon")) if m.group("hon") else None
        titled = bool(m.group("hon"))
        # leading tokens that are not a name: sentence words, titles, honorifics
        while toks:
            t = toks[0]
            low = t.lower().rstrip("’'")
            if t in hons and len(toks) > 1:
                gender = gender or hons[t]
                titled = True
            elif low in titlew and len(toks) > 1:
                titled = True
            elif "-" in t and t.rsplit("-", 1)[1][:1].islower() and len(toks) > 1:
                pass  # "Ohio-based Acme Corp": a compound modifier before the name
            elif not (low in skip or low.rstrip(".") in stop or _is_adverb(t, fn)):
                at_start = _SENT_START.search(text, max(0, a - 4), a)
                participle = len(toks) > 1 and low.endswith(("ing", "ed")) and t not in fn
                if not (at_start and (participle or _lower_use(text, low, memo))):
                    break
            else:
                pass
            a = text.index(t, a) + len(t)
            while a < e and text[a] in " \t\xa0":
                a += 1
            toks = toks[1:]
        while toks and toks[-1].lower() in NOT_NAME:
            toks = toks[:-1]
            e = text.rindex(toks[-1], a) + len(toks[-1]) if toks else a
        if toks and e == m.end("name") and text[e : e + 1] == "." and toks[-1].lower() + "." in titlew and _TITLE_NEXT.match(text, e + 1):
            continue  # "Texas Sen. Ann Cole", "Army Col. Ann Cole": a title's modifier, the name follows it
        if not toks:
            continue
        if m.group("party") and len(toks) == len(text[m.start("name") : m.end("name")].split()):
            e = m.end()  # "Tom Price (R-Ga.)": the party tag belongs to the name
        if all(t.isupper() for t in toks) and any(len(t) >= 3 for t in toks) and (len(toks) > 1 or len(toks[0]) >= 5):
            continue  # "BERLIN —", "NEW YORK (AP)", "TALKS GO ON": a dateline, a heading or a shouted word, no name
        if len(toks) == 1:
            t = toks[0]
            low = t.lower()
            if t[1:2] == "-" and _PARTY_TAG.fullmatch(t):
                continue  # "R-Texas": a party-state tag
            if len(t) < 2 or low in stop or low in titlew or t.endswith(".") or t in sidew or low in numw or low in notn:
                continue
            if "-" in t and t.rsplit("-", 1)[1][:1].islower():
                continue  # "Tony-winning", "Republican-leaning", "Ohio-based": a compound modifier, no name
            if low in abbrevs and _ABBREV_NUMBER.match(text, e):
                continue  # "Dec. 8", "Aug. 24", "No. 2": an abbreviated word before a number, no name
            nxt = _NEXT_WORD.match(text, e)
            if nxt and nxt.group(1).lower() in titlew:
                continue  # "the German minister", "Democratic lawmakers": a modifier, not a name
            if (
                not titled
                and t not in fn
                and not t.isupper()
                and text[e : e + 1] not in ("’", "'", ",")
                and _SENT_START.search(text, max(0, a - 4), a)
                and _capital_counts(text, memo)[t] < 2
                and not _speaks_soon(text, e)
            ):
                # "Blame fell on …", "Oceanic warming …": a lone capitalised word opening a sentence, which the
                # text writes capitalised only this once (so never inside a sentence either), and which neither
                # speaks nor owns: a common word (an acronym, "AP", "NOAA", stays a name)
                continue
        if gender == "any":
            gender = None
        lows = {t.lower() for t in toks}
        name = " ".join(toks)
        if name in placew or name.rstrip(",") in placew:
            kind = "place"
        elif lows & orgw:
            kind = "organization"
        elif titled or (len(toks) > 1 and toks[0] in fn):
            kind = "person"
            gender = gender or (fn.get(toks[0]) if len(toks) > 1 else None)
        else:
            kind = "name"
        if e <= a:
            continue
        out.append(mention_record(a, e, text[a:e], name, slug(name), side, "proper", kind, gender))
    return out


_ABBREV_NUMBER = re.compile(r"\.[ \t\xa0]*\d")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]*")


_ADVERB_ENDS = ("ally", "ntly", "ately", "edly", "ously", "ibly", "ably", "ively", "ctly", "arly", "ssly", "ely")


def _is_adverb(t: str, fn: dict) -> bool:
    """A capitalised sentence adverb ("Significantly", "Ultimately"), not a first name such as Beverly."""
    return len(t) >= 6 and t.lower().endswith(_ADVERB_ENDS) and t not in fn


def _lower_use(text: str, low: str, memo: dict) -> bool:
    """True when ``text`` also uses ``low`` as a lower-case word (so a capitalised copy opening a sentence is a common word).

    ``memo`` keeps the text's set of lower-case words, made on the first call.
    """
    words = memo.get("words")
    if words is None:
        words = memo["words"] = frozenset(_LOWER_WORD.findall(text))
    return low in words


def surname_mentions(text: str, found: list[dict]) -> list[dict]:
    people = {}
    for m in found:
        if m["kind"] in ("person", "name") and m["actor_id"] not in registry() and m["how"] != "anonymous":
            people.setdefault(m["actor"], m)
    if not people:
        return []
    index = {}
    for name, m in people.items():
        index.setdefault(name, m)
        toks = name.split()
        if len(toks) >= 2 and toks[-1].lower() not in NOT_NAME:
            index.setdefault(toks[-1], m)
        if len(toks) == 2 and toks[0].lower() not in NOT_NAME and len(toks[0]) <= 4:
            index.setdefault(toks[0], m)  # family name first ("Lin Haoran" ... "Lin said")
    best: dict[int, tuple[tuple[int, str], re.Match]] = {}
    for key in index:  # one small cached pattern per name (names recur across documents; sets of names do not)
        rx = _name_rx(key)
        x = rx.search(text)
        while x:  # every start, overlapping ones included (as trying the names at each capitalised word)
            p = x.start()
            if text[p].isupper() and not (p and _AFTER_WORD.match(text, p - 1)):
                rank = (-len(key), key)  # the longest name wins where several start, as in a longest-first alternation
                if p not in best or rank < best[p][0]:
                    best[p] = (rank, x)
            x = rx.search(text, p + 1)
    out = []
    for p in sorted(best):
        x = best[p][1]
        pm = index[WS.sub(" ", x.group(0))]
        out.append(
            mention_record(
                x.start(), x.end(), x.group(0), pm["actor"], pm["actor_id"], pm["side"], "surname", pm["kind"], pm["gender"], pm["role"]
            )
        )
    return out


_AFTER_WORD = re.compile(r"[\w.]")


@lru_cache(maxsize=4096)
def _name_rx(name: str) -> re.Pattern:
    """Pattern of one name a text's later mentions may use, ending a word (the caller checks the start)."""
    return re.compile(rf"{_alt([name])}(?![\w])")
