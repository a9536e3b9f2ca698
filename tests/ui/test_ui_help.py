"""Help: F1 shows the help of the screen on display, the Help menu's topics, the About box."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from tests.ui.conftest import wait_for_page

from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.ui.shell.help_dialog import HelpDialog
from goedgeregeld.ui.shell.help_pages import SCREENS

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")  # dialogs on the offscreen platform


def _help_window() -> HelpDialog:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpDialog)]
    assert found, "no help window"
    return found[-1]


def test_f1_shows_the_help_of_the_screen_on_display(db, edition, start_app, qtbot) -> None:
    organisation = create_organisation(db, "Sportclub De Bal", volunteers=20, paid_fte=0)
    evaluation = start_evaluation(db, organisation.id, edition)
    app = start_app(first_run=False)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    action = app.actions_by_name["help"]
    assert action.shortcut().toString() == "F1"
    action.trigger()
    dialog = _help_window()
    assert dialog.title.text() == "Startscherm" and "Beoordeling inlezen" in dialog.text.text()
    dialog.close()
    app.flow.show_fill_in(evaluation.id)
    wait_for_page(qtbot, app, "FillInPage", lambda p: p.state is not None)
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)
    qtbot.keyClick(QApplication.focusWidget() or app.window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: _help_window().title.text() == "Zelfevaluatie invullen")
    dialog = _help_window()
    assert "F3" in dialog.text.text() and "n.v.t." in dialog.text.text().lower()
    dialog.roles_button.click()
    assert dialog.title.text() == "De drie rollen"
    assert all(role in dialog.text.text() for role in ("Organisatie:", "Adviseur:", "NOV:"))
    dialog.file_button.click()
    assert ".ggeval" in dialog.text.text() and "bewijsstukken" in dialog.text.text()
    dialog.close()


def test_every_screen_of_the_flow_has_help() -> None:
    import re
    from pathlib import Path

    import goedgeregeld.ui.shell as shell

    names = set()
    for module in Path(shell.__file__).parent.glob("*flow.py"):
        names |= set(re.findall(r'self\._show\("(\w+)"', module.read_text(encoding="utf-8")))
    assert names - {"coming_soon"} <= set(SCREENS), names - set(SCREENS)


def test_about_explains_the_fingerprint_and_hides_a_missing_id(data_dir, qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from goedgeregeld.ui.shell.about_dialog import AboutDialog

    dialog = AboutDialog(data_dir)
    qtbot.addWidget(dialog)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "nog niet aangemaakt" not in texts
    assert "aan de telefoon" in texts and dialog.fingerprint_label.text()


def test_help_speaks_with_the_app_s_one_word_per_idea() -> None:
    import re

    from goedgeregeld.ui.shell.help_pages import (
        evaluation_file_help,
        roles_help,
        screen_help,
    )
    from goedgeregeld.words.terms import SYNONYMS

    pages = [screen_help(name) for name in SCREENS] + [roles_help(), evaluation_file_help()]
    text = "\n".join(p.title + "\n" + "\n".join(p.paragraphs) for p in pages)
    for chosen, replaced in SYNONYMS.items():
        for word in replaced:
            assert not re.search(rf"\b{re.escape(word)}\b", text), (word, chosen)
