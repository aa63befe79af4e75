"""Actors: who is mentioned in a text, as character spans resolved to a registry.

Mentions come from, in order of trust:

* ``registry``: an alias from ``resources/actors.yaml`` (people, organisations) or a
  country name from ``resources/sides.yaml``;
* ``title``: a title from ``resources/titles.txt`` followed by a capitalised name
  ("Foreign Minister Li Wen"), side from a country word before the title;
* ``apposition``: a name followed by ", <description with a title>," ("Anna Berg, the
  Swedish envoy,");
* ``org pattern``: a country word and an organisation noun ("the Chinese Foreign Ministry");
* ``name``: a capitalised two- or three-word name right before or after a reporting verb;
* ``surname``: a later surname-only (or full-name) mention of a person found by the above;
* ``pronoun`` (he/she/it), resolved to an earlier actor by :func:`resolve_pronoun`;
* ``anonymous``: an unnamed source ("a senior U.S. official"), actor None, side kept.

Everything linguistic lives in resource files; nothing here knows about any
particular pair of sides.

>>> [(m["text"], m["actor"], m["how"]) for m in find_mentions("Foreign Minister Li Wen met Lavrov.")]
[('Li Wen', 'Li Wen', 'title'), ('Lavrov', 'Sergey Lavrov', 'registry')]

Over 500 lines: the open-world mention finder of issue #13 (proper names, descriptive
sources, short forms, pronouns) is still being tuned against the development set; the module is
split (registry / names / descriptions / pronouns) once the rules settle, so they are not moved
twice (row records: :mod:`analysis.extraction.types`).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.errors import InputError
from ..core.resources import read_list, read_tsv, read_yaml, resource_path

if TYPE_CHECKING:  # typing only: no import at run time
    from .types import Mention

__all__ = [
    "UPWORD",
    "NAME",
    "NAME2",
    "PREPOSITIONS",
    "slug",
    "countries",
    "side_groups",
    "group_ids",
    "side_words",
    "side_of",
    "registry",
    "alias_index",
    "literal_alternation",
    "pronouns",
    "scan",
    "find_mentions",
    "find_pronouns",
    "find_descriptions",
    "compatible",
    "resolve_pronoun",
    "actors_rows",
]

UPWORD = r"[A-Z][^\W\d_]*(?:-[^\W\d_]+|[’'][A-Z][^\W\d_]*)*"
_CONNECT = r"(?:bin|ibn|al|el|de|del|da|di|van|von|der|le|la)"
NAME = rf"{UPWORD}(?:\s(?:{_CONNECT}\s)?{UPWORD}){{0,3}}"
NAME2 = rf"{UPWORD}(?:\s(?:{_CONNECT}\s)?{UPWORD}){{1,2}}"
PREPOSITIONS = frozenset(
    "of from with to for by in on at about between against among than into onto over under "
    "without within toward towards across after before during like including via per".split()
)
_NOT_NAME = frozenset(
    "the a an but and or however in on at after before this that these those it its his her their "
    "he she they we i monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december also meanwhile earlier later "
    "yesterday today tomorrow asked speaking when while still yet so then if as".split()
)

_WS = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def slug(name: str) -> str:
    """Stable identifier for a discovered actor name.

    >>> slug("Anna-Maria O’Neil")
    'anna-maria-o-neil'
    """
    return re.sub(r"[^0-9a-z]+", "-", name.lower()).strip("-")


def _possessives(words: list[str]) -> list[str]:
    out = []
    for w in words:
        out += [w, w + "'s", w + "’s"]
    return out


_GROUP_KEYS = ("name", "side", "kind", "demonym", "names", "words")


def _group_entry(c, key: str, i: int, path) -> dict:
    """One checked entry of ``sides.yaml``'s ``countries:`` or ``sides:`` list (see :func:`countries`)."""
    where = f"{key}[{i}]"
    if not isinstance(c, dict):
        raise InputError(path, f"{where}: expected a mapping with name, side, names, words")
    unknown = sorted(set(map(str, c)) - set(_GROUP_KEYS))
    if unknown:
        raise InputError(path, f"{where}: unknown field {unknown[0]!r} (known: {', '.join(_GROUP_KEYS)})")
    for field in ("name", "side"):
        if c.get(field) in (None, ""):
            raise InputError(path, f"{where}: missing {field!r}")
    for field in ("names", "words"):
        if c.get(field) is not None and not isinstance(c.get(field), list):
            raise InputError(path, f"{where}: {field!r} must be a list")
    kind = "country" if key == "countries" else str(c.get("kind") or "group").strip().lower()
    return {
        "name": str(c["name"]),
        "side": str(c["side"]),
        "kind": kind,
        "demonym": str(c.get("demonym") or c["name"]),
        "names": [str(x) for x in c.get("names") or []],
        "words": [str(x) for x in c.get("words") or []],
    }


