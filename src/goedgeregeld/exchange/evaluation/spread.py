"""The optional spread member of an evaluation file: checked against the file's edition."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.evaluation.format import SPREAD_MEMBER, SpreadPart
from goedgeregeld.questionnaire.model import Edition

__all__ = ["SPREAD_MEMBER", "check_spread"]


def check_spread(path: Path, part: SpreadPart, edition: Edition) -> SpreadPart:
    """Every statement known to the edition and named once."""
    seen: set[str] = set()
    for entry in part.statements:
        if entry.statement_id not in edition.statements_by_id:
            raise ExchangeFileError(
                path, f"{SPREAD_MEMBER}: onbekende stelling '{entry.statement_id}'"
            )
        if entry.statement_id in seen:
            raise ExchangeFileError(
                path, f"{SPREAD_MEMBER}: stelling '{entry.statement_id}' staat er twee keer in"
            )
        seen.add(entry.statement_id)
    return part
