"""Which page comes next: first run, role, profile, home, filling in, results and beyond."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from goedgeregeld.ui.core.settings import Role
from goedgeregeld.ui.shell.adviser_flow import AdviserFlow
from goedgeregeld.ui.shell.context import AppContext

if TYPE_CHECKING:
    from goedgeregeld.exchange.outcome import ImportOutcome
    from goedgeregeld.store.records import OrganisationRecord
    from goedgeregeld.ui.organisation.home import HomePage
    from goedgeregeld.ui.shell.main_window import MainWindow


class AppFlow(AdviserFlow, QObject):
    """Creates pages on demand, wires their signals and puts them in the window."""

    page_shown = Signal(str)
    home_ready = Signal()

    def __init__(
        self, window: MainWindow, context: AppContext, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.context = context
        self.page: QWidget | None = None
        self.page_name: str | None = None
        """The name of the page on screen ("home", "fill_in"...): which help F1 shows."""
        self.opened_outcomes: list[ImportOutcome] = []
        """The outcomes of the last file opened from the desktop (``--open FILE``)."""
        self._home_loaded_once = False
        self.painted_empty: tuple[QWidget, Callable[[], None]] | None = None
        """The start page shown with ``load=False`` and how to load it after the first paint."""
        window.leave_sample_requested.connect(self.leave_sample)

    def _show(self, name: str, page: QWidget) -> None:
        self.page, self.page_name = page, name
        self.window.show_page(page)
        self.page_shown.emit(name)

    # -- start -------------------------------------------------------------------------------
    def start(self) -> None:
        """Show the first page without touching the database (that waits for the first paint)."""
        if not self.context.settings.welcome_done:
            self.show_welcome()
        else:
            self.show_start(load=False)

    def show_start(self, *, load: bool = True) -> None:
        """The start page of the chosen role (also the menu's "Startscherm").

        ``load`` is keyword-only: a signal's ``checked=False`` must never skip the loading.
        """
        role = self.context.settings.role
        if role is Role.NOV:
            self.show_nov()
        elif role is Role.ADVISER:
            self.show_adviser(load=load)
        elif role not in (None, Role.ORGANISATION):
            self.show_coming_soon(role)
        else:
            self.show_home(load=load)

    def after_first_paint(self) -> None:
        """Fill the page that was painted empty (without importing a page it did not show)."""
        painted_empty, self.painted_empty = self.painted_empty, None
        if painted_empty is not None and painted_empty[0] is self.page:
            # Queued, so every other reaction to the first paint (tracing) comes first.
            QTimer.singleShot(0, painted_empty[1])

    # -- pages -------------------------------------------------------------------------------
    def show_welcome(self) -> None:
        from goedgeregeld.ui.shell.welcome import WelcomePage

        page = WelcomePage()
        page.start_requested.connect(self.show_role)
        page.sample_requested.connect(self.enter_sample)
        page.invitation_requested.connect(self.choose_invitation)
        self._show("welcome", page)

    def choose_invitation(self) -> None:
        """Uitnodiging openen… on the welcome page: choose the respondent file, then its page."""
        from goedgeregeld.exchange.respondent.format import RESPONDENT_SUFFIX
        from goedgeregeld.ui.core.i18n import tr
        from goedgeregeld.ui.shell.open_file import import_and_show

        self.context.dialogs.choose_open_paths(
            tr("Uitnodiging openen"),
            tr("Uitnodiging (*{s});;Alle bestanden (*)").format(s=RESPONDENT_SUFFIX),
            lambda paths: import_and_show(self, paths),
        )

    def show_role(self) -> None:
        from goedgeregeld.ui.shell.role import RolePage

        page = RolePage(self.context.settings.role)
        page.role_chosen.connect(self._role_chosen)
        self._show("role", page)

    def _role_chosen(self, role: Role) -> None:
        settings = self.context.settings
        settings.role = role
        settings.welcome_done = True
        settings.sync()
        if role is Role.ORGANISATION:
            self.leave_sample(show=False)
        self.show_start()

    def show_nov(self) -> None:
        from goedgeregeld.ui.nov.page import NovPage

        context = self.context
        page = NovPage(context.long_tasks, context.dialogs, context.data_dir, context.report_error)
        page.change_role_requested.connect(self.show_role)
        page.assess_requested.connect(self.show_assess)
        self._show("nov", page)
        page.load()

    def show_assess(self) -> None:
        from goedgeregeld.ui.nov.assess_page import AssessPage

        context = self.context
        page = AssessPage(
            context.long_tasks, context.dialogs, context.data_dir, context.report_error
        )
        page.back_requested.connect(self.show_nov)
        self._show("assess", page)
        page.load()

    def show_coming_soon(self, role: Role) -> None:
        from goedgeregeld.ui.shell.coming_soon import ComingSoonPage

        page = ComingSoonPage(role)
        page.change_role_requested.connect(self.show_role)
        self._show("coming_soon", page)

    def show_profile(self, organisation: OrganisationRecord | None = None) -> None:
        from goedgeregeld.ui.organisation.profile import ProfilePage

        context = self.context
        page = ProfilePage(context.operations, context.editions, context.settings, organisation)
        page.saved.connect(self.show_home)
        page.cancelled.connect(lambda: self.show_home())
        self._show("profile", page)

    def show_home(self, organisation_id: str | None = None, load: bool = True) -> None:
        from goedgeregeld.ui.organisation.home import HomePage

        context = self.context
        page = HomePage(context.operations, context.editions, context.settings)
        page.open_evaluation.connect(self.show_fill_in)
        page.open_results.connect(self.show_results)
        page.open_comparison.connect(self.show_compare)
        page.open_voices.connect(self.show_voices)
        page.open_invitation.connect(self.show_invitation)
        page.edit_profile.connect(self.show_profile)
        page.new_organisation.connect(lambda: self.show_profile(None))
        page.data_shown.connect(lambda: self._home_shown(page))
        self._show("home", page)
        if load:
            page.load(organisation_id)
        else:
            self.painted_empty = (page, page.load)

    def _home_shown(self, page: HomePage) -> None:
        assert page.overview is not None
        invited = bool(page.overview.invitations)
        if page.overview.current is None and not self.context.sample_mode and not invited:
            self.show_profile(None)
            return
        if not self._home_loaded_once:
            self._home_loaded_once = True
            self.home_ready.emit()
            # Warm the questionnaire up while the user reads the home screen.
            self.context.editions.with_edition(lambda _edition: None)

    def show_fill_in(self, evaluation_id: str) -> None:
        from goedgeregeld.ui.organisation.fill_in import FillInPage

        page = FillInPage(self.context.operations, self.context.dialogs)
        page.show_results.connect(self.show_results)
        self._show("fill_in", page)
        page.load(evaluation_id)

    def show_results(self, evaluation_id: str) -> None:
        from goedgeregeld.ui.organisation.results import ResultsPage

        page = ResultsPage(self.context.operations, self.context.dialogs)
        page.continue_requested.connect(self.show_fill_in)
        page.action_plan_requested.connect(self.show_action_plan)
        page.compare_requested.connect(self.show_compare)
        page.home_requested.connect(lambda: self.show_home())
        page.share_requested.connect(self.share_evaluation)
        self._show("results", page)
        page.load(evaluation_id)

    def show_action_plan(self, evaluation_id: str) -> None:
        from goedgeregeld.ui.organisation.action_plan import ActionPlanPage

        page = ActionPlanPage(self.context.operations, self.context.dialogs)
        page.back_requested.connect(self.show_results)
        self._show("action_plan", page)
        page.load(evaluation_id)

    def show_compare(self, evaluation_id: str) -> None:
        from goedgeregeld.ui.organisation.compare import ComparePage

        page = ComparePage(self.context.operations)
        page.back_requested.connect(self.show_results)
        page.home_requested.connect(lambda: self.show_home())
        self._show("compare", page)
        page.load(evaluation_id)

    def show_voices(self, evaluation_id: str) -> None:
        from goedgeregeld.ui.organisation.voices import VoicesPage

        page = VoicesPage(self.context.operations, self.context.dialogs)
        page.home_requested.connect(lambda: self.show_home())
        self._show("voices", page)
        page.load(evaluation_id)

    def show_invitation(self, respondent_id: str) -> None:
        """The respondent's page for an invitation opened on this computer."""
        from goedgeregeld.ui.organisation.invitation import InvitationPage

        page = InvitationPage(self.context.operations, self.context.dialogs)
        page.home_requested.connect(lambda: self.show_home())
        self._show("invitation", page)
        page.load(respondent_id)

    def share_evaluation(self, evaluation_id: str, organisation_name: str) -> None:
        """Delen met adviseur…: lock or not, where, then write the evaluation file."""
        from goedgeregeld.ui.adviser.file_actions import share_evaluation

        share_evaluation(
            self.context.operations, self.context.dialogs, evaluation_id, organisation_name
        )

    # -- sample ------------------------------------------------------------------------------
    def enter_sample(self) -> None:
        self.context.operations.set_sample_mode(True)
        self.show_home()

    def leave_sample(self, show: bool = True) -> None:
        if not self.context.sample_mode:
            return
        self.context.operations.set_sample_mode(False)
        if not show:
            return
        if self.context.settings.welcome_done:
            self.show_home()
        else:
            self.show_welcome()
