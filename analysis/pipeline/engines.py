"""Execution engines for the build: serial, a local process pool (``--jobs N``) and Dask.

Every engine runs the same pure per-document pipeline, on *chunks* of documents in
file-name order: read and validate the file (:func:`analysis.core.corpus.read_document`),
run the stages on the chunk (:func:`analysis.pipeline.stages.process_documents`), conform the chunk's
tables (:func:`analysis.pipeline.stages.combine`) and write them as one part per table, an
uncompressed Arrow IPC (Feather) file (``<staging>/<table>/part-<first document index>.arrow``:
written and read back several times faster than Parquet; only the finished tables are Parquet). The client then
streams each table's parts back in document order, adds the rows of documents
reused from the previous build (incremental builds, :mod:`analysis.pipeline.cache`),
conforms the table to its schema and writes it: one table in memory at a time, so
memory is bounded by the largest single table, not by every intermediate.

Because chunks are pure and combined in document order, the tables (and their
Parquet bytes) are the same whatever the engine, the number of jobs or the chunk
size.

Engines (``--engine local`` is ``serial`` for ``--jobs 1``, else ``processes``)
  ``serial``     chunks one after another in this process (the default)
  ``processes``  a local process pool of ``--jobs N`` workers (fork on Linux)
  ``dask``       a ``dask.bag`` of the documents, one bag partition per chunk, on a
                 ``dask.distributed`` cluster: ``--scheduler tcp://host:8786`` for an
                 existing cluster, else a local cluster of ``--jobs`` worker processes.
                 Workers read the corpus files and write the table parts
                 themselves, so the corpus and output folders must be on storage every
                 worker sees (a shared file system) and every worker needs this
                 package and its resources installed; a worker whose code or
                 resources differ from the client's is refused.
"""

from __future__ import annotations

import hashlib
import math
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from ..core import corpus
from ..core.errors import ArgumentError, InputError
from ..core.schema import conform, is_conformed
from ..core.scratch import make_temp_dir
from ..core.store import write_json, write_table
from . import cache, provenance
from . import stages as _stages
from .stages import STAGES, Stage, stage_names

__all__ = ["ENGINES", "BuildStats", "run_build", "process_chunk", "chunk_size"]

ENGINES = ("local", "dask")  # command-line engines; "local" is serial for --jobs 1, else a process pool
MAX_CHUNK = 100  # documents per chunk (per table part)


@dataclass
class BuildStats:
    """What a build did: documents processed and reused, table sizes, where it ran."""

    n_docs: int = 0
    n_processed: int = 0
    n_reused: int = 0
    n_words: int = 0
    engine: str = "serial"  # serial, processes or dask
    jobs: int = 1
    tables: dict[str, int] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step, summed over workers (timed=True)


def chunk_size(n_docs: int, workers: int) -> int:
    """Documents per chunk: about four chunks per worker for balance, at most :data:`MAX_CHUNK`."""
    if workers <= 1:
        return MAX_CHUNK
    return max(1, min(MAX_CHUNK, math.ceil(n_docs / (4 * workers))))


@lru_cache(maxsize=8)
def environment_key(names: tuple[str, ...] = tuple(stage_names())) -> str:
    """Key of the code and resources this process builds the stages ``names`` with (compared between client and workers)."""
    return cache.state_key(cache.build_state(list(names)))


def _timed_stages(stages: Sequence[Stage], timings: dict[str, float]) -> list[Stage]:
    """The stages, each wrapped to add its seconds to ``timings[name]``."""

    def timed(name, fn):
        def run(doc, tables):
            t = time.perf_counter()
            try:
                return fn(doc, tables)
            finally:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - t

        return run

    return [(name, timed(name, fn)) for name, fn in stages]


def process_chunk(
    part_dir: str, items: list[tuple[int, str]], key: str | None = None, timed: bool = False, stages: Sequence[Stage] = STAGES
) -> dict:
    """Read, validate and process documents ``items`` (index, file path); write their tables as parts.

    A pure function of the files (plus code and resources): safe to run anywhere, in any
    order, more than once. Returns a small summary (no tables): per document its index,
    file name, doc_id and word count; rows per table; or the first bad file's error.
    """
    if key is not None and key != environment_key(tuple(stage_names(stages))):
        raise RuntimeError("a worker builds with other code or resources than the client (install the same version everywhere)")
    docs, rows_in, error = [], [], None
    timings: dict[str, float] = {}
    for index, path in items:
        t = time.perf_counter()
        try:
            doc = corpus.read_document(path)
        except InputError as e:  # exceptions are returned as data: InputError does not pickle
            error = (index, e.path, e.problem)
            break
        finally:
            timings["load"] = timings.get("load", 0.0) + time.perf_counter() - t
        rows_in.append(doc)
        docs.append((index, doc["path"], doc["doc_id"], doc["sha256"]))
    tables = None
    if rows_in:
        run = _timed_stages(stages, timings) if timed else stages
        tables = _stages.process_documents(rows_in, run)  # the documents read before a bad file, if any
    t = time.perf_counter()
    rows: dict[str, int] = {}
    if tables is not None:
        first = items[0][0]
        for name, df in _stages.combine([tables]).items():
            folder = Path(part_dir) / name
            folder.mkdir(parents=True, exist_ok=True)
            df.to_feather(folder / f"part-{first:09d}.arrow", compression="uncompressed")  # temporary: speed over size
            rows[name] = len(df)
    timings["write"] = time.perf_counter() - t
    return {"docs": docs, "rows": rows, "error": error, "timings": timings}


