"""The quote sieve: the speaker of every quote.

:func:`_quote_speakers` gives a quote the speaker of the claim whose content holds it; a quote outside
every claim goes through the quote rules in order, the first that fires wins (recorded in ``rule``;
order and examples in :mod:`analysis.extraction.claims`): adjacent and dash
(:mod:`analysis.extraction.sieve_after`), colon, put-it, naming/passive-by, sentence-cue, possessive, sentence-subject
(:mod:`analysis.extraction.sieve_before`), then the rules that read beyond the quote's sentence, kept
here: continuation, lead-in (``_lead_in_speaker``), previous-subject (``_previous_subject``),
previous-claim (``_previous_claim``), and last subject-phrase. :func:`_extend_to_continuations` then
grows a claim over the quote that continues it.

The top of the claim modules below :mod:`analysis.extraction.claims`.
"""

from __future__ import annotations

import bisect

from ..core.text import paragraph_spans
from .contents import _set_span
from .sieve_after import _adjacent_speaker, _dash_speaker
from .sieve_before import (
    _colon_subject,
    _inside_any_mark,
    _naming,
    _phrase_subject,
    _possessive_speaker,
    _put_it_speaker,
    _sentence_cue_speaker,
    _sentence_subject,
)
from .sources import _leftward_source
from .subjects import _after_intro, _lone_capital, _subject_position

__all__: list[str] = []  # private helpers of analysis.extraction.claims


def _extend_to_continuations(text: str, claims: list[dict], quotes: list[dict]) -> None:
    """A claim whose content is a quote grows over the next quote of the same paragraph that continues it
    (“A,” Lee said. “B.”: one claim over both, as the reader takes it; a third quote stays apart)."""
    owner: dict[int, dict] = {}
    for c in claims:
        for qid in c["quote_ids"]:
            owner.setdefault(qid, c)
    prev = None
    for q in quotes:
        c = owner.get(prev["quote_id"]) if prev is not None else None
        if (
            c is not None
            and q.get("rule") == "continuation"
            and (q.get("para") == prev.get("para") or (q.get("para") == prev.get("para", -9) + 1 and _opens_paragraph(text, q)))
            and q["quote_id"] not in owner
            and c["end"] <= q["start"]
            and c["start"] <= prev["start"]
            and prev["end"] <= c["end"] + 1
        ):
            _set_span(text, c, c["start"], q["end"], quotes)
            owner[q["quote_id"]] = None  # grown once: the quote after it is not this claim's
        if q["kind"] != "term":
            prev = q


def _lead_in_speaker(text: str, q: dict, units, ustarts, claims, cues, mentions, mstarts) -> tuple[dict, dict] | None:
    """(source, cue) of the sentence right before a quote's own, in its paragraph, when that
    sentence attributes ("Ann Cole told reporters in Tampa. “…”"), else None."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 1 or units[k][0] < q["mark_start"] - 2 and text[units[k][0] : q["mark_start"]].strip():
        return None  # the quote must open its sentence
    if units[k - 1][2] != units[k][2]:
        # a paragraph that is only quotes takes the last attribution of the paragraph before
        if units[k - 1][2] != units[k][2] - 1 or not _opens_paragraph(text, q) or _has_cue_outside(text, units, k, cues):
            return None
    lo, hi, _ = units[k - 1]
    c0, c1 = bisect.bisect_left(claims, lo, key=_cue_start), bisect.bisect_left(claims, hi, key=_cue_start)
    for c in reversed(claims[c0:c1]):  # claims sorted by cue start
        if c["source_mention"] is not None and c["source_mention"].get("actor") is not None:
            return c["source_mention"], {"text": c["cue"], "start": c["cue_start"], "end": c["cue_end"]}
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, hi)
    unit_m = [m for m in mentions[j0:j1] if not m.get("in_quote")]
    for cue in cues[bisect.bisect_left(cues, lo, key=_start) : bisect.bisect_left(cues, hi, key=_start)]:
        if not _inside_any_mark(text, cue["start"], lo):
            left = _leftward_source(text, lo, cue, unit_m)
            if left and left[0].get("actor") is not None:
                return left[0], cue
    return None


def _previous_subject(text: str, q: dict, units, ustarts, cues, mentions, mstarts) -> dict | None:
    """The subject of the sentence right before a quote that opens its own sentence, when nothing in
    the quote's paragraph attributes it ("Ann Cole was troubled by the plan.\n\n“It puts lives at risk.”"),
    else None. The sentence before is in the same paragraph, or ends the previous one when the quote opens
    its paragraph."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 1 or text[units[k][0] : q["mark_start"]].strip():
        return None  # the quote must open its sentence
    if _has_cue_outside(text, units, k, cues):
        return None  # its paragraph attributes something: the speaker may be named after the quote
    if units[k - 1][2] != units[k][2] and (units[k - 1][2] != units[k][2] - 1 or not _opens_paragraph(text, q)):
        return None
    lo, hi, _ = units[k - 1]
    lo = _after_intro(text, lo, hi)
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, hi)
    for m in mentions[j0:j1]:
        if m.get("in_quote") or _lone_capital(text, lo, m):
            continue
        if m.get("actor") is not None and m["kind"] not in ("country", "place") and _subject_position(text, lo, m):
            return m
        return None
    return None


