"""Respondents of an evaluation and their own answers, kept apart from the agreed answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.domain import RespondentRole
from goedgeregeld.store.models.core import Base, StoredEnum


class Respondent(Base):
    """One person who answers an evaluation on their own; the coordinator invites them.

    A removed respondent keeps the row (``removed_at``) so their answers stay visible in the
    merged view, marked as removed, instead of silently disappearing.
    """

    __tablename__ = "respondent"
    __table_args__ = (
        CheckConstraint(
            "role IN ('bestuur', 'coordinator', 'vrijwilliger', 'beroepskracht')", name="role"
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[RespondentRole] = mapped_column(StoredEnum(RespondentRole, 16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    removed_at: Mapped[datetime | None] = mapped_column(DateTime)
    # When the respondent said they were done; the others' answers stay hidden until then.
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    # The newest answer file read for this respondent: its moment and digest, so a re-import
    # changes nothing and an older file never replaces a newer one.
    file_moment: Mapped[datetime | None] = mapped_column(DateTime)
    file_digest: Mapped[str | None] = mapped_column(String(64))


class RespondentAnswer(Base):
    """One respondent's answer to one statement: 0-3, not applicable, or only a note."""

    __tablename__ = "respondent_answer"
    __table_args__ = (
        CheckConstraint("value IS NULL OR value BETWEEN 0 AND 3", name="value_range"),
        CheckConstraint("NOT (not_applicable AND value IS NOT NULL)", name="na_without_value"),
    )

    respondent_id: Mapped[str] = mapped_column(
        ForeignKey("respondent.id", ondelete="CASCADE"), primary_key=True
    )
    statement_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Invitation(Base):
    """On a respondent's own computer: the respondent file they opened, to answer offline.

    The evaluation lives on the coordinator's installation; this row keeps what answering
    needs (the frozen edition and variant) and the answers go back in an answer file.
    """

    __tablename__ = "invitation"

    respondent_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    evaluation_id: Mapped[str] = mapped_column(String(36))
    organisation_name: Mapped[str] = mapped_column(Text)
    respondent_name: Mapped[str] = mapped_column(Text)
    role: Mapped[RespondentRole] = mapped_column(StoredEnum(RespondentRole, 16))
    variant: Mapped[str] = mapped_column(String(8))
    edition_hash: Mapped[str] = mapped_column(String(64))
    edition_snapshot: Mapped[str] = mapped_column(Text, deferred=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)


class InvitationAnswer(Base):
    """A respondent's answer on their own computer, to send back in an answer file."""

    __tablename__ = "invitation_answer"
    __table_args__ = (
        CheckConstraint("value IS NULL OR value BETWEEN 0 AND 3", name="value_range"),
        CheckConstraint("NOT (not_applicable AND value IS NOT NULL)", name="na_without_value"),
    )

    respondent_id: Mapped[str] = mapped_column(
        ForeignKey("invitation.respondent_id", ondelete="CASCADE"), primary_key=True
    )
    statement_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[int | None] = mapped_column(Integer)
    not_applicable: Mapped[bool] = mapped_column(default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SharedSpread(Base):
    """On the adviser's installation: how far a client's respondents were apart per statement.

    Only the spread and the flag travel, never a respondent's answer or name.
    """

    __tablename__ = "shared_spread"

    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), primary_key=True
    )
    statement_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    spread: Mapped[int | None] = mapped_column(Integer)
    flagged: Mapped[bool] = mapped_column(default=False)
