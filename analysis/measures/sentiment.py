"""Sentiment of what each side says: VADER (offline, through NLTK), AFINN and a tone model, with topic terms masked and not.

Method, in brief (the notebook ``03_sentiment.ipynb`` explains it for readers):

* **Scorers.** :data:`SCORERS` names the scores on offer and :data:`DEFAULT_SCORER`
  the best-validated one (see :mod:`analysis.measures.sentiment_validation`). Whatever the
  scorer, :func:`score_texts` gives ``tone`` (-1..1) and ``tone_label``
  (negative/neutral/positive), as scored and masked, beside the VADER and AFINN
  columns, which are always computed: ``vader`` (tone = compound, ±0.05 labels),
  ``afinn`` (tone = sum / sqrt(sum² + 15), the sum squashed as VADER squashes its
  own, label = sign) and ``newsmtsc-linear`` (:mod:`analysis.measures.tonemodel`: a linear
  model of words, word pairs and both lexicons fitted on human-judged news
  sentences; tone = P(positive) - P(negative), label = the likeliest class).

* **VADER** is NLTK's ``SentimentIntensityAnalyzer`` loaded with the lexicon file that
  ships in the ``vaderSentiment`` package (MIT), without ``nltk.download``. Its
  compound score (-1..1) equals the reference ``vaderSentiment`` analyser's; the
  ``neg/neu/pos`` proportions of the two ports can differ slightly and are not used.
  Labels use the VADER authors' cut-offs: positive if compound >= 0.05, negative if
  <= -0.05, else neutral (:data:`THRESHOLD`).
* **AFINN** (AFINN-en-165, ODbL, from the ``afinn`` package) is a second, independent
  word list (integers -5..5, no negation or intensifier rules), used as a robustness
  check. ``afinn_sum`` is the package's score (sum over matched words and phrases);
  ``afinn`` divides it by the statement's word count (points per word), so long and
  short statements are comparable. Labels: positive if the sum > 0, negative if < 0.
* **Speed.** Both scores are computed by :mod:`analysis.lexscore`, exact
  re-implementations of the two packages' scoring on the same lexicons (the same
  numbers, checked by the tests against the packages), several times faster.
* **Masking topic terms.** Words that name the subject (war, conflict, peace,
  sanctions, ...; the editable list ``resources/topic_terms.txt``) are replaced by
  the neutral placeholder ``"topic"`` (in neither lexicon) before scoring again, so
  "a permanent end to the war" is no longer read as negative. Every score exists
  both ways (``*_masked`` columns) and every summary is reported both ways.

Tables go in and out (statements -> ``sentiment`` -> summaries), all declared in
:mod:`analysis.schema`; everything is deterministic (seeded bootstraps, stable sorts).

>>> round(score_text("a permanent end to the war")["vader_compound"], 4)
-0.5994
>>> score_text("a permanent end to the war")["vader_compound_masked"]
0.0

Over 500 lines: the scorer interface (three scorers, masking) and the by-side summaries and
comparisons; the summaries are the next part to move into a module of their own. Its figures are in :mod:`analysis.viz.plots_sentiment`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import numpy as np
import pandas as pd

from ..core.compare import N_PERM, compare_sides
from ..core.resources import read_list
from ..core.schema import SCORE_COLUMNS, conform
from ..core.stats import N_BOOT, benjamini_hochberg, bootstrap_mean_cis
from ..core.text import count_words
from .lexscore import AfinnSum, VaderCompound

__all__ = [
    "THRESHOLD",
    "SCORERS",
    "DEFAULT_SCORER",
    "TONE_COLUMNS",
    "check_scorer",
    "afinn_tone",
    "with_scorer",
    "PLACEHOLDER",
    "TOPIC_TERMS_FILE",
    "LABELS",
    "MEASURES",
    "SUMMARY_MEASURES",
    "table_scorer",
    "tone_label_text",
    "lexicon_files",
    "scorer_versions",
    "vader_analyzer",
    "afinn_analyzer",
    "topic_terms",
    "mask_topic_terms",
    "vader_label",
    "afinn_label",
    "score_text",
    "score_texts",
    "score_statements",
    "summarize",
    "compare",
    "lexicon_agreement",
    "lexicon_disagreements",
    "extremes",
    "summary_view",
    "findings",
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
LABELS = ("positive", "neutral", "negative")
MEASURES = ("tone", "share_positive", "share_negative", "vader_compound", "afinn")
"""The measures :func:`compare` reports, in order: the scorer's ``tone`` and the shares of its
``tone_label`` lead; VADER's compound and AFINN per word follow as second opinions."""

