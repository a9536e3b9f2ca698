"""After the first paint: check the database and make the daily backup off the GUI thread.

A damaged database is never touched: the user is told in plain Dutch and offered the
newest good backup. At exit a backup is made when the data changed during the session.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, SignalInstance

from goedgeregeld.base.paths import database_path
from goedgeregeld.store.db.backup_policy import backup_after_changes, change_stamp
from goedgeregeld.ui.core.i18n import tr

if TYPE_CHECKING:
    from goedgeregeld.ui.shell.context import AppContext


def check_and_back_up(data_dir: Path) -> tuple[str, Path | None, bool] | None:
    """Is the file ours, the full integrity_check, then (only when all is well) the daily backup.

    None when all is well; else the Dutch report, the newest verified backup (if any) and
    whether the file is not the app's own at all, all found here on the worker so the GUI
    thread never reads files. A database that fails its check gets no backup of itself.
    """
    from goedgeregeld.store.db.backups import automatic_backup, newest_good_backup
    from goedgeregeld.store.db.health import damage_report
    from goedgeregeld.store.db.identity import identity_problem
    from goedgeregeld.store.db.refusal import what_to_do

    database = database_path(data_dir)
    refusal = identity_problem(database)
    if refusal is not None:
        # Said for a window, not a command line: the reason and the next step, no command.
        report = f"{refusal.reason[:1].upper()}{refusal.reason[1:]}."
        backup = newest_good_backup(data_dir)
        if backup is None:
            step = what_to_do(refusal, database)
            report += f" {step[:1].upper()}{step[1:]}."
        return report, backup, True
    damage = damage_report(data_dir, database, full=True)
    if damage is None:
        automatic_backup(data_dir, database)
        return None
    return damage, newest_good_backup(data_dir), False


def restore_newest(data_dir: Path) -> Path:
    """Put the newest good backup in place of the (damaged) database."""
    from goedgeregeld.store.db.backups import newest_good_backup
    from goedgeregeld.store.db.restore import restore_backup
    from goedgeregeld.store.errors import StoreError

    backup = newest_good_backup(data_dir)
    if backup is None:
        raise StoreError("er is geen goede reservekopie om terug te zetten")
    restore_backup(data_dir, database_path(data_dir), backup)
    return backup


class StartupChecks(QObject):
    """Runs the checks once the window shows, and the exit backup when data changed."""

    def __init__(
        self,
        first_paint: SignalInstance,
        context: AppContext,
        painted: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.database = database_path(context.data_dir)
        self.stamp_at_start = change_stamp(self.database)
        if painted:
            self.start()
        else:
            first_paint.connect(self.start)

    def start(self) -> None:
        """Queue the checks on the background runner (never the GUI thread).

        They read the database file beside the worker, which has not opened it yet, so the
        home screen does not wait for the full check.
        """
        self.context.long_tasks.run(
            lambda: check_and_back_up(self.context.data_dir),
            self._checked,
            self.context.report_error,
        )

    def _checked(self, outcome: tuple[str, Path | None, bool] | None) -> None:
        if outcome is None:
            return
        report, backup, foreign = outcome
        if backup is None:
            lead = (
                tr(
                    "De app heeft het gegevensbestand niet geopend en er is geen goede "
                    "reservekopie. Er is niets aan veranderd."
                )
                if foreign
                else tr("Uw gegevens zijn beschadigd en er is geen goede reservekopie.")
            )
            self.context.dialogs.error(f"{lead} {report}")
            return
        from goedgeregeld.store.db.backups import list_backups

        taken = next(
            (b.taken_at for b in list_backups(self.context.data_dir) if b.path == backup), None
        )
        when = taken.strftime("%d-%m-%Y %H:%M") if taken else backup.name
        if foreign:
            title = tr("Gegevensbestand niet herkend")
            text = tr(
                "De app heeft het gegevensbestand in de gegevensmap niet geopend: het is leeg, "
                "van een ander programma, of er staat een logbestand naast dat er niet bij "
                "hoort. Er is niets aan veranderd.\n\n{report}\n\n"
                "De nieuwste goede reservekopie is van {when}. Wilt u die terugzetten? "
                "Het bestand dat er nu staat, wordt bewaard in de map met reservekopieën."
            ).format(report=report, when=when)
        else:
            title = tr("Gegevens beschadigd")
            text = tr(
                "Uw gegevensbestand is beschadigd en kan niet goed worden gelezen. "
                "Er is niets aan veranderd.\n\n"
                "De nieuwste goede reservekopie is van {when}. Wilt u die terugzetten? "
                "Wat u daarna hebt ingevuld, moet u dan opnieuw invullen.\n\n"
                "Het beschadigde bestand wordt bewaard in de map met reservekopieën."
            ).format(when=when)
        self.context.dialogs.confirm(title, text, self._restore)

    def _restore(self) -> None:
        def done(backup: Path) -> None:
            self.context.dialogs.inform(
                tr("Reservekopie teruggezet"),
                tr(
                    "De reservekopie {name} is teruggezet. Sluit de app en start haar opnieuw."
                ).format(name=backup.name),
            )

        data_dir = self.context.data_dir
        # With the databases closed on the worker, so nothing reads the file being replaced.
        self.context.operations.replace_database(
            lambda: restore_newest(data_dir), done, self.context.report_error
        )

    def at_exit(self) -> None:
        """One backup at exit when the data changed during this session; never raises."""
        try:
            backup_after_changes(self.context.data_dir, self.database, self.stamp_at_start)
        except Exception:  # noqa: BLE001 - a failed exit backup must not lose the exit
            return
