"""Claims: reported speech (direct or indirect) with its source and reporting verb.

A claim is anchored on a reporting verb from ``resources/reporting_verbs.tsv`` (the
*cue*). Its *source* is found by one of a few transparent rules, recorded in the
``rule`` column:

``subject``       "Lee said …", "Cole, responding to …, stated: …" (the actor before the verb)
``readout``       "The readout from the Turkish Foreign Ministry highlighted …"
``inverted``      "…,” said Cole" (the actor right after a clause-final verb)
``participle``    "…, telling reporters, “…”", "… and saying …", "by saying …" (the clause's subject),
                  "…, with two clerks saying …" (the noun phrase after "with")
``according-to``  "According to X, …" / "…, according to X." / "according to a county tally"
``subject-phrase`` a descriptive subject no mention covers ("Each side said", "Aides to X say")
``asked``         "Asked (by X) whether …": the question, its asker when named
``headline``      a document's first line "Name: what was said"
``transcript``    a later line "NAME IN CAPITALS: what was said"
``as-source``     "As the Courier reported, …" / "…, as Ann Cole noted." / "As reported by X, …": the
                  as-clause's source; the main clause after it, or the clause before it
``passive``       "The plan was first reported by the Courier": the agent after "by", the subject as
                  content (not for critical verbs: "was criticized by X" names a target, not a claim)
``relative``      "the bridge, which Ann Cole called “a waste”" / "what economists call spending": the
                  subject inside the relative clause, the clause from "which"/"what" to its end

and its *content* is what follows the verb (after "that", after the hearer of
tell-type verbs, or the quote after ':'/','), or, when the verb closes the
sentence ("…,” Cole said."), what precedes the source. A reporting verb inside
another claim's content is nested and keeps the outer source (also for the three
embedded rules above, :mod:`analysis.extraction.embedded`: measured on PolNeAR, a
nested claim of their own scored no better); one that opens a new
clause (", telling …", "and saying …") ends the previous content.

Quotes take the speaker of the claim whose content holds them; a quote outside
every claim goes through an ordered sieve of quote rules (the first that fires wins,
recorded in ``rule``):

``adjacent``          the attribution right after the closing mark, on its line: “…,” Ann Cole
                      said / “…?” said Ann Cole, a clerk / “….” the retired carpenter added /
                      “…,” the sign read (quote-only verbs of ``quote_verbs.txt``)
``dash``              “…” — Ann Cole (the dash may open the next paragraph)
``colon``             the subject of the sentence whose colon introduces the quote
``put-it``            "As Ann Cole put it, “…”", "in the words of a senior aide, “…”"
``naming``            "is called “…”", "known as “…”": a name given, speaker None; ``passive-by`` its "by X" agent
``sentence-cue``      the nearest reporting verb before the quote in its sentence, with its
                      source ("Lee wrote to his followers, “…”", "the auditor wrote that “…”",
                      "…, with Lee calling it “…”", "Lee, who has said that “…”")
``possessive``        the possessor of a speech noun introducing the quote ("her claim that “…”")
``sentence-subject``  the subject of the quote's sentence (after an introductory phrase), or of
                      a later while/when/after/but clause before the quote
``continuation``      the previous quote's speaker in the same paragraph, or the previous
                      paragraph's last speaker when this paragraph has no reporting verb
``lead-in``           the source of the sentence right before the quote
``previous-subject``  a full quote opening its sentence in a paragraph that attributes
                      nothing: the subject of the sentence before it
``previous-claim``    a quote whose sentence reports nothing before it, right after a sentence of the
                      same paragraph with an attributed claim: that claim's source
``subject-phrase``    last: a determiner phrase opening the quote's clause before a finite verb
                      ("The county board is seeking “…”"; not before a copula, a passive or a
                      linking verb)

otherwise its speaker is None. A pronoun speaker keeps the pronoun's span and its
resolved actor (:func:`analysis.extraction.actors.resolve_pronoun`).

The order of both sieves is data: :data:`analysis.extraction.rules.CLAIM_RULES` and
:data:`analysis.extraction.rules.QUOTE_SIEVE`, ordered tuples of small named rule objects (a name, a
cheap check, an apply over a frozen context). The pipeline runs forward: quotes
(:mod:`analysis.extraction.quotes`) → cues (:mod:`analysis.extraction.cues`) → mentions
(:mod:`analysis.extraction.actors`) → units (:mod:`analysis.extraction.extract`) → one forward pass over
the units: pronoun resolution (:mod:`analysis.extraction.resolution`: the unit's pronouns and
descriptions as new records) then the claim rules, the unit's sources carried on to the next unit's
pronouns → the resolved mentions (a name that spoke is a person) → the quote sieve
(:mod:`analysis.extraction.quote_sieve`) → the claims of colon and dash quotes, headline and transcript
lines. Resolution runs before each unit's claims, not after all of them, because the claim rules read
resolved pronouns (see :mod:`analysis.extraction.resolution`). The rules' helpers live in modules by concept: :mod:`analysis.extraction.cues` (the
reporting-verb lexicon and word lists), :mod:`analysis.extraction.contents` (content spans and the
claim record), :mod:`analysis.extraction.subjects` (subject position, introductory phrases, datelines,
titles), :mod:`analysis.extraction.sources` (finding a source), :mod:`analysis.extraction.embedded`
(as-source, passive, relative), :mod:`analysis.extraction.sieve_after`,
:mod:`analysis.extraction.sieve_before` and :mod:`analysis.extraction.sieve_beyond` (the quote rules by
where they read), with window sizes in :mod:`analysis.extraction.grammar`. This module keeps
:func:`attribute_unit` (one unit: cue gates, the claim rules, then the content read after or before
the verb) and :func:`attribute` (the whole text), and re-exports the cue functions of
:mod:`analysis.extraction.cues` (row records: :mod:`analysis.extraction.types`). It runs past the
suggested 500 lines because :func:`attribute_unit`'s cue gates and content choices read its local
state (the open claims, the unit's last source) and the patterns they use are kept next to them.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.resources import word_set
from .contents import (
    CLOSING_MARKS,
    SHOW_TITLE,
    SUBJECT_WORDS,
    WORD_CHAR,
    adverbial_lead,
    aside_span,
    blank_title,
    claim_record,
    clause_start,
    comma_outside_quotes,
    content_after,
    content_before,
    coordinated_end,
    first_word,
    object_end,
    predicate_end,
    quote_at,
    quote_opening_at,
    set_span,
    skip_addressee,
    stop_at_clause,
    stop_clause_end,
    tail_end,
    trim,
)
from .cues import (
    NOUNLIKE,
    QUOTE_BEFORE,
    cue_between,
    cue_first_words,
    cue_lexicon,
    cue_pattern,
    cue_regex,
    cues_of_matches,
    find_cues,
    noun_before,
    word_group,
)
from .grammar import CONTENT_WINDOW, tail_search
from .quote_sieve import extend_to_continuations, quote_speakers, speaker_fields
from .resolution import Antecedents, after_unit, mark_in_quote, resolve_unit, settled
from .rules import CLAIM_RULES, SKIP, CueContext
from .sieve_after import DASH
from .sources import (
    CLAUSE_INTRO,
    GERUND_PREP,
    coordinated,
    headline_claims,
    intro_before_adverb,
    transcript_claims,
)
from .subjects import QUOTE_END, strip_title

if TYPE_CHECKING:  # typing only: no import at run time
    from .types import Claim, Cue, Mention, Quote, QuoteSpan

__all__ = ["cue_lexicon", "cue_pattern", "cue_first_words", "cue_regex", "find_cues", "cues_of_matches", "attribute_unit", "attribute"]
# a subordinate clause opening the sentence ("While Lee said that …, he …"): its content ends at the comma
_SUBORDINATE = re.compile(
    r"[\s“\"]*(?:While|Although|Though|Because|When|If|Whereas|Even though|Even as|After|Before|Until|Since|Once)\b[^,;:“”\"]*$"
)
# a preposition that opens a clause right before its subject ("… after the Courier reported that …")
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:[Aa]fter|[Bb]efore|[Uu]ntil|[Tt]ill)\s+(?:the\s+)?$")
_SUBORDINATOR_REACH = 12  # characters before the source searched for it
# the same across an apposition with commas ("said Lee, an adviser to the mayor, “…”")
_TO_QUOTE_FAR = re.compile(r"\s*(?:(?:[^.;:!?“”\"«»\n]|\.(?=,))*?[:,])?\s*(?=[“\"«„”]|'')")
_AFTER_SHORT = re.compile(
    r"^\s*(?:(?:on|in|at|during|after|before|late|earlier|later|from|via|while|when|to|through|on|as|shortly|"
    r"reporters|journalists|the\s+press|press|told|afterwards?|of|about|\w+ly|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|"
    r"(?:last|this|that)\s+(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)|"
    r"recently|again|then)\b[^“”\"«»]*)?$",
    re.I,
)
# "to" and a hearer before "that" or a quote ("wrote to the council that", "said to reporters, “…”")
# a closing mark, a name and an aside set off by commas, right before the verb: “…,” Ann Cole, the mayor, said to cheers
_QUOTE_NAME_ASIDE = re.compile(r"[,.!?…](?:[”\"»’]|'')\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3},[^,;:“”\"«»\n]{1,100},\s*$")
_ASIDE_REACH = 160  # characters before the verb searched for that quote, name and aside
_TO_HEARER = re.compile(r"\s+to\s+(?!be\b|have\b)[^.;:!?“”\"\n]{1,60}?(?:\bthat\b|[,:]?\s*[“\"])")


def _inside(spans_start: list[int], spans: list[tuple[int, int]], pos: int) -> int | None:
    """Index of the span containing ``pos`` (spans sorted, non-overlapping), else None."""
    k = bisect.bisect_right(spans_start, pos) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][1]:
        return k
    return None


_SUBJECT_RULES = frozenset(("subject", "readout", "subject-phrase"))


_CONTENT_INTRO_STRICT = re.compile(r"\s*(?:that\b|[:“\"«])")


_CIRCUMSTANCE = re.compile(
    r"\s*(?:at|in|on|during|after|afterwards?|before|from|via|while|when|late|earlier|later|shortly|through|as|following)\b"
    r"[^“”\"«»]*$",
    re.I,
)


def attribute_unit(
    text: str,
    lo: int,
    hi: int,
    mentions: list[dict],
    quotes: list[dict],
    cue_list: list[dict],
    quote_spans: list[tuple[int, int]],
    quote_starts: list[int],
) -> list[dict]:
    """Claims of one unit (a sentence, or several joined by a quote) ``text[lo:hi]``."""
    claims: list[dict] = []
    live: list[dict] = []  # the unit's claims whose content ends after the current verb (verbs come in order)
    last_source: dict | None = None
    for cue in cue_list:
        if _inside(quote_starts, quote_spans, cue["start"]) is not None:
            continue
        infinitive = False
        if text[cue["end"] : cue["end"] + 4].lower().startswith((" to ", " to\n")) and cue["lemma"] != "according to":
            if cue["lemma"] in word_set("infinitive_cues.txt"):
                infinitive = True  # "Lee vowed to repeal the law": the to-infinitive is the content
            elif (hearer := _TO_HEARER.match(text, cue["end"], hi)) and not cue_between(text, cue["end"], hearer.end()):
                cue = dict(cue, addressee=True)  # "Lee wrote to the council that …": the hearer, then the content
            elif not QUOTE_BEFORE.search(text, max(lo, cue["start"] - 60), cue["start"]) and not _QUOTE_NAME_ASIDE.search(
                text, max(lo, cue["start"] - _ASIDE_REACH), cue["start"]
            ):
                continue  # "is said to be", "reported to the board"; but “…,” Lee said to cheers
        if cue["form"] in word_set("cue_noun_first.txt") and (
            text[cue["start"]].isupper() or not _CONTENT_INTRO_STRICT.match(text, cue["end"], hi)
        ):
            continue  # "his home state of Ohio", "several states": a noun unless "that", a colon or a quote follows
        before_txt = text[lo : cue["start"]]
        if cue["lemma"] != "according to" and noun_before(before_txt[-40:]) or _SO_CALLED.search(before_txt[-4:]):
            continue  # "a mock trial", "his vow", "Lee’s remarks": a determiner or possessive makes the form a noun
        if cue["form"].endswith("ed") and _NUMBER_BEFORE.search(before_txt[-_NUMBER_REACH:]) and _NOUN_AFTER.match(text, cue["end"], hi):
            continue  # "leads by 300 pledged delegates", "12 reported cases": a participle modifying a noun
        intro = tail_search(CLAUSE_INTRO, before_txt) or intro_before_adverb(before_txt)
        participle = bool(intro) and (cue["form"].endswith("ing") or coordinated(intro.group(0)))
        if not participle and cue["form"].endswith("ing"):
            intro = GERUND_PREP.search(before_txt, max(0, len(before_txt) - 40))  # "Lee drew fire by saying …": the clause's subject speaks
            participle = bool(intro) and intro.start() > 0
            if not participle:
                # “… it,” adding that …: the comma stands inside the closing quote mark
                intro = _COMMA_IN_QUOTE.search(before_txt, max(0, len(before_txt) - 8))
                participle = bool(intro) and intro.start() > 0
            if not participle:
                # "The board issued a statement Monday saying …": the participle reports for the clause's subject
                intro = _document_before().search(before_txt, max(0, len(before_txt) - _DOCUMENT_REACH))
                participle = bool(intro) and intro.start() > 0
        live = [c for c in live if c["end"] > cue["start"]]
        x = CueContext(text, lo, hi, cue, mentions, quotes, claims, last_source, before_txt, intro, participle, live)
        found = SKIP
        for r in CLAIM_RULES:
            if r.check(x) and (a := r.apply(x)) is not None:
                found = a
                break
        if found.claim is not None:
            if found.rule == "according-to":
                _end_before(text, live, cue["start"], quotes)
            claims.append(found.claim)
            live.append(found.claim)
            if found.speaks:
                last_source = found.source
            continue
        src, rule, clause_at = found.source, found.rule, found.clause_at
        if src is None:
            continue
        if cue["form"] in NOUNLIKE and rule not in _SUBJECT_RULES:
            continue
        # a verb inside an earlier claim's content is nested unless it opens a new clause
        open_claim = next((c for c in live if c["start"] <= cue["start"] < c["end"]), None)
        if open_claim is not None and rule == "subject" and src["end"] <= open_claim["cue_start"]:
            # "Lee, who estimated that half were supporters, said …": the relative clause's claim ends at the comma
            comma = text.rfind(",", open_claim["start"], cue["start"])
            if comma > open_claim["start"] and not text[comma + 1 : cue["start"]].strip():
                a2, b2 = trim(text, open_claim["start"], comma)
                if b2 > a2:
                    set_span(text, open_claim, a2, b2, quotes)
                    open_claim = None
        if open_claim is not None and rule == "subject" and (clause_at is None or clause_at < open_claim["start"]):
            # "75 percent said yes, while 49 percent of Republicans say …": a clause break before the source ends the open claim
            brk = tail_search(_CLAUSE_BREAK, text[open_claim["start"] : src["start"]], _CLAUSE_BREAK_REACH)
            if brk is not None and brk.start() > 0:
                clause_at = open_claim["start"] + brk.start()
        if open_claim is not None:
            if clause_at is None or clause_at < open_claim["start"]:
                continue
            a2, b2 = trim(text, open_claim["start"], clause_at, " \t\n\r,;:—–-")
            if b2 <= a2:
                continue
            set_span(text, open_claim, a2, b2, quotes)
        # content
        after_lo = cue["end"] if rule != "inverted" else src["end"]
        after_txt = text[after_lo : min(hi, after_lo + CONTENT_WINDOW)]
        pre = text[lo : (src["start"] if rule in _SUBJECT_RULES else cue["start"])].rstrip()
        if rule in _SUBJECT_RULES:
            pre = strip_title(pre)  # “…,” Harbor Board press secretary Ann Cole said
            if rule == "subject" and pre and pre[-1] not in QUOTE_END:
                adj = _ADJ_AFTER_QUOTE.search(pre, max(0, len(pre) - 80))  # “…,” a smiling Lee said
                if adj:
                    pre = pre[: adj.start()]
                elif src.get("how") == "anonymous" and (mod := _DESCRIPTION_AFTER_COMMA.search(pre, max(0, len(pre) - _DESCRIPTION_REACH))):
                    pre = pre[
                        : mod.start() + 1
                    ]  # "Lee was kind, a port official told the Courier": the words before "official" describe it
        short = stop_at_clause(SHOW_TITLE.sub(blank_title, after_txt))
        if cue["addressee"]:
            # “…,” Cole told the Courier / told a news conference in Ankara: the addressee is not content
            short = skip_addressee(short)
        aside = aside_span(text, lo, hi, pre, src["end"] if rule == "inverted" else cue["end"], claims) if rule in _ASIDE_RULES else None
        if infinitive:
            a, b = trim(text, cue["end"], object_end(text, cue["end"], stop_clause_end(text, cue["end"], hi), quotes))
        elif aside is not None:
            a, b = aside  # "Any attempt to debunk it, he said, becomes hopeless": the sentence around the aside
        elif (
            rule == "inverted"
            or (
                rule in _SUBJECT_RULES
                and pre
                and (
                    # “…,” Lee said with a grin / said, a hint of anger in her voice / tweeted the day after …
                    (
                        pre[-1] in CLOSING_MARKS
                        and not _CONTENT_INTRO.match(text, cue["end"], hi)
                        and not _title_then_clause(text, quotes, lo + len(pre), short)
                    )
                    or (
                        pre[-1] in QUOTE_END
                        and not adverbial_lead(text, clause_start(text, lo, claims), lo + len(pre))
                        and _AFTER_SHORT.match(short)
                        and not _HAS_THAT.search(short)
                        and len(short.split()) <= 20
                        and not (pre[-1] == "," and _SUBORDINATE_START.match(text, lo) and pre.count(",") == 1)
                        # "A keen supporter of the pier, Lee complained of the cost": after a plain comma (no quote
                        # before it) the verb's "of"/"about" object is what it reports
                        and not (pre[-1] == "," and pre[-2:-1] not in QUOTE_END and cue["lemma"] != "say" and _OF_OBJECT.match(short))
                    )
                )
            )
        ):
            a, b = content_before(text, clause_start(text, lo, claims), lo + len(pre), quotes)
            b = min(b, lo + len(pre))
            # a quote split by its attribution: “…,” X said, “…” / “…,” said X, an adviser, “…”
            m = _TO_QUOTE_FAR.match(text, src["end"] if rule == "inverted" else cue["end"], hi)
            if m:
                q = quote_opening_at(quotes, m.end())
                if q is not None:
                    b = q["end"]
        else:
            a, b, how = content_after(text, cue, hi, quotes)
            if how == "object":
                if cue["lemma"] in word_set("clause_only_cues.txt") and first_word(text, a, b) not in SUBJECT_WORDS:
                    continue  # "maintains a wide lead", "appealed the ruling": no speech
                b = object_end(text, a, b, quotes)
                if cue["cue_class"] == "neutral" and _CIRCUMSTANCE.match(text, a, b):
                    continue  # "said at a briefing": where or when, not what
            a, b = trim(text, a, b)
            if how in ("that", "object"):
                b = coordinated_end(text, a, b, quotes)
                b = predicate_end(text, a, b, quotes)
            if how == "object":
                b = tail_end(text, a, b, quotes, cue["lemma"] not in word_set("clause_content_cues.txt"))
            if (
                how in ("that", "object")
                and rule in ("subject", "subject-phrase")
                and (
                    _SUBORDINATE.match(text, lo, src["start"])
                    or _SUBORDINATOR_BEFORE.search(text, max(lo, src["start"] - _SUBORDINATOR_REACH), src["start"])
                )
            ):
                if text[cue["end"] : a].lstrip().startswith(","):
                    continue  # "After Lee testified, the panel moved on": the clause ends at the verb
                comma = comma_outside_quotes(text, a, b)
                if comma is not None:
                    b = comma
            if how == "quote" and pre and (pre[-1] in '”"»' or pre.endswith("''")):
                # a quote split by its attribution: “…,” X said, “…”
                q0 = quote_at(quotes, lo + len(pre) - 2, lo + len(pre) - 1)
                if q0:
                    a = q0[0]["start"]
        if b <= a or not WORD_CHAR.search(text, a, b):
            continue
        claims.append(claim_record(text, a, b, src, cue, rule, quotes))
        live.append(claims[-1])
        if src.get("actor") is not None or src.get("how") == "anonymous":
            last_source = src
    return claims


def _end_before(text: str, live: list[dict], at: int, quotes: list[dict]) -> None:
    """End a claim whose content runs over ``at`` (", according to X" after it) before the comma there."""
    for c in live:
        if c["start"] < at < c["end"] and text[c["start"] : at].rstrip().endswith(","):
            a, b = trim(text, c["start"], at)
            if b > a:
                set_span(text, c, a, b, quotes)


_DOCUMENT_REACH = 60  # characters before a participle searched for the document noun it follows


@lru_cache(maxsize=1)
def _document_before() -> re.Pattern:
    """A document noun (``document_noun`` of ``claim_function_words.tsv``) after a determiner or a verb, and
    an optional day, ending the text before a participle: "issued a statement Monday ", "sent letters "."""
    nouns = "|".join(sorted((re.escape(w) for w in word_group("document_noun")), key=len, reverse=True))
    return re.compile(
        rf"\b(?:{nouns})s?(?:\s+(?:on\s+|late\s+|early\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|"
        r"yesterday|tonight)|\s+(?:this|last)\s+(?:week|month|morning|evening))?\s+$",
        re.I,
    )


# a comma (or . ! ?) inside a closing quote mark, ending the text before a participle: “… it,” adding …
_COMMA_IN_QUOTE = re.compile(r"(?<=[,.!?])(?:[”\"’]|'')\s+$")
_HAS_THAT = re.compile(r"\bthat\b|[“\"«]")
_OF_OBJECT = re.compile(r"\s*(?:of|about)\s")
# what opens a content after the verb even when a quote stands before the source ("“Yes,” Lee said that night" is not one)
_CONTENT_INTRO = re.compile(r"\s*(?:that\b(?!\s+(?:night|day|week|morning|evening|afternoon|year|month|time|weekend)\b)|:)")
# a sentence that opens with a subordinate clause ("While X did Y, Lee told reporters …")
_SUBORDINATE_START = re.compile(
    r"[\s“\"]*(?:While|Although|Though|Because|When|If|Whereas|Even though|Even as|As|After|Before|Since|Until|Unless|Once)\b"
)


# a determiner and up to three lower-case modifiers between a closing quote and the source's name
_ADJ_AFTER_QUOTE = re.compile(r"(?<=[,!?][”\"»’'])\s+(?:(?:a|an|the)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}$")


_ASIDE_RULES = frozenset(("subject", "subject-phrase", "inverted"))

# a quoted title inside the sentence before the source: it opens after a preposition, a possessive or a determiner
_TITLE_OPENER = re.compile(r"(?:\b(?:on|in|at|of|from|to|for|with|the|a|an|his|her|their|its|our|titled|called|dubbed)|[’']s)\s*$", re.I)
_TITLE_REACH = 20  # characters before the title's opening mark searched for that word
_CLAUSE_AFTER = re.compile(r"\s*[a-zA-Z][\w’'-]*(?:\s+[\w’'$%-]+){2}")  # at least three words right after the verb


def _title_then_clause(text: str, quotes: list[dict], pre_end: int, short: str) -> bool:
    """True when the quote before the source is a title inside the sentence and a clause follows the verb:
    "On the Courier's “Morning Hour,” Ann Cole said the pier was safe" reports what follows "said"."""
    q = quote_at(quotes, pre_end - 2, pre_end - 1)
    if not q:
        return False
    k = q[-1]["mark_start"]
    if not _TITLE_OPENER.search(text, max(0, k - _TITLE_REACH), k):
        return False
    return bool(_CLAUSE_AFTER.match(short)) and not _CIRCUMSTANCE.match(short)


# a determiner and lower-case words (or a coordinated noun) between a comma and a descriptive source's head noun
_DESCRIPTION_AFTER_COMMA = re.compile(r",(?:\s+(?:a|an|the|some|several|two|three|one|many|[a-z][\w-]*)){1,4}$")
_DESCRIPTION_REACH = 60  # characters before the source searched for them


def attribute(
    text: str, units: list[tuple[int, int, int]], mentions: list[Mention], quotes: list[QuoteSpan], cues: list[Cue] | None = None
) -> tuple[list[Claim], list[Quote], list[Mention]]:
    """Claims of the whole text, the quotes with speakers, and the mentions with pronouns resolved.

    ``units`` are (start, end, paragraph index); ``mentions`` (sorted) include unresolved
    pronouns and descriptions (``how`` pronoun/description). One forward pass over the units:
    each unit's pronouns and descriptions are resolved (:mod:`analysis.extraction.resolution`,
    new records), then its claim rules run (:func:`attribute_unit`), then what later pronouns
    may stand for is carried on; then the quote sieve, then the claims of colon and dash quotes,
    headline and transcript lines. Returns (claims, quotes, mentions) as lists of dicts: the
    mentions are new records (``in_quote``; a resolved pronoun's actor, actor_id, side and
    ``ref``; a name that spoke as a person); ``mentions`` itself is not edited.

    >>> s = "Ann Cole visited the pier. She said it was safe."
    >>> ms = [{"start": 0, "end": 8, "text": "Ann Cole", "actor": "Ann Cole", "actor_id": "ann-cole", "side": None,
    ...        "how": "proper", "kind": "name", "gender": None, "role": None},
    ...       {"start": 27, "end": 30, "text": "She", "actor": None, "actor_id": None, "side": None,
    ...        "how": "pronoun", "kind": "person", "gender": "female", "role": None}]
    >>> claims, quotes, out = attribute(s, [(0, 26, 0), (27, len(s), 0)], ms, [])
    >>> [(c["text"], c["source"]) for c in claims], out[1]["actor"], ms[1]["actor"]
    ([('it was safe', 'Ann Cole')], 'Ann Cole', None)
    >>> out[0]["kind"], ms[0]["kind"]  # a name that spoke (through "She") is a person, as a new record
    ('person', 'name')
    """
    quote_spans = [(q["mark_start"], q["mark_end"]) for q in quotes]
    quote_starts = [a for a, _ in quote_spans]
    marked = mark_in_quote(mentions, quote_spans)
    starts = [m["start"] for m in marked]
    cues = find_cues(text) if cues is None else cues
    cue_starts = [c["start"] for c in cues]
    claims: list[dict] = []
    resolved = list(marked)  # the mentions as resolved so far: each unit's slice replaced by its new records
    state = Antecedents()
    for lo, hi, para in units:
        state = state.enter(para)
        i0, i1 = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        unit_m = resolve_unit(text, lo, resolved[i0:i1], state)
        resolved[i0:i1] = unit_m
        c0, c1 = bisect.bisect_left(cue_starts, lo), bisect.bisect_left(cue_starts, hi)
        unit_claims = attribute_unit(text, lo, hi, unit_m, quotes, cues[c0:c1], quote_spans, quote_starts)
        state = after_unit(text, lo, state, unit_m, unit_claims)
        claims += unit_claims
    mentions = settled(resolved, state)
    claims.sort(key=lambda c: (c["start"], c["cue_start"]))
    quotes = quote_speakers(text, quotes, claims, units, cues, mentions)
    extend_to_continuations(text, claims, quotes)
    heads = headline_claims(text, mentions, claims, quotes)
    if heads:
        quotes = _headline_speakers(quotes, heads)
    extra = _punctuation_claims(text, quotes, claims) + heads
    extra += transcript_claims(text, mentions, claims + extra, quotes)
    if extra:
        claims = sorted(claims + extra, key=lambda c: (c["start"], c["cue_start"]))
    return claims, quotes, mentions


def _headline_speakers(quotes: list[dict], heads: list[dict]) -> list[dict]:
    """Quotes with no speaker inside a headline claim's content ("Lindqvist: Farmers ‘Losing Patience’")
    take the headline's source (rule ``headline``), as new records."""
    out = []
    for q in quotes:
        h = next((c for c in heads if c["start"] <= q["start"] and q["end"] <= c["end"] + 1), None)
        if h is not None and q.get("speaker_mention") is None:
            q = {
                **q,
                **speaker_fields(h["source_mention"]),
                "cue": h["cue"],
                "cue_start": h["cue_start"],
                "cue_end": h["cue_end"],
                "rule": "headline",
            }
        out.append(q)
    return out


