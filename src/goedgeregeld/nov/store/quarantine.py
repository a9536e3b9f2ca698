"""NOV's quarantine, stored: files held with their reason, and NOV's decision on each.

Held files are written in the merge's own transaction (``hold_in``), so a run either
counts and holds what it should, or neither. Only files outside the plausibility bounds
are ever looked up here, so an ordinary run never touches this table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Table, bindparam, func, select

from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.quarantine_models import QuarantinedFile
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.errors import StoreError

_held = cast(Table, QuarantinedFile.__table__)
_CHUNK = 500
HELD, ACCEPTED, REJECTED = "held", "accepted", "rejected"


@dataclass(frozen=True)
class HeldFile:
    """A file to hold: its digest, installation, sequence, where it was found, why, its bytes."""

    digest: str
    installation_id: str
    sequence: int
    path: str
    reason: str
    content: bytes


@dataclass(frozen=True)
class QuarantineRecord:
    """One row of the quarantine, as NOV sees it (without the bytes)."""

    number: int
    installation_id: str
    sequence: int
    path: str
    reason: str
    held_at: str
    status: str
    decided_at: str | None


_DECISIONS = select(_held.c.digest, _held.c.status, _held.c.reason).where(
    _held.c.digest.in_(bindparam("digests", expanding=True))
)


def decisions_for(connection: Connection, digests: Sequence[str]) -> dict[str, tuple[str, str]]:
    """For each digest the quarantine knows: (status, reason)."""
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(digests), _CHUNK):
        chunk = digests[start : start + _CHUNK]
        for digest, status, reason in connection.execute(_DECISIONS, {"digests": chunk}):
            found[digest] = (status, reason)
    return found


def hold_in(connection: Connection, files: Sequence[HeldFile]) -> None:
    """Hold ``files`` (new to the quarantine, one per digest) in the caller's transaction."""
    if not files:
        return
    now = utc_now()
    connection.execute(
        _held.insert(),
        [
            {
                "digest": f.digest,
                "installation_id": f.installation_id,
                "sequence": f.sequence,
                "path": f.path,
                "reason": f.reason,
                "content": f.content,
                "held_at": now,
                "status": HELD,
                "decided_at": None,
            }
            for f in files
        ],
    )


def _record(row: Sequence[object]) -> QuarantineRecord:
    number, inst, sequence, path, reason, held_at, status, decided_at = row
    return QuarantineRecord(
        int(cast(int, number)),
        str(inst),
        int(cast(int, sequence)),
        str(path),
        str(reason),
        str(held_at)[:19],
        str(status),
        None if decided_at is None else str(decided_at)[:19],
    )


_COLUMNS = (
    _held.c.number,
    _held.c.installation_id,
    _held.c.sequence,
    _held.c.path,
    _held.c.reason,
    _held.c.held_at,
    _held.c.status,
    _held.c.decided_at,
)


def list_quarantine(store: NovStore, *, everything: bool = False) -> list[QuarantineRecord]:
    """The files waiting for NOV's decision (with ``everything`` also those decided)."""
    query = select(*_COLUMNS).order_by(_held.c.number)
    if not everything:
        query = query.where(_held.c.status == HELD)
    with store.begin() as connection:
        return [_record(row) for row in connection.execute(query)]


def count_held(store: NovStore) -> int:
    """How many files wait for NOV's decision."""
    with store.begin() as connection:
        return int(connection.scalar(select(func.count()).where(_held.c.status == HELD)) or 0)


def held_content_in(connection: Connection, number: int) -> tuple[QuarantineRecord, bytes]:
    """A held file's record and bytes; refuses a number not held (any more)."""
    row = connection.execute(
        select(*_COLUMNS, _held.c.content).where(_held.c.number == number)
    ).first()
    if row is None:
        raise StoreError(f"er is geen bestand met nummer {number} in quarantaine")
    record = _record(row[:-1])
    if record.status != HELD:
        word = "toegelaten" if record.status == ACCEPTED else "afgewezen"
        raise StoreError(f"bestand {number} in quarantaine is al {word}")
    return record, bytes(row[-1])


def decide_in(connection: Connection, number: int, status: str) -> None:
    """Record NOV's decision on a held file in the caller's transaction."""
    connection.execute(
        _held.update()
        .where(_held.c.number == number, _held.c.status == HELD)
        .values(status=status, decided_at=utc_now())
    )
