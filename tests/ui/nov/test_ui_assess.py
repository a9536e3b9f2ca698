"""The assessor's screen in NOV mode, and the organisation's home with the mark it earned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.nov.assess_helpers import Chain, make_chain, run
from tests.ui.conftest import FakeDialogs, RunningApp, wait_for_page

from goedgeregeld.ui.core.settings import AppSettings, Role


@pytest.fixture
def chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Chain:
    return make_chain(tmp_path, monkeypatch)


@pytest.fixture
def start_in(qtbot) -> Iterator:
    """Build the app on a given folder in a given role."""
    from goedgeregeld.ui.shell.launch import build_app

    running: list[RunningApp] = []

    def start(folder: Path, role: Role) -> RunningApp:
        settings = AppSettings.in_folder(folder)
        settings.welcome_done = True
        settings.role = role
        dialogs = FakeDialogs()
        built = build_app(folder, settings, dialogs)
        qtbot.addWidget(built.window)
        built.window.resize(1366, 768)
        built.window.show()
        qtbot.waitExposed(built.window)
        app = RunningApp(built.window, built.flow, built.context, dialogs, built.actions_by_name)
        running.append(app)
        return app

    yield start
    for app in running:
        app.context.close()


def test_the_assessor_reads_the_package_and_grants_the_mark(
    chain: Chain, start_in, qtbot, qtmodeltester, tmp_path: Path
) -> None:
    app = start_in(chain.nov, Role.NOV)
    nov = wait_for_page(qtbot, app, "NovPage")
    nov.assess_button.click()
    page = wait_for_page(qtbot, app, "AssessPage")
    app.dialogs.open_paths = [chain.review_file, chain.evaluation_file]
    with qtbot.waitSignal(page.view_shown, timeout=30_000):
        page.import_button.click()
    assert "ter beoordeling ingelezen" in page.status.text()
    assert page.assessments.rowCount() == 1
    assert page.statements.rowCount() > 10
    assert page.statements.row_at(0).verdict == "agree"
    for model in (page.assessments, page.statements, page.evidence, page.register):
        qtmodeltester.check(model)
    assert "Anna de Vries" in page.header.text() and "erkend" in page.header.text()
    assert page.grant_button.isEnabled()

    # Refusing without a reason asks for one and changes nothing.
    page.refuse_button.click()
    assert any(kind == "error" and "reden" in text for kind, text in app.dialogs.shown)
    assert page.assessments.row_at(0).status == "pending"

    app.dialogs.save_path = tmp_path / "keurmerk.ggkeurmerk"
    with qtbot.waitSignal(page.data_shown, timeout=30_000):
        page.grant_button.click()
    assert app.dialogs.save_path.exists() and (tmp_path / "keurmerk.pdf").exists()
    assert "toegekend" in page.status.text()
    qtbot.waitUntil(lambda: page.register.rowCount() == 1, timeout=10_000)
    assert page.register.row_at(0).state == "valid"
    qtbot.waitUntil(lambda: not page.grant_button.isEnabled(), timeout=10_000)
    assert run(chain.dir / "any", "verify", str(app.dialogs.save_path)) == 0


def test_the_organisation_home_shows_a_valid_mark_only_from_the_certificate(
    chain: Chain, start_in, qtbot
) -> None:
    app = start_in(chain.org, Role.ORGANISATION)
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    qtbot.wait(300)
    assert not home.mark_label.isVisibleTo(home)  # the adviser's "ready" is no mark
    app.context.close()
    certificate = chain.granted()
    assert run(chain.org, "import", str(certificate)) == 0
    again = start_in(chain.org, Role.ORGANISATION)
    home = wait_for_page(qtbot, again, "HomePage", lambda p: p.overview is not None)
    qtbot.waitUntil(lambda: home.mark_label.isVisibleTo(home), timeout=10_000)
    assert home.mark_label.text().startswith("✓ Keurmerk geldig tot ")
    again.flow.show_results(chain.evaluation_id)
    results = wait_for_page(qtbot, again, "ResultsPage", lambda p: p.data is not None)
    assert results.keurmerk_label.isVisibleTo(results)
    assert "Keurmerk geldig tot" in results.keurmerk_label.text()
