"""Notebook benchmark at corpus scale: the build and each notebook's run, timed, against the build.

    python benchmarks/bench_notebooks.py --corpus DIR --sides A,B [--resources DIR] [--out DIR] [--notebooks NB ...]

Runs ``python -m analysis run`` once in a child process (a fresh interpreter, the
reproducible environment of the Makefile) and timestamps each line it prints: the
build ends at "built …", each notebook at "executed …". The table gives the
wall-clock seconds of the build and of every notebook (papermill kernel start
included), each notebook's saved size, and the notebooks' total as a multiple of the
build (the goal on 840 real articles: at most about 5×). CPU time of the child is
given too: the machine may be shared and loaded, so wall-clock time varies. It also
checks the fit limits: the largest saved notebook (at most about 1 MB) and the tallest
saved figure (at most 2,400 px, ``analysis.viz.figures.MAX_HEIGHT_PX``), each named.

It is a benchmark, not a test: numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import resource
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def measure(corpus: Path, sides: str, out: Path, resources: Path | None, notebooks: list[Path] | None) -> list[tuple[str, float, int]]:
    """Run the suite on ``corpus`` into ``out``: [(step, wall seconds, saved bytes)], build first."""
    cmd = [sys.executable, "-m", "analysis", "run", "--corpus", str(corpus), "--sides", sides, "--out", str(out)]
    if resources is not None:
        cmd += ["--resources", str(resources)]
    if notebooks:
        cmd += ["--notebooks", *map(str, notebooks)]
    env = dict(
        os.environ, PYTHONHASHSEED="0", SOURCE_DATE_EPOCH="0", TZ="UTC", PYDEVD_DISABLE_FILE_VALIDATION="1", JUPYTER_PLATFORM_DIRS="1"
    )
    steps: list[tuple[str, float, int]] = []
    t0 = last = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    for line in proc.stdout:
        now = time.perf_counter()
        if line.startswith("built "):
            steps.append(("build", now - last, 0))
        elif line.startswith("executed "):
            target = Path(line.rsplit("-> ", 1)[-1].strip())
            steps.append((target.stem, now - last, target.stat().st_size if target.exists() else 0))
        else:
            continue
        last = now
    err = proc.stderr.read() if proc.stderr else ""
    if proc.wait() != 0:
        raise SystemExit(f"run failed ({proc.returncode}):\n{err[-3000:]}")
    steps.append(("total", time.perf_counter() - t0, 0))
    return steps


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) in pixels of a PNG file, from its IHDR header."""
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{path}: not a PNG file")
    return struct.unpack(">II", head[16:24])


def fit_limits(out: Path) -> list[str]:
    """Lines naming the largest saved notebook and the tallest saved figure of a run in ``out``, with the limits."""
    from analysis.viz.figures import MAX_HEIGHT_PX

    lines = []
    nbs = sorted((p.stat().st_size, p.name) for p in (out / "notebooks").glob("*.ipynb"))
    if nbs:
        size, name = nbs[-1]
        lines.append(f"largest saved notebook: {name} {size / 1e6:.2f} MB ({'within' if size <= 1_000_000 else 'OVER'} 1 MB)")
    figs = sorted((png_size(p)[1], p.name) for p in (out / "figures").glob("*.png"))
    if figs:
        height, name = figs[-1]
        lines.append(f"tallest figure: {name} {height} px ({'within' if height <= MAX_HEIGHT_PX else 'OVER'} {MAX_HEIGHT_PX} px)")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True, type=Path)
    ap.add_argument("--sides", required=True, help="the two sides, e.g. Democrats,Republicans")
    ap.add_argument("--resources", type=Path, default=None, help="folder of resource overrides (ANALYSIS_RESOURCES)")
    ap.add_argument("--out", type=Path, default=None, help="output folder (default: a temporary folder, removed)")
    ap.add_argument("--notebooks", nargs="+", type=Path, default=None, help="only these notebooks")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_nb_") as tmp:
        out = args.out or Path(tmp) / "run"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        steps = measure(args.corpus.resolve(), args.sides, out.resolve(), args.resources, args.notebooks)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        limits = fit_limits(out.resolve())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    build = next(s for n, s, _ in steps if n == "build")
    nbs = [(n, s, b) for n, s, b in steps if n not in ("build", "total")]
    print(f"| step | wall s | × build | saved notebook |\n| --- | ---: | ---: | ---: |\n| build | {build:.1f} | 1.0 | |")
    for n, s, b in nbs:
        print(f"| {n} | {s:.1f} | {s / build:.1f} | {b / 1e6:.2f} MB |")
    total_nb = sum(s for _, s, _ in nbs)
    print(f"| all notebooks | {total_nb:.1f} | {total_nb / build:.1f} | {sum(b for *_, b in nbs) / 1e6:.2f} MB |")
    print(f"\nrun total {steps[-1][1]:.1f} s wall; CPU of the run (build, notebooks and kernels) {cpu:.1f} s")
    for line in limits:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
