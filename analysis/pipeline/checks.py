"""Checks of a run's inputs before any work starts: the corpus files, the resources folder, the sides.

``python -m analysis run`` and ``build`` call :func:`check_inputs` first, so a bad input
stops within seconds (before the build and the notebooks) with one line per problem:
every bad document, every resource file that does not parse, every side that the
resources do not declare.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.md").write_text("", encoding="utf-8")
>>> _ = (d / "b.md").write_text("---\\nkind: poem\\n---\\nText.", encoding="utf-8")
>>> [line.split(": ", 1)[1] for line in corpus_problems(d)]
['empty file', "unknown kind 'poem'; expected one of news, readout, transcript, statement"]
>>> side_problems(["US", "Narnia"])
["--sides: 'Narnia' is not a side declared in analysis/resources/sides.yaml (declared: China, Europe, ...)"]
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..core.errors import ArgumentError, InputError, InputProblems
from ..core.paths import PROJECT_ROOT, RESOURCES_DIR

__all__ = ["parse_sides", "corpus_problems", "resource_problems", "side_problems", "declared_sides", "check_inputs"]


def _shown(path: Path) -> str:
    """``path`` relative to the project root when inside it (shorter error lines), else as given."""
    try:
        return Path(path).resolve().relative_to(PROJECT_ROOT.resolve()).as_posix()
    except ValueError:
        return str(path)


def parse_sides(text: str) -> tuple[str, str]:
    """``"US,Russia"`` → ``("US", "Russia")``; exactly two distinct, non-empty sides.

    >>> parse_sides(" US , China ")
    ('US', 'China')
    """
    parts = [p.strip() for p in str(text).split(",")]
    if len(parts) != 2 or not all(parts) or parts[0] == parts[1]:
        raise ArgumentError("--sides", f"expected two different sides separated by a comma, got {text!r}")
    return parts[0], parts[1]


def corpus_problems(corpus: str | Path) -> list[str]:
    """One ``"FILE: PROBLEM"`` line per unusable document of ``corpus`` (every one, not only the first)."""
    from ..core.corpus import list_documents, read_document

    corpus = Path(corpus)
    try:
        files = [corpus] if corpus.is_file() else list_documents(corpus)
    except InputError as e:
        return [str(e)]
    if not files:
        return [f"{corpus}: no .txt or .md documents in the corpus folder"]
    problems, seen = [], {}
    for f in files:
        try:
            doc = read_document(f)
        except InputError as e:
            problems.append(str(e))
            continue
        except OSError as e:
            problems.append(f"{f}: cannot read: {e.strerror or e}")
            continue
        if doc["doc_id"] in seen:
            problems.append(f"{f}: duplicate doc_id {doc['doc_id']!r} (also in {seen[doc['doc_id']]})")
        seen.setdefault(doc["doc_id"], f.name)
    return problems


def _yaml_problem(path: Path) -> tuple[object, str | None]:
    import yaml

    try:
        return yaml.safe_load(path.read_text(encoding="utf-8")), None
    except UnicodeDecodeError:
        return None, f"{path}: not valid UTF-8"
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        return None, f"{path}: invalid YAML{where}: {getattr(e, 'problem', None) or e}"


def resource_problems(resources: str | Path) -> list[str]:
    """One line per problem of a resources folder: missing, a file that does not parse, a malformed entry."""
    from ..core.study import read_study
    from ..extraction.registry import parse_side_groups

    folder = Path(resources)
    if not folder.is_dir():
        return [f"{folder}: resources folder not found"]
    problems = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        if path.suffix in (".yaml", ".yml"):
            data, problem = _yaml_problem(path)
            if problem:
                problems.append(problem)
                continue
            try:
                if path.name == "sides.yaml":
                    parse_side_groups(data, path)
                elif path.name == "study.yaml":
                    read_study(folder)
                elif path.name == "actors.yaml" and not (
                    data is None or isinstance(data, dict) and isinstance(data.get("actors") or [], list)
                ):
                    problems.append(f"{path}: expected 'actors:' followed by a list of entries")
                elif path.name == "frames.yaml":
                    from ..measures.framing import parse_codebook

                    parse_codebook(data, str(path))
            except InputError as e:
                problems.append(str(e))
        elif path.suffix in (".txt", ".tsv"):
            try:
                path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                problems.append(f"{path}: not valid UTF-8")
    return problems


def declared_sides(resources: str | Path | None = None) -> tuple[list[str], Path]:
    """The side labels of the ``sides.yaml`` in force for ``resources`` (its own, else the shipped one), and that file."""
    import yaml

    from ..extraction.registry import parse_side_groups

    path = Path(resources) / "sides.yaml" if resources is not None else None
    if path is None or not path.is_file():
        path = RESOURCES_DIR / "sides.yaml"
    groups = parse_side_groups(yaml.safe_load(path.read_text(encoding="utf-8")), path)
    return sorted({g["side"] for g in groups}), path


def side_problems(sides: Sequence[str], resources: str | Path | None = None) -> list[str]:
    """One ``--sides`` line per side that the sides file in force does not declare."""
    try:
        declared, path = declared_sides(resources)
    except (InputError, OSError, ValueError):
        return []  # the sides file itself is reported by resource_problems
    return [
        f"--sides: {s!r} is not a side declared in {_shown(path)} (declared: {', '.join(declared) or 'none'})"
        for s in sides
        if s not in declared
    ]


def check_inputs(corpus: str | Path, sides: Sequence[str] = (), resources: str | Path | None = None) -> None:
    """Raise :class:`InputProblems` listing every problem of the inputs of a run; return None when all is well."""
    problems = []
    check_sides = bool(sides)
    if resources is not None:
        problems += resource_problems(resources)
        check_sides = check_sides and Path(resources).is_dir()  # without the folder its sides are unknown
    elif os.environ.get("ANALYSIS_RESOURCES"):
        resources = os.environ["ANALYSIS_RESOURCES"]
    if check_sides:
        problems += side_problems(sides, resources)
    problems += corpus_problems(corpus)
    if problems:
        raise InputProblems(problems)
