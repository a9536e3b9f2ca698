"""NOV store: a quarantine for implausible files, and who owns an id's attributes.

Revision ID: nov0004
Revises: nov0003
Create Date: 2026-12-01

An id's year, province and detail used to come from its most recent report, so any new
installation with a later clock could move an organisation to another province. Now they
come from the installation that reported it to NOV first; existing rows take the moment
their file was merged and their own report time.
"""

import sqlalchemy as sa
from alembic import op

revision = "nov0004"
down_revision = "nov0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Add the owner columns (filled from what is known), their index and the quarantine."""
    op.add_column("nov_observation", sa.Column("first_merged_at", sa.DateTime(), nullable=True))
    op.add_column("nov_observation", sa.Column("first_reported_at", sa.DateTime(), nullable=True))
    op.execute(
        """
        UPDATE nov_observation SET first_reported_at = reported_at, first_merged_at = (
            SELECT MIN(f.merged_at) FROM nov_file AS f
            WHERE f.installation_id = nov_observation.installation_id
        )
        """
    )
    op.create_index("ix_nov_observation_entity", "nov_observation", ["kind", "entity_id"])
    op.create_table(
        "nov_quarantine",
        sa.Column("number", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_nov_quarantine")),
        sa.UniqueConstraint("digest", name=op.f("uq_nov_quarantine_digest")),
    )
    op.create_index(op.f("ix_nov_quarantine_status"), "nov_quarantine", ["status"])


def downgrade() -> None:
    """Drop the quarantine, the index and the owner columns."""
    op.drop_index(op.f("ix_nov_quarantine_status"), table_name="nov_quarantine")
    op.drop_table("nov_quarantine")
    op.drop_index("ix_nov_observation_entity", table_name="nov_observation")
    with op.batch_alter_table("nov_observation") as batch:
        batch.drop_column("first_reported_at")
        batch.drop_column("first_merged_at")
