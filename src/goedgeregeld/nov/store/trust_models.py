"""NOV store table of trust on first use: the key each installation signs its sync files with."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from goedgeregeld.nov.store.models import NovBase


class NovTrustedKey(NovBase):
    """The key of an installation's first signed sync file; later files must carry it too.

    ``accepted_fingerprint``: a key change NOV staff approved (``trust accept --nov``).
    """

    __tablename__ = "nov_trusted_key"

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    public_key: Mapped[str] = mapped_column(String(64), index=True)
    first_seen_at: Mapped[datetime] = mapped_column(DateTime)
    accepted_fingerprint: Mapped[str | None] = mapped_column(String(40))


class NovInstallationLink(NovBase):
    """An installation's old (random) id that continues as its key-derived id.

    Recorded from a link statement signed by the key NOV pinned for ``old_id`` (or by the
    first key seen for it); the old id's rows were folded into ``new_id``, and files that
    still name ``old_id`` are merged as ``new_id``'s. The old id's pin stays.
    """

    __tablename__ = "nov_installation_link"

    old_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    new_id: Mapped[str] = mapped_column(String(36), index=True)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
