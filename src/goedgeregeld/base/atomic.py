"""Write a file whole or not at all: a temporary file beside it, flushed, then renamed."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from goedgeregeld.base.errors import UserFacingError

_REASONS = {
    errno.EACCES: "u mag op die plek niet schrijven",
    errno.EPERM: "u mag op die plek niet schrijven",
    errno.EROFS: "die plek is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "uw schijfruimte is op",
    errno.EISDIR: "er staat al een map met die naam",
    errno.ENOTDIR: "een deel van het pad is geen map",
    errno.EEXIST: "een deel van het pad is geen map",
    errno.ENOENT: "die map bestaat niet en kan ook niet gemaakt worden",
    errno.ENAMETOOLONG: "de naam is te lang",
}


class WriteError(UserFacingError):
    """A file that could not be saved; ``str()`` names it and says why, in Dutch."""


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader never sees half a file.

    Missing folders on the way are made. A failure raises ``WriteError`` about ``path``
    itself, never about the temporary file, and leaves nothing behind.
    """
    target = Path(path).expanduser().resolve()
    try:
        _write(target, data)
    except OSError as exc:
        reason = _REASONS.get(exc.errno or 0, f"het systeem meldt foutcode {exc.errno}")
        raise WriteError(f"{target} is niet opgeslagen: {reason}") from exc


def _write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
    )
    try:
        with os.fdopen(handle, "wb") as raw:
            raw.write(data)
            raw.flush()
            os.fsync(raw.fileno())
        # mkstemp makes the file private (0600); an export is an ordinary document.
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, target)
    finally:
        Path(temp_name).unlink(missing_ok=True)


def write_text_atomically(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Like ``write_bytes_atomically`` for text."""
    write_bytes_atomically(path, text.encode(encoding))
