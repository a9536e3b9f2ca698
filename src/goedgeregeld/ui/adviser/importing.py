"""Import exchange files on the database worker, like every other write from the GUI."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change, Progress
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.words.nouns import FILE

if TYPE_CHECKING:
    from goedgeregeld.exchange.outcome import ImportOutcome
    from goedgeregeld.store.db.engine import Database

FILE_FILTER = "Goed Geregeld-bestanden (*.ggeval *.ggreview *.ggkeurmerk *.zip);;Alle bestanden (*)"
SIGNED_BY = "; ondertekend door installatie "
"""How the importer's message names the signer (see ``Signer.describe``)."""
IMPORT_CHANGES = frozenset(
    {
        Change.ORGANISATION,
        Change.EVALUATION,
        Change.ANSWERS,
        Change.REVIEW,
        Change.EVIDENCE,
        Change.TRUST,
    }
)
"""What an import can add or replace: an evaluation with its organisation, or a review."""


def outcome_text(outcome: ImportOutcome) -> str:
    """The outcome's Dutch line, with the signer shortened to its fingerprint."""
    message = outcome.message
    if outcome.signer:
        head = message.partition(SIGNED_BY)[0]
        message = (
            head + "; " + tr("ondertekend door {fingerprint}").format(fingerprint=outcome.signer)
        )
    return message


def outcome_line(outcome: ImportOutcome) -> str:
    """One line per file for a list: a check or a cross, then ``outcome_text``."""
    return ("✓ " if outcome.ok else "✗ ") + outcome_text(outcome)


def asks_user(outcome: ImportOutcome) -> bool:
    """The file waits for the user: a password to give or a new key to confirm."""
    from goedgeregeld.exchange.container.encryption import PassphraseRequiredError
    from goedgeregeld.exchange.container.signing import KeyChangedError

    return isinstance(outcome.error, PassphraseRequiredError | KeyChangedError)


def run_import(
    operations: Operations,
    paths: Sequence[Path],
    on_done: Callable[[list[ImportOutcome]], None],
    on_progress: Progress | None = None,
    passwords: Mapping[Path, str] | None = None,
) -> None:
    """Import files on the database worker; outcomes (``ImportOutcome``) come back in order.

    ``passwords`` holds the password the user gave for a locked file, by path.
    """
    chosen = [Path(p) for p in paths]
    given = {Path(p): text for p, text in (passwords or {}).items()}

    def work(db: Database, progress: Progress) -> list[ImportOutcome]:
        from goedgeregeld.exchange.importer import import_files

        return import_files(
            db,
            chosen,
            lambda done, total, outcome: progress(done, total, outcome_line(outcome)),
            passphrase=lambda path: given.get(Path(path)),
        )

    operations.write_with_progress(
        IMPORT_CHANGES, work, on_done, operations.report_error, on_progress
    )


def follow_up(
    operations: Operations,
    dialogs: Dialogs,
    outcomes: Sequence[ImportOutcome],
    on_retried: Callable[[ImportOutcome], None],
) -> None:
    """After a run: ask the password of a locked file or confirm a new key, then retry it.

    ``on_retried(outcome)`` gets the retried file's new outcome (a wrong password is a
    failed outcome that says so; nothing was changed). A retry that again needs the user
    (a confirmed key on a locked file) asks again.
    """
    from goedgeregeld.ui.core.exchange_security import follow_up_failures

    def retry(path: Path, password: str | None) -> None:
        def done(retried: list[ImportOutcome]) -> None:
            on_retried(retried[0])
            follow_up(operations, dialogs, retried, on_retried)

        run_import(operations, [path], done, passwords={path: password} if password else None)

    def accept_key(installation_id: str, fingerprint: str, then: Callable[[], None]) -> None:
        from goedgeregeld.store.trust import accept_key_change

        operations.write(
            {Change.TRUST},
            lambda db: accept_key_change(db, installation_id, fingerprint),
            lambda _accepted: then(),
        )

    follow_up_failures(dialogs.parent, dialogs, accept_key, outcomes, retry)


def summary(outcomes: Sequence[ImportOutcome]) -> str:
    """One line on how many files went in and how many were refused."""
    refused = sum(1 for o in outcomes if not o.ok)
    read = len(outcomes) - refused
    text = tr("{part} ingelezen").format(part=FILE.of(read, len(outcomes)))
    if refused:
        text += tr(", {n} geweigerd").format(n=refused)
    return text
