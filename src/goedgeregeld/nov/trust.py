"""Trust on first use for sync files at NOV: each installation keeps signing with one key.

Runs between reading (signatures already verified) and merging. Decisions depend only on
the store and the set of files, never on their order: an installation new to NOV whose
files in one run carry different keys has all of them refused. The rules and messages are
``goedgeregeld.trust``'s, the pins ``nov.store.trust``'s; this module applies them to a run
(the merge pins the signers of the files it takes, in its own transaction).
"""

from __future__ import annotations

from collections.abc import Sequence

from goedgeregeld.exchange.sync.format import SyncFile
from goedgeregeld.nov.files import FileTally, Rejection
from goedgeregeld.nov.store.database import NovStore, StoreConnection
from goedgeregeld.nov.store.links import links_touching_in
from goedgeregeld.nov.store.trust import any_key_in, pins_in
from goedgeregeld.trust import (
    KeyPin,
    PresentedKey,
    TrustSide,
    decide,
    decide_link,
    refuse_conflicting_first_keys,
)
from goedgeregeld.trust.identity import is_key_derived


def _family(links: dict[str, str], installation: str) -> set[str]:
    """The id and the ids linked to it either way (one installation under old and new id)."""
    family = {installation}
    if installation in links:
        family.add(links[installation])
    family.update(old for old, new in links.items() if new == installation)
    return family


def check_signers(
    store: NovStore, files: Sequence[tuple[str, SyncFile]], tally: FileTally
) -> list[tuple[str, SyncFile]]:
    """Drop files whose signer does not fit what NOV knows (reasons go to ``tally``).

    An id that follows from a key must be signed by that key (and a signed file it always
    is); a link statement must be signed by the key pinned for the old id it continues.
    """
    with store.begin() as connection:
        return check_signers_in(connection, files, tally)


def check_signers_in(
    connection: StoreConnection, files: Sequence[tuple[str, SyncFile]], tally: FileTally
) -> list[tuple[str, SyncFile]]:
    """``check_signers`` in the caller's transaction (a run reads and merges in one)."""
    keys_per_installation: dict[str, set[bytes]] = {}
    old_ids: set[str] = set()
    old_keys: set[bytes] = set()
    derived_unsigned = False
    for _path, sync in files:
        if sync.public_key is not None:
            keys_per_installation.setdefault(sync.installation_id, set()).add(sync.public_key)
            if sync.link is not None:
                old_ids.add(sync.link.old_installation_id)
                old_keys.add(sync.link.old_public_key)
        elif is_key_derived(sync.installation_id):
            derived_unsigned = True
    on_record = any_key_in(connection)
    if not keys_per_installation and not on_record and not derived_unsigned:
        return list(files)  # nothing signed, no key on record: nothing to refuse
    pins: dict[str, KeyPin] = {}
    owners: dict[bytes, str] = {}
    links: dict[str, str] = {}
    if on_record:
        installations = sorted({sync.installation_id for _path, sync in files} | old_ids)
        all_keys = sorted({k for keys in keys_per_installation.values() for k in keys} | old_keys)
        pins, owners = pins_in(connection, installations, all_keys)
        links = links_touching_in(connection, installations)
    good: list[tuple[str, SyncFile]] = []
    for path, sync in files:
        reason = _refusal(sync, pins, owners, links, keys_per_installation)
        if reason is None:
            good.append((path, sync))
        else:
            tally.rejected.append(Rejection(path, reason))
    return good


def _refusal(
    sync: SyncFile,
    pins: dict[str, KeyPin],
    owners: dict[bytes, str],
    links: dict[str, str],
    keys_per_installation: dict[str, set[bytes]],
) -> str | None:
    inst, key = sync.installation_id, sync.public_key
    presented = PresentedKey(inst, key)
    pinned = pins.get(inst)
    family = _family(links, inst)
    linked_from = None
    if sync.link is not None:
        old = sync.link.old_installation_id
        family |= _family(links, old)
        old_owner = owners.get(sync.link.old_public_key)
        reason = decide_link(
            sync.link,
            presented,
            pins.get(old),
            owner_of_old_key=None if old_owner in family else old_owner,
            continued_as=links.get(old),
            side=TrustSide.NOV,
        )
        if reason is not None:
            return reason
        linked_from = old
    owner = owners.get(key) if key is not None else None
    if owner in family:
        owner = None
    reason = decide(pinned, presented, TrustSide.NOV, owner, linked_from=linked_from).message
    if reason is None:
        reason = refuse_conflicting_first_keys(pinned, inst, keys_per_installation.get(inst, ()))
    return reason
