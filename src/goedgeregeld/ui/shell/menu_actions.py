"""The menu bar and its actions, kept out of the main window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.settings import Role

if TYPE_CHECKING:
    from goedgeregeld.ui.shell.context import AppContext
    from goedgeregeld.ui.shell.flow import AppFlow


def install_menus(window: QMainWindow, flow: AppFlow, context: AppContext) -> dict[str, QAction]:
    """Build the menus; returns the actions by name (tests trigger them)."""
    actions: dict[str, QAction] = {}

    def add(
        menu: QMenu,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> None:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        actions[name] = action

    bar = window.menuBar()
    file_menu = bar.addMenu(tr("&Bestand"))
    # A lambda: triggered(bool) would otherwise arrive as the first argument.
    add(file_menu, "home", tr("&Startscherm"), lambda: flow.show_start(), "Ctrl+Home")
    add(file_menu, "new_organisation", tr("&Nieuwe organisatie…"), lambda: flow.show_profile(None))
    add(file_menu, "sample", tr("&Voorbeeldorganisatie bekijken"), flow.enter_sample)
    add(file_menu, "leave_sample", tr("&Terug naar mijn eigen gegevens"), flow.leave_sample)
    add(file_menu, "import_file", tr("&Inlezen…"), lambda: _import_file(flow))
    add(file_menu, "share_evaluation", tr("&Delen met adviseur…"), lambda: _share(flow, context))
    add(file_menu, "import_review", tr("&Beoordeling inlezen…"), lambda: _import_review(context))
    add(
        file_menu,
        "import_clients",
        tr("Evaluatiebestanden &inlezen…"),
        lambda: _import_clients(flow),
        "Ctrl+I",
    )
    add(file_menu, "sync_export", tr("S&tatistiekbestand maken…"), lambda: _make_sync_file(context))
    file_menu.addSeparator()
    add(file_menu, "backup", tr("Reservekopie &maken…"), lambda: _make_backup(context))
    add(
        file_menu,
        "restore",
        tr("Reservekopie &terugzetten…"),
        lambda: _restore_backup(context, lambda: flow.show_home()),
    )
    file_menu.addSeparator()
    add(file_menu, "quit", tr("&Afsluiten"), window.close, QKeySequence.StandardKey.Quit)
    settings_menu = bar.addMenu(tr("&Instellingen"))
    add(settings_menu, "role", tr("&Rol wijzigen…"), flow.show_role)
    help_menu = bar.addMenu(tr("&Help"))
    add(help_menu, "help", tr("&Help bij dit scherm"), lambda: _show_help(window, flow), "F1")
    add(help_menu, "help_roles", tr("Wat doet elke &rol?"), lambda: _show_topic(window, "roles"))
    add(
        help_menu,
        "help_file",
        tr("Wat gaat er naar de &adviseur?"),
        lambda: _show_topic(window, "file"),
    )
    add(help_menu, "review_keys", tr("&Toetsen bij het beoordelen"), lambda: _review_keys(context))
    help_menu.addSeparator()
    add(
        help_menu, "about", tr("&Over Goed Geregeld"), lambda: _show_about(window, context.data_dir)
    )
    actions["leave_sample"].setEnabled(False)
    context.operations.sample_mode_changed.connect(actions["leave_sample"].setEnabled)
    show_for_role(actions, context.settings.role)
    file_menu.aboutToShow.connect(lambda: show_for_role(actions, context.settings.role))
    help_menu.aboutToShow.connect(lambda: show_for_role(actions, context.settings.role))
    return actions


# What belongs to one role only; everything else is in every role's menu.
_ROLES_OF = {
    "new_organisation": {Role.ORGANISATION},
    "sample": {Role.ORGANISATION},
    "leave_sample": {Role.ORGANISATION},
    "share_evaluation": {Role.ORGANISATION},
    "import_file": {Role.ORGANISATION},
    "import_review": {Role.ORGANISATION},
    "sync_export": {Role.ORGANISATION, Role.ADVISER},
    "review_keys": {Role.ADVISER},
    "import_clients": {Role.ADVISER},
}


def show_for_role(actions: dict[str, QAction], role: Role | None) -> None:
    """Show only the menu items that mean something in ``role`` (None: organisation)."""
    role = role or Role.ORGANISATION
    for name, roles in _ROLES_OF.items():
        actions[name].setVisible(role in roles)


def _show_about(window: QMainWindow, data_dir: Path) -> None:
    # Imported on use: menus are built right after the first paint, dialogs are not needed yet.
    from goedgeregeld.ui.shell.about_dialog import show_about

    show_about(window, data_dir)


def _review_keys(context: AppContext) -> None:
    from goedgeregeld.ui.adviser.review_keys import legend_html

    context.dialogs.inform(tr("Toetsen bij het beoordelen"), legend_html())


def _import_clients(flow: AppFlow) -> None:
    """Bestand › Evaluatiebestanden inlezen… (Ctrl+I): the client list, then its file dialog."""
    from goedgeregeld.ui.adviser.client_list import ClientListPage

    if not isinstance(flow.page, ClientListPage):
        flow.show_adviser()
    page = flow.page
    if isinstance(page, ClientListPage):
        page.choose_files()


def _show_help(window: QMainWindow, flow: AppFlow) -> None:
    from goedgeregeld.ui.shell.help_dialog import show_help
    from goedgeregeld.ui.shell.help_pages import screen_help

    show_help(window, screen_help(flow.page_name))


def _show_topic(window: QMainWindow, topic: str) -> None:
    from goedgeregeld.ui.shell.help_dialog import show_help
    from goedgeregeld.ui.shell.help_pages import evaluation_file_help, roles_help

    show_help(window, roles_help() if topic == "roles" else evaluation_file_help())


def _make_sync_file(context: AppContext) -> None:
    from goedgeregeld.ui.shell.sync_action import make_sync_file

    make_sync_file(context.operations, context.dialogs)


def _share(flow: AppFlow, context: AppContext) -> None:
    from goedgeregeld.ui.organisation.adviser_review import share_current

    share_current(flow.page, context.operations, context.dialogs)


def _import_file(flow: AppFlow) -> None:
    """Bestand › Inlezen…: any file; an invitation opens its page, answers their evaluation."""
    from goedgeregeld.ui.shell.open_file import choose_and_import

    choose_and_import(flow)


def _import_review(context: AppContext) -> None:
    from goedgeregeld.ui.organisation.adviser_review import import_review_files

    import_review_files(context.operations, context.dialogs)


def _make_backup(context: AppContext) -> None:
    from goedgeregeld.ui.shell.backup_actions import make_backup_file

    make_backup_file(context.operations, context.dialogs)


def _restore_backup(context: AppContext, on_restored: Callable[[], None]) -> None:
    from goedgeregeld.ui.shell.backup_actions import restore_backup_file

    restore_backup_file(context.operations, context.dialogs, on_restored)
