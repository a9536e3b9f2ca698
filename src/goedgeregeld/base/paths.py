"""Where this installation keeps its data: the user data dir, or an explicit override."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "GoedGeregeld"
DATA_DIR_ENV = "GOEDGEREGELD_DATA_DIR"
DATABASE_FILE = "goedgeregeld.sqlite3"
SAMPLE_DATABASE_FILE = "voorbeeld.sqlite3"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Resolve the data folder: ``--data-dir``, then the environment, then platformdirs."""
    chosen = override or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_path(folder: Path) -> Path:
    """The SQLite file with this installation's own data."""
    return folder / DATABASE_FILE


def sample_database_path(folder: Path) -> Path:
    """The SQLite file with the sample organisation, kept apart from real data."""
    return folder / SAMPLE_DATABASE_FILE
