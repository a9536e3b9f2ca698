"""Every released schema version upgrades to head with every row intact.

One fixture database per released version lives in tests/data/schema/ (made once by
make_schema_fixture.py when that version was released, with data in every table).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from goedgeregeld.store.db.engine import current_revision, open_database
from goedgeregeld.store.db.schema_version import HEAD_REVISION
from goedgeregeld.store.evaluations import list_evaluations, load_state

FIXTURES = sorted((Path(__file__).parents[1] / "data" / "schema").glob("*.sqlite3"))


def _snapshot(path: Path) -> dict[str, tuple[list[str], set[tuple[object, ...]]]]:
    connection = sqlite3.connect(path)
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
            "AND name != 'alembic_version'"
        )
    ]
    result = {}
    for table in tables:
        cursor = connection.execute(f'SELECT * FROM "{table}"')
        columns = [d[0] for d in cursor.description]
        result[table] = (columns, set(cursor.fetchall()))
    connection.close()
    return result


def test_there_is_a_fixture_for_the_first_release() -> None:
    assert [p.stem for p in FIXTURES][:1] == ["0001"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_upgrades_to_head_without_losing_rows(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "goedgeregeld.sqlite3"
    shutil.copyfile(fixture, path)
    before = _snapshot(path)
    assert all(rows for _, rows in before.values()), "a fixture table is empty"
    assert current_revision(path) == fixture.stem

    db = open_database(path)
    try:
        assert current_revision(path) == HEAD_REVISION
        after = _snapshot(path)
        for table, (columns, rows) in before.items():
            assert table in after, f"table {table} disappeared"
            new_columns, new_rows = after[table]
            kept = [c for c in columns if c in new_columns]
            assert kept == columns, f"{table} lost columns {set(columns) - set(new_columns)}"
            index = [new_columns.index(c) for c in columns]
            projected = {tuple(row[i] for i in index) for row in new_rows}
            assert projected == rows, f"rows of {table} changed"
        with db.engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
            assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # And the app can still read every evaluation, with its frozen edition.
        for evaluation in list_evaluations(db):
            state = load_state(db, evaluation.id)
            assert state.answers and state.edition.themes
    finally:
        db.close()


def test_an_installation_of_the_previous_release_moves_to_its_keys_id(tmp_path: Path) -> None:
    """The 0004 fixture has a random id: after upgrading, its first signing links it."""
    from goedgeregeld.exchange.container.identity import own_identity
    from goedgeregeld.store.db.peek import peek_installation_id
    from goedgeregeld.trust.identity import derive_installation_id

    path = tmp_path / "goedgeregeld.sqlite3"
    shutil.copyfile(FIXTURES[[p.stem for p in FIXTURES].index("0004")], path)
    old = peek_installation_id(path)
    db = open_database(path)
    try:
        identity = own_identity(db)
        assert identity.installation_id == derive_installation_id(identity.key.public_key)
        assert identity.previous_id == old != identity.installation_id
        link = identity.link()
        assert link is not None and link.verifies()
        assert own_identity(db).previous_id == old  # settled once, the same every time
    finally:
        db.close()
