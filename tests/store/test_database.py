"""Database file: migrations at head, pragmas on every connection, foreign keys back on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from goedgeregeld.store.db.engine import Database, current_revision, open_database
from goedgeregeld.store.db.migrate import alembic_config
from goedgeregeld.store.db.schema_version import HEAD_REVISION


def test_head_constant_matches_the_migration_scripts() -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert heads == [HEAD_REVISION]


def test_new_database_is_created_at_head_with_pragmas(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "gg.sqlite3"
    db = open_database(path)
    try:
        assert current_revision(path) == HEAD_REVISION
        with db.engine.connect() as connection:
            pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("synchronous") == 2  # FULL
            assert pragma("foreign_keys") == 1
            assert pragma("busy_timeout") == 5000
    finally:
        db.close()


def test_reopening_does_not_migrate_again(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "gg.sqlite3"
    open_database(path).close()
    import goedgeregeld.store.db.migrate as migrate

    def fail(_path: Path) -> None:
        raise AssertionError("migrated an up-to-date database")

    monkeypatch.setattr(migrate, "upgrade_to_head", fail)
    open_database(path).close()


def test_foreign_keys_cascade_in_the_app_engine(db: Database, edition) -> None:
    from goedgeregeld.store.evaluations import save_answer, start_evaluation
    from goedgeregeld.store.organisations import create_organisation

    org = create_organisation(db, "Club")
    evaluation = start_evaluation(db, org.id, edition)
    save_answer(db, evaluation.id, "visie.1", 2)
    with db.engine.begin() as connection:
        connection.exec_driver_sql("DELETE FROM organisation")
    raw = sqlite3.connect(db.path)
    assert raw.execute("SELECT count(*) FROM answer").fetchone() == (0,)
    raw.close()


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from goedgeregeld.store.models.all import Base

    db = open_database(tmp_path / "head.sqlite3")
    try:
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()
