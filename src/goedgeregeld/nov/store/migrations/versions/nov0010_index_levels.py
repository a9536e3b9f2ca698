"""NOV store: on SQLite, the indexes new files reach at random in two levels.

Revision ID: nov0010
Revises: nov0009
Create Date: 2026-12-01

Three indexes were reached at random by every new file (an id's number on the
observations, the digest's number on the known files, the installation id): with 100,000
installations, 1,165 new files dirtied some 2,300 of their pages. On SQLite each is now a
pair of partial indexes, a settled level up to a mark and a recent level after it
(``nov.store.levels``); the mark starts at 0, so everything starts recent and the next
merge settles a store that is large enough. PostgreSQL keeps its indexes and gets only
the (empty) table of marks.
"""

import sqlalchemy as sa
from alembic import op

revision = "nov0010"
down_revision = "nov0009"
branch_labels = None
depends_on = None

# (name, table, column, growing column, unique): the same as ``levels.LEVELED`` (a
# migration keeps its own copy of what it builds).
_LEVELED = (
    ("ix_nov_observation_entity_key", "nov_observation", "entity_key", '"row"', ""),
    ("ix_nov_known_file_digest_key", "nov_known_file", "digest_key", '"row"', ""),
    ("uq_nov_installation_id", "nov_installation", "id", "number", "UNIQUE "),
)


def _installations(unique: bool) -> None:
    """Copy ``nov_installation`` into a table with or without the unique id constraint."""
    constraint = ", CONSTRAINT uq_nov_installation_id UNIQUE (id)" if unique else ""
    op.execute(
        "CREATE TABLE nov_installation_new (number INTEGER NOT NULL, id VARCHAR(36) NOT NULL, "
        f"CONSTRAINT pk_nov_installation PRIMARY KEY (number){constraint})"
    )
    op.execute(
        "INSERT INTO nov_installation_new (number, id) "
        "SELECT number, id FROM nov_installation ORDER BY number"
    )
    op.execute("DROP TABLE nov_installation")
    op.execute("ALTER TABLE nov_installation_new RENAME TO nov_installation")


def upgrade() -> None:
    """The table of marks; on SQLite, each index replaced by its two levels, all recent."""
    op.create_table(
        "nov_index_level",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("mark", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_nov_index_level")),
    )
    if op.get_bind().dialect.name != "sqlite":
        return
    _installations(unique=False)  # its unique id index came with the table
    op.drop_index("ix_nov_observation_entity_key", table_name="nov_observation")
    op.drop_index("ix_nov_known_file_digest_key", table_name="nov_known_file")
    for name, table, column, order, unique in _LEVELED:
        for level, condition in (("settled", "<= 0"), ("recent", "> 0")):
            op.execute(
                f"CREATE {unique}INDEX {name}_{level} ON {table} ({column}) "
                f"WHERE {order} {condition}"
            )
        op.execute(f"INSERT INTO nov_index_level (name, mark) VALUES ('{name}', 0)")


def downgrade() -> None:
    """One index each again."""
    if op.get_bind().dialect.name == "sqlite":
        for name, _table, _column, _order, _unique in _LEVELED:
            for level in ("settled", "recent"):
                op.execute(f"DROP INDEX IF EXISTS {name}_{level}")
        _installations(unique=True)
        op.create_index("ix_nov_known_file_digest_key", "nov_known_file", ["digest_key"])
        op.create_index("ix_nov_observation_entity_key", "nov_observation", ["entity_key"])
    op.drop_table("nov_index_level")
