"""Table of this installation's sync file exports: the sequence number grows with each one."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.store.models.core import Base


class SyncExport(Base):
    """One sync file made here; its ``sequence`` is never used twice."""

    __tablename__ = "sync_export"

    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
