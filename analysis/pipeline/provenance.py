"""Provenance of a build: the hash of the code the stages run, package versions, lexicon hashes, the manifest.

>>> {"pipeline.stages", "core.corpus", "core.text"} <= set(build_modules())
True
>>> "viz.figures" in build_modules() or "pipeline.engines" in build_modules()
False
"""

from __future__ import annotations

import ast
import hashlib
import importlib.metadata as md
import platform
import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import pandas as pd

from ..core.paths import PACKAGE_DIR
from ..core.resources import resource_hashes
from .stages import STAGES, Stage, stage_names

__all__ = ["build_modules", "code_hash", "package_versions", "external_resources", "make_manifest"]


def _module_file(name: str) -> Path | None:
    """Source file of module ``name`` (dotted, relative to the package; ``""`` is the package itself)."""
    base = PACKAGE_DIR.joinpath(*name.split(".")) if name else PACKAGE_DIR
    if base.with_suffix(".py").is_file() and name:
        return base.with_suffix(".py")
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    return None


def _package_of(name: str, path: Path) -> list[str]:
    parts = name.split(".") if name else []
    return parts if path.name == "__init__.py" else parts[:-1]


def build_modules(root: str = "pipeline.stages") -> list[str]:
    """Modules of this package the build stages can run: ``root`` and everything it imports, transitively.

    Names are dotted and relative to the package (``""`` is ``analysis/__init__.py``);
    the ``__init__`` of every package on the way is included, since importing a module
    runs it. Found from the source (every relative import, also inside functions), so
    the answer does not depend on what a process happened to import. The engines, the
    command line, the figures and the notebooks are not imported by the stages, so
    editing them keeps every cached document.
    """
    seen: set[str] = set()
    todo = [root]
    while todo:
        name = todo.pop()
        path = _module_file(name)
        if name in seen or path is None:
            continue
        seen.add(name)
        package = _package_of(name, path)
        for i in range(len(package)):  # the packages on the way: analysis, analysis.core, ...
            todo.append(".".join(package[:i]))
        todo.append(".".join(package))
        # analysis/__init__.py imports the figures only inside __getattr__ (save_figure), which
        # no stage calls: follow its module-level imports only; elsewhere every import counts
        for node in _relative_imports(path.read_text(encoding="utf-8"), top_level=name == ""):
            if isinstance(node, ast.ImportFrom) and node.level >= 1:
                base = package[: len(package) - (node.level - 1)]
                target = base + (node.module.split(".") if node.module else [])
                todo.append(".".join(target))
                for a in node.names:  # `from ..core import corpus`: corpus is a module
                    sub = ".".join([*target, a.name])
                    if _module_file(sub) is not None:
                        todo.append(sub)
    return sorted(seen)


# a relative import statement: ``from`` at the start of a line, then dots (its source is parsed
# with ast; the pattern only finds where to look, so imports in strings and comments are skipped)
_FROM_DOTS = re.compile(r"^[ \t]*from[ \t]+\.", re.MULTILINE)


def _relative_imports(source: str, top_level: bool = False) -> list[ast.ImportFrom]:
    """The relative ``from`` imports of a module's ``source`` (module-level ones only with ``top_level``), in order.

    The same nodes as walking the module's whole syntax tree, but only the statements
    that start with ``from .`` are parsed (the tree of a large module takes long to walk).

    >>> [(n.level, n.module) for n in _relative_imports("from . import a\\nimport os\\ndef f():\\n    from ..b import (c,\\n        d)\\n")]
    [(1, None), (2, 'b')]
    >>> [n.module for n in _relative_imports("from .a import x\\ndef f():\\n    from .b import y\\n", top_level=True)]
    ['a']
    """
    if top_level:
        return [n for n in ast.parse(source).body if isinstance(n, ast.ImportFrom) and n.level >= 1]
    tree = None
    out = []
    for m in _FROM_DOTS.finditer(source):
        line_end = source.find("\n", m.end())
        line_end = len(source) if line_end < 0 else line_end
        stmt = source[m.start() : line_end].strip()
        if stmt.endswith("("):  # a parenthesised list of names: up to the closing parenthesis
            close = source.find(")", line_end)
            stmt = source[m.start() : close + 1].strip() if close >= 0 else stmt
        stmt = stmt.split("#", 1)[0] if "(" not in stmt else stmt
        try:
            node = ast.parse(stmt).body[0]
        except SyntaxError:  # not a plain import statement (e.g. inside a string): parse the whole module
            tree = tree or ast.parse(source)
            return [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.level >= 1]
        if isinstance(node, ast.ImportFrom) and node.level >= 1:
            out.append(node)
    return out


@lru_cache(maxsize=1)
def code_hash() -> str:
    """sha256 over the source of the modules the build stages run (:func:`build_modules`): names and bytes."""
    h = hashlib.sha256()
    for name in build_modules():
        h.update(name.encode() + b"\0")
        h.update(hashlib.sha256(_module_file(name).read_bytes()).digest())
    return h.hexdigest()


def package_versions() -> dict[str, str]:
    """Installed versions of this project and of each of its declared dependencies."""
    out = {"python": platform.python_version()}
    try:
        reqs = md.requires("analysis") or []
        out["analysis"] = md.version("analysis")
    except md.PackageNotFoundError:
        reqs = []
    for r in reqs:
        name = r.split(";")[0].split("[")[0].split("=")[0].split(">")[0].split("<")[0].strip()
        try:
            out[name] = md.version(name)
        except md.PackageNotFoundError:
            pass
    return dict(sorted(out.items()))


def external_resources() -> dict[str, str]:
    """sha256 of resource files that ship in other packages (e.g. sentiment lexicons)."""
    out: dict[str, str] = {}
    try:
        from ..measures import sentiment
    except ImportError:
        return out
    for name, path in sorted(sentiment.lexicon_files().items()):
        out[name] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return out


def make_manifest(
    corpus_dir: Path, docs: list[dict], tables: dict[str, pd.DataFrame], command: list[str], stages: Sequence[Stage] = STAGES
) -> dict:
    """The build manifest: command, input hashes, resource hashes, package versions, table sizes."""
    return {
        "command": " ".join(command),
        "corpus": corpus_dir.as_posix(),
        "inputs": {d["path"]: d["sha256"] for d in docs},
        "resources": resource_hashes(),
        "external_resources": external_resources(),
        "packages": package_versions(),
        "stages": stage_names(stages),
        "tables": {n: {"rows": int(len(df)), "columns": list(df.columns)} for n, df in sorted(tables.items())},
    }
