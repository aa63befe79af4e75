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
* ``anonymous``: an unnamed source ("a senior Turkish official"), actor None, side kept.

Everything linguistic lives in resource files; nothing here knows about any
particular pair of sides.

>>> [(m["text"], m["actor"], m["how"]) for m in find_mentions("Foreign Minister Li Wen met the Turkish envoy in Berlin.")]
[('Li Wen', 'Li Wen', 'title'), ('Berlin', 'Germany', 'registry')]

The patterns live in one module per concept, lowest first (none imports a later one):
:mod:`~analysis.extraction.registry` (registry, sides, ``literal_alternation``),
:mod:`~analysis.extraction.names` (titled, apposed and open-world names, short forms),
:mod:`~analysis.extraction.descriptions` (organisation patterns, anonymous sources,
definite descriptions) and :mod:`~analysis.extraction.pronouns` (pronouns and their
resolution). This module combines them into the mention layer (:func:`scan`,
:func:`find_mentions`, :func:`actors_rows`) and re-exports the names other modules import
from it (row records: :mod:`analysis.extraction.types`).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.resources import read_list
from .descriptions import anon_mentions, find_descriptions, org_mentions
from .names import (
    NAME,
    NAME2,
    UPWORD,
    apposition_mentions,
    cue_name_mentions,
    first_names,
    honorifics,
    proper_mentions,
    skip_words,
    surname_mentions,
    title_mentions,
)
from .pronouns import compatible, find_pronouns, mention_gender, pronouns, resolve_pronoun
from .registry import (
    WS,
    alias_index,
    countries,
    from_registry,
    group_ids,
    literal_alternation,
    registry,
    side_groups,
    side_of,
    side_words,
    slug,
)
from .registry import pats as registry_pats

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
    "mention_gender",
    "honorifics",
    "first_names",
    "actors_rows",
]

# English prepositions; the actor patterns do not use them, claims does (kept here, where claims imports it from)
PREPOSITIONS = frozenset(
    "of from with to for by in on at about between against among than into onto over under "
    "without within toward towards across after before during like including via per".split()
)

_TOKEN = re.compile(r"[^\W\d_]+")


def _first_token(s: str) -> str | None:
    m = _TOKEN.search(s)
    return m.group(0) if m else None


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

    >>> [(m["actor"], m["side"]) for m in find_mentions("Turkey’s President Deniz Arslan met the Chinese Foreign Ministry.")]
    [('Turkey', 'Turkey'), ('Deniz Arslan', 'Turkey'), ('Chinese Foreign Ministry', 'China')]
    """
    pos = scan(text, cue_words) if pos is None else pos
    rx = registry_pats()["alias"]
    reg, aliases = registry(), alias_index()
    cands = []
    for p in pos["alias"]:
        m = rx.match(text, p)
        if m:
            s = m.group(0)
            aid = aliases[WS.sub(" ", s)]
            if not _other_first_name(text, p, s, reg[aid]):
                cands.append(from_registry(aid, p, m.end(), s))
    cands += title_mentions(text, pos["title"]) + org_mentions(text, pos["org"])
    chosen = _select(cands)
    # weaker patterns only where the trusted ones found nothing
    cue_pos = [c for c in pos["cue"] if cue_rx is None or cue_rx.match(text, c)]
    weak = apposition_mentions(text, pos["title"]) + cue_name_mentions(text, cue_pos)
    chosen = _add_free(chosen, weak)
    proper = proper_mentions(text)
    chosen = _add_free(chosen, [m for m in proper if " " in m["actor"]])
    extra = surname_mentions(text, chosen)
    if extra:
        chosen = _add_free(chosen, extra)
    chosen = _add_free(chosen, [m for m in proper if " " not in m["actor"]])
    anon = anon_mentions(text, pos["anon"])
    if anon:
        # "a senior Turkish official": the anonymous source replaces the country word inside it
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


_WORD_BEFORE = re.compile(r"(?<![\w’'.-])([A-Z][a-z]+)[ \t\xa0]+$")


def _other_first_name(text: str, start: int, alias: str, entry: dict) -> bool:
    """True when a one-word registry alias (a surname) follows a first name that is not the actor's own
    ("Nora Cole" where the registry has Ann Cole): another person of that family, found by the open-world names.

    >>> _other_first_name("Nora Cole spoke.", 5, "Cole", {"actor": "Ann Cole"})
    True
    >>> _other_first_name("Ann Cole spoke.", 4, "Cole", {"actor": "Ann Cole"})
    False
    """
    if " " in alias or start < 3 or text[start - 1] not in " \t\xa0" or not text[start - 2].islower() and text[start - 2] not in " \t\xa0":
        return False  # a first name ends in a lower-case letter right before the space(s)
    w = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if not w or w.group(1) not in first_names() or w.group(1).lower() in skip_words():
        return False
    return w.group(1) not in (entry.get("actor") or "").split()


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
