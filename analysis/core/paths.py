"""Where things are: the package folder, its resource files and the project checkout.

>>> (RESOURCES_DIR / "frames.yaml").is_file()
True
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["PACKAGE_DIR", "RESOURCES_DIR", "PROJECT_ROOT"]

#: The ``analysis`` package folder.
PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: The shipped resource files (lexicons, word lists, registries): ``analysis/resources/``.
RESOURCES_DIR = PACKAGE_DIR / "resources"
#: The project checkout (``reports/``, ``notebooks/``, ``data/``) when installed in editable mode.
PROJECT_ROOT = PACKAGE_DIR.parent