SUMMARY_MEASURES = ("mean_tone", "share_positive", "share_negative", "mean_compound", "mean_afinn")
"""The estimates of :func:`summarize` that :func:`summary_view` shows by default, lead measure first."""

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


class _TextScorer:
    """The values of :data:`SCORE_COLUMNS` for texts, for one tuple of topic terms.

    The scores depend on the text alone and news repeats sentences (wire copy,
    boilerplate, a quote reported in several articles), so the scores of up to
    :attr:`MEMO_SIZE` distinct texts are remembered.
    """

    MEMO_SIZE = 20_000

    def __init__(self, terms: tuple[str, ...], scorer: str = DEFAULT_SCORER):
        self.mask = _Masker(terms)
        self.vader, self.afinn = _scorers()
        self.scorer = scorer
        self.model = _tone_model() if scorer == "newsmtsc-linear" else None
        self._memo: dict[str, tuple] = {}

    def __call__(self, text: str) -> tuple:
        row = self._memo.get(text)
        if row is None:
            row = self.score(text)
            if len(self._memo) >= self.MEMO_SIZE:
                self._memo.clear()
            self._memo[text] = row
        return row

    def score(self, text: str) -> tuple:
        """The scores of one text, in the order of :data:`SCORE_COLUMNS`.

        The masked text is scored only if a term was masked; otherwise its scores are
        the unmasked ones.
        """
        vader, afinn = self.vader, self.afinn
        masked, found = self.mask(text)
        n_words = count_words(text)
        compound, total = vader(text), afinn(text)
        tone, label = self.tone(text, compound, total)
        if found:
            compound_m, total_m = vader(masked), afinn(masked)
            tone_m, label_m = self.tone(masked, compound_m, total_m)
        else:
            compound_m, total_m = compound, total
            tone_m, label_m = tone, label
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
            label,
            label_m,
        )

    def tone(self, text: str, compound: float, total: float) -> tuple[float, str]:
        """(tone, tone_label) of one text by this scorer, given its VADER compound and AFINN sum."""
        if self.model is not None:
            return self.model.predict(text, compound, total)
        if self.scorer == "vader":
            return compound, vader_label(compound)
        return afinn_tone(total), afinn_label(total)


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


# --------------------------------------------------------------------------- aggregation


def _columns(masked: bool) -> tuple[str, str, str]:
    sfx = "_masked" if masked else ""
    return f"vader_compound{sfx}", f"vader_label{sfx}", f"afinn{sfx}"


def table_scorer(sentiment: pd.DataFrame) -> str:
    """The scorer behind a ``sentiment`` table's ``tone`` (its ``scorer`` column); a ValueError if it mixes scorers.

    An empty table gives :data:`DEFAULT_SCORER` (what the build uses).

    >>> table_scorer(pd.DataFrame({"scorer": ["vader", "vader"]}))
    'vader'
    """
    names = list(dict.fromkeys(sentiment["scorer"].dropna().astype(str))) if "scorer" in sentiment.columns else []
    if len(names) > 1:
        raise ValueError(f"the sentiment table mixes scorers ({', '.join(names)}); rescore it with with_scorer(table, scorer)")
    return names[0] if names else DEFAULT_SCORER


def tone_label_text(scorer: str) -> str:
    """How tables, figures and text name the lead measure: "mean tone (SCORER)".

    >>> tone_label_text("newsmtsc-linear")
    'mean tone (newsmtsc-linear)'
    """
    return f"mean tone ({scorer})"


def _order(values: pd.Series, given: Sequence[str] | None) -> list[str]:
    """``given`` if any, else the non-missing values by descending count, then name."""
    if given is not None:
        return list(given)
    counts = values.dropna().astype(str).value_counts()
    return sorted(counts.index, key=lambda v: (-counts[v], v))


