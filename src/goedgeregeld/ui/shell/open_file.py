"""A file opened from the desktop (``--open FILE``): ask first, then import it on a worker."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from goedgeregeld.ui.adviser.importing import asks_user, follow_up, outcome_text, run_import
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.settings import Role

if TYPE_CHECKING:
    from goedgeregeld.exchange.outcome import ImportOutcome
    from goedgeregeld.ui.shell.context import AppContext


class AdviserFlow(Protocol):
    """What asking to import needs of the flow (the flow itself imports this module)."""

    context: AppContext
    opened_outcomes: list[ImportOutcome]

    def show_adviser(self, load: bool = True) -> None: ...

    def show_home(self, organisation_id: str | None = None, load: bool = True) -> None: ...


def ask_to_import(flow: AdviserFlow, path: Path) -> None:
    """The Dit bestand inlezen?; on yes the same import as the button, then the right page.

    A locked file asks its password and a new key asks for confirmation; then it is retried.
    """
    settings, dialogs, operations = (
        flow.context.settings,
        flow.context.dialogs,
        flow.context.operations,
    )

    def show_page() -> None:
        if settings.role is Role.ADVISER:
            flow.show_adviser()
        elif settings.welcome_done:
            flow.show_home()

    def report(outcomes: list[ImportOutcome]) -> None:
        outcome = outcomes[0]
        if outcome.ok:
            dialogs.inform(tr("Bestand ingelezen"), outcome_text(outcome))
        elif not asks_user(outcome):
            dialogs.error(outcome_text(outcome))
        flow.opened_outcomes = outcomes

    def imported(outcomes: list[ImportOutcome]) -> None:
        report(outcomes)
        show_page()
        follow_up(operations, dialogs, outcomes, retried)

    def retried(outcome: ImportOutcome) -> None:
        report([outcome])
        show_page()

    dialogs.confirm(
        tr("Bestand openen"),
        tr("Dit bestand inlezen?\n{path}").format(path=path),
        lambda: run_import(operations, [path], imported),
    )
