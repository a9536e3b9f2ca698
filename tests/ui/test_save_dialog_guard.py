"""Issue 17: the window's save dialogs use the output guard and show its one-line reason."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.base.outputs import protect_data_folder, release_data_folder
from goedgeregeld.ui.core.dialogs import DialogService


def test_a_chosen_place_the_guard_refuses_is_not_used(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "data"
    (data / "keys").mkdir(parents=True)
    (data / "goedgeregeld.sqlite3").write_bytes(b"")
    shown: list[str] = []
    chosen: list[Path] = []
    dialogs = DialogService(None)
    monkeypatch.setattr(dialogs, "error", shown.append)
    protect_data_folder(data)
    try:
        dialogs._checked(str(data / "goedgeregeld.sqlite3"), chosen.append)
        dialogs._checked(str(tmp_path), chosen.append)
        dialogs._checked(str(tmp_path / "rapport.pdf"), chosen.append)
    finally:
        release_data_folder(data)
    assert chosen == [tmp_path / "rapport.pdf"]
    assert "gegevensbestand van deze installatie" in shown[0]
    assert "is een map" in shown[1]