def summarize(
    sentiment: pd.DataFrame,
    by: str = "side",
    groups: Sequence[str] | None = None,
    groups_col: str | None = "doc_id",
    n_boot: int = N_BOOT,
    seed: int | None = None,
) -> pd.DataFrame:
    """Per side (``by="side"``) or per actor (``by="speaker"``): n, mean tone, label shares, mean compound and AFINN, with 95% intervals.

    The lead measures are the table's scorer's (``scorer`` column, see
    :func:`table_scorer`): ``mean_tone`` and the shares of its ``tone_label``;
    ``mean_compound`` (VADER) and ``mean_afinn`` are second opinions.
    Each group gets two rows, ``masked=False`` then ``masked=True``. Intervals are
    seeded percentile bootstraps over statements (whole documents resampled when a
    group spans several, via ``groups_col``). ``groups`` restricts and orders the
    groups (e.g. ``["US", "Russia"]``); by default every non-missing value, most
    statements first. Returns the ``sentiment_summary`` table.

    >>> sent = score_statements(pd.DataFrame({"statement_id": ["a", "b", "c"], "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": ["X", "X", "Y"],
    ...     "speaker_id": None, "side": ["A", "A", "B"], "origin": "quote",
    ...     "text": ["A good deal.", "An end to the war.", "Bad."]}))
    >>> summarize(sent, n_boot=100)[["group", "masked", "scorer", "n", "mean_compound"]].round(3)
      group  masked           scorer  n  mean_compound
    0     A   False  newsmtsc-linear  2         -0.080
    1     A    True  newsmtsc-linear  2          0.220
    2     B   False  newsmtsc-linear  1         -0.542
    3     B    True  newsmtsc-linear  1         -0.542
    """
    if by not in ("side", "speaker"):
        raise ValueError(f"by must be 'side' or 'speaker', not {by!r}")
    scorer = table_scorer(sentiment)
    rows = []
    keys = sentiment[by].astype("object")
    parts = keys.groupby(keys, sort=False).indices  # row positions per group, one pass (not one per group)
    names = ["mean_tone", "mean_compound", *(f"share_{lab}" for lab in LABELS), "mean_afinn"]
    # every measure of both maskings as one float matrix, so each group's resamples are drawn once for all of them
    cols = []
    for masked in (False, True):
        comp_col, _, afinn_col = _columns(masked)
        sfx = "_masked" if masked else ""
        labels = sentiment[f"tone_label{sfx}"].to_numpy(object)
        cols += [sentiment[f"tone{sfx}"].to_numpy(float), sentiment[comp_col].to_numpy(float)]
        cols += [(labels == lab).astype(float) for lab in LABELS]
        cols.append(sentiment[afinn_col].to_numpy(float))
    values = np.column_stack(cols) if len(sentiment) else np.empty((0, 2 * len(names)))
    docs = sentiment["doc_id"].to_numpy(object)
    block_ids = sentiment[groups_col].astype(str).to_numpy(object) if groups_col and groups_col in sentiment.columns else None
    sides = sentiment["side"].to_numpy(object)
    for group in _order(sentiment[by], groups):
        pos = parts.get(group, np.empty(0, dtype=np.int64))
        sub = values[pos]
        blocks = block_ids[pos].tolist() if block_ids is not None else None
        side = sides[pos[0]] if len(pos) else (group if by == "side" else None)
        cis = bootstrap_mean_cis(sub, groups=blocks, n_boot=n_boot, seed=seed)
        means = [float(np.ascontiguousarray(sub[:, c]).mean()) if len(pos) else float("nan") for c in range(sub.shape[1])]
        for i, masked in enumerate((False, True)):
            row = {
                "level": by,
                "group": group,
                "side": side,
                "masked": masked,
                "scorer": scorer,
                "n": len(pos),
                "n_docs": len(set(docs[pos].tolist())),
            }
            for j, name in enumerate(names):
                c = i * len(names) + j
                row[name] = means[c]
                row[f"{name}_low"], row[f"{name}_high"] = cis[c]
            rows.append(row)
    return conform(pd.DataFrame(rows) if rows else None, "sentiment_summary")


def _measure_column(measure: str, masked: bool) -> str:
    comp_col, _, afinn_col = _columns(masked)
    return {"vader_compound": comp_col, "afinn": afinn_col}.get(measure, f"{measure}{'_masked' if masked else ''}")


