"""Trust on first use at NOV, stored: the key pinned per installation, read and written in bulk.

The rules and their messages are ``goedgeregeld.trust``'s; this module hands out the pins
as plain records and writes the pins the policy says to write, inside the merge's own
transaction (``pin_signers_in``), so a counted file and its signer's pin land together.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Connection, Table, bindparam, select

from goedgeregeld.exchange.sync.format import SyncFile
from goedgeregeld.nov.files import FileTally
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.trust_models import NovTrustedKey
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.errors import StoreError
from goedgeregeld.trust import KeyPin, PresentedKey, check_acceptance, fingerprint, pin_to_record

_keys = cast(Table, NovTrustedKey.__table__)
_CHUNK = 500


def any_key_in(connection: Connection) -> bool:
    """Whether NOV pinned any key yet, in the caller's transaction."""
    return _any_key_in(connection)


def pins_in(
    connection: Connection, installations: Sequence[str], keys: Sequence[bytes]
) -> tuple[dict[str, KeyPin], dict[bytes, str]]:
    """``pins_for`` in the caller's transaction."""
    return _pins_in(connection, installations, keys)


_PINS_OF = select(_keys.c.installation_id, _keys.c.public_key, _keys.c.accepted_fingerprint).where(
    _keys.c.installation_id.in_(bindparam("ids", expanding=True))
)
_OWNERS_OF = select(_keys.c.installation_id, _keys.c.public_key).where(
    _keys.c.public_key.in_(bindparam("keys", expanding=True))
)
"""Built once: a statement made per call keeps its values alive in SQLAlchemy's cache."""


def _any_key_in(connection: Connection) -> bool:
    return connection.scalar(select(_keys.c.installation_id).limit(1)) is not None


def any_key_on_record(store: NovStore) -> bool:
    """Whether NOV pinned any key yet (if not, no file needs looking up)."""
    with store.begin() as connection:
        return _any_key_in(connection)


def _pins_in(
    connection: Connection, installations: Sequence[str], keys: Sequence[bytes]
) -> tuple[dict[str, KeyPin], dict[bytes, str]]:
    by_installation: dict[str, KeyPin] = {}
    by_key: dict[bytes, str] = {}
    for start in range(0, len(installations), _CHUNK):
        chunk = installations[start : start + _CHUNK]
        for inst, key, accepted in connection.execute(_PINS_OF, {"ids": chunk}):
            by_installation[inst] = KeyPin(inst, bytes.fromhex(key), accepted)
    hex_keys = [key.hex() for key in keys]
    for start in range(0, len(hex_keys), _CHUNK):
        chunk = hex_keys[start : start + _CHUNK]
        for inst, key in connection.execute(_OWNERS_OF, {"keys": chunk}):
            by_key[bytes.fromhex(key)] = inst
    return by_installation, by_key


def pins_for(
    store: NovStore, installations: Sequence[str], keys: Sequence[bytes]
) -> tuple[dict[str, KeyPin], dict[bytes, str]]:
    """The pins of ``installations``, and the installation each of ``keys`` is pinned for."""
    with store.begin() as connection:
        return _pins_in(connection, installations, keys)


def save_pins_in(connection: Connection, new: Sequence[KeyPin], replaced: Sequence[KeyPin]) -> None:
    """Pin first keys (``new``) and accepted key changes (``replaced``) in the caller's transaction."""
    if not new and not replaced:
        return
    now = utc_now()
    rows = [
        {
            "installation_id": pin.installation_id,
            "public_key": pin.public_key.hex(),
            "first_seen_at": now,
            "accepted_fingerprint": None,
        }
        for pin in new
    ]
    if rows:
        connection.execute(_keys.insert(), rows)
    for pin in replaced:
        connection.execute(
            _keys.update()
            .where(_keys.c.installation_id == pin.installation_id)
            .values(public_key=pin.public_key.hex(), first_seen_at=now, accepted_fingerprint=None)
        )


def pin_signers_in(
    connection: Connection, files: Sequence[tuple[str, SyncFile]], tally: FileTally
) -> None:
    """After merging, in the merge's transaction: pin the key of each signed file taken.

    A file the merge refused (it is in ``tally.rejected``) pins nothing.
    """
    rejected = {r.path for r in tally.rejected}
    taken: dict[str, bytes] = {}
    for path, sync in files:
        if sync.public_key is not None and path not in rejected:
            taken[sync.installation_id] = sync.public_key
    if not taken:
        return
    pins = _pins_in(connection, sorted(taken), [])[0] if _any_key_in(connection) else {}
    new: list[KeyPin] = []
    replaced: list[KeyPin] = []
    for inst, key in sorted(taken.items()):
        pinned = pins.get(inst)
        pin = pin_to_record(pinned, PresentedKey(inst, key))
        if pin is not None:
            (new if pinned is None else replaced).append(pin)
    save_pins_in(connection, new, replaced)


@dataclass(frozen=True)
class NovTrusted:
    """One row of ``trust list --nov``."""

    installation_id: str
    fingerprint: str
    first_seen_at: str
    accepted_fingerprint: str | None


def list_nov_trusted(store: NovStore) -> list[NovTrusted]:
    """Every installation whose key NOV recorded."""
    c = _keys.c
    with store.begin() as connection:
        rows = connection.execute(
            select(
                c.installation_id, c.public_key, c.first_seen_at, c.accepted_fingerprint
            ).order_by(c.installation_id)
        ).all()
    return [
        NovTrusted(i, fingerprint(bytes.fromhex(k)), str(seen)[:19], accepted)
        for i, k, seen, accepted in rows
    ]


def accept_nov_key_change(store: NovStore, installation_id: str, typed: str) -> str:
    """Approve a deliberate key change of one installation at NOV."""
    c = _keys.c
    with store.begin() as connection:
        row = connection.execute(
            select(c.public_key, c.accepted_fingerprint).where(c.installation_id == installation_id)
        ).first()
        pinned = None if row is None else KeyPin(installation_id, bytes.fromhex(row[0]), row[1])
        acceptance = check_acceptance(pinned, installation_id, typed)
        if acceptance.fingerprint is None:
            raise StoreError(str(acceptance.refusal))
        connection.execute(
            _keys.update()
            .where(c.installation_id == installation_id)
            .values(accepted_fingerprint=acceptance.fingerprint)
        )
    return acceptance.fingerprint
