"""The files of several respondents, both ways: respondent files out, answer files back in.

The coordinator's side makes a respondent file (locked or not) and reads answer files; the
respondent's side saves the answer file. Every file is written on the database worker, and
a locked answer file asks its password the way a locked evaluation file does.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from goedgeregeld.ui.adviser.file_actions import documents_folder, safe_name
from goedgeregeld.ui.adviser.importing import asks_user, follow_up, outcome_text, run_import
from goedgeregeld.ui.core.exchange_security import ask_export_lock
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.words.files import (
    ANSWER_FILE_SHARE,
    RESPONDENT_FILE_SHARE,
    answer_file_sent_text,
    respondent_file_made_text,
)

if TYPE_CHECKING:
    from goedgeregeld.exchange.outcome import ImportOutcome
    from goedgeregeld.store.invitations import InvitationRecord

IMPORT_ANSWERS = "Antwoordbestand inlezen"


def make_respondent_file(
    operations: Operations, dialogs: Dialogs, respondent_id: str, name: str
) -> None:
    """Respondentbestand maken…: lock or not, where, then write it for ``name``."""
    from goedgeregeld.exchange.respondent.file import export_respondent_file
    from goedgeregeld.exchange.respondent.format import RESPONDENT_SUFFIX

    def lock_chosen(passphrase: str | None) -> None:
        def write(path: Path) -> None:
            operations.read(
                lambda db: export_respondent_file(db, respondent_id, path, passphrase),
                lambda written: dialogs.inform(
                    tr("Respondentbestand gemaakt"),
                    respondent_file_made_text(written.name, name, passphrase is not None),
                ),
                lambda exc: dialogs.error(str(exc)),
            )

        dialogs.choose_save_path(
            tr("Respondentbestand opslaan"),
            documents_folder() / f"Uitnodiging {safe_name(name)}{RESPONDENT_SUFFIX}",
            tr("Respondentbestand (*{s})").format(s=RESPONDENT_SUFFIX),
            write,
        )

    ask_export_lock(dialogs.parent, lock_chosen, RESPONDENT_FILE_SHARE)


def import_answer_files(operations: Operations, dialogs: Dialogs) -> None:
    """Antwoordbestand inlezen…: choose, import on the worker, say per file how it went."""
    from goedgeregeld.exchange.respondent.format import ANSWERS_SUFFIX

    def report(outcomes: list[ImportOutcome]) -> None:
        text = "\n".join(outcome_text(o) for o in outcomes)
        if all(o.ok for o in outcomes):
            dialogs.inform(tr(IMPORT_ANSWERS), text)
        elif not all(asks_user(o) for o in outcomes):
            dialogs.error(text)

    def done(outcomes: list[ImportOutcome]) -> None:
        report(outcomes)
        follow_up(operations, dialogs, outcomes, lambda outcome: report([outcome]))

    dialogs.choose_open_paths(
        tr(IMPORT_ANSWERS),
        tr("Antwoordbestand (*{s})").format(s=ANSWERS_SUFFIX) + ";;" + tr("Alle bestanden (*)"),
        lambda paths: run_import(operations, paths, done),
    )


def save_answer_file(
    operations: Operations,
    dialogs: Dialogs,
    invitation: InvitationRecord,
    on_saved: Callable[[Path], None] | None = None,
) -> None:
    """Antwoorden opslaan als bestand…: lock or not, where, write, then say where it goes."""
    from goedgeregeld.exchange.respondent.file import export_answer_file
    from goedgeregeld.exchange.respondent.format import ANSWERS_SUFFIX

    respondent_id, organisation = invitation.respondent_id, invitation.organisation_name

    def lock_chosen(passphrase: str | None) -> None:
        def written(path: Path) -> None:
            dialogs.inform(
                tr("Antwoorden opgeslagen"),
                answer_file_sent_text(str(path), organisation, passphrase is not None),
            )
            if on_saved is not None:
                on_saved(path)

        def write(path: Path) -> None:
            operations.read(
                lambda db: export_answer_file(db, respondent_id, path, passphrase),
                written,
                lambda exc: dialogs.error(str(exc)),
            )

        name = f"Antwoorden {safe_name(invitation.respondent_name)} - {safe_name(organisation)}"
        dialogs.choose_save_path(
            tr("Antwoorden opslaan als bestand"),
            documents_folder() / f"{name}{ANSWERS_SUFFIX}",
            tr("Antwoordbestand (*{s})").format(s=ANSWERS_SUFFIX),
            write,
        )

    ask_export_lock(dialogs.parent, lock_chosen, ANSWER_FILE_SHARE)