@lru_cache(maxsize=1)
def countries() -> list[dict]:
    """Side groups of ``sides.yaml``: name, side, kind, demonym, names, words.

    Two lists are read, in this order: ``countries:`` (the original format; every
    entry has kind ``country``) and ``sides:`` (groups of any ``kind``: country,
    party, campaign, organisation, ...; default ``group``). A group's names become
    mentions of an actor called ``name``; its words give a title, an organisation or
    an anonymous source its side. A malformed entry raises
    :class:`analysis.errors.InputError` naming the file.

    >>> [(g["name"], g["kind"]) for g in countries()][:2]
    [('United States', 'country'), ('Russia', 'country')]
    """
    data = read_yaml("sides.yaml") or {}
    path = resource_path("sides.yaml")
    if not isinstance(data, dict):
        raise InputError(path, "expected a mapping with a 'countries:' or 'sides:' list")
    out = []
    for key in ("countries", "sides"):
        entries = data.get(key) or []
        if not isinstance(entries, list):
            raise InputError(path, f"{key!r} must be a list of entries")
        out += [_group_entry(c, key, i, path) for i, c in enumerate(entries)]
    return out


side_groups = countries


@lru_cache(maxsize=1)
def group_ids() -> frozenset[str]:
    """actor_id of every side group (the actors made from ``sides.yaml``).

    >>> "russia" in group_ids()
    True
    """
    return frozenset(slug(c["name"]) for c in countries())


@lru_cache(maxsize=1)
def side_words() -> dict[str, tuple[str, str]]:
    """Country word (names, modifiers and their possessives) -> (side, demonym).

    >>> side_words()["Russia’s"]
    ('Russia', 'Russian')
    """
    out: dict[str, tuple[str, str]] = {}
    for c in countries():
        for w in _possessives(c["names"] + c["words"]):
            out.setdefault(w, (c["side"], c["demonym"]))
    return out


def _side_word(matched: str) -> tuple[str, str]:
    """(side, demonym) of a country word as matched in a text (any run of whitespace inside it counts as one space)."""
    return side_words()[_WS.sub(" ", matched)]


def side_of(text: str) -> str | None:
    """Side of the first country word found in ``text`` (whole words), else None.

    >>> side_of("the Ukrainian President"), side_of("a minister")
    ('Ukraine', None)
    """
    m = _pats()["side_word"].search(text)
    return _side_word(m.group(0))[0] if m else None


@lru_cache(maxsize=1)
def registry() -> dict[str, dict]:
    """All known actors by id: ``actors.yaml`` entries plus one actor per sides.yaml group.

    A group's ``kind`` is ``country`` for countries and ``organization`` for every
    other kind of group (party, campaign, ...), whose own kind is kept as ``role``.
    """
    out: dict[str, dict] = {}
    for c in countries():
        aid = slug(c["name"])
        out[aid] = {
            "actor_id": aid,
            "actor": c["name"],
            "kind": "country" if c["kind"] == "country" else "organization",
            "side": c["side"],
            "role": c["kind"],
            "organisation": None,
            "gender": None,
            "aliases": list(c["names"]),
        }
    for a in (read_yaml("actors.yaml") or {}).get("actors") or []:
        aid = str(a.get("id") or slug(str(a["name"])))
        out[aid] = {
            "actor_id": aid,
            "actor": str(a["name"]),
            "kind": str(a.get("kind") or "person"),
            "side": a.get("side"),
            "role": a.get("role"),
            "organisation": a.get("organisation"),
            "gender": a.get("gender"),
            "aliases": [str(x) for x in a.get("aliases") or []],
        }
    return out


@lru_cache(maxsize=1)
def alias_index() -> dict[str, str]:
    """Alias -> actor_id (canonical names included; earlier entries win on clashes)."""
    out: dict[str, str] = {}
    for aid, a in registry().items():
        for al in [a["actor"], *a["aliases"]]:
            out.setdefault(al, aid)
    return out


def literal_alternation(items, flags: str = "") -> str:
    """Regex matching any of the literal ``items`` (a space matches any run of whitespace), longest first.

    Built as a trie (``Foreign(?:\\s+Minister)?``) rather than a flat ``A|B|C``: it matches
    what the flat alternation sorted longest first would match (two literals matching at
    the same place are prefix-related, and both try the longer one first), but the regex
    engine follows one branch per character instead of trying every item in turn.
    ``flags`` ("i") wraps it in ``(?i:...)``; the items are then lower-cased.

    >>> literal_alternation(["Foreign Minister", "Foreign", "Fox"])
    '(?:Fo(?:reign(?:\\\\s+Minister)?|x))'
    >>> bool(re.fullmatch(literal_alternation(["the U.S."], "i"), "The  U.S."))
    True
    """
    items = {i for i in items if i}
    if "i" in flags:
        items = {i.lower() for i in items}
    body = _trie_pattern(_trie(items)) if items else r"(?!x)x"
    return f"(?{flags}:{body})" if flags else f"(?:{body})"


def _trie(items) -> dict:
    root: dict = {}
    for item in items:
        node = root
        for ch in item:
            node = node.setdefault(ch, {})
        node[""] = {}  # an item ends here
    return root


def _trie_pattern(node: dict) -> str:
    """Pattern of a trie node: longer continuations first, ending here last (greedy ``?``)."""
    branches = []
    for ch in sorted(k for k in node if k):
        child = node[ch]
        tail = _trie_pattern(child)
        head = r"\s+" if ch == " " else re.escape(ch)
        branches.append(head + tail)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_alt = literal_alternation  # the short name the patterns below use


