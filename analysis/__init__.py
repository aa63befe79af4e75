"""analysis: who said what, for which side — tidy tables and side-by-side comparisons of diplomatic texts.

One subpackage per layer, lowest first; a layer imports only the layers below it
(tests/test_layers.py checks this):

* :mod:`analysis.core` — errors, paths, resources, schema (every table's columns),
  store (Parquet/JSON), text, corpus, stats, compare, study (a study folder);
* :mod:`analysis.extraction` — actors, quotes, claims, statements; ``extract`` is the entry point;
* :mod:`analysis.measures` — sentiment, framing, emphasis, voice, vocabulary, validation, synthesis;
* :mod:`analysis.viz` — figures and every ``plot_*`` function;
* :mod:`analysis.pipeline` — the build: stages, provenance, cache, engines, build, command line;
* :mod:`analysis.notebook` — what the notebooks call: setup, execution, runs, the HTML report.

The names below load on first use, so ``python -m analysis`` checks its arguments and
inputs before pandas, NLTK or matplotlib are imported.

See README.md and docs/.
"""

from importlib import import_module

__all__ = ["load_corpus", "InputError", "save_figure", "TABLES", "extract", "Extraction", "document_frames"]

_LAZY = {
    "load_corpus": ".core.corpus",
    "InputError": ".core.errors",
    "TABLES": ".core.schema",
    "extract": ".extraction.extract",
    "Extraction": ".extraction.extract",
    "save_figure": ".viz.figures",
    "document_frames": ".measures.document_frames",
}


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analysis' has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
