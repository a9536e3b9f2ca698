"""Results: total score, the theme chart, the verdict per theme, strengths, advice, actions."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.formatting import action_status_label, status_label
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change, Changes
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.ui.models.results import ThemeResultsModel
from goedgeregeld.ui.organisation.results_data import CHART_SIZE, ResultsData, load_results
from goedgeregeld.ui.organisation.results_verdict import verdict_texts
from goedgeregeld.ui.organisation.review_panel import ReviewPanel
from goedgeregeld.ui.widgets.common import button, row_table, text_label, title_label
from goedgeregeld.ui.widgets.flow_layout import flow_row
from goedgeregeld.ui.widgets.keurmerk_label import KeurmerkLabel
from goedgeregeld.ui.widgets.svg_chart import SvgChart
from goedgeregeld.words import dutch_date, format_percentage
from goedgeregeld.words.nouns import STATEMENT

if TYPE_CHECKING:
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.review_records import ReviewRecord


def _panel(parent: QWidget, title: str | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A framed block; with a ``title``, one that Tab stops at and a screen reader reads."""
    frame = QFrame(parent)
    frame.setObjectName("panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(6)
    if title is not None:
        layout.addWidget(title_label(title, frame, section=True))
        frame.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        frame.setAccessibleName(title)
    return frame, layout


def _describe(panel: QFrame) -> None:
    """What a screen reader says when Tab reaches ``panel``: all the text in it."""
    texts = [label.text() for label in panel.findChildren(QLabel) if label.text()]
    panel.setAccessibleDescription("\n".join(texts[1:]))


SIDE_BY_SIDE = CHART_SIZE[0] + 620
"""From this page width on the theme table fits beside the chart without cutting names."""


class ResultsPage(QWidget):
    continue_requested = Signal(str)
    action_plan_requested = Signal(str)
    compare_requested = Signal(str)
    home_requested = Signal()
    share_requested = Signal(str, str)
    """The evaluation's id and the organisation's name: "Delen met adviseur…"."""
    loaded = Signal()
    report_written = Signal(object)

    def __init__(
        self, operations: Operations, dialogs: Dialogs, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.operations, self.dialogs = operations, dialogs
        self.data: ResultsData | None = None
        self.setAccessibleName(tr("Uitkomst"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(32, 20, 32, 20)
        layout.setSpacing(12)
        # The title on its own line and the buttons in a row that wraps: at large text or on
        # a 1024x600 screen the title does not squeeze into three lines beside them.
        self.title = title_label(tr("Uitkomst wordt berekend…"), body)
        layout.addWidget(self.title)
        self.home_button = button(tr("Startscherm"), body)
        self.continue_button = button(tr("Verder invullen"), body)
        self.plan_button = button(tr("Plan van aanpak"), body, primary=True)
        self.compare_button = button(tr("Vergelijken met vorige"), body)
        self.report_button = button(tr("Rapport maken"), body)
        self.share_button = button(tr("Delen met adviseur…"), body)
        buttons = [
            self.plan_button,
            self.compare_button,
            self.report_button,
            self.continue_button,
            self.share_button,
            self.home_button,
        ]
        layout.addWidget(flow_row(body, buttons))
        self.subtitle = text_label("", body, muted=True)
        layout.addWidget(self.subtitle)
        self.report_progress = QProgressBar(body)
        self.report_progress.setAccessibleName(tr("Voortgang van het rapport"))
        self.report_progress.hide()
        layout.addWidget(self.report_progress)
        # The verdict and its reasons come first: they are what the user needs to act on.
        verdict_top, verdict_top_layout = _panel(body)
        self.total_label = title_label("", verdict_top)
        self.verdict_label = text_label("", verdict_top)
        self.verdict_label.setObjectName("sectionTitle")
        self.reasons_label = text_label("", verdict_top)
        verdict_top_layout.addWidget(self.total_label)
        verdict_top_layout.addWidget(self.verdict_label)
        verdict_top_layout.addWidget(self.reasons_label)
        self.keurmerk_label = KeurmerkLabel(verdict_top, verdict_top_layout)
        layout.addWidget(verdict_top)
        # After a review, the adviser's view comes right under the verdict it leads with.
        self.review_panel = ReviewPanel(body)
        layout.addWidget(self.review_panel)
        # Chart and table side by side; in a narrow window the table goes under the chart.
        self.middle = middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        middle.setSpacing(16)
        chart_panel, chart_layout = _panel(body)
        chart_layout.addWidget(title_label(tr("Score per thema"), chart_panel, section=True))
        self.chart = SvgChart(chart_panel)
        self.chart.setFixedSize(*CHART_SIZE)
        self.chart.setAccessibleName(tr("Grafiek: score per thema tegen het minimum"))
        chart_layout.addWidget(self.chart)
        chart_layout.addStretch(1)
        middle.addWidget(chart_panel)
        verdict_panel, verdict_layout = _panel(body)
        verdict_layout.addWidget(title_label(tr("Oordeel per thema"), verdict_panel, section=True))
        self.model = ThemeResultsModel(self)
        self.table = row_table(self.model, tr("Score en oordeel per thema"), verdict_panel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        verdict_layout.addWidget(self.table, 1)
        middle.addWidget(verdict_panel, 1)
        layout.addLayout(middle)
        advice = QGridLayout()
        advice.setHorizontalSpacing(16)
        strong_panel, self.strong_layout = _panel(body, tr("Wat goed gaat"))
        weak_panel, self.weak_layout = _panel(body, tr("Wat beter kan"))
        advice.addWidget(strong_panel, 0, 0, Qt.AlignmentFlag.AlignTop)
        advice.addWidget(weak_panel, 0, 1, Qt.AlignmentFlag.AlignTop)
        advice.setColumnStretch(0, 1)
        advice.setColumnStretch(1, 1)
        layout.addLayout(advice)
        plan_panel, self.plan_layout = _panel(body, tr("Plan van aanpak"))
        layout.addWidget(plan_panel)
        self.text_panels = (strong_panel, weak_panel, plan_panel)
        layout.addStretch(1)
        # Tab as the eye reads: the buttons left to right, then the table and the texts.
        chain = (
            self.plan_button,
            self.compare_button,
            self.report_button,
            self.continue_button,
            self.share_button,
            self.home_button,
            self.table,
            *self.text_panels,
        )
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.home_button.clicked.connect(self.home_requested)
        self.continue_button.clicked.connect(lambda: self._emit(self.continue_requested))
        self.plan_button.clicked.connect(lambda: self._emit(self.action_plan_requested))
        self.compare_button.clicked.connect(lambda: self._emit(self.compare_requested))
        self.report_button.clicked.connect(self.make_report)
        self.share_button.clicked.connect(self._share)
        self.setFocusProxy(self.plan_button)
        operations.when_changed(self._data_changed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        wide = event.size().width() >= SIDE_BY_SIDE
        self.middle.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    def _emit(self, signal: SignalInstance) -> None:
        if self.data is not None:
            signal.emit(self.data.state.evaluation.id)

    def evaluation_to_share(self) -> tuple[str, str] | None:
        """The evaluation on screen, for "Delen met adviseur…"."""
        if self.data is None:
            return None
        return self.data.state.evaluation.id, self.data.organisation_name

    def _share(self) -> None:
        chosen = self.evaluation_to_share()
        if chosen is not None:
            self.share_requested.emit(*chosen)

    def load(self, evaluation_id: str) -> None:
        self.operations.read(lambda db: load_results(db, evaluation_id), self.show_data)

    def _data_changed(self, changes: Changes) -> None:
        """A review read in meanwhile shows at once; the page shows nothing else that changes."""
        if Change.REVIEW not in changes or self.data is None:
            return
        evaluation_id = self.data.state.evaluation.id

        def read(db: Database) -> ReviewRecord | None:
            from goedgeregeld.store.reviews import load_review

            return load_review(db, evaluation_id)

        self.operations.read(read, self._show_review)

    def _show_review(self, review: ReviewRecord | None) -> None:
        if self.data is None:
            return
        self.data = replace(self.data, review=review)
        self._show_verdict()
        self.review_panel.show_review(review, self.data.state)

    # -- showing -------------------------------------------------------------------------------
    def show_data(self, data: ResultsData) -> None:
        self.data = data
        record, result = data.state.evaluation, data.result
        self.title.setText(tr("Uitkomst: {name}").format(name=data.organisation_name))
        self.subtitle.setText(
            tr("Zelfevaluatie gestart op {date} · {status} · {part} beantwoord").format(
                date=dutch_date(record.created_at),
                status=status_label(record.status),
                part=STATEMENT.of(result.answered, result.required),
            )
        )
        self._show_verdict()
        self.keurmerk_label.show_state(data.keurmerk)
        self.model.set_rows(result.themes)
        self.table.resizeRowsToContents()
        self.table.setFixedHeight(
            self.table.horizontalHeader().height() + self.table.verticalHeader().length() + 4
        )
        self.chart.load(data.chart_svg)
        self.continue_button.setVisible(not record.is_completed)
        self.compare_button.setEnabled(data.has_previous)
        self._fill_advice()
        self._fill_plan()
        for panel in self.text_panels:
            _describe(panel)
        self.review_panel.show_review(data.review, data.state)
        self.loaded.emit()

    def _show_verdict(self) -> None:
        assert self.data is not None
        texts = verdict_texts(self.data.result, self.data.reasons, self.data.review)
        self.total_label.setText(texts.total)
        self.verdict_label.setText(texts.headline)
        self.reasons_label.setText("\n".join(f"•  {reason}" for reason in texts.reasons))
        self.reasons_label.setVisible(bool(texts.reasons))

    def _fill_advice(self) -> None:
        assert self.data is not None
        edition, result = self.data.state.edition, self.data.result
        themes = {t.id: t for t in edition.themes}
        scored = [t for t in result.themes if t.score is not None]
        # A theme whose must-have fails is never a strength, whatever its score.
        passed = [t for t in scored if t.meets_minimum and not t.must_failures]
        strong = sorted(passed, key=lambda t: -t.score)[:3]
        weak = sorted((t for t in scored if t not in passed), key=lambda t: t.score)
        if not weak:
            weak = sorted(scored, key=lambda t: t.score)[:2]
        for layout, chosen, empty in (
            (self.strong_layout, strong, tr("Nog geen thema haalt het minimum.")),
            (self.weak_layout, weak[:4], tr("Nog niets te melden.")),
        ):
            panel = layout.parentWidget()
            if not chosen:
                layout.addWidget(text_label(empty, panel, muted=True))
            for theme in chosen:
                heading = QLabel(f"{theme.title}: {format_percentage(theme.score)}", panel)
                heading.setObjectName("adviceTitle")
                layout.addWidget(heading)
                advice = themes[theme.theme_id].advice_for(theme.score, theme.meets_minimum)
                layout.addWidget(text_label(advice, panel))

    def _fill_plan(self) -> None:
        assert self.data is not None
        if not self.data.actions:
            self.plan_layout.addWidget(
                text_label(
                    tr(
                        "Nog geen actiepunten. Kies ‘Plan van aanpak’ om ze te maken uit de zwakste stellingen."
                    ),
                    self.plan_layout.parentWidget(),
                    muted=True,
                )
            )
            return
        for action in self.data.actions:
            parts = [action_status_label(action.status)]
            if action.owner:
                parts.append(action.owner)
            if action.deadline:
                parts.append(tr("uiterlijk {d}").format(d=dutch_date(action.deadline)))
            self.plan_layout.addWidget(
                text_label(
                    f"•  {action.description}  ({', '.join(parts)})",
                    self.plan_layout.parentWidget(),
                )
            )

    # -- report --------------------------------------------------------------------------------
    def make_report(self) -> None:
        if self.data is None:
            return
        from goedgeregeld.ui.adviser.file_actions import documents_folder, suggested_name

        name = suggested_name("adviesrapport", self.data.organisation_name, ".pdf")
        self.dialogs.choose_save_path(
            tr("Rapport opslaan"),
            documents_folder() / name,
            tr("PDF-bestanden (*.pdf)"),
            self._write_report,
        )

    def _write_report(self, target: Path) -> None:
        assert self.data is not None
        from goedgeregeld.report.advice import write_advice_report

        evaluation_id = self.data.state.evaluation.id
        self.report_button.setEnabled(False)
        self.report_progress.setRange(0, 0)
        self.report_progress.show()
        self.operations.read_with_progress(
            lambda db, progress: write_advice_report(
                db, evaluation_id, target, progress=lambda done, total: progress(done, total, "")
            ),
            self._report_done,
            self._report_failed,
            self._report_progress,
        )

    def _report_progress(self, done: int, total: int, _text: str) -> None:
        self.report_progress.setRange(0, max(total, 1))
        self.report_progress.setValue(done)

    def _report_done(self, path: Path) -> None:
        self.report_button.setEnabled(True)
        self.report_progress.hide()
        self.report_written.emit(path)
        self.dialogs.confirm(
            tr("Rapport klaar"),
            tr("Het rapport staat in {path}.\nWilt u het nu openen?").format(path=path),
            lambda: self.dialogs.open_file(Path(path)),
        )

    def _report_failed(self, exc: Exception) -> None:
        self.report_button.setEnabled(True)
        self.report_progress.hide()
        self.operations.report_error(exc)
