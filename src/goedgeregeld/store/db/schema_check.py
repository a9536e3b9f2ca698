"""Whether a database holds the whole schema of its Alembic revision: every table and column.

The expected schema of a revision is what a fresh database migrated to that revision has, so
exactly what the shipped migrations make. It is kept in ``schema_reference.json`` (a test
keeps that file equal to the migrations; ``write_reference`` rewrites it), so a check needs
no Alembic run; a revision missing from the file is migrated on the spot.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
from functools import cache
from pathlib import Path

REFERENCE_FILE = Path(__file__).resolve().parent / "schema_reference.json"

# Per table: (name, declared type, not null, primary key position) of every column.
Schema = dict[str, frozenset[tuple[str, str, int, int]]]


def read_schema(connection: sqlite3.Connection) -> Schema:
    """Tables and columns of an open database, SQLite's own tables left out."""
    tables = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        table: frozenset(
            (str(name), str(kind).upper(), int(notnull), int(pk))
            for _cid, name, kind, notnull, _default, pk in connection.execute(
                f'PRAGMA table_info("{table}")'
            )
        )
        for table in tables
    }


@cache
def _reference() -> dict[str, Schema]:
    raw = json.loads(REFERENCE_FILE.read_text("utf-8"))
    return {
        revision: {
            table: frozenset((str(n), str(k), int(nn), int(pk)) for n, k, nn, pk in columns)
            for table, columns in tables.items()
        }
        for revision, tables in raw.items()
    }


def reference_revisions() -> list[str]:
    """The revisions in the reference file, oldest first (a test: every script's revision)."""
    return list(_reference())


def expected_schema(revision: str) -> Schema:
    """The schema the shipped migrations make at ``revision``."""
    reference = _reference()
    if revision in reference:
        return reference[revision]
    return migrated_schema(revision)


def migrated_schema(revision: str) -> Schema:
    """The schema of a fresh database migrated to ``revision`` (once per process)."""
    from goedgeregeld.store.db.migrate import ALEMBIC_LOCK

    with ALEMBIC_LOCK:
        return _migrated_schema(revision)


def write_reference(revisions: list[str]) -> None:
    """Rewrite ``schema_reference.json`` from the migrations, for every revision given."""
    blocks = []
    for revision in revisions:
        tables = [
            f"  {json.dumps(table)}: [\n"
            + ",\n".join(f"   {json.dumps(list(column))}" for column in sorted(columns))
            + "\n  ]"
            for table, columns in sorted(migrated_schema(revision).items())
        ]
        blocks.append(f" {json.dumps(revision)}: {{\n" + ",\n".join(tables) + "\n }")
    REFERENCE_FILE.write_text("{\n" + ",\n".join(blocks) + "\n}\n", "utf-8")


@cache
def _migrated_schema(revision: str) -> Schema:
    from alembic import command

    from goedgeregeld.store.db.connection import make_engine
    from goedgeregeld.store.db.migrate import alembic_config

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(Path(folder) / "reference.sqlite3", foreign_keys=False)
        try:
            with engine.connect() as connection:
                config = alembic_config()
                config.attributes["connection"] = connection
                command.upgrade(config, revision)
                connection.commit()
                raw = connection.connection.dbapi_connection
                assert isinstance(raw, sqlite3.Connection)
                return read_schema(raw)
        finally:
            engine.dispose()


def schema_problem(connection: sqlite3.Connection, revision: str) -> str | None:
    """None when the open database has exactly the tables and columns of ``revision``."""
    found, expected = read_schema(connection), expected_schema(revision)
    missing = sorted(set(expected) - set(found))
    if missing:
        return f"de tabel {missing[0]} ontbreekt"
    extra = sorted(set(found) - set(expected))
    if extra:
        return f"de tabel {extra[0]} hoort niet bij versie {revision}"
    for table in sorted(expected):
        if found[table] != expected[table]:
            want = {column[0] for column in expected[table]}
            have = {column[0] for column in found[table]}
            lacking = sorted(want - have)
            if lacking:
                return f"in de tabel {table} ontbreekt de kolom {lacking[0]}"
            return f"de kolommen van de tabel {table} wijken af van versie {revision}"
    return None
