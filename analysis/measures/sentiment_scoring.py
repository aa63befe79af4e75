"""Scoring texts for sentiment: VADER (offline, through NLTK), AFINN and a tone model, sentence by sentence, with topic terms masked and not.

:mod:`analysis.measures.sentiment` re-exports everything here and adds the by-side
summaries; the notebook ``03_sentiment.ipynb`` explains the method for readers.

* **Scorers.** :data:`SCORERS` names the scores on offer and :data:`DEFAULT_SCORER`
  the best-validated one (see :mod:`analysis.measures.sentiment_validation`). Whatever the
  scorer, :func:`score_texts` gives ``tone`` (-1..1) and ``tone_label``
  (negative/neutral/positive), as scored and masked, beside the VADER and AFINN
  columns, which are always computed: ``vader`` (tone = compound, ±0.05 labels),
  ``afinn`` (tone = sum / sqrt(sum² + 15), the sum squashed as VADER squashes its
  own, label = sign) and ``newsmtsc-linear`` (:mod:`analysis.measures.tonemodel`: a linear
  model of words, word pairs and both lexicons fitted on human-judged news
  sentences; tone = P(positive) - P(negative), label by the model's fitted thresholds).
* **Sentences, then a word-weighted mean.** Every scorer scores one sentence at a time
  (the project's offline Punkt, :func:`split_sentences`); a text's ``tone`` and
  ``vader_compound`` are the means of its sentences', each weighted by its word count,
  and its labels are read off those means. A sentence written three times keeps its
  tone, and two sentences joined score their word-weighted mean, so a side whose
  statements are longer does not look more extreme. ``afinn`` (points per word) is
  length-free already; ``afinn_sum`` stays a sum.
* **VADER** is NLTK's ``SentimentIntensityAnalyzer`` loaded with the lexicon file that
  ships in the ``vaderSentiment`` package (MIT), without ``nltk.download``. Its
  compound score (-1..1) of a sentence equals the reference ``vaderSentiment`` analyser's.
  Labels use the VADER authors' cut-offs: positive if compound >= 0.05, negative if
  <= -0.05, else neutral (:data:`THRESHOLD`).
* **AFINN** (AFINN-en-165, ODbL, from the ``afinn`` package) is a second, independent
  word list (integers -5..5, no negation or intensifier rules), used as a robustness
  check. ``afinn_sum`` is the package's score (sum over matched words and phrases);
  ``afinn`` divides it by the statement's word count (points per word).
* **Speed.** Both lexicon scores are computed by :mod:`analysis.measures.lexscore`, exact
  re-implementations of the two packages' scoring on the same lexicons, several times
  faster; a text without a possible sentence break inside skips Punkt.
* **Masking topic terms.** Words that name the subject (war, conflict, peace,
  sanctions, ...; the editable list ``resources/topic_terms.txt``) are replaced by
  the neutral placeholder ``"topic"`` (in neither lexicon) before scoring again, so
  "a permanent end to the war" is no longer read as negative. Every score exists
  both ways (``*_masked`` columns).

>>> round(score_text("a permanent end to the war")["vader_compound"], 4)
-0.5994
>>> score_text("a permanent end to the war")["vader_compound_masked"]
0.0
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd

from ..core.resources import read_list
from ..core.schema import SCORE_COLUMNS, conform
from ..core.text import count_words, sentence_tokenizer
from .lexscore import AfinnSum, VaderCompound

__all__ = [
    "THRESHOLD",
    "SCORERS",
    "DEFAULT_SCORER",
    "TONE_COLUMNS",
    "PLACEHOLDER",
    "TOPIC_TERMS_FILE",
    "check_scorer",
    "afinn_tone",
    "with_scorer",
    "lexicon_files",
    "scorer_versions",
    "vader_analyzer",
    "afinn_analyzer",
    "topic_terms",
    "mask_topic_terms",
    "vader_label",
    "afinn_label",
    "split_sentences",
    "word_weighted_mean",
    "score_text",
    "score_texts",
    "score_statements",
]

THRESHOLD = 0.05
"""VADER's conventional cut-off: compound >= 0.05 positive, <= -0.05 negative, else neutral."""

