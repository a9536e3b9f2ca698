"""The organisation's menu actions for its adviser: share an evaluation, read a review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from goedgeregeld.ui.adviser.importing import (
    FILE_FILTER,
    asks_user,
    follow_up,
    outcome_text,
    run_import,
    summary,
)
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.services import Dialogs, Operations, SharesEvaluation

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from goedgeregeld.exchange.outcome import ImportOutcome


def import_review_files(operations: Operations, dialogs: Dialogs) -> None:
    """The Beoordeling inlezen…: choose files, import on the worker, say how it went.

    A file that needs a password or a confirmed new key asks for it, then is retried. The
    import announces what changed; the page on screen shows the review from that.
    """

    def report(outcomes: list[ImportOutcome]) -> None:
        text = "\n".join(outcome_text(o) for o in outcomes)
        if all(o.ok for o in outcomes):
            dialogs.inform(tr("Beoordeling inlezen"), f"{summary(outcomes)}.\n{text}")
        elif not all(asks_user(o) for o in outcomes):
            dialogs.error(f"{summary(outcomes)}.\n{text}")

    def done(outcomes: list[ImportOutcome]) -> None:
        report(outcomes)
        follow_up(operations, dialogs, outcomes, lambda outcome: report([outcome]))

    dialogs.choose_open_paths(
        tr("Beoordeling inlezen"),
        tr(FILE_FILTER),
        lambda paths: run_import(operations, paths, done),
    )


def share_current(page: QWidget | None, operations: Operations, dialogs: Dialogs) -> None:
    """The menu's "Delen met adviseur…": the evaluation on screen or selected on home."""
    from goedgeregeld.ui.adviser.file_actions import share_evaluation

    chosen = page.evaluation_to_share() if isinstance(page, SharesEvaluation) else None
    if chosen is not None:
        share_evaluation(operations, dialogs, *chosen)
        return
    dialogs.inform(tr("Delen met adviseur"), tr("Kies eerst een zelfevaluatie op het startscherm."))
