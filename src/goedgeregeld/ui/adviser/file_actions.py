"""Save-to-file actions shared by pages: advice report, review file, evaluation file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.services import Dialogs, Operations

if TYPE_CHECKING:
    from goedgeregeld.store.db.engine import Database


def documents_folder() -> Path:
    """The user's documents folder: where a first file dialog opens."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


def safe_name(text: str) -> str:
    """A file-name part without path separators."""
    return "".join("-" if c in '/\\:*?"<>|' else c for c in text).strip() or "bestand"


def suggested_name(kind: str, name: str, suffix: str, year: int | None = None) -> str:
    """``kind-organisation-year.suffix``: a new year's file does not overwrite last year's."""
    return f"{kind}-{safe_name(name)}-{year or date.today().year}{suffix}"


def write_report(
    operations: Operations,
    dialogs: Dialogs,
    evaluation_id: str,
    name: str,
    on_busy: Callable[[], None] | None = None,
    on_idle: Callable[[], None] | None = None,
) -> None:
    """Ask where, write the advice report (with the review) on the database worker, offer to open."""
    from goedgeregeld.report.advice import write_advice_report

    def chosen(target: Path) -> None:
        if on_busy is not None:
            on_busy()

        def done(path: Path) -> None:
            if on_idle is not None:
                on_idle()
            dialogs.confirm(
                tr("Rapport klaar"),
                tr("Het rapport staat in {path}.\nWilt u het nu openen?").format(path=path),
                lambda: dialogs.open_file(Path(path)),
            )

        def failed(exc: Exception) -> None:
            if on_idle is not None:
                on_idle()
            operations.report_error(exc)

        operations.read(lambda db: write_advice_report(db, evaluation_id, target), done, failed)

    dialogs.choose_save_path(
        tr("Rapport opslaan"),
        documents_folder() / suggested_name("adviesrapport", name, ".pdf"),
        tr("PDF-bestanden (*.pdf)"),
        chosen,
    )


def _save_with(
    operations: Operations,
    dialogs: Dialogs,
    title: str,
    suggested: str,
    name_filter: str,
    writer: Callable[[Database, Path], Path],
    done_text: str,
) -> None:
    def chosen(target: Path) -> None:
        operations.read(
            lambda db: writer(db, target),
            lambda path: dialogs.inform(title, done_text.format(path=path)),
        )

    dialogs.choose_save_path(title, documents_folder() / suggested, name_filter, chosen)


def export_review_file(
    operations: Operations, dialogs: Dialogs, evaluation_id: str, name: str
) -> None:
    """Beoordeling exporteren…: the review file, written atomically by the exchange layer."""
    from goedgeregeld.exchange.review.file import export_review

    _save_with(
        operations,
        dialogs,
        tr("Beoordeling exporteren"),
        suggested_name("beoordeling", name, ".ggreview"),
        tr("Beoordelingsbestanden (*.ggreview)"),
        lambda db, target: export_review(db, evaluation_id, target),
        tr("De beoordeling staat in {path}.\nStuur dit bestand naar de organisatie."),
    )


def share_evaluation(
    operations: Operations, dialogs: Dialogs, evaluation_id: str, name: str
) -> None:
    """Delen met adviseur…: first lock or not, then where; written on the database worker.

    The evaluation stays unlocked in this installation's own database either way.
    """
    from goedgeregeld.exchange.evaluation.file import export_evaluation
    from goedgeregeld.ui.core.exchange_security import ask_export_lock

    def lock_chosen(passphrase: str | None) -> None:
        done_text = tr("Het evaluatiebestand staat in {path}.\nStuur dit bestand naar uw adviseur.")
        if passphrase:
            from goedgeregeld.words.files import PASSWORD_APART

            done_text += "\n" + tr(PASSWORD_APART)
        _save_with(
            operations,
            dialogs,
            tr("Delen met adviseur"),
            suggested_name("zelfevaluatie", name, ".ggeval"),
            tr("Evaluatiebestanden (*.ggeval)"),
            lambda db, target: export_evaluation(db, evaluation_id, target, passphrase),
            done_text,
        )

    ask_export_lock(dialogs.parent, lock_chosen)
