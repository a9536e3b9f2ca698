"""Tables of the NOV store, on their own MetaData: this is a separate database, not the app's.

Files and observations are keyed by the installation's number first: merging reads one
installation's rows as a range, and a new installation's rows go at the end.
"""

from __future__ import annotations

from datetime import datetime
from hashlib import blake2b

from sqlalchemy import (
    BigInteger,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from goedgeregeld.store.models.core import NAMING_CONVENTION


class NovBase(DeclarativeBase):
    """Declarative base of the NOV store (SQLite or PostgreSQL)."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Installation(NovBase):
    """An installation NOV merged files from, numbered in the order NOV first saw it.

    The number leads the keys of the files and the observations, so what a new
    installation brings is written at the end of their B-trees, however many
    installations the store holds, rather than at random places among them (ids are
    random UUIDs).
    """

    __tablename__ = "nov_installation"

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    """Given by the merge (one more than the highest so far), never reused."""
    id: Mapped[str] = mapped_column(String(36), unique=True)
    """Unique; on SQLite in two levels (``nov.store.levels``), each unique on its own, and
    the merge looks an id up in both before it numbers it."""


class MergedFile(NovBase):
    """A sync file whose content is in the store; found again by the digest of its bytes."""

    __tablename__ = "nov_file"
    __table_args__ = (
        PrimaryKeyConstraint("installation_no", "sequence", "digest"),
        {"sqlite_with_rowid": False},
    )

    installation_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer, autoincrement=False)
    digest: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    merged_at: Mapped[datetime] = mapped_column(DateTime)
    installation_no: Mapped[int] = mapped_column(Integer, autoincrement=False)
    """``Installation.number``: the key's first column."""


class Observation(NovBase):
    """What one installation's newest file says about one id.

    Per installation, the rows are exactly the ids of its newest merged file (its sets only
    grow, so that file holds all it knows). Across installations the union is counted, so
    an organisation reported by its own installation and by its adviser's counts once.
    Its year, province and detail come from its owner: the installation that reported it
    to NOV first (``first_merged_at``, then ``first_reported_at``, then installation id).
    Another installation can count the id but never move it to another province.

    Rows are kept in the order they were written (``row``); one installation's rows are
    found by (``installation_no``, kind, id), and one id's rows across installations by
    ``entity_key``, a number from the id: an index entry of a few bytes rather than the
    id's 36 characters, so the one index that new ids reach at random stays small (on
    SQLite it is in two levels, ``nov.store.levels``).
    """

    __tablename__ = "nov_observation"
    __table_args__ = (
        UniqueConstraint("installation_no", "kind", "entity_id"),
        Index("ix_nov_observation_entity_key", "entity_key"),
    )

    installation_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(24))
    entity_id: Mapped[str] = mapped_column(String(36))
    sequence: Mapped[int] = mapped_column(Integer)
    reported_at: Mapped[datetime] = mapped_column(DateTime)
    year: Mapped[int] = mapped_column(Integer)
    province: Mapped[str | None] = mapped_column(String(20))
    detail: Mapped[str | None] = mapped_column(String(12))
    first_merged_at: Mapped[datetime | None] = mapped_column(DateTime)
    """When NOV first merged this installation's report of the id (NOV's clock, unforgeable)."""
    first_reported_at: Mapped[datetime | None] = mapped_column(DateTime)
    """``created_at`` of the earliest file of the run that first brought the id from here."""
    installation_no: Mapped[int] = mapped_column(Integer)
    entity_key: Mapped[int] = mapped_column(BigInteger)
    row: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )


def entity_key(entity_id: str) -> int:
    """The index number of an id (a UUID): its first 60 bits.

    Ids that share one are told apart by the id itself, so a file that names a colliding
    id only costs a look-up.
    """
    try:
        return int(entity_id[:8] + entity_id[9:13] + entity_id[14:17], 16)
    except ValueError:  # not a UUID (sync files hold only UUIDs; older test stores did not)
        return int.from_bytes(blake2b(entity_id.encode(), digest_size=7).digest(), "big")


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
    Rows are kept in the order they came; a digest is found through ``digest_key``, its
    first 60 bits, so the index that every new file reaches at random stays a few bytes
    per file (two digests that share a key are told apart by the digest itself; on SQLite
    that index is in two levels, ``nov.store.levels``).
    """

    __tablename__ = "nov_known_file"
    __table_args__ = (Index("ix_nov_known_file_digest_key", "digest_key"),)

    digest: Mapped[str] = mapped_column(String(64))
    digest_key: Mapped[int] = mapped_column(BigInteger)
    row: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )


def digest_key(digest: str) -> int:
    """The index number of a SHA-256 digest in hex: its first 60 bits."""
    try:
        return int(digest[:15], 16)
    except ValueError:  # not hex (NOV's digests all are; older test stores' were not)
        return int.from_bytes(blake2b(digest.encode(), digest_size=7).digest(), "big")


class IndexLevel(NovBase):
    """SQLite: where the settled level of an index in two levels ends (``nov.store.levels``).

    Rows whose number is up to ``mark`` are in the settled level, the later ones in the
    recent level. PostgreSQL keeps one index each, and this table empty.
    """

    __tablename__ = "nov_index_level"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    mark: Mapped[int] = mapped_column(BigInteger)
