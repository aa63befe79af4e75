"""Pronoun resolution, a stage of its own: the unit's pronouns and descriptions resolved, as new records.

:func:`resolve_unit` takes one unit's mentions (sorted by offset) and returns them with every
pronoun or description (``how`` pronoun/description, no actor yet) that stands for someone
replaced by a new record: the antecedent's actor, actor_id and side, and ``ref`` (the
antecedent's mention). A description no one stands for outside quotes ("the former president
said") becomes a descriptive source of its own (``how`` and ``kind`` anonymous). The records it
is given are not edited. Antecedents: :func:`analysis.extraction.pronouns.resolve_pronoun`
(the first compatible mention in subject position earlier in the unit, else the latest of the
recent speakers and the last earlier unit's subject; a he/she with none of these may stand for
an indefinite descriptive source of one person, "a spokeswoman for the port").

>>> from analysis.extraction.extract import extract
>>> extract("Ann Cole visited the pier. She said it was safe.").claims[["source", "rule"]].values.tolist()
[['Ann Cole', 'subject']]
"""

from __future__ import annotations

from .cues import WS
from .pronouns import compatible, resolve_pronoun
from .registry import slug
from .subjects import subject_position

__all__ = ["resolve_unit", "FirstAntecedent", "EARLIER_UNITS"]

# how many earlier units (with a named subject) a pronoun may reach back to
EARLIER_UNITS = 3


def resolve_unit(text: str, lo: int, unit_m: list[dict], recent: list[dict], earlier_units: list[list[dict]]) -> list[dict]:
    """``unit_m`` (the mentions of the unit starting at ``lo``) with its pronouns and descriptions resolved, as a new list.

    ``recent``: the last sources of the paragraph; ``earlier_units``: the named subjects of earlier
    units, in order. Unchanged mentions are the same objects; resolved ones are new dicts.
    """
    out: list[dict] = []
    first_in_unit = FirstAntecedent(text, lo, out)
    earlier = earlier_units[-EARLIER_UNITS:]
    # with no antecedent in the unit, the answer depends only on the kind of pronoun (recent and
    # earlier are fixed for the unit): remembered, so a unit with many pronouns scans them once
    beyond: dict[tuple, dict | None] = {}

    def resolve(m: dict, anonymous: bool) -> dict | None:
        # "“… Clinton …,” she said": not Clinton; "in an interview with Acme Politics, he said": not Acme
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
        out.append(m)
    return out


class FirstAntecedent:
    """The first mention of a unit that can stand for a pronoun (or description) ``m`` of the same
    unit: earlier than ``m``, on the same side of a quote mark, compatible with it, in subject
    position. Called for the unit's mentions in order; each call returns a list of at most one.

    ``unit_m`` may grow while it is used (the resolved records of the unit, appended in order).
    Candidates are indexed as they are passed and the answer per kind of pronoun (quote side,
    kind, gender, side, role, whether descriptive sources may stand for it) is remembered, so a unit with many pronouns costs linear time, not
    a rescan of the unit per pronoun (the same answer as scanning ``unit_m`` from its start).
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
