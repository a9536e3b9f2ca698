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
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.trust import any_key_on_record, pins_for
from goedgeregeld.trust import (
    KeyPin,
    PresentedKey,
    TrustSide,
    decide,
    refuse_conflicting_first_keys,
)


def check_signers(
    store: NovStore, files: Sequence[tuple[str, SyncFile]], tally: FileTally
) -> list[tuple[str, SyncFile]]:
    """Drop files whose signer does not fit what NOV knows (reasons go to ``tally``)."""
    keys_per_installation: dict[str, set[bytes]] = {}
    for _path, sync in files:
        if sync.public_key is not None:
            keys_per_installation.setdefault(sync.installation_id, set()).add(sync.public_key)
    on_record = any_key_on_record(store)
    if not keys_per_installation and not on_record:
        return list(files)  # nothing signed, no key on record: nothing to refuse
    pins: dict[str, KeyPin] = {}
    owners: dict[bytes, str] = {}
    if on_record:
        installations = sorted({sync.installation_id for _path, sync in files})
        all_keys = sorted({k for keys in keys_per_installation.values() for k in keys})
        pins, owners = pins_for(store, installations, all_keys)
    good: list[tuple[str, SyncFile]] = []
    for path, sync in files:
        inst, key = sync.installation_id, sync.public_key
        pinned = pins.get(inst)
        owner = owners.get(key) if key is not None else None
        reason = decide(pinned, PresentedKey(inst, key), TrustSide.NOV, owner).message
        if reason is None:
            reason = refuse_conflicting_first_keys(
                pinned, inst, keys_per_installation.get(inst, ())
            )
        if reason is None:
            good.append((path, sync))
        else:
            tally.rejected.append(Rejection(path, reason))
    return good
