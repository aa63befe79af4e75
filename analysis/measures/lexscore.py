"""Fast, exact re-implementations of the two lexicon scores :mod:`analysis.measures.sentiment` uses.

* :class:`VaderCompound` gives the ``compound`` of NLTK's VADER
  ``SentimentIntensityAnalyzer.polarity_scores`` (NLTK 3.10), number for number: the
  same tokens, the same rules (boosters, capitals, negation, "never so", idioms,
  "least", "but", punctuation emphasis) applied in the same order with the same
  floating-point operations. It skips the work ``polarity_scores`` does for the
  ``neg/neu/pos`` proportions (unused here) and replaces NLTK's tokeniser, which
  builds a dictionary of every word with every punctuation mark for each text, by a
  per-token rule with the same result (remembered per distinct token).
* :class:`AfinnSum` gives the ``afinn`` package's ``Afinn.score`` (the sum of the
  scores of the matched words and phrases) without its regular expression of 3,382
  alternatives: the same leftmost-longest whole-word matching, done word by word.

Both take their word lists from the objects :mod:`analysis.measures.sentiment` already loads
(the VADER lexicon dict and the AFINN dict), so they score with exactly the same
lexicons. ``tests/measures/test_sentiment.py`` checks them against the packages on real and
generated text.

>>> from analysis.measures.sentiment import afinn_analyzer, vader_analyzer
>>> text = "The talks were NOT good, but productive!!"
>>> VaderCompound(vader_analyzer().lexicon)(text) == vader_analyzer().polarity_scores(text)["compound"] == -0.3153
True
>>> AfinnSum(afinn_analyzer()._dict)("I can't stand it, not good")
-5.0
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Sequence

__all__ = ["VaderCompound", "AfinnSum"]

# --------------------------------------------------------------------------- VADER

# NLTK's VaderConstants, copied so that the hot loop reads module globals, not attributes.
_B_INCR = 0.293
_B_DECR = -0.293
_C_INCR = 0.733
_N_SCALAR = -0.74
_PUNCTUATION = frozenset(string.punctuation)
_DELETE_PUNCTUATION = str.maketrans("", "", string.punctuation)
_SO_THIS = ("so", "this")


def _vader_constants():
    """NEGATE, BOOSTER_DICT, SPECIAL_CASE_IDIOMS and PUNC_LIST of NLTK's VADER (read, not copied)."""
    from nltk.sentiment.vader import VaderConstants

    return (
        frozenset(VaderConstants.NEGATE),
        dict(VaderConstants.BOOSTER_DICT),
        dict(VaderConstants.SPECIAL_CASE_IDIOMS),
        frozenset(VaderConstants.PUNC_LIST),
    )


