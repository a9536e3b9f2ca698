"""A file opened from the desktop (``--open FILE``): ask first, then import it on a worker."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.ui.adviser.importing import run_import
from goedgeregeld.ui.i18n import tr
from goedgeregeld.ui.settings import Role


def ask_to_import(flow, path: Path) -> None:
    """The Dit bestand inlezen?; on yes the same import as the button, then the right page."""
    context = flow.context

    def imported(outcomes) -> None:
        outcome = outcomes[0]
        if outcome.ok:
            context.dialogs.inform(tr("Bestand ingelezen"), outcome.message)
        else:
            context.dialogs.error(outcome.message)
        flow.opened_outcomes = outcomes
        if context.settings.role is Role.ADVISER:
            flow.show_adviser()
        elif context.settings.welcome_done:
            flow.show_home()

    context.dialogs.confirm(
        tr("Bestand openen"),
        tr("Dit bestand inlezen?\n{path}").format(path=path),
        lambda: run_import(context, [path], imported),
    )
