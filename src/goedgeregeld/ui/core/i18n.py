"""Translation helper: every user-facing string goes through ``tr``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

CONTEXT = "GoedGeregeld"


def tr(text: str) -> str:
    """Translate a (Dutch) source string; the Dutch text is its own translation."""
    return QCoreApplication.translate(CONTEXT, text)
