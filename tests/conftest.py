"""Shared fixtures: the project root, the seed document, a scratch corpus builder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SEED = RAW / "000_33fa0b3c9e7b0adc.md"
SHARED_SEED = ROOT.parent / "shared" / "seeds" / "000_33fa0b3c9e7b0adc.txt"


@pytest.fixture(autouse=True)
def _no_nltk_downloads(monkeypatch):
    """Offline first: any attempt to download NLTK data fails the test."""
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download called: the suite must work offline")

    monkeypatch.setattr(nltk, "download", refuse)


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_corpus():
    """Corpus tables of data/raw (the seed article)."""
    from analysis import load_corpus

    return load_corpus(RAW)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m analysis ARGS`` and capture its output."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True, text=True, cwd=cwd or ROOT, env=env)


PARTIES = ROOT / "tests" / "corpora" / "parties"


@pytest.fixture(scope="session")
def parties_tables(tmp_path_factory) -> Path:
    """The build of the parties corpus (tests/corpora/make_parties.py) with its own resources, in a subprocess."""
    out = tmp_path_factory.mktemp("parties") / "processed"
    env = dict(os.environ, ANALYSIS_RESOURCES=str(PARTIES / "resources"), PYTHONHASHSEED="0")
    r = subprocess.run(
        [sys.executable, "-m", "analysis", "build", "--corpus", str(PARTIES), "--out", str(out), "--no-progress"],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr
    return out
