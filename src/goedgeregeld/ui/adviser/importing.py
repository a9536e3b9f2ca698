"""Import exchange files off the GUI thread, on a database connection of its own."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from goedgeregeld.ui.shell.i18n import tr

FILE_FILTER = "Goed Geregeld-bestanden (*.ggeval *.ggreview *.zip);;Alle bestanden (*)"
SIGNED_BY = "; ondertekend door installatie "
"""How the importer's message names the signer (see ``Signer.describe``)."""


def _database_file(context) -> Path:
    from goedgeregeld.base.paths import database_path, sample_database_path

    if context.sample_mode:
        return sample_database_path(context.data_dir)
    return database_path(context.data_dir)


def outcome_text(outcome) -> str:
    """The outcome's Dutch line, with the signer shortened to its fingerprint."""
    message = outcome.message
    if outcome.signer:
        head = message.partition(SIGNED_BY)[0]
        message = (
            head + "; " + tr("ondertekend door {fingerprint}").format(fingerprint=outcome.signer)
        )
    return message


def outcome_line(outcome) -> str:
    """One line per file for a list: a check or a cross, then ``outcome_text``."""
    return ("✓ " if outcome.ok else "✗ ") + outcome_text(outcome)


def asks_user(outcome) -> bool:
    """The file waits for the user: a password to give or a new key to confirm."""
    from goedgeregeld.exchange.container.encryption import PassphraseRequiredError
    from goedgeregeld.exchange.container.signing import KeyChangedError

    return isinstance(outcome.error, PassphraseRequiredError | KeyChangedError)


def import_paths(
    database_file: Path,
    paths: Sequence[Path],
    progress,
    passwords: Mapping[Path, str] | None = None,
) -> list:
    """Open the database, import ``paths`` one by one and report each outcome (worker side).

    ``passwords`` holds the password the user gave for a locked file, by path.
    """
    from goedgeregeld.exchange.importer import import_files
    from goedgeregeld.store.db.engine import open_database

    given = {Path(p): text for p, text in (passwords or {}).items()}
    db = open_database(database_file)
    try:
        return import_files(
            db,
            paths,
            lambda done, total, outcome: progress(done, total, outcome_line(outcome)),
            passphrase=lambda path: given.get(Path(path)),
        )
    finally:
        db.close()


def run_import(
    context,
    paths: Sequence[Path],
    on_done: Callable[[list], None],
    on_progress: Callable[[int, int, str], None] | None = None,
    passwords: Mapping[Path, str] | None = None,
) -> None:
    """Import files on the long-task runner; outcomes (``ImportOutcome``) come back in order."""
    database_file = _database_file(context)
    chosen = [Path(p) for p in paths]
    context.long_tasks.run(
        lambda progress: import_paths(database_file, chosen, progress, passwords),
        on_done,
        context.report_error,
        on_progress or (lambda *_: None),
    )


def follow_up(context, outcomes: Sequence, on_retried: Callable[[object], None]) -> None:
    """After a run: ask the password of a locked file or confirm a new key, then retry it.

    ``on_retried(outcome)`` gets the retried file's new outcome (a wrong password is a
    failed outcome that says so; nothing was changed). A retry that again needs the user
    (a confirmed key on a locked file) asks again.
    """
    from goedgeregeld.ui.shell.exchange_security import follow_up_failures

    def retry(path: Path, password: str | None) -> None:
        def done(retried: list) -> None:
            on_retried(retried[0])
            follow_up(context, retried, on_retried)

        run_import(context, [path], done, passwords={path: password} if password else None)

    follow_up_failures(
        context.dialogs.parent, context.dialogs, _database_file(context), outcomes, retry
    )


def summary(outcomes: Sequence) -> str:
    """One line on how many files went in and how many were refused."""
    refused = sum(1 for o in outcomes if not o.ok)
    read = len(outcomes) - refused
    text = tr("{read} van {total} bestanden ingelezen").format(read=read, total=len(outcomes))
    if refused:
        text += tr(", {n} geweigerd").format(n=refused)
    return text
