"""Locate shipped files (fonts, icons, questionnaires) in a wheel, a source tree or a bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parents[1]


@cache
def _find(name: str) -> Path:
    """Return the folder ``name`` wherever this build keeps it.

    A wheel and a PyInstaller bundle carry the folder inside the package; a source
    checkout (editable install) has it at the repository root.
    """
    candidates = [_PACKAGE_DIR / name, _PACKAGE_DIR.parents[1] / name]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "goedgeregeld" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"resource folder {name!r} not found in {candidates}")


def resources_dir() -> Path:
    """Folder with fonts, icons, stylesheet and translations."""
    return _find("resources")


def questionnaires_dir() -> Path:
    """Folder with the shipped questionnaire editions (YAML)."""
    return _find("questionnaires")


def font_path(bold: bool = False, italic: bool = False) -> Path:
    """Path of the bundled DejaVu Sans font file."""
    suffix = "-Bold" if bold else "-Oblique" if italic else ""
    return resources_dir() / "fonts" / f"DejaVuSans{suffix}.ttf"
