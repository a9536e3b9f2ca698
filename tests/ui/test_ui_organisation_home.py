"""The organisation's home screen: reached from the menu, one club's buttons, what a review adds."""

from __future__ import annotations

from tests.ui.conftest import wait_for_page

from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.organisations import create_organisation


def test_the_menu_s_startscherm_shows_the_data(db, edition, start_app, qtbot) -> None:
    # QAction.triggered passes checked=False, which show_start once took as load=False: the
    # home screen stayed at "Gegevens worden geladen…" with nothing in it.
    organisation = create_organisation(db, "Sportclub De Bal", volunteers=20, paid_fte=0)
    start_evaluation(db, organisation.id, edition)
    app = start_app(first_run=False)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    app.flow.show_profile(None)
    wait_for_page(qtbot, app, "ProfilePage")
    app.actions_by_name["home"].trigger()
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    assert home.title.text() == "Sportclub De Bal"
    assert home.model.rowCount() == 1
    assert not home.empty_label.isVisible()
