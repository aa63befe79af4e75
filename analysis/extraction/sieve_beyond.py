"""Quote rules that read beyond the quote's own sentence: lead-in, previous-subject, previous-claim.

Steps of the quote sieve (:data:`analysis.extraction.rules.QUOTE_SIEVE`); ``continuation`` is
decided in the sieve itself, from the quote before.
"""

from __future__ import annotations

import bisect

from .sieve_before import inside_any_mark
from .sources import leftward_source
from .subjects import after_intro, lone_capital, subject_position

__all__ = ["lead_in_speaker", "previous_subject", "previous_claim", "opens_paragraph"]


def lead_in_speaker(text: str, q: dict, units, ustarts, claims, cues, mentions, mstarts) -> tuple[dict, dict] | None:
    """(source, cue) of the sentence right before a quote's own, in its paragraph, when that
    sentence attributes ("Ann Cole told reporters in Tampa. “…”"), else None."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 1 or units[k][0] < q["mark_start"] - 2 and text[units[k][0] : q["mark_start"]].strip():
        return None  # the quote must open its sentence
    if units[k - 1][2] != units[k][2]:
        # a paragraph that is only quotes takes the last attribution of the paragraph before
        if units[k - 1][2] != units[k][2] - 1 or not opens_paragraph(text, q) or _has_cue_outside(text, units, k, cues):
            return None
    lo, hi, _ = units[k - 1]
    c0, c1 = bisect.bisect_left(claims, lo, key=_cue_start), bisect.bisect_left(claims, hi, key=_cue_start)
    for c in reversed(claims[c0:c1]):  # claims sorted by cue start
        if c["source_mention"] is not None and c["source_mention"].get("actor") is not None:
            return c["source_mention"], {"text": c["cue"], "start": c["cue_start"], "end": c["cue_end"]}
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, hi)
    unit_m = [m for m in mentions[j0:j1] if not m.get("in_quote")]
    for cue in cues[bisect.bisect_left(cues, lo, key=_start) : bisect.bisect_left(cues, hi, key=_start)]:
        if not inside_any_mark(text, cue["start"], lo):
            left = leftward_source(text, lo, cue, unit_m)
            if left and left[0].get("actor") is not None:
                return left[0], cue
    return None


def previous_subject(text: str, q: dict, units, ustarts, cues, mentions, mstarts) -> dict | None:
    """The subject of the sentence right before a quote that opens its own sentence, when nothing in
    the quote's paragraph attributes it ("Ann Cole was troubled by the plan.\n\n“It puts lives at risk.”"),
    else None. The sentence before is in the same paragraph, or ends the previous one when the quote opens
    its paragraph."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 1 or text[units[k][0] : q["mark_start"]].strip():
        return None  # the quote must open its sentence
    if _has_cue_outside(text, units, k, cues):
        return None  # its paragraph attributes something: the speaker may be named after the quote
    if units[k - 1][2] != units[k][2] and (units[k - 1][2] != units[k][2] - 1 or not opens_paragraph(text, q)):
        return None
    lo, hi, _ = units[k - 1]
    lo = after_intro(text, lo, hi)
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, hi)
    for m in mentions[j0:j1]:
        if m.get("in_quote") or lone_capital(text, lo, m):
            continue
        if m.get("actor") is not None and m["kind"] not in ("country", "place") and subject_position(text, lo, m):
            return m
        return None
    return None


def previous_claim(text: str, q: dict, units, ustarts, by_cue: list[dict], bstarts: list[int], cstarts: list[int]) -> dict | None:
    """The attributed claim of the sentence right before a quote's sentence, in the same paragraph, when
    the quote's own sentence reports nothing before it ("Ann Cole told reporters the deal was done. It
    would end a “long run of reprisals,” with embassies reopening."), else None. ``by_cue``: the claims
    sorted by cue offset (``bstarts``); ``cstarts``: the cues' offsets.

    >>> import analysis
    >>> s = "Ann Cole told reporters the deal was done. It ends a “long run of reprisals,” for now."
    >>> analysis.extract(s).quotes[["speaker", "rule"]].values.tolist()
    [['Ann Cole', 'previous-claim']]
    """
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 1 or units[k - 1][2] != units[k][2]:
        return None
    lo, hi = units[k - 1][0], units[k][0]
    if bisect.bisect_left(cstarts, q["mark_start"]) > bisect.bisect_left(cstarts, hi):
        return None  # the quote's own sentence reports something before it
    j = bisect.bisect_left(bstarts, hi) - 1
    while j >= 0 and bstarts[j] >= lo:
        if by_cue[j]["source_mention"] is not None:
            return by_cue[j]
        j -= 1
    return None


def _start(d: dict) -> int:
    return d["start"]


def _cue_start(c: dict) -> int:
    return c["cue_start"]


def _has_cue_outside(text: str, units, k: int, cues: list[dict]) -> bool:
    """True when the paragraph of ``units[k]`` has a reporting verb outside quote marks."""
    para = units[k][2]
    lo = units[k][0]
    j = k
    while j + 1 < len(units) and units[j + 1][2] == para:
        j += 1
    hi = units[j][1]
    c0, c1 = bisect.bisect_left(cues, lo, key=_start), bisect.bisect_left(cues, hi, key=_start)
    return any(not inside_any_mark(text, c["start"], lo) for c in cues[c0:c1])


def opens_paragraph(text: str, q: dict) -> bool:
    i = q["mark_start"]
    return i == 0 or text[:i].rstrip(" \t")[-1:] in ("\n", "")
