"""The frozen-start benchmark finds the bundle and prepares a folder that opens on home."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.bundle import BUNDLE_ENV, bundle_executable, prepare_data_folder
from goedgeregeld.base.paths import database_path
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.organisations import list_organisations


def test_bundle_is_found_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUNDLE_ENV, str(tmp_path))
    assert bundle_executable() is None
    (tmp_path / "goedgeregeld").write_bytes(b"")
    assert bundle_executable() == tmp_path / "goedgeregeld"


def test_prepared_folder_skips_the_welcome_and_has_an_organisation(tmp_path: Path) -> None:
    from goedgeregeld.ui.core.settings import AppSettings, Role

    folder = prepare_data_folder(tmp_path / "data")
    settings = AppSettings.in_folder(folder)
    assert settings.welcome_done
    assert settings.role is Role.ORGANISATION
    db = open_database(database_path(folder))
    try:
        assert [o.name for o in list_organisations(db)] == ["Startmeting"]
    finally:
        db.close()
