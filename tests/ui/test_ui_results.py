"""Results page: verdict per theme, the report made off the GUI thread, actions from weak statements."""

from __future__ import annotations

from PySide6.QtCore import Qt
from tests.ui.conftest import wait_for_page

from goedgeregeld.store.evaluations import save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation


def test_results_report_and_action_plan(db, edition, start_app, qtbot, tmp_path) -> None:
    organisation = create_organisation(db, "Club", volunteers=20, paid_fte=0)
    evaluation = start_evaluation(db, organisation.id, edition)
    core = [s.id for s in edition.statements_by_id.values() if s.core]
    for number, statement_id in enumerate(core):
        save_answer(db, evaluation.id, statement_id, 1 if number < 3 else 3)
    app = start_app(first_run=False)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    app.flow.show_results(evaluation.id)
    page = wait_for_page(qtbot, app, "ResultsPage", lambda p: p.data is not None)
    weak_theme = edition.theme_of[core[0]]
    assert not page.data.result.eligible
    assert any(
        r.startswith(f"{weak_theme.title}: ") and "punten tekort" in r for r in page.data.reasons
    )
    assert weak_theme.title in page.reasons_label.text()
    target = tmp_path / "rapport.pdf"
    app.dialogs.save_path = target
    with qtbot.waitSignal(page.report_written, timeout=20_000):
        page.report_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert app.dialogs.opened == [target]
    page.plan_button.click()
    plan = wait_for_page(qtbot, app, "ActionPlanPage", lambda p: p.weak_model.rowCount() == 3)
    # Keyboard: the list starts on its first row, and Tab can leave the actions table.
    assert plan.weak_list.currentIndex().row() == 0
    assert not plan.table.tabKeyNavigation()
    plan.weak_model.setData(
        plan.weak_model.index(0, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    plan.create_button.click()
    qtbot.waitUntil(lambda: plan.actions_model.rowCount() == 1 and plan.weak_model.rowCount() == 2)
    model = plan.actions_model
    model.setData(model.index(0, 1), "Bestuur")
    model.setData(model.index(0, 3), "done")
    plan.back_button.click()
    results = wait_for_page(qtbot, app, "ResultsPage", lambda p: p.data is not None)
    assert results.data.actions[0].owner == "Bestuur" and results.data.actions[0].status == "done"


def _tab_stops(page, start, count: int) -> list:
    """The widgets Tab reaches from ``start``, as a keyboard user meets them."""
    stops, widget = [], start
    while len(stops) < count:
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(page)
            and widget.isEnabled()
            and page.isAncestorOf(widget)
        ):
            stops.append(widget)
    return stops


def test_keyboard_reaches_every_button_in_order_and_the_advice(
    db, edition, start_app, qtbot
) -> None:
    # Noted earlier: "Delen met adviseur" came last on Tab, and the advice could not be
    # reached with the keyboard at all (so a screen reader never read it).
    organisation = create_organisation(db, "Club", volunteers=20, paid_fte=0)
    evaluation = start_evaluation(db, organisation.id, edition)
    for statement in edition.statements_by_id.values():
        if statement.core:
            save_answer(db, evaluation.id, statement.id, 2)
    app = start_app(first_run=False)
    wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    app.flow.show_results(evaluation.id)
    page = wait_for_page(qtbot, app, "ResultsPage", lambda p: p.data is not None)
    stops = _tab_stops(page, page.plan_button, 12)
    buttons = [page.compare_button, page.report_button, page.continue_button]
    buttons = [b for b in buttons if b.isVisibleTo(page) and b.isEnabled()]
    assert stops[: len(buttons) + 2] == [*buttons, page.share_button, page.home_button]
    strong, weak, plan = page.text_panels
    assert [p for p in stops if p in page.text_panels] == [strong, weak, plan]
    assert weak.accessibleName() == "Wat beter kan"
    assert "%" in weak.accessibleDescription() and len(weak.accessibleDescription()) > 40
