"""sides.yaml: the `countries:` list and the general `sides:` list (groups of any kind)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json; from analysis.extraction import actors as a; "
    "print(json.dumps([[g['name'], g['side'], g['kind']] for g in a.countries()] + "
    "[[r['actor'], r['kind'], r['role']] for r in a.registry().values() if r['actor_id'] in a.group_ids()] + "
    "[a.side_of('a Green spokesperson'), a.side_of('the Russian envoy')]))"
)


def _probe(folder: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, ANALYSIS_RESOURCES=str(folder), PYTHONHASHSEED="0")
    return subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, cwd=ROOT)


def test_sides_list_with_kinds_and_countries_together(tmp_path):
    shipped = yaml.safe_load((ROOT / "analysis" / "resources" / "sides.yaml").read_text(encoding="utf-8"))
    data = {
        "countries": [c for c in shipped["countries"] if c["name"] == "Russia"],
        "sides": [{"name": "Green Alliance", "side": "Greens", "kind": "Party", "names": ["Green Alliance"], "words": ["Green"]}],
    }
    (tmp_path / "sides.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    r = _probe(tmp_path)
    assert r.returncode == 0, r.stderr
    got = json.loads(r.stdout)
    assert got[:2] == [["Russia", "Russia", "country"], ["Green Alliance", "Greens", "party"]]
    assert got[2:4] == [["Russia", "country", "country"], ["Green Alliance", "organization", "party"]]
    assert got[4:] == ["Greens", "Russia"]


def test_bad_entry_is_one_line_error(tmp_path):
    (tmp_path / "sides.yaml").write_text("sides:\n  - {name: X, names: [X]}\n", encoding="utf-8")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "build",
            "--corpus",
            str(ROOT / "data" / "raw"),
            "--out",
            str(tmp_path / "out"),
            "--no-progress",
        ],
        env=dict(os.environ, ANALYSIS_RESOURCES=str(tmp_path), PYTHONHASHSEED="0"),
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert r.returncode == 2
    assert r.stderr.strip().splitlines()[-1].endswith("sides.yaml: sides[0]: missing 'side'")
