"""Build benchmark: words per second per stage and for the whole build, and peak memory.

    python benchmarks/bench.py [--sizes 100,1000,10000] [--jobs 1] [--repeat 3] [--work DIR]

For each size N, :mod:`generate` writes N synthetic news documents (kept in
``--work`` for later runs) and the build runs in a fresh child process, exactly as
``python -m analysis build --full`` does (same function, :func:`analysis.pipeline.engines.run_build`,
with per-step timing on). The table reports, per N:

* words/s of each step: load (read and validate the files), every stage of
  ``analysis.pipeline.stages.STAGES`` (segment, extract, ..., emphasis) and write (tables
  combined and written as Parquet); a step's time is summed over worker processes,
  so with ``--jobs N`` it is per-core throughput;
* words/s of the whole build: all words over the child's wall-clock time, from
  interpreter start to exit (imports, all steps, writing), less the time of the
  yardstick passes the child runs after the build;
* the whole build's cost per word relative to the smallest N (linear cost: <= 1.2);
* peak resident memory of the build process (and its worker processes, each counted
  by its own peak);
* a yardstick: one Punkt+VADER pass over the same corpus (every paragraph split into sentences
  by the project's Punkt, each sentence's VADER compound, fresh memos), and the whole build's
  wall-clock time and the sentiment stage's time relative to it (the sentiment stage also
  against a Punkt+VADER pass over the statements it scores);
* a second table: every step, the whole build and the whole build less extraction as
  multiples of that pass (the bar of issues 22/23 is the whole build within 1.5x).

With ``--repeat R`` every size is built R times and the tables give medians (times, and
ratios taken within each run so build and yardstick share the machine's load).
It is a benchmark, not a test: numbers depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def child(corpus: str, out: str, jobs: int, engine: str, stages: str) -> None:
    """Run the build in this (fresh) process and print its stats as JSON."""
    from analysis.pipeline.engines import run_build
    from analysis.pipeline.stages import STAGES

    run = STAGES
    if stages != "all":  # only these stages (e.g. to time the engine and segmentation alone)
        keep = stages.split(",")
        run = tuple((n, fn) for n, fn in STAGES if n in keep)

    t = time.perf_counter()
    stats = run_build(
        corpus,
        out,
        engine=engine,
        jobs=jobs,
        incremental=False,
        progress=False,
        timed=True,
        stages=run,
        command=["python", "-m", "analysis", "build", "--full"],
    )
    build_s = time.perf_counter() - t
    t = time.perf_counter()
    pv, pvs = punkt_vader_pass(corpus), punkt_vader_statements(out)
    res = {
        "punkt_vader_s": pv,
        "punkt_vader_statements_s": pvs,
        "yardstick_s": time.perf_counter() - t,  # the two passes and their reading: not part of the build
        "n_docs": stats.n_docs,
        "n_words": stats.n_words,
        "timings": stats.timings,
        "run_build_s": build_s,
        "tables": stats.tables,
    }
    print(json.dumps(res))


def _fresh_punkt_vader():
    from analysis.core.text import sentence_tokenizer
    from analysis.measures.lexscore import VaderCompound
    from analysis.measures.sentiment import vader_analyzer

    return sentence_tokenizer.__wrapped__(), VaderCompound(vader_analyzer().lexicon)


def punkt_vader_pass(corpus: str) -> float:
    """Seconds for one Punkt+VADER pass over the corpus: paragraphs -> Punkt sentences -> VADER compound each."""
    from analysis.core.text import paragraph_spans
    from analysis.pipeline.stages import read_documents

    docs = read_documents(corpus)
    punkt, vader = _fresh_punkt_vader()
    t = time.perf_counter()
    for d in docs:
        body = d["body"]
        for a, b in paragraph_spans(body):
            for s, e in punkt.span_tokenize(body[a:b]):
                vader(body[a + s : a + e])
    return time.perf_counter() - t


def punkt_vader_statements(out: str) -> float:
    """Seconds for one Punkt+VADER pass over the texts of the built statements table."""
    import pandas as pd

    path = Path(out) / "statements.parquet"
    if not path.is_file():
        return float("nan")
    texts = pd.read_parquet(path, columns=["text"])["text"].astype(str).tolist()
    punkt, vader = _fresh_punkt_vader()
    t = time.perf_counter()
    for text in texts:
        for s, e in punkt.span_tokenize(text):
            vader(text[s:e])
    return time.perf_counter() - t


def measure(corpus: Path, out: Path, jobs: int, engine: str, stages: str = "all") -> dict:
    """Run one build in a child process: its stats, wall-clock seconds and peak RSS (MiB)."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(corpus), str(out), str(jobs), engine, stages]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=ROOT)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}):\n{stderr.decode()[-3000:]}")
    res = json.loads(stdout.decode().strip().splitlines()[-1])
    res["wall_s"] = wall - res.get("yardstick_s", 0.0)  # the build process's wall clock, without the yardstick passes
    return res


