"""What NOV cannot read in the folders it is given is named, each with its Dutch reason."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from nov_helpers import document, new_id, org, write

import goedgeregeld.nov.files as reading
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.files import discover
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.words.read_errors import BROKEN_LINK, LINKED_FOLDER, read_reason


def _sync(path: Path) -> Path:
    return write(path, document(new_id(), 1, organisations=[org()]))


def test_a_folder_that_may_not_be_read_is_named_not_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "in"
    readable = _sync(root / "a.json")
    _sync(root / "locked" / "b.json")
    scandir = os.scandir

    def refusing(path: str | os.PathLike[str] = ".") -> object:
        if os.fspath(path).endswith("locked"):  # the tests run as root, who reads anything
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(reading.os, "scandir", refusing)
    files, refused = discover([root])
    assert files == [str(readable)]
    assert [(r.path, r.reason) for r in refused] == [
        (str(root / "locked"), "map niet te lezen: u mag het niet lezen")
    ]


def test_links_to_folders_and_broken_links_are_named(nov_store: NovStore, tmp_path: Path) -> None:
    root = tmp_path / "in"
    _sync(root / "a.json")
    elsewhere = _sync(tmp_path / "elsewhere" / "b.json").parent
    (root / "linked").symlink_to(elsewhere, target_is_directory=True)
    (root / "gone.json").symlink_to(tmp_path / "nothing.json")
    (root / "loop1.json").symlink_to(root / "loop2.json")
    (root / "loop2.json").symlink_to(root / "loop1.json")
    result = aggregate(nov_store, [root])
    reasons = {Path(r.path).name: r.reason for r in result.files.rejected}
    assert reasons["linked"] == LINKED_FOLDER
    assert reasons["gone.json"] == f"bestand niet te lezen: {BROKEN_LINK}"
    assert "naar zichzelf" in reasons["loop1.json"]
    assert result.files.accepted == 1


def test_every_read_reason_is_dutch() -> None:
    for code in (errno.ENOENT, errno.EACCES, errno.ELOOP, errno.EIO, errno.ENOTDIR, 999):
        reason = read_reason(OSError(code, os.strerror(code)))
        assert os.strerror(code) not in reason
    assert read_reason(OSError("no errno at all")) == "het systeem meldt een onbekende fout"


def test_the_summary_tells_paths_not_read_from_files_refused(
    nov_store: NovStore, tmp_path: Path
) -> None:
    root = tmp_path / "in"
    _sync(root / "a.json")
    write(root / "broken.json", {"format": "iets anders"})
    result = aggregate(nov_store, [root, tmp_path / "missing"])
    assert result.files.summary() == (
        "2 bestanden gelezen: 1 toegevoegd, 0 al bekend of vervangen door een nieuwer "
        "bestand, 1 geweigerd; 1 map of pad niet gelezen."
    )
