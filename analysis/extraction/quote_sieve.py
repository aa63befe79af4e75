"""The quote sieve: the speaker of every quote.

:func:`quote_speakers` gives a quote the speaker of the claim whose content holds it; a quote outside
every claim goes through the rules of :data:`analysis.extraction.rules.QUOTE_SIEVE` in order, the first
that finds a speaker wins (recorded in ``rule``): adjacent and dash (:mod:`analysis.extraction.sieve_after`),
colon, put-it, naming/passive-by, sentence-cue, possessive, sentence-subject
(:mod:`analysis.extraction.sieve_before`), continuation, then the rules that read beyond the quote's
sentence (:mod:`analysis.extraction.sieve_beyond`: lead-in, previous-subject, previous-claim) and last
subject-phrase; a quote still without a speaker then takes the next quote's when it stands between the
two in one sentence (:func:`interrupted_speakers`, rule ``interrupted``). :func:`extend_to_continuations`
then grows a claim over the quote that continues it.
"""

from __future__ import annotations

import bisect

from ..core.text import paragraph_spans
from .contents import set_span
from .rules import QUOTE_SIEVE, QuoteContext, QuoteState
from .sieve_beyond import opens_paragraph

__all__ = ["quote_speakers", "interrupted_speakers", "extend_to_continuations", "speaker_fields"]


def extend_to_continuations(text: str, claims: list[dict], quotes: list[dict]) -> None:
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
            and (q.get("para") == prev.get("para") or (q.get("para") == prev.get("para", -9) + 1 and opens_paragraph(text, q)))
            and q["quote_id"] not in owner
            and c["end"] <= q["start"]
            and c["start"] <= prev["start"]
            and prev["end"] <= c["end"] + 1
        ):
            set_span(text, c, c["start"], q["end"], quotes)
            owner[q["quote_id"]] = None  # grown once: the quote after it is not this claim's
        if q["kind"] != "term":
            prev = q


def quote_speakers(text: str, quotes: list[dict], claims: list[dict], units, cues, mentions: list[dict] | None = None) -> list[dict]:
    """The quotes with their speakers: the claim's source whose content holds a quote, else the first
    rule of :data:`analysis.extraction.rules.QUOTE_SIEVE` that finds one (else speaker None).

    Returns new quote records (``quotes`` is not edited); descriptive speakers a rule made are added
    to ``mentions`` (sorted by offset).
    """
    mentions = [] if mentions is None else mentions
    unit_bounds = sorted(units)
    ustarts = [u[0] for u in unit_bounds]

    def para(pos: int) -> int:
        k = bisect.bisect_right(ustarts, pos) - 1
        return unit_bounds[k][2] if k >= 0 else -1

    by_cue = sorted(claims, key=_cue_start)
    ctx = QuoteContext(
        text=text,
        units=unit_bounds,
        ustarts=ustarts,
        mentions=mentions,
        mstarts=[m["start"] for m in mentions],
        cues=cues,
        cstarts=[c["start"] for c in cues],
        by_cue=by_cue,
        bstarts=[c["cue_start"] for c in by_cue],
        cue_paras=frozenset(para(c["start"]) for c in cues if not _inside_any(quotes, c["start"])),
        known=frozenset(id(m) for m in mentions),
    )
    out = []
    prev = None
    prev_end_para = -9
    pstarts: list[int] = []  # paragraph starts, computed when a quote runs over a line break
    by_quote: dict[int, list[dict]] = {}
    for c in claims:
        for qid in c["quote_ids"]:
            by_quote.setdefault(qid, []).append(c)
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
            q.update(speaker_fields(src), cue=owner["cue"], cue_start=owner["cue_start"], cue_end=owner["cue_end"], rule=owner["rule"])
        else:
            state = QuoteState(p, prev, prev_end_para)
            found, name = None, None
            for rule in QUOTE_SIEVE:
                if rule.check(q) and (found := rule.apply(ctx, q, state)) is not None:
                    name = found.rule or rule.name
                    break
            if found is None:
                q.update(speaker_fields(None), cue=None, cue_start=None, cue_end=None, rule=None)
            else:
                q.update(speaker_fields(found.mention), cue=found.cue, cue_start=found.cue_start, cue_end=found.cue_end, rule=name)
                if found.new_mention:
                    created.append(found.mention)
        q["para"] = p
        out.append(q)
        if q["kind"] != "term":
            prev = q
            prev_end_para = p
            if "\n" in text[q["mark_start"] : q["mark_end"]]:  # a quote over paragraphs: its last
                pstarts = pstarts or [a for a, _ in paragraph_spans(text)]
                prev_end_para = max(p, bisect.bisect_right(pstarts, q["mark_end"] - 1) - 1)
    out = interrupted_speakers(out, ustarts)
    if created:
        mentions[:] = sorted(mentions + created, key=lambda m: (m["start"], m["end"]))
    return out


