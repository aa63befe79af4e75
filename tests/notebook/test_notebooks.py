"""Notebook execution (``make notebooks``): kernels start without ipykernel's transport warning."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat

from conftest import ROOT


def test_executing_a_notebook_prints_no_kernel_transport_warning(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1 + 1)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    code = f"from analysis.notebook.notebooks import execute_notebook; execute_notebook({str(path)!r})"
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "WARNING" not in proc.stderr and "without encryption" not in proc.stderr, proc.stderr[-2000:]
    assert nbformat.read(path, as_version=4).cells[0].outputs[0]["text"] == "2\n"
