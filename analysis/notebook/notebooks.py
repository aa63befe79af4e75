"""Execute the numbered notebooks in place, reproducibly (no timing metadata, fixed hash seed).

Used by ``make all`` / ``make figures`` through ``python -m analysis notebooks``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from ..core.errors import InputError
from ..core.store import atomic_target

__all__ = ["QUIET_KERNEL", "REPRODUCIBLE_ENV", "coalesce_streams", "kernel_config", "execute_notebook", "unexecuted_cells"]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: Kernel command-line options: the kernel's own log shows only critical messages, so the
#: "KeyboardInterrupt caught in kernel" that ipykernel logs when it is interrupted at
#: shutdown stays off the console (a failing cell is still reported, through the notebook).
QUIET_KERNEL = ["--IPKernelApp.log_level=CRITICAL"]
REPRODUCIBLE_ENV = {"PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "0", "TZ": "UTC", "PYDEVD_DISABLE_FILE_VALIDATION": "1"}


def kernel_config():
    """Traitlets config for the notebook kernels: an encrypted or local transport, never plain TCP.

    ipykernel warns ("Kernel is running over TCP without encryption") whenever its
    sockets are plain TCP. With CurveZMQ available (``zmq.has("curve")``) the kernel
    manager provisions Curve keys for kernelspecs that declare support
    (``transport_encryption = "auto"``); without it the kernel listens on IPC sockets.

    >>> sorted(kernel_config()["KernelManager"])[0] in ("transport", "transport_encryption")
    True
    """
    import zmq
    from traitlets.config import Config

    if zmq.has("curve"):
        return Config({"KernelManager": {"transport_encryption": "auto"}})
    return Config({"KernelManager": {"transport": "ipc"}})


def execute_notebook(path: str | Path, out: str | Path | None = None, timeout: int = 1200) -> Path:
    """Execute notebook ``path`` (working directory: its folder) and write it to ``out`` (default: in place).

    The file is replaced atomically only when every cell ran; on failure the
    previous file is kept and :class:`InputError` names the notebook and the cell.
    """
    for k, v in REPRODUCIBLE_ENV.items():
        os.environ.setdefault(k, v)
    path = Path(path)
    out = Path(out) if out is not None else path
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent.resolve())}},
        config=kernel_config(),
        extra_arguments=QUIET_KERNEL,
    )
    try:
        client.execute()
    except CellExecutionError as e:
        plain = _ANSI.sub("", str(e))
        first = [ln for ln in plain.strip().splitlines() if ln.strip()]
        raise InputError(path, f"a cell failed: {first[-1] if first else e.__class__.__name__}") from None
    coalesce_streams(nb)
    with atomic_target(out) as tmp:
        nbformat.write(nb, tmp)
    return out


def coalesce_streams(nb) -> None:
    r"""Merge each cell's consecutive outputs of the same stream into one, in place.

    The kernel flushes a cell's printed text in chunks whose boundaries depend on
    timing, so the same run can store one stdout output or two; merged, the saved
    notebook is byte-stable (nbval compares merged streams too).

    >>> import nbformat
    >>> c = nbformat.v4.new_code_cell("print(1); print(2)")
    >>> c.outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n"), nbformat.v4.new_output("stream", name="stdout", text="2\n")]
    >>> nb = nbformat.v4.new_notebook(cells=[c]); coalesce_streams(nb)
    >>> [(o["name"], o["text"]) for o in nb.cells[0].outputs]
    [('stdout', '1\n2\n')]
    """
    for cell in nb.cells:
        if cell.get("cell_type") != "code" or not cell.get("outputs"):
            continue
        merged: list = []
        for o in cell["outputs"]:
            prev = merged[-1] if merged else None
            if (
                o.get("output_type") == "stream"
                and prev is not None
                and prev.get("output_type") == "stream"
                and prev.get("name") == o.get("name")
            ):
                prev["text"] = prev["text"] + o["text"]
            else:
                merged.append(o)
        cell["outputs"] = merged


def unexecuted_cells(path: str | Path) -> list[int]:
    """Indices of code cells with source but no stored execution (nbval would check nothing there).

    >>> import nbformat, tempfile, pathlib
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.ipynb"
    >>> nbformat.write(nb, p)
    >>> unexecuted_cells(p)
    [0]
    """
    nb = nbformat.read(Path(path), as_version=4)
    return [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and c.source.strip() and c.get("execution_count") is None]
