"""Several respondents per evaluation, each with their own answers, kept apart.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 11:29:01.266252

Only new tables: no existing table is rebuilt, so the foreign keys stay untouched. The
agreed answers stay in ``answer``; each respondent's own answers go to ``respondent_answer``;
a respondent answering on their own computer keeps the invitation and answers there; an
adviser keeps the spread per statement a client chose to share (never the answers).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "respondent",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("file_moment", sa.DateTime(), nullable=True),
        sa.Column("file_digest", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "role IN ('bestuur', 'coordinator', 'vrijwilliger', 'beroepskracht')",
            name=op.f("ck_respondent_role"),
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_respondent_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_respondent")),
    )
    with op.batch_alter_table("respondent", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_respondent_evaluation_id"), ["evaluation_id"], unique=False
        )
    op.create_table(
        "respondent_answer",
        sa.Column("respondent_id", sa.String(length=36), nullable=False),
        sa.Column("statement_id", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "NOT (not_applicable AND value IS NOT NULL)",
            name=op.f("ck_respondent_answer_na_without_value"),
        ),
        sa.CheckConstraint(
            "value IS NULL OR value BETWEEN 0 AND 3", name=op.f("ck_respondent_answer_value_range")
        ),
        sa.ForeignKeyConstraint(
            ["respondent_id"],
            ["respondent.id"],
            name=op.f("fk_respondent_answer_respondent_id_respondent"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("respondent_id", "statement_id", name=op.f("pk_respondent_answer")),
    )

    op.create_table(
        "invitation",
        sa.Column("respondent_id", sa.String(length=36), nullable=False),
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("organisation_name", sa.Text(), nullable=False),
        sa.Column("respondent_name", sa.Text(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("variant", sa.String(length=8), nullable=False),
        sa.Column("edition_hash", sa.String(length=64), nullable=False),
        sa.Column("edition_snapshot", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("respondent_id", name=op.f("pk_invitation")),
    )
    op.create_table(
        "invitation_answer",
        sa.Column("respondent_id", sa.String(length=36), nullable=False),
        sa.Column("statement_id", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "NOT (not_applicable AND value IS NOT NULL)",
            name=op.f("ck_invitation_answer_na_without_value"),
        ),
        sa.CheckConstraint(
            "value IS NULL OR value BETWEEN 0 AND 3", name=op.f("ck_invitation_answer_value_range")
        ),
        sa.ForeignKeyConstraint(
            ["respondent_id"],
            ["invitation.respondent_id"],
            name=op.f("fk_invitation_answer_respondent_id_invitation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("respondent_id", "statement_id", name=op.f("pk_invitation_answer")),
    )
    op.create_table(
        "shared_spread",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("statement_id", sa.String(length=64), nullable=False),
        sa.Column("spread", sa.Integer(), nullable=True),
        sa.Column("flagged", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_shared_spread_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evaluation_id", "statement_id", name=op.f("pk_shared_spread")),
    )


def downgrade() -> None:
    op.drop_table("shared_spread")
    op.drop_table("invitation_answer")
    op.drop_table("invitation")
    op.drop_table("respondent_answer")
    with op.batch_alter_table("respondent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_respondent_evaluation_id"))
    op.drop_table("respondent")
