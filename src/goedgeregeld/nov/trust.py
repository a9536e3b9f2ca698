"""Trust on first use for sync files at NOV: each installation keeps signing with one key.

Runs between reading (signatures already verified) and merging. Decisions depend only on
the store and the set of files, never on their order: an installation new to NOV whose
files in one run carry different keys has all of them refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, select

from goedgeregeld.exchange.container.keys import fingerprint, normalise_fingerprint
from goedgeregeld.exchange.sync.format import SyncFile
from goedgeregeld.nov.files import FileTally, Rejection
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.nov.store.trust_models import NovTrustedKey
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.errors import StoreError

_keys = cast(Table, NovTrustedKey.__table__)
_CHUNK = 500


def _any_key_on_record(store: NovStore) -> bool:
    with store.begin() as connection:
        return connection.scalar(select(_keys.c.installation_id).limit(1)) is not None


def _known(
    store: NovStore, installations: Sequence[str], keys: Sequence[str]
) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """(installation -> (key hex, accepted fingerprint)), (key hex -> installation)."""
    by_installation: dict[str, tuple[str, str | None]] = {}
    by_key: dict[str, str] = {}
    c = _keys.c
    with store.begin() as connection:
        for start in range(0, len(installations), _CHUNK):
            chunk = installations[start : start + _CHUNK]
            for inst, key, accepted in connection.execute(
                select(c.installation_id, c.public_key, c.accepted_fingerprint).where(
                    c.installation_id.in_(chunk)
                )
            ):
                by_installation[inst] = (key, accepted)
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            for inst, key in connection.execute(
                select(c.installation_id, c.public_key).where(c.public_key.in_(chunk))
            ):
                by_key[key] = inst
    return by_installation, by_key


def _refusal(
    sync: SyncFile, key: str | None, known: tuple[str, str | None] | None, owner: str | None
) -> str | None:
    inst = sync.installation_id
    if key is None:
        if known is not None:
            return (
                f"niet ondertekend, terwijl installatie {inst} eerder ondertekende bestanden "
                "stuurde; een handtekening kan er niet zomaar af: vraag om een nieuw bestand"
            )
        return None
    if owner is not None and owner != inst:
        return (
            f"zegt van installatie {inst} te komen, maar is ondertekend met de sleutel van "
            f"installatie {owner}"
        )
    if known is not None and known[0] != key and known[1] != fingerprint(bytes.fromhex(key)):
        new = fingerprint(bytes.fromhex(key))
        return (
            f"let op: installatie {inst} ondertekende eerder met sleutel "
            f"{fingerprint(bytes.fromhex(known[0]))}, dit bestand met {new}. Misschien is de "
            "app daar opnieuw geïnstalleerd, maar het kan ook een vervalsing zijn; niets "
            "meegeteld. Klopt de nieuwe vingerafdruk (navragen bij de organisatie), neem hem "
            f"dan aan met: goedgeregeld trust accept --nov {inst} {new.replace(' ', '-')}"
        )
    return None


def check_signers(
    store: NovStore, files: Sequence[tuple[str, SyncFile]], tally: FileTally
) -> list[tuple[str, SyncFile]]:
    """Drop files whose signer does not fit what NOV knows (reasons go to ``tally``)."""
    keys_per_installation: dict[str, set[str]] = {}
    for _path, sync in files:
        if sync.public_key is not None:
            keys_per_installation.setdefault(sync.installation_id, set()).add(sync.public_key.hex())
    on_record = _any_key_on_record(store)
    if not keys_per_installation and not on_record:
        return list(files)  # nothing signed, no key on record: nothing to refuse
    all_keys = sorted({k for keys in keys_per_installation.values() for k in keys})
    known: dict[str, tuple[str, str | None]] = {}
    owners: dict[str, str] = {}
    if on_record:
        installations = sorted({sync.installation_id for _path, sync in files})
        known, owners = _known(store, installations, all_keys)
    good: list[tuple[str, SyncFile]] = []
    for path, sync in files:
        key = sync.public_key.hex() if sync.public_key is not None else None
        reason = _refusal(sync, key, known.get(sync.installation_id), owners.get(key or ""))
        new_installation = sync.installation_id not in known
        if (
            reason is None
            and new_installation
            and len(keys_per_installation.get(sync.installation_id, ())) > 1
        ):
            reason = (
                f"conflict: bestanden van installatie {sync.installation_id} zijn met "
                "verschillende sleutels ondertekend; geen ervan is meegeteld"
            )
        if reason is None:
            good.append((path, sync))
        else:
            tally.rejected.append(Rejection(path, reason))
    return good


def record_signers(
    store: NovStore, files: Sequence[tuple[str, SyncFile]], tally: FileTally
) -> None:
    """After merging: remember the key of each installation whose signed file was taken."""
    rejected = {r.path for r in tally.rejected}
    taken: dict[str, str] = {}
    for path, sync in files:
        if sync.public_key is not None and path not in rejected:
            taken[sync.installation_id] = sync.public_key.hex()
    if not taken:
        return
    known = _known(store, sorted(taken), [])[0] if _any_key_on_record(store) else {}
    now = utc_now()
    new_rows = [
        {"installation_id": i, "public_key": k, "first_seen_at": now, "accepted_fingerprint": None}
        for i, k in sorted(taken.items())
        if i not in known
    ]
    changed = [(i, k) for i, k in sorted(taken.items()) if i in known and known[i][0] != k]
    with store.begin() as connection:
        if new_rows:
            connection.execute(_keys.insert(), new_rows)
        for inst, key in changed:
            connection.execute(
                _keys.update()
                .where(_keys.c.installation_id == inst)
                .values(public_key=key, first_seen_at=now, accepted_fingerprint=None)
            )


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
    wanted = normalise_fingerprint(typed)
    if wanted is None:
        raise StoreError("dat is geen vingerafdruk: verwacht 32 hexadecimale tekens")
    c = _keys.c
    with store.begin() as connection:
        key = connection.scalar(select(c.public_key).where(c.installation_id == installation_id))
        if key is None:
            raise StoreError(f"installatie {installation_id} is bij NOV nog niet bekend")
        if fingerprint(bytes.fromhex(key)) == wanted:
            raise StoreError("dit is al de bekende sleutel van die installatie")
        connection.execute(
            _keys.update()
            .where(c.installation_id == installation_id)
            .values(accepted_fingerprint=wanted)
        )
    return wanted
