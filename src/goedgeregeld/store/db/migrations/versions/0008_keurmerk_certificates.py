"""Keurmerk certificates: the NOV-signed certificates an installation read.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 11:31:37.328373

Only a new table (no existing table is rebuilt, so foreign keys stay untouched).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "keurmerk_certificate",
        sa.Column("number", sa.String(length=48), nullable=False),
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("root_fingerprint", sa.String(length=40), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_keurmerk_certificate_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_keurmerk_certificate")),
    )
    with op.batch_alter_table("keurmerk_certificate", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_keurmerk_certificate_evaluation_id"), ["evaluation_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("keurmerk_certificate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_keurmerk_certificate_evaluation_id"))
    op.drop_table("keurmerk_certificate")