SCORERS = ("newsmtsc-linear", "vader", "afinn")
"""The scorers :func:`score_texts` offers (``scorer=``), best-validated first."""

DEFAULT_SCORER = "newsmtsc-linear"
"""The scorer used when none is named: the one that agreed best with people on news sentences
(``data/validation/sentiment_newsmtsc.csv``; :mod:`analysis.measures.sentiment_validation`)."""

PLACEHOLDER = "topic"
"""What a masked topic term is replaced by: one lower-case word that neither lexicon scores."""

TOPIC_TERMS_FILE = "topic_terms.txt"
_VADER_LEXICON = "vader_lexicon.txt"
_AFINN_LEXICON = "AFINN-en-165.txt"
# --------------------------------------------------------------------------- analysers


def _vader_lexicon_path() -> Path:
    import vaderSentiment

    return Path(vaderSentiment.__file__).resolve().parent / _VADER_LEXICON


def _afinn_lexicon_path() -> Path:
    import afinn

    return Path(afinn.__file__).resolve().parent / "data" / _AFINN_LEXICON


def lexicon_files() -> dict[str, Path]:
    """The sentiment lexicon files in use that ship in other packages, by file name (for the build manifest).

    (The topic-term list is a project resource, hashed with the others.)

    >>> sorted(lexicon_files())
    ['AFINN-en-165.txt', 'vader_lexicon.txt']
    """
    return {_AFINN_LEXICON: _afinn_lexicon_path(), _VADER_LEXICON: _vader_lexicon_path()}


def scorer_versions() -> dict[str, str]:
    """Versions of the packages that score: nltk (the VADER code), vaderSentiment (its lexicon), afinn.

    >>> sorted(scorer_versions())
    ['afinn', 'nltk', 'vaderSentiment']
    """
    return {name: metadata.version(name) for name in ("afinn", "nltk", "vaderSentiment")}


@lru_cache(maxsize=1)
def vader_analyzer():
    """NLTK's VADER ``SentimentIntensityAnalyzer`` with vaderSentiment's lexicon, offline (cached).

    NLTK >= 3.10.3 only opens files under its data paths, so the lexicon's folder is
    appended to ``nltk.data.path`` and the file is passed as a ``file:`` URL. Never
    calls ``nltk.download``.

    >>> vader_analyzer().polarity_scores("The talks were good.")["compound"]
    0.4404
    """
    import nltk
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    path = _vader_lexicon_path()
    folder = str(path.parent)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file="file:" + path.as_posix())


@lru_cache(maxsize=1)
def afinn_analyzer():
    """The ``afinn`` package's English scorer (AFINN-en-165), cached.

    >>> afinn_analyzer().score("a good and fair deal")
    5.0
    """
    from afinn import Afinn

    return Afinn(language="en")


@lru_cache(maxsize=1)
def _scorers() -> tuple[VaderCompound, AfinnSum]:
    """The scorers :func:`score_text` uses: VADER compound and AFINN sum, equal to the two analysers' (cached).

    They are exact re-implementations (:mod:`analysis.lexscore`) on the same lexicons:
    VADER's dict from :func:`vader_analyzer`, AFINN's read from the same file as
    :func:`afinn_analyzer` (without compiling the package's large pattern).

    >>> vader, afinn = _scorers()
    >>> vader("The talks were good."), afinn("a good and fair deal")
    (0.4404, 5.0)
    """
    from afinn import Afinn

    return VaderCompound(vader_analyzer().lexicon), AfinnSum(Afinn.read_word_file(str(_afinn_lexicon_path())))


# --------------------------------------------------------------------------- masking


def topic_terms() -> list[str]:
    """The topic terms masked before scoring, from ``resources/topic_terms.txt`` (lower-cased, file order).

    >>> "war" in topic_terms()
    True
    """
    return [t.lower() for t in read_list(TOPIC_TERMS_FILE)]


