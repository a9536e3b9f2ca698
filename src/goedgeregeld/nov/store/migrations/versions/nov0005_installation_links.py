"""NOV store: old installation ids that continue as key-derived ids (link statements).

Revision ID: nov0005
Revises: nov0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "nov0005"
down_revision = "nov0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the table of installation links."""
    op.create_table(
        "nov_installation_link",
        sa.Column("old_id", sa.String(length=36), nullable=False),
        sa.Column("new_id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("old_id", name=op.f("pk_nov_installation_link")),
    )
    op.create_index(
        op.f("ix_nov_installation_link_new_id"), "nov_installation_link", ["new_id"], unique=False
    )


def downgrade() -> None:
    """Drop the table of installation links."""
    op.drop_index(op.f("ix_nov_installation_link_new_id"), table_name="nov_installation_link")
    op.drop_table("nov_installation_link")
