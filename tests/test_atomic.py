"""Exports are written whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from goedgeregeld.atomic import write_bytes_atomically, write_text_atomically


def test_writes_whole_file_without_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "export.csv"
    write_text_atomically(target, "a;b\n", encoding="utf-8-sig")
    assert target.read_bytes() == "a;b\n".encode("utf-8-sig")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["export.csv"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"oud")

    def broken_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_bytes_atomically(target, b"nieuw")
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]