class VaderCompound:
    """``SentimentIntensityAnalyzer(...).polarity_scores(text)["compound"]``, faster, for one lexicon dict.

    Call the instance on a text. Distinct whitespace tokens are remembered (up to
    :attr:`MEMO_SIZE`), since news repeats its words.
    """

    MEMO_SIZE = 200_000

    def __init__(self, lexicon: dict[str, float]):
        self.lexicon = lexicon
        self.negate, self.booster, self.idioms, self.punc_list = _vader_constants()
        self._tokens: dict[str, tuple[str, str, bool]] = {}

    # -- tokens ---------------------------------------------------------------

    def _token(self, raw: str) -> tuple[str, str, bool]:
        """(word, word.lower(), word.isupper()) of one whitespace token longer than one character.

        NLTK's ``SentiText`` replaces a token that is one of its punctuation marks
        (``PUNC_LIST``) glued before or after a punctuation-free word of two or more
        characters by that word ("talks," -> "talks", "!!yes" -> "yes"); any other
        token is kept as written ("U.S.", "war-torn", ":)").
        """
        hit = self._tokens.get(raw)
        if hit is None:
            word = self._strip_punctuation(raw)
            hit = (word, word.lower(), word.isupper())
            if len(self._tokens) >= self.MEMO_SIZE:
                self._tokens.clear()
            self._tokens[raw] = hit
        return hit

    def _strip_punctuation(self, raw: str) -> str:
        # A mark is made of punctuation characters and the word has none, so the split
        # point is where the run of punctuation at the start (or end) stops.
        n = len(raw)
        lead = 0
        while lead < n and raw[lead] in _PUNCTUATION:
            lead += 1
        if lead:
            word = raw[lead:]
            if raw[:lead] in self.punc_list and len(word) > 1 and word == word.translate(_DELETE_PUNCTUATION):
                return word
            return raw
        trail = n
        while trail > 0 and raw[trail - 1] in _PUNCTUATION:
            trail -= 1
        if trail < n:
            word = raw[:trail]
            if raw[trail:] in self.punc_list and len(word) > 1 and word == word.translate(_DELETE_PUNCTUATION):
                return word
        return raw

    def tokens(self, text: str) -> list[tuple[str, str, bool]]:
        """VADER's ``words_and_emoticons`` of ``text``, each as (word, lower-case, all caps)."""
        known = self._tokens.get
        return [known(raw) or self._token(raw) for raw in text.split() if len(raw) > 1]

    # -- rules ----------------------------------------------------------------

    def _negated(self, word: str) -> bool:
        """NLTK's ``VaderConstants.negated([word])``."""
        low = word.lower()
        return low in self.negate or "n't" in low

    def _scalar_inc_dec(self, word: str, valence: float, is_cap_diff: bool) -> float:
        """NLTK's ``VaderConstants.scalar_inc_dec``: the booster/dampener effect of a preceding word."""
        scalar = 0.0
        word_lower = word.lower()
        if word_lower in self.booster:
            scalar = self.booster[word_lower]
            if valence < 0:
                scalar *= -1
            if word.isupper() and is_cap_diff:
                if valence > 0:
                    scalar += _C_INCR
                else:
                    scalar -= _C_INCR
        return scalar

    def _never_check(self, valence: float, words: Sequence[str], start_i: int, i: int) -> float:
        """NLTK's ``_never_check`` (negation and "never so/this" before the word)."""
        if start_i == 0:
            if self._negated(words[i - 1]):
                valence = valence * _N_SCALAR
        if start_i == 1:
            if words[i - 2] == "never" and (words[i - 1] == "so" or words[i - 1] == "this"):
                valence = valence * 1.5
            elif self._negated(words[i - (start_i + 1)]):
                valence = valence * _N_SCALAR
        if start_i == 2:
            if words[i - 3] == "never" and (words[i - 2] == "so" or words[i - 2] == "this") or (words[i - 1] in _SO_THIS):
                valence = valence * 1.25
            elif self._negated(words[i - (start_i + 1)]):
                valence = valence * _N_SCALAR
        return valence

    def _idioms_check(self, valence: float, words: Sequence[str], i: int) -> float:
        """NLTK's ``_idioms_check`` (special-case idioms and two-word dampeners)."""
        idioms = self.idioms
        onezero = f"{words[i - 1]} {words[i]}"
        twoonezero = f"{words[i - 2]} {words[i - 1]} {words[i]}"
        twoone = f"{words[i - 2]} {words[i - 1]}"
        threetwoone = f"{words[i - 3]} {words[i - 2]} {words[i - 1]}"
        threetwo = f"{words[i - 3]} {words[i - 2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in idioms:
                valence = idioms[seq]
                break
        if len(words) - 1 > i:
            zeroone = f"{words[i]} {words[i + 1]}"
            if zeroone in idioms:
                valence = idioms[zeroone]
        if len(words) - 1 > i + 1:
            zeroonetwo = f"{words[i]} {words[i + 1]} {words[i + 2]}"
            if zeroonetwo in idioms:
                valence = idioms[zeroonetwo]
        if threetwo in self.booster or twoone in self.booster:
            valence = valence + _B_DECR
        return valence

    def _valence(self, i: int, words: Sequence[str], lowers: Sequence[str], upper: bool, is_cap_diff: bool) -> float:
        """NLTK's ``sentiment_valence`` for the lexicon word at index ``i`` (its first occurrence)."""
        lexicon = self.lexicon
        valence = lexicon[lowers[i]]
        if upper and is_cap_diff:
            if valence > 0:
                valence += _C_INCR
            else:
                valence -= _C_INCR
        for start_i in range(0, 3):
            if i > start_i and lowers[i - (start_i + 1)] not in lexicon:
                s = self._scalar_inc_dec(words[i - (start_i + 1)], valence, is_cap_diff)
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._never_check(valence, words, start_i, i)
                if start_i == 2:
                    valence = self._idioms_check(valence, words, i)
        # NLTK's _least_check
        if i > 1 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            if lowers[i - 2] != "at" and lowers[i - 2] != "very":
                valence = valence * _N_SCALAR
        elif i > 0 and lowers[i - 1] not in lexicon and lowers[i - 1] == "least":
            valence = valence * _N_SCALAR
        return valence

    def sentiments(self, text: str) -> list[float]:
        """The per-token valences ``polarity_scores`` sums, after its "but" rule."""
        toks = self.tokens(text)
        if not toks:
            return []
        words, lowers, uppers = zip(*toks)
        n = len(words)
        lexicon, booster = self.lexicon, self.booster
        is_cap_diff = None  # computed when first needed
        first_index: dict[str, int] = {}
        sentiments: list[float] = []
        for j, low in enumerate(lowers):
            if low not in lexicon:  # NLTK appends valence 0 for these, whatever the rules say
                sentiments.append(0)
                continue
            # As in NLTK, a repeated token is scored at its first occurrence (list.index semantics);
            # every occurrence of a lexicon word passes here, so the first one sets the index.
            i = first_index.setdefault(words[j], j)
            if (i < n - 1 and low == "kind" and lowers[i + 1] == "of") or low in booster:
                sentiments.append(0)
                continue
            if is_cap_diff is None:
                is_cap_diff = 0 < n - sum(uppers) < n
            sentiments.append(self._valence(i, words, lowers, uppers[i], is_cap_diff))
        # NLTK's _but_check
        if "but" in lowers:
            bi = lowers.index("but")
            for sidx, sentiment in enumerate(sentiments):
                if sidx < bi:
                    sentiments[sidx] = sentiment * 0.5
                elif sidx > bi:
                    sentiments[sidx] = sentiment * 1.5
        return sentiments

    def __call__(self, text: str) -> float:
        """The compound score of ``text``, rounded to 4 decimals as ``polarity_scores`` does."""
        sentiments = self.sentiments(text)
        if not sentiments:
            return round(0.0, 4)
        sum_s = float(sum(sentiments))
        # NLTK's _punctuation_emphasis: up to 4 "!", and 2+ "?"
        ep_count = text.count("!")
        if ep_count > 4:
            ep_count = 4
        ep_amplifier = ep_count * 0.292
        qm_count = text.count("?")
        qm_amplifier = 0
        if qm_count > 1:
            qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
        punct_emph_amplifier = ep_amplifier + qm_amplifier
        if sum_s > 0:
            sum_s += punct_emph_amplifier
        elif sum_s < 0:
            sum_s -= punct_emph_amplifier
        compound = sum_s / math.sqrt((sum_s * sum_s) + 15)
        return round(compound, 4)


