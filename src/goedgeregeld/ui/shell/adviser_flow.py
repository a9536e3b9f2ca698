"""The adviser's pages in the app flow: registration, client list, review, decision."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from goedgeregeld.exchange.outcome import ImportOutcome
    from goedgeregeld.ui.shell.context import AppContext


class AdviserFlow:
    """Mixed into ``AppFlow``; uses its ``context``, ``_show`` and ``show_role``."""

    context: AppContext
    opened_outcomes: list[ImportOutcome]
    client_order: list[str]
    painted_empty: tuple[QWidget, Callable[[], None]] | None

    def _show(self, name: str, page: QWidget) -> None:
        raise NotImplementedError

    def show_role(self) -> None:
        raise NotImplementedError

    def show_home(self, organisation_id: str | None = None, load: bool = True) -> None:
        raise NotImplementedError

    def show_invitation(self, respondent_id: str) -> None:
        raise NotImplementedError

    def show_voices(self, evaluation_id: str) -> None:
        raise NotImplementedError

    def show_adviser(self, load: bool = True) -> None:
        """The client list; it switches to registration when nobody registered yet."""
        from goedgeregeld.ui.adviser.client_list import ClientListPage

        page = ClientListPage(self.context.operations, self.context.dialogs)
        page.registration_needed.connect(self.show_registration)
        page.open_review.connect(
            lambda evaluation_id: self.show_review(
                evaluation_id, [r.evaluation_id for r in page.visible_rows()]
            )
        )
        self._show("clients", page)
        if load:
            page.load()
        else:
            self.painted_empty = (page, page.load)

    def show_registration(self) -> None:
        from goedgeregeld.ui.adviser.registration import RegistrationPage

        page = RegistrationPage(self.context.operations)
        page.registered.connect(lambda _adviser: self.show_adviser())
        page.change_role_requested.connect(self.show_role)
        self._show("registration", page)

    def show_review(self, evaluation_id: str, client_order: list[str] | None = None) -> None:
        """One client's review; ``client_order`` is the client list as shown (next/previous)."""
        from goedgeregeld.ui.adviser.review_page import ReviewPage

        if client_order is not None:
            self.client_order = list(client_order)
        page = ReviewPage(self.context.operations, self.context.dialogs)
        page.back_requested.connect(lambda: self.show_adviser())
        page.decision_requested.connect(self.show_decision)
        page.client_requested.connect(self.show_review)
        self._show("review", page)
        page.load(evaluation_id, getattr(self, "client_order", []))

    def show_decision(self, evaluation_id: str) -> None:
        from goedgeregeld.ui.adviser.decision_page import DecisionPage

        page = DecisionPage(self.context.operations)
        page.back_requested.connect(self.show_review)
        page.saved.connect(self.show_review)
        self._show("decision", page)
        page.load(evaluation_id)

    def open_file(self, path: Path) -> None:
        """``--open FILE``: ask, then import it and show where it landed."""
        from goedgeregeld.ui.shell.open_file import ask_to_import

        ask_to_import(self, Path(path))
