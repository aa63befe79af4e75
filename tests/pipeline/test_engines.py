"""Execution engines and incremental builds: the same tables, byte for byte, however the build runs."""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, SEED, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import generate  # noqa: E402

from analysis.core.resources import PACKAGE_DIR  # noqa: E402
from analysis.core.store import write_tables  # noqa: E402
from analysis.pipeline import (
    engines,  # noqa: E402
    provenance,  # noqa: E402
)
from analysis.pipeline import stages as build_mod  # noqa: E402
from analysis.pipeline.engines import run_build  # noqa: E402

N_DOCS = 9


def parquet_bytes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.parquet"))}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Synthetic news documents (front matter, CRLF, headings, quotes) plus the seed article."""
    raw = tmp_path_factory.mktemp("raw")
    generate(raw, N_DOCS, seed=7, median_words=90)
    shutil.copy(SEED, raw / SEED.name)
    return raw


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("serial")
    stats = run_build(corpus, out, progress=False, incremental=False)
    assert stats.n_docs == N_DOCS + 1 and stats.n_processed == N_DOCS + 1 and stats.n_reused == 0
    return out


def test_streaming_combine_equals_in_memory_combine(corpus, serial, tmp_path):
    """Parts written per chunk and combined per table give the bytes of one in-memory concat."""
    docs = build_mod.read_documents(corpus)
    tables = build_mod.combine([build_mod.process_document(d) for d in docs])
    write_tables(tables, tmp_path)
    assert parquet_bytes(tmp_path) == parquet_bytes(serial)
    assert len(parquet_bytes(serial)) >= 3


def test_chunk_tables_equal_per_document_tables(corpus, tmp_path):
    """One chunk of documents (doc_ids not in file order, a readout among news) gives each document's own rows, in order."""
    docs = build_mod.read_documents(corpus)
    docs = [dict(d, doc_id=f"{len(docs) - i:03d}_{d['doc_id']}") for i, d in enumerate(docs)]  # doc_ids in reverse order
    docs[1] = dict(docs[1], kind="readout", side="Russia", source="Russian Foreign Ministry")
    chunk, per_doc = tmp_path / "chunk", tmp_path / "per_doc"
    write_tables(build_mod.combine([build_mod.process_documents(docs)]), chunk)
    write_tables(build_mod.combine([build_mod.process_document(d) for d in docs]), per_doc)
    assert parquet_bytes(chunk) == parquet_bytes(per_doc)
    assert len(parquet_bytes(chunk)) == 11


def test_chunk_size_does_not_change_tables(corpus, serial, tmp_path, monkeypatch):
    monkeypatch.setattr(engines, "MAX_CHUNK", 2)
    run_build(corpus, tmp_path, progress=False, incremental=False)
    assert parquet_bytes(tmp_path) == parquet_bytes(serial)


def test_jobs_give_the_serial_tables(corpus, serial, tmp_path):
    stats = run_build(corpus, tmp_path, jobs=2, progress=False, incremental=False)
    assert stats.engine == "processes"
    assert parquet_bytes(tmp_path) == parquet_bytes(serial)


