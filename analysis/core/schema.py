"""The one place where every table's columns, dtypes and meanings are declared.

Each entry of :data:`TABLES` names a table, its key and its columns as
``column: (dtype, meaning)``. Library functions return tables through
:func:`conform`, so column order and dtypes are the ones declared here, and
``docs/data.md`` is generated from this dictionary.

dtypes: ``str`` text that is always present; ``object`` text or lists that may be
missing (``None``); ``int64``; ``Int64`` (integer that may be missing); ``float64``; ``bool``.

>>> list(TABLES["sentences"]["columns"])
['doc_id', 'para_id', 'sent_id', 'start', 'end', 'text']
>>> conform(None, "sentences").shape
(0, 6)

Over 500 lines on purpose: it is the one declaration of every table (the dictionary below is
most of it); splitting it would defeat "the one place".
"""

from __future__ import annotations

from functools import cache, lru_cache

import numpy as np
import pandas as pd

__all__ = ["TABLES", "VOICE_COLUMNS", "SCORE_COLUMNS", "conform", "is_conformed", "from_records", "span_tables", "markdown"]

_SPAN = {
    "start": ("int64", "character offset of the first character, into the document body"),
    "end": ("int64", "character offset one past the last character; body[start:end] == text"),
}

TABLES: dict[str, dict] = {
    "documents": {
        "description": "One row per document in the corpus.",
        "key": ["doc_id"],
        "columns": {
            "doc_id": ("str", "document identifier (front matter `doc_id`, else the file name without extension)"),
            "title": ("str", "title (front matter, else the first line of the body)"),
            "date": ("object", "ISO date YYYY-MM-DD (front matter `date`, else one in the file name), or None"),
            "kind": ("str", "news, readout, transcript or statement"),
            "side": ("object", "side that issued the document (readouts, statements), or None"),
            "source": ("object", "outlet or issuing body, or None"),
            "url": ("object", "address of the original, or None"),
            "language": ("str", "ISO 639-1 language code (default en)"),
            "path": ("str", "file name inside the corpus folder"),
            "n_chars": ("int64", "characters in the body"),
            "n_words": ("int64", "word tokens in the body (analysis.core.text.count_words)"),
            "sha256": ("str", "sha256 of the file's bytes"),
            "body": ("str", "the document body after the front matter; all offsets index into it"),
        },
    },
    "paragraphs": {
        "description": "One row per paragraph (blank-line separated, or line separated when the body has no blank line).",
        "key": ["doc_id", "para_id"],
        "columns": {
            "doc_id": ("str", "document identifier"),
            "para_id": ("int64", "paragraph number within the document, from 0"),
            **_SPAN,
            "text": ("str", "the paragraph"),
            "is_heading": ("bool", "True for a subhead (all-capitals line or Markdown heading), not story text"),
        },
    },
    "sentences": {
        "description": "One row per sentence of a non-heading paragraph (NLTK Punkt with the project's parameters).",
        "key": ["doc_id", "sent_id"],
        "columns": {
            "doc_id": ("str", "document identifier"),
            "para_id": ("int64", "paragraph the sentence belongs to"),
            "sent_id": ("int64", "sentence number within the document, from 0"),
            **_SPAN,
            "text": ("str", "the sentence"),
        },
    },
    # --- sentiment (analysis.measures.sentiment, analysis.core.compare; issue 4) ---
    "sentiment": {
        "description": "One row per statement: VADER and AFINN scores and the chosen scorer's tone, unmasked and with topic terms masked (analysis.measures.sentiment.score_statements).",
        "key": ["statement_id"],
        "columns": {
            "statement_id": ("str", "statement identifier (statements table)"),
            "doc_id": ("str", "document identifier"),
            "para_id": ("Int64", "paragraph the statement starts in"),
            "sent_id": ("Int64", "sentence the statement starts in"),
            **_SPAN,
            "side": ("object", "side the statement speaks for, or None"),
            "speaker": ("object", "canonical name of the speaker or issuing body, or None"),
            "speaker_id": ("object", "actor id of the speaker, or None"),
            "origin": ("str", "quote, claim or readout"),
            "text": ("str", "the statement"),
            "n_words": ("int64", "word tokens in the text (analysis.core.text.count_words)"),
            "vader_compound": ("float64", "VADER compound score, -1..1 (NLTK SentimentIntensityAnalyzer, vaderSentiment's lexicon)"),
            "vader_compound_masked": ("float64", "VADER compound after topic terms are replaced by a neutral placeholder"),
            "vader_label": ("str", "positive (compound >= 0.05), negative (<= -0.05) or neutral: the VADER authors' cut-offs"),
            "vader_label_masked": ("str", "vader_label of the masked text"),
            "afinn": ("float64", "AFINN-en-165 points per word: sum of word scores (-5..5 each) / n_words"),
            "afinn_masked": ("float64", "afinn of the masked text (same n_words)"),
            "afinn_sum": ("float64", "AFINN-en-165 sum of word scores (the afinn package's score)"),
            "afinn_sum_masked": ("float64", "afinn_sum of the masked text"),
            "n_masked": ("int64", "topic-term occurrences masked (resources/topic_terms.txt)"),
            "masked_terms": ("object", "the masked occurrences as written, joined with '; ', or None"),
            "scorer": (
                "str",
                "the scorer that gave tone and tone_label (analysis.measures.sentiment.SCORERS; the build uses DEFAULT_SCORER)",
            ),
            "tone": (
                "float64",
                "the scorer's tone, -1..1: newsmtsc-linear P(positive) - P(negative); vader the compound; afinn sum / sqrt(sum² + 15)",
            ),
            "tone_masked": ("float64", "tone of the masked text"),
            "tone_label": (
                "str",
                "the scorer's label: negative, neutral or positive (newsmtsc-linear the likeliest class; vader ±0.05; afinn the sign)",
            ),
            "tone_label_masked": ("str", "tone_label of the masked text"),
        },
    },
    "sentiment_summary": {
        "description": "Sentiment per side or per speaker, unmasked and masked: n, the scorer's mean tone and label shares (the lead measures), mean VADER compound and mean AFINN (second opinions), each with a 95% bootstrap interval (analysis.measures.sentiment.summarize).",
        "key": ["level", "group", "masked"],
        "columns": {
            "level": ("str", "what a row groups by: side or speaker"),
            "group": ("str", "the side, or the speaker's name"),
            "side": ("object", "the side (for a speaker: the side of their first statement)"),
            "masked": ("bool", "True: scores with topic terms masked"),
            "scorer": ("str", "the scorer behind mean_tone and the label shares (the sentiment table's scorer column)"),
            "n": ("int64", "statements"),
            "n_docs": ("int64", "documents the statements come from"),
            "mean_tone": ("float64", "mean tone of the scorer, -1..1 (the lead measure)"),
            "mean_tone_low": ("float64", "95% bootstrap interval, lower bound"),
            "mean_tone_high": ("float64", "95% bootstrap interval, upper bound"),
            "mean_compound": ("float64", "mean VADER compound (second opinion)"),
            "mean_compound_low": ("float64", "95% bootstrap interval, lower bound"),
            "mean_compound_high": ("float64", "95% bootstrap interval, upper bound"),
            "share_positive": ("float64", "share of statements the scorer labels positive (tone_label)"),
            "share_positive_low": ("float64", "95% interval, lower"),
            "share_positive_high": ("float64", "95% interval, upper"),
            "share_neutral": ("float64", "share the scorer labels neutral"),
            "share_neutral_low": ("float64", "95% interval, lower"),
            "share_neutral_high": ("float64", "95% interval, upper"),
            "share_negative": ("float64", "share the scorer labels negative"),
            "share_negative_low": ("float64", "95% interval, lower"),
            "share_negative_high": ("float64", "95% interval, upper"),
            "mean_afinn": ("float64", "mean AFINN points per word (second opinion)"),
            "mean_afinn_low": ("float64", "95% interval, lower"),
            "mean_afinn_high": ("float64", "95% interval, upper"),
        },
    },
    "side_comparison": {
        "description": "One measure compared between two sides (analysis.core.compare.compare_sides): n, mean and 95% bootstrap interval per side, difference a - b, permutation p, Cliff's delta.",
        "key": ["value", "side_a", "side_b"],
        "columns": {
            "value": ("str", "the column compared"),
            "side_a": ("str", "first side"),
            "side_b": ("str", "second side"),
            "n_a": ("int64", "units of side a with a value"),
            "mean_a": ("float64", "mean of side a (a share for 0/1 values)"),
            "ci_low_a": ("float64", "95% bootstrap interval of mean_a, lower"),
            "ci_high_a": ("float64", "95% bootstrap interval of mean_a, upper"),
            "n_b": ("int64", "units of side b with a value"),
            "mean_b": ("float64", "mean of side b"),
            "ci_low_b": ("float64", "95% bootstrap interval of mean_b, lower"),
            "ci_high_b": ("float64", "95% bootstrap interval of mean_b, upper"),
            "difference": ("float64", "mean_a - mean_b"),
            "diff_low": ("float64", "95% bootstrap interval of the difference, lower"),
            "diff_high": ("float64", "95% bootstrap interval of the difference, upper"),
            "p_value": ("float64", "two-sided permutation p-value of the difference in means"),
            "cliffs_delta": ("float64", "Cliff's delta, P(a > b) - P(a < b), -1..1"),
            "effect_size": ("str", "negligible/small/medium/large (Romano et al. 2006), n/a if undefined"),
            "n_docs_a": ("int64", "documents with a value of side a (0 without document ids)"),
            "n_docs_b": ("int64", "documents with a value of side b"),
            "n_docs": ("int64", "documents with a value of either side"),
            "resampling": (
                "str",
                "documents (cluster bootstrap and permutation of whole documents, when the rows span more than one) or statements (one document)",
            ),
        },
    },
    "sentiment_comparison": {
        "description": "Side A vs side B on each sentiment measure, unmasked and masked (analysis.measures.sentiment.compare); p_adjusted is Benjamini-Hochberg over the rows.",
        "key": ["measure", "masked"],
        "columns": {
            "measure": (
                "str",
                "tone (the scorer's, the lead measure), share_positive, share_negative (of the scorer's tone_label), vader_compound or afinn",
            ),
            "masked": ("bool", "True: topic terms masked"),
            "scorer": ("str", "the scorer behind tone and the label shares (vader_compound and afinn rows do not depend on it)"),
            "value": ("str", "the column compared"),
            "side_a": ("str", "first side"),
            "side_b": ("str", "second side"),
            "n_a": ("int64", "statements of side a"),
            "mean_a": ("float64", "mean (or share) of side a"),
            "ci_low_a": ("float64", "95% bootstrap interval, lower"),
            "ci_high_a": ("float64", "95% bootstrap interval, upper"),
            "n_b": ("int64", "statements of side b"),
            "mean_b": ("float64", "mean (or share) of side b"),
            "ci_low_b": ("float64", "95% bootstrap interval, lower"),
            "ci_high_b": ("float64", "95% bootstrap interval, upper"),
            "difference": ("float64", "mean_a - mean_b"),
            "diff_low": ("float64", "95% bootstrap interval of the difference, lower"),
            "diff_high": ("float64", "95% bootstrap interval of the difference, upper"),
            "p_value": ("float64", "two-sided permutation p-value"),
            "p_adjusted": ("float64", "Benjamini-Hochberg adjusted p over the rows of this table"),
            "cliffs_delta": ("float64", "Cliff's delta, -1..1"),
            "effect_size": ("str", "negligible/small/medium/large"),
            "n_docs": ("int64", "documents with a value of either side"),
            "resampling": ("str", "documents (whole documents resampled, more than one document) or statements (one document)"),
        },
    },
    "sentiment_lexicon_agreement": {
        "description": "Agreement of VADER and AFINN over statements, overall and per side, unmasked and masked (analysis.measures.sentiment.lexicon_agreement).",
        "key": ["group", "masked"],
        "columns": {
            "group": ("str", "all, or a side"),
            "masked": ("bool", "True: topic terms masked"),
            "n": ("int64", "statements"),
            "spearman_rho": ("float64", "Spearman rank correlation of vader_compound and afinn (NaN if n < 3 or a score is constant)"),
            "share_same_label": ("float64", "share of statements whose VADER and AFINN labels (positive/neutral/negative) agree"),
            "n_opposite": ("int64", "statements one lexicon calls positive and the other negative"),
        },
    },
    "sentiment_disagreements": {
        "description": "Statements whose VADER and AFINN labels differ (analysis.measures.sentiment.lexicon_disagreements).",
        "key": ["statement_id", "masked"],
        "columns": {
            "statement_id": ("str", "statement identifier"),
            "doc_id": ("str", "document identifier"),
            "side": ("object", "side, or None"),
            "speaker": ("object", "speaker, or None"),
            "masked": ("bool", "True: scores with topic terms masked"),
            "vader_compound": ("float64", "VADER compound"),
            "vader_label": ("str", "VADER label (+-0.05)"),
            "afinn_sum": ("float64", "AFINN sum"),
            "afinn_label": ("str", "positive (sum > 0), negative (< 0) or neutral (0)"),
            "opposite": ("bool", "True when one says positive and the other negative"),
            "text": ("str", "the statement"),
        },
    },
    "sentiment_extremes": {
        "description": "The most positive and most negative statements of each side, with text and speaker (analysis.measures.sentiment.extremes).",
        "key": ["side", "direction", "rank"],
        "columns": {
            "side": ("str", "side"),
            "direction": ("str", "most positive or most negative"),
            "rank": ("int64", "1 = most extreme"),
            "statement_id": ("str", "statement identifier"),
            "speaker": ("object", "speaker, or None"),
            "origin": ("object", "quote, claim or readout"),
            "vader_compound": ("float64", "VADER compound"),
            "vader_compound_masked": ("float64", "VADER compound with topic terms masked"),
            "afinn": ("float64", "AFINN points per word"),
            "text": ("str", "the statement"),
        },
    },
    # --- framing (analysis.measures.framing, analysis.measures.vocabulary, analysis.measures.validation) ---
    "frame_codebook": {
        "description": "The frame codebook (resources/frames.yaml) as a table: one row per pattern or exclusion.",
        "key": ["frame_id", "role", "pattern"],
        "columns": {
            "frame_id": ("str", "frame identifier (lower_snake_case)"),
            "label": ("str", "short frame name used in figures"),
            "adapted_from": ("str", "codebook and frame it is adapted from (Boydstun et al.; Semetko & Valkenburg; project)"),
            "description": ("str", "what a hand coder looks for"),
            "role": ("str", "pattern (a match signals the frame) or exclusion (a match cancels overlapping hits of the frame)"),
            "pattern": ("str", "the pattern as written in the codebook"),
            "compiled": ("str", "the pattern as matched: Snowball stems, prefix*, =exact token, _ any token"),
            "note": ("str", "why the pattern signals the frame (may be empty)"),
        },
    },
    "frame_hits": {
        "description": "One row per codebook pattern match in a unit (statement or sentence), with keyword-in-context.",
        "key": ["doc_id", "unit_col", "unit_id", "frame_id", "start"],
        "columns": {
            "doc_id": ("str", "document identifier"),
            "unit_col": ("str", "name of the unit id column: statement_id or sent_id"),
            "unit_id": ("str", "the unit's id (statement_id or sent_id), as text"),
            "frame_id": ("str", "frame of the codebook that matched"),
            "pattern": ("str", "the codebook pattern that matched, as written in frames.yaml"),
            **_SPAN,
            "text": ("str", "the matched words; body[start:end] == text"),
            "kwic_left": ("str", "context before the match (up to 40 characters, whitespace collapsed)"),
            "kwic_right": ("str", "context after the match (up to 40 characters, whitespace collapsed)"),
        },
    },
    "frame_presence": {
        "description": "One row per unit and frame: codebook hits, presence and the unit's length.",
        "key": ["doc_id", "unit_col", "unit_id", "frame_id"],
        "columns": {
            "doc_id": ("str", "document identifier"),
            "unit_col": ("str", "name of the unit id column: statement_id or sent_id"),
            "unit_id": ("str", "the unit's id, as text"),
            "side": ("object", "side of the unit (statements), or None"),
            "frame_id": ("str", "frame identifier"),
            "n_hits": ("int64", "codebook hits of the frame in the unit"),
            "present": ("bool", "True when n_hits > 0"),
            "n_words": ("int64", "word tokens in the unit"),
        },
    },
    "frames_by_side": {
        "description": "Per side and frame: share of units carrying the frame and hits per 100 words, with n and bootstrap 95% intervals.",
        "key": ["side", "frame_id"],
        "columns": {
            "side": ("str", "side"),
            "frame_id": ("str", "frame identifier"),
            "label": ("str", "frame name"),
            "n_units": ("int64", "units (statements) of the side"),
            "n_present": ("int64", "units of the side carrying the frame"),
            "share": ("float64", "n_present / n_units"),
            "share_lo": ("float64", "lower bound, percentile bootstrap 95% interval of share (NaN for n < 2)"),
            "share_hi": ("float64", "upper bound of that interval"),
            "n_words": ("int64", "word tokens in the side's units"),
            "n_hits": ("int64", "codebook hits of the frame in the side's units"),
            "hits_per_100w": ("float64", "100 * n_hits / n_words"),
            "rate_lo": ("float64", "lower bound, percentile bootstrap 95% interval of hits_per_100w"),
            "rate_hi": ("float64", "upper bound of that interval"),
            "primary": ("bool", "the side's primary frame (highest share, then rate, then codebook order)"),
            "only_this_side": ("bool", "this side raises the frame and the other side never does"),
        },
    },
    "frame_differences": {
        "description": "Per frame: side A minus side B in share of units carrying it, permutation p-value, Benjamini-Hochberg q.",
        "key": ["frame_id"],
        "columns": {
            "frame_id": ("str", "frame identifier"),
            "label": ("str", "frame name"),
            "side_a": ("str", "first side compared"),
            "side_b": ("str", "second side compared"),
            "n_a": ("int64", "units of side A"),
            "n_b": ("int64", "units of side B"),
            "share_a": ("float64", "share of side A's units carrying the frame"),
            "share_b": ("float64", "share of side B's units carrying the frame"),
            "diff": ("float64", "share_a - share_b"),
            "p_value": ("float64", "two-sided permutation p-value on side labels (units treated as exchangeable)"),
            "rate_delta": ("float64", "Cliff's delta of per-unit hits per 100 words, A vs B"),
            "q_value": ("float64", "Benjamini-Hochberg adjusted p-value over all frames"),
        },
    },
    "distinctive_words": {
        "description": "Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), side A vs side B, per word.",
        "key": ["side_a", "side_b", "word"],
        "columns": {
            "side_a": ("str", "first side (positive z favours it)"),
            "side_b": ("str", "second side (negative z favours it)"),
            "word": ("str", "lower-cased word token, stopwords removed"),
            "count_a": ("int64", "occurrences in side A's units"),
            "count_b": ("int64", "occurrences in side B's units"),
            "count_total": ("int64", "count_a + count_b"),
            "prior": ("float64", "Dirichlet prior alpha_w (default: pooled count, alpha_0 = pooled total)"),
            "delta": ("float64", "log-odds ratio of the word in A vs B under the prior"),
            "var": ("float64", "approximate variance of delta: 1/(count_a + alpha_w) + 1/(count_b + alpha_w)"),
            "z": ("float64", "delta / sqrt(var); a ranking, not a significance test"),
            "favours": ("str", "side_a when z > 0, side_b when z < 0, empty when z == 0"),
            "rank": ("int64", "rank within the favoured side by |z| (1 = most distinctive), 0 when z == 0"),
        },
    },
    "frame_coding": {
        "description": "Long form of frame coding of sentences, one row per sentence, coder and frame (hand coders and the codebook).",
        "key": ["doc_id", "sent_id", "coder", "frame_id"],
        "columns": {
            "doc_id": ("str", "document identifier"),
            "sent_id": ("int64", "sentence number within the document"),
            "coder": ("str", "coder name, or 'codebook' for the dictionary"),
            "frame_id": ("str", "frame identifier"),
            "coded": ("bool", "True when the coder says the sentence carries the frame"),
        },
    },
    "frame_agreement": {
        "description": "Per frame: agreement between the codebook and hand coding on a sample of sentences (Krippendorff's alpha, nominal).",
        "key": ["frame_id"],
        "columns": {
            "frame_id": ("str", "frame identifier"),
            "label": ("str", "frame name"),
            "n_units": ("int64", "sentences coded by hand and by the codebook"),
            "n_coders": ("int64", "coders including the codebook"),
            "n_hand": ("int64", "sentences a hand coder marked with the frame (any coder)"),
            "n_codebook": ("int64", "sentences the codebook marked with the frame"),
            "n_both": ("int64", "sentences marked by the codebook and by every hand coder"),
            "percent_agreement": ("float64", "share of pairwise coder comparisons that agree"),
            "alpha": ("float64", "Krippendorff's alpha, nominal (NaN when every value is the same: alpha undefined)"),
            "reading": ("str", "alpha >= 0.8 reliable, >= 0.667 tentative, lower unreliable, or 'undefined'"),
        },
    },
}

