"""NOV store: maintained totals, and the digests of the files already taken.

Revision ID: nov0007
Revises: nov0006
Create Date: 2026-12-01

The figures were counted afresh from every observation after each merge, and every file
was parsed again on every run. Now each merge adds what it changed to ``nov_total``,
and a file whose bytes NOV took before is skipped by its digest. The totals start from a
recount of what the store holds; the known files start from the digests of merged
version 1 files (their digest is that of their bytes); others are added when next read.
"""

import sqlalchemy as sa
from alembic import op

revision = "nov0007"
down_revision = "nov0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create both tables and fill them from what the store holds."""
    op.create_table(
        "nov_total",
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("province", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.String(length=12), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "year", "province", "detail", name=op.f("pk_nov_total")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "nov_known_file",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_nov_known_file")),
        sqlite_with_rowid=False,
    )
    op.execute(
        """
        INSERT INTO nov_total (kind, year, province, detail, count)
        SELECT kind, year, COALESCE(province, ''), COALESCE(detail, ''), COUNT(*) FROM (
            SELECT kind, year, province, detail, ROW_NUMBER() OVER (
                PARTITION BY kind, entity_id
                ORDER BY first_merged_at, first_reported_at, installation_id
            ) AS rank
            FROM nov_observation
        ) AS owners
        WHERE rank = 1
        GROUP BY kind, year, province, detail
        """
    )
    op.execute("INSERT INTO nov_known_file (digest) SELECT DISTINCT digest FROM nov_file")


def downgrade() -> None:
    """Drop both tables (the figures can be recounted from the observations)."""
    op.drop_table("nov_known_file")
    op.drop_table("nov_total")