def _dask_partition(items: list[tuple[int, str]], part_dir: str, key: str, stages: Sequence[Stage]) -> list[dict]:
    items = list(items)
    return [process_chunk(part_dir, items, key, False, stages)] if items else []


# --- engines: each yields the chunk summaries, in any order ---------------------------------


def run_serial(
    part_dir: str, chunks: list[list[tuple[int, str]]], timed: bool = False, stages: Sequence[Stage] = STAGES, **_
) -> Iterator[dict]:
    for items in chunks:
        res = process_chunk(part_dir, items, timed=timed, stages=stages)
        yield res
        if res["error"]:
            return  # the first bad file stops a serial build at once


def run_processes(
    part_dir: str, chunks: list[list[tuple[int, str]]], jobs: int = 2, timed: bool = False, stages: Sequence[Stage] = STAGES, **_
) -> Iterator[dict]:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # fork shares the loaded code and resources with the workers (Linux); spawn elsewhere
    ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as ex:
        futures = [ex.submit(process_chunk, part_dir, items, None, timed, stages) for items in chunks]
        for f in as_completed(futures):
            yield f.result()


def _dask_results(client, bag) -> Iterator[dict]:
    from distributed import as_completed

    futures = client.compute(bag.to_delayed())
    for f in as_completed(futures):
        yield from f.result()


def run_dask(
    part_dir: str, chunks: list[list[tuple[int, str]]], jobs: int = 2, scheduler=None, stages: Sequence[Stage] = STAGES, **_
) -> Iterator[dict]:
    """The documents as a ``dask.bag`` (one partition per chunk) mapped by :func:`process_chunk` on a cluster."""
    import dask.bag as db
    from distributed import Client, LocalCluster

    items = [it for c in chunks for it in c]
    bag = db.from_sequence(items, partition_size=len(chunks[0]))
    bag = bag.map_partitions(_dask_partition, part_dir, environment_key(tuple(stage_names(stages))), stages)
    if scheduler is None:
        with LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            with Client(cluster) as client:
                yield from _dask_results(client, bag)
    elif isinstance(scheduler, str):
        with Client(scheduler) as client:
            yield from _dask_results(client, bag)
    else:  # a distributed.Client (tests, notebooks)
        yield from _dask_results(scheduler, bag)


RUNNERS: dict[str, Callable[..., Iterator[dict]]] = {"serial": run_serial, "processes": run_processes, "dask": run_dask}


# --- the client side: plan, run, combine, write -------------------------------------------


def _order(df: pd.DataFrame, position: dict[str, int]) -> pd.DataFrame:
    """Rows ordered by their document's position (stable: a document's rows keep their order)."""
    pos = df["doc_id"].map(position).to_numpy()
    if len(pos) < 2 or bool(np.all(pos[:-1] <= pos[1:])):
        return df
    return df.iloc[np.argsort(pos, kind="stable")]


def _table(name: str, part_dir: Path, previous: Path | None, reused_ids: list[str], position: dict[str, int]) -> pd.DataFrame:
    frames = [pd.read_feather(p) for p in sorted((part_dir / name).glob("part-*.arrow"))]
    if previous is not None and reused_ids and (previous / f"{name}.parquet").is_file():
        old = pd.read_parquet(previous / f"{name}.parquet")
        frames.append(old[old["doc_id"].isin(reused_ids)])
        del old
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if reused_ids:
        df = _order(df, position)
    return df if is_conformed(df, name) else conform(df, name)