# --- Actors, quotes, claims, statements (analysis.extraction.extract, analysis.extraction.statements) ---------------
# analysis.extraction.extract.extract(text) returns the ``text_*`` tables: offsets index the string it was
# given. At corpus level (analysis.extraction.extract.extract_document, written by the build) the same
# columns get doc_id, para_id and sent_id in front (``mentions``, ``quotes``, ``claims``; the
# paragraph/sentence holding the start offset, sent_id None inside a heading) and ``actors`` gets
# doc_id only. Text that may be missing (speaker, source, side, role) is None, never NaN.
_LOC = {
    "doc_id": ("str", "document identifier"),
    "para_id": ("Int64", "paragraph holding the start offset"),
    "sent_id": ("Int64", "sentence holding the start offset (None when it lies in a heading)"),
}
_EXTRACT_TABLES = {
    "mentions": (
        "One row per mention of an actor (name, title, organisation, resolved pronoun, or an anonymous source used as a speaker).",
        ["start"],
        {
            **_SPAN,
            "text": ("str", "the mention as written"),
            "actor": ("object", "canonical actor name (registry or discovered), None for an anonymous source"),
            "actor_id": ("object", "actor identifier (registry id or a slug of the discovered name), or None"),
            "side": ("object", "side of the actor (sides.yaml label), or None when unknown"),
            "how": ("str", "registry, title, apposition, org pattern, name, surname, pronoun or anonymous"),
        },
    ),
    "actors": (
        "One row per distinct actor mentioned.",
        ["actor_id"],
        {
            "actor_id": ("str", "actor identifier"),
            "actor": ("str", "canonical name"),
            "kind": ("str", "person, organization or country"),
            "side": ("object", "side label, or None when unknown"),
            "role": ("object", "office or description (registry role, or the title the text gave), or None"),
        },
    ),
    "quotes": (
        "One row per quoted passage (marks excluded) with its speaker.",
        ["quote_id"],
        {
            "quote_id": ("int64", "quote number within the text/document, from 0, in text order"),
            **_SPAN,
            "text": ("str", "the quoted words, quote marks excluded"),
            "speaker": ("object", "canonical name of the speaker, or None when unattributable"),
            "speaker_id": ("object", "actor_id of the speaker, or None"),
            "side": ("object", "side of the speaker (also for anonymous sources with a country word), or None"),
            "speaker_start": ("Int64", "start of the mention the attribution rests on (a pronoun if the text says 'he said')"),
            "speaker_end": ("Int64", "end of that mention"),
            "cue": ("object", "reporting verb of the attribution as written, or None"),
            "cue_start": ("Int64", "start of the cue"),
            "cue_end": ("Int64", "end of the cue"),
            "kind": ("str", "full (quoted sentence), partial (fragment in the reporter's sentence) or term (scare-quoted word/title)"),
            "rule": (
                "object",
                "attribution rule that fired (the quote sieve of analysis.extraction.quote_sieve: a claim's rule, or adjacent, dash, colon, "
                "put-it, naming (speaker None) or passive-by, sentence-cue, possessive, sentence-subject, continuation, lead-in, previous-subject, previous-claim, subject-phrase), or None",
            ),
        },
    ),
    "claims": (
        "One row per reported claim (direct or indirect speech) with its source and reporting verb.",
        ["claim_id"],
        {
            "claim_id": ("int64", "claim number within the text/document, from 0, in text order"),
            **_SPAN,
            "text": ("str", "the reported content"),
            "source": ("object", "canonical name of the source, or None (anonymous or unresolved)"),
            "source_id": ("object", "actor_id of the source, or None"),
            "side": ("object", "side of the source, or None"),
            "source_start": ("Int64", "start of the source mention"),
            "source_end": ("Int64", "end of the source mention"),
            "cue": ("str", "reporting verb as written"),
            "cue_lemma": ("str", "lemma of the reporting verb (reporting_verbs.tsv)"),
            "cue_start": ("int64", "start of the cue"),
            "cue_end": ("int64", "end of the cue"),
            "cue_class": ("str", "neutral, assertive, revelatory, critical, directive, tentative or distancing"),
            "direct": ("bool", "True when the content contains a quote"),
            "quote_ids": ("object", "list of quote_id values inside the content"),
            "rule": (
                "str",
                "attribution rule: subject, subject-phrase, inverted, participle, according-to, asked (source None), headline or "
                "transcript ('Name: …'), readout, colon or dash (cue ':' or '—'), as-source ('As X reported, …'), "
                "passive ('… was first reported by X') or relative ('which X called …')",
            ),
        },
    ),
}
for _name, (_desc, _key, _cols) in _EXTRACT_TABLES.items():
    TABLES["text_" + _name] = {
        "description": _desc + " In-memory result of analysis.extraction.extract (offsets into the given text).",
        "key": _key,
        "columns": dict(_cols),
    }
    _loc = {"doc_id": _LOC["doc_id"]} if _name == "actors" else _LOC
    TABLES[_name] = {
        "description": _desc + " Corpus level: offsets into the document body.",
        "key": ["doc_id", *_key],
        "columns": {**_loc, **_cols},
    }
