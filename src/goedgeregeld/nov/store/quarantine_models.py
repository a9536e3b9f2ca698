"""NOV store table of the quarantine: sync files held back until NOV accepts or rejects them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.nov.store.models import NovBase


class QuarantinedFile(NovBase):
    """A file outside the plausibility bounds: kept whole, with its reason, never counted.

    ``status`` is ``held`` until NOV decides: ``accepted`` (it was merged then) or
    ``rejected`` (a later run refuses it again, by its digest).
    """

    __tablename__ = "nov_quarantine"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    digest: Mapped[str] = mapped_column(String(64), unique=True)
    installation_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    path: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    content: Mapped[bytes] = mapped_column(LargeBinary)
    held_at: Mapped[datetime] = mapped_column(DateTime)
    status: Mapped[str] = mapped_column(String(10), index=True)
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
