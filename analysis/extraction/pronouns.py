"""Pronouns and their resolution: which earlier actor a pronoun or a definite description stands for.

Pronoun forms, with the gender and kind each requires, come from ``resources/pronouns.tsv``
(he, she, it; *they* is left out on purpose). :func:`compatible` says whether a named
mention can be the antecedent (same kind, no gender clash: the gender of a name comes from
its honorific, the registry or its first name, :func:`mention_gender`; a definite
description needs the role's head word and its side to agree); :func:`resolve_pronoun`
picks the antecedent from the sentence, the recent speakers and the earlier sentences.

>>> [(m["text"], m["kind"], m["gender"]) for m in find_pronouns("It said he would.")]
[('It', 'organization', 'any'), ('he', 'person', 'male')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.resources import read_tsv
from .names import first_names
from .registry import mention_record

if TYPE_CHECKING:  # typing only: no import at run time
    from .types import Mention

__all__ = ["pronouns", "find_pronouns", "mention_gender", "person_noun_gender", "compatible", "resolve_pronoun"]


@lru_cache(maxsize=1)
def pronouns() -> dict[str, dict]:
    """Pronoun form -> {gender, kind} from ``pronouns.tsv``."""
    return {r["form"]: {"gender": r["gender"], "kind": r["kind"]} for r in read_tsv("pronouns.tsv")}


@lru_cache(maxsize=1)
def _pats() -> dict[str, re.Pattern]:
    """Compiled pattern of any pronoun form (whole words)."""
    return {
        "pronoun": re.compile(rf"(?<![\w’'-])(?:{'|'.join(map(re.escape, pronouns()))})(?![\w’'-])"),
    }


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
        out.append(mention_record(m.start(), m.end(), m.group(0), None, None, None, "pronoun", info["kind"], info["gender"]))
    return out


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


@lru_cache(maxsize=1)
def _person_nouns() -> dict[str, str]:
    """Singular noun for one unnamed person -> the gender it carries (``person_nouns.tsv``)."""
    return {r["noun"]: r["gender"] for r in read_tsv("person_nouns.tsv")}


# what ends the head of a descriptive source ("a spokeswoman for the port": the head is before "for")
_DESC_PP = re.compile(r"\s(?:of|for|from|at|with|in|on|to|who|which|that)\s")


def person_noun_gender(desc: str) -> str | None:
    """The gender of an indefinite descriptive source that introduces one person by a singular noun
    ("any" when the noun carries none), else None: a plural, an organisation, a text, or a definite
    description ("the candidate", "his opponent": most often someone the text has named already).

    >>> person_noun_gender("a spokeswoman for the port"), person_noun_gender("a senior official")
    ('female', 'any')
    >>> person_noun_gender("two officials"), person_noun_gender("the campaign"), person_noun_gender("the host")
    (None, None, None)
    """
    head = _DESC_PP.split(desc, maxsplit=1)[0].split()
    if len(head) < 2 or head[0].lower() not in ("a", "an"):
        return None
    return _person_nouns().get(head[-1].lower())


def _person_like(m: dict) -> bool:
    """A person, or a full name of unknown kind ("Ivo Brandt" before he speaks): a possible he/she."""
    if m["kind"] == "person":
        return True
    return m["kind"] == "name" and m.get("how") in ("proper", "surname") and " " in (m.get("actor") or "")


def compatible(pronoun: dict, mention: dict, anonymous: bool = False) -> bool:
    """True when a named mention can be the antecedent of a pronoun (kind and gender agree).

    With ``anonymous``, he/she may also stand for an indefinite descriptive source of one person
    (:func:`person_noun_gender`: "A spokeswoman for the port said … “…,” she said"); the resolver
    tries that only when no named antecedent is found.

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
        if mention["kind"] == "anonymous":
            if not anonymous:
                return False
            # "A spokeswoman for the port said … “…,” she said": one unnamed person
            g = person_noun_gender(mention["actor"])
            return g is not None and (pronoun["gender"] == "any" or g in ("any", pronoun["gender"]))
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
    pronoun: Mention,
    unit_mentions: list[Mention],
    recent_sources: list[Mention],
    earlier_units: list[list[Mention]],
    anonymous: bool = False,
) -> Mention | None:
    """The mention a pronoun stands for, or None.

    Order: the first compatible named mention earlier in the same sentence (its
    subject, usually); else whichever comes later in the text of the most recent
    compatible speaker and the first compatible mention of the most recent earlier
    sentence that has one. ``anonymous``: descriptive sources may be antecedents too
    (:func:`compatible`).

    >>> p = {"kind": "person", "gender": "male", "start": 30}
    >>> a = {"actor": "A", "kind": "person", "gender": "male", "start": 0, "how": "registry"}
    >>> resolve_pronoun(p, [a], [], [])["actor"]
    'A'
    """
    same = [m for m in unit_mentions if m["start"] < pronoun["start"] and compatible(pronoun, m, anonymous)]
    if same:
        return same[0]
    speaker = next((s for s in reversed(recent_sources) if compatible(pronoun, s, anonymous)), None)
    subject = None
    for unit in reversed(earlier_units):
        subject = next((m for m in unit if compatible(pronoun, m, anonymous)), None)
        if subject is not None:
            break
    if speaker is not None and subject is not None:
        # "Lee said … Cole struck a cautious tone. “…,” she said": the later one wins
        return subject if subject["start"] > speaker["start"] and subject.get("actor_id") != speaker.get("actor_id") else speaker
    return speaker if speaker is not None else subject
