"""Screenshots of the adviser's pages: welcome, clients, review, decision, conditions, keys, PDF.

Run under Xvfb for the real thing, once per screen size and scale, for example:
  Xvfb :8 -screen 0 1366x768x24 & DISPLAY=:8 python tools/screenshots_adviser.py docs/screenshots
  DISPLAY=:8 QT_SCALE_FACTOR=1.5 python tools/screenshots_adviser.py docs/screenshots --tag groot
  Xvfb :9 -screen 0 1024x600x24 & DISPLAY=:9 python tools/screenshots_adviser.py ... --tag 1024
Without a display it runs offscreen. The window fills the screen, as a maximised one does.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from goedgeregeld.base.paths import database_path  # noqa: E402
from goedgeregeld.ui.core.settings import AppSettings, Role  # noqa: E402
from goedgeregeld.ui.shell.app_setup import configure_application  # noqa: E402
from goedgeregeld.ui.shell.launch import build_app  # noqa: E402

CLIENTS = (
    ("Voedselbank Oost", "Arnhem", "Gelderland", 2),
    ("Sportvereniging De Zwaluwen", "Zwolle", "Overijssel", 3),
    ("Hospice De Linde", "Ede", "Gelderland", 1),
)


def wait_until(app: QApplication, condition, timeout: float = 60.0) -> None:
    """Process events until ``condition()`` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("screen did not get ready in time")
        app.processEvents()
        time.sleep(0.01)


def _client_files(folder: Path) -> list[Path]:
    """Three organisations' evaluation files (72 statements, one with evidence)."""
    from goedgeregeld.exchange.evaluation.file import export_evaluation
    from goedgeregeld.questionnaire.catalog import find_edition
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.evaluations import complete_evaluation, save_answer, start_evaluation
    from goedgeregeld.store.evidence import attach_evidence
    from goedgeregeld.store.organisations import create_organisation

    edition = find_edition("goed-geregeld", "2026.1")
    files = []
    for number, (name, city, province, value) in enumerate(CLIENTS):
        db = open_database(database_path(folder / f"org{number}"))
        try:
            organisation = create_organisation(db, name, city, province, 150, 2)
            evaluation = start_evaluation(db, organisation.id, edition)
            for index, statement_id in enumerate(edition.statements_by_id):
                note = "Staat in het beleidsplan van 2025." if index % 3 == 0 else None
                save_answer(db, evaluation.id, statement_id, value if index % 5 else 3, note)
            if number == 0:
                plan = folder / "Beleidsplan vrijwilligers.pdf"
                plan.write_bytes(b"%PDF-1.4\n%%EOF\n")
                attach_evidence(db, evaluation.id, next(iter(edition.statements_by_id)), plan)
            complete_evaluation(db, evaluation.id)
            files.append(export_evaluation(db, evaluation.id, folder / f"klant{number}.ggeval"))
        finally:
            db.close()
    return files


def _prepare(data: Path, files: list[Path]) -> list[str]:
    """Register, import the files, review the first client halfway and give conditions."""
    from goedgeregeld.exchange.importer import import_files
    from goedgeregeld.exchange.review.file import export_review
    from goedgeregeld.store.advisers import register_adviser
    from goedgeregeld.store.clients import list_clients
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.reviews import decide, set_statement_review

    db = open_database(database_path(data))
    try:
        register_adviser(db, "Anna de Vries", "Gelderland")
        assert all(o.ok for o in import_files(db, files))
        rows = {r.organisation_name: r.evaluation_id for r in list_clients(db)}
        ids = [rows[name] for name, *_rest in CLIENTS]
        today = date.today()
        decide(
            db,
            ids[1],
            "conditions",
            [
                ("Vertrouwenscontactpersoon aanstellen", today + timedelta(days=45)),
                ("Gedragscode laten ondertekenen", today + timedelta(days=120)),
            ],
        )
        export_review(db, ids[1], data.parent / "zwaluwen.ggreview")
        decide(db, ids[2], "conditions", [("VOG voor alle begeleiders", today + timedelta(14))])
        from goedgeregeld.store.evaluations import load_state

        statements = list(load_state(db, ids[0]).edition.statements_by_id)
        for statement_id in statements[:8]:
            set_statement_review(db, ids[0], statement_id, "agree")
        set_statement_review(db, ids[0], statements[1], "lower", 1, "verouderd")
        return ids
    finally:
        db.close()