TABLES["statements"] = {
    "description": "One row per stretch of text that one side put forward: a quote or claim content (news) or a "
    "sentence of a readout/statement document. Overlapping quote and claim spans are counted once.",
    "key": ["statement_id"],
    "columns": {
        "statement_id": ("str", "'<doc_id>:<n>' with n the statement number within the document"),
        "doc_id": ("str", "document identifier"),
        "para_id": ("Int64", "paragraph holding the start offset"),
        "sent_id": ("Int64", "sentence holding the start offset"),
        **_SPAN,
        "text": ("str", "the statement"),
        "speaker": ("object", "canonical speaker name (the issuing body for readouts), or None"),
        "speaker_id": ("object", "actor_id of the speaker, or None"),
        "side": ("object", "side the statement speaks for, or None"),
        "origin": ("str", "quote, claim or readout"),
        "position": ("float64", "start offset / characters in the body: 0 = start of the document, 1 = end"),
        "n_words": ("int64", "word tokens (analysis.core.text.count_words)"),
    },
}
# --- emphasis and voice (analysis.measures.emphasis; issue 6) ---
TABLES.update(
    {
        "emphasis": {
            "description": "Per level (document sentences, or one side's statements in a document), document, side and topic: first mention, lead, share of text, position-weighted salience and order (analysis.measures.emphasis.emphasis).",
            "key": ["level", "doc_id", "side", "frame_id"],
            "columns": {
                "level": ("str", "document (the document's sentences) or side (the side's statements in the document, in text order)"),
                "doc_id": ("str", "document identifier"),
                "kind": ("str", "document kind: news, readout, transcript or statement"),
                "side": (
                    "object",
                    "side of the statements (level side), or the issuing side of a readout/statement (level document), else None",
                ),
                "frame_id": ("str", "topic: a frame of the codebook, or 'side:<side>' for mentions of a side"),
                "label": ("str", "topic name used in figures"),
                "n_units": ("int64", "N: sentences (level document) or statements of the side (level side)"),
                "n_paras": ("Int64", "story paragraphs of the document (headings excluded)"),
                "n_present": ("int64", "units carrying the topic"),
                "present": ("bool", "the group raises the topic at all"),
                "n_words": ("int64", "word tokens of all the group's units"),
                "topic_words": ("int64", "word tokens of the units carrying the topic"),
                "share_of_text": ("float64", "topic_words / n_words"),
                "share_lo": ("float64", "95% percentile bootstrap interval of share_of_text over units, lower (NaN for N < 2)"),
                "share_hi": ("float64", "upper bound of that interval"),
                "salience": ("float64", "position-weighted salience sum(m_i w_i) / sum(w_i), w_i = 1/log2(i+1), i = unit rank"),
                "in_headline": ("object", "True when the document title carries the topic (level document), None for level side"),
                "in_lead": ("bool", "the first paragraph (level document) or the side's first statement (level side) carries the topic"),
                "first_rank": ("Int64", "rank i (1-based) of the first unit carrying the topic, None if never raised"),
                "first_pos": ("float64", "normalised first-mention position (i - 1) / (N - 1), 0 = lead, 1 = end (0 when N = 1)"),
                "first_para_rank": ("Int64", "story paragraph (1-based) of that unit"),
                "first_para_pos": ("float64", "normalised paragraph position of that unit, (p - 1) / (n_paras - 1)"),
                "order": ("Int64", "rank of the topic among the topics the group raises, by first unit, then first hit offset in it"),
                "first_unit": ("object", "sent_id (level document) or statement_id (level side) of the first unit carrying the topic"),
                "first_start": ("Int64", "offset of that unit in the document body"),
                "first_end": ("Int64", "end offset of that unit; body[first_start:first_end] == first_text"),
                "first_text": ("object", "the text of that unit: the sentence behind the first-mention numbers"),
            },
        },
        "emphasis_summary": {
            "description": "Per side, level and topic over the documents where the side speaks: share of documents raising it, mean first-mention position, salience and share of text with bootstrap intervals over documents (analysis.measures.emphasis.summarize).",
            "key": ["side", "level", "frame_id"],
            "columns": {
                "side": ("str", "side"),
                "level": ("str", "side (its statements) or document (documents it issued)"),
                "frame_id": ("str", "topic identifier"),
                "label": ("str", "topic name"),
                "n_docs": ("int64", "documents where the side has units"),
                "n_raised": ("int64", "documents where the side raises the topic"),
                "share_docs": ("float64", "n_raised / n_docs"),
                "first_pos": ("float64", "mean first-mention position over documents raising the topic"),
                "first_pos_lo": ("float64", "95% bootstrap interval over documents, lower (NaN with fewer than 2)"),
                "first_pos_hi": ("float64", "upper bound"),
                "salience": ("float64", "mean position-weighted salience over documents"),
                "salience_lo": ("float64", "95% interval, lower"),
                "salience_hi": ("float64", "95% interval, upper"),
                "share_of_text": ("float64", "mean share of text over documents"),
                "share_of_text_lo": ("float64", "95% interval, lower"),
                "share_of_text_hi": ("float64", "95% interval, upper"),
                "share_lead": ("float64", "share of documents whose lead (first paragraph or first statement) carries the topic"),
            },
        },
        "emphasis_comparison": {
            "description": "Per topic: normalised positions of the units carrying it, side A vs side B (analysis.measures.emphasis.compare_positions via analysis.core.compare.compare_sides).",
            "key": ["measure", "frame_id"],
            "columns": {
                "measure": ("str", "position: normalised position of each unit carrying the topic (lower = earlier)"),
                "frame_id": ("str", "topic identifier"),
                "label": ("str", "topic name"),
                "value": ("str", "the column compared (pos)"),
                "side_a": ("str", "first side"),
                "side_b": ("str", "second side"),
                "n_a": ("int64", "units of side a carrying the topic"),
                "mean_a": ("float64", "mean position of side a"),
                "ci_low_a": ("float64", "95% bootstrap interval, lower"),
                "ci_high_a": ("float64", "95% bootstrap interval, upper"),
                "n_b": ("int64", "units of side b carrying the topic"),
                "mean_b": ("float64", "mean position of side b"),
                "ci_low_b": ("float64", "95% bootstrap interval, lower"),
                "ci_high_b": ("float64", "95% bootstrap interval, upper"),
                "difference": ("float64", "mean_a - mean_b (negative: side a raises it earlier)"),
                "diff_low": ("float64", "95% bootstrap interval of the difference, lower"),
                "diff_high": ("float64", "95% bootstrap interval of the difference, upper"),
                "p_value": (
                    "float64",
                    "two-sided permutation p-value (units exchangeable with one document; whole document clusters with several)",
                ),
                "cliffs_delta": ("float64", "Cliff's delta of positions, -1..1"),
                "effect_size": ("str", "negligible/small/medium/large"),
                "n_docs": ("int64", "documents with a value of either side"),
                "resampling": ("str", "documents or statements (analysis.core.compare.compare_sides)"),
            },
        },
        "voice": {
            "description": "Voice per side or per actor: quoted (direct) and reported (indirect) words, voice share and direct share with bootstrap intervals (analysis.measures.emphasis.voice).",
            "key": ["level", "group"],
            "columns": {
                "level": ("str", "side or speaker"),
                "group": ("str", "the side, or the speaker's name ('(unknown)' when missing)"),
                "side": ("object", "side of the group (for a speaker: side of their statements), or None"),
                "n_docs": ("int64", "documents with statements of the group"),
                "n_statements": ("int64", "quote and claim statements of the group"),
                "n_quotes": ("int64", "statements with quoted (direct) words"),
                "n_claims": ("int64", "statements of origin claim (reported speech, may contain a quotation)"),
                "quoted_words": ("int64", "word tokens of the group's statements inside quotation marks (scare-quoted terms excluded)"),
                "indirect_words": ("int64", "attributed words outside quotation marks (reported, indirect speech)"),
                "attributed_words": ("int64", "quoted_words + indirect_words"),
                "readout_words": ("int64", "word tokens of readout sentences issued by the group (own text, not in the shares)"),
                "voice_share": ("float64", "attributed_words / all attributed words of the corpus"),
                "voice_share_lo": ("float64", "95% bootstrap interval over statements (documents when several), lower"),
                "voice_share_hi": ("float64", "upper bound"),
                "direct_share": ("float64", "quoted_words / attributed_words (NaN when 0)"),
                "direct_share_lo": ("float64", "95% bootstrap interval over the group's statements, lower"),
                "direct_share_hi": ("float64", "upper bound"),
            },
        },
    }
)
#: Columns of the ``voice_by_actor`` table: name -> (dtype, meaning).
VOICE_COLUMNS: dict[str, tuple[str, str]] = {
    "level": ("str", "actor (one row per speaker/source) or side"),
    "group": ("str", "the actor's canonical name or the side; '(unknown)' when none was recovered"),
    "side": ("object", "side of the actor (its first side in the tables), the side itself, or None"),
    "n_docs": ("int64", "documents where the group has a quote, claim or statement"),
    "n_quotes": ("int64", "quotes (full or partial; scare-quoted terms excluded) attributed to the group"),
    "n_terms": ("int64", "scare-quoted terms (kind 'term') in the group's sentences"),
    "quoted_words": ("int64", "word tokens inside those quotes (quotes table)"),
    "n_claims": ("int64", "reported claims whose source is the group (readouts left out when documents are given)"),
    "n_direct_claims": ("int64", "of those, claims whose content contains a quote"),
    "claim_words": ("int64", "word tokens of the claims' content (quoted parts included)"),
    "n_statements": ("int64", "quote/claim statements (overlapping quote and claim spans merged; statements table)"),
    "attributed_words": ("int64", "word tokens of those statements: every word counted once"),
    "direct_words": ("int64", "of those, words inside a quote (analysis.measures.emphasis.voice)"),
    "readout_words": ("int64", "words of readout/statement documents issued by the group (not voice given by a reporter)"),
    "voice_share": ("float64", "attributed_words / all attributed words of the level (NaN for a group with no statement)"),
    "voice_share_lo": ("float64", "95% percentile bootstrap interval over statements, lower (NaN with fewer than 2)"),
    "voice_share_hi": ("float64", "upper bound of that interval"),
    "direct_share": ("float64", "direct_words / attributed_words"),
}
TABLES["voice_by_actor"] = {
    "description": "Notebook 02: voice of each actor and each side: quotes, claims and statements attributed to it, and its share of all attributed words with a bootstrap interval (analysis.measures.voice.voice_by_actor).",
    "key": ["level", "group"],
    "columns": VOICE_COLUMNS,
}

