"""The sync file's bookkeeping: every export takes the next sequence number, for good."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.models.sync import SyncExport


def reserve_sync_sequence(db: Database) -> tuple[int, datetime]:
    """Take the next sequence number for good, before the file is written; (number, now).

    A number is never handed out twice, even when writing the file then fails: NOV would
    see two different files with one number as a conflict.
    """
    now = utc_now()
    with db.session() as session:
        last = session.scalar(select(func.max(SyncExport.sequence))) or 0
        session.add(SyncExport(sequence=last + 1, created_at=now))
    return last + 1, now
