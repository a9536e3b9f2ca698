"""NOV mode in the app: import a folder with progress, dashboard per year, CSV and PDF exports."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from benchmarks.synthetic_nov import write_pile
from goedgeregeld.ui.core.settings import AppSettings, Role
from goedgeregeld.ui.nov.models import ProvinceTableModel


def _start_in_nov_mode(start_app, data_dir: Path, qtbot):
    """The app with NOV chosen as the role before, on its NOV page."""
    settings = AppSettings.in_folder(data_dir)
    settings.welcome_done = True
    settings.role = Role.NOV
    settings.sync()
    app = start_app(first_run=True)
    qtbot.waitUntil(lambda: type(app.flow.page).__name__ == "NovPage", timeout=15_000)
    return app


def test_nov_page_imports_a_folder_and_shows_the_year(
    start_app, data_dir: Path, tmp_path: Path, qtbot
) -> None:
    pile = write_pile(
        tmp_path / "pile", organisations=120, advisers=8, clients_per_adviser=5, seed=3
    )
    (tmp_path / "pile" / "kapot.json").write_text("{")
    app = _start_in_nov_mode(start_app, data_dir, qtbot)
    page = app.flow.page
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=15_000)
    assert not page.csv_button.isEnabled()
    assert "Nog geen cijfers" in page.headline.text()

    with qtbot.waitSignal(page.import_finished, timeout=30_000):
        page.import_folder(tmp_path / "pile")
    assert not page.progress.isVisible()
    assert page.progress.maximum() == len(pile.files) + 1
    assert "1 geweigerd" in page.status.text()
    assert page.rejected_model.stringList()[0].startswith("kapot.json: ")
    latest = max(int(y) for y in pile.expected["organisations"]["by_year"])
    expected = pile.expected["organisations"]["by_year"][str(latest)]
    assert (
        page.headline.text().splitlines()[0]
        == f"In {latest} maakten {expected} organisaties een account aan."
    )

    # Choose another year: the headline follows.
    index = page.year_box.findData(2018)
    page.year_box.setCurrentIndex(index)
    with qtbot.waitSignal(page.dashboard_shown, timeout=15_000):
        page.year_box.activated.emit(index)
    count_2018 = pile.expected["organisations"]["by_year"]["2018"]
    assert page.headline.text().startswith(f"In 2018 maakten {count_2018} ")
    # NOV's own dashboard is exact, small counts too (issue 18).
    cells = [
        page.province_model.index(row, 1).data() for row in range(page.province_model.rowCount())
    ]
    assert all(c.isdigit() for c in cells)
    assert any(0 < int(c) < 5 for c in cells)
    sizes = {
        page.size_model.index(row, 0).data(): int(page.size_model.index(row, 2).data())
        for row in range(page.size_model.rowCount())
    }
    assert sum(sizes.values()) == pile.expected["organisations"]["total"]
    assert page.size_model.headerData(1, Qt.Orientation.Horizontal) == "In 2018"
    variants = [page.variant_model.index(r, 2).data() for r in range(2)]
    assert sum(map(int, variants)) == pile.expected["evaluations_completed"]["total"]

    page.grab().save(str(Path("/tmp/nov-page.png")))
    app.dialogs.save_path = tmp_path / "cijfers.csv"
    page.choose_export("csv")
    app.dialogs.save_path = tmp_path / "jaaroverzicht.pdf"
    page.choose_export("pdf")
    page.wait()
    # Both exports run at once; each shows its own line, whichever finishes first.
    qtbot.waitUntil(
        lambda: (
            "jaaroverzicht.pdf" in page.saved_label.text()
            and "cijfers.csv" in page.saved_label.text()
        ),
        timeout=15_000,
    )
    assert "1 geweigerd" in page.status.text()
    csv_text = (tmp_path / "cijfers.csv").read_text(encoding="utf-8-sig")
    assert csv_text.startswith("soort;jaar;provincie;uitsplitsing;aantal")
    reader = PdfReader(tmp_path / "jaaroverzicht.pdf")
    assert len(reader.pages) == 1
    assert "Jaaroverzicht 2018" in reader.pages[0].extract_text()
    app.dialogs.save_path = tmp_path / "publicatie.csv"
    page.choose_export("publication")
    page.wait()
    qtbot.waitUntil(lambda: "publicatie.csv" in page.saved_label.text(), timeout=15_000)
    assert "niet gepubliceerd" in (tmp_path / "publicatie.csv").read_text(encoding="utf-8-sig")

    # A new import starts a new account of what was saved: the old lines go.
    with qtbot.waitSignal(page.import_finished, timeout=30_000):
        page.import_folder(tmp_path / "pile")
    assert page.saved_label.isHidden() and page.saved_label.text() == ""


def test_province_table_model_passes_the_model_tester(qtmodeltester) -> None:
    model = ProvinceTableModel()
    model.set_year_rows([("Utrecht", [3, 0]), ("Zeeland", [12, 1])], 2024)
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Nieuwe organisaties 2024"
    assert model.index(0, 1).data() == "3"


def test_menu_makes_the_sync_file_without_names(start_app, tmp_path: Path, qtbot) -> None:
    app = start_app(first_run=False)
    from goedgeregeld.store.organisations import create_organisation

    app.context.operations.write(
        (), lambda db: create_organisation(db, "Club Kanarie", "Amersfoort", "Utrecht")
    )
    app.context.operations.wait()
    app.dialogs.save_path = tmp_path / "statistiek.json"
    actions = {a.text().replace("&", ""): a for a in app.window.findChildren(QAction)}
    actions["Statistiekbestand maken…"].trigger()
    qtbot.waitUntil(
        lambda: any("gemaakt" in title for title, _ in app.dialogs.shown), timeout=15_000
    )
    raw = (tmp_path / "statistiek.json").read_text(encoding="utf-8")
    # The suggested name says which installation sent it: NOV gets many on one day.
    [suggested] = [
        path for title, path in app.dialogs.shown if title == "Statistiekbestand opslaan"
    ]
    installation = json.loads(json.loads(raw)["payload"])["installation_id"]
    assert installation.replace("-", "")[:8] in Path(suggested).name
    assert Path(suggested).name.startswith("goedgeregeld-statistiek-")
    # A signed (version 2) file carries the version 1 document as its payload text.
    assert '"province":"Utrecht"' in json.loads(raw)["payload"]
    assert "Kanarie" not in raw and "Amersfoort" not in raw


def test_in_nov_mode_the_menu_has_no_organisation_items_and_start_leads_home(
    start_app, data_dir: Path, qtbot
) -> None:
    # Found by trying NOV mode: Bestand offered "Nieuwe organisatie…" and "Delen met
    # adviseur…", and "Startscherm" opened an organisation profile that "Terug" could not leave.
    app = _start_in_nov_mode(start_app, data_dir, qtbot)
    actions = app.actions_by_name
    hidden = ("new_organisation", "sample", "share_evaluation", "import_review", "sync_export")
    assert not any(actions[name].isVisible() for name in hidden)
    assert all(actions[name].isVisible() for name in ("home", "backup", "restore", "quit"))
    app.flow.show_role()
    actions["home"].trigger()
    qtbot.waitUntil(lambda: type(app.flow.page).__name__ == "NovPage", timeout=15_000)
