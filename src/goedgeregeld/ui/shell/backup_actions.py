"""The "Reservekopie maken…" and "Reservekopie terugzetten…" menu actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from goedgeregeld.base.paths import database_path
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import DatabaseOperations
from goedgeregeld.ui.core.services import Dialogs

if TYPE_CHECKING:
    from goedgeregeld.store.db.engine import Database

BACKUP_FILTER = "Reservekopie (*.sqlite3);;Alle bestanden (*)"


def make_backup_file(operations: DatabaseOperations, dialogs: Dialogs) -> None:
    """Ask where to save, then copy the database there on the database worker."""
    suggested = Path.home() / f"goedgeregeld-reservekopie-{datetime.now():%Y%m%d}.sqlite3"

    def chosen(target: Path) -> None:
        def copy(_db: Database) -> tuple[Path, Path | None]:
            from goedgeregeld.store.db.backups import export_backup

            # On the database worker, so no answer is half-way through its commit.
            data_dir = operations.data_dir
            return export_backup(data_dir, database_path(data_dir), target)

        def done(made: tuple[Path, Path | None]) -> None:
            from goedgeregeld.store.db.key_backup import KEY_WARNING

            backup, key = made
            text = tr("De reservekopie staat in {path}.").format(path=backup)
            if key is not None:
                text += "\n\n" + tr(KEY_WARNING).format(name=key.name)
            dialogs.inform(tr("Reservekopie gemaakt"), text)

        operations.read(copy, done, operations.report_error)

    dialogs.choose_save_path(tr("Reservekopie maken"), suggested, tr(BACKUP_FILTER), chosen)


def restore_backup_file(
    operations: DatabaseOperations, dialogs: Dialogs, on_restored: Callable[[], None]
) -> None:
    """Ask which backup, confirm, then put it in place with the databases closed."""

    def chosen(paths: list[Path]) -> None:
        source = paths[0]
        dialogs.confirm(
            tr("Reservekopie terugzetten"),
            tr(
                "Wilt u de gegevens vervangen door de reservekopie {name}?\n\n"
                "De gegevens van nu worden eerst zelf als reservekopie bewaard."
            ).format(name=source.name),
            lambda: _restore(operations, dialogs, source, on_restored),
        )

    dialogs.choose_open_paths(tr("Reservekopie terugzetten"), tr(BACKUP_FILTER), chosen)


def _restore(
    operations: DatabaseOperations,
    dialogs: Dialogs,
    source: Path,
    on_restored: Callable[[], None],
) -> None:
    data_dir = operations.data_dir

    def work() -> Path | None:
        from goedgeregeld.store.db.key_backup import restore_key
        from goedgeregeld.store.db.restore import restore_backup

        safety = restore_backup(data_dir, database_path(data_dir), source)
        restore_key(data_dir, source)  # only when this installation has no key
        return safety

    def done(safety: Path | None) -> None:
        text = tr("De reservekopie {name} is teruggezet.").format(name=source.name)
        if safety is not None:
            text += "\n\n" + tr("De gegevens van daarvoor staan in {path}.").format(path=safety)
        dialogs.inform(tr("Reservekopie teruggezet"), text)
        on_restored()

    operations.replace_database(work, done, operations.report_error)
