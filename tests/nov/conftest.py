"""NOV test fixtures: a fresh NOV store on SQLite, and on PostgreSQL when CI provides one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from goedgeregeld.nov.store.database import NovStore, open_nov_store

POSTGRES_ENV = "GOEDGEREGELD_TEST_POSTGRES_URL"


def _reset_postgres(url: str) -> None:
    """Drop the NOV tables so every test starts from an empty, freshly migrated store."""
    import goedgeregeld.nov.store.assessment_models  # noqa: F401 - registers its tables
    import goedgeregeld.nov.store.quarantine_models  # noqa: F401 - registers its table
    import goedgeregeld.nov.store.trust_models  # noqa: F401 - registers its tables on NovBase
    from goedgeregeld.nov.store.database import VERSION_TABLE
    from goedgeregeld.nov.store.models import NovBase

    # Every table the migrations make, so a new migration cannot trip over a leftover.
    tables = ", ".join([*NovBase.metadata.tables, VERSION_TABLE])
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text(f"DROP TABLE IF EXISTS {tables} CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def nov_url(request: pytest.FixtureRequest, tmp_path: Path) -> str | None:
    """None for SQLite in the data folder, or the CI PostgreSQL URL (skipped without it)."""
    if request.param == "sqlite":
        return None
    return _emptied_postgres()


@pytest.fixture
def postgres_url() -> str:
    """The CI PostgreSQL URL with no NOV tables (skipped without it), for PostgreSQL-only tests."""
    return _emptied_postgres()


def _emptied_postgres() -> str:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"{POSTGRES_ENV} not set (CI starts PostgreSQL with .ci/postgres.sh)")
    _reset_postgres(url)
    return url


@pytest.fixture
def nov_dir(tmp_path: Path) -> Path:
    """The NOV data folder."""
    folder = tmp_path / "nov"
    folder.mkdir()
    return folder


@pytest.fixture
def nov_store(nov_dir: Path, nov_url: str | None) -> Iterator[NovStore]:
    """An empty NOV store on each engine."""
    store = open_nov_store(nov_dir, nov_url)
    yield store
    store.close()
