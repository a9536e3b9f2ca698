"""Re-assessment: answers and open actions taken over from a previous evaluation, to confirm.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 09:36:28.330687

Only added columns (SQLite's ALTER TABLE ADD COLUMN; no table is rebuilt, so the foreign
keys stay untouched). Existing answers are confirmed: nothing was ever carried over before.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carried_from", sa.String(length=36), nullable=True))
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carried_from", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("confirmed", sa.Boolean(), server_default=sa.text("1"), nullable=False)
        )
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("carried_from", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.drop_column("carried_from")
    with op.batch_alter_table("answer", schema=None) as batch_op:
        batch_op.drop_column("confirmed")
        batch_op.drop_column("carried_from")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_column("carried_from")