def compare(
    sentiment: pd.DataFrame,
    side_a: str,
    side_b: str,
    measures: Sequence[str] = MEASURES,
    groups_col: str | None = "doc_id",
    n_boot: int = N_BOOT,
    n_perm: int = N_PERM,
    seed: int | None = None,
) -> pd.DataFrame:
    """Side A vs side B on each sentiment measure, unmasked and masked: the ``sentiment_comparison`` table.

    For each measure (:data:`MEASURES`: the scorer's ``tone``, ``share_positive`` and
    ``share_negative`` -- 0/1 indicators of the scorer's ``tone_label`` -- then VADER's
    ``vader_compound`` and ``afinn`` as second opinions) and each masking,
    :func:`analysis.compare.compare_sides` gives n, mean and 95% interval per side,
    the difference ``a - b``, a two-sided permutation p-value and Cliff's delta;
    ``p_adjusted`` applies Benjamini-Hochberg over all rows (10 tests by default). The
    ``scorer`` column names the table's scorer (:func:`table_scorer`).

    >>> sent = score_statements(pd.DataFrame({"statement_id": list("abcd"), "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": None, "speaker_id": None,
    ...     "side": ["A", "A", "B", "B"], "origin": "quote",
    ...     "text": ["Great!", "A good deal.", "Bad.", "The war."]}))
    >>> compare(sent, "A", "B", measures=["tone"], n_boot=100, n_perm=100)[["measure", "masked", "scorer", "n_a", "n_b", "cliffs_delta"]]
      measure  masked           scorer  n_a  n_b  cliffs_delta
    0    tone   False  newsmtsc-linear    2    2           1.0
    1    tone    True  newsmtsc-linear    2    2           1.0
    """
    scorer = table_scorer(sentiment)
    df = sentiment.copy()
    for masked in (False, True):
        sfx = "_masked" if masked else ""
        for lab in LABELS:
            df[f"share_{lab}{sfx}"] = (df[f"tone_label{sfx}"] == lab).astype(float)
    parts = []
    for measure in measures:
        for masked in (False, True):
            col = _measure_column(measure, masked)
            row = compare_sides(df, col, side_a, side_b, groups_col=groups_col, n_boot=n_boot, n_perm=n_perm, seed=seed)
            row.insert(0, "scorer", scorer)
            row.insert(0, "masked", masked)
            row.insert(0, "measure", measure)
            parts.append(row)
    out = pd.concat(parts, ignore_index=True) if parts else None
    if out is not None:
        out["p_adjusted"] = benjamini_hochberg(out["p_value"].tolist())
    return conform(out, "sentiment_comparison")


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    """Spearman's rho (average ranks for ties); NaN if n < 3 or either input is constant (no warning)."""
    from scipy.stats import rankdata

    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return float("nan")
    rx, ry = rankdata(x), rankdata(y)
    return float(np.corrcoef(rx, ry)[0, 1])


def lexicon_agreement(sentiment: pd.DataFrame, sides: Sequence[str] | None = None) -> pd.DataFrame:
    """How far VADER and AFINN agree over statements: Spearman rho, same-label share, opposite labels.

    Rows: ``all`` statements, then each side (``sides``, default every side, most
    statements first), each unmasked and masked. Rho compares VADER compound with
    AFINN per word. Returns the ``sentiment_lexicon_agreement`` table.

    >>> sent = score_statements(pd.DataFrame({"statement_id": list("abc"), "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": None, "speaker_id": None,
    ...     "side": "A", "origin": "quote", "text": ["Great!", "Fine.", "Awful."]}))
    >>> lexicon_agreement(sent)[["group", "masked", "n", "spearman_rho", "n_opposite"]]
      group  masked  n  spearman_rho  n_opposite
    0   all   False  3           1.0           0
    1   all    True  3           1.0           0
    2     A   False  3           1.0           0
    3     A    True  3           1.0           0
    """
    rows = []
    subsets = [("all", sentiment)] + [(s, sentiment.loc[sentiment["side"].astype("object") == s]) for s in _order(sentiment["side"], sides)]
    for group, sub in subsets:
        for masked in (False, True):
            comp_col, label_col, afinn_col = _columns(masked)
            sfx = "_masked" if masked else ""
            a_labels = sub[f"afinn_sum{sfx}"].map(afinn_label)
            v_labels = sub[label_col]
            opposite = ((v_labels == "positive") & (a_labels == "negative")) | ((v_labels == "negative") & (a_labels == "positive"))
            rows.append(
                {
                    "group": group,
                    "masked": masked,
                    "n": len(sub),
                    "spearman_rho": _spearman(sub[comp_col].to_numpy(float), sub[afinn_col].to_numpy(float)),
                    "share_same_label": float((v_labels == a_labels).mean()) if len(sub) else float("nan"),
                    "n_opposite": int(opposite.sum()),
                }
            )
    return conform(pd.DataFrame(rows), "sentiment_lexicon_agreement")


