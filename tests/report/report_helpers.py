"""Read report PDFs back in tests: text of all pages, whitespace-free comparison."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

HOSTILE_NAME = 'Stichting <De IJzeren> & Zn. "’t Hûs" €5'
HOSTILE_NOTE = '<img src="/etc/hostname"/> <b>vet'


def pdf_text(path: Path) -> str:
    """All text of a PDF, pages joined."""
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def squeeze(text: str) -> str:
    """Text without any whitespace, to compare across line wraps."""
    return re.sub(r"\s+", "", text)
