"""Exports are written whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from goedgeregeld.base.atomic import WriteError, write_bytes_atomically, write_text_atomically


def test_writes_whole_file_without_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "export.csv"
    write_text_atomically(target, "a;b\n", encoding="utf-8-sig")
    assert target.read_bytes() == "a;b\n".encode("utf-8-sig")
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["export.csv"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"oud")

    def broken_replace(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(WriteError, match="rapport.pdf is niet opgeslagen: de schijf is vol"):
        write_bytes_atomically(target, b"nieuw")
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]


def test_an_impossible_place_is_one_dutch_line_about_the_file_itself(tmp_path: Path) -> None:
    # Found by trying NOV mode: the message was the English system text plus the name of
    # the hidden temporary file.
    blocker = tmp_path / "een-bestand"
    blocker.write_text("x")
    with pytest.raises(WriteError) as caught:
        write_text_atomically(blocker / "cijfers.csv", "a;b\n")
    message = str(caught.value)
    assert message.endswith("cijfers.csv is niet opgeslagen: een deel van het pad is geen map")
    assert ".tmp" not in message
