"""Project resources: editable data files shipped in ``analysis/resources/``.

Every lexicon, list and codebook the library uses is a plain file here (YAML, TSV
or one-item-per-line text), each starting with a comment header that says where
it came from. Nothing linguistic is hard-coded in Python.

Set the environment variable ``ANALYSIS_RESOURCES`` to a folder to override
individual files (a file there with the same name wins), e.g. to run the suite
with another actor registry for another pair of sides.

>>> "u.s" in read_list("abbreviations.txt")
True
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
from functools import cache
from pathlib import Path

import yaml

from .paths import RESOURCES_DIR

__all__ = ["PACKAGE_DIR", "clear_caches", "resource_path", "read_list", "word_set", "read_tsv", "read_yaml", "safe_load", "resource_hashes"]

PACKAGE_DIR = RESOURCES_DIR  # the shipped resource folder, analysis/resources/


def resource_path(name: str) -> Path:
    """Path of resource ``name``: the override folder's copy if present, else the shipped one.

    >>> resource_path("abbreviations.txt").name
    'abbreviations.txt'
    """
    override = os.environ.get("ANALYSIS_RESOURCES")
    if override:
        candidate = Path(override) / name
        if candidate.is_file():
            return candidate
    return PACKAGE_DIR / name


def clear_caches() -> int:
    """Forget every cached resource and everything computed from one (every ``functools`` cache of ``analysis.*``).

    For a process that changes ``ANALYSIS_RESOURCES`` after resources were read (``run`` in a
    test, a notebook that switches studies). Returns the number of caches cleared.

    >>> clear_caches() > 0
    True
    """
    import sys

    n = 0
    for name, module in list(sys.modules.items()):
        if name != "analysis" and not name.startswith("analysis."):
            continue
        for obj in list(vars(module).values()):
            if callable(obj) and hasattr(obj, "cache_clear") and getattr(obj, "__module__", "") == name:
                obj.cache_clear()
                n += 1
    return n


@cache
def _read_text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def read_list(name: str) -> list[str]:
    """Non-empty, non-comment lines of a one-item-per-line resource, stripped, in file order.

    >>> read_list("abbreviations.txt")[:2]
    ['u.s', 'u.k']
    """
    out = []
    for line in _read_text(resource_path(name)).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@cache
def word_set(name: str) -> frozenset[str]:
    """The items of a one-item-per-line resource (:func:`read_list`) as a set, read once per process.

    For membership tests ("is this word a place name?"). Cached per resource name for the
    life of the process, so an override folder set after the first call is not seen.

    >>> "u.s" in word_set("abbreviations.txt"), word_set("abbreviations.txt") == frozenset(read_list("abbreviations.txt"))
    (True, True)
    """
    return frozenset(read_list(name))


def read_tsv(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated resource as dicts; ``#`` comment lines are skipped, the first other line is the header."""
    lines = [ln for ln in _read_text(resource_path(name)).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t")
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def read_yaml(name: str):
    """A YAML resource, parsed with :func:`safe_load` (resources are data, never code)."""
    return safe_load(_read_text(resource_path(name)))


def safe_load(text: str):
    """``yaml.safe_load(text)``, through libyaml's safe loader when PyYAML has it (much faster; still data only).

    On a YAML error the pure-Python safe loader parses the text again, so the error
    (line, problem) is the one ``yaml.safe_load`` gives.

    >>> safe_load("side: US\\ndate: 2025-02-18")
    {'side': 'US', 'date': datetime.date(2025, 2, 18)}
    """
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is not None:
        try:
            return yaml.load(text, Loader=loader)  # noqa: S506 - CSafeLoader is the safe loader
        except yaml.YAMLError:
            pass
    return yaml.safe_load(text)


def resource_hashes() -> dict[str, str]:
    """sha256 of every resource file in use (shipped files, with overrides applied), by name, sorted."""
    names = sorted(p.name for p in PACKAGE_DIR.iterdir() if p.is_file() and not p.name.startswith("."))
    return {n: hashlib.sha256(resource_path(n).read_bytes()).hexdigest() for n in names}
