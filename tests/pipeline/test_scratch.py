"""A build killed half-way leaves no temporary folder behind in --out the next time it runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from analysis.core import scratch
from analysis.pipeline.build import build

from conftest import ROOT

TEXT = 'Senator Ana Ruiz said the talks were useful. "We will meet again," she said in a statement on {n}.\n'


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"doc{i:04d}.txt").write_text(TEXT.format(n=i) * 3, encoding="utf-8")
    return folder


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_remove_stale_keeps_live_and_foreign_folders(tmp_path):
    host = scratch._HOST
    dead, me = _dead_pid(), os.getpid()
    names = {
        f".parts-{dead}@{host}+aaaa": False,  # killed build on this host: removed
        f".staging-{dead}@{host}+bbbb": False,
        ".parts-k2j3h_x9": False,  # untagged, from an earlier version: removed
        f".parts-{me}@{host}+cccc": True,  # running (this process): kept
        f".parts-{dead}@other-host+dddd": True,  # another host's build on a shared folder: kept
        ".partsfoo": True,  # not ours
        "documents.parquet": True,
    }
    for name in names:
        (tmp_path / name).mkdir() if name.startswith(".") else (tmp_path / name).write_text("x")
        if name.startswith(".parts-") or name.startswith(".staging-"):
            (tmp_path / name / "documents").mkdir()
    removed = scratch.remove_stale(tmp_path)
    assert sorted(p.name for p in removed) == sorted(n for n, keep in names.items() if not keep)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(n for n, keep in names.items() if keep)


def test_a_killed_build_leaves_nothing_after_the_next_run(tmp_path):
    raw = _corpus(tmp_path / "raw", 160)
    out = tmp_path / "out"
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.Popen(
        [sys.executable, "-m", "analysis", "build", "--corpus", str(raw), "--out", str(out)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while not any(out.glob(".parts-*/*/part-*.arrow")):  # half-way: a chunk's tables are written
            assert proc.poll() is None, "the build finished before it could be killed"
            assert time.monotonic() < deadline, "no Parquet part appeared"
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    left = [p.name for p in out.iterdir() if p.name.startswith(scratch.PREFIXES)]
    assert left, "the killed build left its temporary folder (the situation under test)"
    build(raw, out, progress=False)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []
    assert (out / "documents.parquet").is_file()
