"""Opening NOV stores from several threads at once: each migration runs on its own."""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import text

from goedgeregeld.nov.store.database import NOV_HEAD_REVISION, VERSION_TABLE, open_nov_store


def test_new_stores_opened_in_threads_at_once_all_reach_the_head(tmp_path: Path) -> None:
    # Alembic keeps the running migration in module state: without one lock, two threads
    # migrating at once ran statements on each other's (closed) connection.
    count = 4
    start = threading.Barrier(count)
    revisions: list[str] = []
    problems: list[BaseException] = []

    def open_one(n: int) -> None:
        try:
            start.wait()
            store = open_nov_store(tmp_path / f"nov{n}")
            try:
                with store.begin() as connection:
                    revisions.append(
                        connection.execute(
                            text(f"SELECT version_num FROM {VERSION_TABLE}")
                        ).scalar_one()
                    )
            finally:
                store.close()
        except BaseException as exc:  # noqa: BLE001 - reported below, in the test's thread
            problems.append(exc)

    threads = [threading.Thread(target=open_one, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert problems == []
    assert revisions == [NOV_HEAD_REVISION] * count
