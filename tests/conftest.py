"""Shared test setup: Qt offscreen, a migrated template database copied per test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("GOEDGEREGELD_DATA_DIR", None)

from goedgeregeld.base.paths import database_path  # noqa: E402
from goedgeregeld.questionnaire.catalog import find_edition  # noqa: E402
from goedgeregeld.questionnaire.model import Edition  # noqa: E402
from goedgeregeld.store.db.engine import Database, make_engine, open_database  # noqa: E402


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per test session."""
    path = database_path(tmp_path_factory.mktemp("template"))
    open_database(path).close()
    return path


@pytest.fixture
def data_dir(tmp_path: Path, template_database: Path) -> Path:
    """A data folder holding a fresh copy of the migrated template database."""
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    return folder


@pytest.fixture
def db(data_dir: Path) -> Iterator[Database]:
    """The database in ``data_dir``, closed after the test."""
    database = Database(database_path(data_dir), make_engine(database_path(data_dir)))
    yield database
    database.close()


@pytest.fixture(scope="session")
def edition() -> Edition:
    """Edition 2026.1, which these tests were written against (2027.1 became the default)."""
    return find_edition(version="2026.1")
