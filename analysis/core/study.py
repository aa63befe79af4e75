"""A study is a folder: ``corpus/`` (the documents) and ``resources/`` (what the study is about).

``python -m analysis init DIR`` scaffolds one (:func:`init_study`) with commented
templates; ``python -m analysis run DIR`` builds and runs it. The resources folder
holds the study's own copies of the resource files, each overriding the shipped one
of the same name (``ANALYSIS_RESOURCES``):

* ``study.yaml`` — a title, the one-line research question, the two sides compared;
* ``sides.yaml`` — the sides and the words that point to them;
* ``actors.yaml`` — the people and organisations known by name;
* ``frames.yaml`` — the frame codebook;
* ``topic_terms.txt`` — the words that name the topic (masked before tone scoring; none: no masking).

Light on purpose (no pandas): the command line reads it before the heavy imports.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp()) / "climate"
>>> [p.relative_to(d).as_posix() for p in init_study(d, sides=("Democrats", "Republicans"))][:3]
['README.md', 'corpus', 'resources/study.yaml']
>>> s = read_study(d / "resources")
>>> s["sides"], s["title"]
(['Democrats', 'Republicans'], 'climate')
"""

from __future__ import annotations

from pathlib import Path

from .errors import InputError
from .paths import PROJECT_ROOT, RESOURCES_DIR

__all__ = [
    "STUDY_FILE",
    "SEED_CORPUS",
    "CORPUS_ENV",
    "STUDY_RESOURCES",
    "is_study",
    "study_folders",
    "read_study",
    "possessive",
    "init_study",
]

STUDY_FILE = "study.yaml"
#: The corpus the shipped ``study.yaml`` describes (the seed study's ``data/raw``).
SEED_CORPUS = PROJECT_ROOT / "data" / "raw"
#: Set by ``python -m analysis run`` to the corpus it analyses (read by :func:`read_study`).
CORPUS_ENV = "ANALYSIS_CORPUS"
#: The resource files a study folder carries (its own, never the seed study's).
STUDY_RESOURCES = ("study.yaml", "sides.yaml", "actors.yaml", "frames.yaml", "topic_terms.txt")


def is_study(folder: str | Path) -> bool:
    """True when ``folder`` looks like a study folder (a ``corpus/`` or ``resources/`` folder inside).

    >>> is_study(RESOURCES_DIR)
    False
    """
    folder = Path(folder)
    return (folder / "corpus").is_dir() or (folder / "resources").is_dir()


def study_folders(folder: str | Path) -> tuple[Path, Path]:
    """``(corpus, resources)`` of a study folder."""
    folder = Path(folder)
    return folder / "corpus", folder / "resources"


def read_study(resources: str | Path | None = None) -> dict:
    """The study's ``title``, ``question`` and ``sides`` from ``study.yaml``.

    ``resources`` is a folder (default: ``ANALYSIS_RESOURCES`` if set, else the shipped
    resources, which describe the seed study). Missing fields are empty; a missing file
    gives the folder's name as title. A malformed file raises :class:`InputError`. When
    ``run`` analyses another corpus than the seed's (``ANALYSIS_CORPUS``) with the shipped
    resources, the seed's title and question do not apply: the title is the corpus
    folder's name, the question empty and ``path`` None.

    >>> read_study()["sides"]
    ['US', 'Russia']
    """
    import os

    import yaml

    if resources is None:
        override = os.environ.get("ANALYSIS_RESOURCES")
        folder = Path(override) if override else RESOURCES_DIR  # an override folder without study.yaml: no seed title
        corpus = os.environ.get(CORPUS_ENV)
        if not override and corpus and Path(corpus).resolve() != SEED_CORPUS.resolve():
            # the shipped study.yaml describes the seed corpus: another corpus run without a study
            # folder gets no seed title or question (its sides stay the shipped default)
            return {"title": Path(corpus).name, "question": "", "sides": _shipped_sides(), "path": None}
    else:
        folder = Path(resources)
    path = folder / STUDY_FILE
    name = folder.parent.name if folder.name == "resources" else folder.name
    if not path.is_file():
        return {"title": name, "question": "", "sides": [], "path": None}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as e:
        raise InputError(path, f"invalid YAML: {getattr(e, 'problem', None) or e}") from None
    if not isinstance(data, dict):
        raise InputError(path, "expected 'title:', 'question:' and 'sides:' lines")
    sides = data.get("sides") or []
    if isinstance(sides, str):
        sides = [s.strip() for s in sides.split(",")]
    if not isinstance(sides, list) or len(sides) not in (0, 2):
        raise InputError(path, "'sides' must list the two sides compared, e.g. [Democrats, Republicans]")
    return {
        "title": " ".join(str(data.get("title") or name).split()),
        "question": " ".join(str(data.get("question") or "").split()),
        "sides": [str(s).strip() for s in sides],
        "path": path,
    }


