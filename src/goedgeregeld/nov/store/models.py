"""Tables of the NOV store, on their own MetaData: this is a separate database, not the app's.

Both tables are keyed by installation first: merging reads one installation's rows as a
range, and on SQLite they are WITHOUT ROWID, so each row lives in exactly one B-tree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Index, Integer, MetaData, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from goedgeregeld.store.models.core import NAMING_CONVENTION


class NovBase(DeclarativeBase):
    """Declarative base of the NOV store (SQLite or PostgreSQL)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class MergedFile(NovBase):
    """A sync file whose content is in the store; found again by the digest of its bytes."""

    __tablename__ = "nov_file"
    __table_args__ = {"sqlite_with_rowid": False}

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    merged_at: Mapped[datetime] = mapped_column(DateTime)


class Observation(NovBase):
    """What one installation's newest file says about one id.

    Per installation, the rows are exactly the ids of its newest merged file (its sets only
    grow, so that file holds all it knows). Across installations the union is counted, so
    an organisation reported by its own installation and by its adviser's counts once.
    Its year, province and detail come from its owner: the installation that reported it
    to NOV first (``first_merged_at``, then ``first_reported_at``, then installation id).
    Another installation can count the id but never move it to another province.
    """

    __tablename__ = "nov_observation"
    __table_args__ = (
        Index("ix_nov_observation_entity", "kind", "entity_id"),
        {"sqlite_with_rowid": False},
    )

    installation_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sequence: Mapped[int] = mapped_column(Integer)
    reported_at: Mapped[datetime] = mapped_column(DateTime)
    year: Mapped[int] = mapped_column(Integer)
    province: Mapped[str | None] = mapped_column(String(20))
    detail: Mapped[str | None] = mapped_column(String(12))
    first_merged_at: Mapped[datetime | None] = mapped_column(DateTime)
    """When NOV first merged this installation's report of the id (NOV's clock, unforgeable)."""
    first_reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    """``created_at`` of the earliest file of the run that first brought the id from here."""


class Total(NovBase):
    """How many distinct ids of a kind count in one (year, province, detail) cell.

    Maintained by every merge from what its ids changed, so the figures are a read of a
    few hundred rows. A missing province or detail is '' here (key columns are not NULL).
    """

    __tablename__ = "nov_total"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: Mapped[str] = mapped_column(String(24), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    province: Mapped[str] = mapped_column(String(20), primary_key=True)
    detail: Mapped[str] = mapped_column(String(12), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class KnownFile(NovBase):
    """The SHA-256 of the bytes of every file NOV took (merged, or known from a newer one).

    A later run that finds the same bytes skips the file without parsing or verifying it.
    """

    __tablename__ = "nov_known_file"
    __table_args__ = {"sqlite_with_rowid": False}

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
