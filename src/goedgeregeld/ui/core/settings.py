"""One typed wrapper around QSettings: window geometry, last organisation, role, first run."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_FILE = "instellingen.ini"


class Role(StrEnum):
    """Who uses this installation."""

    ORGANISATION = "organisation"
    ADVISER = "adviser"
    NOV = "nov"


class AppSettings:
    """Typed access to every setting the app keeps; nothing else touches QSettings."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    @classmethod
    def in_folder(cls, folder: Path) -> AppSettings:
        """Settings in an INI file inside the data folder (tests, ``--data-dir``, portable use)."""
        folder.mkdir(parents=True, exist_ok=True)
        return cls(QSettings(str(folder / SETTINGS_FILE), QSettings.Format.IniFormat))

    @classmethod
    def for_user(cls) -> AppSettings:
        """The user's native settings store."""
        return cls(QSettings("GoedGeregeld", "Goed Geregeld"))

    def _text(self, key: str) -> str | None:
        value = self._settings.value(key)
        return str(value) if value not in (None, "") else None

    @property
    def welcome_done(self) -> bool:
        """The first-run welcome and role choice have been completed."""
        return self._text("app/welcome_done") == "true"

    @welcome_done.setter
    def welcome_done(self, done: bool) -> None:
        self._settings.setValue("app/welcome_done", "true" if done else "false")

    @property
    def role(self) -> Role | None:
        """The chosen role, or None before the first choice."""
        text = self._text("app/role")
        return Role(text) if text in {r.value for r in Role} else None

    @role.setter
    def role(self, role: Role) -> None:
        self._settings.setValue("app/role", role.value)

    @property
    def last_organisation_id(self) -> str | None:
        """The organisation shown on the home screen last time."""
        return self._text("app/last_organisation")

    @last_organisation_id.setter
    def last_organisation_id(self, organisation_id: str | None) -> None:
        self._settings.setValue("app/last_organisation", organisation_id or "")

    @property
    def window_geometry(self) -> QByteArray | None:
        """The main window's saved geometry."""
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @window_geometry.setter
    def window_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)

    def last_folder(self, kind: str) -> Path | None:
        """The folder last chosen in a file dialog of ``kind`` ("open", "save"), if it exists."""
        text = self._text(f"folders/{kind}")
        return Path(text) if text and Path(text).is_dir() else None

    def set_last_folder(self, kind: str, folder: Path) -> None:
        self._settings.setValue(f"folders/{kind}", str(folder))

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._settings.sync()
