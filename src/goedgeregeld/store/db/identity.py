"""Whether a file is this app's own database: its mark, 0 bytes, a foreign file, a stray -wal.

Read with plain sqlite3 in read-only mode, before any migration, so a refused file is never
written to. How a ``-wal`` is matched to its database is explained in docs/formats/database.md:
SQLite's WAL header holds no reference to its database (its salts are random per reset), so
the main file is read twice, alone (``immutable=1`` skips the log) and with its log, and what
never changes once written (the mark, the installation id, the organisations, which are never
deleted) must agree.
"""

from __future__ import annotations

import sqlite3
import struct
import time
from dataclasses import dataclass
from pathlib import Path

# "GGeR" in ASCII, big-endian: what SQLite stores at offset 68 of the database header.
APPLICATION_ID = 0x47476552
SQLITE_MAGIC = b"SQLite format 3\x00"
WAL_MAGICS = (0x377F0682, 0x377F0683)
# A database made before the mark (application_id 0) is ours when it holds these.
OUR_TABLES = frozenset({"alembic_version", "installation", "organisation"})
_RETRIES = 3
_NOT_ALIEN = ("unable to open", "readonly", "locked", "disk i/o")


@dataclass(frozen=True)
class Refusal:
    """Why a file is not opened: ``kind`` is "empty", "foreign" or "log"; ``reason`` is Dutch."""

    kind: str
    reason: str


@dataclass(frozen=True)
class _View:
    """What one read of the database shows about whose it is."""

    application_id: int
    tables: frozenset[str]
    installation_id: str | None
    organisation_ids: frozenset[str]
    earlier_ids: frozenset[str] = frozenset()
    """Ids the installation had before its id came from its key (``installation_link``)."""


def wal_of(database: Path) -> Path:
    """The write-ahead log SQLite would apply to ``database``."""
    return Path(f"{database}-wal")


def _read_view(uri: str) -> _View:
    connection = sqlite3.connect(uri, uri=True)
    try:
        application_id = int(connection.execute("PRAGMA application_id").fetchone()[0])
        tables = frozenset(
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        installation = organisations = None
        if "installation" in tables:
            installation = connection.execute("SELECT id FROM installation LIMIT 1").fetchone()
        if "organisation" in tables:
            organisations = connection.execute("SELECT id FROM organisation").fetchall()
        earlier: list[tuple[object]] = []
        if "installation_link" in tables and installation is not None:
            earlier = connection.execute(
                "SELECT old_id FROM installation_link WHERE new_id = ?", (installation[0],)
            ).fetchall()
        return _View(
            application_id,
            tables,
            None if installation is None else str(installation[0]),
            frozenset(str(row[0]) for row in organisations or ()),
            frozenset(str(row[0]) for row in earlier),
        )
    finally:
        connection.close()


def _wal_page_size(wal: Path) -> int | None:
    """The page size a valid WAL header names, or None when SQLite would ignore the log."""
    with wal.open("rb") as handle:
        header = handle.read(32)
    if len(header) < 32:
        return None
    magic, _version, page_size = struct.unpack(">III", header[:12])
    return page_size if magic in WAL_MAGICS else None


def _db_page_size(header: bytes) -> int:
    size = struct.unpack(">H", header[16:18])[0]
    return 65536 if size == 1 else size


def _alien_wal(database: Path, header: bytes) -> str | None:
    """Why the ``-wal`` beside ``database`` does not belong to it, or None when it does."""
    wal = wal_of(database)
    page_size = _wal_page_size(wal)
    if page_size is None:
        return None  # SQLite ignores a log without a valid header: nothing would be applied
    if page_size != _db_page_size(header):
        return "de paginagrootte verschilt"
    try:
        alone = _read_view(f"file:{database}?mode=ro&immutable=1")
    except sqlite3.Error:
        return None  # the file itself is damaged: the damage check says so
    try:
        joined = _read_view(f"file:{database}?mode=ro")
    except sqlite3.Error as exc:
        if any(needle in str(exc).lower() for needle in _NOT_ALIEN):
            return None  # the folder or the disk, not the log: the caller says so
        return f"met het logbestand is het gegevensbestand onleesbaar ({exc})"
    marked = alone.application_id == joined.application_id or (
        alone.application_id == 0 and joined.application_id == APPLICATION_ID
    )
    if not marked:
        return "het logbestand hoort bij een ander programma"
    if (
        alone.installation_id is not None
        and joined.installation_id != alone.installation_id
        and alone.installation_id not in joined.earlier_ids  # its id moved to its key's
    ):
        return "het logbestand hoort bij een andere installatie"
    if not alone.organisation_ids <= joined.organisation_ids:
        return "met het logbestand verdwijnen organisaties"
    if not (alone.tables & OUR_TABLES) <= joined.tables:
        return "met het logbestand verdwijnen tabellen"
    return None


def _foreign(view: _View) -> str | None:
    if view.application_id == APPLICATION_ID:
        return None
    if view.application_id != 0:
        return f"het hoort bij een ander programma (application_id {view.application_id:#010x})"
    if not view.tables >= OUR_TABLES:
        return "het is een SQLite-bestand zonder de tabellen van Goed Geregeld"
    return None


def identity_problem(database: Path) -> Refusal | None:
    """None when ``database`` is missing (a new installation) or this app's own; else why not.

    The reason is Dutch and names the file; nothing is written. A file that is not SQLite
    at all gives None: the damage check reports it.
    """
    wal = wal_of(database)
    if not database.exists() and not database.is_symlink():
        if wal.is_file() and wal.stat().st_size > 0:
            return Refusal(
                "log",
                f"naast de ontbrekende {database.name} staat een logbestand ({wal.name}); "
                "er is geen nieuwe administratie over gemaakt",
            )
        return None
    if not database.is_file():
        return Refusal("foreign", f"{database} is geen gewoon bestand")
    with database.open("rb") as handle:
        header = handle.read(100)
    if not header:
        return Refusal("empty", f"het gegevensbestand {database} is leeg (0 bytes)")
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        return None
    if wal.is_file() and wal.stat().st_size > 0:
        # Another process may be checkpointing that log: ask again before calling it alien.
        for attempt in range(_RETRIES):
            alien = _alien_wal(database, header)
            if alien is None:
                break
            if attempt < _RETRIES - 1:
                time.sleep(0.1)
        else:
            return Refusal(
                "log",
                f"het logbestand {wal.name} naast {database} hoort er niet bij ({alien}); "
                "het is niet toegepast",
            )
    try:
        view = _read_view(f"file:{database}?mode=ro")
    except sqlite3.Error:
        return None  # damaged or out of reach: the damage check says which
    problem = _foreign(view)
    if problem is None:
        return None
    return Refusal("foreign", f"{database} is geen gegevensbestand van Goed Geregeld: {problem}")