def peak_rss_children_mib() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes (default 100,1000,10000)")
    ap.add_argument("--jobs", type=int, default=1, help="--jobs of the build (default 1)")
    ap.add_argument("--engine", default="local", choices=("local", "dask"))
    ap.add_argument(
        "--work", type=Path, default=ROOT / ".benchmarks", help="where corpora and outputs go (default .benchmarks/, not committed)"
    )
    ap.add_argument("--repeat", type=int, default=1, help="runs per size; the table gives medians (default 1)")
    ap.add_argument("--stages", default="all", help="comma-separated stages to run (default: all of analysis.pipeline.stages.STAGES)")
    ap.add_argument("--child", nargs=5, metavar=("CORPUS", "OUT", "JOBS", "ENGINE", "STAGES"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        child(a.child[0], a.child[1], int(a.child[2]), a.child[3], a.child[4])
        return

    from generate import generate

    sizes = [int(s) for s in a.sizes.split(",")]
    rows = []
    for n in sizes:
        corpus = a.work / f"corpus_{n}"
        if not corpus.is_dir() or len(list(corpus.iterdir())) != n:
            print(f"generating {n} documents ...", file=sys.stderr)
            generate(corpus, n, seed=0)
        # Each size in a process of its own, so that its RUSAGE_CHILDREN peak is this build's alone.
        out = a.work / f"out_{n}"
        runs = []
        for rep in range(a.repeat):
            print(f"building {n} documents (jobs={a.jobs}, engine={a.engine}, run {rep + 1}/{a.repeat}) ...", file=sys.stderr)
            r = subprocess.run(
                [sys.executable, "-c", _ONE, str(Path(__file__).resolve()), str(corpus), str(out), str(a.jobs), a.engine, a.stages],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            if r.returncode != 0:
                raise SystemExit(r.stderr[-3000:])
            runs.append(json.loads(r.stdout.strip().splitlines()[-1]))
        res = median_run(runs, a.jobs)
        res["n"] = n
        rows.append(res)
        print(table(rows, a.jobs, a.engine, a.stages, a.repeat), file=sys.stderr)
    print(table(rows, a.jobs, a.engine, a.stages, a.repeat))


def median_run(runs: list[dict], jobs: int = 1) -> dict:
    """One row from repeated runs of the same build: the median of every time, the largest peak memory.

    Multiples of the Punkt+VADER pass (``ratios``) are taken within each run (same load
    for the build and its yardstick) and their median is reported.

    >>> r = median_run([{"n_words": 10, "timings": {"extract": 2.0}, "wall_s": 4.0, "punkt_vader_s": 1.0,
    ...     "punkt_vader_statements_s": 0.5, "peak_rss_mib": 100.0}] * 3)
    >>> r["ratios"]["extract"], r["ratios"]["whole build"], r["ratios"]["outside extract"]
    (2.0, 4.0, 2.0)
    """
    from statistics import median

    def ratios(r: dict) -> dict:
        pv = r["punkt_vader_s"]
        out = {s: t / pv for s, t in r["timings"].items()}
        out["whole build"] = r["wall_s"] / pv
        if jobs == 1:  # with workers, step times are summed over processes: no wall-clock share
            out["outside extract"] = (r["wall_s"] - r["timings"].get("extract", 0.0)) / pv
        return out

    steps = list(dict.fromkeys(s for r in runs for s in r["timings"]))
    each = [ratios(r) for r in runs]
    res = dict(runs[0])
    res["timings"] = {s: median(r["timings"].get(s, 0.0) for r in runs) for s in steps}
    for k in ("wall_s", "punkt_vader_s", "punkt_vader_statements_s"):
        res[k] = median(r[k] for r in runs)
    res["peak_rss_mib"] = max(r["peak_rss_mib"] for r in runs)
    res["ratios"] = {k: median(e[k] for e in each) for k in each[0]}
    res["runs"] = len(runs)
    return res


# Runs measure() in a process of its own, so that the RUSAGE_CHILDREN peak is this size's build alone.
_ONE = """
import json, sys, importlib.util
spec = importlib.util.spec_from_file_location("bench", sys.argv[1]); bench = importlib.util.module_from_spec(spec); spec.loader.exec_module(bench)
from pathlib import Path
res = bench.measure(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6])
res["peak_rss_mib"] = bench.peak_rss_children_mib()
print(json.dumps(res))
"""


def table(rows: list[dict], jobs: int, engine: str, stages: str = "all", repeat: int = 1) -> str:
    steps = ["load"]
    for r in rows:
        steps += [s for s in r["timings"] if s not in steps and s != "write"]
    steps.append("write")
    head = ["N docs", "words"] + steps + ["whole build", "cost/word vs first", "peak RSS (largest process)"]
    head += ["Punkt+VADER pass", "build / pass", "sentiment / pass", "sentiment / pass over statements"]
    med = f", median of {repeat} runs" if repeat > 1 else ""
    lines = [
        f"words/s per step and for the whole build (engine={engine}, jobs={jobs}, stages={stages}{med}); step times summed over workers",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "---|" * len(head),
    ]
    base = None
    for r in rows:
        w = r["n_words"]
        per_word = r["wall_s"] / w
        base = base or per_word
        cells = [f"{r['n']:,}", f"{w:,}"]
        cells += [f"{w / r['timings'][s]:,.0f}" if r["timings"].get(s) else "–" for s in steps]
        cells += [f"{w / r['wall_s']:,.0f} ({r['wall_s']:.1f} s)", f"{per_word / base:.2f}×", f"{r['peak_rss_mib']:,.0f} MiB"]
        pv, pvs, sent = r.get("punkt_vader_s"), r.get("punkt_vader_statements_s"), r["timings"].get("sentiment")
        cells += [
            f"{w / pv:,.0f} ({pv:.2f} s)" if pv else "–",
            f"{r['wall_s'] / pv:.1f}×" if pv else "–",
            f"{sent / pv:.2f}×" if sent and pv else "–",
            f"{sent / pvs:.2f}×" if sent and pvs and pvs == pvs else "–",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    # each step and the whole build as a multiple of one Punkt+VADER pass over the same corpus
    cols = steps + ["whole build", "outside extract"]
    lines += [
        "",
        f"time as a multiple of one Punkt+VADER pass over the same corpus (ratio within each run{med}; "
        "whole build: wall clock of the build process, interpreter start to exit; outside extract: whole build minus extract, serial builds only)",
        "",
        "| N docs | " + " | ".join(cols) + " |",
        "|" + "---|" * (len(cols) + 1),
    ]
    for r in rows:
        ratio = r.get("ratios") or median_run([r], jobs)["ratios"]
        lines.append(f"| {r['n']:,} | " + " | ".join(f"{ratio[c]:.2f}×" if c in ratio else "–" for c in cols) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