@lru_cache(maxsize=1)
def pronouns() -> dict[str, dict]:
    """Pronoun form -> {gender, kind} from ``pronouns.tsv``."""
    return {r["form"]: {"gender": r["gender"], "kind": r["kind"]} for r in read_tsv("pronouns.tsv")}


_TOKEN = re.compile(r"[^\W\d_]+")


def _first_token(s: str) -> str | None:
    m = _TOKEN.search(s)
    return m.group(0) if m else None


@lru_cache(maxsize=1)
def _pats() -> dict[str, re.Pattern]:
    sw = _alt(side_words())
    titles = _alt(read_list("titles.txt"), "i")
    heads = _alt(read_list("org_heads.txt"), "i")
    anon = _alt(read_list("anonymous_sources.txt"), "i")
    return {
        "alias": re.compile(rf"(?<![\w.]){_alt(alias_index())}(?![\w])"),
        "side_word": re.compile(rf"(?<![\w.]){sw}(?![\w])"),
        "side_before": re.compile(rf"(?<![\w.])(?P<pre>{sw})\s+$"),
        "title": re.compile(
            rf"(?<![\w.])(?P<title>(?:{titles}\s+)*{titles})"
            rf"(?:\s+(?P<prep>of|for|to|on)\s+(?:the\s+)?)?\s*,?\s+(?P<name>{NAME})(?![\w’'])"
        ),
        "appos_before": re.compile(rf"(?<![\w.’'])(?P<name>{NAME2}),\s+(?P<pre>[^,.;:“”\"\n]{{0,90}})$"),
        "appos_after": re.compile(rf"{titles}(?![\w])[^,.;:“”\"\n]{{0,90}}?(?=,|\s+(?:said|says|told)\b)"),
        "org_head": re.compile(rf"{heads}(?![\w])"),
        "anon_head": re.compile(rf"{anon}(?![\w])"),
        "anon_before": re.compile(
            rf"(?<![\w.’'])(?:(?:{'|'.join(_ANON_DETS)})\s+)?"
            rf"(?:(?:{_alt(side_words(), 'i')}|{_alt(_anon_modifiers(), 'i')}|(?-i:[A-Z](?:[\w&-]|\.(?=\w))*\.?(?<!\w\w\.)(?:[’']s?)?)|\d[\d.,]*%?|{_alt(_number_words(), 'i')})\s+){{0,4}}$",
            re.I,
        ),
        "name_before": re.compile(rf"(?<![\w.’'])(?P<a>{NAME2}),?\s+(?:\w+ly\s+)?$"),
        "name_after": re.compile(rf"\s+(?P<b>{NAME2})(?![\w’'])"),
        "pronoun": re.compile(rf"(?<![\w’'-])(?:{'|'.join(map(re.escape, pronouns()))})(?![\w’'-])"),
        # "the Russian minister", "the spokeswoman": a definite description standing for an earlier person
        "org_description": re.compile(
            rf"[Tt](?<![\w’'-][Tt])he\s+(?:(?P<side>{sw})\s+)?(?P<title>{_alt(read_list('org_descriptions.txt'), 'i')})(?![\w’'-])"
            rf"(?!\s*,?\s+(?:[A-Z]|of\b|for\b))"
        ),
        "description": re.compile(
            rf"[Tt](?<![\w’'-][Tt])he\s+(?:(?:{_DESC_MODS})\s+){{0,2}}(?:(?P<side>{sw})\s+)?(?:(?:{_DESC_MODS})\s+){{0,2}}"
            rf"(?P<title>{titles})(?![\w’'-])(?!\s*,?\s+(?:[A-Z]|of\b|for\b))"
        ),
    }


# words between "the" and the title of a definite description ("the former president")
_DESC_MODS = r"former|then|new|top|longtime|veteran|current|acting|outgoing|incoming|presidential|Republican|Democratic|GOP|party|senior"


@lru_cache(maxsize=1)
def _triggers() -> tuple[dict[str, frozenset], dict[str, frozenset]]:
    """First words that can start each pattern: (case-sensitive table, lower-case table)."""
    cs: dict[str, set] = {}
    ci: dict[str, set] = {}
    for al in alias_index():
        t = _first_token(al)
        if t:
            cs.setdefault(t, set()).add("alias")
    for name, cat in (("titles.txt", "title"), ("org_heads.txt", "org"), ("anonymous_sources.txt", "anon")):
        for item in read_list(name):
            t = _first_token(item)
            if t:
                ci.setdefault(t.lower(), set()).add(cat)
    for form in pronouns():
        cs.setdefault(form, set()).add("pronoun")
    return {k: frozenset(v) for k, v in cs.items()}, {k: frozenset(v) for k, v in ci.items()}


def scan(text: str, cue_words: frozenset = frozenset()) -> dict[str, list[int]]:
    """Start offsets of the words that can begin each pattern, from one pass over the words.

    Categories: alias, title, org, anon, pronoun and cue (first words in ``cue_words``,
    lower case). The patterns themselves are then only tried at these offsets, which
    keeps extraction fast.

    >>> scan("He met Foreign Minister Li.")["title"]
    [7, 15]
    """
    out: dict[str, list[int]] = {k: [] for k in ("alias", "title", "org", "anon", "pronoun", "cue")}
    seen = _word_categories(cue_words)
    for m in _TOKEN.finditer(text):
        w = m.group()
        c = seen.get(w)
        if c is None:
            c = _categories(w, cue_words)
            if len(seen) < 200_000:  # bounded memo
                seen[w] = c
        if c:
            for k in c:
                out[k].append(m.start())
    return out


