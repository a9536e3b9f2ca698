"""After the first paint: check the database and make the daily backup off the GUI thread.

A damaged database is never touched: the user is told in plain Dutch and offered the
newest good backup. At exit a backup is made when the data changed during the session.
"""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.paths import database_path
from goedgeregeld.ui.i18n import tr


def _stamp(database: Path) -> tuple[float, int, float, int]:
    """What changes when anything is written: the file and its write-ahead log."""
    stats = []
    for path in (database, Path(f"{database}-wal")):
        try:
            info = path.stat()
            stats.extend([info.st_mtime, info.st_size])
        except OSError:
            stats.extend([0.0, 0])
    return (stats[0], stats[1], stats[2], stats[3])


def check_and_back_up(data_dir: Path) -> str | None:
    """Quick check, daily backup, then the full check; a Dutch report when damaged."""
    from goedgeregeld.store.backups import automatic_backup
    from goedgeregeld.store.health import damage_report

    database = database_path(data_dir)
    report = damage_report(data_dir, database)
    if report is not None:
        return report
    automatic_backup(data_dir, database)
    return damage_report(data_dir, database, full=True)


def restore_newest(data_dir: Path) -> Path:
    """Put the newest good backup in place of the (damaged) database."""
    from goedgeregeld.store.backups import newest_good_backup
    from goedgeregeld.store.errors import StoreError
    from goedgeregeld.store.restore import restore_backup

    backup = newest_good_backup(data_dir)
    if backup is None:
        raise StoreError("er is geen goede reservekopie om terug te zetten")
    restore_backup(data_dir, database_path(data_dir), backup)
    return backup


class StartupChecks:
    """Runs the checks once the window shows, and the exit backup when data changed."""

    def __init__(self, window, context, painted: bool = False) -> None:
        self.context = context
        self.database = database_path(context.data_dir)
        self.stamp_at_start = _stamp(self.database)
        if painted:
            self.start()
        else:
            window.first_paint.connect(self.start)

    def start(self) -> None:
        """Queue the checks on the background runner (never the GUI thread)."""
        self.context.long_tasks.run(
            lambda: check_and_back_up(self.context.data_dir),
            self._checked,
            self.context.report_error,
        )

    def _checked(self, report: str | None) -> None:
        from goedgeregeld.store.backups import newest_good_backup

        if report is None:
            return
        if newest_good_backup(self.context.data_dir) is None:
            self.context.dialogs.error(
                tr("Uw gegevens zijn beschadigd: {report}").format(report=report)
            )
            return
        self.context.dialogs.confirm(
            tr("Gegevens beschadigd"),
            tr(
                "Uw gegevensbestand is beschadigd. Het is niet veranderd.\n\n{report}\n\n"
                "Wilt u de nieuwste goede reservekopie terugzetten? Het beschadigde bestand "
                "wordt daarbij niet weggegooid."
            ).format(report=report),
            self._restore,
        )

    def _restore(self) -> None:
        def done(backup: Path) -> None:
            self.context.dialogs.inform(
                tr("Reservekopie teruggezet"),
                tr(
                    "De reservekopie {name} is teruggezet. Sluit de app en start haar opnieuw."
                ).format(name=backup.name),
            )

        self.context.long_tasks.run(
            lambda: restore_newest(self.context.data_dir), done, self.context.report_error
        )

    def at_exit(self) -> None:
        """One backup at exit when the data changed during this session; never raises."""
        from goedgeregeld.store.backups import automatic_backup
        from goedgeregeld.store.health import damage_report

        try:
            if _stamp(self.database) == self.stamp_at_start:
                return
            if damage_report(self.context.data_dir, self.database) is None:
                automatic_backup(self.context.data_dir, self.database, at_exit=True)
        except Exception:  # noqa: BLE001 - a failed exit backup must not lose the exit
            return
