"""Pronoun resolution, a stage of its own: pronouns and descriptions resolved, as new records.

The stage runs forward over the units, interleaved with the claims: a unit's pronouns are
resolved (:func:`resolve_unit`), then its claim rules run on the resolved records
(:func:`analysis.extraction.claims.attribute_unit`), then what the next unit's pronouns may
reach back to is carried forward (:func:`after_unit`: the paragraph's recent sources, the
named subjects of earlier units, the names that have spoken). When every unit is done,
:func:`settled` gives the text's mentions as the quote sieve reads them. Every function here
returns new records and a new frozen :class:`Antecedents`; none edits what it is given.

Why per unit, before the unit's claims, and not once after all of them: the claim rules read
resolved pronouns (a participle clause takes the unit's last source that has an actor, so a
resolved "he" counts and an unresolved one does not). Run after all the claims, the rules give
a different source in 13 of the 28,063 units of PolNeAR train.

A pronoun or description (``how`` pronoun/description, no actor yet) that stands for someone
becomes a new record with the antecedent's actor, actor_id and side, and ``ref`` (the
antecedent's mention). A description no one stands for outside quotes ("the former president
said") becomes a descriptive source of its own (``how`` and ``kind`` anonymous). Antecedents:
:func:`analysis.extraction.pronouns.resolve_pronoun` (the first compatible mention in subject
position earlier in the unit, else the latest of the recent speakers and the last earlier
unit's subject; a he/she with none of these may stand for an indefinite descriptive source of
one person, "a spokeswoman for the port"). A name of unknown kind that speaks is a person
from then on ("he" may stand for it): a new record with ``kind`` person.

>>> from analysis.extraction.extract import extract
>>> extract("Ann Cole visited the pier. She said it was safe.").claims[["source", "rule"]].values.tolist()
[['Ann Cole', 'subject']]
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from .cues import WS
from .pronouns import compatible, resolve_pronoun
from .registry import slug
from .subjects import subject_position

__all__ = [
    "Antecedents",
    "mark_in_quote",
    "resolve_unit",
    "after_unit",
    "settled",
    "FirstAntecedent",
    "EARLIER_UNITS",
    "RECENT_SOURCES",
]

# how many earlier units (with a named subject) a pronoun may reach back to
EARLIER_UNITS = 3
# how many of the paragraph's latest sources a pronoun may stand for
RECENT_SOURCES = 4


class Antecedents(NamedTuple):
    """What the pronouns of the next unit may stand for, carried from unit to unit (immutable).

    ``recent``: the latest sources (their antecedents, for a pronoun source) of the paragraph,
    oldest first, at most :data:`RECENT_SOURCES`, cleared when a paragraph passes without a unit;
    ``earlier``: the named subjects of the last :data:`EARLIER_UNITS` units that had one;
    ``persons``: actor_ids of names of unknown kind that have spoken (any mention of such a name,
    kind ``name``, reads as a person from then on: :meth:`current`); ``para``: the paragraph of
    the last unit.

    >>> a = Antecedents(persons=frozenset({"ivo-brandt"}))
    >>> m = {"kind": "name", "actor_id": "ivo-brandt"}
    >>> a.current(m)["kind"], m["kind"]
    ('person', 'name')
    """

    recent: tuple[dict, ...] = ()
    earlier: tuple[tuple[dict, ...], ...] = ()
    persons: frozenset[str] = frozenset()
    para: int = -1

    def enter(self, para: int) -> Antecedents:
        """The state for a unit of paragraph ``para``: the recent sources are forgotten past a paragraph with no unit."""
        if para == self.para:
            return self
        recent = () if self.para >= 0 and para > self.para + 1 else self.recent
        return Antecedents(recent, self.earlier, self.persons, para)

    def current(self, m: dict) -> dict:
        """``m`` as it reads now: a name of unknown kind whose actor has spoken is a new record of kind person."""
        return _current(m, self.persons)


def _current(m: dict, persons: frozenset[str]) -> dict:
    if persons and m.get("kind") == "name" and m.get("actor_id") in persons:
        return {**m, "kind": "person"}
    return m


def mark_in_quote(mentions: list[dict], quote_spans: list[tuple[int, int]]) -> list[dict]:
    """New records of ``mentions`` with ``in_quote``: whether each starts inside one of ``quote_spans``
    (sorted, non-overlapping (start, end) of quotation marks).

    >>> ms = [{"start": 0, "text": "Lee"}, {"start": 12, "text": "Cole"}]
    >>> [m["in_quote"] for m in mark_in_quote(ms, [(10, 20)])], "in_quote" in ms[0]
    ([False, True], False)
    """
    starts = [a for a, _ in quote_spans]
    out = []
    for m in mentions:
        k = bisect.bisect_right(starts, m["start"]) - 1
        out.append({**m, "in_quote": k >= 0 and quote_spans[k][0] <= m["start"] < quote_spans[k][1]})
    return out


def resolve_unit(text: str, lo: int, unit_m: list[dict], state: Antecedents) -> list[dict]:
    """``unit_m`` (the mentions of the unit starting at ``lo``, sorted) with its pronouns and descriptions
    resolved and its names read as of ``state`` (:meth:`Antecedents.current`), as a new list.

    Unchanged mentions are the same objects; resolved ones are new dicts.

    >>> s = "Ann Cole said she would stay."
    >>> cole = {"start": 0, "end": 8, "text": "Ann Cole", "actor": "Ann Cole", "actor_id": "ann-cole", "side": None,
    ...         "how": "name", "kind": "person", "gender": "female", "role": None, "in_quote": False}
    >>> she = {"start": 14, "end": 17, "text": "she", "actor": None, "actor_id": None, "side": None,
    ...        "how": "pronoun", "kind": "person", "gender": "female", "role": None, "in_quote": False}
    >>> out = resolve_unit(s, 0, [cole, she], Antecedents())
    >>> out[1]["actor"], out[1]["ref"] is cole, she["actor"]
    ('Ann Cole', True, None)
    """
    out: list[dict] = []
    persons = state.persons
    first_in_unit = FirstAntecedent(text, lo, out)
    recent, earlier = state.recent, state.earlier
    # with no antecedent in the unit, the answer depends only on the kind of pronoun (recent and
    # earlier are fixed for the unit): remembered, so a unit with many pronouns scans them once
    beyond: dict[tuple, dict | None] = {}

    def resolve(m: dict, anonymous: bool) -> dict | None:
        # "“… Cole …,” she said": not Cole; "in an interview with Acme Politics, he said": not Acme
        same = first_in_unit(m, anonymous=anonymous)
        if same:
            return same[0]
        key = (m["in_quote"], m.get("how"), m["kind"], m.get("gender"), m.get("side"), m.get("role"), anonymous)
        if key not in beyond:
            beyond[key] = resolve_pronoun(m, [], recent if not m["in_quote"] else [], earlier, anonymous=anonymous)
        return beyond[key]

    for m in unit_m:
        if m["how"] in ("pronoun", "description") and m.get("actor") is None:
            ref = resolve(m, False)
            if ref is None and m["kind"] == "person" and m["how"] == "pronoun":
                # no named antecedent: "A spokeswoman for the port said … “…,” she said"
                ref = resolve(m, True)
            if ref is not None:
                m = {**m, "actor": ref["actor"], "actor_id": ref["actor_id"], "side": ref["side"], "ref": ref}
            elif m["how"] == "description" and not m["in_quote"]:
                # "the former president said", no one to stand for: a descriptive source of its own
                desc = WS.sub(" ", m["text"])
                desc = desc[0].lower() + desc[1:]
                m = {**m, "actor": desc, "actor_id": slug(desc), "kind": "anonymous", "how": "anonymous"}
        elif persons and m["kind"] == "name" and m.get("actor_id") in persons:
            m = {**m, "kind": "person"}  # as Antecedents.current
        out.append(m)
    return out


def after_unit(text: str, lo: int, state: Antecedents, unit_m: list[dict], unit_claims: list[dict]) -> Antecedents:
    """The state for the next unit, once the unit starting at ``lo`` (mentions ``unit_m`` from
    :func:`resolve_unit`) has its claims ``unit_claims``: their sources join the recent ones, a
    name of unknown kind among them is a person from here on, and the unit's named subjects
    (a resolved pronoun or description counting as its antecedent, placed where it stands)
    join the earlier units.

    >>> s = "Ann Cole spoke."
    >>> cole = {"start": 0, "end": 8, "text": "Ann Cole", "actor": "Ann Cole", "actor_id": "ann-cole", "side": None,
    ...         "how": "name", "kind": "name", "gender": None, "role": None, "in_quote": False}
    >>> a = after_unit(s, 0, Antecedents(), [cole], [{"source_mention": cole}])
    >>> a.persons, a.recent[0]["kind"], cole["kind"]
    (frozenset({'ann-cole'}), 'person', 'name')
    """
    persons, refs = state.persons, []
    for c in unit_claims:
        src = c["source_mention"]
        if src is not None and src.get("actor") is not None:
            ref = src.get("ref", src)
            if ref["kind"] == "name" and ref["actor_id"] not in persons:
                persons = persons | {ref["actor_id"]}
            refs.append(ref)
    grown = persons is not state.persons
    recent, earlier = state.recent, state.earlier
    if grown:  # the names that just spoke read as persons everywhere they are remembered
        recent = tuple(_current(m, persons) for m in recent)
        earlier = tuple(tuple(_current(m, persons) for m in u) for u in earlier)
    if refs:
        recent = (recent + (tuple([_current(m, persons) for m in refs]) if persons else tuple(refs)))[-RECENT_SOURCES:]
    # the actors this unit talks about, in order; "… met with Cole": an object of a preposition is no antecedent
    named = [
        m if m["how"] not in ("pronoun", "description") else dict(m["ref"], start=m["start"], end=m["end"])
        for m in unit_m
        if m.get("actor") is not None
        and not m.get("in_quote")
        and (m["how"] not in ("pronoun", "description") or "ref" in m)
        and subject_position(text, lo, m)
    ]
    if named:
        if grown:  # the unit's records were read before its names spoke
            named = [_current(m, persons) for m in named]
        earlier = (earlier + (tuple(named),))[-EARLIER_UNITS:]
    elif not refs and not grown:
        return state  # nothing to carry on: the same state
    return Antecedents(recent, earlier, persons, state.para)


def settled(mentions: list[dict], state: Antecedents) -> list[dict]:
    """The text's mentions once every unit is resolved (``state`` after the last): each of its
    names whose actor spoke anywhere is a person, as a new record; the others are unchanged.

    >>> m = {"kind": "name", "actor_id": "ann-cole"}
    >>> a = Antecedents(persons=frozenset({"ann-cole"}))
    >>> [x["kind"] for x in settled([m], a)], m["kind"]
    (['person'], 'name')
    """
    return [_current(m, state.persons) for m in mentions] if state.persons else list(mentions)


class FirstAntecedent:
    """The first mention of a unit that can stand for a pronoun (or description) ``m`` of the same
    unit: earlier than ``m``, on the same side of a quote mark, compatible with it, in subject
    position. Called for the unit's mentions in order; each call returns a list of at most one.

    ``unit_m`` may grow while it is used (the resolved records of the unit, appended in order).
    Candidates are indexed as they are passed and the answer per kind of pronoun (quote side,
    kind, gender, side, role, whether descriptive sources may stand for it) is remembered, so a unit with many pronouns costs linear time, not
    a rescan of the unit per pronoun (the same answer as scanning ``unit_m`` from its start).

    >>> s = "Ann Cole said she would stay."
    >>> cole = {"start": 0, "end": 8, "actor": "Ann Cole", "how": "name", "kind": "person", "gender": "female", "in_quote": False}
    >>> FirstAntecedent(s, 0, [cole])({"start": 14, "how": "pronoun", "kind": "person", "gender": "female", "in_quote": False})[0]["actor"]
    'Ann Cole'
    """

    def __init__(self, text: str, lo: int, unit_m: list[dict]):
        self.text, self.lo, self.unit_m = text, lo, unit_m
        self.cands: list[dict] = []  # passed mentions that may be antecedents, in order
        self.next = 0  # index into unit_m of the first mention not yet passed
        self.memo: dict[tuple, tuple[dict | None, int]] = {}  # key -> (first found, candidates scanned)

    def __call__(self, m: dict, anonymous: bool = False) -> list[dict]:
        um = self.unit_m
        while self.next < len(um) and um[self.next]["start"] < m["start"]:
            x = um[self.next]
            self.next += 1
            if x.get("actor") is not None and x.get("how") not in ("pronoun", "description") and subject_position(self.text, self.lo, x):
                self.cands.append(x)
        key = (m["in_quote"], m.get("how"), m["kind"], m.get("gender"), m.get("side"), m.get("role"), anonymous)
        found, scanned = self.memo.get(key, (None, 0))
        if found is None:
            for x in self.cands[scanned:]:
                if x["in_quote"] == m["in_quote"] and compatible(m, x, anonymous):
                    found = x
                    break
            self.memo[key] = (found, len(self.cands))
        return [found] if found is not None else []
