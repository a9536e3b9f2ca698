"""Open the NOV store: SQLite in the data folder by default, PostgreSQL when given a URL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError

from goedgeregeld.base.paths import NOV_DATABASE_FILE
from goedgeregeld.store.errors import StoreError

NOV_HEAD_REVISION = "nov0010"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "nov_alembic_version"
StoreConnection = Connection
"""A connection in a transaction of the NOV store, for callers above ``nov.store``."""


@dataclass
class NovStore:
    """The NOV store's engine; one transaction per merge or query."""

    engine: Engine
    label: str
    """Where the data lives, for messages (the password of a URL is hidden)."""

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A connection in a transaction that commits when the block ends without error."""
        with self.engine.begin() as connection:
            yield connection

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def nov_database_path(data_dir: Path) -> Path:
    """The SQLite file of the NOV store inside a data folder."""
    return data_dir / NOV_DATABASE_FILE


def _engine_for(url: str) -> Engine:
    """An engine for a ``postgresql://`` or ``sqlite:///`` URL; PostgreSQL goes through psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"'{url}' is geen geldig database-adres") from None
    if parsed.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise StoreError(
                "PostgreSQL vraagt het pakket psycopg: pip install 'goedgeregeld[nov-postgres]'"
            ) from None
        return _postgres_engine(parsed.set(drivername="postgresql+psycopg"))
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        path = Path(parsed.database)
        path.parent.mkdir(parents=True, exist_ok=True)
        return _sqlite_engine(path)
    raise StoreError("alleen PostgreSQL (postgresql://...) of een SQLite-bestand wordt ondersteund")


RANDOM_PAGE_COST = 1.1
"""PostgreSQL's planner cost of reading a page out of order, at most (its default is 4)."""
STORE_LOCK = 0x4E4F56_53544F5245
"""The key of the advisory lock every transaction of a PostgreSQL NOV store holds."""
LOCK_WAIT = "10s"
"""How long a transaction waits for another one's lock (SQLite: ``BUSY_TIMEOUT_MS``)."""


def _postgres_engine(url: Any) -> Engine:
    """PostgreSQL through psycopg 3: one transaction at a time, and cheap random reads.

    **One at a time.** SQLite begins every transaction with the write lock (``BEGIN
    IMMEDIATE``). On PostgreSQL two runs at once would each read the totals before the
    other committed: an id both reported as new was added twice (a test saw 2 where a
    recount says 1), and two new installations took the same number. So each transaction
    first takes one advisory lock, held until it ends, and waits for it at most
    ``LOCK_WAIT``, like SQLite.

    **Random reads.** The planner's default cost assumes a spinning disk. With it the
    planner scanned the whole table of a national store's observations for the ids of
    1,000 new files rather than probing their index (33 ms instead of 5), and the
    installations and known digests likewise: those files cost 1.6 times as much as in an
    empty store. 1.1 is the usual value for solid-state disks and for a database the
    cache holds; a server set lower keeps its own.
    """
    engine = create_engine(url)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'")
        connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({STORE_LOCK})")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config('random_page_cost', "
                "LEAST(current_setting('random_page_cost')::float8, %s)::text, false)",
                (RANDOM_PAGE_COST,),
            )
        dbapi_connection.commit()  # a setting made in a transaction rolled back would be undone

    return engine


BUSY_TIMEOUT_MS = 5000
"""SQLite: how long a transaction waits for another one's write lock."""


def _sqlite_engine(path: Path) -> Engine:
    """SQLite with WAL and real transactions, tuned for bulk merges.

    ``synchronous=NORMAL``: in WAL mode a crash of the app still loses nothing committed;
    only a power cut can lose the last merge, and the sync files can simply be read again.
    """
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # 16 MB of page cache: a national store is far larger, and a bigger cache only made
        # memory grow with the store (the operating system caches the file anyway).
        cursor.execute("PRAGMA cache_size=-16384")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _label(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _revision(connection: Connection) -> str | None:
    try:
        return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    except (OperationalError, ProgrammingError) as exc:
        if _busy(exc):
            raise
        return None  # a new store: no version table yet


def _busy(exc: OperationalError | ProgrammingError) -> bool:
    """Whether ``exc`` is another transaction's lock that did not come free in time."""
    orig = exc.orig
    return getattr(orig, "sqlstate", None) == "55P03" or "database is locked" in str(orig)


def upgrade_nov_store(engine: Engine) -> None:
    """Run the NOV store's migrations up to head (same scripts for SQLite and PostgreSQL).

    Under the app's one Alembic lock: Alembic keeps the running migration's connection in
    module-level state, so two threads migrating at once (the NOV pages read and import
    in the background) would run each other's statements on a connection the other has
    closed.
    """
    from alembic import command
    from alembic.config import Config

    from goedgeregeld.store.db.migrate import ALEMBIC_LOCK

    with ALEMBIC_LOCK, engine.connect() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        connection.commit()


def open_nov_store(data_dir: Path, url: str | None = None) -> NovStore:
    """Open (create, upgrade) the NOV store: ``url`` if given, else SQLite in ``data_dir``."""
    if url is None:
        data_dir.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{nov_database_path(data_dir)}"
    engine = _engine_for(url)
    try:
        with engine.connect() as connection:
            revision = _revision(connection)
            connection.rollback()
        if revision != NOV_HEAD_REVISION:
            upgrade_nov_store(engine)  # a second thread waits, then finds nothing to do
    except OperationalError as exc:
        engine.dispose()
        if _busy(exc):
            raise StoreError(
                f"de NOV-database {_label(url)} is bezet: een andere verwerking (bijvoorbeeld "
                "een tweede 'nov aggregate') schrijft erin; probeer het over een paar minuten "
                "opnieuw"
            ) from None
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(f"de NOV-database {_label(url)} is niet te openen: {reason}") from None
    return NovStore(engine, _label(url))
