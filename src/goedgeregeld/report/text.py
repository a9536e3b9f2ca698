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


def chunks(text: str, line_chars: int, max_lines: int) -> list[str]:
    """Cut ``text`` into pieces of at most about ``max_lines`` wrapped lines, at line or word ends.

    A table row cannot be taller than a page, so a long cell continues in the next row.
    Only the line break or space at a cut is dropped; every word is kept.
    """
    line_chars = max(line_chars, 8)
    budget = line_chars * max_lines
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for line in text.split("\n"):
        cost = max(len(line), 1)
        cost = -(-cost // line_chars) * line_chars
        if current and used + cost > budget:
            pieces.append("\n".join(current))
            current, used = [], 0
        while len(line) > budget:
            # Prefer the end of a sentence, then any space, then a hard cut.
            sentence = line.rfind(". ", budget * 2 // 3, budget)
            cut = sentence + 1 if sentence > 0 else line.rfind(" ", 0, budget)
            cut = cut if cut > budget // 2 else budget
            pieces.append(line[:cut])
            line = line[cut:].lstrip(" ") if line[cut : cut + 1] == " " else line[cut:]
        current.append(line)
        used += -(-max(len(line), 1) // line_chars) * line_chars
    if current:
        pieces.append("\n".join(current))
    return pieces or [""]
