"""A child process that imports one file and SIGKILLs itself at a chosen moment.

Usage: python signer_child.py installation DATA_DIR FILE (signer|after)
       python signer_child.py nov DATA_DIR FILE (signer|after) [POSTGRES_URL]

``signer``: right after the signer's pin, origin and link are written (flushed to the
database, not yet committed): the worst moment. ``after``: right after the import returned.
``commit-early`` (negative control, installation only): commits there, then dies.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any


def _die() -> None:
    sys.stdout.flush()
    os.kill(os.getpid(), signal.SIGKILL)


def _installation(data_dir: Path, path: Path, moment: str) -> None:
    import goedgeregeld.store.import_signer as import_signer
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.exchange.importer import import_file
    from goedgeregeld.store.db.engine import open_database

    original = import_signer.record_signer_in

    def record_then_die(session: Any, *args: Any) -> None:
        original(session, *args)
        session.flush()  # every row of the import and its signer sent, none committed
        if moment == "commit-early":
            session.commit()  # the negative control: what a split transaction would leave
        print("signer recorded", flush=True)
        _die()

    if moment in ("signer", "commit-early"):
        import_signer.record_signer_in = record_then_die  # type: ignore[assignment]
    db = open_database(database_path(data_dir))
    outcome = import_file(db, path)
    print(f"imported {outcome.ok}", flush=True)
    _die()


def _nov(data_dir: Path, path: Path, moment: str, url: str | None) -> None:
    import goedgeregeld.nov.store.merge as merge
    from goedgeregeld.nov.aggregate import aggregate
    from goedgeregeld.nov.store.database import open_nov_store

    original = merge.pin_signers_in

    def pin_then_die(connection: Any, *args: Any) -> None:
        original(connection, *args)
        print("signer recorded", flush=True)
        _die()

    if moment == "signer":
        merge.pin_signers_in = pin_then_die  # type: ignore[assignment]
    store = open_nov_store(data_dir, url)
    result = aggregate(store, [path])
    print(f"imported {result.files.accepted}", flush=True)
    _die()


if __name__ == "__main__":
    side, folder, file, when = sys.argv[1:5]
    if side == "installation":
        _installation(Path(folder), Path(file), when)
    else:
        _nov(Path(folder), Path(file), when, sys.argv[5] if len(sys.argv) > 5 else None)
