"""Installation links at NOV: an old id folded into the key-derived id it continues as.

``nov.trust`` checks a sync file's link statement against the pins; the merge then calls
``fold_links_in`` first thing in its transaction: it records each new link, folds what the
store holds under the old id into the new one (``fold_installation_in``) and hands the
merge every file under the id it now counts as, so one installation is never two.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import Connection, Table, and_, exists, or_, select

from goedgeregeld.exchange.sync.format import SyncFile
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.installations import drop_in, numbers_in, rename_in
from goedgeregeld.nov.store.models import MergedFile, Observation
from goedgeregeld.nov.store.trust_models import NovInstallationLink, NovTrustedKey
from goedgeregeld.store.clock import utc_now

_links = cast(Table, NovInstallationLink.__table__)
_keys = cast(Table, NovTrustedKey.__table__)
_files = cast(Table, MergedFile.__table__)
_observations = cast(Table, Observation.__table__)
_CHUNK = 500


def _links_touching_in(connection: Connection, ids: Sequence[str]) -> dict[str, str]:
    c = _links.c
    found: dict[str, str] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for old, new in connection.execute(
            select(c.old_id, c.new_id).where(or_(c.old_id.in_(chunk), c.new_id.in_(chunk)))
        ):
            found[old] = new
    return found


def links_touching(store: NovStore, ids: Iterable[str]) -> dict[str, str]:
    """Old id -> new id of every stored link whose old or new id is among ``ids``."""
    with store.begin() as connection:
        return links_touching_in(connection, ids)


def links_touching_in(connection: Connection, ids: Iterable[str]) -> dict[str, str]:
    """``links_touching`` in the caller's transaction."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    if connection.scalar(select(_links.c.old_id).limit(1)) is None:
        return {}  # the usual case: no installation moved yet
    return _links_touching_in(connection, wanted)


def fold_installation_in(connection: Connection, old: str, new: str) -> None:
    """Count what the store holds under ``old`` as ``new``'s, in the caller's transaction.

    Of an id both report, the row of the later file (higher sequence) stays, with the
    earliest moment NOV first took the id; merged files move over, so a file read again
    under either id is known.
    """
    numbers = numbers_in(connection, [old, new])
    if old not in numbers:
        return  # nothing stored under the old id
    o, f = _observations.c, _files.c
    if new not in numbers:  # the usual case: the new id continues under the old number
        rename_in(connection, old, new)
        number = numbers[old]
        connection.execute(
            _observations.update().where(o.installation_no == number).values(installation_id=new)
        )
        connection.execute(
            _files.update().where(f.installation_no == number).values(installation_id=new)
        )
        return
    old_no, new_no = numbers[old], numbers[new]
    mine = _observations.alias("n")
    theirs = _observations.alias("x")
    # An id both report keeps the earliest moment NOV first took it (its owner's claim).
    for this, that in ((new_no, old_no), (old_no, new_no)):
        for column in ("first_merged_at", "first_reported_at"):
            other = theirs.c[column]
            matching = and_(
                theirs.c.installation_no == that,
                theirs.c.kind == o.kind,
                theirs.c.entity_id == o.entity_id,
            )
            connection.execute(
                _observations.update()
                .where(o.installation_no == this, exists().where(and_(matching, other < o[column])))
                .values({column: select(other).where(matching).scalar_subquery()})
            )
    connection.execute(
        _observations.delete().where(
            o.installation_no == old_no,
            exists().where(
                and_(
                    mine.c.installation_no == new_no,
                    mine.c.kind == o.kind,
                    mine.c.entity_id == o.entity_id,
                    mine.c.sequence >= o.sequence,
                )
            ),
        )
    )
    connection.execute(
        _observations.delete().where(
            o.installation_no == new_no,
            exists().where(
                and_(
                    theirs.c.installation_no == old_no,
                    theirs.c.kind == o.kind,
                    theirs.c.entity_id == o.entity_id,
                )
            ),
        )
    )
    connection.execute(
        _observations.update()
        .where(o.installation_no == old_no)
        .values(installation_no=new_no, installation_id=new)
    )
    same = _files.alias("s")
    connection.execute(
        _files.delete().where(
            f.installation_no == old_no,
            exists().where(
                and_(
                    same.c.installation_no == new_no,
                    same.c.sequence == f.sequence,
                    same.c.digest == f.digest,
                )
            ),
        )
    )
    connection.execute(
        _files.update()
        .where(f.installation_no == old_no)
        .values(installation_no=new_no, installation_id=new)
    )
    drop_in(connection, old)


def _repin_accepted_in(connection: Connection, old_keys: dict[str, bytes]) -> None:
    """An old id whose genuine key NOV accepted (someone else signed as it first) gets it."""
    c = _keys.c
    for old, key in sorted(old_keys.items()):
        connection.execute(
            _keys.update()
            .where(c.installation_id == old, c.public_key != key.hex())
            .values(public_key=key.hex(), accepted_fingerprint=None)
        )


def fold_links_in(
    connection: Connection, files: Sequence[tuple[str, SyncFile]]
) -> list[tuple[str, SyncFile]]:
    """Record the run's (checked) links, fold old ids, and return the files as merged.

    A file naming an old id is handed on under the id it continues as; its pin (and the
    pinning of its signer, which reads the files as they were) is left alone.
    """
    in_run = {
        sync.link.old_installation_id: sync.installation_id
        for _path, sync in files
        if sync.link is not None
    }
    old_keys = {
        sync.link.old_installation_id: sync.link.old_public_key
        for _path, sync in files
        if sync.link is not None
    }
    has_links = bool(in_run) or connection.scalar(select(_links.c.old_id).limit(1)) is not None
    if not has_links:
        return list(files)
    stored = _links_touching_in(
        connection, sorted({sync.installation_id for _p, sync in files} | set(in_run))
    )
    now = utc_now()
    for old, new in sorted(in_run.items()):
        if old not in stored:
            connection.execute(
                _links.insert(), [{"old_id": old, "new_id": new, "recorded_at": now}]
            )
            stored[old] = new
        fold_installation_in(connection, old, new)
    _repin_accepted_in(connection, old_keys)
    return [
        (path, sync._replace(installation_id=stored[sync.installation_id]))
        if sync.installation_id in stored
        else (path, sync)
        for path, sync in files
    ]
