"""The "Statistiekbestand maken" menu action: this installation's sync file for NOV."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from goedgeregeld.ui.shell.i18n import tr


def make_sync_file(context, on_done=None) -> None:
    """Ask where to save, then write the sync file on the database worker and say so."""
    if context.sample_mode:
        context.dialogs.inform(
            tr("Statistiekbestand"),
            tr("De voorbeeldorganisatie telt niet mee. Ga eerst terug naar uw eigen gegevens."),
        )
        return
    suggested = Path.home() / f"goedgeregeld-statistiek-{date.today():%Y-%m-%d}.json"

    def chosen(path: Path) -> None:
        from goedgeregeld.exchange.sync.export import export_sync_file

        def done(result) -> None:
            context.dialogs.inform(
                tr("Statistiekbestand gemaakt"),
                tr(
                    "Opgeslagen in {path}. Er staan alleen nummers, jaren en provincies in, "
                    "geen namen. Stuur het bestand naar NOV."
                ).format(path=result.path),
            )
            if on_done is not None:
                on_done(result)

        context.with_db(lambda db: export_sync_file(db, path), done)

    context.dialogs.choose_save_path(
        tr("Statistiekbestand opslaan"), suggested, tr("Statistiekbestand (*.json)"), chosen
    )
