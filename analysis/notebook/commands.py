"""The command-line commands of the notebook layer: ``notebooks``, ``check-notebooks`` and ``run``.

Each takes the parsed arguments of :mod:`analysis.pipeline.cli` and returns the exit status;
``analysis/__main__.py`` hands them to the command line.

>>> sorted(COMMANDS)
['check-notebooks', 'notebooks', 'run']
"""

from __future__ import annotations

import argparse
import sys

__all__ = ["COMMANDS", "check_notebooks", "notebooks", "run"]


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


def run(args: argparse.Namespace) -> int:
    """Build the corpus and execute every numbered notebook on it into ``--out``."""
    from .run import parse_sides
    from .run import run as run_suite

    res = run_suite(
        args.corpus,
        parse_sides(args.sides),
        args.out,
        notebooks=args.notebooks,
        resources=args.resources,
        codebook=getattr(args, "codebook", None),
        groups=getattr(args, "groups", None),
    )
    print(f"ran {len(res['notebooks'])} notebook(s) into {args.out}: {len(res['figures'])} figure file(s)")
    return 0


COMMANDS = {"check-notebooks": check_notebooks, "notebooks": notebooks, "run": run}
