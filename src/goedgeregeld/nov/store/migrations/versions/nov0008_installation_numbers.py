"""NOV store: files and observations keyed by an installation number in arrival order.

Revision ID: nov0008
Revises: nov0007
Create Date: 2026-12-01

Both tables were keyed by the installation's id, a random UUID: every new installation's
rows went to a random place in B-trees far larger than the page cache, so 1,000 new files
cost six times as much in a store of 100,000 installations as in an empty one. Now each
installation gets a number when NOV first merges its files, and that number leads both
keys; one id's rows across installations are found through a small index of numbers
made from the id (``entity_key``). Existing installations are numbered in the order NOV
first merged them; every row is copied, nothing is recounted.
"""

from collections.abc import Iterator
from hashlib import blake2b
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "nov0008"
down_revision = "nov0007"
branch_labels = None
depends_on = None

_BATCH = 5_000
_OBSERVATION = (
    "installation_id",
    "kind",
    "entity_id",
    "sequence",
    "reported_at",
    "year",
    "province",
    "detail",
    "first_merged_at",
    "first_reported_at",
)


def _key(entity_id: str) -> int:
    # The same as ``models.entity_key`` (a migration keeps its own copy of what it computes).
    try:
        return int(entity_id[:8] + entity_id[9:13] + entity_id[14:17], 16)
    except ValueError:  # not a UUID (sync files hold only UUIDs; older test stores did not)
        return int.from_bytes(blake2b(entity_id.encode(), digest_size=7).digest(), "big")


def _batches(result: Any) -> Iterator[list[Any]]:
    while rows := result.fetchmany(_BATCH):
        yield rows


def _set_aside(table: str) -> None:
    """Rename ``table`` to ``<table>_old``; on PostgreSQL its key's name too (names are global)."""
    op.rename_table(table, f"{table}_old")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE {table}_old RENAME CONSTRAINT pk_{table} TO pk_{table}_old")


def upgrade() -> None:
    """Number the installations, then copy files and observations into the new tables."""
    bind = op.get_bind()
    op.create_table(
        "nov_installation",
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_nov_installation")),
        sa.UniqueConstraint("id", name=op.f("uq_nov_installation_id")),
    )
    first_seen = bind.execute(
        sa.text(
            "SELECT installation_id FROM nov_file GROUP BY installation_id "
            "ORDER BY MIN(merged_at), installation_id"
        )
    ).scalars()
    numbers = {installation: n for n, installation in enumerate(first_seen, start=1)}
    table = sa.table("nov_installation", sa.column("number"), sa.column("id"))
    rows = [{"number": n, "id": i} for i, n in numbers.items()]
    for start in range(0, len(rows), _BATCH):
        bind.execute(table.insert(), rows[start : start + _BATCH])

    _set_aside("nov_file")
    op.create_table(
        "nov_file",
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.Column("installation_no", sa.Integer(), autoincrement=False, nullable=False),
        sa.PrimaryKeyConstraint("installation_no", "sequence", "digest", name=op.f("pk_nov_file")),
        sqlite_with_rowid=False,
    )
    files = sa.table(
        "nov_file",
        *(sa.column(c) for c in ("installation_id", "sequence", "digest", "created_at")),
        sa.column("merged_at"),
        sa.column("installation_no"),
    )
    result = bind.execute(
        sa.text("SELECT installation_id, sequence, digest, created_at, merged_at FROM nov_file_old")
    )
    for batch in _batches(result):
        bind.execute(
            files.insert(),
            [
                {
                    "installation_id": r[0],
                    "sequence": r[1],
                    "digest": r[2],
                    "created_at": r[3],
                    "merged_at": r[4],
                    "installation_no": numbers[r[0]],
                }
                for r in batch
            ],
        )
    op.drop_table("nov_file_old")

    op.drop_index("ix_nov_observation_entity", table_name="nov_observation")
    _set_aside("nov_observation")
    op.create_table(
        "nov_observation",
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("province", sa.String(length=20), nullable=True),
        sa.Column("detail", sa.String(length=12), nullable=True),
        sa.Column("first_merged_at", sa.DateTime(), nullable=True),
        sa.Column("first_reported_at", sa.DateTime(), nullable=True),
        sa.Column("installation_no", sa.Integer(), nullable=False),
        sa.Column("entity_key", sa.BigInteger(), nullable=False),
        sa.Column(
            "row",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("row", name=op.f("pk_nov_observation")),
        sa.UniqueConstraint(
            "installation_no",
            "kind",
            "entity_id",
            name=op.f("uq_nov_observation_installation_no"),
        ),
    )
    observations = sa.table(
        "nov_observation",
        *(sa.column(c) for c in _OBSERVATION),
        sa.column("installation_no"),
        sa.column("entity_key"),
    )
    result = bind.execute(
        sa.text(
            f"SELECT {', '.join(_OBSERVATION)} FROM nov_observation_old "
            "ORDER BY installation_id, kind, entity_id"
        )
    )
    for batch in _batches(result):
        bind.execute(
            observations.insert(),
            [
                {
                    **dict(zip(_OBSERVATION, r, strict=True)),
                    "installation_no": numbers[r[0]],
                    "entity_key": _key(r[2]),
                }
                for r in batch
            ],
        )
    op.drop_table("nov_observation_old")
    op.create_index("ix_nov_observation_entity_key", "nov_observation", ["entity_key"])


def downgrade() -> None:
    """Key both tables by installation id again and forget the numbers."""
    op.drop_index("ix_nov_observation_entity_key", table_name="nov_observation")
    _set_aside("nov_observation")
    op.create_table(
        "nov_observation",
        *(sa.Column(c, t, nullable=n) for c, t, n in _OLD_OBSERVATION),
        sa.PrimaryKeyConstraint(
            "installation_id", "kind", "entity_id", name=op.f("pk_nov_observation")
        ),
        sqlite_with_rowid=False,
    )
    op.execute(
        f"INSERT INTO nov_observation ({', '.join(_OBSERVATION)}) "
        f"SELECT {', '.join(_OBSERVATION)} FROM nov_observation_old"
    )
    op.drop_table("nov_observation_old")
    op.create_index("ix_nov_observation_entity", "nov_observation", ["kind", "entity_id"])
    _set_aside("nov_file")
    op.create_table(
        "nov_file",
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("merged_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("installation_id", "sequence", "digest", name=op.f("pk_nov_file")),
        sqlite_with_rowid=False,
    )
    columns = "installation_id, sequence, digest, created_at, merged_at"
    op.execute(f"INSERT INTO nov_file ({columns}) SELECT {columns} FROM nov_file_old")
    op.drop_table("nov_file_old")
    op.drop_table("nov_installation")


_OLD_OBSERVATION = (
    ("installation_id", sa.String(length=36), False),
    ("kind", sa.String(length=24), False),
    ("entity_id", sa.String(length=36), False),
    ("sequence", sa.Integer(), False),
    ("reported_at", sa.DateTime(), False),
    ("year", sa.Integer(), False),
    ("province", sa.String(length=20), True),
    ("detail", sa.String(length=12), True),
    ("first_merged_at", sa.DateTime(), True),
    ("first_reported_at", sa.DateTime(), True),
)
