"""Two aggregations at once on one store count an id once, on SQLite and on PostgreSQL.

SQLite takes its write lock when a transaction begins. PostgreSQL would let both runs
read the totals before either commits: each sees an organisation as new, each adds it.
A run that cannot get the lock in time is told, in Dutch, that the store is busy.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from nov_helpers import document, new_id, org, write

import goedgeregeld.nov.aggregate as aggregating
import goedgeregeld.nov.store.database as database
from goedgeregeld.nov.aggregate import aggregate
from goedgeregeld.nov.store.database import NovStore, StoreConnection, open_nov_store
from goedgeregeld.nov.store.figures import national_figures, recounted_figures
from goedgeregeld.store.errors import StoreError


def test_two_runs_at_once_count_a_shared_id_once(
    nov_store: NovStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Both installations are known to the store; each one's newer file reports a new id.
    shared, a, b = org(2021, "Utrecht"), new_id(), new_id()
    write(tmp_path / "known" / "a.json", document(a, 1, organisations=[org()]))
    write(tmp_path / "known" / "b.json", document(b, 1, organisations=[org()]))
    aggregate(nov_store, [tmp_path / "known"])
    own = write(tmp_path / "a" / "own.json", document(a, 2, organisations=[shared]))
    told = write(tmp_path / "b" / "told.json", document(b, 2, organisations=[shared]))
    second_merged = threading.Event()
    figures_in = aggregating.figures_in

    def first_waits(connection: StoreConnection) -> object:
        # The first run holds its transaction open until the second has merged too, or
        # until it is clear that the second waits for the first to end (two seconds).
        if threading.current_thread().name == "first":
            second_merged.wait(2)
        else:
            second_merged.set()
        return figures_in(connection)

    monkeypatch.setattr(aggregating, "figures_in", first_waits)
    errors: list[BaseException] = []

    def run(folder: Path) -> None:
        try:
            aggregate(nov_store, [folder])
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    first = threading.Thread(target=run, args=(own.parent,), name="first")
    first.start()
    while not first.is_alive():
        pass
    # The second starts once the first is inside its transaction.
    threading.Event().wait(0.3)
    second = threading.Thread(target=run, args=(told.parent,), name="second")
    second.start()
    first.join(30)
    second.join(30)
    assert not errors
    figures = national_figures(nov_store)
    assert figures == recounted_figures(nov_store)
    assert figures["organisations"].total == 1  # the two others were replaced


def test_a_store_another_run_holds_too_long_is_called_busy(
    nov_dir: Path, nov_url: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(database, "LOCK_WAIT", "200ms")
    holder = open_nov_store(nov_dir, nov_url)
    try:
        # Another run's transaction, open past the wait.
        with holder.begin(), pytest.raises(StoreError, match="is bezet: een andere verwerking"):
            open_nov_store(nov_dir, nov_url)
        open_nov_store(nov_dir, nov_url).close()  # free again once it ends
    finally:
        holder.close()
