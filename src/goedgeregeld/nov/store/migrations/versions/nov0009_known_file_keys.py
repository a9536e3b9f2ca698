"""NOV store: the known files' digests found through a small index of numbers.

Revision ID: nov0009
Revises: nov0008
Create Date: 2026-12-01

``nov_known_file`` was keyed by the 64-character digest, so each new file's digest went
to a random place in a B-tree of some 70 bytes per file. Now rows are kept in the order
they came and found through ``digest_key`` (the digest's first 60 bits): an index of a
few bytes per file, small enough to stay in SQLite's page cache at 100,000 files.
"""

from collections.abc import Iterator
from hashlib import blake2b
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "nov0009"
down_revision = "nov0008"
branch_labels = None
depends_on = None

_BATCH = 5_000


def _batches(result: Any) -> Iterator[list[Any]]:
    while rows := result.fetchmany(_BATCH):
        yield rows


def _set_aside(table: str) -> None:
    """Rename ``table`` to ``<table>_old``; on PostgreSQL its key's name too (names are global)."""
    op.rename_table(table, f"{table}_old")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE {table}_old RENAME CONSTRAINT pk_{table} TO pk_{table}_old")


def _key(digest: str) -> int:
    # The same as ``models.digest_key`` (a migration keeps its own copy of what it computes).
    try:
        return int(digest[:15], 16)
    except ValueError:
        return int.from_bytes(blake2b(digest.encode(), digest_size=7).digest(), "big")


def upgrade() -> None:
    """Copy every digest into the new table, with its key."""
    bind = op.get_bind()
    _set_aside("nov_known_file")
    op.create_table(
        "nov_known_file",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("digest_key", sa.BigInteger(), nullable=False),
        sa.Column(
            "row",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("row", name=op.f("pk_nov_known_file")),
    )
    known = sa.table("nov_known_file", sa.column("digest"), sa.column("digest_key"))
    result = bind.execute(sa.text("SELECT digest FROM nov_known_file_old ORDER BY digest"))
    for batch in _batches(result):
        bind.execute(known.insert(), [{"digest": d, "digest_key": _key(d)} for (d,) in batch])
    op.drop_table("nov_known_file_old")
    op.create_index("ix_nov_known_file_digest_key", "nov_known_file", ["digest_key"])


def downgrade() -> None:
    """Key the table by digest again."""
    op.drop_index("ix_nov_known_file_digest_key", table_name="nov_known_file")
    _set_aside("nov_known_file")
    op.create_table(
        "nov_known_file",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_nov_known_file")),
        sqlite_with_rowid=False,
    )
    op.execute("INSERT INTO nov_known_file (digest) SELECT DISTINCT digest FROM nov_known_file_old")
    op.drop_table("nov_known_file_old")