def _punctuation_claims(text: str, quotes: list[dict], claims: list[dict]) -> list[dict]:
    """Claims for quotes attributed by a colon or a dash alone ("Lee put it plainly: “…”", "“…” — Ann Cole"):
    the quote is the content, the punctuation mark the cue (cue_lemma ":" or "—", class neutral)."""
    owned = {qid for c in claims for qid in c["quote_ids"]}
    out = []
    for q in quotes:
        if q.get("rule") not in ("colon", "dash") or q["quote_id"] in owned or q.get("speaker_mention") is None:
            continue
        if q["rule"] == "colon":
            i = q["mark_start"] - 1
            while i >= 0 and text[i].isspace():
                i -= 1
            a, b, lemma = i, i + 1, ":"
        else:
            d = DASH.match(text, q["mark_end"])
            seg = d.group(0) if d else ""
            a = q["mark_end"] + len(seg) - len(seg.lstrip())
            b = q["mark_end"] + len(seg.rstrip())
            lemma = "—"
        cue = {"text": text[a:b], "lemma": lemma, "start": a, "end": b, "cue_class": "neutral"}
        out.append(claim_record(text, q["start"], q["end"], q["speaker_mention"], cue, q["rule"], quotes))
    return out


# a clause break right before a new subject: a comma or semicolon and a conjunction
_CLAUSE_BREAK = re.compile(r"(?:[,;]\s*(?:and|but|while|whereas|though|although)?|[;—–])\s+(?:(?:the|a|an|only|some|many|most|all)\s+)?$")
_CLAUSE_BREAK_REACH = 40
# a number right before a participle that modifies the noun after it ("300 pledged delegates")
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])\d[\d,.]*\s+$")
_NUMBER_REACH = 20
_NOUN_AFTER = re.compile(r"\s+(?!(?:that|to|by|in|on|at|for|with|as|it|they|he|she|we|the|a|an|this|his|her|their|its|of|about)\b)[a-z]")
_SO_CALLED = re.compile(r"(?<![\w’'-])[Ss]o[ -]$")  # "the so-called plan": no speech