@lru_cache(maxsize=8)
def _word_categories(cue_words: frozenset) -> dict[str, tuple[str, ...]]:
    """Memo of :func:`_categories` for one set of cue words (filled as words are met)."""
    return {}


def _categories(w: str, cue_words: frozenset) -> tuple[str, ...]:
    """The scan categories a word can start: case-sensitive triggers, then lower-case ones, then cue."""
    cs, ci = _triggers()
    lw = w.lower()
    return (*cs.get(w, ()), *ci.get(lw, ()), *(("cue",) if lw in cue_words else ()))


def _trim_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading/trailing tokens of a name span that are not name words (days, 'The', ...)."""
    while start < end and not text[start].isspace():
        tok = text[start:end].split(None, 1)[0]
        if tok.lower().strip("’'") not in _NOT_NAME:
            break
        start += len(tok)
        while start < end and text[start].isspace():
            start += 1
    while end > start and not text[end - 1].isspace():
        tok = text[start:end].rsplit(None, 1)[-1]
        if tok.lower() not in _NOT_NAME:
            break
        end -= len(tok)
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end


def _mention(start, end, text, actor, actor_id, side, how, kind, gender=None, role=None) -> dict:
    return {
        "start": start,
        "end": end,
        "text": text,
        "actor": actor,
        "actor_id": actor_id,
        "side": side,
        "how": how,
        "kind": kind,
        "gender": gender,
        "role": role,
    }


def _from_registry(aid: str, start: int, end: int, text: str, how: str = "registry") -> dict:
    a = registry()[aid]
    return _mention(start, end, text, a["actor"], aid, a["side"], how, a["kind"], a["gender"], a["role"])


def _registry_in(name: str) -> str | None:
    m = _pats()["alias"].search(name)
    if m and registry()[alias_index()[_WS.sub(" ", m.group(0))]]["kind"] == "person":
        return alias_index()[_WS.sub(" ", m.group(0))]
    return None


def _side_before(text: str, p: int) -> re.Match | None:
    """The country word right before ``p`` ("Russian" in "Russian Foreign Minister"), as a match."""
    lo = max(0, p - 40)
    if p == lo or not text[p - 1].isspace():
        return None
    last = text[lo:p].rsplit(None, 1)
    if not last or not last[-1].endswith(_side_word_ends()):  # cheap test: no country word ends there
        return None
    return _pats()["side_before"].search(text, lo, p)


@lru_cache(maxsize=1)
def _side_word_ends() -> tuple[str, ...]:
    """Last whitespace-separated piece of every country word (a match of ``side_before`` ends with one)."""
    return tuple(sorted({w.split()[-1] for w in side_words() if w.split()}))


def _title_mentions(text: str, positions: list[int]) -> list[dict]:
    out, rx = [], _pats()["title"]
    for p in positions:
        m = rx.match(text, p)
        if not m:
            continue
        ns, ne = _trim_name(text, m.start("name"), m.end("name"))
        toks = text[ns:ne].split()
        if not toks:
            continue
        if m.group("prep"):
            # "Head of the Russian Direct Investment Fund Kirill Dmitriev": the name is the tail.
            if len(toks) < 3:
                continue
            ns = text.rfind(toks[-2], m.start("name"), ne)
        name = _WS.sub(" ", text[ns:ne])
        if {t.lower() for t in name.split()} & _org_words():
            continue  # "Justice Department": an organisation, not a titled person
        title = _WS.sub(" ", m.group("title"))
        pm = _side_before(text, p)
        pre = _WS.sub(" ", pm.group("pre")) if pm else None
        side = _side_word(pre)[0] if pre else None
        if side is None and m.group("prep"):
            side = side_of(text[m.end("title") : ns])
        aid = _registry_in(name)
        if aid:
            out.append(_from_registry(aid, ns, ne, text[ns:ne], "title"))
        else:
            role = f"{pre} {title}" if pre else title
            out.append(_mention(ns, ne, text[ns:ne], name, slug(name), side, "title", "person", None, role))
    return out


_APPOS_STOP = re.compile(r"[,.;:“”\"\n]")


def _apposition_mentions(text: str, positions: list[int]) -> list[dict]:
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
        name = _WS.sub(" ", text[ns:ne])
        if _pats()["alias"].fullmatch(name):
            continue
        desc = (b.group("pre") + a.group(0)).strip()
        out.append(_mention(ns, ne, text[ns:ne], name, slug(name), side_of(desc), "apposition", "person", None, desc))
    return out


def _org_mentions(text: str, positions: list[int]) -> list[dict]:
    out = []
    for p in positions:
        h = _pats()["org_head"].match(text, p)
        pm = _side_before(text, p) if h else None
        if not pm:
            continue
        side, demonym = _side_word(pm.group("pre"))
        head = _WS.sub(" ", h.group(0))
        head = head[0].upper() + head[1:]
        name = f"{demonym} {head}"
        out.append(_mention(pm.start(), h.end(), text[pm.start() : h.end()], name, slug(name), side, "org pattern", "organization"))
    return out


# words that may stand before an anonymous source ("two senior U.S. administration officials")
_ANON_DETS = ("an?", "the", "two", "three", "four", "several", "some", "many", "other", "one")


@lru_cache(maxsize=1)
def _anon_modifiers() -> tuple[str, ...]:
    """Modifier words of descriptive sources (``source_modifiers.txt``), lower case."""
    return tuple(read_list("source_modifiers.txt"))


@lru_cache(maxsize=1)
def _anon_word_ends() -> tuple[str, ...]:
    """Lower-case words one of which ends any non-empty match of ``anon_before`` (before its final whitespace)."""
    sides = {w.split()[-1].lower() for w in side_words() if w.split()}
    return tuple(sorted(sides | {"a", "an"} | set(_ANON_DETS[1:]) | {w.split()[-1] for w in _anon_modifiers()} | _number_words()))


_NAME_AFTER = re.compile(r"[ \t\xa0]+(?:[A-Z]\.[ \t\xa0]*)?[A-Z][a-z]")
_PP_TOKEN = r"(?!(?:to|not|also|has|have|had|was|were|is|are|did|does|would|will|could|declined|refused|who|which|that|and|but)\b)[\w’'-]+(?:\.\w+)*"
_PP_STARTS = ("of ", "for ", "from ", "at ", "with ", "in ", "on ")


@lru_cache(maxsize=1)
def _anon_pp() -> re.Pattern:
    """A short prepositional phrase after a descriptive source's head that a reporting verb follows."""
    verbs = literal_alternation((r["form"] for r in read_tsv("reporting_verbs.tsv")), "i")  # claims.cue_pattern; claims imports this module
    return re.compile(
        rf"{_SP}(?:of|for|from|at|with|in|on){_SP}(?:(?:the|a|an|all|his|her|their|its){_SP})?(?:{_PP_TOKEN}{_SP}){{0,4}}?{_PP_TOKEN}{_SP}"
        rf"(?=(?:{verbs})(?![\w’'-]))"
    )


