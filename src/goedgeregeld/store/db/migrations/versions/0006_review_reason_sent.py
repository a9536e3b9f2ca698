"""Review: the reason for a decision, and when the review file was last written.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01 12:05:00

Only added, nullable columns (SQLite's ALTER TABLE ADD COLUMN; no table is rebuilt, so the
foreign keys stay untouched). Existing reviews have no reason and were never marked as sent.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.add_column(sa.Column("decision_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("exported_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_column("exported_at")
        batch_op.drop_column("decision_reason")
