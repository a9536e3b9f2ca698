"""The assessor's screen at NOV: read the adviser's package, look side by side, grant or refuse.

Two tabs: the evaluations waiting for (or past) the final assessment, and NOV's register of
keurmerk certificates with its CSV. Every read and write runs in the background
(``assess_work``); the page only shows plain records.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.services import BackgroundTasks, Dialogs
from goedgeregeld.ui.nov import assess_work as work
from goedgeregeld.ui.nov.assess_models import (
    AssessmentsModel,
    EvidenceModel,
    RegisterModel,
    SideBySideModel,
)
from goedgeregeld.ui.widgets.common import button, row_table, text_label, title_label

if TYPE_CHECKING:
    from goedgeregeld.nov.assess.view import AssessmentView
    from goedgeregeld.nov.store.assessments import IssuedMark


class AssessPage(QWidget):
    """The final assessment: list, side-by-side detail, the decision, and the register."""

    back_requested = Signal()
    data_shown = Signal()
    view_shown = Signal()

    def __init__(
        self,
        tasks: BackgroundTasks,
        dialogs: Dialogs,
        data_dir: Path,
        report_error: Callable[[Exception], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._data_request = 0
        self.tasks, self.dialogs, self.data_dir, self.report_error = (
            tasks, dialogs, data_dir, report_error,
        )  # fmt: skip
        self.view: AssessmentView | None = None
        self.register_rows: list[object] = []
        self.setAccessibleName(tr("Eindbeoordeling"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(title_label(tr("Eindbeoordeling en keurmerkregister"), self), 1)
        self.import_button = button(tr("Pakket van adviseur inlezen…"), self, primary=True)
        self.back_button = button(tr("Terug naar landelijk overzicht"), self)
        top.addWidget(self.import_button)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        self.status = text_label(
            tr(
                "Lees de beoordeling van de adviseur samen met het evaluatiebestand in. Alleen "
                "een beoordeling van een erkend adviseur die 'klaar voor keurmerk' zegt, komt hier."
            ),
            self,
            muted=True,
        )
        layout.addWidget(self.status)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._assessment_tab(), tr("Ter beoordeling"))
        self.tabs.addTab(self._register_tab(), tr("Register van keurmerken"))
        self.import_button.clicked.connect(self.choose_package)
        self.back_button.clicked.connect(self.back_requested)
        self.setFocusProxy(self.import_button)

    # -- layout ------------------------------------------------------------------------------
    def _assessment_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        self.assessments = AssessmentsModel(self)
        self.list_view = row_table(self.assessments, tr("Zelfevaluaties ter beoordeling"), tab)
        columns = self.list_view.horizontalHeader()
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list_view.selectionModel().selectionChanged.connect(self._chosen)
        splitter.addWidget(self.list_view)
        detail = QWidget(splitter)
        column = QVBoxLayout(detail)
        column.setContentsMargins(8, 0, 0, 0)
        self.header = text_label(tr("Kies links een zelfevaluatie."), detail)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.header)
        self.blocking = text_label("", detail)
        self.blocking.setObjectName("reminder")
        self.blocking.hide()
        column.addWidget(self.blocking)
        self.statements = SideBySideModel(self)
        self.statement_view = row_table(self.statements, tr("Stellingen naast elkaar"), detail)
        header = self.statement_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.statement_view.setWordWrap(False)
        column.addWidget(self.statement_view, 3)
        column.addWidget(title_label(tr("Bewijsstukken"), detail, section=True))
        self.evidence = EvidenceModel(self)
        self.evidence_view = row_table(self.evidence, tr("Bewijsstukken"), detail)
        self.evidence_view.horizontalHeader().setStretchLastSection(True)
        self.evidence_view.setMaximumHeight(110)
        column.addWidget(self.evidence_view, 1)
        self.no_evidence = text_label(
            tr("Geen bewijsstukken bij deze zelfevaluatie."), detail, muted=True
        )
        column.addWidget(self.no_evidence)
        self.reason = QPlainTextEdit(detail)
        self.reason.setAccessibleName(tr("Reden (verplicht bij niet toekennen)"))
        self.reason.setPlaceholderText(tr("Reden, verplicht als u het keurmerk niet toekent"))
        self.reason.setMaximumHeight(60)
        column.addWidget(self.reason)
        actions = QHBoxLayout()
        self.grant_button = button(tr("Keurmerk toekennen…"), detail, primary=True)
        self.refuse_button = button(tr("Niet toekennen"), detail)
        actions.addWidget(self.grant_button)
        actions.addWidget(self.refuse_button)
        actions.addStretch(1)
        column.addLayout(actions)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([380, 900])
        layout.addWidget(splitter)
        self.grant_button.clicked.connect(self.choose_certificate_path)
        self.refuse_button.clicked.connect(self.refuse)
        self._set_decidable(False)
        return tab

    def _register_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.register_filter = QComboBox(tab)
        self.register_filter.setAccessibleName(tr("Welke keurmerken"))
        for label, state in (
            (tr("Alle keurmerken"), None),
            (tr("Geldig"), "valid"),
            (tr("Verloopt binnen een jaar"), "expiring"),
            (tr("Verlopen"), "expired"),
            (tr("Ingetrokken"), "withdrawn"),
        ):
            self.register_filter.addItem(label, state)
        self.register_count = text_label("", tab, muted=True)
        self.csv_button = button(tr("CSV opslaan…"), tab)
        row.addWidget(self.register_filter)
        row.addWidget(self.register_count, 1)
        row.addWidget(self.csv_button)
        layout.addLayout(row)
        self.register = RegisterModel(self)
        self.register_view = row_table(self.register, tr("Register van keurmerken"), tab)
        register_columns = self.register_view.horizontalHeader()
        register_columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        register_columns.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.register_view)
        self.register_filter.currentIndexChanged.connect(self._filter_register)
        self.csv_button.clicked.connect(self.choose_csv_path)
        return tab

    # -- loading -----------------------------------------------------------------------------
    def load(self) -> None:
        """Read the assessments and the register (in the background)."""
        token = self._new_data_request()
        self.tasks.run(
            lambda: work.load(self.data_dir),
            lambda data: self._show_data(data) if token == self._data_request else None,
            self.report_error,
        )

    def _new_data_request(self) -> int:
        """Number a read of the list: a slower, older read never replaces a newer one."""
        self._data_request += 1
        return self._data_request

    def _show_data(self, data: work.AssessorData) -> None:
        chosen = self.view.record.package.evaluation_id if self.view else None
        self.assessments.set_rows(data.assessments)
        self.register_rows = list(data.register)
        self._filter_register()
        ids = [r.package.evaluation_id for r in data.assessments]
        if chosen in ids:
            self.list_view.selectRow(ids.index(chosen))
        elif ids:
            self.list_view.selectRow(0)
        self.data_shown.emit()

    def _filter_register(self, _index: int = 0) -> None:
        state = self.register_filter.currentData()
        rows = [r for r in self.register_rows if state is None or r.state == state]  # type: ignore[attr-defined]
        self.register.set_rows(rows)
        self.register_count.setText(
            tr("{n} van {total}").format(n=len(rows), total=len(self.register_rows))
        )
        self.csv_button.setEnabled(bool(self.register_rows))

    def _chosen(self, *_args: object) -> None:
        rows = self.list_view.selectionModel().selectedRows()
        if not rows:
            return
        evaluation_id = self.assessments.row_at(rows[0].row()).package.evaluation_id
        self.tasks.run(
            lambda: work.load_view(self.data_dir, evaluation_id), self._show_view, self.report_error
        )

    def _show_view(self, view: AssessmentView) -> None:
        from goedgeregeld.words import decision_label, format_percentage
        from goedgeregeld.words.keurmerk import ASSESSMENT_STATUS_LABELS

        self.view = view
        record, package = view.record, view.record.package
        lines = [
            f"<b>{_escape(package.organisation_name)}</b> ({_escape(package.province or '')})",
            tr("Adviseur: {name} (erkend, sleutel {key})").format(
                name=_escape(package.adviser_name), key=package.adviser_fingerprint
            ),
            tr(
                "Beslissing adviseur: {d}. Totaalscore {own}; na de oordelen van de adviseur {after}."
            ).format(
                d=decision_label(view.review.decision),
                own=format_percentage(view.self_score.total),
                after=format_percentage(view.reviewed_score.total),
            ),
            tr("Uitkomst: {s}").format(s=ASSESSMENT_STATUS_LABELS[record.status])
            + (f" — {_escape(record.reason)}" if record.reason else "")
            + (f" ({record.certificate_number})" if record.certificate_number else ""),
        ]
        self.header.setText("<br/>".join(lines))
        self.blocking.setText("\n".join(f"• {b}" for b in view.blocking))
        self.blocking.setVisible(bool(view.blocking) and record.status != "granted")
        self.statements.set_rows(view.statements)
        self.evidence.set_rows(view.evidence)
        self.evidence_view.setVisible(bool(view.evidence))
        self.no_evidence.setVisible(not view.evidence)
        self._set_decidable(record.status != "granted", can_grant=not view.blocking)
        self.view_shown.emit()

    def _set_decidable(self, open_: bool, *, can_grant: bool = False) -> None:
        self.grant_button.setEnabled(open_ and can_grant)
        self.refuse_button.setEnabled(open_)
        self.reason.setEnabled(open_)

    # -- actions -----------------------------------------------------------------------------
    def choose_package(self) -> None:
        self.dialogs.choose_open_paths(
            tr("Beoordeling en evaluatiebestand kiezen"),
            tr("Goed Geregeld-bestanden (*.ggreview *.ggeval);;Alle bestanden (*)"),
            self.import_files,
        )

    def import_files(self, paths: list[Path]) -> None:
        """Read the adviser's files in the background and say what each did."""
        self.import_button.setEnabled(False)
        self.status.setText(tr("Bezig met inlezen…"))
        token = self._new_data_request()
        self.tasks.run(
            lambda: work.import_package(self.data_dir, paths),
            lambda result: self._imported(result, token),
            self._failed,
        )

    def _imported(self, result: tuple[list[object], work.AssessorData], token: int) -> None:
        outcomes, data = result
        self.import_button.setEnabled(True)
        self.status.setText("\n".join(o.message for o in outcomes))  # type: ignore[attr-defined]
        if token == self._data_request:
            self._show_data(data)

    def _failed(self, exc: Exception) -> None:
        self.import_button.setEnabled(True)
        self.report_error(exc)

    def choose_certificate_path(self) -> None:
        if self.view is None:
            return
        evaluation_id = self.view.record.package.evaluation_id
        suggested = Path.home() / f"keurmerk-{evaluation_id[:8]}.ggkeurmerk"
        self.dialogs.choose_save_path(
            tr("Keurmerkcertificaat opslaan"),
            suggested,
            tr("Keurmerkcertificaat (*.ggkeurmerk)"),
            lambda path: self.grant(evaluation_id, path),
        )

    def grant(self, evaluation_id: str, target: Path) -> None:
        """Grant the mark: the certificate file, its PDF beside it, the register entry."""
        self._set_decidable(False)
        self._new_data_request()  # a read still on its way is older than what this returns
        self.tasks.run(
            lambda: work.grant_to(self.data_dir, evaluation_id, target), self._granted, self._failed
        )

    def _granted(self, result: tuple[IssuedMark, Path, work.AssessorData]) -> None:
        from goedgeregeld.words import dutch_date

        mark, pdf, data = result
        self.status.setText(
            tr("Keurmerk {n} toegekend, geldig tot en met {d}. Certificaat en PDF: {pdf}").format(
                n=mark.number,
                d=dutch_date(mark.valid_until),
                pdf=pdf,
            )
        )
        self._show_data(data)

    def refuse(self) -> None:
        if self.view is None:
            return
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.dialogs.error(tr("Geef een reden op waarom u het keurmerk niet toekent."))
            self.reason.setFocus()
            return
        evaluation_id = self.view.record.package.evaluation_id
        self._new_data_request()
        self.tasks.run(
            lambda: work.refuse_with(self.data_dir, evaluation_id, reason),
            self._refused,
            self._failed,
        )

    def _refused(self, data: work.AssessorData) -> None:
        self.reason.clear()
        self.status.setText(tr("Keurmerk niet toegekend; de reden is vastgelegd."))
        self._show_data(data)

    def choose_csv_path(self) -> None:
        self.dialogs.choose_save_path(
            tr("Register opslaan"),
            Path.home() / "keurmerkregister.csv",
            tr("CSV-bestand (*.csv)"),
            lambda path: self.tasks.run(
                lambda: work.export_register(self.data_dir, path),
                lambda saved: self.status.setText(tr("Opgeslagen: {p}").format(p=saved)),
                self.report_error,
            ),
        )

    def wait(self) -> None:
        """Finish queued work (closing the window, tests)."""
        self.tasks.wait()


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
