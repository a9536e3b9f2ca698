"""The "Statistiekbestand maken" menu action (organisation and adviser): the sync file for NOV."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.services import Dialogs, Operations

if TYPE_CHECKING:
    from goedgeregeld.exchange.sync.export import SyncExportResult


def make_sync_file(
    operations: Operations,
    dialogs: Dialogs,
    on_done: Callable[[SyncExportResult], None] | None = None,
) -> None:
    """Ask where to save, then write the sync file on the database worker and say so."""
    if operations.sample_mode:
        dialogs.inform(
            tr("Statistiekbestand"),
            tr("De voorbeeldorganisatie telt niet mee. Ga eerst terug naar uw eigen gegevens."),
        )
        return

    def chosen(path: Path) -> None:
        from goedgeregeld.exchange.sync.export import export_sync_file

        def done(result: SyncExportResult) -> None:
            dialogs.inform(
                tr("Statistiekbestand gemaakt"),
                tr(
                    "Opgeslagen in {path}. Er staan alleen nummers, jaren en provincies in, "
                    "geen namen. Stuur het bestand naar NOV."
                ).format(path=result.path),
            )
            if on_done is not None:
                on_done(result)

        # It records what was sent, which no page shows: a write that announces nothing.
        operations.write((), lambda db: export_sync_file(db, path), done)

    def ask(name: str) -> None:
        dialogs.choose_save_path(
            tr("Statistiekbestand opslaan"),
            Path.home() / name,
            tr("Statistiekbestand (*.json)"),
            chosen,
        )

    from goedgeregeld.exchange.sync.export import suggested_file_name

    # The name holds this installation, so files from many senders do not collide at NOV;
    # the first use may make the installation's identity, hence a write.
    operations.write((), lambda db: suggested_file_name(db, date.today()), ask)