#: The score columns of the ``sentiment`` table, in the order the scorer returns them
#: (analysis.measures.sentiment.score_texts).
SCORE_COLUMNS = (
    "n_words",
    "vader_compound",
    "vader_compound_masked",
    "vader_label",
    "vader_label_masked",
    "afinn",
    "afinn_masked",
    "afinn_sum",
    "afinn_sum_masked",
    "n_masked",
    "masked_terms",
    "scorer",
    "tone",
    "tone_masked",
    "tone_label",
    "tone_label_masked",
)

#: The ``view`` column of the tables the notebooks save per view (:data:`SAVED_BY_VIEW`, ``frame_share_comparison``).
VIEW_COLUMN = (
    "str",
    "own (the sides' readouts and statements), reported (quotes and claims in the news) or pooled (both, only when the notebook's view parameter asks): the statements the row is computed from (analysis.measures.views)",
)

TABLES["frame_share_comparison"] = {
    "description": "Notebook 04: per view and for the frames whose share differs most between the sides, the share of each side's statements carrying the frame, A against B (analysis.measures.views.share_comparisons via analysis.core.compare.compare_sides).",
    "key": ["view", "frame_id"],
    "columns": {
        "view": VIEW_COLUMN,
        "measure": ("str", "share: <frame label>"),
        "frame_id": ("str", "frame id"),
        **TABLES["side_comparison"]["columns"],
    },
}