def _anon_mentions(text: str, positions: list[int]) -> list[dict]:
    out = []
    for p in positions:
        h = _pats()["anon_head"].match(text, p)
        if not h or text[p - 1 : p] == "-" or text[h.end() : h.end() + 1] == "-":
            continue  # "four-and-half-hour": inside a compound word
        lo = max(0, p - 80)
        last = text[lo:p].rsplit(None, 1)[-1:] if text[p - 1 : p].isspace() else []
        if not (last and (last[0][:1].isupper() or last[0][:1].isdigit() or last[0].lower().endswith(_anon_word_ends()))):
            lo = max(lo, p - 2)  # no modifier word before: only an empty match, at p (or before a final newline)
        b = _pats()["anon_before"].search(text, lo, p)
        a = b.start() if b else p
        while a < p:  # "But campaign officials": a capitalised sentence word is no modifier
            rest = text[a:p].split(None, 1)
            if not rest:
                a = p
                break
            tok = rest[0]
            low = tok.lower().strip("’'")
            if low in _DET_WORDS or low not in _NOT_NAME and low not in _stopwords():
                break
            a += len(tok)
            while a < p and text[a].isspace():
                a += 1
        end = h.end()
        if _NAME_AFTER.match(text, end):
            continue  # "pollster Ann Cole": a title before a name, not a source of its own
        pp = _anon_pp().match(text, end) if text.startswith(_PP_STARTS, end + 1) else None
        if pp:
            end = pp.end() - len(pp.group(0)) + len(pp.group(0).rstrip())  # "advocates for stem cell research said"
        span = text[a:end]
        desc = _WS.sub(" ", span)
        desc = desc[0].lower() + desc[1:] if desc[:2].istitle() and desc.split()[0].lower() in _DET_WORDS else desc
        out.append(_mention(a, end, span, desc, slug(desc), side_of(span), "anonymous", "anonymous", None, desc))
    return out


_DET_WORDS = frozenset("a an the two three four several some many other one".split())


def _cue_name_mentions(text: str, cue_positions: list[int]) -> list[dict]:
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
        if w.startswith(("said", "says", "added", "told")):
            a = after.match(text, c + text[c : c + 6].find(" ") if " " in text[c : c + 6] else c + 5)
            if a:
                cands.append((a.start("b"), a.end("b")))
        for s0, e0 in cands:
            ns, ne = _trim_name(text, s0, e0)
            if len(text[ns:ne].split()) < 2:
                continue
            name = _WS.sub(" ", text[ns:ne])
            out.append(_mention(ns, ne, text[ns:ne], name, slug(name), None, "name", "person"))
    return out


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
def _org_words() -> frozenset:
    return frozenset(read_list("org_words.txt"))


@lru_cache(maxsize=1)
def _skip_words() -> frozenset:
    """Lower-case words that never start a name: not_names.txt, number words and a few built-ins."""
    return frozenset(_NOT_NAME | _stopwords() | _number_words() | _not_names())


@lru_cache(maxsize=1)
def _places() -> frozenset:
    """Place names (``places.txt``): open-world names of kind "place"."""
    return frozenset(read_list("places.txt"))


