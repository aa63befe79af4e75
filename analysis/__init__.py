"""analysis: who said what, for which side — tidy tables and side-by-side comparisons of diplomatic texts.

One subpackage per layer, lowest first; a layer imports only the layers below it
(tests/test_layers.py checks this):

* :mod:`analysis.core` — errors, paths, resources, schema (every table's columns),
  store (Parquet/JSON), text, corpus, stats, compare;
* :mod:`analysis.extraction` — actors, quotes, claims, statements; ``extract`` is the entry point;
* :mod:`analysis.measures` — sentiment, framing, emphasis, voice, vocabulary, validation, synthesis;
* :mod:`analysis.viz` — figures and every ``plot_*`` function;
* :mod:`analysis.pipeline` — the build: stages, provenance, cache, engines, build, command line;
* :mod:`analysis.notebook` — what the notebooks call: setup, execution, runs, the HTML report.

See README.md and docs/.
"""

from .core.corpus import load_corpus
from .core.errors import InputError
from .core.schema import TABLES
from .extraction.extract import Extraction, extract

__all__ = ["load_corpus", "InputError", "save_figure", "TABLES", "extract", "Extraction", "document_frames"]


def __getattr__(name: str):
    # matplotlib loads only when figures are wanted (the build and extraction never draw)
    if name == "save_figure":
        from .viz.figures import save_figure

        return save_figure
    if name == "document_frames":
        from .measures.document_frames import document_frames

        return document_frames
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
