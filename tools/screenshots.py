"""Take a screenshot of every screen at 1366x768 into docs/screenshots (run offscreen or under Xvfb).

Usage: python tools/screenshots.py [OUTPUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from goedgeregeld.base.paths import database_path  # noqa: E402
from goedgeregeld.ui.core.settings import AppSettings  # noqa: E402
from goedgeregeld.ui.shell.app_setup import configure_application  # noqa: E402
from goedgeregeld.ui.shell.launch import build_app  # noqa: E402

SIZE = (1366, 768)


def wait_until(app: QApplication, condition, timeout: float = 20.0) -> None:
    """Process events until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def main(output: Path) -> None:
    """Walk through the app like a new user and save a picture of every screen."""
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        built = build_app(data, AppSettings.in_folder(data))
        window, flow, context = built.window, built.flow, built.context
        window.resize(*SIZE)
        window.show()

        def shoot(name: str) -> None:
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(output / f"{name}.png"))
            print(output / f"{name}.png")

        shoot("01-welkom")
        flow.page.start_button.click()
        shoot("02-rol")
        flow.page.next_button.click()
        wait_until(app, lambda: type(flow.page).__name__ == "ProfilePage")
        page = flow.page
        page.name_edit.setText("Sportvereniging De Zwaluwen")
        page.city_edit.setText("Zwolle")
        page.province_box.setCurrentIndex(page.province_box.findData("Overijssel"))
        page.volunteers_spin.setValue(60)
        page.fte_spin.setValue(1.5)
        wait_until(app, lambda: page.variant_label.text() != "")
        shoot("03-profiel")
        # A history to show: the sample's evaluations, written into this (throw-away) database.
        from goedgeregeld.store.sample import ensure_sample_database

        context.editions.with_edition(lambda e: setattr(context, "_shot_edition", e))
        wait_until(app, lambda: hasattr(context, "_shot_edition"))
        context.operations.wait()
        context.operations.close_databases()
        ensure_sample_database(database_path(data), context._shot_edition).close()
        flow.show_home()
        wait_until(app, lambda: flow.page.overview is not None)
        shoot("04-start")
        draft = next(e for e in flow.page.overview.evaluations if not e.is_completed)
        flow.show_fill_in(draft.id)
        wait_until(app, lambda: flow.page.state is not None)
        flow.page.cards[0].toggle.setChecked(True)
        shoot("05-invullen")
        _complete(context, draft.id)
        flow.show_results(draft.id)
        wait_until(app, lambda: flow.page.data is not None)
        shoot("06-uitkomst")
        flow.show_action_plan(draft.id)
        wait_until(app, lambda: flow.page.weak_model.rowCount() > 0)
        page = flow.page
        from PySide6.QtCore import Qt

        for row in range(3):
            page.weak_model.setData(
                page.weak_model.index(row, 0),
                Qt.CheckState.Checked.value,
                Qt.ItemDataRole.CheckStateRole,
            )
        page.create_button.click()
        wait_until(app, lambda: page.actions_model.rowCount() >= 3)
        _plan_details(page)
        shoot("07-plan-van-aanpak")
        flow.show_compare(draft.id)
        wait_until(app, lambda: flow.page.comparison is not None)
        shoot("08-vergelijken")
        evaluation_file = _export(context, draft.id, data / "klant.ggeval")
        window.close()
        context.close()
        _adviser_screens(app, output, evaluation_file, draft.id)


def _export(context, evaluation_id: str, target: Path) -> Path:
    """Write the organisation's evaluation file, as "Delen met adviseur…" does."""
    from goedgeregeld.exchange.evaluation.file import export_evaluation

    context.operations.read(lambda db: export_evaluation(db, evaluation_id, target))
    context.operations.wait()
    return target


