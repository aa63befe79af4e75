"""The command-line commands of the notebook layer: ``notebooks``, ``check-notebooks`` and ``run``.

Each takes the parsed arguments of :mod:`analysis.pipeline.cli` and returns the exit status;
``analysis/__main__.py`` hands them to the command line.

>>> sorted(COMMANDS)
['check-notebooks', 'notebooks', 'run']
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["COMMANDS", "check_notebooks", "notebooks", "run", "run_inputs"]


def check_notebooks(args: argparse.Namespace) -> int:
    """Fail (1) when a notebook has code cells without stored outputs."""
    from .notebooks import unexecuted_cells

    bad = {str(p): unexecuted_cells(p) for p in args.paths}
    bad = {p: cells for p, cells in bad.items() if cells}
    for p, cells in bad.items():
        print(
            f"error: {p}: code cells {cells} have no stored output; run `make all` and commit the executed notebook",
            file=sys.stderr,
        )
    return 1 if bad else 0


def notebooks(args: argparse.Namespace) -> int:
    """Execute the notebooks in place, in order."""
    from .notebooks import execute_notebook

    for path in args.paths:
        execute_notebook(path)
        print(f"executed {path}")
    return 0


def run_inputs(args: argparse.Namespace) -> dict:
    """The corpus, sides, output and resources folders of ``run``, from the options and the study folder.

    ``run STUDY`` takes ``STUDY/corpus``, ``STUDY/resources``, the sides of
    ``STUDY/resources/study.yaml`` and ``STUDY/run``; an option given wins. Raises
    :class:`ArgumentError` for what is still missing.

    >>> ns = argparse.Namespace(study=None, corpus="c", sides="A,B", out="o", resources=None)
    >>> run_inputs(ns)["sides"]
    ('A', 'B')
    """
    from pathlib import Path

    from ..core.errors import ArgumentError
    from ..core.study import read_study, study_folders
    from ..pipeline.checks import parse_sides

    corpus, sides, out, resources = args.corpus, args.sides, args.out, args.resources
    study = getattr(args, "study", None)
    if study is not None:
        study = Path(study)
        if not study.is_dir():
            raise ArgumentError("STUDY", f"{study}: study folder not found (create one with: python -m analysis init {study})")
        s_corpus, s_resources = study_folders(study)
        corpus = corpus or s_corpus
        resources = resources or (s_resources if s_resources.is_dir() else None)
        out = out or study / "run"
        if sides is None:  # the sides of the study (its own study.yaml when --resources names a folder without one)
            for folder in (resources, s_resources):
                if folder is not None and (Path(folder) / "study.yaml").is_file():
                    sides = ",".join(read_study(folder)["sides"]) or None
                    break
    for name, value in (("--corpus", corpus), ("--sides", sides), ("--out", out)):
        if value is None:
            raise ArgumentError(name, "required (or give a study folder: python -m analysis run STUDY)")
    return {
        "corpus": Path(corpus),
        "sides": parse_sides(sides),
        "out": Path(out),
        "resources": None if resources is None else Path(resources),
    }


def run(args: argparse.Namespace) -> int:
    """Check the inputs, build the corpus, execute every numbered notebook on it into ``--out`` and write the HTML report."""
    from ..pipeline.checks import check_inputs

    inputs = run_inputs(args)
    check_inputs(inputs["corpus"], inputs["sides"], inputs["resources"])  # before the heavy imports and any work
    from .run import run as run_suite

    progress = False if getattr(args, "no_progress", False) else None
    res = run_suite(
        inputs["corpus"],
        inputs["sides"],
        inputs["out"],
        notebooks=args.notebooks,
        resources=inputs["resources"],
        progress=progress,
        codebook=getattr(args, "codebook", None),
        groups=getattr(args, "groups", None),
    )
    print(f"ran {len(res['notebooks'])} notebook(s) into {inputs['out']}: {len(res['figures'])} figure file(s)")
    if res.get("report"):
        print(f"report: {res['report']}")
    return 0


COMMANDS = {"check-notebooks": check_notebooks, "notebooks": notebooks, "run": run}
