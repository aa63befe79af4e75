"""Command line: ``python -m analysis COMMAND`` (see ``python -m analysis --help``).

This module parses the arguments and runs ``build`` and ``schema`` itself; the commands
that execute notebooks (``notebooks``, ``check-notebooks``, ``run``) live in the
notebook layer above and are passed in by ``analysis/__main__.py`` (``commands=``),
so the pipeline never imports upward.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from ..core.errors import ArgumentError, InputError, InputProblems

__all__ = ["DESCRIPTION", "main", "Command"]

#: A command handler: takes the parsed arguments, returns the exit status.
Command = Callable[[argparse.Namespace], int]

DESCRIPTION = """\
Who said what, for which side: build tidy tables from a folder of documents and run the notebooks.

commands:
  build       read every .txt/.md document of --corpus, build the corpus, extraction and
              measure tables, write them as Parquet plus manifest.json to --out (atomically:
              a failed build keeps the previous outputs; --corpus is never written).
              Incremental: unchanged documents are reused (--full redoes all); --jobs N
              runs N processes; --engine dask [--scheduler tcp://host:8786] uses Dask
  notebooks   execute the given notebooks in order, in place (writes figures to reports/figures)
  check-notebooks  fail when a notebook has code cells without stored outputs
  schema      print the schema of every table as Markdown (docs/data.md)
  init        create a study folder DIR: corpus/ (put the documents there) and resources/
              with commented templates (study.yaml: title, research question, the two
              sides; sides.yaml; actors.yaml; frames.yaml; topic_terms.txt)
  run         check the inputs (every bad document, every resource file that does not
              parse, every side not declared: one line each, within seconds), then build
              the corpus into OUT/processed, execute every numbered notebook with papermill
              (parameters injected) into OUT/notebooks, figures into OUT/figures, and write
              the HTML report (notebooks, figures, one evidence page per document) to
              OUT/report/index.html. `run DIR` runs a study folder (corpus, resources, sides
              and OUT=DIR/run from it); the committed notebooks, data/processed and
              reports/figures are never touched. --codebook generic|diplomacy|PATH picks
              the frame codebook; --groups FIELD=A,B also compares two groups of documents
              (e.g. outlets by leaning)

The HTML report alone, from executed notebooks (what `make report` and `run` call):
  python -m analysis.notebook.report --out OUT/report --figures OUT/figures \\
      --processed OUT/processed OUT/notebooks/*.ipynb

A study of your own, end to end:
  python -m analysis init studies/climate --sides Democrats,Republicans
  (copy the documents into studies/climate/corpus/, edit studies/climate/resources/)
  python -m analysis run studies/climate

Bad input (empty, binary or non-UTF-8 file, invalid YAML front matter, unknown kind,
duplicate doc_id, a resource file that does not parse) stops with one line
'error: FILE: PROBLEM' per problem and exit status 2; so does a bad argument
('error: --OPTION: PROBLEM').
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m analysis", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    b = sub.add_parser("build", help="build data/processed from a corpus folder", description="Build every table from a corpus folder.")
    b.add_argument("--corpus", default="data/raw", type=Path, help="folder of .txt/.md documents (default: data/raw)")
    b.add_argument("--out", default="data/processed", type=Path, help="output folder for Parquet tables (default: data/processed)")
    b.add_argument("--no-progress", action="store_true", help="hide the progress bar")
    b.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="documents processed in parallel by N worker processes (default 1: serial); same tables",
    )
    b.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local (this machine, --jobs processes) or dask (a dask.bag over the documents; default: local)",
    )
    b.add_argument(
        "--scheduler",
        default=None,
        metavar="ADDRESS",
        help="with --engine dask: address of an existing Dask scheduler, e.g. tcp://host:8786 (default: a local cluster of --jobs workers)",
    )
    b.add_argument(
        "--full",
        action="store_true",
        help="reprocess every document (default: incremental, reusing the rows of documents whose bytes, "
        "and the code and resources they depend on, are unchanged since the last build in --out)",
    )

    i = sub.add_parser(
        "init",
        help="create a study folder with commented templates",
        description="Create a study folder: corpus/ and resources/ (study.yaml, sides.yaml, actors.yaml, frames.yaml, topic_terms.txt).",
    )
    i.add_argument("folder", type=Path, help="the new study folder (must not exist or be empty)")
    i.add_argument("--title", default=None, help="the study's title (default: the folder name)")
    i.add_argument("--question", default=None, help="the research question, in one sentence")
    i.add_argument("--sides", default=None, help="the two sides compared, comma-separated (default: Side A,Side B)")

    c = sub.add_parser(
        "check-notebooks",
        help="fail if a notebook has code cells without stored outputs",
        description="Check that notebooks keep their outputs.",
    )
    c.add_argument("paths", nargs="+", type=Path, help="notebook files")

    sub.add_parser("schema", help="print docs/data.md (the table schemas) to stdout", description="Print the table schemas as Markdown.")

    n = sub.add_parser(
        "notebooks", help="execute notebooks in place, in order", description="Execute notebooks in place, in the order given."
    )
    n.add_argument("paths", nargs="+", type=Path, help="notebook files")

    r = sub.add_parser(
        "run",
        help="run the whole suite on another corpus into its own folder",
        description="Build a corpus and execute every numbered notebook on it with papermill, into --out.",
    )
    r.add_argument(
        "study", nargs="?", type=Path, default=None, help="a study folder (python -m analysis init): its corpus/, resources/ and sides"
    )
    r.add_argument("--corpus", type=Path, default=None, help="folder of .txt/.md documents (default: STUDY/corpus)")
    r.add_argument("--sides", default=None, help="the two sides to compare, comma-separated, e.g. US,China (default: the study's)")
    r.add_argument(
        "--out", type=Path, default=None, help="output folder: OUT/processed, OUT/notebooks, OUT/figures, OUT/report (default: STUDY/run)"
    )
    r.add_argument(
        "--resources", type=Path, default=None, help="folder of resource overrides (sets ANALYSIS_RESOURCES; default: STUDY/resources)"
    )
    r.add_argument("--no-progress", action="store_true", help="hide the progress bars (shown only on a terminal)")
    r.add_argument("--notebooks", nargs="+", type=Path, default=None, help="only these notebooks (default: notebooks/NN_*.ipynb)")
    r.add_argument(
        "--codebook",
        default="diplomacy",
        metavar="generic|diplomacy|PATH",
        help="frame codebook: generic (Semetko & Valkenburg's five news frames, validated on news), diplomacy "
        "(resources/frames.yaml) or a YAML codebook file (default: diplomacy)",
    )
    r.add_argument(
        "--groups",
        default=None,
        metavar="FIELD=A,B",
        help="also compare two groups of documents by a front-matter field, e.g. "
        "leaning=left_bias+left_center_bias,right_bias+questionable_source ('+' joins values, NAME: names a group)",
    )
    return p


def _check_build_args(args: argparse.Namespace) -> None:
    """Raise ArgumentError (a ValueError) for build arguments that do not fit together."""
    if args.scheduler and args.engine != "dask":
        raise ArgumentError("--scheduler", "only used with --engine dask")
    if args.jobs < 1:
        raise ArgumentError("--jobs", "must be at least 1")


def _init(args: argparse.Namespace) -> int:
    from ..core.study import init_study
    from .checks import parse_sides

    sides = parse_sides(args.sides) if args.sides else None
    written = init_study(args.folder, title=args.title, question=args.question, sides=sides)
    for path in written:
        print(f"wrote {path}{'/' if path.is_dir() else ''}")
    print(
        f"next: put the documents in {args.folder / 'corpus'}, edit {args.folder / 'resources'}, then: python -m analysis run {args.folder}"
    )
    return 0


def _build(args: argparse.Namespace, argv: list[str]) -> int:
    from .checks import check_inputs

    check_inputs(args.corpus)  # every bad document named before any work
    from .engines import run_build

    stats = run_build(
        args.corpus,
        args.out,
        engine=args.engine,
        jobs=args.jobs,
        scheduler=args.scheduler,
        incremental=not args.full,
        progress=False if args.no_progress else None,
        command=["python", "-m", "analysis", *argv],
    )
    reused = f", {stats.n_reused} unchanged reused" if stats.n_reused else ""
    print(f"built {len(stats.tables)} tables from {stats.n_docs} document(s) into {args.out}{reused}")
    return 0


def main(argv: list[str] | None = None, commands: Mapping[str, Command] | None = None) -> int:
    """Entry point; returns the exit status (0 ok, 2 bad input or bad argument, 1 unexpected error).

    ``commands`` maps the names of the notebook commands to their handlers (see
    ``analysis/__main__.py``); without it only ``build`` and ``schema`` run.
    """
    argv = sys.argv[1:] if argv is None else argv
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 2
    try:
        if args.command == "build":
            _check_build_args(args)
            return _build(args, argv)
        if args.command == "init":
            return _init(args)
        if args.command == "schema":
            from ..core.schema import markdown

            sys.stdout.write(markdown())
            return 0
        handler = (commands or {}).get(args.command)
        if handler is None:
            raise RuntimeError(f"command {args.command!r} is not available here (run python -m analysis)")
        return handler(args)
    except InputProblems as e:  # every problem found before the work: one line each, exit 2
        if args.debug:
            raise
        for line in e.lines:
            print(f"error: {line}", file=sys.stderr)
        return 2
    except (InputError, ArgumentError) as e:  # a bad file or a bad argument: one line, exit 2
        if args.debug:
            raise
        print(f"error: {e}", file=sys.stderr)
        return 2
    except Exception as e:  # noqa: BLE001 - the command line shows one line, --debug the traceback
        if args.debug:
            raise
        print(f"error: {e.__class__.__name__}: {e} (run with --debug for the traceback)", file=sys.stderr)
        return 1
