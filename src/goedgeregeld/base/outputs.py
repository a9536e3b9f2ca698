"""The one guard every output passes: never onto the app's own files, only onto a regular file.

A data folder is registered once (the command line and the window do it when they start);
from then on every writer asks ``check_output`` before it writes. The target is resolved
through links and compared by path and by device and inode against what the app owns in
each registered folder (``base.paths.protected_paths``), so neither a symbolic link nor a
hard link to the database, its ``-wal``/``-shm``, the keys or the backups gets through.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from goedgeregeld.base.errors import UserFacingError
from goedgeregeld.base.paths import protected_paths

_folders: dict[Path, int] = {}

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


def os_reason(exc: OSError) -> str:
    """The Dutch reason for a failed write."""
    return _REASONS.get(exc.errno or 0, f"het systeem meldt foutcode {exc.errno}")


class WriteError(UserFacingError):
    """A file that could not be saved; ``str()`` names it and says why, in Dutch."""


def refused(path: Path, reason: str) -> WriteError:
    """The one-line refusal for ``path``."""
    return WriteError(f"{path} is niet opgeslagen: {reason}")


def protect_data_folder(folder: Path) -> None:
    """From now on, no output may replace what the app owns in ``folder``."""
    key = Path(os.path.abspath(folder))
    _folders[key] = _folders.get(key, 0) + 1


def release_data_folder(folder: Path) -> None:
    """Undo one ``protect_data_folder`` (a command or a window that ends)."""
    key = Path(os.path.abspath(folder))
    left = _folders.get(key, 0) - 1
    if left > 0:
        _folders[key] = left
    else:
        _folders.pop(key, None)


def protected_folders() -> list[Path]:
    """The data folders registered now."""
    return list(_folders)


_KINDS = (
    (stat.S_ISDIR, "dat is een map, geen bestand"),
    (stat.S_ISFIFO, "dat is een named pipe (FIFO), geen gewoon bestand"),
    (stat.S_ISCHR, "dat is een apparaat, geen gewoon bestand"),
    (stat.S_ISBLK, "dat is een apparaat, geen gewoon bestand"),
    (stat.S_ISSOCK, "dat is een socket, geen gewoon bestand"),
)


def special_file_reason(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is no regular file, or None when it is one."""
    if stat.S_ISREG(mode):
        return None
    for test, reason in _KINDS:
        if test(mode):
            return reason
    return "dat is geen gewoon bestand"


def check_output(path: Path) -> Path:
    """The resolved target to write ``path`` to, or ``WriteError`` saying why not.

    Refused: a link (on the way or at the end) to something that does not exist, an
    existing target that is not a regular file, and anything the app owns in a registered
    data folder, whether named directly, through a link or as a hard link.
    """
    given = Path(os.path.abspath(Path(path).expanduser()))
    _refuse_dangling_links(given)
    target = given.resolve()
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise refused(given, os_reason(exc)) from None
    if info is not None:
        reason = special_file_reason(info.st_mode)
        if reason is not None:
            raise refused(given, reason)
    for folder in _folders:
        what = _owned_by_app(folder, target, info)
        if what is not None:
            raise refused(given, f"dat is {what}; kies een andere naam of map")
    return target


def _refuse_dangling_links(given: Path) -> None:
    for step in (given, *given.parents):
        if os.path.islink(step) and not os.path.exists(step):
            if step == given:
                raise refused(given, "het is een koppeling naar een bestand dat niet bestaat")
            raise refused(given, f"{step} is een koppeling naar een map die niet bestaat")


def _owned_by_app(folder: Path, target: Path, info: os.stat_result | None) -> str | None:
    """Which of the app's own files in ``folder`` the target is, or None."""
    for owned, what in protected_paths(folder):
        real = owned.resolve()
        if target == real or real in target.parents:
            return what
        if info is None:
            continue
        for inode in _inodes(owned):
            if inode == (info.st_dev, info.st_ino):
                return what
    return None


def _inodes(owned: Path) -> Iterator[tuple[int, int]]:
    """Device and inode of a protected file, or of every file in a protected folder."""
    try:
        info = os.stat(owned)
    except OSError:
        return
    if not stat.S_ISDIR(info.st_mode):
        yield (info.st_dev, info.st_ino)
        return
    for root, _dirs, names in os.walk(owned):
        for name in names:
            try:
                found = os.stat(os.path.join(root, name))
            except OSError:
                continue
            yield (found.st_dev, found.st_ino)


def input_problem(path: Path) -> str | None:
    """Why ``path`` is no file to read, found without opening it; None for a regular file.

    A named pipe would block the reader forever and a device never ends, so their type is
    looked up first (``stat`` follows links but opens nothing). A missing or unreadable
    path gives None too: the reader names that problem itself.
    """
    try:
        info = os.stat(path)
    except OSError:
        return None
    reason = special_file_reason(info.st_mode)
    if reason is None:
        return None
    if stat.S_ISDIR(info.st_mode):
        return "dat is een map, geen bestand"
    return f"{reason}; het is niet geopend"