def lexicon_disagreements(sentiment: pd.DataFrame, masked: bool = False) -> pd.DataFrame:
    """Statements whose VADER label (±0.05) and AFINN label (sign of the sum) differ, with text and speaker.

    Opposite calls (one positive, the other negative) come first, then statements
    where one lexicon is neutral; within each, the statements' order. Returns the
    ``sentiment_disagreements`` table.

    >>> sent = score_statements(pd.DataFrame({"statement_id": ["a", "b"], "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": ["X", "Y"], "speaker_id": None,
    ...     "side": "A", "origin": "quote", "text": ["We are not happy.", "Good."]}))
    >>> lexicon_disagreements(sent)[["statement_id", "vader_label", "afinn_label", "opposite"]]
      statement_id vader_label afinn_label  opposite
    0            a    negative    positive      True
    """
    comp_col, label_col, _ = _columns(masked)
    sum_col = "afinn_sum_masked" if masked else "afinn_sum"
    df = sentiment.reset_index(drop=True)
    out = pd.DataFrame(
        {
            "statement_id": df["statement_id"],
            "doc_id": df["doc_id"],
            "side": df["side"],
            "speaker": df["speaker"],
            "masked": masked,
            "vader_compound": df[comp_col],
            "vader_label": df[label_col],
            "afinn_sum": df[sum_col],
            "afinn_label": df[sum_col].map(afinn_label),
            "text": df["text"],
        }
    )
    v, a = out["vader_label"], out["afinn_label"]
    out["opposite"] = ((v == "positive") & (a == "negative")) | ((v == "negative") & (a == "positive"))
    out = out.loc[v != a]
    out = out.assign(_later=~out["opposite"]).sort_values("_later", kind="stable")
    return conform(out, "sentiment_disagreements")


def extremes(sentiment: pd.DataFrame, k: int = 3, sides: Sequence[str] | None = None, masked: bool = False) -> pd.DataFrame:
    """The ``k`` most positive and ``k`` most negative statements of each side, with text and speaker.

    Ranked by VADER compound (masked if ``masked``). Only statements labelled positive
    can be "most positive" and only negative ones "most negative", so a side with no
    positive statement shows none. Ties keep the statements' order. Returns the
    ``sentiment_extremes`` table.

    >>> sent = score_statements(pd.DataFrame({"statement_id": list("abc"), "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": "X", "speaker_id": None,
    ...     "side": "A", "origin": "quote", "text": ["Good.", "Great!", "Bad."]}))
    >>> extremes(sent, k=1)[["side", "direction", "rank", "text"]]
      side      direction  rank    text
    0    A  most positive     1  Great!
    1    A  most negative     1    Bad.
    """
    comp_col, label_col, _ = _columns(masked)
    df = sentiment.reset_index(drop=True)
    parts = []
    for side in _order(df["side"], sides):
        sub = df.loc[df["side"].astype("object") == side]
        for direction, label, ascending in (("most positive", "positive", False), ("most negative", "negative", True)):
            pick = sub.loc[sub[label_col] == label].sort_values(comp_col, ascending=ascending, kind="stable").head(k)
            pick = pick.assign(side=side, direction=direction, rank=np.arange(1, len(pick) + 1))
            parts.append(pick)
    out = pd.concat(parts, ignore_index=True) if parts else None
    return conform(out, "sentiment_extremes")


# --------------------------------------------------------------------------- reading aids


def _fmt(est: float, lo: float, hi: float, digits: int) -> str:
    if np.isnan(est):
        return "–"
    est, lo, hi = (round(float(v), digits) + 0.0 for v in (est, lo, hi))  # + 0.0 turns -0.0 into 0.0
    if np.isnan(lo):
        return f"{est:.{digits}f}"
    return f"{est:.{digits}f} [{lo:.{digits}f}, {hi:.{digits}f}]"


