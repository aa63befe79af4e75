"""Cues: the reporting-verb lexicon and where its forms stand in a text.

A *cue* is one occurrence of a form of ``resources/reporting_verbs.tsv`` (lemma, class, whether the
verb takes a hearer, whether it counts only next to a quote). This module reads the lexicon
(:func:`cue_lexicon`, :func:`cue_pattern`, :func:`cue_regex`) and finds cues (:func:`find_cues`,
:func:`cues_of_matches`: forms that need a quote and have none are dropped). It also holds what the
claim rules ask about a cue form: noun-like forms (``NOUNLIKE``: "claims", "reports"), a form a
determiner or a possessive makes a noun (``noun_before``), an inflected form that can have a subject
of its own (``finite_cue``), a verb between two offsets (``cue_between``); the quote-only verbs of
``quote_verbs.txt`` (``quote_verb_cues``, quote rule ``adjacent``); and the readers of the closed word
lists every claim module consults (``word_group``; single lists through ``analysis.core.resources.word_set``).

The lowest of the claim modules (:mod:`analysis.extraction.claims`): it imports none of the others.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.resources import read_list, read_tsv, word_set
from .actors import literal_alternation

if TYPE_CHECKING:  # typing only: no import at run time
    from .types import Cue

__all__ = [
    "cue_lexicon",
    "cue_pattern",
    "cue_first_words",
    "cue_regex",
    "find_cues",
    "cues_of_matches",
    "NOUNLIKE",
    "QUOTE_BEFORE",
    "WS",
    "cue_between",
    "cue_rx",
    "finite_cue",
    "noun_before",
    "quote_verb_cues",
    "word_group",
]

# Forms that are more often nouns: only a cue when a source stands right before them.
NOUNLIKE = frozenset(
    "claims reports states protests objects answers comments remarks posts promises pledges vows "
    "demands appeals notes calls for calls on estimates".split(" ")
) | {"calls for", "calls on"}


def noun_before(before: str) -> bool:
    """True when a determiner or a possessive ends ``before``: the cue form after it is a noun ("the report",
    "her claim", "Lee’s remarks"; not "he’s said", "that’s according to", where "’s" is "is" or "has").

    >>> noun_before("drew fire for his "), noun_before("Lee’s "), noun_before("And he’s ")
    (True, True, False)
    """
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 1)
    w = words[-1] if words else ""
    if w.lower() in word_group("noun_determiner") and w in (w.lower(), w.capitalize()):
        return True
    if len(w) > 2 and w[-1] == "s" and w[-2] in "’'" and (w[-3].isalnum() or w[-3] == "_"):
        k = len(w) - 2
        while k and (w[k - 1].isalnum() or w[k - 1] == "_"):
            k -= 1
        return w[k:-2].lower() not in word_group("contracted")
    return False


WS = re.compile(r"\s+")


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
def cue_rx() -> re.Pattern:
    return re.compile(rf"(?<![\w’'-]){cue_pattern()}(?![\w’'-])")


@lru_cache(maxsize=1)
def cue_first_words() -> frozenset:
    """Lower-case first words of the cue forms (to find candidate positions fast)."""
    return frozenset(f.split()[0] for f in cue_lexicon())


def cue_regex() -> re.Pattern:
    """Compiled pattern of every cue form (case-insensitive, whole words)."""
    return cue_rx()


def find_cues(text: str, lo: int = 0, hi: int | None = None, positions: list[int] | None = None) -> list[Cue]:
    """Reporting-verb cues in ``text[lo:hi]`` with lemma and class.

    >>> [(c["text"], c["lemma"]) for c in find_cues("Cole told reporters she was pointing out facts.")]
    [('told', 'tell'), ('pointing out', 'point out')]
    """
    hi = len(text) if hi is None else hi
    rx = cue_rx()
    found = rx.finditer(text, lo, hi) if positions is None else (rx.match(text, p) for p in positions if lo <= p < hi)
    return cues_of_matches(text, [m for m in found if m is not None])


def cues_of_matches(text: str, matches: list[re.Match]) -> list[Cue]:
    """The cues of :func:`find_cues` from matches of :func:`cue_regex` in ``text`` (cue forms that need a quote and have none dropped)."""
    out = []
    for m in matches:
        form = WS.sub(" ", m.group(0).lower())
        info = cue_lexicon()[form]
        if (
            info["needs_quote"]
            and not _QUOTE_SOON.match(text, m.end(), min(len(text), m.end() + 90))
            and not QUOTE_BEFORE.search(text, max(0, m.start() - 50), m.start())
            and not (
                info["lemma"] in word_set("naming_cues.txt")
                and (
                    _naming_rx().match(text, m.end(), min(len(text), m.end() + 90))
                    or _RELATIVE_GAP.search(text, max(0, m.start() - 60), m.start())  # "what economists call spending"
                )
            )
            and not _THAT_NEXT.match(text, m.end())  # "agreed that …", "concluded that …", "charged that …"
            and not (info["lemma"] in word_set("infinitive_cues.txt") and text.startswith(" to ", m.end()))
        ):
            continue  # “…,” Lee continued: the quote may also stand right before the verb and its source
        out.append({"start": m.start(), "end": m.end(), "text": m.group(0), "form": form, **info})
    return out


@lru_cache(maxsize=16)
def word_group(name: str) -> frozenset:
    """The lower-case words of one set of ``claim_function_words.tsv`` (closed-class words).

    >>> sorted(word_group("demonstrative_head"))
    ['these', 'those']
    """
    return frozenset(r["word"].lower() for r in read_tsv("claim_function_words.tsv") if r["set"] == name)


def finite_cue(text: str, cue: dict) -> bool:
    """True when the cue is an inflected verb form that can have a subject of its own ("said", "says",
    "warned"), not a base form that is often a noun or an imperative ("note", "tweet", "ask"), a
    participle, or a passive or attributive use ("reported by", "pledged delegates" stay out only
    when "by" follows).

    >>> finite_cue("Each side said so.", {"form": "said", "lemma": "say", "end": 14})
    True
    >>> finite_cue("It was first reported by a paper.", {"form": "reported", "lemma": "report", "end": 21})
    False
    """
    form = cue["form"]
    head = form.split(" ", 1)[0]  # "called for", "pointed out": the verb of a phrasal form
    if form in NOUNLIKE or (form == cue["lemma"] and form not in word_set("cue_verb_first.txt")) or head.endswith("ing"):
        return False
    if " " in form and (head == cue["lemma"].split(" ", 1)[0] or form == "according to"):
        return False  # "call for", "go on": a base form, often a noun or an imperative
    return not text.startswith((" by ", " by\n"), cue["end"])


def cue_between(text: str, a: int, b: int) -> bool:
    """True when a reporting verb (not a noun-like form) stands in ``text[a:b]``."""
    return any(WS.sub(" ", c.group(0).lower()) not in NOUNLIKE for c in cue_rx().finditer(text, a, b))


QUOTE_BEFORE = re.compile(
    r"[,.!?…](?:[”\"»’]|'')\s+(?:(?:(?:[A-Z][\w.’'-]*|he|she|they|we|it)\s+){0,4}"
    r"|(?:[Tt]he|an?|one|another|this|his|her|their|some|many|several|most|all|both|dozens\s+of|hundreds\s+of)\s+(?:[\w’'-]+\s+){1,6}"
    r"|(?:[a-z][\w’'-]+\s+)?[a-z][\w’'-]+s\s+)$"  # “…,” the man shouted; “…,” some voters chanted; “…,” angry fans chanted
)
_QUOTE_SOON = re.compile(r"[^.!?;“”\"«»\n]{0,80}?(?:[“\"«]|'')")
_THAT_NEXT = re.compile(r"\s+that\s+(?!(?:night|day|week|morning|evening|afternoon|year|month|time|weekend)\b)")


# what follows a naming verb that names ("called it a sham", "called the plan a disaster", "called him weak");
# the words that cannot follow a pronoun object as its complement, or a name as its complement, are the sets
# naming_particle and naming_not_complement of claim_function_words.tsv
@lru_cache(maxsize=1)
def _naming_rx() -> re.Pattern:
    """The pattern of what a naming verb's object and complement look like, right after the verb.

    >>> bool(_naming_rx().match(" the plan a disaster")), bool(_naming_rx().match(" him back"))
    (True, False)
    """
    particle = "|".join(sorted(word_group("naming_particle"), key=lambda w: (-len(w), w)))
    not_complement = "|".join(sorted(word_group("naming_not_complement"), key=lambda w: (-len(w), w)))
    return re.compile(
        rf"\s+(?:(?:it|him|her|them|himself|herself|themselves|this|that)\s+(?!(?:{particle})\b)[a-z]"
        r"|(?:the|his|her|their|its|this|that)\s+(?:[\w’'-]+\s+){1,4}?(?:a|an|the)\s+[\w’'-]+"
        # a capitalised name and its complement ("called Lee Park a fraud", "calls Ohio her home", "called Lee unfit")
        r"|(?:(?:Mr|Mrs|Ms|Dr)\.\s+)?(?:[A-Z][\w’'-]*\s+){1,4}(?:(?:a|an|the|his|her|their|its|our|my)\s+[\w’'-]+|"
        rf"(?!(?:{not_complement})\b)"
        r"[a-z][\w’'-]*+(?<!ly)(?!\s+to\b)))"
    )


# "what"/"which"/"whom" and a short subject right before a naming verb: the object gap is what is named
_RELATIVE_GAP = re.compile(r"\b(?:[Ww]hat|[Ww]hich|[Ww]hom)\s+(?:[\w’'.-]+\s+){1,5}$")


@lru_cache(maxsize=1)
def _quote_verb_rx() -> re.Pattern:
    return re.compile(rf"(?<![\w’'-]){literal_alternation(read_list('quote_verbs.txt'), 'i')}(?![\w’'-])")


def quote_verb_cues(text: str, p: int) -> list[dict]:
    """Cues of ``quote_verbs.txt`` on the line after a closing mark at ``p`` (within 120 characters).

    >>> [c["text"] for c in quote_verb_cues("“Why?” Ann Cole pressed.", 6)]
    ['pressed']
    """
    hi = text.find("\n", p, p + 120)
    hi = p + 120 if hi < 0 else hi
    out = []
    for m in _quote_verb_rx().finditer(text, p, min(hi, len(text))):
        form = WS.sub(" ", m.group(0).lower())
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
