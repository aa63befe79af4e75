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


# --- headless Chromium: open a page, run a check in it, read the result from the DOM ----------

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason=f"headless Chromium not installed ({CHROMIUM}; Debian: apt-get install chromium; .ci/run installs it)",
)
_PROBE = """
<script>
window.addEventListener("load", () => {
  const json = JSON.stringify((%s)());
  document.documentElement.setAttribute("data-check", btoa(unescape(encodeURIComponent(json))));
});
</script>
"""


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    """Run headless Chromium offline with a throwaway profile in ``tmp`` (no sandbox: CI runs as root)."""
    cmd = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-sync",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--user-data-dir={tmp / 'chromium-profile'}",
        "--allow-file-access-from-files",
        "--virtual-time-budget=10000",
        *args,
    ]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


def chromium_probe(html_path: Path, tmp: Path, js_function: str) -> tuple[object, str]:
    """Open a copy of the page in headless Chromium, run ``js_function`` after load; return (its JSON result, the DOM).

    The copy sits next to the page (so relative links resolve) and is removed afterwards.
    """
    import base64
    import json
    import re

    probe = html_path.with_name(html_path.stem + ".check.html")
    probe.write_text(html_path.read_text(encoding="utf-8").replace("</body>", _PROBE % js_function + "</body>", 1), encoding="utf-8")
    try:
        proc = chromium(tmp, "--dump-dom", probe.as_uri())
    finally:
        probe.unlink()
    m = re.search(r'data-check="([A-Za-z0-9+/=]*)"', proc.stdout)
    assert m, f"no check result in Chromium's DOM (exit {proc.returncode}): {proc.stderr[-1500:]}"
    return json.loads(base64.b64decode(m.group(1)).decode("utf-8")), proc.stdout


def chromium_screenshot(html_path: Path, tmp: Path, size: tuple[int, int] = (1100, 1400)) -> Path:
    """A PNG screenshot of the page's first ``size`` pixels, rendered by headless Chromium."""
    out = tmp / f"{html_path.stem}.png"
    proc = chromium(tmp, f"--window-size={size[0]},{size[1]}", f"--screenshot={out}", html_path.as_uri())
    assert out.is_file(), f"Chromium wrote no screenshot (exit {proc.returncode}): {proc.stderr[-1500:]}"
    return out
