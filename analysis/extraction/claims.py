"""Claims: reported speech (direct or indirect) with its source and reporting verb.

A claim is anchored on a reporting verb from ``resources/reporting_verbs.tsv`` (the
*cue*). Its *source* is found by one of a few transparent rules, recorded in the
``rule`` column:

``subject``       "Lavrov said …", "Rubio, responding to …, stated: …" (the actor before the verb)
``readout``       "The readout from the Russian Foreign Ministry highlighted …"
``inverted``      "…,” said Waltz" (the actor right after a clause-final verb)
``participle``    "…, telling reporters, “…”", "… and saying …", "by saying …" (the clause's subject),
                  "…, with two clerks saying …" (the noun phrase after "with")
``according-to``  "According to X, …" / "…, according to X." / "according to a county tally"
``subject-phrase`` a descriptive subject no mention covers ("Each side said", "Aides to X say")
``asked``         "Asked (by X) whether …": the question, its asker when named
``headline``      a document's first line "Name: what was said"
``transcript``    a later line "NAME IN CAPITALS: what was said"

and its *content* is what follows the verb (after "that", after the hearer of
tell-type verbs, or the quote after ':'/','), or, when the verb closes the
sentence ("…,” Waltz said."), what precedes the source. A reporting verb inside
another claim's content is nested and keeps the outer source; one that opens a new
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

Over 500 lines: the open-world sieve of issue #13 (colon, dash, lead-in, sentence-subject,
quote-only paragraph rules beside the ones above) is still being tuned against the development
set; the module is split (cue lexicon / sieve rules / content spans) once the rules settle, so
they are not moved twice (row records: :mod:`analysis.extraction.types`).
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.resources import read_list, read_tsv
from .actors import PREPOSITIONS, compatible, literal_alternation, resolve_pronoun, side_of, slug

if TYPE_CHECKING:  # typing only: no import at run time
    from .types import Claim, Cue, Mention, Quote, QuoteSpan

__all__ = ["cue_lexicon", "cue_pattern", "cue_first_words", "cue_regex", "find_cues", "cues_of_matches", "attribute_unit", "attribute"]

# Forms that are more often nouns: only a cue when a source stands right before them.
_NOUNLIKE = frozenset(
    "claims reports states protests objects answers comments remarks posts promises pledges vows "
    "demands appeals notes calls for calls on estimates".split(" ")
) | {"calls for", "calls on"}
_BE = re.compile(r"\b(?:was|were|is|are|been|being|be)\b", re.IGNORECASE)
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight)"
_FILLER = re.compile(
    r"""\s*(?:\([A-Z]{1,2}-[A-Z][A-Za-z.]*\)\s*)?
    (?:\s*(?:of|from)\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}\s*)?
    (?:,(?:[^,;:“”"«»\n]{1,160}?,){1,4}\s*|,(?!\s*(?:but|and|while|whereas|yet|or|so)\b)[^,;:“”"«»\n]{1,160}?(?=\s)\s*|,\s*)?
    (?:(?:who|which)\s+)?
    (?:(?:has|have|had|was|were|is|are|also|later|then|again|previously|earlier|repeatedly|would|will|
        could|did|does|do|not|never|publicly|reportedly|separately|already|once|first|further|however|too|
        (?:on|late|early)\s+"""
    + _DAYS
    + r"""|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:night|morning|evening)|
        in\s+a\s+(?:[\w-]+\s+){0,2}?(?:statement|post|speech|briefing|interview|address|message|call|letter)|
        (?:in|at)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}|
        \w+ly)\s*,?\s*)*$""",
    re.X,
)
_THAT = re.compile(r"[^,.;:!?“”\"«»\n]{0,80}?\bthat\b\s*")
_THAT_ADDRESSEE = re.compile(r"(?:[^.;:!?“”\"«»\n]|(?<=[A-Z])\.){0,120}?\bthat\b\s*")
# a subordinate clause opening the sentence ("While Lee said that …, he …"): its content ends at the comma
_SUBORDINATE = re.compile(r"[\s“\"]*(?:While|Although|Though|Because|When|If|Whereas|Even though|Even as)\b[^,;:“”\"]*$")
_TO_QUOTE = re.compile(r"\s*(?:[^,.;:!?“”\"«»\n]{0,60}?\s*[:,])?\s*(?=[“\"«„”]|'')")
# the same across an apposition with commas ("said Lee, an adviser to the mayor, “…”")
_TO_QUOTE_FAR = re.compile(r"\s*(?:(?:[^.;:!?“”\"«»\n]|\.(?=,))*?[:,])?\s*(?=[“\"«„”]|'')")
_COLON = re.compile(r"[^,.;!?“”\"«»\n]{0,60}?:\s*")
_ADDRESSEE = re.compile(
    r"\s+(?:the\s+)?(?:reporters|journalists|press|media|lawmakers|audience|parliament|lawmakers|"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:\s+(?:in|at)\s+[A-Z][\w]*)?(?=\s)"
)
_ADDRESSEE_NP = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,3}?"
    r"(?:reporters|journalists|press|media|lawmakers|audience|parliament|conference|briefing|"
    r"agency|channel|television|broadcaster|newspaper|outlet|interviewer|[A-Z][\w’'.-]*)\b"
    r"(?:\s+[A-Z][\w’'.-]*){0,3}"
)
_AFTER_SHORT = re.compile(
    r"^\s*(?:(?:on|in|at|during|after|before|late|earlier|later|from|via|while|when|to|through|on|as|shortly|"
    r"reporters|journalists|the\s+press|press|told|afterwards?|of|about|\w+ly|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|tonight|"
    r"(?:last|this|that)\s+(?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter)|"
    r"recently|again|then)\b[^“”\"«»]*)?$",
    re.I,
)
# "to" and a hearer before "that" or a quote ("wrote to the council that", "said to reporters, “…”")
_TO_HEARER = re.compile(r"\s+to\s+(?!be\b|have\b)[^.;:!?“”\"\n]{1,60}?(?:\bthat\b|[,:]?\s*[“\"])")
# a preposition that takes the clause's subject into a gerund ("by saying", "after claiming", "while insisting")
_GERUND_PREP = re.compile(r"\s(?:by|after|while|without|before|upon)\s+(?:\w+ly\s+)?$", re.I)


def _anonymous_mention(start: int, end: int, span: str, desc: str) -> dict:
    """A descriptive source's mention row: actor and role ``desc``, side from the words of ``span``.

    >>> m = _anonymous_mention(0, 13, "Party officials", "party officials")
    >>> (m["actor"], m["kind"], m["how"], m["gender"])
    ('party officials', 'anonymous', 'anonymous', None)
    """
    return {
        "start": start,
        "end": end,
        "text": span,
        "actor": desc,
        "actor_id": slug(desc),
        "side": side_of(span),
        "how": "anonymous",
        "kind": "anonymous",
        "gender": None,
        "role": desc,
    }


def _noun_before(before: str) -> bool:
    """True when a determiner or a possessive ends ``before``: the cue form after it is a noun ("the report",
    "her claim", "Lee’s remarks"; not "he’s said", "that’s according to", where "’s" is "is" or "has").

    >>> _noun_before("drew fire for his "), _noun_before("Lee’s "), _noun_before("And he’s ")
    (True, True, False)
    """
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 1)
    w = words[-1] if words else ""
    if w.lower() in _word_group("noun_determiner") and w in (w.lower(), w.capitalize()):
        return True
    if len(w) > 2 and w[-1] == "s" and w[-2] in "’'" and (w[-3].isalnum() or w[-3] == "_"):
        k = len(w) - 2
        while k and (w[k - 1].isalnum() or w[k - 1] == "_"):
            k -= 1
        return w[k:-2].lower() not in _word_group("contracted")
    return False


_COORDINATED = re.compile(r"(?:^|\s|,)(?:and|but)\s*$")


class _Span:
    """A stand-in for a regex match: ``start()`` and ``group(0)`` of a stretch of a string."""

    __slots__ = ("_start", "_text")

    def __init__(self, start: int, text: str):
        self._start, self._text = start, text

    def start(self) -> int:
        return self._start

    def group(self, _k: int = 0) -> str:
        return self._text


def _intro_before_adverb(before: str) -> _Span | None:
    """The clause intro (``_CLAUSE_INTRO``) that ends ``before`` once a final adverb is set aside
    (", and specifically mentioned", "and then said"), as a match-like span of ``before``, else None.

    >>> m = _intro_before_adverb("Lee spoke, and then ")
    >>> m.start(), m.group(0)
    (9, ', and ')
    """
    adv = _ADVERB_END.search(before, max(0, len(before) - 40))
    if adv is None:
        return None
    m = _CLAUSE_INTRO.search(before, max(0, adv.start() - 30), adv.start() + 1)
    return _Span(m.start(), before[m.start() : adv.start() + 1]) if m else None


def _coordinated(intro: str) -> bool:
    """True when a clause intro ends with a coordinating "and"/"but": the verb after it shares the
    subject of the clause before ("Lee praised the plan but said …", "…, and added …").

    >>> _coordinated(" but "), _coordinated(", and "), _coordinated(", ")
    (True, True, False)
    """
    return bool(_COORDINATED.search(intro))


_CLAUSE_INTRO = re.compile(r"(?:[,;—–]\s*(?:and|but|while|whereas)?|\s(?:and|but|while|whereas))\s*$")
_READOUT = re.compile(
    r"(?:readout|statement|communiqu[ée]|transcript|release|summary|account|post|message)\s+"
    r"(?:from|of|by|issued\s+by|released\s+by)\s+(?:the\s+)?$",
    re.I,
)
_DET = re.compile(r"(?:\b(?:the|a|an)\s+)$", re.I)
_LAST_WORD = re.compile(r"([A-Za-z’']+)\W*$")


def _drop_det(s: str) -> str:
    """``_DET.sub("", s)``: ``s`` without a final determiner and the whitespace after it (without scanning all of ``s``).

    >>> _drop_det("met with the "), _drop_det("Theodor ")
    ('met with ', 'Theodor ')
    """
    if not s[-1:].isspace():
        return s
    t = s.rstrip()
    for d in ("the", "an", "a"):
        k = len(t) - len(d)
        if k >= 0 and t[k:].lower() == d and not (k and (t[k - 1].isalnum() or t[k - 1] == "_")):
            return s[:k]
    return s


_C = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz’'")


def _last_word(s: str) -> tuple[int, int] | None:
    """Span of group 1 of ``_LAST_WORD.search(s)`` (the last word, before trailing non-word characters), computed from the end.

    >>> s = "talks with Rubio, "
    >>> a, b = _last_word(s); s[a:b]
    'Rubio'
    """
    n = len(s)
    j = n
    while j and not (s[j - 1].isalnum() or s[j - 1] == "_"):
        j -= 1  # s[j:] is the trailing run of non-word characters (\W*)
    if j and s[j - 1] in _C:
        i = j - 1
        while i and s[i - 1] in _C:
            i -= 1
        k = j
    else:  # only an apostrophe inside the trailing non-word run can start the match
        i = j
        while i < n and s[i] not in _C:
            i += 1
        if i == n:
            return None
        k = i
    while k < n and s[k] in _C:
        k += 1
    return i, k


def _ends_like_readout(before: str) -> bool:
    """Cheap necessary condition for ``_READOUT.search(before)``: ends with from/of/by (+ the) and whitespace."""
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 2)[-2:]
    if words and words[-1].lower() == "the":
        words.pop()
    return bool(words) and words[-1].lower() in ("from", "of", "by")


_WS = re.compile(r"\s+")


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, dict]:
    """Reporting-verb form (lower case, single spaces) -> {lemma, cue_class, addressee}.

    >>> cue_lexicon()["stating"]["lemma"], cue_lexicon()["criticized"]["cue_class"]
    ('state', 'critical')
    """
    out = {}
    for r in read_tsv("reporting_verbs.tsv"):
        out[r["form"].lower()] = {
            "lemma": r["lemma"],
            "cue_class": r["cue_class"],
            "addressee": r.get("addressee", "no") == "yes",
            "needs_quote": (r.get("needs_quote") or "no") == "yes",
        }
    return out


@lru_cache(maxsize=1)
def cue_pattern() -> str:
    """Regex alternation of every cue form (longest first, case-insensitive)."""
    return literal_alternation(cue_lexicon(), "i")


@lru_cache(maxsize=1)
def _cue_rx() -> re.Pattern:
    return re.compile(rf"(?<![\w’'-]){cue_pattern()}(?![\w’'-])")


@lru_cache(maxsize=1)
def cue_first_words() -> frozenset:
    """Lower-case first words of the cue forms (to find candidate positions fast)."""
    return frozenset(f.split()[0] for f in cue_lexicon())


def cue_regex() -> re.Pattern:
    """Compiled pattern of every cue form (case-insensitive, whole words)."""
    return _cue_rx()


def find_cues(text: str, lo: int = 0, hi: int | None = None, positions: list[int] | None = None) -> list[Cue]:
    """Reporting-verb cues in ``text[lo:hi]`` with lemma and class.

    >>> [(c["text"], c["lemma"]) for c in find_cues("Lavrov told reporters he was pointing out facts.")]
    [('told', 'tell'), ('pointing out', 'point out')]
    """
    hi = len(text) if hi is None else hi
    rx = _cue_rx()
    found = rx.finditer(text, lo, hi) if positions is None else (rx.match(text, p) for p in positions if lo <= p < hi)
    return cues_of_matches(text, [m for m in found if m is not None])


def cues_of_matches(text: str, matches: list[re.Match]) -> list[Cue]:
    """The cues of :func:`find_cues` from matches of :func:`cue_regex` in ``text`` (cue forms that need a quote and have none dropped)."""
    out = []
    for m in matches:
        form = _WS.sub(" ", m.group(0).lower())
        info = cue_lexicon()[form]
        if (
            info["needs_quote"]
            and not _QUOTE_SOON.match(text, m.end(), min(len(text), m.end() + 90))
            and not _QUOTE_BEFORE.search(text, max(0, m.start() - 50), m.start())
            and not (info["lemma"] in _word_set("naming_cues.txt") and _NAMING.match(text, m.end(), min(len(text), m.end() + 90)))
            and not _THAT_NEXT.match(text, m.end())  # "agreed that …", "concluded that …", "charged that …"
            and not (info["lemma"] in _word_set("infinitive_cues.txt") and text.startswith(" to ", m.end()))
        ):
            continue  # “…,” Lee continued: the quote may also stand right before the verb and its source
        out.append({"start": m.start(), "end": m.end(), "text": m.group(0), "form": form, **info})
    return out


def _inside(spans_start: list[int], spans: list[tuple[int, int]], pos: int) -> int | None:
    """Index of the span containing ``pos`` (spans sorted, non-overlapping), else None."""
    k = bisect.bisect_right(spans_start, pos) - 1
    if k >= 0 and spans[k][0] <= pos < spans[k][1]:
        return k
    return None


def _subject_position(text: str, lo: int, m: dict) -> bool:
    """True unless the word before the mention (skipping a determiner) is a preposition or 'and'."""
    before = text[lo : m["start"]]
    before = _drop_det(before)
    w = _last_word(before)
    if not w:
        return True
    word = before[w[0] : w[1]].lower()
    tail = before[w[1] :]
    if tail.strip() and (tail.strip()[-1] in ",;:" or any(ch in tail for ch in '”"»')):
        return True  # after a comma or a closing quote mark a new clause starts ("“… over,” Lee said")
    if word == "of" and m.get("kind") in ("person", "name") and " " in (m.get("text") or ""):
        # "Supervisor of Elections Ann Cole said", "Secretary of State Ann Cole said": a title's "of"
        prev = _last_word(before[: w[0]])
        if prev and before[: w[0]][prev[0] : prev[0] + 1].isupper():
            return True
    if word in ("and", "but", "or", "nor"):
        # ", and Acme News responded" / "asked for a photo and Lee said": a new clause's subject;
        # "Rubio and Lavrov said": a coordinated one
        head = before[: w[0]].rstrip()
        if word in ("or", "nor"):
            return False
        prev = _last_word(head) if head else None
        return not head or head[-1] in ",;:—–" or (prev is not None and not head[prev[0] : prev[0] + 1].isupper())
    return word not in PREPOSITIONS


def _unit_subject(text: str, lo: int, mentions: list[dict], before: int) -> dict | None:
    """The first mention before ``before`` in subject position, past an introductory phrase opened by
    a preposition or a subordinating word ("In Salem, Ohio, Lee went on, calling …": Lee, not Ohio),
    past places and capitalised sentence words ("Early in the race, Lee …")."""
    intro = _INTRO_PHRASE.match(text, lo, before)
    skip_to = max(intro.end() if intro else lo, _after_intro(text, lo, before))
    for m in mentions:
        if m["start"] >= before:
            break
        if m["start"] < skip_to or m.get("kind") == "place" or _lone_capital(text, skip_to, m):
            continue
        if not m.get("in_quote") and _subject_position(text, lo, m):
            return m
    return None


# an introductory phrase opened by a preposition, up to its last comma before a capitalised word or determiner
_INTRO_PHRASE = re.compile(
    r"[\s“\"]*(?:In|On|At|During|After|Before|From|Since|Until|Despite|Throughout|Amid|Outside|Inside|Near)\b[^,;:“”\"\n]{1,80},"
    r"(?:\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},)?(?=\s)"
)


def _trim(text: str, a: int, b: int, strip: str = " \t\n\r,;:—–-") -> tuple[int, int]:
    while a < b and text[a] in strip:
        a += 1
    while b > a and (text[b - 1] in strip or text[b - 1] in ".!?" and b - 1 > a and text[b - 2] not in ".!?"):
        if text[b - 1] in ".!?":
            b -= 1
            break
        b -= 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return a, b


def _leftward_source(text: str, lo: int, cue: dict, mentions: list[dict]) -> tuple[dict, str] | None:
    cands = [m for m in mentions if m["end"] <= cue["start"] and not m.get("in_quote")]
    for i in range(len(cands) - 1, max(-1, len(cands) - 6), -1):
        m = cands[i]
        if not _FILLER.match(text, m["end"], cue["start"]) and not _titled_filler(text[m["end"] : cue["start"]]):
            continue
        if m["how"] == "anonymous" and i > 0 and _APPOSITION_GAP.match(text[cands[i - 1]["end"] : m["start"]]):
            continue  # "Tomas Berglund, a Swedish analyst, said": the analyst is Berglund
        if (
            text[m["end"] : cue["start"]].strip() == ","
            and not text[m["end"] - 1 : m["end"]] == ")"
            and not _COMMA_BEFORE.search(_strip_title_words(text[max(lo, m["start"] - 60) : m["start"]]))
        ):
            continue  # "Trump, speaking aboard Air Force One, said": only ", NAME, said" is an apposed source
        gap = text[m["end"] : cue["start"]].rsplit(",", 1)[-1]
        if _BE.search(gap) and not cue["text"].lower().endswith("ing"):
            continue  # passive: "Rubio was warned that …" — Rubio is not the speaker
        if cue["text"].lower().endswith("ing") and not _BE.search(gap):
            continue  # "emailed supporters saying …": a participle has no subject of its own (the participle rule decides)
        if m["kind"] == "place":
            continue
        before = text[lo : m["start"]]
        if _ends_like_readout(before) and _READOUT.search(before):
            return m, "readout"
        if _subject_position(text, lo, m):
            return m, "subject"
    return None


def _titled_filler(gap: str) -> bool:
    """True when ``gap`` is a source's filler once short quoted titles in it are read as plain words
    ("Tom Wendel, the author of “Going Viral,” said").

    >>> _titled_filler(", the author of “Going Viral,” "), _titled_filler(", “We will win,” ")
    (True, False)
    """
    if not _HAS_QUOTE_CHAR.search(gap):
        return False
    plain = _SHOW_TITLE.sub(_plain_title, gap)
    return plain != gap and not _HAS_QUOTE_CHAR.search(plain) and _FILLER.match(plain) is not None


def _plain_title(m: re.Match) -> str:
    """A short title-cased quoted title as one plain word of the same length, else unchanged (see :func:`_blank_title`)."""
    body = m.group(0)
    words = _GAP_WORD.findall(body)
    titled = all(w[:1].isupper() or w[:1].isdigit() or w in _word_group("title_small") for w in words)  # “Going Viral,” not “We won,”
    return "x" * len(body) if len(body.split()) <= 6 and titled else body


@lru_cache(maxsize=1)
def _clause_words() -> frozenset:
    return frozenset(read_list("clause_words.txt"))


@lru_cache(maxsize=16)
def _word_group(name: str) -> frozenset:
    """The lower-case words of one set of ``claim_function_words.tsv`` (closed-class words).

    >>> sorted(_word_group("demonstrative_head"))
    ['these', 'those']
    """
    return frozenset(r["word"].lower() for r in read_tsv("claim_function_words.tsv") if r["set"] == name)


@lru_cache(maxsize=16)
def _word_set(name: str) -> frozenset:
    """Lower-case words of a one-word-per-line resource (closed word sets the rules consult).

    >>> "say" in _word_set("cue_verb_first.txt"), "state" in _word_set("cue_noun_first.txt")
    (True, True)
    """
    return frozenset(w.lower() for w in read_list(name))


_SUBJECT_RULES = frozenset(("subject", "readout", "subject-phrase"))
_PHRASE_LEAD = frozenset("and but yet or while whereas meanwhile however".split())
_RELATIVE = frozenset(("who", "which", "that"))
_RELATIVE_ASIDE = re.compile(r"\s*(?:who|which|the|an?)\s")
# determiners that also stand alone as a subject ("another says", "many said"); "all", "both" follow a subject
_PHRASE_MAX = 10
# "Those surveyed said", "Those over 60 say": a demonstrative heading a noun phrase


def _phrase_source(text: str, lo: int, cue: dict) -> dict | None:
    """A descriptive source made of the noun phrase that stands as the clause's subject right
    before the verb, when no mention was found there ("Each side said", "Current and former
    officials said", "More than six in 10 said"), else None.

    >>> s = "Each side said the other was to blame."
    >>> _phrase_source(s, 0, {"start": 10})["actor"]
    'each side'
    >>> _phrase_source("What the group said was new.", 0, {"start": 15}) is None
    True
    """
    pre = text[lo : cue["start"]]
    k = max(pre.rfind(ch) for ch in ',;:—–()“”"\n')
    k2 = pre.rfind("''")
    if k2 >= 0 and k2 + 1 > k:
        k = k2 + 1  # a doubled apostrophe closes a quote too
    a, z = lo + k + 1, cue["start"]
    if k > 0 and pre[k] == "," and not pre[k + 1 :].strip():
        # "Managers at the depot, who met on Monday, say …" / "Officials in Vale, the state next door, said …":
        # the subject stands before a relative clause or an apposition set off by commas
        k0 = pre.rfind(",", 0, k)
        if k0 > 0 and _RELATIVE_ASIDE.match(pre, k0 + 1) and not _HAS_QUOTE_CHAR.search(pre, k0, k):
            k1 = max(pre.rfind(ch, 0, k0) for ch in ',;:—–()“”"\n')
            a, z = lo + k1 + 1, lo + k0
    words = [(m.start(), m.end(), m.group(0)) for m in _GAP_WORD.finditer(text, a, z) if _WORD_CHAR.search(m.group(0))]
    words = [(x, y, w.strip(".")) if w.endswith(".") and len(w) > 2 and not w[-2].isupper() else (x, y, w) for x, y, w in words]
    while words and words[0][2].lower() in _PHRASE_LEAD:
        words.pop(0)
    while words and (
        words[-1][2].lower() in _word_set("subject_tail_words.txt") or (words[-1][2].lower().endswith("ly") and len(words) > 1)
    ):
        words.pop()
    for i, (_x, _y, w) in enumerate(words):
        if i and w.lower() == "who":  # "Democrats in Iowa who watched the debate said": the head before "who"
            words = words[:i]
            break
    if not words or len(words) > _PHRASE_MAX:
        return None
    low = [w.lower() for _x, _y, w in words]
    if len(low) == 1 and low[0].endswith(("ly", "ing")):
        return None  # "specifically mentioned", "Having announced": an adverb or a participle, no subject
    if low[0] in _word_group("approximator") and len(low) > 1 and (low[1][:1].isdigit() or low[1] in _word_set("number_words.txt")):
        low[0] = "nearly"  # "About three in 10 said", "Over 40 percent said": a quantity, not a preposition
    if low[:2] == ["at", "least"]:
        low[0] = "nearly"  # "At least half of voters said"
    if "to" in low:
        # "Aides to Lee say", "advisers to the mayor said": a preposition before a name or a determiner,
        # not an infinitive ("those who want to said")
        low = [
            "of" if w == "to" and i + 1 < len(low) and (words[i + 1][2][:1].isupper() or low[i + 1] in _DET_WORDS) else w
            for i, w in enumerate(low)
        ]
    if (
        low[0] in PREPOSITIONS
        or any(w in _clause_words() for w in (low[1:] if low[0] in _word_group("demonstrative_head") and len(low) > 1 else low))
        or low[-1] in PREPOSITIONS
        or (low[-1] in _DET_WORDS and low[-2:-1] != ["in"] and not (low[-1] in _word_group("pronoun_determiner") and len(low) == 1))
    ):
        return None
    if any(w in _RELATIVE for w in low) or not words[-1][2][-1:].isalnum():
        return None
    s, e = words[0][0], words[-1][1]
    span = text[s:e]
    desc = _WS.sub(" ", span)
    if low[0] in _DET_WORDS or (len(low) > 1 and desc[:1].isupper() and desc[1:2].islower() and low[0] in _clause_lead()):
        desc = desc[0].lower() + desc[1:]
    return _anonymous_mention(s, e, span, desc)


def _finite_cue(text: str, cue: dict) -> bool:
    """True when the cue is an inflected verb form that can have a subject of its own ("said", "says",
    "warned"), not a base form that is often a noun or an imperative ("note", "tweet", "ask"), a
    participle, or a passive or attributive use ("reported by", "pledged delegates" stay out only
    when "by" follows).

    >>> _finite_cue("Each side said so.", {"form": "said", "lemma": "say", "end": 14})
    True
    >>> _finite_cue("It was first reported by a paper.", {"form": "reported", "lemma": "report", "end": 21})
    False
    """
    form = cue["form"]
    if form in _NOUNLIKE or (form == cue["lemma"] and form not in _word_set("cue_verb_first.txt")) or form.endswith("ing") or " " in form:
        return False
    return not text.startswith((" by ", " by\n"), cue["end"])


_DET_WORDS = frozenset("a an the each every both some many most several few all other another one two three four five".split())


@lru_cache(maxsize=1)
def _clause_lead() -> frozenset:
    """Lower-case words that open a noun phrase (determiners, quantifiers, common modifiers): lowered in a description."""
    return _DET_WORDS | frozenset(("more", "nearly", "almost", "about", "current", "former"))


def _inverted_source(text: str, hi: int, cue: dict, mentions: list[dict]) -> dict | None:
    stop = cue["end"] + 90
    np_end = re.search(r"[,;:!?“”\"(]|\.(?=\s+[a-z])|\s(?:who|which|on|in|at|during|after)\s", text[cue["end"] : min(hi, stop)])
    limit = cue["end"] + (np_end.start() if np_end else min(hi, stop) - cue["end"])
    cands = [m for m in mentions if cue["end"] <= m["start"] < limit and not m.get("in_quote") and m["kind"] != "place"]
    if not cands:
        return None
    persons = [m for m in cands if m["kind"] == "person"]
    return (persons or cands)[-1 if persons else 0]


def _quote_at(quotes: list[dict], a: int, b: int) -> list[dict]:
    """Quotes overlapping ``[a, b)`` (quotes sorted by start, non-overlapping)."""
    k = bisect.bisect_left(quotes, b, key=_qstart)
    out = []
    while k > 0:
        k -= 1
        q = quotes[k]
        if q["end"] <= a:
            break
        out.append(q)
    return out[::-1]


def _qstart(q: dict) -> int:
    return q["start"]


def _quote_opening_at(quotes: list[dict], pos: int) -> dict | None:
    """The quote whose opening mark is at ``pos`` (± 1), else None."""
    k = bisect.bisect_left(quotes, pos - 1, key=lambda q: q["mark_start"])
    if k < len(quotes) and abs(quotes[k]["mark_start"] - pos) <= 1:
        return quotes[k]
    return None


_TIME_LEAD = re.compile(
    r"\s+(?:(?:on|late|early|last|this|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"week|month|year|weekend|today|yesterday|tonight)(?:\s+(?:night|morning|evening|afternoon))?(?=\s+(?:that\b|[a-z]|[A-Z]))"
)


# "Asked …" opening a sentence or clause, "when/if asked", or a passive "was asked" (an adverb may stand between)
_ASKED_BEFORE = re.compile(
    r"(?:^[\s“\"]*|[,;—–(]\s*(?:and\s+|but\s+)?|\b(?:[Ww]hen|[Ii]f|[Oo]nce|[Aa]fter)\s+|"
    r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:\w+ly\s+|once\s+|later\s+|also\s+|again\s+|repeatedly\s+|then\s+)?)$"
)
_ASKED_BY = re.compile(r"\s+by\s+[^,.;:!?“”\"]*?(?=\s(?:whether|if|what|how|why|who|which|when|where|about)\b)")


_ASKER = re.compile(
    r"\s+by\s+((?:an?|the)\s+)?([^,.;:!?“”\"()\n]{2,80}?)(?=\s+(?:whether|if|what|how|why|who|which|when|where|about|to|on|for)\b|[,.;:!?])"
)


def _asker(text: str, a: int, hi: int, mentions: list[dict]) -> dict | None:
    """The asker named in "asked by X …" right after the verb at ``a``: X's mention, or the
    description itself ("a reporter") as a descriptive source; None when no "by" follows.

    >>> s = "When asked by a reporter whether it differed, Lee said no."
    >>> _asker(s, 10, len(s), [])["actor"]
    'a reporter'
    """
    m = _ASKER.match(text, a, hi)
    if not m:
        return None
    s0, e0 = m.start(1) if m.group(1) else m.start(2), m.end(2)
    inside = [x for x in mentions if s0 <= x["start"] and x["end"] <= e0 and x.get("actor") is not None and x.get("how") != "pronoun"]
    if inside:
        return inside[0]
    span = text[s0:e0]
    if len(span.split()) > 6 or not span[-1:].isalnum():
        return None
    desc = _WS.sub(" ", span)
    desc = desc[0].lower() + desc[1:] if desc.split()[0].lower() in _DET_WORDS else desc
    return _anonymous_mention(s0, e0, span, desc)


_ACCORDING_NP = re.compile(
    r"\s+((?:[\w’'.&-]+\s+){0,7}?[\w’'&-]+)(?=\s*(?:[,.;:!?)—–]|\s(?:that|who|which|released|published|obtained|reviewed|in|on|at)\b|$))"
)


def _according_np(text: str, a: int, hi: int) -> dict | None:
    """A descriptive source from the noun phrase after "according to" when no mention stands there
    ("according to a congressional timeline", "according to state law"), else None.

    >>> s = "Turnout rose, according to a county tally."
    >>> _according_np(s, 26, len(s))["actor"]
    'a county tally'
    """
    m = _ACCORDING_NP.match(text, a, hi)
    if not m:
        return None
    span = m.group(1)
    if span.split()[0].lower() in PREPOSITIONS or span.split()[0].lower() in _clause_words():
        return None
    desc = _WS.sub(" ", span)
    return _anonymous_mention(m.start(1), m.end(1), span, desc)


def _asked_content(text: str, a: int, hi: int, quotes: list[dict]) -> tuple[int, int] | None:
    """The reported question after a source-less "asked": to the first comma outside quotes or the clause's end
    ("Asked whether he would run, …" -> "whether he would run"); a quote right after ", " is the question itself.

    >>> s = "Asked whether he would run again, Lee smiled."
    >>> a, b = _asked_content(s, 5, len(s), []); s[a:b]
    'whether he would run again'
    """
    m = _ASKED_BY.match(text, a, hi) or _ASKER.match(text, a, hi)
    if m:
        a = m.end()
    m = _TO_QUOTE.match(text, a, hi)
    if m and text[a : m.end()].strip() in (",", ":", ""):
        q = _quote_opening_at(quotes, m.end())
        if q is not None:
            return q["start"], q["end"]
    b = _comma_outside_quotes(text, a, hi)
    b = hi if b is None else b
    stop = _CLAUSE_STOP.search(text, a, b)
    if stop and text[stop.start()] in ".;!?":
        b = stop.start() + (1 if text[stop.start()] == "?" else 0)
    a, b = _trim(text, a, b)
    if b - a < 3 or not _WORD_CHAR.search(text, a, b):
        return None
    return a, b


_CONTENT_INTRO_STRICT = re.compile(r"\s*(?:that\b|[:“\"«])")
_LEAD_CONJ = re.compile(r"(?:But|And|Yet|So|Or)\b[\s,]*")
_SUBJECT_WORDS = frozenset("he she they it we i you there this these those".split())
_GAP_WORD = re.compile(r"[\w’'.-]+")


def _first_word(text: str, a: int, b: int) -> str:
    """The first word of ``text[a:b]`` in lower case ('' when none).

    >>> _first_word("said he would", 4, 13)
    'he'
    """
    m = _GAP_WORD.search(text, a, b)
    return m.group(0).lower() if m else ""


def _that_gap_ok(gap: str, addressee: bool) -> bool:
    """True when the words between a reporting verb and a following *that* are circumstance
    ("said Monday that", "said in a statement that") or, for tell-type verbs, the hearer
    ("told reporters that"); False when they hold a clause of their own ("said she left to show that").

    >>> _that_gap_ok(" in a statement on Monday", False), _that_gap_ok(" she filed it to show", False)
    (True, False)
    >>> _that_gap_ok(" reporters at the White House", True), _that_gap_ok(" the reason is", False)
    (True, False)
    """
    words = _GAP_WORD.findall(gap)
    if not words:
        return True
    low = [w.lower() for w in words]
    if any(w in _SUBJECT_WORDS for w in low):
        return False
    if addressee:
        return True
    f = low[0]
    return (
        f in PREPOSITIONS or f in _word_set("that_gap_words.txt") or f in _CIRCUMSTANCE_WORDS or f.endswith("ly") or words[0][:1].isupper()
    )


def _cue_between(text: str, a: int, b: int) -> bool:
    """True when a reporting verb (not a noun-like form) stands in ``text[a:b]``."""
    return any(_WS.sub(" ", c.group(0).lower()) not in _NOUNLIKE for c in _cue_rx().finditer(text, a, b))


def _content_after(text: str, cue: dict, hi: int, quotes: list[dict]) -> tuple[int, int, str]:
    """Content span after the cue and how it was introduced ('that', 'colon', 'quote', 'object').

    A time phrase right after the verb is skipped ("said Thursday his worry was …").
    """
    p = cue["end"]
    t = _TIME_LEAD.match(text, p, hi)
    if t:
        p = t.end()
    m = _THAT.match(text, p, hi) if text.find("that", p, min(hi, p + 84)) >= 0 else None
    if m is None and cue["addressee"] and text.find("that", p, min(hi, p + 124)) >= 0:
        m = _THAT_ADDRESSEE.match(text, p, hi)  # "told customers at a diner in Manchester, N.H., that …"
    if m is not None and not _that_gap_ok(text[p : m.end()].rstrip()[:-4], cue["addressee"]):
        m = None  # "said she filed it to show that …": the first clause is the content, not what follows "that"
    if (
        m
        and cue["lemma"] != "according to"
        and not any(
            _WS.sub(" ", c.group(0).lower()) not in _NOUNLIKE for c in _cue_rx().finditer(text, p, m.start() + m.group(0).rfind("that"))
        )
    ):  # "said in remarks broadcast … that": a noun like "remarks" does not start a new claim
        return m.end(), hi, "that"
    # a quote may open the next paragraph after "X told reporters:" at the end of this one
    reach = hi
    while reach < len(text) and text[reach].isspace():
        reach += 1
    m = _TO_QUOTE.match(text, p, min(len(text), reach + 1))
    if m and not _cue_between(text, p, m.end()):  # "said he agreed and added, “…”": the quote is the added claim's
        q = _quote_opening_at(quotes, m.end())
        if q is not None:
            return q["start"], q["end"], "quote"
    m = _COLON.match(text, p, hi)
    if m:
        return m.end(), hi, "colon"
    if cue["addressee"]:
        m = _ADDRESSEE.match(text, p, hi)
        if m:
            return m.end(), hi, "object"
    return p, hi, "object"


_COMMA_ING = re.compile(r",\s+(?:and\s+)?([a-z]+ing)\b")


@lru_cache(maxsize=1)
def _non_participles() -> frozenset:
    return frozenset(read_list("non_participles.txt"))


def _object_end(text: str, a: int, b: int, quotes: list[dict]) -> int:
    """End of a plain-object claim: before a ", <participle>" clause outside quotes (the reporter's continuation).

    >>> s = "the visit as a thaw, leaving the war to the end"
    >>> s[:_object_end(s, 0, len(s), [])]
    'the visit as a thaw'
    """
    for m in _COMMA_ING.finditer(text, a, b):
        if m.group(1) in _non_participles():
            continue
        k = bisect.bisect_right(quotes, m.start(), key=_mark_start) - 1  # quotes sorted by mark_start
        if k >= 0 and m.start() < quotes[k]["mark_end"]:
            continue
        return m.start()
    return b


# a semicolon outside quotes closes a content: what follows is the reporter's next clause
_COORD_END = re.compile(r";\s")


# a concessive or contrastive clause after an object content is the reporter's ("…, even though …")
_TAIL = re.compile(
    r",\s+(?:even\s+though|although|though|whereas|instead|in\s+which|despite)\b"
    r"|,\s+(?:and|but)\s+(?:the|a|an|he|she|they|it|there|his|her|their|its|some|many)\b"  # a new clause
)
# the subject's next verb after a noun-phrase object ("called the merger a disaster and ranked …")
_TAIL_VP = re.compile(r"\s(?:and|but)\s+(?:[a-z]+ed)\b")


def _tail_end(text: str, a: int, b: int, quotes: list[dict], np_object: bool = False) -> int:
    """End of an object content before a concessive or contrastive clause or a new coordinated clause
    outside quotes; after a noun-phrase object (``np_object``) also before the subject's next verb.

    >>> s = "the overthrow of the regime, even though the result was clear"
    >>> s[:_tail_end(s, 0, len(s), [])]
    'the overthrow of the regime'
    >>> s = "the merger a disaster and ranked its chief last"
    >>> s[:_tail_end(s, 0, len(s), [], np_object=True)]
    'the merger a disaster'
    """
    ms = list(_TAIL.finditer(text, a, b))
    if np_object:
        ms = sorted(ms + list(_TAIL_VP.finditer(text, a, b)), key=lambda m: m.start())
    for m in ms:
        k = bisect.bisect_right(quotes, m.start(), key=_mark_start) - 1
        if k >= 0 and m.start() < quotes[k]["mark_end"]:
            continue
        return m.start() if m.start() > a else b
    return b


# "with" and a noun phrase before a participle: the absolute construction names its own speaker
_WITH_NP = re.compile(r"(?:^|[\s,;(—–])with\s+((?:[\w’'.&-]+\s+){1,8}?)$", re.I)


def _with_source(text: str, lo: int, cue: dict, mentions: list[dict]) -> tuple[dict, int] | None:
    """(source, clause start) of a participle in an absolute construction ("…, with two networks
    calling the race", "with Acme News saying …"): the last mention of the noun phrase after "with",
    or that phrase as a descriptive source; None when no "with" phrase stands right before the verb.

    >>> s = "Lee won, with two networks calling the race early."
    >>> _with_source(s, 0, {"start": 27}, [])[0]["actor"]
    'two networks'
    """
    before = text[max(lo, cue["start"] - 90) : cue["start"]]
    m = _WITH_NP.search(before)
    if not m:
        return None
    base = cue["start"] - len(before)
    s0, e0 = base + m.start(1), base + m.end(1)
    words = _GAP_WORD.findall(m.group(1))
    if any(w.lower() in _clause_words() for w in words):
        return None
    inside = [x for x in mentions if s0 <= x["start"] and x["end"] <= e0 + 1 and not x.get("in_quote") and x.get("kind") != "place"]
    if inside and inside[0]["start"] == s0:
        return inside[0], base + m.start()
    span = text[s0:e0].rstrip()
    desc = _WS.sub(" ", span)
    if desc.split()[0].lower() in _DET_WORDS:
        desc = desc[0].lower() + desc[1:]
    src = _anonymous_mention(s0, s0 + len(span), span, desc)
    return src, base + m.start()


# a descriptive noun phrase opening the sentence, then its verb (an auxiliary or a past form)
_OPENING_NP = re.compile(
    r"[\s“\"]*((?:[Tt]he|[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Ss]ome)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+)"
    r"\s+(?:has|have|had|was|were|is|are|will|would|could|did|also|then|later|\w+ed)\b"
)


def _opening_subject(text: str, lo: int, before: int) -> dict | None:
    """The descriptive noun phrase that opens the sentence as its subject ("The departments declined
    to comment, saying …"), as a descriptive source, else None.

    >>> s = "The two agencies declined to comment, saying the case was open."
    >>> _opening_subject(s, 0, 38)["actor"]
    'the two agencies'
    """
    m = _OPENING_NP.match(text, lo, before)
    if not m or any(w.lower() in _clause_words() for w in _GAP_WORD.findall(m.group(1))):
        return None
    span = m.group(1)
    desc = _WS.sub(" ", span)
    desc = desc[0].lower() + desc[1:]
    return _anonymous_mention(m.start(1), m.end(1), span, desc)


def _coordinated_end(text: str, a: int, b: int, quotes: list[dict]) -> int:
    """End of a content before a semicolon outside quotes ("Lee decried it; editorials railed …").

    >>> s = "the law was unfair; editorials railed against it"
    >>> s[:_coordinated_end(s, 0, len(s), [])]
    'the law was unfair'
    """
    for m in _COORD_END.finditer(text, a, b):
        k = bisect.bisect_right(quotes, m.start(), key=_mark_start) - 1
        if k >= 0 and m.start() < quotes[k]["mark_end"]:
            continue
        return m.start() if m.start() > a else b
    return b


def _mark_start(q: dict) -> int:
    return q["mark_start"]


_CIRCUMSTANCE = re.compile(
    r"\s*(?:at|in|on|during|after|afterwards?|before|from|via|while|when|late|earlier|later|shortly|through|as|following)\b"
    r"[^“”\"«»]*$",
    re.I,
)
# characters that end a quote (or the comma before an attribution): “…,” X said / '…,' X said
_QUOTE_END = ",”\"»’'"
_HAS_QUOTE_CHAR = re.compile(r"[“”\"«»]")
_COMMA_BEFORE = re.compile(r",\s*$")
_APPOSITION_GAP = re.compile(r"^,\s*(?:(?:an?|the)\s+)?[\w’'.\- ]{0,40}$")
_QUOTE_BEFORE = re.compile(
    r"[,.!?…](?:[”\"»’]|'')\s+(?:(?:(?:[A-Z][\w.’'-]*|he|she|they|we|it)\s+){0,4}"
    r"|(?:[Tt]he|an?|one|another|this|his|her|their)\s+(?:[\w’'-]+\s+){1,4})$"  # “…,” the man shouted
)
_QUOTE_SOON = re.compile(r"[^.!?;“”\"«»\n]{0,80}?(?:[“\"«]|'')")
_THAT_NEXT = re.compile(r"\s+that\s+(?!(?:night|day|week|morning|evening|afternoon|year|month|time|weekend)\b)")
# what follows a naming verb that names ("called it a sham", "called the plan a disaster", "called him weak")
_NAMING = re.compile(
    r"\s+(?:(?:it|him|her|them|himself|herself|themselves|this|that)\s+(?!(?:back|up|out|off|over|in|on|at|to|for|from|with|about|after|into|by|and|or|but|when|if|as)\b)[a-z]"
    r"|(?:the|his|her|their|its|this|that)\s+(?:[\w’'-]+\s+){1,4}?(?:a|an|the)\s+[\w’'-]+)"
)
_TRAILING_WORD = re.compile(r"\s*([A-Za-z][\w.’'-]*)$")


@lru_cache(maxsize=1)
def _title_words() -> frozenset:
    words = {w.lower() for line in read_list("titles.txt") for w in line.split()}
    return frozenset(words | {"of", "the", "for", "and", "on", "former", "then", "acting", "incoming", "outgoing"})


_CIRCUMSTANCE_WORDS = frozenset(
    "in at on during after aboard while before via over from earlier later last this when today yesterday".split()
)


def _skip_addressee(short: str) -> str:
    """``short`` (the text after a tell-type verb) without its addressee: up to six words before a
    circumstance word (in, at, on, during, …) or the end, when they hold no quote mark or *that*.

    >>> _skip_addressee(" Fox News host Sean Hannity in an interview aired Tuesday.")
    'in an interview aired Tuesday.'
    >>> _skip_addressee(" reporters that talks went well.")
    ' that talks went well.'
    """
    words = short.split()
    k = next((i for i, w in enumerate(words) if w.lower() in _CIRCUMSTANCE_WORDS), len(words))
    head = words[:k]
    if not head or k > 6 or any(w.lower().strip(".,;:!?") == "that" or _HAS_QUOTE_CHAR.search(w) for w in head):
        addressee = _ADDRESSEE_NP.match(short)
        return short[addressee.end() :] if addressee else short
    return " ".join(words[k:])


def _strip_title(pre: str) -> str:
    """``pre`` without a trailing title phrase after a closing quote (“…,” Russian Foreign Minister Lavrov said).

    Only stripped when what remains ends with a quote mark or comma; else ``pre`` is returned unchanged.

    >>> _strip_title("“We are ready,” White House press secretary")
    '“We are ready,”'
    >>> _strip_title("The White House press secretary")
    'The White House press secretary'
    """
    out = pre
    for _ in range(10):
        if out and out[-1] in _QUOTE_END:
            return out
        m = _TRAILING_WORD.search(out)
        if not m or not (m.group(1)[0].isupper() or m.group(1).lower() in _title_words()):
            break
        out = out[: m.start()].rstrip()
    return out if out and out[-1] in _QUOTE_END else pre


def _strip_title_words(pre: str) -> str:
    """``pre`` without its trailing title words (capitalised or from titles.txt: ", Gov. " -> ",").

    >>> _strip_title_words("Winning Ohio, former Gov. ")
    'Winning Ohio,'
    """
    out = pre.rstrip()
    for _ in range(6):
        m = _TRAILING_WORD.search(out)
        if not m or not (m.group(1)[0].isupper() or m.group(1).lower() in _title_words()):
            break
        out = out[: m.start()].rstrip()
    return out


def _side_of(m: dict | None) -> str | None:
    return None if m is None else m.get("side")


def _claim(text, a, b, src, cue, rule, quotes) -> dict:
    inq = _quote_at(quotes, a, b)
    return {
        "start": a,
        "end": b,
        "text": text[a:b],
        "source": src.get("actor") if src else None,
        "source_id": src.get("actor_id") if src else None,
        "side": _side_of(src),
        "source_start": src["start"] if src else None,
        "source_end": src["end"] if src else None,
        "source_mention": src,
        "cue": cue["text"],
        "cue_lemma": cue["lemma"],
        "cue_start": cue["start"],
        "cue_end": cue["end"],
        "cue_class": cue["cue_class"],
        "direct": bool(inq),
        "quote_ids": [q["quote_id"] for q in inq],
        "rule": rule,
    }


def _content_before(text: str, clause_lo: int, boundary: int, quotes: list[dict]) -> tuple[int, int]:
    """Content that precedes its attribution: the clause before it, or exactly the quote(s) it holds."""
    a, b = _trim(text, clause_lo, boundary, ' \t\n\r,;:—–-“”"«»')
    inq = _quote_at(quotes, a, b)
    if inq and min(q["start"] for q in inq) >= a - 1 and inq[0]["start"] <= a + 1:
        return inq[0]["start"], max(q["end"] for q in inq)
    return a, b


def attribute_unit(
    text: str,
    lo: int,
    hi: int,
    mentions: list[dict],
    quotes: list[dict],
    cue_list: list[dict],
    quote_spans: list[tuple[int, int]],
    quote_starts: list[int],
    prev_sources: list[dict],
) -> list[dict]:
    """Claims of one unit (a sentence, or several joined by a quote) ``text[lo:hi]``."""
    claims: list[dict] = []
    last_source: dict | None = None
    for cue in cue_list:
        if _inside(quote_starts, quote_spans, cue["start"]) is not None:
            continue
        infinitive = False
        if text[cue["end"] : cue["end"] + 4].lower().startswith((" to ", " to\n")) and cue["lemma"] != "according to":
            if cue["lemma"] in _word_set("infinitive_cues.txt"):
                infinitive = True  # "Lee vowed to repeal the law": the to-infinitive is the content
            elif (hearer := _TO_HEARER.match(text, cue["end"], hi)) and not _cue_between(text, cue["end"], hearer.end()):
                cue = dict(cue, addressee=True)  # "Lee wrote to the council that …": the hearer, then the content
            elif not _QUOTE_BEFORE.search(text, max(lo, cue["start"] - 60), cue["start"]):
                continue  # "is said to be", "reported to the board"; but “…,” Lee said to cheers
        if cue["form"] in _word_set("cue_noun_first.txt") and (
            text[cue["start"]].isupper() or not _CONTENT_INTRO_STRICT.match(text, cue["end"], hi)
        ):
            continue  # "his home state of Ohio", "several states": a noun unless "that", a colon or a quote follows
        before_txt = text[lo : cue["start"]]
        if cue["lemma"] != "according to" and _noun_before(before_txt[-40:]) or _SO_CALLED.search(before_txt[-4:]):
            continue  # "a mock trial", "his vow", "Lee’s remarks": a determiner or possessive makes the form a noun
        if cue["form"] == "asked" and _ASKED_BEFORE.search(before_txt):
            # "Asked whether he would run, Lee said …" / "Lee was asked about the plan": the question is
            # reported, its asker is not named (source None)
            span = _asked_content(text, cue["end"], hi, quotes)
            if span is not None and not any(c["start"] <= cue["start"] < c["end"] for c in claims):
                claims.append(_claim(text, span[0], span[1], _asker(text, cue["end"], hi, mentions), cue, "asked", quotes))
            continue
        intro = _CLAUSE_INTRO.search(before_txt) or _intro_before_adverb(before_txt)
        participle = bool(intro) and (cue["form"].endswith("ing") or _coordinated(intro.group(0)))
        if not participle and cue["form"].endswith("ing"):
            intro = _GERUND_PREP.search(
                before_txt, max(0, len(before_txt) - 40)
            )  # "Lee drew fire by saying …": the clause's subject speaks
            participle = bool(intro) and intro.start() > 0
        src, rule, clause_at = None, None, None
        if cue["lemma"] == "according to":
            ms = [m for m in mentions if cue["end"] <= m["start"] < cue["end"] + 80 and not m.get("in_quote")]
            stop = text.find(",", cue["end"], hi)
            ms = [m for m in ms if stop < 0 or m["start"] < stop] or ms[:1]
            if not ms:
                np = _according_np(text, cue["end"], hi)  # "according to a congressional timeline"
                if np is None:
                    continue
                ms = [np]
            src = next((m for m in ms if m["kind"] == "person"), ms[0])
            rule = "according-to"
            head = text[lo : cue["start"]].strip(' \t\n\r“"')
            if not head or head.endswith((":", ";")) or text[cue["start"]].isupper():
                end_np = text.find(",", src["end"], hi)
                a, b = _trim(text, (end_np + 1) if end_np >= 0 else src["end"], hi)
            else:
                start = _clause_start(text, lo, claims)
                paren = text.rfind("(", start, cue["start"])
                if paren >= 0 and text.find(")", paren, cue["start"]) < 0:
                    start = paren + 1  # "(the real figure is lower, according to X)": the aside is the content
                a, b = _content_before(text, start, cue["start"], quotes)
                end_np = text.find(",", src["end"], hi)
                if (
                    end_np >= 0
                    and len(_GAP_WORD.findall(text, end_np, hi)) >= 3
                    and not text[end_np + 1 : hi].lstrip().startswith(("“", '"'))
                ):
                    # "X, according to Y, is Z": the sentence goes on past the source; the whole sentence is the content
                    lead = _LEAD_CONJ.match(text, a, b)
                    a, b = _trim(text, lead.end() if lead else a, hi)
            if b > a:
                claims.append(_claim(text, a, b, src, cue, rule, quotes))
                last_source = src
            continue
        left = _leftward_source(text, lo, cue, mentions)
        with_src = _with_source(text, lo, cue, mentions) if left is None and cue["form"].endswith("ing") else None
        if with_src is not None:
            src, rule, clause_at = with_src[0], "participle", with_src[1]  # "…, with Acme News saying …"
        elif left:
            src, rule = left
            w = _CLAUSE_INTRO.search(_drop_det(text[lo : src["start"]]))
            clause_at = lo + w.start() if w else None
        elif participle:
            src = (
                last_source
                or _unit_subject(text, lo, mentions, cue["start"])
                or _opening_subject(text, _after_dateline(text, lo, cue["start"]), cue["start"])
            )
            rule = "participle"
            clause_at = lo + intro.start()
        else:
            inv = None
            tail = text[lo : cue["start"]].rstrip()
            if tail and tail[-1] in _QUOTE_END:
                inv = _inverted_source(text, hi, cue, mentions)
                if inv is not None and (
                    (
                        tail[-1] == ","
                        and not _QUOTE_BEFORE_COMMA.search(tail, max(0, len(tail) - 90))
                        and not _INVERTED_END.match(text, inv["end"], hi)
                    )
                    or (inv.get("how") == "pronoun" and not _INVERTED_END.match(text, inv["end"], hi))
                ):
                    inv = None  # "Executives, who …, say the company will …": a subject before the verb, not “…,” said X
            if inv is None:
                phrase = None
                if cue["form"] in _NOUNLIKE or not (intro and _coordinated(intro.group(0))):
                    phrase = _phrase_source(text, lo, cue) if _finite_cue(text, cue) else None
                    if phrase is None:
                        continue
                if phrase is not None:
                    src, rule = phrase, "subject-phrase"
                    w = _CLAUSE_INTRO.search(_drop_det(text[lo : src["start"]]))
                    clause_at = lo + w.start() if w else None
                else:
                    src = last_source or _unit_subject(text, lo, mentions, cue["start"])
                    rule = "participle"
                    clause_at = lo + intro.start()
            else:
                src, rule = inv, "inverted"
        if src is None:
            continue
        if cue["form"] in _NOUNLIKE and rule not in _SUBJECT_RULES:
            continue
        # a verb inside an earlier claim's content is nested unless it opens a new clause
        open_claim = next((c for c in claims if c["start"] <= cue["start"] < c["end"]), None)
        if open_claim is not None and rule == "subject" and src["end"] <= open_claim["cue_start"]:
            # "Lee, who estimated that half were supporters, said …": the relative clause's claim ends at the comma
            comma = text.rfind(",", open_claim["start"], cue["start"])
            if comma > open_claim["start"] and not text[comma + 1 : cue["start"]].strip():
                a2, b2 = _trim(text, open_claim["start"], comma)
                if b2 > a2:
                    _set_span(text, open_claim, a2, b2, quotes)
                    open_claim = None
        if open_claim is not None:
            if clause_at is None or clause_at < open_claim["start"]:
                continue
            a2, b2 = _trim(text, open_claim["start"], clause_at, " \t\n\r,;:—–-")
            if b2 <= a2:
                continue
            _set_span(text, open_claim, a2, b2, quotes)
        # content
        after_lo = cue["end"] if rule != "inverted" else src["end"]
        after_txt = text[after_lo:hi]
        pre = text[lo : (src["start"] if rule in _SUBJECT_RULES else cue["start"])].rstrip()
        if rule in _SUBJECT_RULES:
            pre = _strip_title(pre)  # “…,” White House press secretary Karoline Leavitt said
            if rule == "subject" and pre and pre[-1] not in _QUOTE_END:
                adj = _ADJ_AFTER_QUOTE.search(pre, max(0, len(pre) - 80))  # “…,” a smiling Lee said
                if adj:
                    pre = pre[: adj.start()]
        short = _stop_at_clause(_SHOW_TITLE.sub(_blank_title, after_txt))
        if cue["addressee"]:
            # “…,” Witkoff told CNN / told a news conference in Kyiv: the addressee is not content
            short = _skip_addressee(short)
        aside = _aside_span(text, lo, hi, pre, src["end"] if rule == "inverted" else cue["end"], claims) if rule in _ASIDE_RULES else None
        if infinitive:
            a, b = _trim(text, cue["end"], _object_end(text, cue["end"], _stop_clause_end(text, cue["end"], hi), quotes))
        elif aside is not None:
            a, b = aside  # "Any attempt to debunk it, he said, becomes hopeless": the sentence around the aside
        elif rule == "inverted" or (
            rule in _SUBJECT_RULES
            and pre
            and (
                # “…,” Lee said with a grin / said, a hint of anger in her voice / tweeted the day after …
                (pre[-1] in _CLOSING_MARKS and not _CONTENT_INTRO.match(text, cue["end"], hi))
                or (
                    pre[-1] in _QUOTE_END
                    and not _adverbial_lead(text, _clause_start(text, lo, claims), lo + len(pre))
                    and _AFTER_SHORT.match(short)
                    and not _HAS_THAT.search(short)
                    and len(short.split()) <= 20
                    and not (pre[-1] == "," and _SUBORDINATE_START.match(text, lo) and pre.count(",") == 1)
                )
            )
        ):
            a, b = _content_before(text, _clause_start(text, lo, claims), lo + len(pre), quotes)
            b = min(b, lo + len(pre))
            # a quote split by its attribution: “…,” X said, “…” / “…,” said X, an adviser, “…”
            m = _TO_QUOTE_FAR.match(text, src["end"] if rule == "inverted" else cue["end"], hi)
            if m:
                q = _quote_opening_at(quotes, m.end())
                if q is not None:
                    b = q["end"]
        else:
            a, b, how = _content_after(text, cue, hi, quotes)
            if how == "object":
                if cue["lemma"] in _word_set("clause_only_cues.txt") and _first_word(text, a, b) not in _SUBJECT_WORDS:
                    continue  # "maintains a wide lead", "appealed the ruling": no speech
                b = _object_end(text, a, b, quotes)
                if cue["cue_class"] == "neutral" and _CIRCUMSTANCE.match(text, a, b):
                    continue  # "said at a briefing": where or when, not what
            a, b = _trim(text, a, b)
            if how in ("that", "object"):
                b = _coordinated_end(text, a, b, quotes)
            if how == "object":
                b = _tail_end(text, a, b, quotes, cue["lemma"] not in _word_set("clause_content_cues.txt"))
            if how in ("that", "object") and rule in ("subject", "subject-phrase") and _SUBORDINATE.match(text, lo, src["start"]):
                comma = _comma_outside_quotes(text, a, b)
                if comma is not None:
                    b = comma
            if how == "quote" and pre and (pre[-1] in '”"»' or pre.endswith("''")):
                # a quote split by its attribution: “…,” X said, “…”
                q0 = _quote_at(quotes, lo + len(pre) - 2, lo + len(pre) - 1)
                if q0:
                    a = q0[0]["start"]
        if b <= a or not _WORD_CHAR.search(text, a, b):
            continue
        claims.append(_claim(text, a, b, src, cue, rule, quotes))
        if src.get("actor") is not None or src.get("how") == "anonymous":
            last_source = src
    return claims


_WORD_CHAR = re.compile(r"\w")
# a quoted programme or publication title after the verb ("said on ABC’s “This Week” on Sunday")
_SHOW_TITLE = re.compile(r"(?<=\s)[“\"](?:[^“”\"\n.!?,]|[.,](?=[^”\"]))*?[,.]?[”\"]")


def _blank_title(m: re.Match) -> str:
    """A short quoted title as plain words of the same length (at most six words), else unchanged.

    >>> _SHOW_TITLE.sub(_blank_title, " on ABC’s “This Week” on Sunday.")
    ' on ABC’s xThis Weekx on Sunday.'
    """
    body = m.group(0)
    return "x" + body[1:-1] + "x" if len(body.split()) <= 6 else body


_HAS_THAT = re.compile(r"\bthat\b|[“\"«]")
_CLOSING_MARKS = "”\"»’'"
# what opens a content after the verb even when a quote stands before the source ("“Yes,” Lee said that night" is not one)
_CONTENT_INTRO = re.compile(r"\s*(?:that\b(?!\s+(?:night|day|week|morning|evening|afternoon|year|month|time|weekend)\b)|:)")
# a sentence that opens with a subordinate clause ("While X did Y, Lee told reporters …")
_SUBORDINATE_START = re.compile(
    r"[\s“\"]*(?:While|Although|Though|Because|When|If|Whereas|Even though|Even as|As|After|Before|Since|Until|Unless|Once)\b"
)
_CLAUSE_STOP = re.compile(r",\s*(?:and\s+)?\w+ing\b|[.;!?](?<!\b[A-Z][.;!?])(?=\s|$)")


# a determiner and up to three lower-case modifiers between a closing quote and the source's name
_ADJ_AFTER_QUOTE = re.compile(r"(?<=[,!?][”\"»’'])\s+(?:(?:a|an|the)\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}$")
_QUOTE_BEFORE_COMMA = re.compile(r"[”\"»’']\s*,$|[”\"»’'](?:[^“”\"«»]{0,80}),$")
# what follows an inverted source in "…, said Lee." / "…, said Lee, an adviser." / "…, said Lee on Monday."
_INVERTED_END = re.compile(r"\s*(?:[.;!?]|,|\s(?:on|in|at|during|after|who|which)\b|$)")


def _adverbial_lead(text: str, a: int, b: int) -> bool:
    """True when ``text[a:b]`` (what precedes a source and its comma) is an introductory adverbial,
    not a reported clause: a short phrase (at most eight words) opened by a preposition ("In his
    speech,", "At one point on Sunday,").

    >>> s = "In his speech, Lee argued"
    >>> _adverbial_lead(s, 0, 14), _adverbial_lead("The vote was close, Lee said", 0, 19)
    (True, False)
    """
    seg = text[a:b]
    if _HAS_QUOTE_CHAR.search(seg):
        return False
    words = _GAP_WORD.findall(seg)
    return bool(words) and words[0].lower() in PREPOSITIONS and len(words) <= 8


_ASIDE_RULES = frozenset(("subject", "subject-phrase", "inverted"))
# what may follow the verb (or an inverted source) inside an attribution set off by commas
_ASIDE_TAIL = re.compile(r"(?:\s+[\w’'.-]+){0,4}?\s*,\s+(?=[^\s“”\"«»‘’'])")


def _aside_span(text: str, lo: int, hi: int, pre: str, after: int, claims: list[dict]) -> tuple[int, int] | None:
    """The content of an attribution set off by commas inside its sentence ("Such efforts, they
    believe, will fail"): the sentence from its clause start to its end, the aside included;
    None unless a plain comma (no quote mark) stands before the source and after the verb and
    words stand on both sides.

    >>> s = "Such efforts, they said, will fail soon."
    >>> a, b = _aside_span(s, 0, len(s), "Such efforts,", 23, []); s[a:b]
    'Such efforts, they said, will fail soon'
    """
    if not pre.endswith(",") or pre[-2:-1] in _CLOSING_MARKS:
        return None
    m = _ASIDE_TAIL.match(text, after, hi)
    if not m:
        return None
    start = _clause_start(text, lo, claims)
    lead = text[start : lo + len(pre)]
    if _HAS_QUOTE_CHAR.search(lead) or len(_GAP_WORD.findall(lead)) < 2:
        return None
    end = _stop_clause_end(text, m.end(), hi)
    if _HAS_QUOTE_CHAR.search(text, m.end(), end) or len(_GAP_WORD.findall(text, m.end(), end)) < 2:
        return None
    a, b = _trim(text, start, end)
    return (a, b) if b > a else None


def _stop_clause_end(text: str, a: int, hi: int) -> int:
    """End of the clause that starts at ``a``: the first sentence stop (``.;!?``) or ``hi``."""
    m = _CLAUSE_STOP.search(text, a, hi)
    while m is not None and m.group(0).startswith(","):
        m = _CLAUSE_STOP.search(text, m.end(), hi)
    return m.start() if m else hi


def _stop_at_clause(s: str) -> str:
    m = _CLAUSE_STOP.search(s)
    return s[: m.start()] if m else s


def _comma_outside_quotes(text: str, a: int, b: int) -> int | None:
    """Offset of the first comma in ``text[a:b]`` outside double quote marks, else None."""
    depth = 0
    for i in range(a, b):
        ch = text[i]
        if ch in "“«":
            depth += 1
        elif ch in "”»":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = 1 - depth if depth <= 1 else depth
        elif ch == "," and depth == 0:
            return i
    return None


def _clause_start(text: str, lo: int, claims: list[dict]) -> int:
    ends = [c["end"] for c in claims if c["end"] <= len(text)]
    return max([lo, *ends])


def _set_span(text: str, claim: dict, a: int, b: int, quotes: list[dict]) -> None:
    claim["start"], claim["end"], claim["text"] = a, b, text[a:b]
    inq = _quote_at(quotes, a, b)
    claim["direct"] = bool(inq)
    claim["quote_ids"] = [q["quote_id"] for q in inq]


def attribute(
    text: str, units: list[tuple[int, int, int]], mentions: list[Mention], quotes: list[QuoteSpan], cues: list[Cue] | None = None
) -> tuple[list[Claim], list[Quote]]:
    """Claims of the whole text and the quotes with speakers, resolving pronouns on the way.

    ``units`` are (start, end, paragraph index); ``mentions`` include unresolved
    pronouns (``how == "pronoun"``), which are resolved in place (actor, actor_id,
    side, ``ref``). Returns (claims, quotes) as lists of dicts.
    """
    quote_spans = [(q["mark_start"], q["mark_end"]) for q in quotes]
    quote_starts = [a for a, _ in quote_spans]
    starts = [m["start"] for m in mentions]
    by_actor: dict[str, list[dict]] = {}
    for m in mentions:
        m["in_quote"] = _inside(quote_starts, quote_spans, m["start"]) is not None
        if m["kind"] == "name":
            by_actor.setdefault(m["actor_id"], []).append(m)
    cues = find_cues(text) if cues is None else cues
    cue_starts = [c["start"] for c in cues]
    claims: list[dict] = []
    recent: list[dict] = []
    earlier_units: list[list[dict]] = []
    last_para = -1
    for lo, hi, para in units:
        if para != last_para:
            if last_para >= 0 and para > last_para + 1:
                recent = []
            last_para = para
        i0, i1 = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
        unit_m = mentions[i0:i1]
        for m in unit_m:
            if m["how"] in ("pronoun", "description") and m.get("actor") is None:
                ref = resolve_pronoun(
                    m,
                    # "“… Clinton …,” she said": not Clinton; "in an interview with Acme Politics, he said": not Acme
                    [
                        x
                        for x in unit_m
                        if x["in_quote"] == m["in_quote"]
                        and x["start"] < m["start"]
                        and compatible(m, x)
                        and _subject_position(text, lo, x)
                    ],
                    recent if not m["in_quote"] else [],
                    earlier_units[-3:],
                )
                if m["in_quote"] and ref is None:
                    ref = None
                if ref is not None:
                    m.update(actor=ref["actor"], actor_id=ref["actor_id"], side=ref["side"], ref=ref, gender=m["gender"])
                elif m["how"] == "description" and not m["in_quote"]:
                    # "the former president said", no one to stand for: a descriptive source of its own
                    desc = _WS.sub(" ", m["text"])
                    desc = desc[0].lower() + desc[1:]
                    m.update(actor=desc, actor_id=slug(desc), kind="anonymous", how="anonymous")
        c0, c1 = bisect.bisect_left(cue_starts, lo), bisect.bisect_left(cue_starts, hi)
        unit_claims = attribute_unit(text, lo, hi, unit_m, quotes, cues[c0:c1], quote_spans, quote_starts, recent)
        for c in unit_claims:
            if c["source_mention"] is not None and c["source_mention"].get("actor") is not None:
                ref = c["source_mention"].get("ref", c["source_mention"])
                if ref["kind"] == "name":
                    # a name of unknown kind that speaks is a person from here on ("he" may stand for it)
                    for m in by_actor.get(ref["actor_id"], ()):
                        m["kind"] = "person"
                recent.append(ref)
        recent = recent[-4:]
        claims += unit_claims
        # the actors this unit talks about, in order; a resolved pronoun or description
        # counts as its antecedent, placed where the pronoun stands
        named = [
            m if m["how"] not in ("pronoun", "description") else dict(m["ref"], start=m["start"], end=m["end"])
            for m in unit_m
            if m.get("actor") is not None
            and not m.get("in_quote")
            and (m["how"] not in ("pronoun", "description") or "ref" in m)
            and _subject_position(text, lo, m)  # "… met with Clinton": an object of a preposition is no antecedent
        ]
        if named:
            earlier_units.append(named)
    claims.sort(key=lambda c: (c["start"], c["cue_start"]))
    quotes = _quote_speakers(text, quotes, claims, units, cues, mentions)
    _extend_to_continuations(text, claims, quotes)
    extra = _punctuation_claims(text, quotes, claims) + _headline_claims(text, mentions, claims, quotes)
    extra += _transcript_claims(text, mentions, claims + extra, quotes)
    if extra:
        claims = sorted(claims + extra, key=lambda c: (c["start"], c["cue_start"]))
    return claims, quotes


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
            d = _DASH.match(text, q["mark_end"])
            seg = d.group(0) if d else ""
            a = q["mark_end"] + len(seg) - len(seg.lstrip())
            b = q["mark_end"] + len(seg.rstrip())
            lemma = "—"
        cue = {"text": text[a:b], "lemma": lemma, "start": a, "end": b, "cue_class": "neutral"}
        out.append(_claim(text, q["start"], q["end"], q["speaker_mention"], cue, q["rule"], quotes))
    return out


# "Name: what they said" opening a document (a headline): up to four capitalised words (with particles) and a colon
_HEADLINE = re.compile(
    r"[ \t]*((?:[A-Z][\w’'.&-]*)(?:[ \t]+(?:[A-Z][\w’'.&-]*|of|for|and|de|van|von|bin|al)){0,3})[ \t]*:[ \t]+(?=[\w“\"‘'])"
)


_ADVERB_END = re.compile(r"\s+(?:\w+ly|also|then|later)\s+$")  # ", and specifically mentioned", "and then said"
_SO_CALLED = re.compile(r"(?<![\w’'-])[Ss]o[ -]$")  # "the so-called plan": no speech
# a transcript line: a speaker's name in capitals, a colon, what they said ("LEE: We will win.")
_TRANSCRIPT = re.compile(r"(?m)^[ \t]*([A-Z][A-Z.’'-]+(?:[ \t]+[A-Z][A-Z.’'-]+){0,2})[ \t]*:[ \t]+(?=\S)([^\n]+)")


def _transcript_claims(text: str, mentions: list[dict], claims: list[dict], quotes: list[dict]) -> list[dict]:
    """Claims of transcript lines after the first line ("TAPPER: And the polls?", "ANN COLE: We will
    win."): the capitalised name is the source (its mention when one was found there), the rest of
    the line the content, the colon the cue (lemma ":", rule ``transcript``). A label that is no name
    ("UPDATE:", "EMAIL:", not_names.txt) or a single letter ("Q:", "A:") is skipped.

    >>> [(c["source"], c["text"]) for c in _transcript_claims("Title\\nLEE PARK: We will win.", [], [], [])]
    [('Lee Park', 'We will win')]
    """
    out = []
    first_eol = text.find("\n")
    for m in _TRANSCRIPT.finditer(text, first_eol + 1 if first_eol >= 0 else len(text)):
        name = m.group(1)
        words = name.split()
        if len(name.replace(".", "")) < 2 or any(w.lower().strip(".") in _word_set("not_names.txt") for w in words):
            continue
        a, b = _trim(text, m.start(2), m.end(2))
        if b - a < 3 or any(c["start"] < b and a < c["end"] for c in claims):
            continue
        s, e = m.start(1), m.end(1)
        inside = [x for x in mentions if s <= x["start"] and x["end"] <= e and x.get("actor") is not None and x.get("how") != "pronoun"]
        if inside:
            src = inside[0]
        else:
            actor = " ".join(w.capitalize() for w in words)
            src = {
                "start": s,
                "end": e,
                "text": name,
                "actor": actor,
                "actor_id": slug(actor),
                "side": side_of(name),
                "how": "proper",
                "kind": "name",
                "gender": None,
            }
        colon = text.find(":", e, m.start(2))
        cue = {"text": ":", "lemma": ":", "start": colon, "end": colon + 1, "cue_class": "neutral"}
        out.append(_claim(text, a, b, src, cue, "transcript", quotes))
    return out


_HEADLINE_TOPIC = re.compile(r"\s+(?:On|About|Over|To|For)\s.*$")


def _headline_claims(text: str, mentions: list[dict], claims: list[dict], quotes: list[dict]) -> list[dict]:
    """A claim for a headline that attributes by a colon ("Lee: Plan will pass"): the source is the
    capitalised phrase before the colon (its mention when one was found there), the content the rest
    of the line, the colon the cue (lemma ":", rule ``headline``). Only the document's first line counts;
    a phrase whose single word is no name ("Breaking:", "Watch:", "Revealed:") or that opens with an
    article ("The Latest:") is skipped, as is a line a claim already covers.

    >>> [(c["source"], c["text"]) for c in _headline_claims("Lee Park: Budget will pass.\\nText.", [], [], [])]
    [('Lee Park', 'Budget will pass')]
    >>> _headline_claims("Breaking: Budget will pass.\\nText.", [], [], [])
    []
    """
    m = _HEADLINE.match(text)
    if not m:
        return []
    name = m.group(1)
    words = name.split()
    first = words[0].lower().strip(".")
    if first in _word_set("not_names.txt") or first in _DET_WORDS or (len(words) == 1 and first.endswith("ed")):
        return []
    eol = text.find("\n", m.end())
    eol = len(text) if eol < 0 else eol
    a, b = _trim(text, m.end(), eol)
    if len(_GAP_WORD.findall(text, a, b)) < 3 or any(c["start"] < b and a < c["end"] for c in claims):
        return []
    s, e = m.start(1), m.end(1)
    inside = [x for x in mentions if s <= x["start"] and x["end"] <= e and x.get("actor") is not None and x.get("how") != "pronoun"]
    cut = _HEADLINE_TOPIC.search(name)  # "Ann Cole On Taxes: …": the speaker stands before the topic
    if cut:
        name, e = name[: cut.start()], s + cut.start()
        inside = [x for x in inside if x["end"] <= e]
    if inside and inside[0]["start"] == s:
        src = max((x for x in inside if x["start"] == s), key=lambda x: x["end"] - x["start"])
    elif len(inside) == 1 and not cut:
        src = inside[0]
    else:
        src = {
            "start": s,
            "end": e,
            "text": name,
            "actor": name,
            "actor_id": slug(name),
            "side": side_of(name),
            "how": "proper",
            "kind": "name",
            "gender": None,
        }
    colon = text.rfind(":", e, m.end())
    cue = {"text": ":", "lemma": ":", "start": colon, "end": colon + 1, "cue_class": "neutral"}
    return [_claim(text, a, b, src, cue, "headline", quotes)]


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


_DASH = re.compile(r"[ \t]*(?:[—–―]+|--?(?=\s))[ \t]*")
_DASH_NEXT = re.compile(r"[ \t]*\n[ \t\n]*(?:[—–―]+|--?)[ \t]*(?=[A-Z])")


def _dash_speaker(text: str, q: dict, mentions: list[dict], mstarts: list[int]) -> dict | None:
    """The name right after a dash that follows the quote (“…” — Ann Cole), else None."""
    d = _DASH.match(text, q["mark_end"])
    if not d or d.end() == q["mark_end"] or not text[q["mark_end"] : d.end()].strip():
        d = _DASH_NEXT.match(text, q["mark_end"])  # the dash opens the next paragraph: “…”\n\n— Ann Cole.
        if not d:
            return None
    k = bisect.bisect_left(mstarts, d.end())
    if k < len(mentions) and mentions[k]["start"] == d.end() and mentions[k].get("actor") is not None:
        return mentions[k]
    return None


_AFTER_CLOSE = re.compile(r"['’]?[ \t\xa0]*,?[ \t\xa0]*")  # a doubled closing apostrophe ('' the note says) counts once
_INV_STOP = re.compile(r"[,;:!?“”\"(\n]|\.(?=\s+(?:[a-z]|[“\"]|$))|\s(?:who|which|on|in|at|during|after|before|to|as|while|when)\s")


@lru_cache(maxsize=1)
def _quote_verb_rx() -> re.Pattern:
    return re.compile(rf"(?<![\w’'-]){literal_alternation(read_list('quote_verbs.txt'), 'i')}(?![\w’'-])")


def _quote_verb_cues(text: str, p: int) -> list[dict]:
    """Cues of ``quote_verbs.txt`` on the line after a closing mark at ``p`` (within 120 characters).

    >>> [c["text"] for c in _quote_verb_cues("“Why?” Ann Cole pressed.", 6)]
    ['pressed']
    """
    hi = text.find("\n", p, p + 120)
    hi = p + 120 if hi < 0 else hi
    out = []
    for m in _quote_verb_rx().finditer(text, p, min(hi, len(text))):
        form = _WS.sub(" ", m.group(0).lower())
        out.append(
            {
                "start": m.start(),
                "end": m.end(),
                "text": m.group(0),
                "form": form,
                "lemma": form,
                "cue_class": "neutral",
                "addressee": False,
                "needs_quote": True,
            }
        )
    return out


def _adjacent_speaker(
    text: str, q: dict, mentions: list[dict], mstarts: list[int], cues: list[dict], cstarts: list[int]
) -> tuple[dict, dict] | None:
    """:func:`_adjacent_attribution`, unless the quote ended its sentence with a full stop and the
    verb goes on with content of its own (“….” Ann Cole said Monday she would run: a new report)."""
    found = _adjacent_attribution(text, q, mentions, mstarts, cues, cstarts)
    if found is None and (extra := _quote_verb_cues(text, q["mark_end"])):
        found = _adjacent_attribution(text, q, mentions, mstarts, extra, [c["start"] for c in extra])  # “…,” Ann Cole pressed
    if found is None or text[q["start"] : q["end"]].rstrip("”\"’' ")[-1:] not in (".", "…"):
        return found
    src, cue = found
    end = max(cue["end"], src["end"])
    t = _TIME_LEAD.match(text, end)
    rest = _stop_at_clause(text[t.end() if t else end : end + 200])
    if cue.get("addressee"):
        rest = _skip_addressee(rest)
    return found if _ATTRIBUTION_TAIL.match(rest) else None


# what may follow an attribution that closes its sentence: nothing, a comma, a circumstance or a hearer
_ATTRIBUTION_TAIL = re.compile(
    r"\s*(?:$|[,;—–(]|:(?![ \t\xa0]*[“\"‘']|[ \t\xa0]*\n)|(?:in|at|on|during|after|before|from|of|to|with|while|when|as|outside|inside|via|through|about|"
    r"afterwards?|later|earlier|again|recently|then|too|also|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday|tonight)\b)",
    re.I,
)


def _adjacent_attribution(
    text: str, q: dict, mentions: list[dict], mstarts: list[int], cues: list[dict], cstarts: list[int]
) -> tuple[dict, dict] | None:
    """(speaker, cue) of an attribution standing right after the quote's closing mark, on the same line:
    “…,” Ann Cole said / “…?” she asked / “…,” said Ann Cole, a pollster / “….” The mayor added.
    A pronoun speaker is the mention resolved in place (its antecedent). Else None.

    >>> s = "“We stay,” Ann Cole said."
    >>> ms = [{"start": 11, "end": 19, "actor": "Ann Cole", "kind": "person", "how": "proper"}]
    >>> cs = [{"start": 20, "end": 24, "text": "said", "form": "said"}]
    >>> _adjacent_attribution(s, {"mark_end": 10}, ms, [11], cs, [20])[0]["actor"]
    'Ann Cole'
    """
    p = _AFTER_CLOSE.match(text, q["mark_end"]).end()
    if p >= len(text) or text[p] in '\n“"':
        return None
    k = bisect.bisect_left(cstarts, p)
    if k < len(cues) and cues[k]["start"] == p:  # “…,” said Ann Cole
        cue = cues[k]
        stop = _INV_STOP.search(text, cue["end"], min(len(text), cue["end"] + 90))
        limit = stop.start() if stop else cue["end"] + 90
        j = bisect.bisect_left(mstarts, cue["end"])
        while j < len(mentions) and mentions[j]["start"] < limit:
            m = mentions[j]
            if m["kind"] != "place" and not text[cue["end"] : m["start"]].strip(" \t\xa0"):
                return (m, cue) if m.get("actor") is not None else None
            if m["kind"] != "place" and _DET_ONLY.match(text, cue["end"], m["start"]):
                return (m, cue) if m.get("actor") is not None else None
            j += 1
        d = _DESC_AFTER.match(text, cue["end"]) or _LONE_AFTER.match(text, cue["end"])
        if d and (j >= len(mentions) or mentions[j]["start"] >= d.end(1)):
            return _description_mention(text, d.start(1), d.end(1)), cue  # “…,” said the gambling tycoon
        # no speaker after it: the verb-like word may open the speaker's title (“…,” state Sen. Ann Cole said)
    k = bisect.bisect_left(cstarts, p)
    if k + 1 < len(cues) and cues[k]["start"] < p + 60 and not _DESC_NP.fullmatch(text, p, cues[k]["start"]):
        k += 1  # a noun that is also a verb form ("“…,” the note says"): the verb after it
    if k < len(cues) and cues[k]["start"] < p + 60:
        d = _DESC_NP.fullmatch(text, p, cues[k]["start"]) or _LONE_NP.fullmatch(text, p, cues[k]["start"])
        if d and not _CUE_WORD.search(d.group(1)):
            j = bisect.bisect_left(mstarts, p)
            inner = []
            while j < len(mentions) and mentions[j]["start"] < d.end(1):
                inner.append(mentions[j])
                j += 1
            if all(m["how"] in ("anonymous", "description") for m in inner):
                same = [m for m in inner if m["start"] == d.start(1) and m["end"] == d.end(1) and m.get("actor") is not None]
                # “…,” the real estate developer said
                return (same[0] if same else _description_mention(text, d.start(1), d.end(1))), cues[k]
    j = bisect.bisect_left(mstarts, p)
    while j < len(mentions) and mentions[j]["start"] < p + 60:
        m = mentions[j]
        if m["kind"] == "place" or not _TITLE_GAP.match(text, p, m["start"]):
            return None
        # the mention is followed, past an apposition or a time phrase, by a reporting verb
        c = bisect.bisect_left(cstarts, m["end"])
        while c < len(cues) and cues[c]["start"] < m["end"] + 170:
            cue = cues[c]
            gap = text[m["end"] : cue["start"]]
            if ((_FILLER.match(gap) or gap.strip() in _FREQUENCY) and not _BE.search(gap)) or _long_apposition(gap):
                return (m, cue) if m.get("actor") is not None else None
            c += 1
        j += 1  # a title, a nested or an adjoining mention ("Acme senior adviser Ann Cole said")
    return None


# a descriptive speaker right before or after the verb: "the real estate developer", "one user", "another voter"
_DESC_NP = re.compile(
    r"[ \t\xa0]*((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)(?:[ \t\xa0]+[\w’'.-]+){1,5}?)"
    r"(?=[ \t\xa0]*(?:[,.;:!?]|$|[ \t\xa0]\w))[ \t\xa0]*"
)
_STOP_WORDS = r"(?:who|which|that|to|in|on|at|of|for|with|and|but|was|were|is|are|has|had|have|after|before|during|while|as)"
# a descriptive speaker after the verb, up to punctuation or a preposition/relative word: "said the gambling tycoon in …"
_DESC_AFTER = re.compile(
    rf"[ \t\xa0]+((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his)(?:[ \t\xa0]+(?!{_STOP_WORDS}\b)[\w’'-]+){{1,5}})"
    rf"(?=[ \t\xa0]*(?:[,.;:!?]|$)|[ \t\xa0]+{_STOP_WORDS}\b)"
)
_CUE_WORD = re.compile(r"\b(?:who|which|that|to|in|on|at|of|for|with|and|but|was|were|is|are|has|had|have)\b", re.I)
# a lone "another" / "one" as the speaker of a quote in a series: “…,” tweeted another. / “…,” one wrote.
_LONE_AFTER = re.compile(r"[ \t\xa0]+([Aa]nother|[Oo]ne)(?=[ \t\xa0]*(?:[,.;:!?]|$))")
_LONE_NP = re.compile(r"[ \t\xa0]*([Aa]nother|[Oo]ne)[ \t\xa0]+")
# between a name and its verb: a party label, an affiliation ("of the Center for Roads Policy"), up to
# three comma-bounded appositions ("Ann Cole, 67, a retired clerk in Salem, Ore.,") and "is quoted as"
_LONG_APPOSITION = re.compile(
    r"""[ \t\xa0]*(?:\([A-Z][\w.-]{0,12}\)[ \t\xa0]*)?
    (?:(?:of|from|at|with)[ \t\xa0]+(?:the[ \t\xa0]+)?[A-Z][\w.’'&-]*(?:[ \t\xa0]+(?:(?:of|for|and|on|the|&)[ \t\xa0]+)*[A-Z][\w.’'&-]*){0,7}[ \t\xa0]*)?
    (?:,(?:[^,;:“”"«»\n]{1,100}?,){1,3}[ \t\xa0]*)?
    (?:(?:is|was)[ \t\xa0]+quoted[ \t\xa0]+as[ \t\xa0]+|(?:also|later|then|again|\w+ly)[ \t\xa0]+)?$""",
    re.X,
)


def _long_apposition(gap: str) -> bool:
    """True when ``gap`` (between a name and a reporting verb after a quote) is an affiliation, a
    party label, appositions or "is quoted as" and nothing else — at least one of them, no clause.

    >>> _long_apposition(" of the Center for Roads Policy ")
    True
    >>> _long_apposition(", 67, a retired clerk in Salem, Ore., ")
    True
    >>> _long_apposition(" is quoted as "), _long_apposition(" wants the city to "), _long_apposition(" ")
    (True, False, False)
    """
    return bool(gap.strip()) and _LONG_APPOSITION.match(gap) is not None


def _description_mention(text: str, a: int, b: int) -> dict:
    """A descriptive speaker found next to an attribution verb ("the real estate developer"):
    an anonymous source of its own (no one is assumed), like an unresolved description.

    >>> _description_mention("the old mayor said", 0, 13)["actor"]
    'the old mayor'
    """
    desc = _WS.sub(" ", text[a:b])
    desc = desc[0].lower() + desc[1:]
    return {**_anonymous_mention(a, b, text[a:b], desc), "side": None, "in_quote": False}


_FREQUENCY = frozenset(("often", "still", "now", "sometimes", "always", "once", "even", "just", "soon"))
_DET_ONLY = re.compile(r"[ \t\xa0]+(?:the|a|an)[ \t\xa0]+(?=\S)", re.I)
_TITLE_GAP = re.compile(r"(?:(?:the|a|an|[A-Z][\w.’'-]*|[a-z][\w’'-]*)[ \t\xa0]+){0,6}$|$")


# what may stand before a name that a colon labels as the speaker: a line start, a dash, "from"
_LABEL_BEFORE = re.compile(r"(?:^|\n|[—–―]|\s-|\bfrom)\s*$")


def _colon_subject(text: str, q: dict, units, ustarts: list[int], mentions: list[dict], mstarts: list[int]) -> dict | None:
    """The subject of the sentence whose colon introduces quote ``q`` ("Lee continued:\n\n“…”"), else None."""
    i = q["mark_start"] - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or text[i] != ":" or q["mark_start"] - i > 6:
        return None
    k = bisect.bisect_right(ustarts, i) - 1
    if k < 0:
        return None
    lo = _after_intro(text, units[k][0], i)
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, i)
    if j1 > 0 and mentions[j1 - 1]["end"] <= i and not text[mentions[j1 - 1]["end"] : i].strip():
        # "HEADLINE — Ann Cole: “…”", "More from Ann Cole and Tomas Berg: “…”": the name the colon labels
        j = j1 - 1
        while j > 0 and text[mentions[j - 1]["end"] : mentions[j]["start"]].strip() in ("and", "&", ","):
            j -= 1
        first = mentions[j]
        if (
            first.get("actor") is not None
            and first["kind"] not in ("place", "country")
            and _LABEL_BEFORE.search(text, max(0, first["start"] - 12), first["start"])
        ):
            return first
    for m in mentions[j0:j1]:
        if m.get("in_quote") or m.get("actor") is None or m["kind"] == "place" or _lone_capital(text, lo, m):
            continue  # "Growing louder, Ann Cole went on: …": a capitalised sentence word is no subject
        if _subject_position(text, lo, m):
            return m
        break
    if j1 > j0 and (m := mentions[j1 - 1])["end"] <= i and not text[m["end"] : i].strip():
        if m.get("actor") is not None and m["kind"] == "person" and not m.get("in_quote"):
            return m  # "… does not surprise pollster Ann Cole: “…”": the person the colon labels
    return None


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


def _inside_any_mark(text: str, pos: int, lo: int) -> bool:
    """True when an odd number of double quote marks stands between ``lo`` and ``pos`` (pos is inside a quote)."""
    return sum(text.count(ch, lo, pos) for ch in '“”"') % 2 == 1


_RELATIVE_BEFORE = re.compile(r"[ \t\xa0]*,?[ \t\xa0]*\b(?:who|which)[ \t\xa0]+(?:(?:also|later|then|once|had|has|have|\w+ly)[ \t\xa0]+)?$")
_ABSOLUTE_BEFORE = re.compile(r"(?:[—–]|\b(?:with|without))\s*$")


def _participle_subject(text: str, lo: int, cue: dict, unit_m: list[dict]) -> dict | None:
    """The name right before a reporting participle that opens an absolute clause ("…, with Ann Cole
    calling it “a mess”", "… — Ann Cole saying “…”"), else None.

    >>> s = "The talks ended, with Ann Cole calling it “a mess.”"
    >>> m = {"start": 22, "end": 30, "actor": "Ann Cole", "kind": "person"}
    >>> _participle_subject(s, 0, {"start": 31, "text": "calling"}, [m])["actor"]
    'Ann Cole'
    """
    if not cue["text"].lower().endswith("ing"):
        return None
    k = len(unit_m) - 1
    while k >= 0 and unit_m[k]["end"] > cue["start"]:
        k -= 1
    if k < 0:
        return None
    m = unit_m[k]
    gap = text[m["end"] : cue["start"]]
    if gap.strip() and not (gap.strip().endswith("ly") and " " not in gap.strip()):
        return None
    if m.get("actor") is None or m["kind"] in ("place", "country") or m.get("in_quote"):
        return None
    return m if _ABSOLUTE_BEFORE.search(_strip_title_words(_drop_det(text[lo : m["start"]]))) else None


def _sentence_cue_speaker(text: str, q: dict, units, ustarts, mentions, mstarts, cues, cstarts) -> tuple[dict, dict] | None:
    """(source, cue) of the nearest reporting verb before the quote in its own sentence, when a
    source stands before that verb ("Lee wrote to his followers, “…”", "what Lee called “…”", "…, with
    Lee calling it “…”"), else None."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = units[k][0]
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, q["mark_start"])
    unit_m = [m for m in mentions[j0:j1] if not m.get("in_quote")]
    c0, c1 = bisect.bisect_left(cstarts, lo), bisect.bisect_left(cstarts, q["mark_start"])
    for cue in reversed(cues[c0:c1]):
        if _inside_any_mark(text, cue["start"], lo) or cue["form"] in _NOUNLIKE:
            continue
        if (ps := _participle_subject(text, lo, cue, unit_m)) is not None:
            return ps, cue  # "…, with Ann Cole calling it “a mess”"
        rel = _RELATIVE_BEFORE.search(text, max(lo, cue["start"] - 40), cue["start"])
        if rel:
            k2 = bisect.bisect_right([m["end"] for m in unit_m], rel.start()) - 1
            if (
                k2 >= 0
                and unit_m[k2]["actor"] is not None
                and unit_m[k2]["kind"] != "place"
                and not text[unit_m[k2]["end"] : rel.start()].strip(" ,")
            ):
                return unit_m[k2], cue  # "…, Ann Cole Jr., who suggested that Berg was “…”": the relative pronoun's antecedent
        left = _leftward_source(text, lo, cue, unit_m)
        if left and left[0].get("actor") is not None:
            return left[0], cue
        a = max(lo, cue["start"] - 70)
        d = _DESC_BEFORE.search(text[a : cue["start"]])  # a slice: ^ is the sentence start when a == lo
        if d and cue["text"].lower().endswith("ing") and _ends_with_verb(d.group(1)):
            d = None  # "as the meeting began, vowing …": a clause, not a phrase
        if d and (a == lo or d.start(1) > 0) and not _CUE_WORD.search(d.group(1)) and not _BE.search(d.group(0)):
            ds, de = a + d.start(1), a + d.end(1)
            inner = [m for m in unit_m if m["start"] < de and m["end"] > ds]
            if all(m["how"] in ("anonymous", "description") for m in inner):
                return _description_mention(text, ds, de), cue  # "the officer said that “…”", "Another voter wrote: “…”"
        return None
    return None


# "As Ann Cole put it, “…”", "…, as one diplomat put it, an “…”": the speaker of the words that follow
_PUT_IT = re.compile(
    r"(?<![\w’'-])[Aa]s[ \t\xa0]+(?P<who>[^;:!?“”\"«»\n]{2,120}?)[ \t\xa0]+(?:(?:once|later|memorably|so|aptly|recently|has|had|\w+ly)[ \t\xa0]+)?"
    r"(?:put|puts)[ \t\xa0]+it\b[,:]?[^.;:!?“”\"«»\n]{0,40}$"
    r"|(?<![\w’'-])[Ii]n[ \t\xa0]+the[ \t\xa0]+words[ \t\xa0]+of[ \t\xa0]+(?P<who2>[^;:!?“”\"«»\n]{2,100}?)[ \t\xa0]*,[ \t\xa0]*(?:[^.;:!?“”\"«»\n,]{0,40})$"
)


def _put_it_speaker(text: str, q: dict, units, ustarts, mentions, mstarts) -> dict | None:
    """The speaker of "as X put it" / "in the words of X," right before the quote in its sentence: the first mention that
    opens X (past title words), else X itself as a descriptive speaker when it opens with a
    determiner, else None.

    >>> s = "It was, as one old diplomat put it, “a makeover.”"
    >>> _put_it_speaker(s, {"mark_start": 36}, [(0, 49, 0)], [0], [], [])["actor"]
    'one old diplomat'
    """
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = units[k][0]
    d = _PUT_IT.search(text, max(lo, q["mark_start"] - 200), q["mark_start"])
    if not d:
        return None
    a, b = d.span("who") if d.group("who") is not None else d.span("who2")
    for m in mentions[bisect.bisect_left(mstarts, a) : bisect.bisect_left(mstarts, b)]:
        if text.startswith(("’s ", "'s "), m["end"]):
            continue  # "As The Post’s Ann Cole puts it": the outlet owns the name after it
        if m.get("actor") is not None and m["kind"] != "place" and not _strip_title_words(_drop_det(text[a : m["start"]])).strip(" ,’'s"):
            return m
        break
    if text[a:b].split()[0].lower() in _DET_WORDS and len(text[a:b].split()) <= 6:
        return _description_mention(text, a, b)
    return None


@lru_cache(maxsize=1)
def _possessive_rx() -> re.Pattern:
    nouns = literal_alternation(read_list("speech_nouns.txt"), "i")
    return re.compile(
        rf"(?P<poss>\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)|[’']s)[ \t\xa0]+(?:[\w-]+[ \t\xa0]+){{0,2}}?{nouns}\b"
        r"(?:[ \t\xa0]+(?:that|of|for|to|on|about)\b[^.;:!?“”\"«»\n]{0,60}|[ \t\xa0]*,?[ \t\xa0]*)$"
    )


_POSS_KIND = {"his": ("person", "male"), "her": ("person", "female"), "their": ("group", "any"), "its": ("organization", "any")}


def _possessive_speaker(text: str, q: dict, units, ustarts, mentions, mstarts) -> dict | None:
    """The possessor of a speech noun that introduces the quote in its clause ("her remark that “…”",
    "Ann Cole’s claim that “…”", "his call for “…”"): the name before the possessive ’s, or the
    possessive pronoun (its span) resolved to the nearest compatible subject before it, else None.

    >>> s = "Ann Cole spoke. Critics mocked her claim that “roads are free.”"
    >>> ms = [{"start": 0, "end": 8, "actor": "Ann Cole", "kind": "person", "gender": "female", "how": "proper"},
    ...       {"start": 16, "end": 23, "actor": "critics", "kind": "anonymous", "gender": None, "how": "anonymous"}]
    >>> m = _possessive_speaker(s, {"mark_start": 46}, [(0, 15, 0), (16, 63, 0)], [0, 16], ms, [0, 16])
    >>> m["actor"], s[m["start"] : m["end"]]
    ('Ann Cole', 'her')
    """
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = units[k][0]
    a = max(lo, q["mark_start"] - 120)
    d = _possessive_rx().search(text, a, q["mark_start"])
    if not d or _inside_any_mark(text, d.start(), lo):
        return None
    ps = d.start("poss")
    if text[ps] in "’'":
        j = bisect.bisect_left(mstarts, ps) - 1
        if j >= 0 and mentions[j]["end"] == ps and mentions[j].get("actor") is not None and mentions[j]["kind"] != "place":
            return mentions[j]
        return None
    kind, gender = _POSS_KIND[d.group("poss").lower()]
    pron = {"kind": kind, "gender": gender, "how": "pronoun", "start": ps}
    ref = None
    for kk in range(k, max(-1, k - 4), -1):
        ulo, uhi, _ = units[kk]
        if kk < k and units[kk][2] < units[k][2] - 1:
            break
        cands = [
            m
            for m in mentions[bisect.bisect_left(mstarts, ulo) : bisect.bisect_left(mstarts, min(uhi, ps))]
            if not m.get("in_quote") and m["how"] != "pronoun" and compatible(pron, m) and _subject_position(text, ulo, m)
        ]
        if cands:
            ref = cands[0]
            break
    if ref is None:
        return None
    return dict(ref, start=ps, end=d.end("poss"), text=d.group("poss"), how="pronoun", ref=ref)


def _ends_with_verb(phrase: str) -> bool:
    """True when the last word of ``phrase`` is a finite verb form ("the polls closed").

    >>> _ends_with_verb("the polls closed"), _ends_with_verb("the county board")
    (True, False)
    """
    last = phrase.split()[-1].lower()
    return last in _subject_verbs() or (last.endswith("ed") and len(last) > 4) or last in _linking_verbs()


# a descriptive subject right before a verb, opening its clause ("…, the officer said that", "the foundation predicts")
_DESC_BEFORE = re.compile(
    r"(?:^|(?<=[,;:(—–])\s*|(?<=\bthat\s)|(?<=\band\s)|(?<=\bbut\s)|(?<=\bwhen\s)|(?<=\bas\s)|(?<=^[“\"‘]))"
    r"((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)(?:[ \t\xa0]+(?!(?:so|that|and|but|who|which|when|as|to|in|on|at|of|for|with|was|were|is|are|has|had|have)\b)[\w’'.-]+){1,5}?)"
    r"[ \t\xa0]+(?:\w+ly[ \t\xa0]+)?$"
)


def _sentence_subject(text: str, q: dict, units, ustarts: list[int], mentions: list[dict], mstarts: list[int]) -> dict | None:
    """The subject of the sentence a quote stands in, when it comes before the quote
    ("Lee labelled the plan “a blatant grab”"), else None."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = units[k][0]
    lo = _after_intro(text, lo, q["mark_start"])  # "In granting the request, a judge found …": the subject follows the comma
    j0, j1 = bisect.bisect_left(mstarts, lo), bisect.bisect_left(mstarts, q["mark_start"])
    skipped = False
    for m in mentions[j0:j1]:
        if m.get("in_quote"):
            continue
        if _lone_capital(text, lo, m):
            continue  # "Shortly, …", "Reprising …": a capitalised sentence word, no name
        if (
            m.get("actor") is not None
            and m["kind"] not in ("country", "place")
            and _subject_position(text, lo, m)
            and (not skipped or _COMMA_BEFORE.search(_strip_title_words(text[max(lo, m["start"] - 60) : m["start"]])))
        ):
            if m["start"] > lo + 8 and (d := _desc_subject(text, lo, m["start"])) is not None:
                return _later_clause_subject(text, lo, q, mentions[j0:j1], m) or d
            return _later_clause_subject(text, lo, q, mentions[j0:j1], m) or m
        if m["kind"] in ("country", "place") or not _subject_position(text, lo, m):
            skipped = True  # "on the steps of the Ohio statehouse, Lee …": past a place or a preposition's object,
            continue  # the subject opens the clause after a comma
        break
    return None


# a word that opens a clause of its own inside a sentence: its subject follows
_CLAUSE_OPENER = re.compile(r"(?:\b(?:while|whereas|when|after|before|because|although|though|since|but)|[;—–])\s*$")
_VERB_AFTER = re.compile(
    r"[ \t\xa0]+(?:(?:also|then|later|now|once|still|often|\w+ly|had|has|have|would|will|could|did|was|were|is|are)[ \t\xa0]+)*([a-z]+)\b"
)


def _later_clause_subject(text: str, lo: int, q: dict, unit_m: list[dict], first: dict) -> dict | None:
    """The subject of the last clause before the quote, when a clause word opens it after the sentence's
    subject ``first`` ("Jindal signed an order, while Ann Cole, the former governor, proposed “…”"), else None."""
    best = None
    for m in unit_m:
        if m["start"] <= first["end"] or m["end"] > q["mark_start"] or m.get("in_quote"):
            continue
        if m.get("actor") is None or m["kind"] in ("country", "place"):
            continue
        pre = _strip_title_words(_drop_det(text[max(lo, m["start"] - 60) : m["start"]]))
        if not _CLAUSE_OPENER.search(pre):
            continue
        gap_end = m["end"]
        ap = _APPOSED.match(text, gap_end)
        if ap:
            gap_end = ap.end()
        v = _VERB_AFTER.match(text, gap_end)
        if v and v.group(1) not in PREPOSITIONS and v.group(1) not in _RELATIVE and v.end() <= q["mark_start"]:
            best = m
    return best


_APPOSED = re.compile(r",[^,;:“”\"«»\n]{1,80},")


@lru_cache(maxsize=1)
def _subject_verbs() -> frozenset:
    return frozenset(read_list("subject_verbs.txt"))


@lru_cache(maxsize=1)
def _linking_verbs() -> frozenset:
    return frozenset(read_list("linking_verbs.txt"))


_SUBJ_DET = frozenset("the a an his her its their this that one another".split())
_SUBJ_WORD = re.compile(r"[\s“\"‘'(]*([A-Za-z][\w’'-]*)")
_SUBJ_SKIP = frozenset("now also still often then later again even just already never not so".split())


def _desc_subject(text: str, lo: int, hi: int) -> dict | None:
    """A determiner noun phrase (two to five words) opening the clause ``text[lo:hi]`` and followed by a
    finite verb ("The county board voted …", "His office put out …"): a descriptive speaker, else None.

    >>> s = "The county board voted for a plan it called “a fair deal.”"
    >>> _desc_subject(s, 0, s.index("“"))["actor"]
    'the county board'
    >>> _desc_subject("The man in Dover saw it.", 0, 20) is None
    True
    """
    words = []
    p = lo
    while len(words) < 7:
        w = _SUBJ_WORD.match(text, p, hi)
        if not w:
            break
        words.append((w.start(1), w.end(1), w.group(1)))
        p = w.end()
    if len(words) < 3 or words[0][2].lower() not in _SUBJ_DET:
        return None
    verbs, clause = _subject_verbs(), _clause_words()
    for i in range(1, min(5, len(words) - 1)):
        w = words[i][2].lower()
        if w in PREPOSITIONS or w in clause or w in _RELATIVE or w in _SUBJ_SKIP or w.endswith("ly") or w in verbs:
            return None
        if text[words[i - 1][1] : words[i][0]].strip():
            return None  # punctuation inside the phrase
        j = i + 1
        while j < len(words) - 1 and (words[j][2].lower() in _SUBJ_SKIP or words[j][2].lower().endswith("ly")):
            j += 1
        if text[words[i][1] : words[j][0]].strip(" \t\xa0"):
            return None
        v = words[j][2]
        lv = v.lower()
        if not v[:1].islower():
            continue
        if lv in _linking_verbs():
            return None  # "The end result appears to be …": described, not heard
        if (
            lv in verbs
            or (lv.endswith("ed") and len(lv) > 4)
            or (lv.endswith("s") and not lv.endswith(("ss", "us", "is")) and not w.endswith("s"))
        ):
            nxt = [x[2].lower() for x in words[j + 1 :] if x[2].lower() not in _SUBJ_SKIP and not x[2].lower().endswith("ly")][:1]
            if lv in _BE_FORMS and not (nxt and nxt[0].endswith("ing")):
                return None  # "The show was named …", "The answer was not …": a state, not a speaker ("is calling" is)
            if lv in _MODALS and nxt and nxt[0] == "be":
                return None  # "The project will be dubbed …": a passive
            return _description_mention(text, words[0][0], words[i][1])
    return None


_BE_FORMS = frozenset("is are was were".split())
_MODALS = frozenset("will would can could should may might must".split())


def _phrase_subject(text: str, q: dict, units, ustarts: list[int]) -> dict | None:
    """:func:`_desc_subject` of the quote's sentence (after an introductory phrase), when it stands before the quote."""
    k = bisect.bisect_right(ustarts, q["mark_start"]) - 1
    if k < 0:
        return None
    lo = _after_intro(text, units[k][0], q["mark_start"])
    d = _desc_subject(text, lo, q["mark_start"])
    return d if d is not None and d["end"] < q["mark_start"] else None


# a news dateline opening a paragraph: PLACE IN CAPITALS[, State.][, Mon. D] [(Agency)] and a dash
_DATELINE = re.compile(
    r"[\s“\"]*[A-Z][A-Z.’'-]+(?:[ \t][A-Z][A-Z.’'-]+){0,3}(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?)?"
    r"(?:,?[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^()\n]{1,40}\))?[ \t]*(?:—|–|--?|―)[ \t]*(?=[A-Z“\"])"
)
_INTRO_WORDS = PREPOSITIONS | frozenset(
    "while when whenever after before as although though because if since unless once until given despite amid "
    "asked speaking pressed responding".split()
)
_FIRST_WORD = re.compile(r"[\s“\"‘'(—–-]*(?:(?:And|But|So|Yet|Still|Then|Now|Also)\b,?\s+)?([A-Za-z]+)")


def _after_intro(text: str, lo: int, hi: int) -> int:
    """Where the main clause of the sentence ``text[lo:hi]`` starts: after an introductory phrase that
    opens with a preposition or a subordinating word and ends with a comma ("After the vote in Ohio, Lee …");
    else ``lo``.

    >>> s = "After the vote in Ohio, Ann Cole called it “a fraud.”"
    >>> s[_after_intro(s, 0, s.index("“")):]
    'Ann Cole called it “a fraud.”'
    >>> s = "DOVER, Del., Aug. 9 (Wire) — The party leader backed Tom Reed."
    >>> s[_after_intro(s, 0, len(s)):]
    'The party leader backed Tom Reed.'
    """
    d = _DATELINE.match(text, lo, hi)
    if d is not None:
        lo = d.end()  # "PARIS, Aug. 9 (Agency) — The party leader …": the sentence starts after the dateline
    w = _FIRST_WORD.match(text, lo, hi)
    if not w or w.group(1).lower() not in _INTRO_WORDS:
        return lo
    comma = _comma_outside_quotes(text, w.end(), hi)
    if comma is None:
        return lo
    p = comma + 1
    while p < hi and text[p].isspace():
        p += 1
    return p


def _after_dateline(text: str, lo: int, hi: int) -> int:
    """Where ``text[lo:hi]`` starts past a news dateline ("PARIS (Wire) — "), else ``lo``."""
    d = _DATELINE.match(text, lo, hi)
    return d.end() if d is not None else lo


def _lone_capital(text: str, lo: int, m: dict) -> bool:
    """True for a one-word name of unknown kind that opens its sentence and occurs nowhere else in
    the text: more likely a capitalised sentence word ("Moreover", "Reprising") than a speaker.

    >>> s = "Reprising an old line, Ann Cole spoke."
    >>> _lone_capital(s, 0, {"start": 0, "end": 9, "kind": "name", "how": "proper"})
    True
    """
    if m["kind"] != "name" or m.get("how") != "proper" or " " in text[m["start"] : m["end"]]:
        return False
    if text[lo : m["start"]].strip(" \t\n“\"‘'(—–-"):
        return False
    return text.count(text[m["start"] : m["end"]]) < 2


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
        elif q["kind"] != "term" and (adj := _adjacent_speaker(text, q, mentions or [], mstarts, cues, cstarts)) is not None:
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
            and (prev["para"] == p or (prev["para"] == p - 1 and p not in cue_paras and _opens_paragraph(text, q)))
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
