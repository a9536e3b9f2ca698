"""Write a file whole or not at all: checked by the output guard, a temporary file beside it, renamed.

Every output of the app comes here (exports, reports, statistics files, CSV, backups):
``base.outputs.check_output`` refuses the app's own files and anything but a regular
file, and the temporary file in the target's folder is removed on every failure.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from goedgeregeld.base.outputs import WriteError, check_output, os_reason, refused

__all__ = ["WriteError", "write_bytes_atomically", "write_text_atomically", "write_through_temp"]


def write_through_temp(
    path: Path, fill: Callable[[Path], None], *, mode: int = 0o644, guard: bool = True
) -> Path:
    """Let ``fill`` write a temporary file beside ``path``, then move it into place.

    With ``guard`` (every output the user names) the target passes ``check_output``
    first; the app's own writers into its data folder pass ``guard=False``. Missing
    folders on the way are made. A failure raises ``WriteError`` about ``path`` itself,
    never about the temporary file, and leaves nothing behind; an error ``fill`` raises
    for its own reasons passes through unchanged, also without leaving anything behind.
    """
    target = check_output(path) if guard else Path(path).expanduser().resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        raise refused(target, os_reason(exc)) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        fill(temp)
        with temp.open("rb+") as raw:
            os.fsync(raw.fileno())
        # mkstemp makes the file private (0600); an export is an ordinary document.
        os.chmod(temp, mode)
        if guard:
            check_output(target)  # nothing took the name's place while ``fill`` ran
        os.replace(temp, target)
    except OSError as exc:
        raise refused(target, os_reason(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)
    return target


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader never sees half a file."""

    def fill(temp: Path) -> None:
        with temp.open("wb") as raw:
            raw.write(data)

    write_through_temp(path, fill)


def write_text_atomically(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Like ``write_bytes_atomically`` for text."""
    write_bytes_atomically(path, text.encode(encoding))
