"""Turn user text into safe ReportLab paragraph markup: escaped, line breaks kept, no control bytes."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

# C0 controls (except tab and newline), DEL and C1 controls: invisible, and some break the parser.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def markup(text: str) -> str:
    """Escape ``text`` so ReportLab prints it literally; newlines become line breaks."""
    clean = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    escaped = escape(clean.replace("\t", "    "))
    return escaped.replace("\n", "<br/>")


def plain_line(text: str) -> str:
    """One line of text for canvas strings and PDF metadata: controls removed, spaces folded."""
    return " ".join(_CONTROL.sub("", text).split())
