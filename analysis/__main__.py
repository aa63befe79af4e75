"""Command line: ``python -m analysis COMMAND`` (see ``python -m analysis --help``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import InputError

DESCRIPTION = """\
Who said what, for which side: build tidy tables from a folder of documents and run the notebooks.

commands:
  build       read every .txt/.md document of --corpus, build the corpus, extraction and
              measure tables, write them as Parquet plus manifest.json to --out (atomically:
              a failed build keeps the previous outputs; --corpus is never written)
  notebooks   execute the given notebooks in order, in place (writes figures to reports/figures)
  schema      print the schema of every table as Markdown (docs/data.md)

Bad input (empty, binary or non-UTF-8 file, invalid YAML front matter, unknown kind,
duplicate doc_id) stops with one line 'error: FILE: PROBLEM' and exit status 2.
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", help="build data/processed from a corpus folder", description="Build every table from a corpus folder.")
    b.add_argument("--corpus", default="data/raw", type=Path, help="folder of .txt/.md documents (default: data/raw)")
    b.add_argument("--out", default="data/processed", type=Path, help="output folder for Parquet tables (default: data/processed)")
    b.add_argument("--no-progress", action="store_true", help="hide the progress bar")

    sub.add_parser("schema", help="print docs/data.md (the table schemas) to stdout", description="Print the table schemas as Markdown.")

    n = sub.add_parser(
        "notebooks", help="execute notebooks in place, in order", description="Execute notebooks in place, in the order given."
    )
    n.add_argument("paths", nargs="+", type=Path, help="notebook files")
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 2 bad input, 1 unexpected error)."""
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 2
    try:
        if args.command == "build":
            from .build import build

            tables = build(args.corpus, args.out, progress=False if args.no_progress else None, command=["python", "-m", "analysis", *argv])
            n_docs = len(tables["documents"])
            print(f"built {len(tables)} tables from {n_docs} document(s) into {args.out}")
        elif args.command == "schema":
            from .schema import markdown

            sys.stdout.write(markdown())
        elif args.command == "notebooks":
            from .notebooks import execute_notebook

            for path in args.paths:
                execute_notebook(path)
                print(f"executed {path}")
        return 0
    except InputError as e:
        if args.debug:
            raise
        print(f"error: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # noqa: BLE001 - the command line shows one line, --debug the traceback
        if args.debug:
            raise
        print(f"error: {e.__class__.__name__}: {e} (run with --debug for the traceback)", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
