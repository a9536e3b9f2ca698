"""Installation ids from keys: which old (random) id continues as which key-derived id.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 11:29:18.760813

Only a new table; nothing is rebuilt. The installation's own id moves to its key-derived
form the first time it signs (``store.installation.settle_installation_id``), not here:
the key lives beside the database, not in it.
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "installation_link",
        sa.Column("old_id", sa.String(length=36), nullable=False),
        sa.Column("new_id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("old_id", name=op.f("pk_installation_link")),
    )
    with op.batch_alter_table("installation_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_installation_link_new_id"), ["new_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("installation_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_installation_link_new_id"))
    op.drop_table("installation_link")
