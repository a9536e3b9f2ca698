"""The files NOV took before, by the SHA-256 of their bytes: a re-run skips them unparsed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import Connection, Table, select

from goedgeregeld.nov.store.bulk import bulk_write, select_in
from goedgeregeld.nov.store.levels import KNOWN_FILE_KEYS, both_levels
from goedgeregeld.nov.store.models import KnownFile, digest_key

_known = cast(Table, KnownFile.__table__)


def any_known_in(connection: Connection) -> bool:
    """Whether the store took any file yet (if not, nothing needs looking up)."""
    return connection.scalar(select(_known.c.digest).limit(1)) is not None


_KNOWN = "SELECT digest FROM nov_known_file WHERE"


def known_in(connection: Connection, digests: Sequence[str]) -> set[str]:
    """Those of ``digests`` the store took before."""
    wanted = set(digests)
    keys = sorted({digest_key(digest) for digest in wanted})
    query = f"{_KNOWN} {both_levels(connection, KNOWN_FILE_KEYS)}"
    return {d for (d,) in select_in(connection, query, "digest_key", keys) if d in wanted}


def remember_in(connection: Connection, digests: Iterable[str], *, checked: bool = False) -> None:
    """Record ``digests`` as taken, in the caller's transaction (one known already is kept).

    ``checked``: the caller looked every one of them up in this transaction, none known.
    """
    wanted = sorted(set(digests))
    if not wanted:
        return
    seen = set() if checked else known_in(connection, wanted)
    rows = [(digest, digest_key(digest)) for digest in wanted if digest not in seen]
    bulk_write(connection, _known.insert(), ("digest", "digest_key"), rows)
