"""NOV store: the signing key of each installation (trust on first use).

Revision ID: nov0002
Revises: nov0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "nov0002"
down_revision = "nov0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table of trusted keys."""
    op.create_table(
        "nov_trusted_key",
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_fingerprint", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("installation_id", name=op.f("pk_nov_trusted_key")),
    )
    op.create_index(
        op.f("ix_nov_trusted_key_public_key"), "nov_trusted_key", ["public_key"], unique=False
    )


def downgrade() -> None:
    """Drop the table of trusted keys."""
    op.drop_index(op.f("ix_nov_trusted_key_public_key"), table_name="nov_trusted_key")
    op.drop_table("nov_trusted_key")
