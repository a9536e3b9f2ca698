"""Initial schema.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "adviser",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_adviser")),
    )
    with op.batch_alter_table("adviser", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_adviser_registered_at"), ["registered_at"], unique=False
        )

    op.create_table(
        "evidence_file",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("stored_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_evidence_file")),
    )
    op.create_table(
        "installation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation")),
    )
    op.create_table(
        "organisation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("city", sa.Text(), nullable=True),
        sa.Column("province", sa.String(length=20), nullable=True),
        sa.Column("volunteers", sa.Integer(), nullable=True),
        sa.Column("paid_fte", sa.Float(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("origin", sa.String(length=8), server_default="own", nullable=False),
        sa.CheckConstraint("origin IN ('own', 'client')", name=op.f("ck_organisation_origin")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisation_created_at"), ["created_at"], unique=False
        )

    op.create_table(
        "sync_export",
        sa.Column("sequence", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("sequence", name=op.f("pk_sync_export")),
    )
    op.create_table(
        "evaluation",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation_id", sa.String(length=36), nullable=False),
        sa.Column("edition_id", sa.String(length=64), nullable=False),
        sa.Column("edition_version", sa.String(length=32), nullable=False),
        sa.Column("edition_hash", sa.String(length=64), nullable=False),
        sa.Column("edition_snapshot", sa.Text(), nullable=False),
        sa.Column("variant", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("completed_at", sa.DateTime(), nullable=True),
        sa.Column("last_statement_id", sa.String(length=64), nullable=True),
        sa.Column("answered_count", sa.Integer(), nullable=False),
        sa.Column("required_count", sa.Integer(), nullable=False),
        sa.Column("total_score", sa.Float(), nullable=True),
        sa.CheckConstraint("status IN ('draft', 'completed')", name=op.f("ck_evaluation_status")),
        sa.CheckConstraint("variant IN ('full', 'small')", name=op.f("ck_evaluation_variant")),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_evaluation_organisation_id_organisation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_evaluation")),
    )
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_evaluation_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "action",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("statement_id", sa.String(length=64), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("owner", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'done')", name=op.f("ck_action_status")
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_action_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action")),
    )
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_action_evaluation_id"), ["evaluation_id"], unique=False
        )

    op.create_table(
        "answer",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("statement_id", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=True),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "NOT (not_applicable AND value IS NOT NULL)", name=op.f("ck_answer_na_without_value")
        ),
        sa.CheckConstraint(
            "value IS NULL OR value BETWEEN 0 AND 3", name=op.f("ck_answer_value_range")
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_answer_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evaluation_id", "statement_id", name=op.f("pk_answer")),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("statement_id", sa.String(length=64), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_attachment_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sha256"], ["evidence_file.sha256"], name=op.f("fk_attachment_sha256_evidence_file")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachment")),
        sa.UniqueConstraint(
            "evaluation_id", "statement_id", "sha256", name=op.f("uq_attachment_evaluation_id")
        ),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachment_evaluation_id"), ["evaluation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_attachment_sha256"), ["sha256"], unique=False)

    op.create_table(
        "client_import",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("file_digest", sa.String(length=64), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_client_import_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evaluation_id", name=op.f("pk_client_import")),
    )
    op.create_table(
        "review",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=8), nullable=False),
        sa.Column("adviser_id", sa.String(length=36), nullable=False),
        sa.Column("adviser_name", sa.Text(), nullable=False),
        sa.Column("adviser_region", sa.Text(), nullable=True),
        sa.Column("decision", sa.String(length=12), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("mark_granted_on", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("received_digest", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "decision IS NULL OR decision IN ('ready', 'conditions', 'not_yet')",
            name=op.f("ck_review_decision"),
        ),
        sa.CheckConstraint("origin IN ('own', 'received')", name=op.f("ck_review_origin")),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["evaluation.id"],
            name=op.f("fk_review_evaluation_id_evaluation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evaluation_id", name=op.f("pk_review")),
    )
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_decision"), ["decision"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_review_mark_granted_on"), ["mark_granted_on"], unique=False
        )

    op.create_table(
        "review_condition",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["review.evaluation_id"],
            name=op.f("fk_review_condition_evaluation_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evaluation_id", "position", name=op.f("pk_review_condition")),
    )
    op.create_table(
        "statement_review",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("statement_id", sa.String(length=64), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=False),
        sa.Column("proposed_score", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("changed", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "verdict IN ('agree', 'lower', 'higher')", name=op.f("ck_statement_review_verdict")
        ),
        sa.CheckConstraint(
            "proposed_score IS NULL OR proposed_score BETWEEN 0 AND 3",
            name=op.f("ck_statement_review_proposed_range"),
        ),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["review.evaluation_id"],
            name=op.f("fk_statement_review_evaluation_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evaluation_id", "statement_id", name=op.f("pk_statement_review")),
    )
    op.create_table(
        "theme_comment",
        sa.Column("evaluation_id", sa.String(length=36), nullable=False),
        sa.Column("theme_id", sa.String(length=64), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["evaluation_id"],
            ["review.evaluation_id"],
            name=op.f("fk_theme_comment_evaluation_id_review"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("evaluation_id", "theme_id", name=op.f("pk_theme_comment")),
    )


def downgrade() -> None:
    op.drop_table("theme_comment")
    op.drop_table("statement_review")
    op.drop_table("review_condition")
    with op.batch_alter_table("review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_mark_granted_on"))
        batch_op.drop_index(batch_op.f("ix_review_decision"))

    op.drop_table("review")
    op.drop_table("client_import")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachment_evaluation_id"))

    op.drop_table("attachment")
    op.drop_table("answer")
    with op.batch_alter_table("action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_evaluation_id"))

    op.drop_table("action")
    with op.batch_alter_table("evaluation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evaluation_organisation_id"))

    op.drop_table("evaluation")
    op.drop_table("sync_export")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisation_created_at"))

    op.drop_table("organisation")
    op.drop_table("installation")
    op.drop_table("evidence_file")
    with op.batch_alter_table("adviser", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_adviser_registered_at"))

    op.drop_table("adviser")