def _previous_claim(text: str, q: dict, units, ustarts, by_cue: list[dict], bstarts: list[int], cstarts: list[int]) -> dict | None:
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
    return any(not _inside_any_mark(text, c["start"], lo) for c in cues[c0:c1])


def _quote_speakers(text: str, quotes: list[dict], claims: list[dict], units, cues, mentions: list[dict] | None = None) -> list[dict]:
    para_of = {}
    for lo, hi, para in units:
        para_of[(lo, hi)] = para
    unit_bounds = sorted(units)
    ustarts = [u[0] for u in unit_bounds]

    def para(pos: int) -> int:
        k = bisect.bisect_right(ustarts, pos) - 1
        return unit_bounds[k][2] if k >= 0 else -1

    cue_paras = {para(c["start"]) for c in cues if not _inside_any(quotes, c["start"])}
    mstarts = [m["start"] for m in mentions or []]
    cstarts = [c["start"] for c in cues]
    by_cue = sorted(claims, key=_cue_start)
    bstarts = [c["cue_start"] for c in by_cue]
    out = []
    prev = None
    prev_end_para = -9
    pstarts: list[int] = []  # paragraph starts, computed when a quote runs over a line break
    last_speaker_by_para: dict[int, dict] = {}
    for c in claims:
        if c["source_mention"] is not None:
            last_speaker_by_para[para(c["start"])] = c
    by_quote: dict[int, list[dict]] = {}
    for c in claims:
        for qid in c["quote_ids"]:
            by_quote.setdefault(qid, []).append(c)
    known = {id(m) for m in mentions or []}
    created: list[dict] = []
    for q in quotes:
        q = dict(q)
        owner = None
        overlapping = by_quote.get(q["quote_id"], [])
        for c in overlapping:
            if c["start"] <= q["start"] and q["end"] <= c["end"] + 1:
                if owner is None or (c["end"] - c["start"]) < (owner["end"] - owner["start"]):
                    owner = c
        p = para(q["start"])
        if owner is None and overlapping:
            owner = overlapping[0]
        if owner is not None:
            src = owner["source_mention"]
            q.update(_speaker_fields(src), cue=owner["cue"], cue_start=owner["cue_start"], cue_end=owner["cue_end"], rule=owner["rule"])
        elif (q["kind"] != "term" or text[q["start"] : q["end"]].rstrip()[-1:] in (",", "?", "!")) and (
            adj := _adjacent_speaker(text, q, mentions or [], mstarts, cues, cstarts)
        ) is not None:
            q.update(_speaker_fields(adj[0]), cue=adj[1]["text"], cue_start=adj[1]["start"], cue_end=adj[1]["end"], rule="adjacent")
            if adj[0].get("role") is not None and adj[0]["how"] == "anonymous" and "in_quote" in adj[0] and id(adj[0]) not in known:
                created.append(adj[0])  # a descriptive speaker found here: a mention of its own
        elif q["kind"] != "term" and (dash := _dash_speaker(text, q, mentions or [], mstarts)) is not None:
            q.update(_speaker_fields(dash), cue=None, cue_start=None, cue_end=None, rule="dash")
        elif q["kind"] != "term" and (colon := _colon_subject(text, q, unit_bounds, ustarts, mentions or [], mstarts)) is not None:
            q.update(_speaker_fields(colon), cue=":", cue_start=None, cue_end=None, rule="colon")
        elif (pi := _put_it_speaker(text, q, unit_bounds, ustarts, mentions or [], mstarts)) is not None:
            q.update(_speaker_fields(pi), cue="put it", cue_start=None, cue_end=None, rule="put-it")
            if pi["how"] == "anonymous" and "in_quote" in pi and id(pi) not in known:
                created.append(pi)
        elif (nm := _naming(text, q, unit_bounds, ustarts, mentions or [], mstarts)) is not None:
            q.update(_speaker_fields(nm[0]), cue=None, cue_start=None, cue_end=None, rule="passive-by" if nm[0] is not None else "naming")
        elif (sc := _sentence_cue_speaker(text, q, unit_bounds, ustarts, mentions or [], mstarts, cues, cstarts)) is not None:
            q.update(_speaker_fields(sc[0]), cue=sc[1]["text"], cue_start=sc[1]["start"], cue_end=sc[1]["end"], rule="sentence-cue")
        elif (poss := _possessive_speaker(text, q, unit_bounds, ustarts, mentions or [], mstarts)) is not None:
            q.update(_speaker_fields(poss), cue=None, cue_start=None, cue_end=None, rule="possessive")
        elif (subj := _sentence_subject(text, q, unit_bounds, ustarts, mentions or [], mstarts)) is not None:
            q.update(_speaker_fields(subj), cue=None, cue_start=None, cue_end=None, rule="sentence-subject")
        elif (
            q["kind"] != "term"
            and prev is not None
            and prev.get("speaker_mention") is not None
            and (prev_end_para == p or (prev_end_para == p - 1 and p not in cue_paras and _opens_paragraph(text, q)))
        ):
            q.update(
                _speaker_fields(prev["speaker_mention"]),
                cue=prev["cue"],
                cue_start=prev["cue_start"],
                cue_end=prev["cue_end"],
                rule="continuation",
            )
        elif (
            q["kind"] != "term"
            and (lead := _lead_in_speaker(text, q, unit_bounds, ustarts, by_cue, cues, mentions or [], mstarts)) is not None
        ):
            q.update(_speaker_fields(lead[0]), cue=lead[1]["text"], cue_start=lead[1]["start"], cue_end=lead[1]["end"], rule="lead-in")
        elif q["kind"] == "full" and (ps := _previous_subject(text, q, unit_bounds, ustarts, cues, mentions or [], mstarts)) is not None:
            q.update(_speaker_fields(ps), cue=None, cue_start=None, cue_end=None, rule="previous-subject")
        elif q["kind"] != "term" and (pc := _previous_claim(text, q, unit_bounds, ustarts, by_cue, bstarts, cstarts)) is not None:
            src = pc["source_mention"]
            q.update(_speaker_fields(src), cue=pc["cue"], cue_start=pc["cue_start"], cue_end=pc["cue_end"], rule="previous-claim")
        elif (ph := _phrase_subject(text, q, unit_bounds, ustarts)) is not None:
            q.update(_speaker_fields(ph), cue=None, cue_start=None, cue_end=None, rule="subject-phrase")
            created.append(ph)  # "The council voted for a text that “…”": the phrase no mention covers
        else:
            q.update(_speaker_fields(None), cue=None, cue_start=None, cue_end=None, rule=None)
        q["para"] = p
        out.append(q)
        if q["kind"] != "term":
            prev = q
            prev_end_para = p
            if "\n" in text[q["mark_start"] : q["mark_end"]]:  # a quote over paragraphs: its last
                pstarts = pstarts or [a for a, _ in paragraph_spans(text)]
                prev_end_para = max(p, bisect.bisect_right(pstarts, q["mark_end"] - 1) - 1)
    if created and mentions is not None:
        mentions[:] = sorted(mentions + created, key=lambda m: (m["start"], m["end"]))
    return out


def _inside_any(quotes: list[dict], pos: int) -> bool:
    """True when ``pos`` lies inside a quote's marks (quotes sorted by mark_start)."""
    k = bisect.bisect_right(quotes, pos, key=lambda q: q["mark_start"]) - 1
    return k >= 0 and pos < quotes[k]["mark_end"]


def _opens_paragraph(text: str, q: dict) -> bool:
    i = q["mark_start"]
    return i == 0 or text[:i].rstrip(" \t")[-1:] in ("\n", "")


def _speaker_fields(src: dict | None) -> dict:
    if src is None:
        return {"speaker": None, "speaker_id": None, "side": None, "speaker_start": None, "speaker_end": None, "speaker_mention": None}
    return {
        "speaker": src.get("actor"),
        "speaker_id": src.get("actor_id"),
        "side": src.get("side"),
        "speaker_start": src["start"],
        "speaker_end": src["end"],
        "speaker_mention": src,
    }