#: Tables the notebooks save split by view: saved file name -> the declared table of each view's rows.
#: The saved file has a leading ``view`` column (:data:`VIEW_COLUMN`), then that table's columns.
SAVED_BY_VIEW: dict[str, str] = {
    "sentiment_by_side": "sentiment_summary",
    "sentiment_comparison": "sentiment_comparison",
    "frames_by_side": "frames_by_side",
    "frame_differences": "frame_differences",
    "emphasis_comparison": "emphasis_comparison",
}


def saved_columns(name: str) -> dict[str, tuple[str, str]]:
    """The declared columns of a table the notebooks save as ``<name>.parquet``: per-view tables lead with ``view``.

    >>> list(saved_columns("frames_by_side"))[:3]
    ['view', 'side', 'frame_id']
    >>> list(saved_columns("frame_share_comparison"))[:3]
    ['view', 'measure', 'frame_id']
    """
    if name in SAVED_BY_VIEW:
        return {"view": VIEW_COLUMN, **TABLES[SAVED_BY_VIEW[name]]["columns"]}
    return dict(TABLES[name]["columns"])


def schema_problems(df: pd.DataFrame, name: str) -> list[str]:
    """What keeps ``df`` from matching the declared columns of saved table ``name`` (:func:`saved_columns`): [] when it matches.

    Columns must be the declared ones in the declared order; numeric and boolean
    columns must have the declared dtype; text columns may be ``str`` or ``object``
    (Parquet reads text back either way).

    >>> schema_problems(pd.DataFrame({"x": [1]}), "frame_share_comparison")[0][:24]
    'columns differ: missing '
    """
    cols = saved_columns(name)
    problems = []
    if list(df.columns) != list(cols):
        missing = [c for c in cols if c not in df.columns]
        extra = [c for c in df.columns if c not in cols]
        problems.append(f"columns differ: missing {missing}, extra {extra}" if missing or extra else "columns in another order")
    for c, (dtype, _) in cols.items():
        if c not in df.columns:
            continue
        got = str(df[c].dtype)
        if dtype in ("str", "object"):
            if got not in ("str", "string", "object"):
                problems.append(f"{c}: dtype {got}, declared {dtype}")
        elif got != dtype:
            problems.append(f"{c}: dtype {got}, declared {dtype}")
    return problems


