"""``import FILE...``: recognise each file by its manifest and hand it to the right importer.

Kinds are looked up by the manifest's format name, among the kinds ``exchange.kinds`` lists;
a document signed by the NOV root (a text file) goes to ``exchange.rooted.checking``.

A signed file (format version 2) is verified first: signature, then the signer against
the keys this installation knows, then (if locked) opened with the password; only then
is its payload, a version 1 file, checked and imported like before. A version 1 file is
still accepted, with a "niet ondertekend" notice, unless its subject came signed before.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path

from goedgeregeld.base.outputs import input_problem
from goedgeregeld.exchange.container.archive import read_archive, read_archive_from
from goedgeregeld.exchange.file_kind import FileKind
from goedgeregeld.exchange.kinds import registered_kinds
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError

Progress = Callable[[int, int, ImportOutcome], None]
PassphraseSource = Callable[[Path], str | None]
"""Asked for the password of a locked file (after it verified); None means "not given"."""


@cache
def file_kinds() -> dict[str, FileKind]:
    """Every importable kind, by manifest format name."""
    return {kind.archive.format_name: kind for kind in registered_kinds()}


def import_file(
    db: Database, path: Path, passphrase: PassphraseSource | None = None
) -> ImportOutcome:
    """Check one file completely, then import it in one transaction (or raise StoreError)."""
    from goedgeregeld.exchange.container.envelope import read_signed_file
    from goedgeregeld.exchange.container.signing import NOT_SIGNED_NOTICE
    from goedgeregeld.exchange.trust import check_origin, subject_of

    kinds = file_kinds()
    archive_kinds = {n: k.archive for n, k in kinds.items()}
    path = Path(path)
    problem = input_problem(path)
    if problem is not None:
        from goedgeregeld.exchange.container.errors import ExchangeFileError

        raise ExchangeFileError(path, problem)
    _refuse_sync_file(path)
    if _is_root_document(path):
        from goedgeregeld.exchange.root_documents import import_root_document

        return import_root_document(db, path)
    signed = read_signed_file(path, archive_kinds)
    if signed is not None:
        return _import_signed(db, kinds, signed, passphrase)
    archive_kind, archive = read_archive(path, archive_kinds)
    check_origin(db, path, subject_of(archive), None)
    outcome = kinds[archive_kind.format_name].importer(db, archive, None)
    return replace(outcome, message=f"{outcome.message}; {NOT_SIGNED_NOTICE}")


def _refuse_sync_file(path: Path) -> None:
    """A statistics file belongs to NOV's aggregation, not here: say where it goes."""
    from goedgeregeld.exchange.container.errors import ExchangeFileError
    from goedgeregeld.exchange.sync.read import looks_like_sync_file

    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return  # reading the file properly gives the reason
    if looks_like_sync_file(head):
        raise ExchangeFileError(
            path,
            "dit is een statistiekbestand voor NOV, geen evaluatie- of beoordelingsbestand; "
            "NOV leest het in met 'Map met statistiekbestanden inlezen' of met "
            "'goedgeregeld nov aggregate'",
        )


def _is_root_document(path: Path) -> bool:
    """A NOV-signed document (certificate, revocation list) is text, not a zip."""
    from goedgeregeld.exchange.rooted.document import looks_like_document

    try:
        with path.open("rb") as handle:
            return looks_like_document(handle.read(512))
    except OSError:
        return False  # reading the file properly gives the reason


def _import_signed(
    db: Database, kinds: dict[str, FileKind], signed: object, passphrase: PassphraseSource | None
) -> ImportOutcome:
    from goedgeregeld.exchange.container.encryption import PassphraseRequiredError, decrypt
    from goedgeregeld.exchange.container.envelope import SignedFile, associated_data
    from goedgeregeld.exchange.trust import check_origin, check_signed, subject_of
    from goedgeregeld.store.import_signer import ImportSigner
    from goedgeregeld.trust import PresentedKey

    assert isinstance(signed, SignedFile)
    path, signer = signed.path, signed.signer
    check_signed(db, path, signed.kind.format_name, signer, signed.signature, signed.manifest)
    payload = signed.payload
    if signed.encryption is not None:
        given = passphrase(path) if passphrase is not None else None
        if not given:
            raise PassphraseRequiredError(
                path, "dit bestand is versleuteld met een wachtwoord; geef het wachtwoord op"
            )
        payload = decrypt(path, signed.encryption, payload, given, associated_data(signed.kind))
    archive_kind, archive = read_archive_from(
        path, io.BytesIO(payload), {signed.kind.format_name: signed.kind}
    )
    subject = subject_of(archive)
    check_origin(db, path, subject, signer)
    # The signer's key and the subject's origin are pinned in the import's own transaction.
    pinned = ImportSigner(
        PresentedKey(signer.installation_id, signer.public_key), subject, signer.link
    )
    outcome = kinds[archive_kind.format_name].importer(db, archive, pinned)
    return replace(
        outcome, message=f"{outcome.message}; {signer.describe()}", signer=signer.fingerprint
    )


def expand_folders(paths: Iterable[Path]) -> list[Path]:
    """The files named, with a named folder standing for the files in it (hidden ones skipped).

    Special files inside stay in the list: each is refused with its own reason, unopened.
    """
    found: list[Path] = []
    for path in paths:
        if Path(path).is_dir():
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / n for n in sorted(names) if not n.startswith("."))
        else:
            found.append(Path(path))
    return found


def import_files(
    db: Database,
    paths: Iterable[Path],
    progress: Progress | None = None,
    passphrase: PassphraseSource | None = None,
) -> list[ImportOutcome]:
    """Import files one by one; a bad file is reported and the others still go in.

    ``progress(done, total, outcome)`` is called after every file (from the calling
    thread, so a worker thread must pass the result on to the GUI thread itself).
    """
    todo: Sequence[Path] = expand_folders(paths)
    outcomes: list[ImportOutcome] = []
    for number, path in enumerate(todo, start=1):
        try:
            outcome = import_file(db, path, passphrase)
        except StoreError as exc:
            outcome = ImportOutcome(Path(path), ImportStatus.FAILED, str(exc), error=exc)
        except (OSError, ValueError, RecursionError) as exc:  # noqa: B014
            # Never the end of the batch: the next file is still read.
            message = f"{Path(path).name}: bestand niet te lezen ({exc.__class__.__name__})"
            outcome = ImportOutcome(Path(path), ImportStatus.FAILED, message)
        outcomes.append(outcome)
        if progress is not None:
            progress(number, len(todo), outcome)
    return outcomes
