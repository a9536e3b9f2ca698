"""A file opened from the desktop (``--open FILE``) or Bestand › Inlezen…: import, then show it.

An invitation (respondent file) opens the respondent's page for it, an answer file the
several-respondents page of its evaluation; everything else the start page of the role.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from goedgeregeld.ui.adviser.importing import asks_user, follow_up, outcome_text, run_import
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.settings import Role

if TYPE_CHECKING:
    from goedgeregeld.exchange.outcome import ImportOutcome
    from goedgeregeld.ui.shell.context import AppContext

FILE_FILTER = (
    "Goed Geregeld-bestanden (*.ggresp *.ggantw *.ggreview *.ggeval *.ggkeurmerk *.zip);;"
    "Alle bestanden (*)"
)


class AdviserFlow(Protocol):
    """What asking to import needs of the flow (the flow itself imports this module)."""

    context: AppContext
    opened_outcomes: list[ImportOutcome]

    def show_adviser(self, load: bool = True) -> None: ...

    def show_home(self, organisation_id: str | None = None, load: bool = True) -> None: ...

    def show_invitation(self, respondent_id: str) -> None: ...

    def show_voices(self, evaluation_id: str) -> None: ...


def show_where_it_landed(flow: AdviserFlow, outcome: ImportOutcome | None) -> None:
    """The page for what ``outcome`` brought in, or the role's start page."""
    settings = flow.context.settings
    if outcome is not None and outcome.ok and outcome.respondent_id is not None:
        if outcome.kind == "respondent":
            if not settings.welcome_done:
                # Someone who installed the app to answer an invitation: next time it starts
                # on the home screen with that invitation, not the first-run welcome.
                settings.role = settings.role or Role.ORGANISATION
                settings.welcome_done = True
                settings.sync()
            flow.show_invitation(outcome.respondent_id)
            return
        if outcome.kind == "answers" and outcome.evaluation_id is not None:
            flow.show_voices(outcome.evaluation_id)
            return
    if settings.role is Role.ADVISER:
        flow.show_adviser()
    elif settings.welcome_done:
        flow.show_home()


def import_and_show(flow: AdviserFlow, paths: Sequence[Path]) -> None:
    """Import ``paths`` on the worker, say how it went, then show where one file landed.

    A locked file asks its password and a new key asks for confirmation; then it is retried.
    """
    dialogs, operations = flow.context.dialogs, flow.context.operations

    def report(outcomes: list[ImportOutcome]) -> None:
        text = "\n".join(outcome_text(o) for o in outcomes)
        if all(o.ok for o in outcomes):
            dialogs.inform(tr("Bestand ingelezen"), text)
        elif not all(asks_user(o) for o in outcomes):
            dialogs.error(text)
        flow.opened_outcomes = outcomes

    def landed(outcomes: list[ImportOutcome]) -> None:
        report(outcomes)
        show_where_it_landed(flow, outcomes[0] if len(outcomes) == 1 else None)

    def imported(outcomes: list[ImportOutcome]) -> None:
        landed(outcomes)
        follow_up(operations, dialogs, outcomes, lambda outcome: landed([outcome]))

    run_import(operations, list(paths), imported)


def ask_to_import(flow: AdviserFlow, path: Path) -> None:
    """The Dit bestand inlezen?; on yes the same import as Bestand › Inlezen…."""
    flow.context.dialogs.confirm(
        tr("Bestand openen"),
        tr("Dit bestand inlezen?\n{path}").format(path=path),
        lambda: import_and_show(flow, [path]),
    )


def choose_and_import(flow: AdviserFlow) -> None:
    """Bestand › Inlezen…: choose files, then import and show them as ``import_and_show``."""
    flow.context.dialogs.choose_open_paths(
        tr("Bestand inlezen"), tr(FILE_FILTER), lambda paths: import_and_show(flow, paths)
    )