def _write_streaming(
    out_dir: Path, names: list[str], make: Callable[[str], pd.DataFrame], manifest: Callable[[dict], dict]
) -> dict[str, dict]:
    """Write every table (made one at a time) and the manifest, atomically as :func:`analysis.core.store.write_tables` does."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stage = make_temp_dir(out_dir, ".staging-")
    sizes: dict[str, dict] = {}
    try:
        for name in names:
            df = make(name)
            write_table(df, stage, name)
            sizes[name] = {"rows": int(len(df)), "columns": list(df.columns)}
            del df
        write_json(manifest(dict(sorted(sizes.items()))), stage / "manifest.json")
        for f in sorted(stage.iterdir()):
            os.replace(f, out_dir / f.name)
    finally:
        shutil.rmtree(stage, ignore_errors=True)
    return sizes


def run_build(
    corpus_dir: str | Path,
    out_dir: str | Path,
    *,
    engine: str = "local",
    jobs: int = 1,
    scheduler=None,
    incremental: bool = True,
    progress: bool | None = None,
    command: list[str] | None = None,
    timed: bool = False,
    stages: Sequence[Stage] = STAGES,
) -> BuildStats:
    """Build ``corpus_dir`` into ``out_dir`` with the given engine; see :func:`analysis.pipeline.build.build`.

    ``stages`` is the stage list to run (default :data:`analysis.pipeline.stages.STAGES`).
    Bad arguments (an unknown engine, ``jobs < 1``) raise :class:`~analysis.core.errors.ArgumentError` (a ``ValueError``); a bad corpus raises ``InputError``.

    ``timed=True`` (local engines) records the seconds spent in each step (load, every
    stage, write) in :attr:`BuildStats.timings`, summed over workers.
    """
    from tqdm import tqdm

    if engine == "local":
        engine = "serial" if jobs == 1 else "processes"
    if engine not in RUNNERS:
        raise ArgumentError("--engine", f"unknown engine {engine!r}; expected one of {', '.join(ENGINES)}")
    if jobs < 1:
        raise ArgumentError("--jobs", "must be at least 1")
    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    paths = corpus.list_documents(corpus_dir)
    if not paths:
        raise InputError(corpus_dir, "no .txt or .md documents in the corpus folder")

    state = cache.build_state(stage_names(stages))
    key = cache.state_key(state)
    reused: dict[str, str] = {}
    shas: dict[str, str] = {}
    if incremental:
        shas = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in paths}
        reused, _ = cache.reusable(out_dir, shas, key)
    todo = [(i, str(p)) for i, p in enumerate(paths) if p.name not in reused]
    workers = 1 if engine == "serial" else jobs
    size = chunk_size(len(todo), workers)
    chunks = [todo[i : i + size] for i in range(0, len(todo), size)]

    stats = BuildStats(n_docs=len(paths), n_reused=len(reused), engine=engine, jobs=jobs)
    out_dir.mkdir(parents=True, exist_ok=True)
    part_dir = make_temp_dir(out_dir, ".parts-")  # also removes the folders of a run that was killed
    try:
        doc_rows: dict[int, tuple[str, str]] = {}  # index -> (file name, doc_id)
        errors = []
        names: list[str] = []
        disable = None if progress is None else not progress
        with tqdm(total=len(todo), desc="build", unit="doc", disable=disable, leave=False) as bar:
            if chunks:
                for res in RUNNERS[engine](str(part_dir), chunks, jobs=jobs, scheduler=scheduler, timed=timed, stages=stages):
                    for step, sec in res.get("timings", {}).items():
                        stats.timings[step] = stats.timings.get(step, 0.0) + sec
                    if res["error"]:
                        errors.append(res["error"])
                        if engine == "serial":
                            break
                    for index, name, doc_id, sha in res["docs"]:
                        doc_rows[index] = (name, doc_id)
                        shas[name] = sha
                    names += [n for n in res["rows"] if n not in names]
                    bar.update(len(res["docs"]))
        if errors:
            _, path, problem = min(errors)
            raise InputError(path, problem)
        for i, p in enumerate(paths):
            if p.name in reused:
                doc_rows[i] = (p.name, reused[p.name])
        rows = [{"path": doc_rows[i][0], "doc_id": doc_rows[i][1]} for i in range(len(paths))]
        corpus.check_unique_ids(rows)
        position = {r["doc_id"]: i for i, r in enumerate(rows)}
        reused_ids = sorted(reused.values())
        if reused:
            names += [n for n in _previous_tables(out_dir) if n not in names]
        stats.n_processed = len(todo)

        def make(name: str) -> pd.DataFrame:
            df = _table(name, part_dir, out_dir if reused else None, reused_ids, position)
            if name == "documents":
                stats.n_words = int(df["n_words"].sum())
            return df

        def manifest(sizes: dict) -> dict:
            m = provenance.make_manifest(corpus_dir, [], {}, command or ["python", "-m", "analysis", "build"], stages)
            m["inputs"] = {p.name: shas[p.name] for p in paths}
            m["tables"] = sizes
            m["incremental"] = {"key": key, "code": state["code"], "depends_on": sorted(state["resources"])}
            m["codebook"] = state["codebook"]  # the frame codebook of the frame and emphasis stages (--codebook)
            return m

        t = time.perf_counter()
        sizes = _write_streaming(out_dir, sorted(names, key=_table_order), make, manifest)
        stats.timings["write"] = stats.timings.get("write", 0.0) + time.perf_counter() - t
        stats.tables = {n: s["rows"] for n, s in sizes.items()}
        return stats
    finally:
        shutil.rmtree(part_dir, ignore_errors=True)


def _table_order(name: str) -> tuple[int, str]:
    return (0 if name == "documents" else 1, name)


def _previous_tables(out_dir: Path) -> list[str]:
    from ..core.store import read_manifest

    return sorted(read_manifest(out_dir).get("tables") or {})
