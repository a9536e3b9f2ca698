"""The floor of any merge into the NOV store: read, check and write its rows, nothing else.

For information beside issue 20's "new files vs json parse" row. The pile is read and
checked as the aggregation does (``nov.files``), in one transaction and in parts of
``MERGE_ENTRIES`` entries, and each part's rows go in bulk into a fresh store with all
its indexes: installation numbers, one row per file, its known digest, and each
installation's newest report of each id. No look-ups, no merge rules, no totals, no
quarantine or signers: what the aggregation costs above this is the merge itself.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table


def time_write_floor(folder: Path, data_dir: Path, url: str | None) -> float:
    """Seconds to read, check and write the rows of ``folder`` into a fresh store."""
    import time

    from goedgeregeld.nov.aggregate import MERGE_ENTRIES
    from goedgeregeld.nov.files import FileTally, parse_all, read_chunk, walk
    from goedgeregeld.nov.store.database import open_nov_store

    store = open_nov_store(data_dir, url)
    try:
        start = time.perf_counter()
        tally = FileTally()
        files = walk([folder], [])
        numbers: dict[str, int] = {}
        written: set[Any] = set()  # digests and (installation, kind, id) keys of earlier parts
        with store.begin() as connection:
            more = True
            while more:
                part: list[tuple[Any, str]] = []
                entries = 0
                while entries < MERGE_ENTRIES:
                    chunk = read_chunk(files, tally)
                    if chunk is None:
                        more = False
                        break
                    digests = {path: hashlib.sha256(data).hexdigest() for path, data in chunk}
                    for path, sync in parse_all(chunk, tally):
                        entries += sync.entry_count()
                        part.append((sync, digests[path]))
                _write_part(connection, part, numbers, written)
        return time.perf_counter() - start
    finally:
        store.close()


def _write_part(
    connection: Connection,
    part: list[tuple[Any, str]],
    numbers: dict[str, int],
    written: set[Any],
) -> None:
    """The rows a first load keeps for ``part``, written with plain bulk inserts.

    The same bytes are taken once, and an id an earlier part wrote for the installation
    is left as it is (so no insert meets a key twice).
    """
    from goedgeregeld.nov.store.bulk import bulk_write
    from goedgeregeld.nov.store.models import (
        Installation,
        KnownFile,
        MergedFile,
        Observation,
        digest_key,
        entity_key,
    )
    from goedgeregeld.store.clock import utc_now

    sqlite = connection.dialect.name == "sqlite"
    stamp = (lambda moment: moment.isoformat(" ")) if sqlite else (lambda moment: moment)
    now = stamp(utc_now())
    new = sorted({sync.installation_id for sync, _digest in part} - numbers.keys())
    first = len(numbers) + 1
    numbers.update((installation, first + i) for i, installation in enumerate(new))
    files, known, newest = [], {}, {}
    for sync, digest in sorted(part, key=lambda item: (item[0].installation_id, item[0].sequence)):
        if digest in written:
            continue
        written.add(digest)
        number, created = numbers[sync.installation_id], stamp(sync.created_at)
        files.append((sync.installation_id, sync.sequence, digest, created, now, number))
        known[digest] = (digest, digest_key(digest))
        for kind, entries in sync.entries.items():
            for e in entries:  # a later file replaces the report, the first one's date stays
                key = (number, kind, e.id)
                earlier = newest.get(key)
                first_reported = created if earlier is None else earlier[9]
                newest[key] = (
                    *(sync.installation_id, kind, e.id, sync.sequence, created, e.year),
                    *(e.province, e.detail, now, first_reported, number, entity_key(e.id)),
                )
    columns = ("number", "id")
    rows: list[tuple[Any, ...]] = [(first + i, installation) for i, installation in enumerate(new)]
    bulk_write(connection, cast(Table, Installation.__table__).insert(), columns, rows)
    table = cast(Table, MergedFile.__table__)
    columns = tuple(c.name for c in table.columns)
    bulk_write(connection, table.insert(), columns, files)
    table = cast(Table, KnownFile.__table__)
    bulk_write(connection, table.insert(), ("digest", "digest_key"), list(known.values()))
    rows = [newest[key] for key in sorted(newest.keys() - written)]
    written.update(newest)
    table = cast(Table, Observation.__table__)
    columns = tuple(c.name for c in table.columns if c.name != "row")
    bulk_write(connection, table.insert(), columns, rows)
