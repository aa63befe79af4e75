"""Descriptive sources: actors a text names by a description rather than a name.

* ``org pattern``: a country word and an organisation noun from ``resources/org_heads.txt``
  ("the Chinese Foreign Ministry"), an organisation named "<demonym> <noun>";
* ``anonymous``: an unnamed source whose head noun is in ``resources/anonymous_sources.txt``,
  with its determiners, modifiers (``source_modifiers.txt``, number words, country words)
  and a short prepositional phrase before a reporting verb ("a senior Turkish official",
  "advocates for stem cell research said"), named by its description, side from its
  country word;
* ``description``: a definite description ("the German minister", "the spokeswoman",
  ``org_descriptions.txt``) that stands for a person or organisation named earlier; it
  resolves like a pronoun (:func:`analysis.extraction.pronouns.compatible`).

>>> [(m["text"], m["side"]) for m in anon_mentions("Two senior Turkish officials said so.", [19])]
[('Two senior Turkish officials', 'Turkey')]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core.resources import read_list, read_tsv, word_set
from .names import NOT_NAME, SP
from .registry import WS, literal_alternation, mention_record, side_before, side_of, side_word, side_words, slug

if TYPE_CHECKING:  # typing only: no import at run time
    from .types import Mention

__all__ = ["find_descriptions", "anon_mentions", "org_mentions"]

# words between "the" and the title of a definite description ("the former president")
_DESC_MODS = r"former|then|new|top|longtime|veteran|current|acting|outgoing|incoming|presidential|Republican|Democratic|GOP|party|senior"

_alt = literal_alternation  # the short name the patterns below use


@lru_cache(maxsize=1)
def _pats() -> dict[str, re.Pattern]:
    """Compiled patterns of organisation nouns, anonymous-source heads and what precedes them, and definite descriptions."""
    sw = _alt(side_words())
    titles = _alt(read_list("titles.txt"), "i")
    heads = _alt(read_list("org_heads.txt"), "i")
    anon = _alt(read_list("anonymous_sources.txt"), "i")
    return {
        "org_head": re.compile(rf"{heads}(?![\w])"),
        "anon_head": re.compile(rf"{anon}(?![\w])"),
        "anon_before": re.compile(
            rf"(?<![\w.’'])(?:(?:{'|'.join(_ANON_DETS)})\s+)?"
            rf"(?:(?:{_alt(side_words(), 'i')}|{_alt(_anon_modifiers(), 'i')}|(?-i:[A-Z](?:[\w&-]|\.(?=\w))*\.?(?<!\w\w\.)(?:[’']s?)?)|\d[\d.,]*%?|{_alt(word_set('number_words.txt'), 'i')})\s+){{0,4}}$",
            re.I,
        ),
        # "the German minister", "the spokeswoman": a definite description standing for an earlier person
        "org_description": re.compile(
            rf"[Tt](?<![\w’'-][Tt])he\s+(?:(?P<side>{sw})\s+)?(?P<title>{_alt(read_list('org_descriptions.txt'), 'i')})(?![\w’'-])"
            rf"(?!\s*,?\s+(?:[A-Z]|of\b|for\b))"
        ),
        "description": re.compile(
            rf"[Tt](?<![\w’'-][Tt])he\s+(?:(?:{_DESC_MODS})\s+){{0,2}}(?:(?P<side>{sw})\s+)?(?:(?:{_DESC_MODS})\s+){{0,2}}"
            rf"(?P<title>{titles})(?![\w’'-])(?!\s*,?\s+(?:[A-Z]|of\b|for\b))"
        ),
    }


def org_mentions(text: str, positions: list[int]) -> list[dict]:
    out = []
    for p in positions:
        h = _pats()["org_head"].match(text, p)
        pm = side_before(text, p) if h else None
        if not pm:
            continue
        side, demonym = side_word(pm.group("pre"))
        head = WS.sub(" ", h.group(0))
        head = head[0].upper() + head[1:]
        name = f"{demonym} {head}"
        out.append(mention_record(pm.start(), h.end(), text[pm.start() : h.end()], name, slug(name), side, "org pattern", "organization"))
    return out


# words that may stand before an anonymous source ("two senior Turkish administration officials")
_ANON_DETS = ("an?", "the", "two", "three", "four", "several", "some", "many", "other", "one")


@lru_cache(maxsize=1)
def _anon_modifiers() -> tuple[str, ...]:
    """Modifier words of descriptive sources (``source_modifiers.txt``), lower case."""
    return tuple(read_list("source_modifiers.txt"))


@lru_cache(maxsize=1)
def _anon_word_ends() -> tuple[str, ...]:
    """Lower-case words one of which ends any non-empty match of ``anon_before`` (before its final whitespace)."""
    sides = {w.split()[-1].lower() for w in side_words() if w.split()}
    return tuple(
        sorted(sides | {"a", "an"} | set(_ANON_DETS[1:]) | {w.split()[-1] for w in _anon_modifiers()} | word_set("number_words.txt"))
    )


_NAME_AFTER = re.compile(r"[ \t\xa0]+(?:[A-Z]\.[ \t\xa0]*)?[A-Z][a-z]")
_PP_TOKEN = r"(?!(?:to|not|also|has|have|had|was|were|is|are|did|does|would|will|could|declined|refused|who|which|that|and|but)\b)[\w’'-]+(?:\.\w+)*"
_PP_STARTS = ("of ", "for ", "from ", "at ", "with ", "in ", "on ")


@lru_cache(maxsize=1)
def _anon_pp() -> re.Pattern:
    """A short prepositional phrase after a descriptive source's head that a reporting verb follows."""
    verbs = literal_alternation(
        (r["form"] for r in read_tsv("reporting_verbs.tsv")), "i"
    )  # cues.cue_pattern; the claim modules import this one
    return re.compile(
        rf"{SP}(?:of|for|from|at|with|in|on){SP}(?:(?:the|a|an|all|his|her|their|its){SP})?(?:{_PP_TOKEN}{SP}){{0,4}}?{_PP_TOKEN}{SP}"
        rf"(?=(?:{verbs})(?![\w’'-]))"
    )