@lru_cache(maxsize=1)
def _not_names() -> frozenset:
    """Capitalised sentence words that are no names ("Indeed", "Watch"), from ``not_names.txt``."""
    return frozenset(read_list("not_names.txt"))


@lru_cache(maxsize=1)
def _number_words() -> frozenset:
    """Number words ("twenty-four", "half") from ``number_words.txt``: no names, but modifiers of group sources."""
    return frozenset(read_list("number_words.txt"))


@lru_cache(maxsize=1)
def _stopwords() -> frozenset:
    """Function words that never start a name (the function-word part of ``not_names.txt``)."""
    return _not_names()


@lru_cache(maxsize=1)
def _title_lower() -> frozenset:
    """Lower-case single words of titles.txt and the honorifics (they are not part of a name)."""
    words = {w for t in read_list("titles.txt") for w in t.lower().split()}
    return frozenset(words | {h.lower() for h in honorifics()} | {h.lower().rstrip(".") for h in honorifics()})


_NAME_TOKEN = rf"(?:[A-Z]\.(?:[A-Z]\.)*|{UPWORD})"
_SP = r"[ \t\xa0]+"


@lru_cache(maxsize=1)
def _proper_rx() -> re.Pattern:
    hon = _alt(honorifics())
    return re.compile(
        rf"(?<![\w’'.-])(?:(?P<hon>{hon}){_SP})?"
        rf"(?P<name>{_NAME_TOKEN}(?:{_SP}(?:{_CONNECT}{_SP})?{_NAME_TOKEN}){{0,5}})"
        rf"(?:,?{_SP}(?:Jr\.|Sr\.|II\b|III\b))?(?:{_SP}\((?P<party>[A-Z]{{1,2}})-[A-Z][A-Za-z.]*\))?(?!\w)"
    )


_NEXT_WORD = re.compile(r"[ \t\xa0]+([a-z][\w.-]*)")
_SENT_START = re.compile(r"(?:^|[.!?:;…]\s*[\"”’']?\s+|[\n“\"‘—–(]\s*)$")


def _proper_mentions(text: str) -> list[dict]:
    """Open-world proper-name mentions: capitalised word sequences (initials, particles such as
    *de*, *bin*, O’Neill, hyphens), honorifics and office titles stripped from the front
    (gender from the honorific or the first name, ``first_names.tsv``), a party tag
    "(D-Mo.)" kept inside the span. Kind ``organization`` when a word of ``org_words.txt``
    is in the name, ``person`` when an honorific, a title or a known first name says so,
    else ``name`` (unknown until it speaks). A capitalised common word opening a sentence
    is no name (``not_names.txt``, and words the same text also uses in lower case).

    >>> [(m["text"], m["kind"], m["gender"]) for m in _proper_mentions("Later Mrs. Ann O’Neill-Shaw met Fox News.")]
    [('Ann O’Neill-Shaw', 'person', 'female'), ('Fox News', 'organization', None)]
    """
    out = []
    hons = honorifics()
    fn = first_names()
    orgw, stop, titlew = _org_words(), _stopwords(), _title_lower()
    sidew = side_words()
    numw = _number_words()
    notn = _not_names()
    placew = _places()
    memo: dict = {}
    skip = _skip_words()
    for m in _proper_rx().finditer(text):
        a, e = m.start("name"), m.end()
        if e - a < 12 and not m.group("hon") and text[a:e].lower() in skip:
            continue  # fast path: a lone sentence word ("The", "But")
        toks = text[a : m.end("name")].split()
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
        while toks and toks[-1].lower() in _NOT_NAME:
            toks = toks[:-1]
            e = text.rindex(toks[-1], a) + len(toks[-1]) if toks else a
        if not toks:
            continue
        if m.group("party") and len(toks) == len(text[m.start("name") : m.end("name")].split()):
            e = m.end()  # "Tom Price (R-Ga.)": the party tag belongs to the name
        if all(t.isupper() for t in toks) and any(len(t) >= 3 for t in toks) and (len(toks) > 1 or len(toks[0]) >= 5):
            continue  # "WASHINGTON —", "NEW YORK (AP)", "TALKS GO ON": a dateline, a heading or a shouted word, no name
        if len(toks) == 1:
            t = toks[0]
            low = t.lower()
            if len(t) < 2 or low in stop or low in titlew or t.endswith(".") or t in sidew or low in numw or low in notn:
                continue
            nxt = _NEXT_WORD.match(text, e)
            if nxt and nxt.group(1).lower() in titlew:
                continue  # "the Russian minister", "Democratic lawmakers": a modifier, not a name
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
        out.append(_mention(a, e, text[a:e], name, slug(name), None, "proper", kind, gender))
    return out


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


def _select(cands: list[dict]) -> list[dict]:
    """Keep the longest, most trusted non-overlapping candidates, leftmost first."""
    rank = {"registry": 0, "title": 1, "org pattern": 2, "apposition": 3, "name": 4, "surname": 5, "proper": 6, "anonymous": 7}
    cands = sorted(cands, key=lambda m: (m["start"], -(m["end"] - m["start"]), rank.get(m["how"], 9)))
    out, last_end = [], -1
    for m in cands:
        if m["start"] >= last_end and m["end"] > m["start"]:
            out.append(m)
            last_end = m["end"]
    return out