@lru_cache(maxsize=32)
def _topic_pattern(terms: tuple[str, ...]) -> re.Pattern | None:
    if not terms:
        return None
    # Longest first, so "security guarantees" wins over "security"; whitespace inside a term is flexible.
    alts = [r"\s+".join(re.escape(w) for w in t.split()) for t in sorted(set(terms), key=lambda t: (-len(t), t))]
    return re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


# The characters other than ASCII ones that ``re.IGNORECASE`` matches to an ASCII letter
# (İ, ı, ſ and the Kelvin sign K; test_sentiment checks the list against ``re``).
_ASCII_CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")
_WORD_RUN = re.compile(r"\w+")


class _Masker:
    r""":func:`mask_topic_terms` for one tuple of (lower-case) terms, with a quick test that skips the regex.

    A term matches as a whole word, so where it matches, the text has a word run
    (``\w+``) that equals the term's leading word run up to case. When every term starts
    with an ASCII word (the usual case), a text whose word runs, lower-cased, include
    no such leading run, and that has none of the few non-ASCII characters that
    case-insensitive matching equates with ASCII letters, cannot match: it is
    returned as is without running the pattern.
    """

    def __init__(self, terms: tuple[str, ...]):
        self.pattern = _topic_pattern(terms)
        heads = set()
        for term in terms:
            words = term.split()
            # An ASCII first word: what follows its leading run in a match is then a
            # character that matches only itself, whitespace or the end, never a word character.
            head = _WORD_RUN.match(words[0]) if words and words[0].isascii() else None
            if head is None:
                heads = None  # no quick test: always run the pattern
                break
            heads.add(head.group(0))
        self.heads = heads

    def may_match(self, text: str) -> bool:
        """False only if no term can occur in ``text``."""
        if self.heads is None:
            return True
        if not text.isascii() and not _ASCII_CASE_TWINS.isdisjoint(text):
            return True
        return not self.heads.isdisjoint(map(str.lower, _WORD_RUN.findall(text)))

    def __call__(self, text: str) -> tuple[str, list[str]]:
        if self.pattern is None or not self.may_match(text):
            return text, []
        found = []

        def placeholder(m: re.Match) -> str:
            found.append(m.group(0))
            return PLACEHOLDER

        masked = self.pattern.sub(placeholder, text)
        return (masked if found else text), found


