"""Trust on first use: keys of other installations and signed origins.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 07:49:40.435089
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "signed_origin",
        sa.Column("subject_kind", sa.String(length=16), nullable=False),
        sa.Column("subject_id", sa.String(length=36), nullable=False),
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("subject_kind", "subject_id", name=op.f("pk_signed_origin")),
    )
    op.create_table(
        "trusted_key",
        sa.Column("installation_id", sa.String(length=36), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_fingerprint", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("installation_id", name=op.f("pk_trusted_key")),
    )


def downgrade() -> None:

    op.drop_table("trusted_key")
    op.drop_table("signed_origin")
