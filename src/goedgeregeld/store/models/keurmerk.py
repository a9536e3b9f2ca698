"""The keurmerk certificates this installation read: NOV-signed, one per assessed evaluation."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.store.models.core import Base


class KeurmerkCertificate(Base):
    """A keurmerk certificate as read, after it verified against the NOV root.

    ``document`` is the signed file's text, kept whole; the mark shows only while the
    certificate's content hash still fits the evaluation, it has not expired, and no
    revocation list this installation read names its number.
    """

    __tablename__ = "keurmerk_certificate"

    number: Mapped[str] = mapped_column(String(48), primary_key=True)
    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    content_hash: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date)
    root_fingerprint: Mapped[str] = mapped_column(String(40))
    """The NOV key it verified against when it was read."""
    document: Mapped[str] = mapped_column(Text)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
