"""NOV's quarantine as use cases: sort a run's files, and accept or reject a held one.

Between checking the signers and merging, every file is measured against the bounds of
its kind of installation (``plausibility``). One beyond them is not merged: it is held
with its reason, whole, in the merge's transaction. A later run finds it again by its
digest: still held, rejected by NOV (refused again), or accepted (merged as usual).
"""

from __future__ import annotations

from collections.abc import Sequence

from goedgeregeld.exchange.sync.format import SyncFile, SyncFileError
from goedgeregeld.exchange.sync.read import parse_sync_bytes, read_sync_bytes
from goedgeregeld.nov.files import FileTally, Rejection
from goedgeregeld.nov.plausibility import implausibility
from goedgeregeld.nov.store.database import NovStore, StoreConnection
from goedgeregeld.nov.store.figures import NationalFigures, national_figures
from goedgeregeld.nov.store.merge import merge_into_store
from goedgeregeld.nov.store.quarantine import (
    ACCEPTED,
    HELD,
    REJECTED,
    HeldFile,
    decide_in,
    decisions_for,
    held_content_in,
)
from goedgeregeld.nov.trust import check_signers
from goedgeregeld.store.errors import StoreError

PathFile = tuple[str, SyncFile]


def sort_plausible(
    connection: StoreConnection, files: Sequence[PathFile], tally: FileTally
) -> tuple[list[PathFile], list[HeldFile]]:
    """The files to merge, and those to hold in quarantine (reasons go to ``tally``)."""
    doubtful: list[tuple[str, SyncFile, str]] = []
    plausible: list[PathFile] = []
    for path, sync in files:
        reason = implausibility(sync)
        if reason is None:
            plausible.append((path, sync))
        else:
            doubtful.append((path, sync, reason))
    if not doubtful:
        return plausible, []
    decisions = decisions_for(connection, sorted({sync.digest for _p, sync, _r in doubtful}))
    held: dict[str, HeldFile] = {}
    for path, sync, reason in doubtful:
        status, said = decisions.get(sync.digest, (None, reason))
        if status == ACCEPTED:
            plausible.append((path, sync))
        elif status == REJECTED:
            tally.rejected.append(Rejection(path, f"eerder door NOV afgewezen: {said}"))
        elif status == HELD or sync.digest in held:
            tally.quarantined.append(Rejection(path, said))
        else:
            content = _content(path, sync)
            if content is None:
                tally.rejected.append(Rejection(path, "het bestand veranderde tijdens het lezen"))
                continue
            held[sync.digest] = HeldFile(
                sync.digest, sync.installation_id, sync.sequence, path, reason, content
            )
            tally.quarantined.append(Rejection(path, reason))
    return plausible, list(held.values())


def _content(path: str, sync: SyncFile) -> bytes | None:
    """The file's bytes again, if they still say what was read (rare: only doubtful files)."""
    try:
        data = read_sync_bytes(path)
        again = parse_sync_bytes(data)
    except SyncFileError:
        return None
    return data if again.digest == sync.digest else None


def accept_held(store: NovStore, number: int) -> tuple[FileTally, NationalFigures]:
    """NOV lets a held file count after all: it is merged now, or nothing changes."""
    with store.begin() as connection:
        record, content = held_content_in(connection, number)
    try:
        sync = parse_sync_bytes(content)
    except SyncFileError as exc:  # pragma: no cover - it was valid when it was held
        raise StoreError(f"bestand {number} in quarantaine is niet meer te lezen: {exc}") from None
    tally = FileTally(read=1)
    good = check_signers(store, [(record.path, sync)], tally)
    if not good:
        raise StoreError(f"bestand {number} kan niet meetellen: {tally.rejected[0].reason}")
    try:
        merge_into_store(store, good, tally, accepting=number)
    except StoreError as exc:
        raise StoreError(f"bestand {number} kan niet meetellen: {exc}") from None
    return tally, national_figures(store)


def reject_held(store: NovStore, number: int) -> None:
    """NOV refuses a held file for good: a later run refuses it again."""
    with store.begin() as connection:
        held_content_in(connection, number)
        decide_in(connection, number, REJECTED)
