"""Emphasis: where in its account each side puts each topic, and how much voice each side gets.

Topics are the frames of the codebook (``resources/frames.yaml``, see
:mod:`analysis.measures.framing`) and, optionally, mentions of a side ("mentions Ukraine",
from the mentions table). Everything works on two kinds of *units*:

* the sentences of a document (``level == "document"``): the whole account as
  written, a news article or a readout;
* the statements of one side in a document (``level == "side"``): what that side
  put forward, in the order the document gives it.

Measures (Kiousis 2004: attention and prominence), all per group (document, or
document and side) and topic:

* first mention: rank ``i`` of the first unit carrying the topic among the group's
  ``N`` units and the normalised position ``r = (i - 1) / (N - 1)`` (0 = lead,
  1 = end; ``r = 0`` when ``N == 1``); the same over paragraphs of the document;
* lead emphasis: the topic is in the headline (document title; document level only)
  or in the lead (first story paragraph for documents, first statement for sides);
* share of text: word tokens of the units carrying the topic / all word tokens of
  the group, with a percentile bootstrap interval over units (whole documents when
  a side spans several);
* position-weighted salience ``S = sum_i m_i w_i / sum_i w_i`` with
  ``w_i = 1 / log2(i + 1)`` for the i-th unit (``m_i`` 1 if it carries the topic),
  so the lead counts 1, the second unit 0.63, the tenth 0.29;
* order: the rank of each topic among the topics the group raises, by first mention.

Voice: words each side (and each actor) is quoted with directly and words
attributed to it in reported (indirect) speech, its share of all quoted or
attributed words and its direct share, with bootstrap intervals over statements.

Nothing here knows which sides a corpus has: sides are parameters or come from the
tables. Every number can be traced back to sentences with :func:`evidence`.

>>> weights(3).round(3).tolist()
[1.0, 0.631, 0.5]
>>> normalised_position(3, 5)
0.5

The package is split by concern: :mod:`.units` (units, positions and the position
formulas), :mod:`.resampling` (bootstrap intervals), :mod:`.topics`, :mod:`.measures`
(the emphasis table, its summary and comparison), :mod:`.voice`, :mod:`.evidence`,
:mod:`.loading` (tables in and out) and :mod:`.stage` (everything in one call, and the
build's stage). Their public names are re-exported here.
"""

from __future__ import annotations

__all__ = [
    "EMPHASIS_TABLES",
    "INPUT_TABLES",
    "LEVELS",
    "SIDE_PREFIX",
    "analyse",
    "compare_emphasis",
    "compare_leads",
    "compare_positions",
    "document_emphasis",
    "document_units",
    "emphasis",
    "emphasis_stage",
    "evidence",
    "findings",
    "findings_across_documents",
    "headline_topics",
    "load_inputs",
    "mention_hits",
    "normalised_position",
    "paragraph_ranks",
    "salience",
    "save",
    "sentences_matching",
    "statement_units",
    "summarize",
    "topic_hits",
    "topic_labels",
    "topic_order",
    "topic_presence",
    "voice",
    "weights",
]

from .evidence import evidence, sentences_matching
from .loading import EMPHASIS_TABLES, INPUT_TABLES, load_inputs, save
from .measures import (
    compare_emphasis,
    compare_leads,
    compare_positions,
    emphasis,
    findings,
    findings_across_documents,
    summarize,
    topic_order,
)
from .stage import analyse, document_emphasis, emphasis_stage
from .topics import headline_topics, mention_hits, topic_hits, topic_labels, topic_presence
from .units import LEVELS, SIDE_PREFIX, document_units, normalised_position, paragraph_ranks, salience, statement_units, weights
from .voice import voice
