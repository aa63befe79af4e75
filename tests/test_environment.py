"""pyproject.toml is the single source of versions; environment.yml mirrors it; nothing downloads NLTK data."""

import re
import tomllib

import yaml

from conftest import ROOT


def test_environment_yml_mirrors_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    # python version agrees with requires-python
    py = next(d for d in conda if d.startswith("python"))
    assert py.split("=")[1] == "3.11" and ">=3.11" in project["requires-python"]
    # conda supplies only python and pip; every other package comes from pyproject via the editable install
    assert sorted(c.split("=")[0] for c in conda) == ["pip", "python"]
    assert "-e .[dev]" in pip
    # any package pinned again under pip: must carry the same version as pyproject
    pins = dict(
        re.match(r"([A-Za-z0-9_.\-\[\]]+)==(.+)", d).groups() for d in project["dependencies"] + project["optional-dependencies"]["dev"]
    )
    for entry in pip:
        m = re.match(r"([A-Za-z0-9_.\-\[\]]+)==(.+)", entry)
        if m:
            assert pins.get(m.group(1)) == m.group(2), entry


def test_every_dependency_is_pinned_exactly():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for dep in project["dependencies"] + project["optional-dependencies"]["dev"]:
        assert "==" in dep, dep


def test_no_nltk_download_anywhere():
    needle = "nltk" + ".download("
    for folder in ("analysis", "notebooks", "benchmarks"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix in (".py", ".ipynb") and ".ipynb_checkpoints" not in path.parts:
                assert needle not in path.read_text(encoding="utf-8"), path


def test_lock_file_pins_every_direct_dependency_at_its_pyproject_version():
    """requirements.lock (what the Makefile installs; `make lock` rewrites it) agrees with pyproject.toml's pins."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    lines = [ln for ln in (ROOT / "requirements.lock").read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    locked = {}
    for ln in lines:
        m = re.fullmatch(r"([A-Za-z0-9_.\-]+)==(\S+)", ln)
        assert m, f"requirements.lock: not an exact pin: {ln!r}"
        locked[m.group(1).lower().replace("_", "-")] = m.group(2)
    for dep in project["dependencies"] + project["optional-dependencies"]["dev"]:
        name, version = re.match(r"([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==(.+)", dep).groups()
        assert locked.get(name.lower().replace("_", "-")) == version, dep
    for transitive in ("fonttools", "pillow", "kiwisolver", "contourpy", "pyparsing"):
        assert transitive in locked, transitive
