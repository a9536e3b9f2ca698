"""Tables of trust on first use: the key seen per installation, and where subjects came from."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.store.models.core import Base


class TrustedKey(Base):
    """The public key recorded for another installation when its first signed file came in.

    ``accepted_fingerprint`` is a deliberate key change the user approved: the next file
    signed with a key of that fingerprint replaces ``public_key``.
    """

    __tablename__ = "trusted_key"

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64))
    """Raw Ed25519 public key, hex."""
    first_seen_at: Mapped[datetime] = mapped_column(DateTime)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime)
    """When the recorded key last changed (a re-import of a known file changes nothing)."""
    accepted_fingerprint: Mapped[str | None] = mapped_column(String(40))


class SignedOrigin(Base):
    """The installation a subject (a client organisation, a received review) came from signed.

    A later file about the same subject must come signed from the same installation; an
    unsigned file about it is refused, so a signature cannot simply be stripped off.
    """

    __tablename__ = "signed_origin"

    subject_kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    subject_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    installation_id: Mapped[str] = mapped_column(String(36))
    recorded_at: Mapped[datetime] = mapped_column(DateTime)


class InstallationLink(Base):
    """An installation id that now goes by another: a checked link statement, or our own move.

    Ids made before they came from keys (random UUIDs) continue as the key-derived id their
    key gives; a row here says so. For a received file, the link statement was signed by
    the key pinned for ``old_id``; the row of this installation's own old id has
    ``new_id`` equal to ``installation.id``. Files that still name ``old_id`` count as
    ``new_id``'s, and its pin stays so nobody else can take the old id over.
    """

    __tablename__ = "installation_link"

    old_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    new_id: Mapped[str] = mapped_column(String(36), index=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
