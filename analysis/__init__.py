"""analysis: who said what, for which side — tidy tables and side-by-side comparisons of diplomatic texts.

Layers (lower never import higher): text/resources/schema → corpus → extraction
(actors, quotes, claims, statements) → measures (sentiment, framing, emphasis) →
compare → figures. See README.md and docs/.
"""

from .core.corpus import load_corpus
from .core.errors import InputError
from .core.schema import TABLES
from .extraction.extract import Extraction, extract

__all__ = ["load_corpus", "InputError", "save_figure", "TABLES"]
__all__ += ["extract", "Extraction"]


def __getattr__(name: str):
    # matplotlib loads only when figures are wanted (the build and extraction never draw)
    if name == "save_figure":
        from .viz.figures import save_figure

        return save_figure
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
