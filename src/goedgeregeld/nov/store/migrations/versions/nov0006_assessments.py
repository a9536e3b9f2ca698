"""NOV store: the final assessment and the register of keurmerk certificates.

Revision ID: nov0006
Revises: nov0005
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "nov0006"
down_revision = "nov0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create the assessments and the register."""
    op.create_table(
        "nov_assessment",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("province", sa.String(length=40), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("organisation_json", sa.Text(), nullable=False),
        sa.Column("evaluation_json", sa.Text(), nullable=False),
        sa.Column("edition_json", sa.Text(), nullable=False),
        sa.Column("review_json", sa.Text(), nullable=False),
        sa.Column("adviser_name", sa.String(length=200), nullable=False),
        sa.Column("adviser_fingerprint", sa.String(length=40), nullable=False),
        sa.Column("adviser_certificate", sa.Text(), nullable=False),
        sa.Column("review_updated_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("certificate_number", sa.String(length=24), nullable=True),
        sa.PrimaryKeyConstraint("evaluation_id", name=op.f("pk_nov_assessment")),
    )
    op.create_index(
        op.f("ix_nov_assessment_organisation_id"), "nov_assessment", ["organisation_id"]
    )
    op.create_index(op.f("ix_nov_assessment_status"), "nov_assessment", ["status"])
    op.create_table(
        "nov_keurmerk",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("serial", sa.Integer(), nullable=False),
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_name", sa.String(length=200), nullable=False),
        sa.Column("province", sa.String(length=40), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("verification_code", sa.String(length=24), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("withdrawn_on", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_nov_keurmerk")),
        sa.UniqueConstraint("evaluation_id", name=op.f("uq_nov_keurmerk_evaluation_id")),
    )
    op.create_index(op.f("ix_nov_keurmerk_year"), "nov_keurmerk", ["year"])
    op.create_index(op.f("ix_nov_keurmerk_organisation_id"), "nov_keurmerk", ["organisation_id"])


def downgrade() -> None:
    """Drop them again."""
    op.drop_table("nov_keurmerk")
    op.drop_table("nov_assessment")
