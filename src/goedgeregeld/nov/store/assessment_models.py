"""NOV store tables of the final assessment: what the assessor read, and the register of marks."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.nov.store.models import NovBase


class NovAssessment(NovBase):
    """One evaluation put before NOV's assessor: the adviser's package and its outcome.

    The package's members are kept as the text they arrived in (the evidence files
    themselves are not: the assessor sees their list), so the screen shows exactly what
    was read. ``status`` is ``pending``, ``granted`` or ``refused``.
    """

    __tablename__ = "nov_assessment"

    evaluation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organisation_id: Mapped[str] = mapped_column(String(36), index=True)
    organisation_name: Mapped[str] = mapped_column(String(200))
    province: Mapped[str | None] = mapped_column(String(40))
    content_hash: Mapped[str] = mapped_column(String(64))
    organisation_json: Mapped[str] = mapped_column(Text)
    evaluation_json: Mapped[str] = mapped_column(Text)
    edition_json: Mapped[str] = mapped_column(Text)
    review_json: Mapped[str] = mapped_column(Text)
    adviser_name: Mapped[str] = mapped_column(String(200))
    adviser_fingerprint: Mapped[str] = mapped_column(String(40))
    adviser_certificate: Mapped[str] = mapped_column(Text)
    """The adviser's certificate as it came inside the review (checked when read)."""
    review_updated_at: Mapped[datetime] = mapped_column(DateTime)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(12), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    reason: Mapped[str | None] = mapped_column(Text)
    certificate_number: Mapped[str | None] = mapped_column(String(24))


class NovKeurmerk(NovBase):
    """NOV's register of issued keurmerk certificates: what NOV counts marks from.

    ``document`` is the signed certificate exactly as issued, so it can be handed out again.
    """

    __tablename__ = "nov_keurmerk"

    number: Mapped[str] = mapped_column(String(24), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    serial: Mapped[int] = mapped_column(Integer)
    evaluation_id: Mapped[str] = mapped_column(String(36), unique=True)
    organisation_id: Mapped[str] = mapped_column(String(36), index=True)
    organisation_name: Mapped[str] = mapped_column(String(200))
    province: Mapped[str | None] = mapped_column(String(40))
    content_hash: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    verification_code: Mapped[str] = mapped_column(String(24))
    document: Mapped[str] = mapped_column(Text)
    withdrawn_on: Mapped[date | None] = mapped_column(Date)