def _surname_mentions(text: str, found: list[dict]) -> list[dict]:
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
        if len(toks) >= 2 and toks[-1].lower() not in _NOT_NAME:
            index.setdefault(toks[-1], m)
        if len(toks) == 2 and toks[0].lower() not in _NOT_NAME and len(toks[0]) <= 4:
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
        pm = index[_WS.sub(" ", x.group(0))]
        out.append(
            _mention(
                x.start(), x.end(), x.group(0), pm["actor"], pm["actor_id"], pm["side"], "surname", pm["kind"], pm["gender"], pm["role"]
            )
        )
    return out


_AFTER_WORD = re.compile(r"[\w.]")


@lru_cache(maxsize=4096)
def _name_rx(name: str) -> re.Pattern:
    """Pattern of one name a text's later mentions may use, ending a word (the caller checks the start)."""
    return re.compile(rf"{_alt([name])}(?![\w])")


def find_mentions(
    text: str,
    cue_words: frozenset = frozenset(),
    cue_rx: re.Pattern | None = None,
    with_pronouns: bool = False,
    pos: dict[str, list[int]] | None = None,
) -> list[Mention]:
    """Named, titled, organisation and anonymous mentions in ``text``, sorted by start.

    ``cue_words``/``cue_rx`` (first words and pattern of reporting verbs) let unknown
    two- or three-word names next to a reporting verb count as people. Returns the
    mentions, or (mentions, unresolved pronouns) when ``with_pronouns``.

    >>> [(m["actor"], m["side"]) for m in find_mentions("Ukraine’s President Ivan Petrenko met the Chinese Foreign Ministry.")]
    [('Ukraine', 'Ukraine'), ('Ivan Petrenko', 'Ukraine'), ('Chinese Foreign Ministry', 'China')]
    """
    pos = scan(text, cue_words) if pos is None else pos
    rx = _pats()["alias"]
    cands = []
    for p in pos["alias"]:
        m = rx.match(text, p)
        if m:
            cands.append(_from_registry(alias_index()[_WS.sub(" ", m.group(0))], m.start(), m.end(), m.group(0)))
    cands += _title_mentions(text, pos["title"]) + _org_mentions(text, pos["org"])
    chosen = _select(cands)
    # weaker patterns only where the trusted ones found nothing
    cue_pos = [c for c in pos["cue"] if cue_rx is None or cue_rx.match(text, c)]
    weak = _apposition_mentions(text, pos["title"]) + _cue_name_mentions(text, cue_pos)
    chosen = _add_free(chosen, weak)
    proper = _proper_mentions(text)
    chosen = _add_free(chosen, [m for m in proper if " " in m["actor"]])
    extra = _surname_mentions(text, chosen)
    if extra:
        chosen = _add_free(chosen, extra)
    chosen = _add_free(chosen, [m for m in proper if " " not in m["actor"]])
    anon = _anon_mentions(text, pos["anon"])
    if anon:
        # "a senior U.S. official": the anonymous source replaces the country word inside it
        starts = [m["start"] for m in chosen]
        inside = set()
        for a in anon:
            k = bisect.bisect_left(starts, a["start"])
            while k < len(chosen) and chosen[k]["end"] <= a["end"]:
                c = chosen[k]
                if (
                    c["kind"] == "country"
                    or c["actor_id"] in group_ids()
                    or c["how"] in ("proper", "surname", "org pattern")
                    or text.startswith(("’s ", "'s "), c["end"])
                ):
                    inside.add(id(chosen[k]))
                k += 1
        chosen = _add_free([m for m in chosen if id(m) not in inside], anon)
    if with_pronouns:
        return chosen, find_pronouns(text, pos["pronoun"]) + _free_of(find_descriptions(text), chosen)
    return chosen


def _free_of(extra: list[dict], chosen: list[dict]) -> list[dict]:
    """The mentions of ``extra`` that overlap none of ``chosen``."""
    if not extra:
        return extra
    starts = [m["start"] for m in chosen]
    out = []
    for m in extra:
        k = bisect.bisect_left(starts, m["end"])
        if k > 0 and chosen[k - 1]["end"] > m["start"]:
            continue
        out.append(m)
    return out


def _add_free(chosen: list[dict], extra: list[dict]) -> list[dict]:
    """``chosen`` plus the candidates of ``extra`` that overlap none of them (and each other)."""
    if not extra:
        return chosen
    keep = _free_of(_select(extra), chosen)
    return sorted(chosen + keep, key=lambda m: m["start"])


def find_pronouns(text: str, positions: list[int] | None = None) -> list[Mention]:
    """Unresolved pronoun mentions (actor None) with the gender/kind they require.

    >>> [(m["text"], m["gender"]) for m in find_pronouns("He said she would.")]
    [('He', 'male'), ('she', 'female')]
    """
    out = []
    table = pronouns()
    rx = _pats()["pronoun"]
    found = rx.finditer(text) if positions is None else (rx.match(text, p) for p in positions)
    for m in found:
        if m is None:
            continue
        info = table[m.group(0)]
        out.append(_mention(m.start(), m.end(), m.group(0), None, None, None, "pronoun", info["kind"], info["gender"]))
    return out


