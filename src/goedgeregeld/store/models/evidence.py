"""Tables of evidence: content-addressed files and their attachment to statements."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.store.models.core import Base


class EvidenceFile(Base):
    """One stored file, named by the SHA-256 of its content (kept once however often used)."""

    __tablename__ = "evidence_file"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    stored_at: Mapped[datetime] = mapped_column(DateTime)


class Attachment(Base):
    """A file attached to a statement of an evaluation, under the name the user gave it."""

    __tablename__ = "attachment"
    __table_args__ = (UniqueConstraint("evaluation_id", "statement_id", "sha256"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    evaluation_id: Mapped[str] = mapped_column(
        ForeignKey("evaluation.id", ondelete="CASCADE"), index=True
    )
    statement_id: Mapped[str] = mapped_column(String(64))
    sha256: Mapped[str] = mapped_column(ForeignKey("evidence_file.sha256"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    added_at: Mapped[datetime] = mapped_column(DateTime)