def named_by_sides(study: dict, sides) -> dict:
    """``study`` with a title and question from its two ``sides`` when it has no ``study.yaml`` of its own.

    >>> named_by_sides({"title": "x", "question": "", "path": None}, ["A", "B"])["question"]
    'How do A and B differ in who speaks, with what tone, frames and emphasis?'
    """
    if study.get("path") is not None or not sides:
        return study
    a, b = list(sides)[:2]
    question = study.get("question") or f"How do {a} and {b} differ in who speaks, with what tone, frames and emphasis?"
    return {**study, "title": f"{a} and {b}", "question": question}


def _shipped_sides() -> list[str]:
    return read_study(RESOURCES_DIR)["sides"]


def possessive(name: str) -> str:
    """``name`` with the English possessive: ``'s``, or only ``'`` after a final lower-case s.

    >>> possessive("Democrats"), possessive("US"), possessive("Russia"), possessive("NGOS")
    ("Democrats'", "US's", "Russia's", "NGOS's")
    """
    return f"{name}'" if name.endswith("s") and not name.isupper() else f"{name}'s"


_README = """\
# {title}

A study folder for `python -m analysis` (created by `python -m analysis init`).

- `corpus/` — the documents: UTF-8 `.txt` or `.md` files, one per document, each with an
  optional YAML front matter block (`doc_id`, `title`, `date`, `kind`, `side`, `source`,
  `url`, `language`, and any field of your own, such as `outlet` or `leaning`, which becomes
  a column of the documents table).
- `resources/` — what the study is about; each file replaces the suite's shipped file of the
  same name, and each starts with comments that say how to fill it in:
  `study.yaml` (title, research question, the two sides), `sides.yaml` (the sides and the
  words that point to them), `actors.yaml` (people and organisations known by name),
  `frames.yaml` (the frame codebook), `topic_terms.txt` (words masked before tone scoring).

Run it (inputs are checked first; every problem is named on its own line):

```bash
python -m analysis run {folder}
```

The tables, executed notebooks, figures and the HTML report go to `{folder}/run/`
(`--out` to choose another folder); open `{folder}/run/report/index.html`.
"""

_STUDY = """\
# The study (read by `python -m analysis run` and shown in every notebook and the report).
# title     one line naming the study
# question  the research question, in one sentence
# sides     the two sides compared, exactly as named by `side:` in sides.yaml
#           (the default of `run --sides`)
title: {title}
question: {question}
sides: [{a}, {b}]
"""

_SIDES = """\
# Sides and the words that point to them (analysis.extraction.registry).
# Source: written for this study. Replace the examples below with your own.
# One entry per group under `sides:` (several groups may share one side):
#   name     the group's actor name in every table
#   side     the side label used in every table and in study.yaml's `sides`
#   kind     what the group is: party, campaign, organisation, country, ...
#   demonym  optional adjective naming its bodies ("Democratic" + "leaders"); default: name
#   names    nouns that name the group ("the Democratic Party")
#   words    modifiers that give a title or a source its side ("Democratic senator",
#            "Republican lawmakers"); matching is case-sensitive; possessives are added.
sides:
  - name: {ga}
    side: {a}
    kind: group
    names: [{a}]
    words: []
  - name: {gb}
    side: {b}
    kind: group
    names: [{b}]
    words: []
"""

