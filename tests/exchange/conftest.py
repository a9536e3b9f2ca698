"""Exchange test fixtures: an organisation's database and a second, adviser's one."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from exchange_helpers import filled_evaluation

from goedgeregeld.base.paths import database_path
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.db.engine import Database, make_engine


@pytest.fixture
def adviser_db(tmp_path: Path, template_database: Path) -> Iterator[Database]:
    """A second installation (its own data folder) with a registered adviser."""
    folder = tmp_path / "adviser"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    database = Database(database_path(folder), make_engine(database_path(folder)))
    register_adviser(database, "Adviseur Een", "Gelderland")
    yield database
    database.close()


@pytest.fixture
def evaluation_file(db: Database, edition: Edition, tmp_path: Path) -> tuple[Path, str, str]:
    """A completed evaluation exported as a file: (path, evaluation id, first statement)."""
    from goedgeregeld.exchange.evaluation.file import export_evaluation

    evaluation_id, first = filled_evaluation(db, edition, tmp_path)
    path = export_evaluation(db, evaluation_id, tmp_path / "client.ggeval")
    return path, evaluation_id, first
