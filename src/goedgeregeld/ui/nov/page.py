"""The NOV page: read a folder of statistics files with a progress bar, then the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QProgressBar,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.dialogs import file_dialog
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.services import BackgroundTasks, Dialogs
from goedgeregeld.ui.nov import work
from goedgeregeld.ui.nov.models import CountTableModel, ProvinceTableModel
from goedgeregeld.ui.nov.quarantine import QuarantinePanel
from goedgeregeld.ui.widgets.common import button, text_label, title_label
from goedgeregeld.ui.widgets.svg_chart import SvgChart

if TYPE_CHECKING:
    from goedgeregeld.nov.dashboard import Dashboard


class NovPage(QWidget):
    """Import, headline figures per year, charts, the masked province table and exports."""

    change_role_requested = Signal()
    assess_requested = Signal()
    dashboard_shown = Signal()
    import_finished = Signal()

    def __init__(
        self,
        tasks: BackgroundTasks,
        dialogs: Dialogs,
        data_dir: Path,
        report_error: Callable[[Exception], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.dialogs, self.data_dir, self.report_error = dialogs, data_dir, report_error
        self.dashboard: Dashboard | None = None
        self._request = 0
        # The NOV store is its own database, so its work runs with the app's long tasks (which
        # the app waits for on closing); controls that touch the store are off during an import.
        self.tasks = tasks
        self.setAccessibleName(tr("Landelijk overzicht"))

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(40, 28, 40, 28)
        layout.setSpacing(12)

        # The way to another role sits beside the title, out of the row of NOV's own work
        # (four buttons in one row were wider than the window at 150% on a laptop screen).
        heading = QHBoxLayout()
        heading.addWidget(title_label(tr("Landelijk overzicht"), body))
        heading.addStretch(1)
        self.role_button = button(tr("Andere rol kiezen"), body)
        heading.addWidget(self.role_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(heading)
        layout.addWidget(
            text_label(
                tr(
                    "Lees de statistiekbestanden in die organisaties en adviseurs u sturen. "
                    "Hetzelfde bestand twee keer, of een oud en een nieuw bestand van dezelfde "
                    "computer, telt maar één keer mee."
                ),
                body,
                muted=True,
            )
        )
        row = QHBoxLayout()
        self.import_button = button(tr("Map met statistiekbestanden inlezen…"), body, primary=True)
        self.csv_button = button(tr("CSV opslaan…"), body)
        self.csv_button.setToolTip(tr("Alle aantallen precies, voor NOV zelf."))
        self.assess_button = button(tr("Eindbeoordeling en keurmerken"), body)
        for widget in (self.import_button, self.csv_button, self.assess_button):
            row.addWidget(widget)
        row.addStretch(1)
        layout.addLayout(row)
        # What NOV publishes gets its own row: those files hide small counts, the rest not.
        publish_row = QHBoxLayout()
        publish_row.addWidget(QLabel(tr("Om te publiceren:"), body))
        self.pdf_button = button(tr("Jaaroverzicht (PDF) opslaan…"), body)
        self.publication_button = button(tr("Publicatie-CSV opslaan…"), body)
        self.publication_button.setToolTip(
            tr("Kleine aantallen weggelaten, en wat ze uit de totalen zou verraden.")
        )
        publish_row.addWidget(self.pdf_button)
        publish_row.addWidget(self.publication_button)
        publish_row.addStretch(1)
        layout.addLayout(publish_row)

        self.progress = QProgressBar(body)
        self.progress.setAccessibleName(tr("Voortgang inlezen"))
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = text_label("", body)
        layout.addWidget(self.status)
        # Saved files get their own lines, so the import's summary stays readable above
        # them, and two exports running side by side both show, whichever ends first.
        self.saved_label = text_label("", body, muted=True)
        self.saved_label.hide()
        layout.addWidget(self.saved_label)
        self.saved: list[str] = []
        self.rejected_model = QStringListModel(self)
        self.rejected_view = QListView(body)
        self.rejected_view.setModel(self.rejected_model)
        self.rejected_view.setAccessibleName(tr("Geweigerde bestanden"))
        self.rejected_view.setMaximumHeight(110)
        self.rejected_view.setVisible(False)
        layout.addWidget(self.rejected_view)
        self.quarantine = QuarantinePanel(self.decide_held, body)
        layout.addWidget(self.quarantine)

        year_row = QHBoxLayout()
        year_label = QLabel(tr("Jaar:"), body)
        self.year_box = QComboBox(body)
        self.year_box.setAccessibleName(tr("Jaar"))
        year_label.setBuddy(self.year_box)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year_box)
        year_row.addStretch(1)
        layout.addLayout(year_row)

        self.headline = QLabel("", body)
        self.headline.setObjectName("sectionTitle")
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(tr("Kerncijfers"))
        layout.addWidget(self.headline)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.addWidget(title_label(tr("Per jaar"), body, section=True), 0, 0)
        grid.addWidget(title_label(tr("Organisaties per provincie"), body, section=True), 0, 1)
        self.years_chart = SvgChart(body)
        self.provinces_chart = SvgChart(body)
        for column, chart in enumerate((self.years_chart, self.provinces_chart)):
            chart.setMinimumSize(360, 150)
            grid.addWidget(chart, 1, column)
        layout.addLayout(grid)

        layout.addWidget(title_label(tr("Per provincie"), body, section=True))
        self.province_model = ProvinceTableModel(self)
        self.province_table = _count_table(self.province_model, tr("Tabel per provincie"), body)
        layout.addWidget(self.province_table)
        details = QGridLayout()
        details.setHorizontalSpacing(16)
        details.addWidget(title_label(tr("Organisaties naar grootte"), body, section=True), 0, 0)
        details.addWidget(
            title_label(tr("Afgeronde zelfevaluaties naar versie"), body, section=True), 0, 1
        )
        self.size_model = CountTableModel([tr("Grootte")], self)
        self.variant_model = CountTableModel([tr("Versie")], self)
        self.size_table = _count_table(self.size_model, tr("Tabel naar grootte"), body)
        self.variant_table = _count_table(self.variant_model, tr("Tabel naar versie"), body)
        details.addWidget(self.size_table, 1, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.variant_table, 1, 1, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(details)
        layout.addWidget(
            text_label(
                tr(
                    "Dit zijn de precieze aantallen, alleen voor NOV. In het jaaroverzicht en de "
                    "publicatie-CSV zijn aantallen van 1 tot en met 4 weggelaten, en zoveel "
                    "andere dat ze niet uit de totalen terug te rekenen zijn."
                ),
                body,
                muted=True,
            )
        )
        layout.addStretch(1)

        self.import_button.clicked.connect(self.choose_folder)
        self.csv_button.clicked.connect(lambda: self.choose_export("csv"))
        self.pdf_button.clicked.connect(lambda: self.choose_export("pdf"))
        self.publication_button.clicked.connect(lambda: self.choose_export("publication"))
        self.role_button.clicked.connect(self.change_role_requested)
        self.assess_button.clicked.connect(self.assess_requested)
        self.year_box.activated.connect(self._year_chosen)
        self._set_exports_enabled(False)
        self.setFocusProxy(self.import_button)

    # -- loading ---------------------------------------------------------------------------
    def _next_request(self) -> int:
        # Loads and imports run on a pool: a slow older result must never overwrite a
        # newer one (two quick year choices, or the first load landing after an import).
        self._request += 1
        return self._request

    def _is_latest(self, request: int) -> bool:
        return request == self._request

    def load(self) -> None:
        """Show what is merged so far (in the background)."""
        data_dir = self.data_dir
        year = self._chosen_year()
        request = self._next_request()
        self.tasks.run(
            lambda: work.load_dashboard(data_dir, year),
            lambda dashboard: self._show_dashboard(dashboard) if self._is_latest(request) else None,
        )

    def choose_folder(self) -> None:
        dialog = file_dialog(self, tr("Map met statistiekbestanden kiezen"), Path.home())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda name: self.import_folder(Path(name)) if name else None)
        dialog.open()

    def import_folder(self, folder: Path) -> None:
        """Read every statistics file under ``folder``; the window stays usable meanwhile."""
        data_dir, year = self.data_dir, self._chosen_year()
        self._set_busy(True)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.status.setText(tr("Bezig met inlezen van {folder}…").format(folder=folder))
        # The lines about files saved before belong to the figures before this import.
        self.saved.clear()
        self.saved_label.clear()
        self.saved_label.hide()
        request = self._next_request()
        self.tasks.run(
            lambda progress: work.import_folder(data_dir, folder, year, progress),
            lambda outcome: self._imported(outcome, request),
            self._import_failed,
            self._progressed,
        )

    def decide_held(self, number: int, accept: bool) -> None:
        """Let a file in quarantine count after all, or reject it (in the background)."""
        data_dir, year = self.data_dir, self._chosen_year()
        request = self._next_request()
        self.tasks.run(
            lambda: work.decide_held(data_dir, number, accept, year),
            lambda dashboard: self._decided(dashboard, number, accept, request),
            self._decision_failed,
        )

    def _decided(self, dashboard: Dashboard, number: int, accept: bool, request: int) -> None:
        said = tr("Bestand {n} telt nu mee.") if accept else tr("Bestand {n} is afgewezen.")
        self.status.setText(said.format(n=number))
        if self._is_latest(request):
            self._show_dashboard(dashboard)

    def _decision_failed(self, exc: Exception) -> None:
        self.load()
        self.report_error(exc)

    def _progressed(self, done: int, total: int, _text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        self.year_box.setEnabled(not busy)
        self._set_exports_enabled(not busy and bool(self.dashboard and self.dashboard.years))

    def _imported(self, outcome: work.ImportOutcome, request: int) -> None:
        self.progress.setVisible(False)
        self._set_busy(False)
        self.status.setText(outcome.summary)
        self.rejected_model.setStringList(
            [f"{Path(path).name}: {reason}" for path, reason in outcome.rejected]
        )
        self.rejected_view.setVisible(bool(outcome.rejected))
        if self._is_latest(request):
            self._show_dashboard(outcome.dashboard)
        self.import_finished.emit()

    def _import_failed(self, exc: Exception) -> None:
        self.progress.setVisible(False)
        self._set_busy(False)
        self.status.setText(tr("Inlezen is niet gelukt."))
        self.report_error(exc)

    # -- dashboard ---------------------------------------------------------------------------
    def _chosen_year(self) -> int | None:
        data = self.year_box.currentData()
        return int(data) if data is not None else None

    def _year_chosen(self, _index: int) -> None:
        self.load()

    def _show_dashboard(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in reversed(dashboard.years):
            self.year_box.addItem(str(year), year)
        if dashboard.year is not None:
            self.year_box.setCurrentIndex(self.year_box.findData(dashboard.year))
        self.year_box.blockSignals(False)
        if dashboard.headlines:
            self.headline.setText("\n".join(dashboard.headlines))
        else:
            self.headline.setText(
                tr("Nog geen cijfers. Lees eerst een map met statistiekbestanden in.")
            )
        self.years_chart.load(dashboard.years_svg)
        self.provinces_chart.load(dashboard.provinces_svg)
        self.province_model.set_year_rows(dashboard.provinces, dashboard.year)
        in_year = str(dashboard.year) if dashboard.year is not None else tr("dit jaar")
        for model, rows, first in (
            (self.size_model, dashboard.sizes, tr("Grootte")),
            (self.variant_model, dashboard.variants, tr("Versie")),
        ):
            model.set_rows(
                [(label, [year_count, total]) for label, year_count, total in rows],
                [first, tr("In {year}").format(year=in_year), tr("Alle jaren")],
            )
        for table in (self.province_table, self.size_table, self.variant_table):
            _fit_rows(table)
        self.quarantine.set_records(dashboard.held)
        self._set_exports_enabled(bool(dashboard.years))
        self.dashboard_shown.emit()

    def _set_exports_enabled(self, enabled: bool) -> None:
        for widget in (self.csv_button, self.pdf_button, self.publication_button):
            widget.setEnabled(enabled)

    # -- exports -------------------------------------------------------------------------------
    def choose_export(self, kind: str) -> None:
        year = self._chosen_year()
        if kind == "csv":
            suggested = Path.home() / "goed-geregeld-cijfers.csv"
            title, name_filter = tr("CSV opslaan"), tr("CSV-bestand (*.csv)")
        elif kind == "publication":
            suggested = Path.home() / "goed-geregeld-cijfers-publicatie.csv"
            title, name_filter = tr("Publicatie-CSV opslaan"), tr("CSV-bestand (*.csv)")
        else:
            suggested = Path.home() / f"jaaroverzicht-{year or ''}.pdf"
            title, name_filter = tr("Jaaroverzicht opslaan"), tr("PDF-bestand (*.pdf)")
        self.dialogs.choose_save_path(
            title, suggested, name_filter, lambda path: self.export_to(kind, path)
        )

    def export_to(self, kind: str, path: Path) -> None:
        """Write the CSV or the PDF in the background, then say where it is."""
        data_dir, year = self.data_dir, self._chosen_year()
        self.tasks.run(lambda: work.export_file(data_dir, kind, year, path), self._saved)

    def _saved(self, path: object) -> None:
        self.saved.append(tr("Opgeslagen: {path}").format(path=path))
        self.saved_label.setText("\n".join(self.saved[-3:]))
        self.saved_label.show()

    def wait(self) -> None:
        """Finish queued work (closing the window, tests)."""
        self.tasks.wait()


def _count_table(model: CountTableModel, name: str, parent: QWidget) -> QTableView:
    """A table that shows all its rows (the page scrolls), the counts sharing the width."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    # The labels ("klein (minder dan 25 vrijwilligers)") keep one line; the counts share the rest.
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def _fit_rows(table: QTableView) -> None:
    """All rows at once: a table scrolling inside the scrolling page would hide rows."""
    table.resizeRowsToContents()
    table.setFixedHeight(
        table.horizontalHeader().height() + table.verticalHeader().length() + 2 * table.frameWidth()
    )
