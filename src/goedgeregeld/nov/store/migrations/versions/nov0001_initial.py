"""NOV store: merged files and observations.

Revision ID: nov0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "nov0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the NOV tables (WITHOUT ROWID on SQLite; PostgreSQL ignores the option)."""
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
        sa.PrimaryKeyConstraint(
            "installation_id", "kind", "entity_id", name=op.f("pk_nov_observation")
        ),
        sqlite_with_rowid=False,
    )


def downgrade() -> None:
    """Drop the NOV tables."""
    op.drop_table("nov_observation")
    op.drop_table("nov_file")
