"""Parameterised runs: build another corpus and execute the whole notebook suite on it, into its own folder.

``python -m analysis run --corpus DIR --sides A,B --out OUT`` builds ``DIR`` into
``OUT/processed``, then executes every numbered notebook of ``notebooks/`` with
papermill, injecting the parameters each notebook declares in its ``parameters``
cell (``processed_dir``, ``corpus_dir``, ``side_a``, ``side_b``, ``figures_dir``,
``codebook``, ``groups``),
and writes the executed copies to ``OUT/notebooks`` and the figures to
``OUT/figures``, then renders the HTML report into ``OUT/report``. The committed notebooks, ``data/processed`` and
``reports/figures`` are never written. ``--resources`` points
``ANALYSIS_RESOURCES`` at a folder of resource overrides (an actor registry for the
new sides, for example) for the build and for every notebook kernel. ``--codebook``
chooses the frame codebook (``ANALYSIS_CODEBOOK`` for the build and the kernels);
``--groups FIELD=A,B`` asks notebooks 04 and 06 to compare two groups of documents.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..core.errors import ArgumentError, InputError
from ..core.study import CORPUS_ENV
from ..pipeline.checks import parse_sides
from ..viz.figures import PROJECT_ROOT
from .notebooks import QUIET_KERNEL, REPRODUCIBLE_ENV, kernel_config

__all__ = ["NOTEBOOKS_DIR", "PROTECTED", "numbered_notebooks", "parse_sides", "notebook_parameters", "execute_parameterised", "run"]

NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
PROTECTED = ("notebooks", "data/processed", "reports/figures", "data/raw")


def numbered_notebooks(folder: str | Path = NOTEBOOKS_DIR) -> list[Path]:
    """The suite's notebooks ``NN_*.ipynb`` of ``folder``, in order.

    >>> [p.name for p in numbered_notebooks()][:1]
    ['01_corpus.ipynb']
    """
    return sorted(p for p in Path(folder).glob("[0-9][0-9]_*.ipynb") if p.is_file())


def _check_out(out: Path) -> None:
    """Refuse an output folder that would write into the committed notebooks, data or figures."""
    out = out.resolve()
    root = PROJECT_ROOT.resolve()
    if out == root:
        raise ArgumentError("--out", f"{out}: must not be the project root")
    for rel in PROTECTED:
        p = (root / rel).resolve()
        if out == p or out.is_relative_to(p):
            raise ArgumentError("--out", f"{out}: must not be or lie inside the project's {rel}")


def _check_codebook(codebook: str | None) -> str:
    """The codebook name or resolved path, after checking it loads (``--codebook``: generic, diplomacy or a YAML file)."""
    from ..measures.codebook import CODEBOOKS, load_frames

    name = str(codebook or "diplomacy").strip()
    if name not in CODEBOOKS:
        path = Path(name)
        if not path.is_file():
            raise ArgumentError("--codebook", f"expected {', '.join(CODEBOOKS)} or a YAML codebook file, got {name!r}")
        name = str(path.resolve())
    load_frames(name)  # a bad codebook file: InputError naming it
    return name


def notebook_parameters(path: Path, values: dict) -> dict:
    """The subset of ``values`` that the notebook declares in its ``parameters`` cell."""
    import papermill as pm

    declared = pm.inspect_notebook(str(path))
    if not declared:
        raise InputError(path, "notebook has no cell tagged 'parameters'")
    return {k: v for k, v in values.items() if k in declared}


def run(
    corpus: str | Path,
    sides: Sequence[str],
    out: str | Path,
    notebooks: Sequence[str | Path] | None = None,
    resources: str | Path | None = None,
    timeout: int = 1200,
    log=print,
    codebook: str | None = None,
    groups: str | None = None,
    progress: bool | None = None,
    report: bool = True,
) -> dict:
    """Build ``corpus`` into ``out/processed`` and execute the notebooks into ``out/notebooks`` (figures in ``out/figures``).

    Returns ``{"notebooks": [...], "figures": [...], "report": index.html or None}``.
    A notebook that fails stops the run with an :class:`InputError` naming it (its
    partial output stays in ``out/notebooks`` for inspection). With ``report`` the
    HTML report (notebooks, figures, one evidence page per document) is written to
    ``out/report``. ``progress``: bars over the documents and the notebooks (None: only
    when stderr is a terminal; False: never).
    """
    from ..core.resources import clear_caches

    corpus, out = Path(corpus).resolve(), Path(out).resolve()
    side_a, side_b = sides
    _check_out(out)
    codebook = _check_codebook(codebook)
    if groups:
        from ..measures.groups import parse_groups

        parse_groups(groups)  # a bad --groups fails before the build
    for k, v in REPRODUCIBLE_ENV.items():
        os.environ.setdefault(k, v)
    previous = os.environ.get("ANALYSIS_RESOURCES")
    previous_codebook = os.environ.get("ANALYSIS_CODEBOOK")
    previous_corpus = os.environ.get(CORPUS_ENV)
    os.environ[CORPUS_ENV] = str(corpus)  # read_study: the seed's title only for the seed's corpus
    if resources is not None:
        os.environ["ANALYSIS_RESOURCES"] = str(Path(resources).resolve())
        clear_caches()  # the registry, word lists and codebook of the new folder, not of an earlier one
    try:
        return _run_in(corpus, out, (side_a, side_b), notebooks, timeout, log, progress, report, codebook, groups)
    finally:  # the caller's process gets its own resources and codebook back (tests and notebooks run in-process)
        if previous_corpus is None:
            os.environ.pop(CORPUS_ENV, None)
        else:
            os.environ[CORPUS_ENV] = previous_corpus
        if previous_codebook is None:
            os.environ.pop("ANALYSIS_CODEBOOK", None)
        else:
            os.environ["ANALYSIS_CODEBOOK"] = previous_codebook
        if resources is not None:
            if previous is None:
                os.environ.pop("ANALYSIS_RESOURCES", None)
            else:
                os.environ["ANALYSIS_RESOURCES"] = previous
            clear_caches()


def execute_parameterised(path: str | Path, target: str | Path, parameters: dict, timeout: int = 1200) -> Path:
    """Execute notebook ``path`` with papermill (``parameters`` injected; working directory: its folder) into ``target``.

    The kernel starts as :func:`analysis.notebook.notebooks.execute_notebook` starts it
    (:data:`~analysis.notebook.notebooks.QUIET_KERNEL`, :func:`~analysis.notebook.notebooks.kernel_config`),
    so its log stays off the console. A failing cell is an :class:`InputError` naming the notebook.
    """
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    path = Path(path)
    try:
        pm.execute_notebook(
            str(path),
            str(target),
            parameters=parameters,
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
            cwd=str(path.parent),
            execution_timeout=timeout,
            config=kernel_config(),
            extra_arguments=QUIET_KERNEL,
        )
    except PapermillExecutionError as e:
        raise InputError(path, f"a cell failed: {e.ename}: {e.evalue}") from None
    return Path(target)


def _run_in(
    corpus: Path, out: Path, sides, notebooks, timeout: int, log, progress, report: bool, codebook: str, groups: str | None
) -> dict:
    """The body of :func:`run`, with the resources already in force."""
    from tqdm import tqdm

    from ..pipeline.build import build

    side_a, side_b = sides

    processed, nb_out, fig_out = out / "processed", out / "notebooks", out / "figures"
    for d in (processed, nb_out, fig_out):
        d.mkdir(parents=True, exist_ok=True)
    os.environ["ANALYSIS_CODEBOOK"] = codebook  # the build's frame stage and every notebook kernel use it
    build(corpus, processed, progress=progress, command=["python", "-m", "analysis", "run", "--corpus", str(corpus), "--out", str(out)])
    log(f"built {corpus} into {processed}")
    if groups:  # the field must be a column of the documents (front matter): fail here, not in notebook 04
        from ..core.store import read_table
        from ..measures.groups import assign_groups, parse_groups

        assign_groups(read_table(processed, "documents"), parse_groups(groups))
    values = {
        "processed_dir": str(processed),
        "corpus_dir": str(corpus),
        "side_a": side_a,
        "side_b": side_b,
        "figures_dir": str(fig_out),
        "codebook": codebook,
        "groups": groups or "",
    }
    paths = [Path(p).resolve() for p in notebooks] if notebooks else numbered_notebooks()
    done = []
    bar = tqdm(paths, desc="notebooks", unit="nb", disable=None if progress is None else not progress, leave=False)
    for path in bar:
        bar.set_postfix_str(path.stem, refresh=True)
        target = nb_out / path.name
        params = notebook_parameters(path, values)
        execute_parameterised(path, target, params, timeout)
        bar.write(f"executed {path.name} -> {target}") if not bar.disable else log(f"executed {path.name} -> {target}")
        done.append(target)
    bar.close()
    index = None
    if report and done:
        from .report import render

        pages = render(done, out / "report", fig_out, processed, (side_a, side_b))
        index = pages[-1]
        log(f"wrote the HTML report: {index}")
    return {"notebooks": done, "figures": sorted(fig_out.iterdir()), "report": index}
