"""SQLAlchemy 2 typed models of everything this installation stores."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from goedgeregeld.domain import ActionStatus, EvaluationStatus
from goedgeregeld.store.models.types import StoredEnum

__all__ = ["StoredEnum"]  # re-exported: it lived here first

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so batch migrations can name constraints."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Installation(Base):
    """This installation: one row, made once, with a random id."""

    __tablename__ = "installation"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Organisation(Base):
    """An organisation that works with volunteers."""

    __tablename__ = "organisation"
    __table_args__ = (CheckConstraint("origin IN ('own', 'client')", name="origin"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    city: Mapped[str | None] = mapped_column(Text)
    province: Mapped[str | None] = mapped_column(String(20))
    volunteers: Mapped[int | None] = mapped_column(Integer)
    paid_fte: Mapped[float | None] = mapped_column(Float)
    # For a client organisation this is when its account was made on its own
    # installation, as the evaluation file said, so national counts see one year.
    created_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    # "own": made here; "client": read from an evaluation file (adviser installations).
    origin: Mapped[str] = mapped_column(String(8), default="own", server_default="own")


class Evaluation(Base):
    """One self-evaluation, frozen to the questionnaire edition it was started with."""

    __tablename__ = "evaluation"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'completed')", name="status"),
        CheckConstraint("variant IN ('full', 'small')", name="variant"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organisation_id: Mapped[str] = mapped_column(
        ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    edition_id: Mapped[str] = mapped_column(String(64))
    edition_version: Mapped[str] = mapped_column(String(32))
    edition_hash: Mapped[str] = mapped_column(String(64))
    # Deferred: 60 kB that lists and the answer hot path never need (cached by hash).
    edition_snapshot: Mapped[str] = mapped_column(Text, deferred=True)
    variant: Mapped[str] = mapped_column(String(8))
    status: Mapped[EvaluationStatus] = mapped_column(
        StoredEnum(EvaluationStatus, 12), default=EvaluationStatus.DRAFT
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_statement_id: Mapped[str | None] = mapped_column(String(64))
    # Kept up to date with every answer so lists never need the snapshot.
    answered_count: Mapped[int] = mapped_column(Integer, default=0)
    required_count: Mapped[int] = mapped_column(Integer, default=0)
    total_score: Mapped[float | None] = mapped_column(Float)
    # A re-assessment: the evaluation whose answers, evidence and open actions it took over.
    carried_from: Mapped[str | None] = mapped_column(String(36))


class Answer(Base):
    """The answer to one statement: a value 0-3, not applicable, or only a note so far."""

    __tablename__ = "answer"
    __table_args__ = (
        CheckConstraint("value IS NULL OR value BETWEEN 0 AND 3", name="value_range"),
        CheckConstraint("NOT (not_applicable AND value IS NOT NULL)", name="na_without_value"),
    )

    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), primary_key=True
    )
    statement_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Taken over from the previous evaluation: the source statement ids (comma-separated),
    # and whether the user has confirmed it; unconfirmed it is shown but scored as open.
    carried_from: Mapped[str | None] = mapped_column(String(200))
    confirmed: Mapped[bool] = mapped_column(default=True, server_default=text("1"))


class Action(Base):
    """One action in the evaluation's action plan."""

    __tablename__ = "action"
    __table_args__ = (CheckConstraint("status IN ('open', 'in_progress', 'done')", name="status"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    statement_id: Mapped[str | None] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[ActionStatus] = mapped_column(
        StoredEnum(ActionStatus, 12), default=ActionStatus.OPEN
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # The evaluation this open action was taken over from in a re-assessment.
    carried_from: Mapped[str | None] = mapped_column(String(36))
