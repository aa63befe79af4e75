"""Frame codebooks: parsing, validation and loading of the dictionary resources (``frames.yaml``, ``frames_generic.yaml``).

Two codebooks ship: ``diplomacy`` (``resources/frames.yaml``: Boydstun et al.'s Policy
Frames Codebook and Semetko & Valkenburg's generic frames, specialised for diplomacy)
and ``generic`` (``resources/frames_generic.yaml``: Semetko & Valkenburg's five generic
news frames, checked against people's coding of news articles; see docs/methods.md).
Both load through :func:`load_frames`; a run chooses one with ``--codebook`` (the
environment variable ``ANALYSIS_CODEBOOK``, read when no codebook is named), or names a
YAML file of its own. Each codebook file's header explains the pattern syntax.

>>> [f.id for f in load_frames("generic")]
['conflict', 'economic', 'human_interest', 'morality', 'resolution']
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
from nltk.stem.snowball import SnowballStemmer

from ..core.errors import InputError
from ..core.resources import PACKAGE_DIR, read_yaml, resource_path, safe_load
from ..core.schema import conform

__all__ = [
    "CODEBOOK",
    "CODEBOOKS",
    "Pattern",
    "Frame",
    "codebook_name",
    "codebook_file",
    "normalize_token",
    "stem",
    "compile_pattern",
    "parse_codebook",
    "load_frames",
    "frame_labels",
    "codebook_table",
    "codebook_summary",
    "codebook_label",
    "codebook_title",
]

CODEBOOK = "frames.yaml"
#: The shipped codebooks by name; ``--codebook`` takes one of these names or a path to a YAML file.
CODEBOOKS = {"diplomacy": "frames.yaml", "generic": "frames_generic.yaml"}
_STEMMERS = {"snowball_english": lambda: SnowballStemmer("english")}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def codebook_name(name: str | None = None) -> str:
    """The codebook to use: ``name``, else the environment variable ``ANALYSIS_CODEBOOK``, else ``diplomacy``.

    >>> codebook_name("generic"), codebook_name("frames.yaml")
    ('generic', 'frames.yaml')
    """
    return str(name or os.environ.get("ANALYSIS_CODEBOOK") or "diplomacy").strip()


def codebook_label(name: str | None = None) -> str:
    """The codebook's short name for prose: a shipped one's name, or ``study`` for any other
    (a study folder's own ``frames.yaml`` through ``ANALYSIS_RESOURCES``, or a YAML file).

    >>> codebook_label("generic")
    'generic'
    """
    path = _codebook_path(name)
    return codebook_name(name) if path.resolve().parent == PACKAGE_DIR.resolve() else "study"


def codebook_file(name: str | None = None) -> str:
    """The resource file name (or the path) of codebook ``name`` (see :func:`codebook_name`).

    >>> codebook_file("generic"), codebook_file("diplomacy")
    ('frames_generic.yaml', 'frames.yaml')
    """
    name = codebook_name(name)
    return CODEBOOKS.get(name, name)


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern: its source text, elements ``(kind, value)`` and the note on its intent.

    kinds: ``stem`` (Snowball stem), ``prefix`` (lower-case prefix), ``exact`` (lower-case token), ``any``.
    """

    text: str
    elements: tuple[tuple[str, str], ...]
    note: str = ""


@dataclass(frozen=True)
class Frame:
    """One frame of the codebook (see ``resources/frames.yaml``). ``repeats``: how many times one pattern counts in a
    document's evidence of the frame (:func:`analysis.measures.document_frames.frame_evidence`; 1, the default: each
    different pattern once)."""

    id: str
    label: str
    description: str
    adapted_from: str
    patterns: tuple[Pattern, ...]
    exclusions: tuple[Pattern, ...] = ()
    repeats: int = 1


def normalize_token(token: str) -> str:
    """Lower-case a token and straighten curly apostrophes.

    >>> normalize_token("Ukraine’s")
    "ukraine's"
    """
    return token.lower().replace("’", "'").replace("‘", "'")


@lru_cache(maxsize=200_000)
def stem(token: str) -> str:
    """Snowball (Porter2) English stem of a token, after :func:`normalize_token`; cached.

    >>> stem("Embassies"), stem("diplomatic"), stem("Ukraine’s")
    ('embassi', 'diplomat', 'ukrain')
    """
    return _stemmer().stem(normalize_token(token))


@lru_cache(maxsize=1)
def _stemmer():
    return SnowballStemmer("english")


def compile_pattern(text: str, note: str = "", where: str = CODEBOOK) -> Pattern:
    """Compile a pattern string (syntax in the header of ``frames.yaml``).

    >>> compile_pattern("end to _ war").elements
    (('stem', 'end'), ('stem', 'to'), ('any', ''), ('stem', 'war'))
    >>> compile_pattern("negotiat* =diplomats").elements
    (('prefix', 'negotiat'), ('exact', 'diplomats'))
    """
    parts = str(text).split()
    if not parts:
        raise InputError(where, f"empty pattern {text!r}")
    elements = []
    for p in parts:
        p = normalize_token(p)
        if p == "_":
            elements.append(("any", ""))
        elif p.endswith("*"):
            if len(p) < 4:
                raise InputError(where, f"pattern {text!r}: a prefix needs at least 3 letters before '*'")
            elements.append(("prefix", p[:-1]))
        elif p.startswith("="):
            elements.append(("exact", p[1:]))
        else:
            elements.append(("stem", stem(p)))
    if elements[0][0] == "any":
        raise InputError(where, f"pattern {text!r} must not start with '_'")
    return Pattern(text=str(text), elements=tuple(elements), note=note or "")


def _patterns(items, where: str) -> tuple[Pattern, ...]:
    out = []
    for it in items or []:
        if isinstance(it, Mapping):
            if "pattern" not in it:
                raise InputError(where, f"pattern entry {it!r} has no 'pattern' key")
            out.append(compile_pattern(it["pattern"], it.get("note") or "", where))
        else:
            out.append(compile_pattern(it, "", where))
    return tuple(out)


def parse_codebook(data: Mapping, where: str = CODEBOOK) -> tuple[Frame, ...]:
    """Validate and compile a parsed codebook mapping (``{"stemmer": ..., "frames": [...]}``).

    >>> fr = parse_codebook({"frames": [{"id": "econ", "label": "Economic", "patterns": ["trade"], "repeats": 2}]})
    >>> fr[0].id, fr[0].patterns[0].elements, fr[0].repeats
    ('econ', (('stem', 'trade'),), 2)
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("frames"), list):
        raise InputError(where, "expected a mapping with a 'frames' list")
    stemmer = data.get("stemmer", "snowball_english")
    if stemmer not in _STEMMERS:
        raise InputError(where, f"unknown stemmer {stemmer!r}; expected one of {sorted(_STEMMERS)}")
    frames, seen = [], set()
    for i, f in enumerate(data["frames"]):
        fid = str((f or {}).get("id", ""))
        if not _ID.match(fid):
            raise InputError(where, f"frame {i}: id {fid!r} must be lower_snake_case")
        if fid in seen:
            raise InputError(where, f"duplicate frame id {fid!r}")
        seen.add(fid)
        pats = _patterns(f.get("patterns"), f"{where} ({fid})")
        if not pats:
            raise InputError(where, f"frame {fid!r} has no patterns")
        repeats = f.get("repeats", 1)
        if isinstance(repeats, bool) or not isinstance(repeats, int) or repeats < 1:
            raise InputError(where, f"frame {fid!r}: repeats must be a whole number >= 1, not {repeats!r}")
        frames.append(
            Frame(
                id=fid,
                label=str(f.get("label") or fid),
                description=" ".join(str(f.get("description") or "").split()),
                adapted_from=str(f.get("adapted_from") or ""),
                patterns=pats,
                exclusions=_patterns(f.get("exclusions"), f"{where} ({fid})"),
                repeats=repeats,
            )
        )
    return tuple(frames)


def load_frames(name: str | None = None) -> tuple[Frame, ...]:
    """The frames of codebook ``name``, in file order.

    ``name`` is ``diplomacy`` or ``generic`` (the shipped codebooks), a resource file name
    (``frames.yaml``) or a path to a YAML codebook of one's own; None means
    :func:`codebook_name` (``ANALYSIS_CODEBOOK``, else ``diplomacy``).

    >>> [f.id for f in load_frames("diplomacy")][:3]
    ['diplomatic_relations', 'peace_negotiation', 'security_guarantees']
    """
    file = codebook_file(name)
    if file in CODEBOOKS.values() or (os.sep not in file and "/" not in file and not Path(file).is_file()):
        return _load_frames(str(resource_path(file)), file)
    path = Path(file)
    if not path.is_file():
        raise InputError(path, f"codebook not found; expected one of {', '.join(CODEBOOKS)} or a YAML file")
    return _load_frames(str(path.resolve()), None)


@lru_cache(maxsize=8)
def _load_frames(path: str, name: str | None) -> tuple[Frame, ...]:
    # keyed by the resolved path, so an ANALYSIS_RESOURCES override gets its own entry
    if name is not None:
        return parse_codebook(read_yaml(name), path)
    try:
        data = safe_load(Path(path).read_text(encoding="utf-8"))
    except Exception as e:  # noqa: BLE001 - a bad codebook file is bad input: one line
        raise InputError(path, f"cannot read the codebook: {e.__class__.__name__}") from None
    return parse_codebook(data, path)


def frame_labels(frames: Sequence[Frame] | None = None) -> dict[str, str]:
    """``{frame_id: label}`` in codebook order.

    >>> frame_labels()["economic"]
    'Economic'
    """
    return {f.id: f.label for f in (frames or load_frames())}


def codebook_table(frames: Sequence[Frame] | None = None) -> pd.DataFrame:
    """The codebook as a tidy table (table ``frame_codebook``): one row per pattern or exclusion.

    >>> t = codebook_table()
    >>> t.loc[t["pattern"] == "embassy", ["frame_id", "role", "compiled"]].values.tolist()
    [['diplomatic_relations', 'pattern', 'embassi']]
    """
    rows = []
    for f in frames or load_frames():
        for role, pats in (("pattern", f.patterns), ("exclusion", f.exclusions)):
            for p in pats:
                compiled = " ".join({"stem": v, "prefix": v + "*", "exact": "=" + v, "any": "_"}[k] for k, v in p.elements)
                rows.append((f.id, f.label, f.adapted_from, f.description, role, p.text, compiled, p.note))
    cols = ["frame_id", "label", "adapted_from", "description", "role", "pattern", "compiled", "note"]
    return conform(pd.DataFrame(rows, columns=cols), "frame_codebook")


def codebook_summary(name: str | None = None) -> str:
    """One Markdown paragraph describing codebook ``name`` from its own file: its name, the first line
    of its header comment (what it is for), and its frames' labels and sources.

    >>> codebook_summary("generic").split(":")[0]
    '**Frames.** The frame codebook in use is *generic* (`frames_generic.yaml`)'
    """
    path = _codebook_path(name)
    head = next((ln.lstrip("#").strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.startswith("#")), "")
    head = re.sub(r"\s*\(.*?\)", "", head).rstrip(". ")
    frames = load_frames(name)
    sources = sorted({f.adapted_from for f in frames if f.adapted_from})
    text = f"**Frames.** The frame codebook in use is {codebook_title(name)}"
    text += f": {head[0].lower() + head[1:]}." if head else "."
    text += f" Its {len(frames)} frames: {', '.join(f.label for f in frames)}"
    text += f" (adapted from {'; '.join(sources)})." if 0 < len(sources) <= 3 else "."
    return text


def _codebook_path(name: str | None = None) -> Path:
    file = codebook_file(name)
    return resource_path(file) if file in CODEBOOKS.values() else Path(file)


def codebook_title(name: str | None = None) -> str:
    """How the notebooks name codebook ``name``: a shipped one by its name, any other (a study's
    ``frames.yaml`` in ``ANALYSIS_RESOURCES``, or a YAML file) as the study's own, with its file name.

    >>> codebook_title("generic")
    '*generic* (`frames_generic.yaml`)'
    >>> codebook_title("my_frames.yaml")
    "the study's own (`my_frames.yaml`)"
    """
    path = _codebook_path(name)
    label = codebook_label(name)
    return f"*{label}* (`{path.name}`)" if label != "study" else f"the study's own (`{path.name}`)"
