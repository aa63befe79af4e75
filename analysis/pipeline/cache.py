"""Incremental builds: what a document's tables depend on, and which documents can be reused.

A document's tables are a pure function of the document file (its name and bytes),
the code the build stages run (:func:`analysis.pipeline.provenance.build_modules`), the installed package versions and
the resource files the build stages read. :func:`build_state` collects the hashes of all of these (the
manifest records them); a later build reuses the rows of a document from the
previous outputs when

* the file has the same name and the same sha256 as in the previous manifest, and
* the build state (code, packages, stages and the resources the stages depend on) has
  the same key.

So editing a document reprocesses that document only; editing a resource a stage
reads (for example ``actors.yaml``) reprocesses every document; editing a resource
no stage reads (one only the notebooks use) reprocesses nothing. Which resources a
stage reads is declared in :data:`STAGE_RESOURCES`; a stage that is not declared
there, and a resource file declared nowhere, count as depending on / depended on by
everything, so a missing declaration can make builds slower, never stale. Nothing is pickled: the state lives in ``manifest.json`` and the rows in the
previous Parquet tables.

>>> key = state_key(build_state(["segment"]))
>>> len(key)
64
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..core.resources import resource_hashes
from . import provenance
from .stages import stage_names

__all__ = ["STAGE_RESOURCES", "FORMAT", "dependencies", "build_state", "state_key", "reusable"]

#: Resource files each build stage reads (directly or through the modules it calls).
#: Stages missing here depend on every resource file (safe default).
_SEGMENT = ("abbreviations.txt", "sentence_starters.txt")
_EXTRACT = (
    "actors.yaml",
    "sides.yaml",
    "pronouns.tsv",
    "titles.txt",
    "org_heads.txt",
    "org_descriptions.txt",
    "anonymous_sources.txt",
    "reporting_verbs.tsv",
    "non_participles.txt",
    "clause_words.txt",
    "cue_verb_first.txt",
    "cue_noun_first.txt",
    "subject_tail_words.txt",
    "that_gap_words.txt",
    "infinitive_cues.txt",
    "naming_cues.txt",
    "clause_only_cues.txt",
    "clause_content_cues.txt",
    "claim_function_words.tsv",
    "linking_verbs.txt",
    "quote_verbs.txt",
    "speech_nouns.txt",
    "subject_verbs.txt",
    "honorifics.tsv",
    "first_names.tsv",
    "person_nouns.tsv",
    "org_words.txt",
    "source_modifiers.txt",
    "number_words.txt",
    "not_names.txt",
    "places.txt",
)
STAGE_RESOURCES: dict[str, tuple[str, ...]] = {
    "segment": _SEGMENT,  # analysis.core.text (Punkt parameters)
    "extract": _SEGMENT + _EXTRACT,  # analysis.extraction: every module (the actor, claim and quote modules, extract)
    "statements": (),  # analysis.extraction.statements: tables of the earlier stages only
    "sentiment": ("topic_terms.txt",),  # analysis.measures.sentiment (+ lexicons: external_resources)
    "frames": ("frames.yaml", "frames_generic.yaml"),  # analysis.measures.framing (the codebook chosen: ANALYSIS_CODEBOOK)
    "emphasis": ("frames.yaml", "frames_generic.yaml"),  # analysis.measures.emphasis (codebook through analysis.measures.framing)
}

#: Version of the incremental-build bookkeeping; bump to invalidate every previous output.
FORMAT = 1


#: Resource files only the notebooks read (never the build): editing them reprocesses nothing.
NOT_BUILD_RESOURCES: tuple[str, ...] = ("stopwords.txt",)


def dependencies(stages: list[str], all_resources: list[str]) -> list[str]:
    """Resource files the given stages depend on.

    The declared resources of each stage; every resource for an undeclared stage; and
    any resource file declared nowhere (a new file is assumed to be read by the build).

    >>> dependencies(["segment"], ["abbreviations.txt", "new.txt", "sentence_starters.txt", "stopwords.txt"])
    ['abbreviations.txt', 'new.txt', 'sentence_starters.txt']
    """
    known = set(NOT_BUILD_RESOURCES).union(*STAGE_RESOURCES.values())
    deps = {r for r in all_resources if r not in known}
    for s in stages:
        deps.update(STAGE_RESOURCES.get(s, all_resources))
    return sorted(deps)


def build_state(stages: list[str] | None = None) -> dict:
    """Everything a document's tables depend on, besides the document: code, packages, resources."""
    stages = stage_names() if stages is None else list(stages)
    res = resource_hashes()
    deps = dependencies(stages, sorted(res))
    return {
        "format": FORMAT,
        "code": provenance.code_hash(),
        "stages": stages,
        "packages": provenance.package_versions(),
        "resources": {n: res[n] for n in deps if n in res},
        "codebook": _codebook_state(),
        "external_resources": provenance.external_resources(),
    }


def _codebook_state() -> str:
    """The frame codebook the build uses (``ANALYSIS_CODEBOOK``): its name, or a path's sha256 so an edited file is seen."""
    from ..measures.codebook import CODEBOOKS, codebook_name

    name = codebook_name()
    if name in CODEBOOKS or not Path(name).is_file():
        return name
    return "sha256:" + hashlib.sha256(Path(name).read_bytes()).hexdigest()


def state_key(state: dict) -> str:
    """sha256 of the canonical JSON of a build state."""
    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()


def reusable(out_dir: Path, files: dict[str, str], key: str) -> tuple[dict[str, str], list[str]]:
    """Documents of the previous build in ``out_dir`` whose rows can be reused.

    ``files`` maps file name → sha256 of the current corpus. Returns ``(path → doc_id``
    of the reusable documents, names of the previous tables``)``; empty when there is
    no usable previous build (missing or different state key, missing tables, a table
    without ``doc_id``), so a full build follows.
    """
    import pyarrow.parquet as pq

    from ..core.store import read_manifest

    try:
        prev = read_manifest(out_dir)
    except Exception:  # noqa: BLE001 - no usable previous build: build everything
        return {}, []
    inc = prev.get("incremental") or {}
    if inc.get("key") != key:
        return {}, []
    tables = sorted(prev.get("tables") or {})
    if "documents" not in tables:
        return {}, []
    for name in tables:
        path = out_dir / f"{name}.parquet"
        if not path.is_file() or "doc_id" not in pq.read_schema(path).names:
            return {}, []
    same = {p for p, sha in (prev.get("inputs") or {}).items() if files.get(p) == sha}
    if not same:
        return {}, tables
    docs = pq.read_table(out_dir / "documents.parquet", columns=["path", "doc_id"]).to_pydict()
    ids = {p: d for p, d in zip(docs["path"], docs["doc_id"]) if p in same}
    if len(ids) != len(same):  # manifest and tables disagree: do not trust them
        return {}, []
    return ids, tables
