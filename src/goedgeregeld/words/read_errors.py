"""Why a file or folder could not be read, in Dutch: one wording for every reader.

The operating system's own text (``strerror``) is English; a reason here fits after
"niet te lezen: " or in brackets.
"""

from __future__ import annotations

import errno
import os

_REASONS = {
    errno.ENOENT: "het bestaat niet (meer)",
    errno.EACCES: "u mag het niet lezen",
    errno.EPERM: "u mag het niet lezen",
    errno.ELOOP: "het is een snelkoppeling die via andere snelkoppelingen naar zichzelf wijst",
    errno.EIO: "de schijf gaf een leesfout",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EISDIR: "het is een map, geen bestand",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EBUSY: "het is in gebruik door een ander programma",
    errno.ENXIO: "het is geen gewoon bestand",
    errno.ENODEV: "het is geen gewoon bestand",
}

BROKEN_LINK = "het is een snelkoppeling naar iets dat niet (meer) bestaat"
LINKED_FOLDER = (
    "een snelkoppeling naar een map; die wordt niet gevolgd (geef de map zelf op om die in "
    "te lezen)"
)


def read_reason(exc: OSError) -> str:
    """The Dutch reason for a failed read of ``exc.filename``."""
    if exc.errno == errno.ENOENT and exc.filename is not None:
        try:
            if os.path.islink(exc.filename):
                return BROKEN_LINK
        except (TypeError, ValueError):
            pass
    reason = _REASONS.get(exc.errno or 0)
    if reason is not None:
        return reason
    if exc.errno:
        return f"het systeem meldt foutcode {exc.errno}"
    return "het systeem meldt een onbekende fout"
