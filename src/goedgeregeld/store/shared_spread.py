"""The spread per statement that an organisation may share with its adviser, and its record."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.models.respondents import SharedSpread


@dataclass(frozen=True)
class SpreadEntry:
    """How far the respondents were apart on one statement; no answers, no names."""

    statement_id: str
    spread: int | None
    flagged: bool


def spread_to_share(db: Database, evaluation_id: str) -> tuple[SpreadEntry, ...]:
    """The spread per answered statement of an own evaluation; empty without respondents."""
    from goedgeregeld.store.respondents import merged_view

    view = merged_view(db, evaluation_id)
    if not view.respondents:
        return ()
    return tuple(
        SpreadEntry(s.id, s.spread, s.flagged)
        for s in sorted(view.statements, key=lambda s: s.id)
        if any(v is not None for v in s.scores.values())
    )


def record_shared_spread(
    session: Session, evaluation_id: str, entries: Iterable[SpreadEntry]
) -> None:
    """Put the received spread in place of what an earlier file of the evaluation said."""
    session.execute(delete(SharedSpread).where(SharedSpread.evaluation_id == evaluation_id))
    session.flush()
    for entry in entries:
        session.add(
            SharedSpread(
                evaluation_id=evaluation_id,
                statement_id=entry.statement_id,
                spread=entry.spread,
                flagged=entry.flagged,
            )
        )


def shared_spread(db: Database, evaluation_id: str) -> dict[str, SpreadEntry]:
    """The spread a client shared for an evaluation, by statement."""
    with db.session() as session:
        rows = session.scalars(
            select(SharedSpread).where(SharedSpread.evaluation_id == evaluation_id)
        )
        return {r.statement_id: SpreadEntry(r.statement_id, r.spread, r.flagged) for r in rows}
