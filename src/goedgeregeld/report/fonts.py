"""Register the bundled DejaVu fonts with ReportLab once, so every string is embedded."""

from __future__ import annotations

import threading

from goedgeregeld.base.resources import font_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
FAMILY = "DejaVuSans"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register regular, bold and oblique DejaVu Sans as one family (idempotent, thread-safe).

    Parsing a TrueType file costs tens of milliseconds, so it happens once per process.
    Bold-oblique maps to bold: the bundle ships no bold-oblique file, and a missing face
    must never fall back to Helvetica.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.lib.fonts import addMapping
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont(REGULAR, str(font_path())))
        pdfmetrics.registerFont(TTFont(BOLD, str(font_path(bold=True))))
        pdfmetrics.registerFont(TTFont(ITALIC, str(font_path(italic=True))))
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, ITALIC)
        addMapping(FAMILY, 1, 1, BOLD)
        _registered = True


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """Shorten ``text`` with an ellipsis so it stays within ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"
