"""Installation numbers: the order in which NOV first saw each installation.

Files and observations are keyed by the number, so what a new installation brings lands
at the end of their B-trees; only this small table is reached by the random id (on SQLite
through an index in two levels, ``levels``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import Connection, Table, func, select, text

from goedgeregeld.nov.store.bulk import bulk_write, select_in
from goedgeregeld.nov.store.levels import INSTALLATION_IDS, both_levels
from goedgeregeld.nov.store.models import Installation

_installations = cast(Table, Installation.__table__)
_NUMBERS_OF = "SELECT id, number FROM nov_installation WHERE"


def numbers_in(connection: Connection, ids: Sequence[str]) -> dict[str, int]:
    """The numbers of those of ``ids`` the store has seen (the others are left out)."""
    found: dict[str, int] = {}
    if connection.scalar(select(_installations.c.number).limit(1)) is None:
        return found  # a new store (the national first load): nothing to look up
    levels = both_levels(connection, INSTALLATION_IDS)
    found.update(select_in(connection, f"{_NUMBERS_OF} {levels}", "id", ids))
    return found


def number_in(connection: Connection, ids: Iterable[str], numbers: dict[str, int]) -> None:
    """Give each of ``ids`` missing from ``numbers`` the next number, in id order, and record it."""
    new = sorted(set(ids) - numbers.keys())
    if not new:
        return
    highest = connection.scalar(select(func.max(_installations.c.number))) or 0
    rows = [(highest + 1 + i, installation) for i, installation in enumerate(new)]
    bulk_write(connection, _installations.insert(), ("number", "id"), rows)
    numbers.update((installation, number) for number, installation in rows)


def rename_in(connection: Connection, old: str, new: str) -> None:
    """Let ``new`` continue under ``old``'s number (``new`` has none yet)."""
    levels = both_levels(connection, INSTALLATION_IDS)
    connection.execute(
        text(f"UPDATE nov_installation SET id = :new WHERE {levels} id = :old"),
        {"new": new, "old": old},
    )


def drop_in(connection: Connection, installation: str) -> None:
    """Forget ``installation``'s number (its rows moved to another one)."""
    levels = both_levels(connection, INSTALLATION_IDS)
    connection.execute(
        text(f"DELETE FROM nov_installation WHERE {levels} id = :id"), {"id": installation}
    )