def anon_mentions(text: str, positions: list[int]) -> list[dict]:
    out = []
    for p in positions:
        h = _pats()["anon_head"].match(text, p)
        if not h or text[p - 1 : p] == "-" or text[h.end() : h.end() + 1] == "-":
            continue  # "four-and-half-hour": inside a compound word
        if h.group(0).lower() == "most" and text[max(0, p - 4) : p].lower() == "the ":
            continue  # "the most animated": a superlative, no source
        lo = max(0, p - 80)
        last = text[lo:p].rsplit(None, 1)[-1:] if text[p - 1 : p].isspace() else []
        if not (last and (last[0][:1].isupper() or last[0][:1].isdigit() or last[0].lower().endswith(_anon_word_ends()))):
            lo = max(lo, p - 2)  # no modifier word before: only an empty match, at p (or before a final newline)
        b = _pats()["anon_before"].search(text, lo, p)
        a = b.start() if b else p
        while a < p:  # "But campaign officials": a capitalised sentence word is no modifier
            rest = text[a:p].split(None, 1)
            if not rest:
                a = p
                break
            tok = rest[0]
            low = tok.lower().strip("’'")
            if low in _DET_WORDS or low not in NOT_NAME and low not in word_set("not_names.txt"):
                break
            a += len(tok)
            while a < p and text[a].isspace():
                a += 1
        end = h.end()
        if _NAME_AFTER.match(text, end):
            continue  # "pollster Ann Cole": a title before a name, not a source of its own
        pp = _anon_pp().match(text, end) if text.startswith(_PP_STARTS, end + 1) else None
        if pp:
            end = pp.end() - len(pp.group(0)) + len(pp.group(0).rstrip())  # "advocates for stem cell research said"
        span = text[a:end]
        desc = WS.sub(" ", span)
        desc = desc[0].lower() + desc[1:] if desc[:2].istitle() and desc.split()[0].lower() in _DET_WORDS else desc
        out.append(mention_record(a, end, span, desc, slug(desc), side_of(span), "anonymous", "anonymous", None, desc))
    return out


_DET_WORDS = frozenset("a an the two three four several some many other one".split())


def find_descriptions(text: str) -> list[Mention]:
    """Unresolved definite descriptions ("the German minister", "the spokeswoman"): pronoun-like mentions.

    They resolve like pronouns, but only to a person whose role contains the title's
    head word and whose side agrees with the country word, when there is one.

    >>> [(m["text"], m["side"], m["role"]) for m in find_descriptions("Later the German minister spoke.")]
    [('the German minister', 'Europe', 'minister')]
    """
    out = []
    for key, kind in (("description", "person"), ("org_description", "organization")):
        for m in _pats()[key].finditer(text):
            side = side_word(m.group("side"))[0] if m.group("side") else None
            out.append(
                mention_record(m.start(), m.end(), m.group(0), None, None, side, "description", kind, "any", m.group("title").lower())
            )
    return sorted(out, key=lambda m: m["start"])
