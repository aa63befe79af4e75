"""Notebook execution (``make notebooks``, ``run``): kernels start without ipykernel's transport warning, and their log stays off the console."""

from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest

from conftest import ROOT

#: What ipykernel logs (kernelbase.dispatch_shell) when the SIGINT that jupyter_client sends
#: before every shutdown lands inside a message handler: harmless, but printed on the console.
KERNEL_NOISE = "KeyboardInterrupt caught in kernel."


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


def _stderr_of(tmp_path, call: str, quiet: bool = True) -> str:
    """Stderr (the kernel's included: it inherits it) of a fresh process executing one cell that logs
    exactly what ipykernel logs on an interrupted handler, with ``call`` (an execution function of the suite)."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(f"get_ipython().kernel.log.error({KERNEL_NOISE!r})\nprint(1 + 1)")])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "x.ipynb"
    nbformat.write(nb, path)
    code = "import analysis.notebook.notebooks as N\n"
    code += "" if quiet else "N.QUIET_KERNEL.clear()\n"  # the control: the kernel's default log level
    code += call.format(path=str(path), out=str(tmp_path / "out.ipynb"))
    env = dict(os.environ, PYTHONHASHSEED="0")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert nbformat.read(tmp_path / "out.ipynb", as_version=4).cells[0].outputs[-1]["text"] == "2\n"
    return proc.stderr


NB_CLIENT = "from analysis.notebook.notebooks import execute_notebook\nexecute_notebook({path!r}, {out!r})"
PAPERMILL = "from analysis.notebook.run import execute_parameterised\nexecute_parameterised({path!r}, {out!r}, {{}})"


@pytest.mark.parametrize("call", [NB_CLIENT, PAPERMILL], ids=["make-notebooks", "run"])
def test_the_kernel_log_stays_off_the_console(tmp_path, call):
    assert KERNEL_NOISE not in _stderr_of(tmp_path, call)


def test_the_kernel_log_check_sees_the_noise_without_the_quiet_option(tmp_path):
    assert KERNEL_NOISE in _stderr_of(tmp_path, NB_CLIENT, quiet=False)
