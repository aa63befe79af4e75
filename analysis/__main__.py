"""Command line: ``python -m analysis COMMAND`` (see ``python -m analysis --help``).

Thin: the parser and the build live in :mod:`analysis.pipeline.cli`; the commands that
execute notebooks come from the notebook layer (:mod:`analysis.notebook.commands`).
"""

from __future__ import annotations

import sys

from .notebook.commands import COMMANDS
from .pipeline.cli import main as _main

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 2 bad input or bad argument, 1 unexpected error)."""
    return _main(argv, COMMANDS)


if __name__ == "__main__":
    sys.exit(main())