def summary_view(
    summary: pd.DataFrame,
    measures: Sequence[str] = SUMMARY_MEASURES,
    digits: int = 2,
) -> pd.DataFrame:
    """A display view of a :func:`summarize` table: one row per group, "estimate [95% interval]" as scored and masked side by side.

    For reading only (text cells); keep the ``summarize`` table for numbers. A table
    split by view (a ``view`` column, :func:`analysis.measures.views.by_view`) keeps it
    as the first column, one row per view and group. Speaker rows also show the speaker's side; the ``scorer`` column names the scorer behind
    ``mean_tone`` and the label shares (:data:`SUMMARY_MEASURES` by default, lead measure first).

    >>> sent = score_statements(pd.DataFrame({"statement_id": ["a", "b"], "doc_id": "d",
    ...     "para_id": 0, "sent_id": 0, "start": 0, "end": 1, "speaker": None, "speaker_id": None,
    ...     "side": "A", "origin": "quote", "text": ["A good deal.", "An end to the war."]}))
    >>> summary_view(summarize(sent, n_boot=100), measures=["mean_tone"]).columns.tolist()
    ['group', 'n', 'scorer', 'mean_tone (as scored)', 'mean_tone (masked)']
    """
    records = summary.to_dict("records")  # plain dicts: one pass, no per-group filtering of the frame
    first: dict = {}
    by_masked: dict = {}
    speaker_groups = set()
    split = "view" in summary.columns  # a table per view (own words, reported words): one row per view and group
    for r in records:
        g = (r["view"], r["group"]) if split else r["group"]
        first.setdefault(g, r)
        by_masked.setdefault((g, bool(r["masked"])), r)
        if r["level"] == "speaker":
            speaker_groups.add(g)
    rows = []
    for group, head in first.items():
        row = {"view": group[0], "group": group[1]} if split else {"group": group}
        if group in speaker_groups:
            row["side"] = head["side"]
        row["n"] = int(head["n"])
        if "scorer" in summary.columns:
            row["scorer"] = head["scorer"]
        for m in measures:
            for masked, name in ((False, "as scored"), (True, "masked")):
                r = by_masked[(group, masked)]
                row[f"{m} ({name})"] = _fmt(r[m], r[f"{m}_low"], r[f"{m}_high"], digits)
        rows.append(row)
    return pd.DataFrame(rows)


def findings(summary: pd.DataFrame, comparison: pd.DataFrame, digits: int = 2) -> str:
    """Plain-language lines for the mean tone of two sides (named by scorer), as scored and masked, with n, intervals, p and delta.

    ``summary`` from :func:`summarize` (side level), ``comparison`` from :func:`compare`;
    the two sides are the comparison's. The scorer's tone leads; a last line gives the
    second opinions (VADER compound, AFINN) when the comparison has them. Written from
    the numbers, so the text never goes stale when the data change.
    """
    lines = []
    comp = comparison.loc[comparison["measure"] == "tone"]
    if comp.empty:
        return ""
    scorer = str(comp["scorer"].iloc[0]) if "scorer" in comp.columns else DEFAULT_SCORER
    what = tone_label_text(scorer)
    side_a, side_b = comp["side_a"].iloc[0], comp["side_b"].iloc[0]
    for side in (side_a, side_b):
        sub = summary.loc[(summary["level"] == "side") & (summary["group"] == side)]
        if sub.empty:
            lines.append(f"{side}: no statements.")
            continue
        parts = []
        for masked, name in ((False, "as scored"), (True, "topic terms masked")):
            r = sub.loc[sub["masked"] == masked].iloc[0]
            est = _fmt(r["mean_tone"], r["mean_tone_low"], r["mean_tone_high"], digits)
            parts.append(f"{est} {name}")
        n = int(sub["n"].iloc[0])
        lines.append(f"{side} (n = {n} statements): {what} " + "; ".join(parts) + ".")
    for masked, name in ((False, "as scored"), (True, "topic terms masked")):
        r = comp.loc[comp["masked"] == masked].iloc[0]
        if np.isnan(r["difference"]):
            lines.append(f"{side_a} − {side_b}, {name}: no comparison (a side has no statements).")
            continue
        lines.append(
            f"{side_a} − {side_b} in {what}, {name}: difference {r['difference']:+.{digits}f}, "
            f"permutation p = {r['p_value']:.{digits}f} (BH-adjusted {r['p_adjusted']:.{digits}f}), "
            f"Cliff's delta {r['cliffs_delta']:+.{digits}f} ({r['effect_size']})."
        )
    others = []
    for measure, name in (("vader_compound", "VADER compound"), ("afinn", "AFINN per word")):
        rows = comparison.loc[comparison["measure"] == measure]
        diffs = [
            f"{r['difference']:+.{digits}f} {'masked' if r['masked'] else 'as scored'} (Cliff's delta {r['cliffs_delta']:+.{digits}f})"
            for _, r in rows.iterrows()
            if not np.isnan(r["difference"])
        ]
        if diffs:
            others.append(f"{name} {', '.join(diffs)}")
    if others:
        lines.append(f"Second opinions, {side_a} − {side_b}: " + "; ".join(others) + ".")
    return "\n".join(lines)
