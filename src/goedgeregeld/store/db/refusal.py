"""Refuse a file that is not this app's database, with the newest verified backup named."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.store.db.identity import Refusal, identity_problem, wal_of
from goedgeregeld.store.errors import DatabaseRefusedError


def what_to_do(refusal: Refusal, database: Path) -> str:
    """The Dutch next step for a refused file, besides restoring a backup."""
    if refusal.kind == "log":
        return f"verplaats {wal_of(database).name} naar een andere map en start opnieuw"
    if refusal.kind == "empty":
        return "verplaats het lege bestand om opnieuw te beginnen"
    return "kies een andere gegevensmap, of verplaats het bestand om opnieuw te beginnen"


def refusal_report(database: Path) -> str | None:
    """None when ``database`` may be opened (or made); else the Dutch report for the user.

    The report says the file was left as it is and what to do next, naming the newest
    verified backup in the backups folder beside it when there is one.
    """
    refusal = identity_problem(database)
    if refusal is None:
        return None
    from goedgeregeld.store.db.backups import newest_good_backup

    backup = newest_good_backup(database.parent)
    fix = what_to_do(refusal, database)
    if backup is not None:
        advice = (
            f"Zet de reservekopie {backup.name} terug (goedgeregeld restore {backup}), of {fix}"
        )
    else:
        advice = f"Er is geen goede reservekopie; {fix}"
    return f"{refusal.reason}; er is niets aan veranderd. {advice}."


def refuse_unless_ours(database: Path) -> None:
    """Raise DatabaseRefusedError unless ``database`` is missing or this app's own."""
    report = refusal_report(database)
    if report is not None:
        raise DatabaseRefusedError(report)