# --------------------------------------------------------------------------- AFINN

_WHITESPACE = re.compile(r"\s+")
_WORD_RUN = re.compile(r"\w+")
_WORD_RUN_SPLIT = re.compile(r"(\w+)")


class AfinnSum:
    r"""``Afinn(language="en").score(text)`` for the word dict of an ``Afinn`` (its ``_dict``), faster.

    The package lower-cases the text, collapses whitespace and finds, left to right,
    non-overlapping entries that start and end at word boundaries, the longest entry
    first at each position. Every entry starts and ends with a word character, so
    matches start at the start of a run of word characters (``\w+``) and end at the
    end of one: a one-word entry matches a whole run, a phrase ("can't stand",
    "self-abuse", "fed up") a sequence of whole runs with the same characters
    between them. So the text's runs are looked up one by one, and where a run can
    start a phrase, the phrases starting with it are tried, longest first; a phrase
    that matches replaces the scores of the runs it spans.
    """

    def __init__(self, scores: dict[str, int]):
        self.scores = scores
        phrases: dict[str, list[tuple[list[str], int]]] = {}
        for entry in sorted(scores, key=len, reverse=True):  # longest first, as the package's pattern
            parts = _WORD_RUN_SPLIT.split(entry)  # ["", run, between, run, ..., run, ""]
            if parts[0] or parts[-1]:
                raise ValueError(f"AFINN entry {entry!r} does not start and end with a word character")
            if len(parts) > 3:
                phrases.setdefault(parts[1], []).append((parts[1:-1], scores[entry]))
        self.phrases = phrases
        self._phrase_starts = frozenset(phrases)

    def __call__(self, text: str) -> float:
        """The sum of the scores of the entries found in ``text`` (a float, as the package returns)."""
        scores = self.scores
        # Collapsing whitespace changes no word run (and lower-casing treats whitespace
        # alike, however long), so the runs can be taken without it; phrases need it.
        runs = _WORD_RUN.findall(text.lower())
        if self._phrase_starts.isdisjoint(runs):
            return float(sum([scores[w] for w in runs if w in scores]))
        return float(self._sum_with_phrases(_WHITESPACE.sub(" ", text).lower()))

    def _sum_with_phrases(self, text: str) -> int:
        """Leftmost-longest matching over ``text`` (whitespace collapsed, lower-cased), phrases included."""
        scores, phrases = self.scores, self.phrases
        parts = _WORD_RUN_SPLIT.split(text)  # [between, run, between, run, ..., between]
        runs = parts[1::2]
        total = sum([scores[w] for w in runs if w in scores])
        done = 0  # runs before this index are inside a phrase already matched
        for k in [k for k, w in enumerate(runs) if w in phrases]:
            if k < done:
                continue
            at = 2 * k + 1
            for entry, score in phrases[runs[k]]:
                if parts[at : at + len(entry)] == entry:
                    n_runs = (len(entry) + 1) // 2
                    total += score - sum([scores[w] for w in runs[k : k + n_runs] if w in scores])
                    done = k + n_runs
                    break
        return total
