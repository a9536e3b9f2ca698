"""Tables of the chain from NOV's root: the revocation list read, and this adviser's certificates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.store.models.core import Base


class RevocationList(Base):
    """The newest revocation list this installation read from NOV (one per root key).

    On NOV's own installation it is the list NOV issued last; the next one holds all of it.
    """

    __tablename__ = "revocation_list"

    root_fingerprint: Mapped[str] = mapped_column(String(40), primary_key=True)
    number: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(DateTime)
    digest: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the list's canonical content: the same list read again changes nothing."""
    document: Mapped[str] = mapped_column(Text)
    """The whole signed file, so NOV can hand it out again and a check can be redone."""
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class Revocation(Base):
    """One withdrawn subject of the stored list: an adviser's key or a certificate number."""

    __tablename__ = "revocation"

    root_fingerprint: Mapped[str] = mapped_column(String(40), primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    """``adviser`` (value: key fingerprint) or ``certificate`` (value: its number)."""
    value: Mapped[str] = mapped_column(String(64), primary_key=True)
    revoked_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str | None] = mapped_column(Text)


class AdviserCertificateRow(Base):
    """An adviser certificate NOV issued for this installation's key (the adviser imports it)."""

    __tablename__ = "adviser_certificate"

    number: Mapped[str] = mapped_column(String(48), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    issued_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date, index=True)
    document: Mapped[str] = mapped_column(Text)
    """The signed file as NOV wrote it: ``review export`` carries it unchanged."""
    imported_at: Mapped[datetime] = mapped_column(DateTime)