TABLES["comparison_summary"] = {
    "description": "Notebook 06 summary: each measure for each side with n, estimate, 95% interval, effect size of the difference and a plain-language caveat, read from the tables notebooks 03-05 saved (analysis.measures.synthesis.summary_table).",
    "key": ["question", "view", "measure", "side"],
    "columns": {
        "question": ("str", "voice, sentiment, frames or emphasis"),
        "view": (
            "str",
            "own (the sides' readouts and statements), reported (quotes and claims in the news) or pooled; None when the source table is not split by view",
        ),
        "measure": ("str", "what is measured, in words (ends with the view when split by view)"),
        "side": ("str", "side"),
        "n": ("int64", "units behind the estimate (statements)"),
        "estimate": ("float64", "the side's value (NaN for text-only rows)"),
        "ci_low": ("float64", "95% bootstrap interval, lower (NaN when undefined)"),
        "ci_high": ("float64", "95% bootstrap interval, upper"),
        "effect": ("float64", "effect of the difference between the sides (same on both rows): see effect_size"),
        "effect_size": ("str", "what effect is (Cliff's delta with its size label, or a difference A - B)"),
        "p_value": ("float64", "p-value of the difference as saved (adjusted where the notebook adjusted it), NaN if none"),
        "detail": ("str", "text for rows without a number (e.g. the topics of a side's lead statement)"),
        "caveat": ("str", "plain-language caveat"),
    },
}


