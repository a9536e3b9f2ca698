"""Tables of the adviser's workflow: adviser registration, reviews and imported client files."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.store.models.core import Base


class Adviser(Base):
    """The adviser who works on this installation (registered once)."""

    __tablename__ = "adviser"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    registered_at: Mapped[datetime] = mapped_column(DateTime, index=True)


class Review(Base):
    """The adviser's review of one evaluation: decision and quality mark date.

    On the adviser's installation ``origin`` is "own"; on the organisation's it is
    "received" (read from a review file), so its own scores stay apart from the verdicts.
    """

    __tablename__ = "review"
    __table_args__ = (
        CheckConstraint("origin IN ('own', 'received')", name="origin"),
        CheckConstraint(
            "decision IS NULL OR decision IN ('ready', 'conditions', 'not_yet')", name="decision"
        ),
    )

    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), primary_key=True
    )
    origin: Mapped[str] = mapped_column(String(8))
    adviser_id: Mapped[str] = mapped_column(String(36))
    adviser_name: Mapped[str] = mapped_column(Text)
    adviser_region: Mapped[str | None] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(String(12), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    mark_granted_on: Mapped[date | None] = mapped_column(Date, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    # Digest of the review file this came from, so reading it again changes nothing.
    received_digest: Mapped[str | None] = mapped_column(String(64))
    # A received review counts (readiness, a mark) only from a recognised adviser: one whose
    # NOV certificate verified and named the key that signed the review.
    adviser_recognised: Mapped[bool] = mapped_column(Boolean, server_default="0", default=False)
    adviser_certificate: Mapped[str | None] = mapped_column(String(48))
    """Number of the adviser certificate the review came with (a recognised one)."""
    adviser_fingerprint: Mapped[str | None] = mapped_column(String(40))
    """Fingerprint of the key that signed the review file."""
    recognition_problem: Mapped[str | None] = mapped_column(Text)
    """Why the adviser was not recognised (Dutch), or None."""
    # Why the adviser decided as they did; needed when "ready" goes against the guard.
    decision_reason: Mapped[str | None] = mapped_column(Text)
    # When this installation last wrote the review file ("beoordeling verstuurd").
    exported_at: Mapped[datetime | None] = mapped_column(DateTime)


class StatementReview(Base):
    """The adviser's verdict on one statement, with the answer it was given on."""

    __tablename__ = "statement_review"
    __table_args__ = (
        CheckConstraint("verdict IN ('agree', 'lower', 'higher')", name="verdict"),
        CheckConstraint(
            "proposed_score IS NULL OR proposed_score BETWEEN 0 AND 3", name="proposed_range"
        ),
    )

    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("review.evaluation_id", ondelete="CASCADE"), primary_key=True
    )
    statement_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    verdict: Mapped[str] = mapped_column(String(8))
    proposed_score: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    # The organisation changed this statement after the verdict: look again.
    changed: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ThemeComment(Base):
    """The adviser's comment on one theme."""

    __tablename__ = "theme_comment"

    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("review.evaluation_id", ondelete="CASCADE"), primary_key=True
    )
    theme_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    comment: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class ReviewCondition(Base):
    """One condition of a "klaar met voorwaarden" decision, with its deadline."""

    __tablename__ = "review_condition"

    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("review.evaluation_id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date] = mapped_column(Date)


class ClientImport(Base):
    """Which evaluation file a client evaluation was last read from (adviser side)."""

    __tablename__ = "client_import"

    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), primary_key=True
    )
    file_digest: Mapped[str] = mapped_column(String(64))
    exported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