def find_descriptions(text: str) -> list[Mention]:
    """Unresolved definite descriptions ("the Russian minister", "the spokeswoman"): pronoun-like mentions.

    They resolve like pronouns, but only to a person whose role contains the title's
    head word and whose side agrees with the country word, when there is one.

    >>> [(m["text"], m["side"], m["role"]) for m in find_descriptions("Later the Russian minister spoke.")]
    [('the Russian minister', 'Russia', 'minister')]
    """
    out = []
    for key, kind in (("description", "person"), ("org_description", "organization")):
        for m in _pats()[key].finditer(text):
            side = _side_word(m.group("side"))[0] if m.group("side") else None
            out.append(_mention(m.start(), m.end(), m.group(0), None, None, side, "description", kind, "any", m.group("title").lower()))
    return sorted(out, key=lambda m: m["start"])


def _role_head(title: str) -> str:
    head = title.split()[-1].rstrip(".")
    for stem in ("spokes", "advis", "minist", "secretar", "ambassad", "envoy", "president", "chancellor"):
        if head.startswith(stem):
            return stem
    return head


def mention_gender(m: dict) -> str | None:
    """The gender a mention shows: its own (honorific, registry), else the first name of a
    full name (``first_names.tsv``) whatever pattern found it ("spokeswoman Ann Cole").

    >>> mention_gender({"actor": "Ann Cole", "kind": "person", "gender": None})
    'female'
    """
    g = m.get("gender")
    if g in ("male", "female"):
        return g
    toks = (m.get("actor") or "").split()
    return first_names().get(toks[0]) if len(toks) > 1 else None


def _person_like(m: dict) -> bool:
    """A person, or a full name of unknown kind ("Ivo Brandt" before he speaks): a possible he/she."""
    if m["kind"] == "person":
        return True
    return m["kind"] == "name" and m.get("how") in ("proper", "surname") and " " in (m.get("actor") or "")


def compatible(pronoun: dict, mention: dict) -> bool:
    """True when a named mention can be the antecedent of a pronoun (kind and gender agree).

    >>> compatible({"kind": "person", "gender": "female"}, {"kind": "person", "gender": None, "actor": "X"})
    True
    """
    if mention.get("actor") is None or mention.get("how") in ("pronoun", "description"):
        return False
    if pronoun.get("how") == "description":
        if pronoun.get("side") and mention.get("side") and pronoun["side"] != mention["side"]:
            return False
        if pronoun["kind"] == "organization":
            return mention["kind"] == "organization" and pronoun["role"] in mention["actor"].lower()
        if mention["kind"] != "person" or not mention.get("role"):
            return False
        return _role_head(pronoun["role"]) in mention["role"].lower()
    if pronoun["kind"] == "person":
        if not _person_like(mention):
            return False
        g = mention_gender(mention)
        return pronoun["gender"] == "any" or g is None or g == pronoun["gender"]
    if mention["kind"] in ("person", "name", "place"):
        return False
    if pronoun["kind"] == "group":
        return True  # they: a group, an organisation, a side group (party, campaign, country) or a descriptive source
    return mention["kind"] != "anonymous" or not mention["actor"].endswith("s")  # it: not "officials"


def resolve_pronoun(
    pronoun: Mention, unit_mentions: list[Mention], recent_sources: list[Mention], earlier_units: list[list[Mention]]
) -> Mention | None:
    """The mention a pronoun stands for, or None.

    Order: the first compatible named mention earlier in the same sentence (its
    subject, usually); else whichever comes later in the text of the most recent
    compatible speaker and the first compatible mention of the most recent earlier
    sentence that has one.

    >>> p = {"kind": "person", "gender": "male", "start": 30}
    >>> a = {"actor": "A", "kind": "person", "gender": "male", "start": 0, "how": "registry"}
    >>> resolve_pronoun(p, [a], [], [])["actor"]
    'A'
    """
    same = [m for m in unit_mentions if m["start"] < pronoun["start"] and compatible(pronoun, m)]
    if same:
        return same[0]
    speaker = next((s for s in reversed(recent_sources) if compatible(pronoun, s)), None)
    subject = None
    for unit in reversed(earlier_units):
        cands = [m for m in unit if compatible(pronoun, m)]
        if cands:
            subject = cands[0]
            break
    if speaker is not None and subject is not None:
        # "Lavrov said … Rubio struck a cautious tone. “…,” he said": the later one wins
        return subject if subject["start"] > speaker["start"] and subject.get("actor_id") != speaker.get("actor_id") else speaker
    return speaker if speaker is not None else subject


def actors_rows(mentions: list[Mention]) -> list[dict]:
    """One row per distinct actor among ``mentions`` (first-mention order): actor_id, actor, kind, side, role."""
    seen: dict[str, dict] = {}
    for m in mentions:
        if m.get("actor_id") is None or m["actor_id"] in seen:
            continue
        reg = registry().get(m["actor_id"])
        if reg:
            seen[m["actor_id"]] = {k: reg[k] for k in ("actor_id", "actor", "kind", "side", "role")}
        else:
            seen[m["actor_id"]] = {
                "actor_id": m["actor_id"],
                "actor": m["actor"],
                "kind": m["kind"],
                "side": m["side"],
                "role": m.get("role"),
            }
    return list(seen.values())
