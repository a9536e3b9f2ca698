"""NOV mode: a file with implausible counts shows in quarantine; NOV accepts or rejects it."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

from goedgeregeld.ui.core.settings import AppSettings, Role

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "nov"))
from nov_helpers import document, org, write  # noqa: E402


def _start_in_nov_mode(start_app, data_dir: Path, qtbot):
    settings = AppSettings.in_folder(data_dir)
    settings.welcome_done = True
    settings.role = Role.NOV
    settings.sync()
    app = start_app(first_run=True)
    qtbot.waitUntil(lambda: type(app.flow.page).__name__ == "NovPage", timeout=15_000)
    return app


def test_held_file_shows_with_its_reason_and_counts_only_once_accepted(
    start_app, data_dir: Path, tmp_path: Path, qtbot
) -> None:
    folder = tmp_path / "in"
    write(folder / "gewoon.json", document(str(uuid.uuid4()), 1, organisations=[org(2024)]))
    many = [org(2024, "Zeeland") for _ in range(40)]
    write(folder / "vreemd.json", document(str(uuid.uuid4()), 1, organisations=many))
    write(folder / "ook-vreemd.json", document(str(uuid.uuid4()), 1, organisations=many[:20]))
    app = _start_in_nov_mode(start_app, data_dir, qtbot)
    page = app.flow.page
    qtbot.waitUntil(lambda: page.dashboard is not None, timeout=15_000)
    assert not page.quarantine.isVisible()
    with qtbot.waitSignal(page.import_finished, timeout=30_000):
        page.import_folder(folder)
    assert "2 in quarantaine" in page.status.text()
    panel = page.quarantine
    model = panel.model
    assert panel.isVisible() and model.rowCount() == 2
    assert panel.title.text() == "In quarantaine (2)"
    reasons = {_cell(model, r, 1): _cell(model, r, 3) for r in range(2)}
    assert reasons["vreemd.json"].startswith("niet aannemelijk: 40 organisaties in één bestand")
    assert page.dashboard.totals["organisations"] == 1
    # Reject one: the other stays; accept that one: it counts, and nothing waits any more.
    numbers = {_cell(model, r, 1): r for r in range(2)}
    panel.table.selectRow(numbers["ook-vreemd.json"])
    with qtbot.waitSignal(page.dashboard_shown, timeout=15_000):
        panel.reject_button.click()
    assert model.rowCount() == 1 and _cell(model, 0, 1) == "vreemd.json"
    with qtbot.waitSignal(page.dashboard_shown, timeout=15_000):
        panel.accept_button.click()
    assert not panel.isVisible()
    assert page.dashboard.totals["organisations"] == 41
    assert page.status.text().endswith("telt nu mee.")


def _cell(model, row: int, column: int) -> str:
    return model.index(row, column).data()


def test_many_held_files_keep_the_page_short_and_each_can_be_decided(qtbot) -> None:
    """A flood of implausible files: the table scrolls, the last one is still NOV's to decide."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    from goedgeregeld.nov.store.quarantine import QuarantineRecord
    from goedgeregeld.ui.nov.quarantine import VISIBLE_ROWS, QuarantinePanel

    decided: list[tuple[int, bool]] = []
    page = QWidget()  # never shown: the panel is laid out as on the NOV page, off screen
    qtbot.addWidget(page)
    panel = QuarantinePanel(lambda number, accept: decided.append((number, accept)), page)
    records = [
        QuarantineRecord(
            n,
            "inst",
            1,
            f"/in/{n:05d}.json",
            "niet aannemelijk",
            "2026-12-01 10:00:00",
            "held",
            None,
        )
        for n in range(1, 3001)
    ]
    panel.set_records(records)
    assert panel.title.text() == "In quarantaine (3000)"
    assert panel.model.rowCount() == 3000
    row = panel.table.verticalHeader().defaultSectionSize()
    assert (
        panel.table.height() <= panel.table.horizontalHeader().height() + (VISIBLE_ROWS + 1) * row
    )
    panel.table.selectRow(2999)
    assert panel.model.index(2999, 1).data() == "03000.json"
    panel.reject_button.click()
    assert decided == [(3000, False)]
    assert panel.model.index(2999, 1).data(Qt.ItemDataRole.ToolTipRole) == "/in/03000.json"
