"""Temporary folders inside an output folder, tagged with their owner so a later run can remove them if it was killed.

The build writes its table parts (``.parts-``) and the finished tables
(``.staging-``) into hidden folders inside ``--out``, on the same file system, so
that the final renames are atomic. A build killed half-way (SIGKILL, out of memory,
power loss) cannot remove them; the next :func:`make_temp_dir` in that folder does:
it removes every folder of these kinds whose owner process is no longer running on
this host, and untagged ones left by earlier versions. Folders of a build running
at the same time, or of another host sharing the folder, are left alone.

>>> import tempfile
>>> out = Path(tempfile.mkdtemp())
>>> d = make_temp_dir(out, ".parts-")
>>> owner(d.name) == (os.getpid(), _HOST)
True
>>> remove_stale(out)  # ours is alive: kept
[]
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import tempfile
from pathlib import Path

__all__ = ["PREFIXES", "owner", "remove_stale", "make_temp_dir"]

PREFIXES = (".parts-", ".staging-")
_HOST = re.sub(r"[^A-Za-z0-9.-]", "_", socket.gethostname()) or "host"
_TAGGED = re.compile(r"^(?:\.parts-|\.staging-)(\d+)@([A-Za-z0-9._-]+)\+")  # PREFIXES


def owner(name: str) -> tuple[int, str] | None:
    """(pid, host) from a temporary folder's name, or None for an untagged (older) name.

    >>> owner(".parts-4242@node1+k2j3h_x"), owner(".staging-ab12cd")
    ((4242, 'node1'), None)
    """
    m = _TAGGED.match(name)
    return (int(m.group(1)), m.group(2)) if m else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def remove_stale(folder: str | Path) -> list[Path]:
    """Remove the temporary folders in ``folder`` left by runs that are no longer running; returns them."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    removed = []
    for p in sorted(folder.iterdir()):
        if not p.name.startswith(PREFIXES) or not p.is_dir() or p.is_symlink():
            continue
        who = owner(p.name)
        if who is not None and (who[1] != _HOST or _alive(who[0])):
            continue
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p)
    return removed


def make_temp_dir(folder: str | Path, prefix: str) -> Path:
    """A new temporary folder ``<folder>/<prefix><pid>@<host>+XXXXXXXX``, after removing stale ones.

    ``prefix`` is one of :data:`PREFIXES`; the caller removes the folder when done.
    """
    if prefix not in PREFIXES:
        raise ValueError(f"prefix must be one of {PREFIXES}")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale(folder)
    return Path(tempfile.mkdtemp(prefix=f"{prefix}{os.getpid()}@{_HOST}+", dir=folder))
