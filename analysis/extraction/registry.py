"""The actor registry and side words: who is known by name, and which side a word points to.

The lowest layer of the actor modules. It reads ``resources/actors.yaml`` (people and
organisations with their aliases) and ``resources/sides.yaml`` (side groups: countries,
parties, campaigns, ... with their names and words), and gives

* canonical lookup: :func:`registry` (actor_id -> entry), :func:`alias_index`
  (alias -> actor_id), :func:`slug` (the id of a discovered name);
* sides: :func:`countries` / :func:`side_groups`, :func:`group_ids`, :func:`side_words`,
  :func:`side_of` (the side of the first country word in a text);
* :func:`literal_alternation`, the regex of a word list every pattern of the actor
  modules is built from;
* the mention record (``mention_record``, :class:`analysis.extraction.types.Mention`) and a
  registry actor's mention at a span.

Nothing here knows about any particular pair of sides: it is all in the two files.

>>> registry()[alias_index()["Ankara"]]["actor"], side_of("the Turkish envoy")
('Turkey', 'Turkey')
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..core.errors import InputError
from ..core.resources import read_yaml, resource_path

__all__ = [
    "slug",
    "countries",
    "parse_side_groups",
    "side_groups",
    "group_ids",
    "side_words",
    "side_of",
    "registry",
    "alias_index",
    "literal_alternation",
    "WS",
    "from_registry",
    "pats",
    "registry_in",
    "side_before",
    "side_word",
    "mention_record",
]

WS = re.compile(r"\s+")  # a run of whitespace; a matched alias or country word is looked up with single spaces


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
    :class:`analysis.core.errors.InputError` naming the file.

    >>> {g["name"]: g["kind"] for g in countries()}["Turkey"]
    'country'
    """
    return parse_side_groups(read_yaml("sides.yaml"), resource_path("sides.yaml"))


def parse_side_groups(data, path="sides.yaml") -> list[dict]:
    """The checked side groups of a parsed ``sides.yaml`` (see :func:`countries`); :class:`InputError` names ``path``.

    >>> [g["side"] for g in parse_side_groups({"sides": [{"name": "Green Alliance", "side": "Greens"}]})]
    ['Greens']
    """
    data = data or {}
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

    >>> "turkey" in group_ids()
    True
    """
    return frozenset(slug(c["name"]) for c in countries())


@lru_cache(maxsize=1)
def side_words() -> dict[str, tuple[str, str]]:
    """Country word (names, modifiers and their possessives) -> (side, demonym).

    >>> side_words()["Turkey’s"]
    ('Turkey', 'Turkish')
    """
    out: dict[str, tuple[str, str]] = {}
    for c in countries():
        for w in _possessives(c["names"] + c["words"]):
            out.setdefault(w, (c["side"], c["demonym"]))
    return out


def side_word(matched: str) -> tuple[str, str]:
    """(side, demonym) of a country word as matched in a text (any run of whitespace inside it counts as one space)."""
    return side_words()[WS.sub(" ", matched)]


def side_of(text: str) -> str | None:
    """Side of the first country word found in ``text`` (whole words), else None.

    >>> side_of("the Turkish President"), side_of("a minister")
    ('Turkey', None)
    """
    m = pats()["side_word"].search(text)
    return side_word(m.group(0))[0] if m else None


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
    >>> bool(re.fullmatch(literal_alternation(["the U.N."], "i"), "The  U.N."))
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
def pats() -> dict[str, re.Pattern]:
    """Compiled patterns of the registry: any alias, any country word, a country word ending a text."""
    sw = _alt(side_words())
    return {
        "alias": re.compile(rf"(?<![\w.]){_alt(alias_index())}(?![\w])"),
        "side_word": re.compile(rf"(?<![\w.]){sw}(?![\w])"),
        "side_before": re.compile(rf"(?<![\w.])(?P<pre>{sw})\s+$"),
    }


def mention_record(start, end, text, actor, actor_id, side, how, kind, gender=None, role=None) -> dict:
    """A mention record (keys of :class:`analysis.extraction.types.Mention`); every pattern of the actor modules makes these."""
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


def from_registry(aid: str, start: int, end: int, text: str, how: str = "registry") -> dict:
    """The mention of registry actor ``aid`` at ``text[start:end]``, found by pattern ``how``."""
    a = registry()[aid]
    return mention_record(start, end, text, a["actor"], aid, a["side"], how, a["kind"], a["gender"], a["role"])


def registry_in(name: str) -> str | None:
    """actor_id of the first registry person whose alias is in ``name`` (a titled name), else None."""
    m = pats()["alias"].search(name)
    if m and registry()[alias_index()[WS.sub(" ", m.group(0))]]["kind"] == "person":
        return alias_index()[WS.sub(" ", m.group(0))]
    return None


def side_before(text: str, p: int) -> re.Match | None:
    """The country word right before ``p`` ("German" in "German Foreign Minister"), as a match."""
    lo = max(0, p - 40)
    if p == lo or not text[p - 1].isspace():
        return None
    last = text[lo:p].rsplit(None, 1)
    if not last or not last[-1].endswith(_side_word_ends()):  # cheap test: no country word ends there
        return None
    return pats()["side_before"].search(text, lo, p)


@lru_cache(maxsize=1)
def _side_word_ends() -> tuple[str, ...]:
    """Last whitespace-separated piece of every country word (a match of ``side_before`` ends with one)."""
    return tuple(sorted({w.split()[-1] for w in side_words() if w.split()}))
