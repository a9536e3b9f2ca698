"""Hostile database files (``database/db-*.sqlite3``), each offered to ``restore``.

``python tests/data/hostile/corpus_databases.py`` rebuilds only these files and their
manifest entries; make_corpus.py calls ``database_attacks`` when it rebuilds everything.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_lib import HERE, MANIFEST_FILE, case  # noqa: E402

FOLDER = HERE / "database"
Change = Callable[[sqlite3.Connection], None]


def _good(work: Path) -> Path:
    """A database at head with an organisation, as the app makes it (journal mode DELETE)."""
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.organisations import create_organisation

    path = work / "good.sqlite3"
    db = open_database(path)
    create_organisation(db, "Stichting Voorbeeld", "Utrecht", "Utrecht", 30, 0)
    db.close()
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=DELETE")
    connection.execute("PRAGMA page_size=512")  # small pages keep the corpus small
    connection.execute("VACUUM")
    connection.close()
    return path


def _derive(good: Path, name: str, change: Change) -> Path:
    target = FOLDER / name
    shutil.copyfile(good, target)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA foreign_keys=OFF")
    change(connection)
    connection.commit()
    if "integrity" not in name:  # VACUUM would rebuild the damaged index
        connection.execute("VACUUM")
    connection.close()
    return target


def _drop_all_but_alembic(connection: sqlite3.Connection) -> None:
    tables = connection.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND name != 'alembic_version'"
    ).fetchall()
    for (table,) in tables:
        connection.execute(f'DROP TABLE "{table}"')


def _damage_index(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA writable_schema=ON")
    connection.execute(
        "UPDATE sqlite_master SET sql='CREATE INDEX ix_organisation_created_at "
        "ON organisation (name)' WHERE name='ix_organisation_created_at'"
    )


def _foreign(connection: sqlite3.Connection) -> None:
    connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.execute("INSERT INTO recipes VALUES ('stamppot')")


def database_attacks() -> None:
    """Write every hostile database and record its manifest entry."""
    shutil.rmtree(FOLDER, ignore_errors=True)
    FOLDER.mkdir()
    with tempfile.TemporaryDirectory() as work:
        good = _good(Path(work))
        derived: list[tuple[str, Change, str, str]] = [
            ("only-alembic-version", _drop_all_but_alembic, "only alembic_version", "ontbreekt"),
            (
                "missing-table",
                lambda c: c.execute("DROP TABLE trusted_key"),
                "a table dropped",
                "de tabel trusted_key ontbreekt",
            ),
            (
                "missing-column",
                lambda c: c.execute("ALTER TABLE organisation DROP COLUMN city"),
                "a column dropped",
                "de kolom city",
            ),
            (
                "extra-table",
                lambda c: c.execute("CREATE TABLE extra (x)"),
                "a table added",
                "hoort niet bij versie",
            ),
            ("integrity-only", _damage_index, "index damage quick_check misses", "beschadigd"),
            (
                "newer-revision",
                lambda c: c.execute("UPDATE alembic_version SET version_num='9999'"),
                "a revision this version does not know",
                "nieuwere versie",
            ),
            (
                "unmarked-at-head",
                lambda c: c.execute("PRAGMA application_id = 0"),
                "head revision without the mark",
                "geen gegevensbestand van Goed Geregeld",
            ),
            (
                "other-mark",
                lambda c: c.execute("PRAGMA application_id = 1"),
                "another program's application_id",
                "geen gegevensbestand van Goed Geregeld",
            ),
        ]
        for name, change, attack, fragment in derived:
            _derive(good, f"db-{name}.sqlite3", change)
            case(f"database/db-{name}.sqlite3", "database", attack, fragment)
        raw = good.read_bytes()
    (FOLDER / "db-empty.sqlite3").write_bytes(b"")
    case("database/db-empty.sqlite3", "database", "zero bytes", "geen gegevensbestand")
    (FOLDER / "db-truncated.sqlite3").write_bytes(raw[: len(raw) // 3])
    case("database/db-truncated.sqlite3", "database", "cut to a third", "geen bruikbare")
    (FOLDER / "db-not-sqlite.sqlite3").write_bytes(bytes(range(256)) * 16)
    case("database/db-not-sqlite.sqlite3", "database", "not SQLite", "geen geldig")
    foreign = sqlite3.connect(FOLDER / "db-foreign-recipes.sqlite3")
    _foreign(foreign)
    foreign.commit()
    foreign.close()
    case(
        "database/db-foreign-recipes.sqlite3",
        "database",
        "another program's SQLite file",
        "geen gegevensbestand van Goed Geregeld",
    )


def rebuild() -> None:
    """Rebuild only the database files, keeping every other manifest entry."""
    from corpus_lib import cases

    database_attacks()
    kept = [e for e in json.loads(MANIFEST_FILE.read_text("utf-8")) if e["kind"] != "database"]
    MANIFEST_FILE.write_text(json.dumps(kept + cases, indent=1, ensure_ascii=True) + "\n", "utf-8")
    print(f"{len(cases)} hostile databases written to {FOLDER}")


if __name__ == "__main__":
    rebuild()