_ACTORS = """\
# Actor registry: people and organisations known by name (analysis.extraction.registry).
# Source: written for this study. People missing here are still found from the text
#   (names, titles, descriptions); an entry adds a side, a role and a stable id.
# One entry per actor, for example:
#   - {id: jane-doe, name: Jane Doe, kind: person, side: SIDE, role: Senator,
#      organisation: Senate, gender: female, aliases: [Doe, Sen. Doe]}
# Fields: id (lower-case, hyphens), name, kind (person | organization), side (a side
#   of sides.yaml, or null), role, organisation, gender (male | female, to resolve
#   he/she), aliases (matched case-sensitively as whole words).
actors: []
"""

_FRAMES = """\
# Frame codebook for this study (analysis.framing). Source: written for this study.
# Replace the example frames below with the frames of your question. Each frame:
#   id            lower_snake_case identifier
#   label         short label used in figures
#   description   one sentence: what a hand coder should look for
#   adapted_from  the codebook and frame it comes from, or "study"
#   patterns      words or phrases; a word matches its stem ("tax" matches taxes),
#                 word* a prefix, =word the exact word, _ any one word
#   exclusions    optional patterns whose match cancels an overlapping hit
# The pattern syntax is described in full in the suite's analysis/resources/frames.yaml.
# The two examples are generic frames of the Policy Frames Codebook (Boydstun et al. 2014).
stemmer: snowball_english
frames:
  - id: economic
    label: Economic
    description: Costs, benefits, jobs, prices and money.
    adapted_from: "Boydstun et al. 2014, 'economic'"
    patterns: [econom*, cost, =jobs, price, tax, budget]
  - id: health_safety
    label: Health & safety
    description: Health, illness, injury, death and public safety.
    adapted_from: "Boydstun et al. 2014, 'health and safety'"
    patterns: [health, disease, injur*, hospital, safety]
"""

_TOPIC = """\
# Topic terms for this study: words that name what the documents are ABOUT, masked
# before tone scoring so that the topic is not read as the speakers' feeling
# (analysis.sentiment; see the suite's analysis/resources/topic_terms.txt).
# One word or phrase per line, lower case. Leave the list empty (only comments) to
# score without masking; the sentiment notebook then says so.
"""


def init_study(folder: str | Path, title: str | None = None, question: str | None = None, sides=None) -> list[Path]:
    """Create the study folder ``folder`` with ``corpus/`` and commented resource templates; returns what it wrote.

    Refuses (:class:`InputError`) a folder that exists and is not empty, so nothing is overwritten.
    """
    import json

    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise InputError(folder, "exists and is not empty; choose a new folder for the study")
    a, b = (list(sides) if sides else ["Side A", "Side B"])[:2]
    title = " ".join((title or folder.name).split())
    question = " ".join((question or f"How do {a} and {b} differ in who speaks, with what tone, frames and emphasis?").split())

    def q(text: str) -> str:  # a YAML scalar: JSON strings are valid YAML
        return json.dumps(text, ensure_ascii=False)

    files = {
        "README.md": _README.format(title=title, folder=folder.as_posix()),
        "resources/study.yaml": _STUDY.format(title=q(title), question=q(question), a=q(a), b=q(b)),
        "resources/sides.yaml": _SIDES.format(a=q(a), b=q(b), ga=q(f"{a} group"), gb=q(f"{b} group")),
        "resources/actors.yaml": _ACTORS,
        "resources/frames.yaml": _FRAMES,
        "resources/topic_terms.txt": _TOPIC,
    }
    (folder / "corpus").mkdir(parents=True, exist_ok=True)
    written = []
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
        if rel == "README.md":
            written.append(folder / "corpus")
    return written