# Punkt breaks only after a sentence-final mark followed by whitespace and more text, or by a
# character that is neither a word character nor whitespace: a text with neither is one sentence.
_MAYBE_BREAK = re.compile(r"[.?!](?:\S*\s+\S|[^\w\s])")


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` by the project's offline Punkt (:func:`analysis.core.text.sentence_tokenizer`).

    >>> split_sentences("Talks in the U.S. were good. Then they failed!")
    ['Talks in the U.S. were good.', 'Then they failed!']
    """
    if not _MAYBE_BREAK.search(text):
        return [text]
    return [text[a:b] for a, b in sentence_tokenizer().span_tokenize(text)] or [text]


def word_weighted_mean(values: Sequence[float], weights: Sequence[int]) -> float:
    """Mean of ``values`` weighted by ``weights`` (word counts), 4 decimals; the plain mean if the weights sum to 0.

    >>> word_weighted_mean([0.5, -0.1], [2, 6])
    0.05
    """
    total = sum(weights)
    if total <= 0:
        return round(sum(values) / len(values), 4) + 0.0
    return round(sum(v * w for v, w in zip(values, weights)) / total, 4) + 0.0


class _TextScorer:
    """The values of :data:`SCORE_COLUMNS` for texts, for one tuple of topic terms and one scorer.

    A text is split into sentences (:func:`split_sentences`); each sentence is scored
    on its own, and the text's VADER compound and tone are the word-weighted means of its
    sentences' (weights: :func:`analysis.core.text.count_words`), so a statement's tone
    does not grow with its length. Labels come from the mean (:meth:`label`).
    The scores depend on the text alone and news repeats sentences (wire copy,
    boilerplate, a quote reported in several articles), so the scores of up to
    :attr:`MEMO_SIZE` distinct texts and sentences are remembered.
    """

    MEMO_SIZE = 20_000

    def __init__(self, terms: tuple[str, ...], scorer: str = DEFAULT_SCORER):
        self.mask = _Masker(terms)
        self.vader, self.afinn = _scorers()
        self.scorer = scorer
        self.model = _tone_model() if scorer == "newsmtsc-linear" else None
        self._memo: dict[str, tuple] = {}
        self._sentences: dict[str, tuple] = {}

    def __call__(self, text: str) -> tuple:
        row = self._memo.get(text)
        if row is None:
            row = self.score(text)
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            self._memo[text] = row
        return row

    def sentence(self, text: str) -> tuple:
        """(n_words, compound, afinn_sum, tone, found, compound_m, afinn_sum_m, tone_m) of one sentence, remembered.

        The masked sentence is scored only if a term was masked.
        """
        row = self._sentences.get(text)
        if row is None:
            vader, afinn = self.vader, self.afinn
            masked, found = self.mask(text)
            compound, total = vader(text), afinn(text)
            tone = self.tone(text, compound, total)
            if found:
                compound_m, total_m = vader(masked), afinn(masked)
                tone_m = self.tone(masked, compound_m, total_m)
            else:
                compound_m, total_m, tone_m = compound, total, tone
            row = (count_words(text), compound, total, tone, found, compound_m, total_m, tone_m)
            if len(self._sentences) >= self.MEMO_SIZE:
                self._sentences.clear()
            self._sentences[text] = row
        return row

    def score(self, text: str) -> tuple:
        """The scores of one text, in the order of :data:`SCORE_COLUMNS` (word-weighted means over its sentences)."""
        parts = [self.sentence(s) for s in split_sentences(text)]
        if len(parts) == 1:
            _, compound, total, tone, found, compound_m, total_m, tone_m = parts[0]
        else:
            weights = [p[0] for p in parts]
            compound, tone, compound_m, tone_m = (word_weighted_mean([p[k] for p in parts], weights) for k in (1, 3, 5, 7))
            total, total_m = sum(p[2] for p in parts), sum(p[6] for p in parts)
            found = [f for p in parts for f in p[4]]
        n_words = count_words(text)
        return (
            n_words,
            compound,
            compound_m,
            vader_label(compound),
            vader_label(compound_m),
            total / n_words if n_words else 0.0,
            total_m / n_words if n_words else 0.0,
            total,
            total_m,
            len(found),
            "; ".join(found) if found else None,
            self.scorer,
            tone,
            tone_m,
            self.label(tone),
            self.label(tone_m),
        )

    def tone(self, text: str, compound: float, total: float) -> float:
        """The tone of one sentence by this scorer, given its VADER compound and AFINN sum."""
        if self.model is not None:
            return self.model.predict(text, compound, total)[0]
        if self.scorer == "vader":
            return compound
        return afinn_tone(total)

    def label(self, tone: float) -> str:
        """The label of a (mean) tone by this scorer's rule: the model's thresholds, VADER's ±0.05, AFINN's sign."""
        if self.model is not None:
            return self.model.label(tone)
        if self.scorer == "vader":
            return vader_label(tone)
        return afinn_label(tone)


@lru_cache(maxsize=1)
def _tone_model():
    """The ``newsmtsc-linear`` model (:func:`analysis.measures.tonemodel.load_model`) with the lexicons its features count."""
    from .tonemodel import load_model

    vader, afinn = _scorers()
    return load_model().with_lexicons(vader.lexicon, afinn.scores)


@lru_cache(maxsize=32)
def _text_scorer(terms: tuple[str, ...], scorer: str = DEFAULT_SCORER) -> _TextScorer:
    return _TextScorer(terms, scorer)


def check_scorer(scorer: str | None) -> str:
    """``scorer``, or :data:`DEFAULT_SCORER` for None; a ValueError naming the choices for an unknown name.

    >>> check_scorer(None) == DEFAULT_SCORER, check_scorer("vader")
    (True, 'vader')
    """
    if scorer is None:
        return DEFAULT_SCORER
    if scorer not in SCORERS:
        raise ValueError(f"unknown sentiment scorer {scorer!r}; choose one of {', '.join(SCORERS)}")
    return scorer


def _scorer_for(terms: Sequence[str] | None, scorer: str | None = None) -> _TextScorer:
    """The (cached) text scorer for ``terms`` (default :func:`topic_terms`), lower-cased, and ``scorer``."""
    return _text_scorer(tuple(t.lower() for t in (topic_terms() if terms is None else terms)), check_scorer(scorer))


def mask_topic_terms(text: str, terms: Sequence[str] | None = None) -> tuple[str, list[str]]:
    """``text`` with every topic term replaced by :data:`PLACEHOLDER`, and the occurrences replaced.

    Matching is case-insensitive and whole-word (a term inside a longer word such as
    "warm" is not matched; "war" in "war-torn" or "war's" is). ``terms`` defaults to
    :func:`topic_terms`.

    >>> mask_topic_terms("An end to the War and the war-torn east, not a warm welcome.")
    ('An end to the topic and the topic-torn east, not a warm welcome.', ['War', 'war'])
    """
    return _scorer_for(terms).mask(text)


# --------------------------------------------------------------------------- scoring


def vader_label(compound: float) -> str:
    """positive / neutral / negative by the ±0.05 cut-offs (:data:`THRESHOLD`).

    >>> vader_label(0.05), vader_label(0.0), vader_label(-0.2)
    ('positive', 'neutral', 'negative')
    """
    if compound >= THRESHOLD:
        return "positive"
    if compound <= -THRESHOLD:
        return "negative"
    return "neutral"


def afinn_label(score: float) -> str:
    """positive / neutral / negative by the sign of an AFINN score (its units are whole points).

    >>> afinn_label(2.0), afinn_label(0.0)
    ('positive', 'neutral')
    """
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


def afinn_tone(total: float) -> float:
    """An AFINN sum squashed to -1..1 as VADER squashes its sum: total / sqrt(total² + 15), 4 decimals.

    Monotone in the sum, so rankings (and Spearman correlations) are the sum's.

    >>> afinn_tone(0.0), afinn_tone(3.0), afinn_tone(-10.0)
    (0.0, 0.6124, -0.9325)
    """
    return round(total / math.sqrt(total * total + 15.0), 4) + 0.0


def score_text(text: str, terms: Sequence[str] | None = None, scorer: str | None = None) -> dict:
    """Scores of one text, unmasked and masked: the columns of :func:`score_texts` as a dict.

    >>> s = score_text("Sanctions ended the war.")
    >>> s["n_masked"], s["masked_terms"], s["vader_label"], s["vader_label_masked"]
    (2, 'Sanctions; war', 'negative', 'neutral')
    >>> score_text("The talks were good.", scorer="vader")["tone"]
    0.4404
    """
    scores = dict(zip(SCORE_COLUMNS, _scorer_for(terms, scorer)(text)))
    return {k: scores[k] for k in _SCORE_TEXT_KEYS}


TONE_COLUMNS = SCORE_COLUMNS[-5:]
"""The columns every scorer fills: ``scorer, tone, tone_masked, tone_label, tone_label_masked`` (the last of :data:`SCORE_COLUMNS`)."""

# score_text's keys, in the order it has always returned them: unmasked, masked, masking; then the tone.
_SCORE_TEXT_KEYS = tuple(
    ["n_words"]
    + [f"{name}{sfx}" for sfx in ("", "_masked") for name in ("vader_compound", "vader_label", "afinn_sum", "afinn")]
    + ["n_masked", "masked_terms"]
    + list(TONE_COLUMNS)
)


def score_texts(texts: Iterable[str], terms: Sequence[str] | None = None, scorer: str | None = None) -> pd.DataFrame:
    """Score any texts (sentences, statements, paragraphs): one row per text, in input order.

    Columns: ``n_words, vader_compound, vader_compound_masked, vader_label,
    vader_label_masked, afinn, afinn_masked, afinn_sum, afinn_sum_masked, n_masked,
    masked_terms``, then ``scorer, tone, tone_masked, tone_label, tone_label_masked``
    from ``scorer`` (one of :data:`SCORERS`, default :data:`DEFAULT_SCORER`); meanings
    in ``analysis.schema.TABLES["sentiment"]``. A pandas Series keeps its index, so
    the result joins back to the table it came from.

    >>> score_texts(["Good talks.", "a permanent end to the war"])[["vader_label", "vader_label_masked"]]
      vader_label vader_label_masked
    0    positive           positive
    1    negative            neutral
    >>> score_texts(["Good talks."], scorer="afinn")[["scorer", "tone", "tone_label"]]
      scorer    tone tone_label
    0  afinn  0.6124   positive
    """
    index = texts.index if isinstance(texts, pd.Series) else None
    scorer = _scorer_for(terms, scorer)  # terms read once, not once per text
    rows = [scorer(str(t)) for t in (texts.tolist() if index is not None else texts)]
    if not rows:
        return pd.DataFrame([], columns=list(SCORE_COLUMNS), index=index).astype({"n_words": "int64", "n_masked": "int64"})
    return pd.DataFrame({c: list(v) for c, v in zip(SCORE_COLUMNS, zip(*rows))}, columns=list(SCORE_COLUMNS), index=index)


def score_statements(statements: pd.DataFrame, terms: Sequence[str] | None = None, scorer: str | None = None) -> pd.DataFrame:
    """The ``sentiment`` table: one row per statement with VADER, AFINN and ``scorer``'s tone, unmasked and masked.

    ``statements`` is the statements table (statement_id, doc_id, para_id, sent_id,
    start, end, text, speaker, speaker_id, side, origin, ...); its identifying columns
    are carried over, the scores added (see ``analysis.schema.TABLES["sentiment"]``).
    Row order is the input's.

    >>> st = pd.DataFrame({"statement_id": ["s1"], "doc_id": ["d"], "para_id": [0], "sent_id": [0],
    ...     "start": [0], "end": [26], "text": ["a permanent end to the war"], "speaker": ["Waltz"],
    ...     "speaker_id": ["waltz"], "side": ["US"], "origin": ["quote"]})
    >>> score_statements(st)[["side", "vader_compound", "vader_compound_masked", "n_masked"]]
      side  vader_compound  vader_compound_masked  n_masked
    0   US         -0.5994                    0.0         1
    """
    base = statements.reset_index(drop=True)
    scores = score_texts(base["text"].astype(str), terms, scorer)
    out = pd.concat([base.drop(columns=[c for c in SCORE_COLUMNS if c in base.columns]), scores], axis=1)
    return conform(out, "sentiment")


def with_scorer(sentiment: pd.DataFrame, scorer: str | None = None, terms: Sequence[str] | None = None) -> pd.DataFrame:
    """The ``sentiment`` table with ``tone`` from ``scorer`` (default :data:`DEFAULT_SCORER`): as is if it already has it, else rescored.

    For a notebook parameter: the build scores with the default; another scorer
    rescores the statements (same rows, same order, every column recomputed).

    >>> sent = score_statements(pd.DataFrame({"statement_id": ["a"], "doc_id": "d", "para_id": 0, "sent_id": 0,
    ...     "start": 0, "end": 5, "speaker": None, "speaker_id": None, "side": "A", "origin": "quote", "text": ["Good."]}))
    >>> with_scorer(sent, "vader")[["scorer", "tone", "tone_label"]]
      scorer    tone tone_label
    0  vader  0.4404   positive
    """
    name = check_scorer(scorer)
    if "scorer" in sentiment.columns and len(sentiment) and (sentiment["scorer"] == name).all():
        return sentiment
    return score_statements(sentiment, terms, name)
