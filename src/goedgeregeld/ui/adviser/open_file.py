"""A file opened from the desktop (``--open FILE``): ask first, then import it on a worker."""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.ui.adviser.importing import asks_user, follow_up, outcome_text, run_import
from goedgeregeld.ui.shell.i18n import tr
from goedgeregeld.ui.shell.settings import Role


def ask_to_import(flow, path: Path) -> None:
    """The Dit bestand inlezen?; on yes the same import as the button, then the right page.

    A locked file asks its password and a new key asks for confirmation; then it is retried.
    """
    context = flow.context

    def show_page() -> None:
        if context.settings.role is Role.ADVISER:
            flow.show_adviser()
        elif context.settings.welcome_done:
            flow.show_home()

    def report(outcomes) -> None:
        outcome = outcomes[0]
        if outcome.ok:
            context.dialogs.inform(tr("Bestand ingelezen"), outcome_text(outcome))
        elif not asks_user(outcome):
            context.dialogs.error(outcome_text(outcome))
        flow.opened_outcomes = outcomes

    def imported(outcomes) -> None:
        report(outcomes)
        show_page()
        follow_up(context, outcomes, retried)

    def retried(outcome) -> None:
        report([outcome])
        show_page()

    context.dialogs.confirm(
        tr("Bestand openen"),
        tr("Dit bestand inlezen?\n{path}").format(path=path),
        lambda: run_import(context, [path], imported),
    )