def _adviser_screens(
    app: QApplication, output: Path, evaluation_file: Path, evaluation_id: str
) -> None:
    """Registration, client list, review and decision, on an adviser's own data folder."""
    from exchange_samples import more_clients

    from goedgeregeld.ui.core.settings import Role

    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder)
        settings = AppSettings.in_folder(data)
        settings.welcome_done, settings.role = True, Role.ADVISER
        built = build_app(data, settings)
        window, flow, context = built.window, built.flow, built.context
        window.resize(*SIZE)
        window.show()

        def shoot(name: str) -> None:
            for _ in range(5):
                app.processEvents()
            window.grab().save(str(output / f"{name}.png"))
            print(output / f"{name}.png")

        wait_until(app, lambda: type(flow.page).__name__ == "RegistrationPage")
        flow.page.name_edit.setText("Anna de Vries")
        flow.page.region_box.setCurrentIndex(flow.page.region_box.findData("Gelderland"))
        shoot("09-adviseur-registreren")
        flow.page.register_button.click()
        wait_until(app, lambda: getattr(flow.page, "data", None) is not None)
        files = [evaluation_file, *more_clients(data / "files"), data / "files" / "kapot.ggeval"]
        (data / "files" / "kapot.ggeval").write_bytes(b"geen zip")
        page = flow.page
        page.import_files(files)
        wait_until(app, lambda: not page.importing)
        wait_until(app, lambda: flow.page.model.rowCount() >= len(files) - 1)
        _grant_mark(context, flow.page.model.row_at(1).evaluation_id)
        page.data = None
        page.load()
        wait_until(app, lambda: page.data is not None)
        shoot("10-adviseur-klanten")
        flow.show_review(evaluation_id)
        wait_until(app, lambda: flow.page.data is not None)
        review = flow.page
        review.rows[0].choose("agree", comment="Duidelijk vastgelegd in het beleidsplan.")
        review.rows[1].choose(
            "lower", 1, "Er is nog geen vastgesteld document; score 1 past beter."
        )
        review.theme_comment.setPlainText("Goede basis; leg de afspraken nog vast.")
        context.operations.wait()
        app.processEvents()
        shoot("11-adviseur-beoordelen")
        review.decision_button.click()
        wait_until(app, lambda: type(flow.page).__name__ == "DecisionPage")
        decision = flow.page
        wait_until(app, lambda: "Besluit:" in decision.title.text())
        decision.radios["conditions"].click()
        decision.condition_rows[0].text_edit.setText(
            "Vrijwilligersbeleid vaststellen in het bestuur"
        )
        decision.add_condition("Vertrouwenspersoon aanstellen en bekendmaken")
        decision.mark_check.setChecked(True)
        shoot("12-adviseur-besluit")
        window.close()
        context.close()


def _grant_mark(context, evaluation_id: str) -> None:
    """A client whose mark expires within a year, so the reminder shows."""
    from datetime import date

    from goedgeregeld.store.reviews import decide, record_quality_mark

    def work(db) -> None:
        decide(db, evaluation_id, "ready", reason="Beoordeeld bij het bezoek op locatie.")
        record_quality_mark(db, evaluation_id, date(date.today().year - 3, 1, 15))

    context.operations.write((), work)
    context.operations.wait()


def _complete(context, evaluation_id: str) -> None:
    """Answer the draft's open statements in the store, so the results are final."""
    from goedgeregeld.store.evaluations import complete_evaluation, load_state, save_answer

    def work(db) -> None:
        state = load_state(db, evaluation_id)
        for number, statement_id in enumerate(state.score().open_statements):
            save_answer(db, evaluation_id, statement_id, (2, 3, 1, 3)[number % 4])
        complete_evaluation(db, evaluation_id)

    context.operations.write((), work)
    context.operations.wait()


def _plan_details(page) -> None:
    """Fill in owner, deadline and status of the new actions as a user would."""
    from datetime import date

    from PySide6.QtCore import QDate

    model = page.actions_model
    owners = ("Bestuur", "Coördinator vrijwilligers", "Secretaris")
    statuses = ("in_progress", "open", "done")
    for row in range(min(3, model.rowCount())):
        model.setData(model.index(row, 1), owners[row])
        model.setData(model.index(row, 2), QDate(date.today().year + 1, 3 + row, 1))
        model.setData(model.index(row, 3), statuses[row])
    page.operations.wait()


if __name__ == "__main__":
    main(
        Path(sys.argv[1])
        if len(sys.argv) > 1
        else Path(__file__).resolve().parents[1] / "docs" / "screenshots"
    )
