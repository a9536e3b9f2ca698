"""The "Reservekopie maken…" and "Reservekopie terugzetten…" menu actions."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from goedgeregeld.base.paths import database_path
from goedgeregeld.ui.shell.i18n import tr

BACKUP_FILTER = "Reservekopie (*.sqlite3);;Alle bestanden (*)"


def make_backup_file(context) -> None:
    """Ask where to save, then copy the database there on the database worker."""
    suggested = Path.home() / f"goedgeregeld-reservekopie-{datetime.now():%Y%m%d}.sqlite3"

    def chosen(target: Path) -> None:
        def copy(_db) -> Path:
            from goedgeregeld.store.db.backups import copy_database

            # On the database worker, so no answer is half-way through its commit.
            return copy_database(database_path(context.data_dir), target)

        context.with_db(
            copy,
            lambda made: context.dialogs.inform(
                tr("Reservekopie gemaakt"),
                tr("De reservekopie staat in {path}.").format(path=made),
            ),
            context.report_error,
        )

    context.dialogs.choose_save_path(tr("Reservekopie maken"), suggested, tr(BACKUP_FILTER), chosen)


def restore_backup_file(context, on_restored) -> None:
    """Ask which backup, confirm, then put it in place with the databases closed."""

    def chosen(paths: list[Path]) -> None:
        source = paths[0]
        context.dialogs.confirm(
            tr("Reservekopie terugzetten"),
            tr(
                "Wilt u de gegevens vervangen door de reservekopie {name}?\n\n"
                "De gegevens van nu worden eerst zelf als reservekopie bewaard."
            ).format(name=source.name),
            lambda: _restore(context, source, on_restored),
        )

    context.dialogs.choose_open_paths(tr("Reservekopie terugzetten"), tr(BACKUP_FILTER), chosen)


def _restore(context, source: Path, on_restored) -> None:
    def work() -> Path | None:
        from goedgeregeld.store.db.restore import restore_backup

        # Runs on the database worker: nothing else uses the database meanwhile, and the
        # next task opens the restored file afresh.
        context.close_databases()
        return restore_backup(context.data_dir, database_path(context.data_dir), source)

    def done(safety: Path | None) -> None:
        text = tr("De reservekopie {name} is teruggezet.").format(name=source.name)
        if safety is not None:
            text += "\n\n" + tr("De gegevens van daarvoor staan in {path}.").format(path=safety)
        context.dialogs.inform(tr("Reservekopie teruggezet"), text)
        on_restored()

    context.db_tasks.run(work, done, context.report_error)