def test_dask_local_cluster_gives_the_serial_tables(corpus, serial, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            stats = run_build(corpus, tmp_path, engine="dask", scheduler=client, progress=False, incremental=False)
    assert stats.engine == "dask" and stats.n_processed == N_DOCS + 1
    assert parquet_bytes(tmp_path) == parquet_bytes(serial)


def test_dask_by_scheduler_address(corpus, serial, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        run_build(corpus, tmp_path, engine="dask", scheduler=cluster.scheduler_address, progress=False, incremental=False)
    assert parquet_bytes(tmp_path) == parquet_bytes(serial)


@pytest.fixture
def counted(monkeypatch):
    """Count the documents the stages run on (serial engine: in this process)."""
    seen: list[str] = []
    real = build_mod.process_documents

    def spy(docs, stages=build_mod.STAGES):
        seen.extend(d["path"] for d in docs)
        return real(docs, stages)

    monkeypatch.setattr(build_mod, "process_documents", spy)
    return seen


def test_incremental_reprocesses_only_changed_documents(corpus, serial, tmp_path, counted):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(corpus, raw)
    shutil.copytree(serial, out)
    stats = run_build(raw, out, progress=False)
    assert counted == [] and stats.n_reused == N_DOCS + 1
    assert parquet_bytes(out) == parquet_bytes(serial)

    changed = sorted(raw.glob("bench_*"))[3]
    changed.write_bytes(changed.read_bytes() + b"\nRubio said the talks would continue.\n")
    (raw / "zz_new.txt").write_text("Lavrov told reporters that the meeting was useful.\n", encoding="utf-8")
    (raw / SEED.name).unlink()
    stats = run_build(raw, out, progress=False)
    assert sorted(counted) == sorted([changed.name, "zz_new.txt"])
    assert stats.n_reused == N_DOCS - 1 and stats.n_processed == 2

    full = tmp_path / "full"
    run_build(raw, full, progress=False, incremental=False)
    assert parquet_bytes(out) == parquet_bytes(full)
    docs = pd.read_parquet(out / "documents.parquet")
    assert docs["path"].tolist() == sorted(p.name for p in raw.iterdir())


def _override(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "resources"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes((PACKAGE_DIR / name).read_bytes() + b"\n# edited\n")
    return folder


def test_resource_change_invalidates_what_depends_on_it(corpus, serial, tmp_path, counted, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(serial, out)
    # stopwords.txt is read by the notebooks only: nothing to redo
    monkeypatch.setenv("ANALYSIS_RESOURCES", str(_override(tmp_path, "stopwords.txt")))
    assert run_build(corpus, out, progress=False).n_reused == N_DOCS + 1 and counted == []
    # the actor registry is read by the extraction stage: every document is redone
    monkeypatch.setenv("ANALYSIS_RESOURCES", str(_override(tmp_path, "actors.yaml")))
    stats = run_build(corpus, out, progress=False)
    assert stats.n_reused == 0 and len(counted) == N_DOCS + 1
    # and the new state is recorded: the next build reuses everything again
    assert run_build(corpus, out, progress=False).n_reused == N_DOCS + 1


def test_code_change_invalidates(corpus, serial, tmp_path, counted, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(serial, out)
    monkeypatch.setattr(provenance, "code_hash", lambda: "0" * 64)
    assert run_build(corpus, out, progress=False).n_reused == 0 and len(counted) == N_DOCS + 1


def test_full_flag_and_parallel_cli(corpus, serial, tmp_path):
    out = tmp_path / "out"
    r = run_cli("build", "--corpus", str(corpus), "--out", str(out), "--no-progress", "--jobs", "2")
    assert r.returncode == 0, r.stderr
    assert parquet_bytes(out) == parquet_bytes(serial)
    r = run_cli("build", "--corpus", str(corpus), "--out", str(out), "--no-progress")
    assert r.returncode == 0 and f"{N_DOCS + 1} unchanged reused" in r.stdout
    r = run_cli("build", "--corpus", str(corpus), "--out", str(out), "--no-progress", "--full")
    assert r.returncode == 0 and "reused" not in r.stdout
    assert parquet_bytes(out) == parquet_bytes(serial)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_input_in_parallel_is_one_line_per_file_and_keeps_outputs(corpus, serial, tmp_path, jobs):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(corpus, raw)
    shutil.copytree(serial, out)
    (raw / "bench_000002.txt").write_bytes(b"---\nkind: blogpost\n---\nBody.")  # sorts before later good files
    (raw / "zz_dup.txt").write_bytes(b"---\ndoc_id: bench_000004\n---\nSame id.")
    before = parquet_bytes(out)
    r = run_cli("build", "--corpus", str(raw), "--out", str(out), "--no-progress", "--jobs", jobs)
    lines = r.stderr.strip().splitlines()
    assert r.returncode == 2 and len(lines) == 2, r.stderr  # every bad file, one line each, in name order
    assert "bench_000002.txt" in lines[0] and "unknown kind" in lines[0]
    assert "zz_dup.txt" in lines[1] and "duplicate doc_id" in lines[1]
    assert parquet_bytes(out) == before and not [p for p in out.iterdir() if p.name.startswith(".")]
    (raw / "bench_000002.txt").unlink()
    r = run_cli("build", "--corpus", str(raw), "--out", str(out), "--no-progress", "--jobs", jobs)
    assert r.returncode == 2 and "zz_dup.txt" in r.stderr and "duplicate doc_id" in r.stderr


def test_scheduler_needs_dask_engine(corpus, tmp_path):
    r = run_cli("build", "--corpus", str(corpus), "--out", str(tmp_path), "--scheduler", "tcp://localhost:8786")
    assert r.returncode == 2 and "--scheduler" in r.stderr


def test_extract_stage_declares_every_resource_its_modules_read():
    """A resource file named in analysis/extraction (or the segmenter) is part of the extract stage's cache key."""
    import re
    from pathlib import Path

    from analysis.pipeline.cache import STAGE_RESOURCES

    root = Path(__file__).resolve().parents[2] / "analysis"
    sources = [*sorted((root / "extraction").glob("*.py")), root / "core" / "text.py"]
    named = set()
    for path in sources:
        named |= set(re.findall(r"[\"']([a-z_]+\.(?:txt|tsv|yaml|json))[\"']", path.read_text(encoding="utf-8")))
    assert named, "no resource names found: the pattern is out of date"
    assert sorted(named - set(STAGE_RESOURCES["extract"])) == []