def main(output: Path, tag: str) -> None:
    """Walk through the adviser's pages and save each one."""
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    output.mkdir(parents=True, exist_ok=True)
    suffix = f"-{tag}" if tag else ""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        data = work / "adviseur"
        settings = AppSettings.in_folder(data)
        settings.welcome_done, settings.role = True, Role.ADVISER
        settings.sync()
        built = build_app(data, settings)
        window, flow, context = built.window, built.flow, built.context
        screen = app.primaryScreen().availableGeometry()
        window.resize(screen.width(), screen.height())
        window.move(screen.topLeft())
        window.show()

        def shoot(name: str, widget=None) -> None:
            for _ in range(10):
                app.processEvents()
                time.sleep(0.02)
            path = output / f"adviseur-{name}{suffix}.png"
            (widget or window).grab().save(str(path))
            print(path)

        wait_until(app, lambda: type(flow.page).__name__ == "RegistrationPage")
        shoot("welkom")
        ids = _prepare(data, _client_files(work))
        flow.show_adviser()
        wait_until(app, lambda: getattr(flow.page, "data", None) is not None)
        clients = flow.page
        wait_until(app, lambda: clients.model.rowCount() == len(CLIENTS))
        shoot("klanten")
        clients.deadlines_button.click()
        wait_until(app, lambda: getattr(clients, "deadlines_dialog", None) is not None)
        shoot("voorwaarden", clients.deadlines_dialog)
        clients.deadlines_dialog.close()
        clients.table.selectRow(
            clients.visible_rows().index(
                next(r for r in clients.visible_rows() if r.evaluation_id == ids[0])
            )
        )
        clients.review_button.click()
        wait_until(app, lambda: type(flow.page).__name__ == "ReviewPage" and flow.page.rows)
        review = flow.page
        review.rows[2].setFocus()
        review.mark_current(review.rows[2].statement_id)
        shoot("beoordelen")
        shown_theme = review.theme_index
        review.step_theme(1)
        wait_until(app, lambda: review.theme_index == shown_theme + 1)
        shoot("beoordelen-thema")
        built.actions_by_name["review_keys"].trigger()
        boxes = [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if boxes:
            shoot("toetsen", boxes[0])
            boxes[0].close()
        review.decision_button.click()
        wait_until(app, lambda: getattr(flow.page, "readiness", None) is not None)
        decision = flow.page
        decision.radios["ready"].click()
        shoot("besluit")
        decision.reason_edit.setPlainText("Alles gezien bij het bezoek op 28 november.")
        decision.save_button.click()
        wait_until(app, lambda: type(flow.page).__name__ == "ReviewPage")
        if not tag:
            from goedgeregeld.report.advice import write_advice_report
            from goedgeregeld.store.db.engine import open_database

            pdf = work / "adviesrapport.pdf"
            db = open_database(database_path(data))
            try:
                write_advice_report(db, ids[0], pdf, invariant=True)
            finally:
                db.close()
            prefix = work / "pagina"
            subprocess.run(
                ["pdftoppm", "-png", "-r", "60", "-f", "3", "-l", "3", str(pdf), str(prefix)],
                check=True,
            )
            page = sorted(work.glob("pagina*.png"))[0]
            target = output / "adviseur-rapport-beoordeling.png"
            target.write_bytes(page.read_bytes())
            print(target)
        window.close()
        context.close()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    chosen_tag = sys.argv[sys.argv.index("--tag") + 1] if "--tag" in sys.argv else ""
    if chosen_tag in arguments:
        arguments.remove(chosen_tag)
    main(Path(arguments[0] if arguments else "docs/screenshots"), chosen_tag)