def conform(df: pd.DataFrame | None, name: str) -> pd.DataFrame:
    """Return ``df`` with exactly the declared columns of table ``name``, in order, with declared dtypes.

    ``None`` or an empty frame gives an empty table with the right columns. Extra
    columns are dropped; a missing declared column raises ``KeyError``.
    """
    cols = TABLES[name]["columns"]
    if df is None or (len(df) == 0 and not set(cols) <= set(df.columns)):
        df = pd.DataFrame({c: pd.Series([], dtype="object") for c in cols})
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise KeyError(f"table {name!r} is missing columns {missing}")
    data = {}
    for c, (dtype, _) in cols.items():
        col = df[c]
        if dtype == "object":
            if col.dtype != object:
                col = col.astype("object")
            if col.isna().any():
                col = col.where(col.notna(), None)
        elif str(col.dtype) != dtype:
            col = col.astype(dtype)
        data[c] = col.to_numpy(copy=False) if dtype == "object" else col.array
    index = pd.RangeIndex(len(df))
    return pd.DataFrame(
        {c: pd.Series(v, index=index, dtype=("object" if cols[c][0] == "object" else None), copy=False) for c, v in data.items()}
    )


@lru_cache(maxsize=1)
def _str_dtype():
    return pd.array(["x"], dtype="str").dtype


