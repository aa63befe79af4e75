"""Window sizes the extraction rules share, and a bounded end-anchored search.

Every look-back or look-ahead of an attribution rule is bounded by one of these named
constants, so the cost of a rule at one cue does not grow with the length of its unit
(text with no sentence break for thousands of characters stays linear; see
``benchmarks/bench_adversarial.py``).

>>> import re
>>> tail_search(re.compile(r",\\s*$"), "one, two, ").start()
8
"""

from __future__ import annotations

import re

__all__ = ["TAIL_WINDOW", "CONTENT_WINDOW", "PHRASE_WINDOW", "SKIPPED_MENTIONS", "tail_search"]

# characters before a cue (or a mention) searched for what ends the text there: a clause intro
# (", and"), a trailing title word, an "asked" frame
TAIL_WINDOW = 300
# characters after a cue searched for the end of its clause
CONTENT_WINDOW = 1500
# characters before a cue that may hold a descriptive subject ("Current and former officials said")
PHRASE_WINDOW = 1000
# mentions looked past (places, objects of prepositions) for the subject of a sentence: a subject
# behind more of them is no subject, and the scan stays bounded in text with no sentence break
SKIPPED_MENTIONS = 16


def tail_search(rx: re.Pattern, s: str, window: int = TAIL_WINDOW) -> re.Match | None:
    """``rx.search(s)`` for a pattern anchored at the end (``$``), looking only at the last ``window`` characters.

    The same match as ``rx.search(s)`` whenever that match starts within the window.
    """
    return rx.search(s, max(0, len(s) - window))