def interrupted_speakers(quotes: list[dict], ustarts: list[int]) -> list[dict]:
    """Quotes (records of :func:`quote_speakers`, in order) where a quote no rule attributed takes the
    speaker of the next non-term quote when that speaker stands between the two in the same sentence
    (unit starts ``ustarts``): “A big wave” swept over the wall that the town had built for the festival,
    she said, and “everyone ran.” (rule ``interrupted``; the rules before it find no speaker for the first
    quote when a long clause stands between it and the attribution).
    Returns new records for the quotes that change; the others are the same objects.

    >>> a = {"kind": "full", "rule": None, "para": 0, "mark_start": 0, "mark_end": 10}
    >>> b = {"kind": "full", "rule": "subject", "para": 0, "mark_start": 40, "speaker": "Ann Cole", "speaker_start": 20,
    ...      "speaker_end": 28,
    ...      "speaker_mention": {"actor": "Ann Cole", "actor_id": None, "side": None, "start": 20, "end": 28},
    ...      "cue": "told", "cue_start": 29, "cue_end": 33}
    >>> out = interrupted_speakers([a, b], [0])
    >>> out[0]["speaker"], out[0]["rule"], a["rule"]
    ('Ann Cole', 'interrupted', None)
    """
    out = list(quotes)
    nxt = None
    for i in range(len(out) - 1, -1, -1):
        q = out[i]
        if q["kind"] == "term":
            continue
        if (
            q["rule"] is None
            and nxt is not None
            and nxt["para"] == q["para"]
            and nxt.get("speaker") is not None
            and q["mark_end"] <= nxt["speaker_start"]
            and nxt["speaker_end"] <= nxt["mark_start"]
            and bisect.bisect_right(ustarts, q["mark_start"]) == bisect.bisect_right(ustarts, nxt["speaker_start"])
        ):
            src = nxt["speaker_mention"]
            q = out[i] = {
                **q,
                **speaker_fields(src),
                "cue": nxt["cue"],
                "cue_start": nxt["cue_start"],
                "cue_end": nxt["cue_end"],
                "rule": "interrupted",
            }
        nxt = q
    return out


def _cue_start(c: dict) -> int:
    return c["cue_start"]


def _inside_any(quotes: list[dict], pos: int) -> bool:
    """True when ``pos`` lies inside a quote's marks (quotes sorted by mark_start)."""
    k = bisect.bisect_right(quotes, pos, key=lambda q: q["mark_start"]) - 1
    return k >= 0 and pos < quotes[k]["mark_end"]


def speaker_fields(src: dict | None) -> dict:
    """The speaker columns of a quote record from the mention ``src`` it is credited to (all None without one).

    >>> f = speaker_fields({"actor": "Ann Cole", "actor_id": None, "side": None, "start": 3, "end": 11})
    >>> f["speaker"], f["speaker_start"], f["speaker_end"], speaker_fields(None)["speaker"]
    ('Ann Cole', 3, 11, None)
    """
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