def is_conformed(df: pd.DataFrame, name: str) -> bool:
    """True if ``df`` already is what :func:`conform` would return for table ``name`` (so conforming can be skipped).

    >>> is_conformed(conform(None, "sentences"), "sentences"), is_conformed(pd.DataFrame({"x": [1]}), "sentences")
    (True, False)
    """
    cols = TABLES[name]["columns"]
    if list(df.columns) != list(cols) or not isinstance(df.index, pd.RangeIndex) or df.index.start != 0 or df.index.step != 1:
        return False
    for c, (dtype, _) in cols.items():
        col = df[c]
        if str(col.dtype) != dtype:
            return False
        if dtype == "object" and col.isna().any() and not all(v is None for v in col[col.isna()]):
            return False  # conform turns NaN into None
    return True


def _array(values: list, dtype: str):
    """One column's values as an array of ``dtype`` (a schema dtype), built directly (fast for short columns).

    >>> _array(["a", None], "str").tolist(), _array([3, None], "Int64").tolist()
    (['a', nan], [3, <NA>])
    """
    if dtype == "object":
        arr = np.empty(len(values), dtype=object)
        arr[:] = [None if (v is None or v != v) else v for v in values] if values else []
        return arr
    if dtype in ("int64", "float64", "bool"):
        return np.asarray(values, dtype=dtype)
    if dtype == "str" and _str_dtype().storage == "pyarrow":
        import pyarrow as pa

        clean = [v if isinstance(v, str) else (None if v is None or v != v else str(v)) for v in values]
        return pd.arrays.ArrowStringArray(pa.array(clean, type=pa.large_string()), dtype=_str_dtype())
    if dtype == "Int64" and all(v is None or type(v) is int for v in values):
        mask = np.fromiter((v is None for v in values), dtype=bool, count=len(values))
        data = np.fromiter((0 if v is None else v for v in values), dtype=np.int64, count=len(values))
        return pd.arrays.IntegerArray(data, mask)
    return pd.array(values, dtype=dtype)


def from_records(rows: list[dict], name: str) -> pd.DataFrame:
    """Table ``name`` built directly from a list of row dicts (fast path for per-document tables).

    Equivalent to ``conform(pd.DataFrame(rows), name)`` but builds each column once,
    with its declared dtype; missing keys become None/NA.

    >>> from_records([{"doc_id": "d", "para_id": 0, "sent_id": 0, "start": 0, "end": 3, "text": "Hi."}], "sentences").dtypes["start"]
    dtype('int64')
    """
    cols = TABLES[name]["columns"]
    arrays = [_array([r.get(c) for r in rows], dtype) for c, (dtype, _) in cols.items()]
    index = pd.RangeIndex(len(rows))
    try:  # pandas' own fast constructor: the arrays already have their final dtypes
        return pd.DataFrame._from_arrays(arrays, columns=_columns(name), index=index, verify_integrity=False)
    except (AttributeError, TypeError):  # pragma: no cover - other pandas versions
        return pd.DataFrame(dict(zip(cols, arrays)), index=index, copy=False)


@cache
def _columns(name: str) -> pd.Index:
    return pd.Index(list(TABLES[name]["columns"]))


def span_tables() -> list[str]:
    """Names of the tables whose rows are text spans (have start, end and text columns)."""
    return [n for n, t in TABLES.items() if {"start", "end", "text"} <= set(t["columns"])]


def markdown() -> str:
    """``docs/data.md``: every declared table with its key, columns, dtypes and meanings.

    Regenerate with ``python -m analysis schema > docs/data.md`` (``make docs``);
    a test fails when the file and this dictionary disagree.
    """
    lines = [
        "# Data: the tables in `data/processed/`",
        "",
        "Generated from `analysis/core/schema.py` by `make docs`; do not edit by hand.",
        "Every table is a Parquet file `data/processed/<table>.parquet`. Offsets (`start`, `end`, and",
        "`*_start`, `*_end`) are character offsets into the document body (`documents.body`, the",
        "text after the front matter), so `body[start:end] == text` for every row.",
        "",
        "dtypes: `str` text always present; `object` text or list that may be missing (None);",
        "`int64`; `Int64` integer that may be missing; `float64`; `bool`.",
        "",
    ]
    for name, table in TABLES.items():
        lines += [f"## `{name}`", "", table.get("description", ""), "", f"Key: {', '.join(f'`{k}`' for k in table.get('key', []))}", ""]
        lines += ["| column | dtype | meaning |", "| --- | --- | --- |"]
        for col, (dtype, meaning) in table["columns"].items():
            lines.append(f"| `{col}` | {dtype} | {meaning.replace('|', '/')} |")
        lines.append("")
        saved = [f for f, t in SAVED_BY_VIEW.items() if t == name]
        if saved:
            files = ", ".join(f"`{f}.parquet`" for f in saved)
            lines += [
                f"Saved per view by the notebooks as {files}: a leading `view` column ({VIEW_COLUMN[0]}: {VIEW_COLUMN[1]}), then the columns above.",
                "",
            ]
    return "\n".join(lines)
