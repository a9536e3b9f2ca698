"""The decision on one client: ready, ready with conditions (each with a deadline), not yet."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.core.services import Operations
from goedgeregeld.ui.widgets.common import button, text_label, title_label
from goedgeregeld.words import DECISION_LABELS, dutch_date

if TYPE_CHECKING:
    from collections.abc import Sequence

    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.review_guard import Readiness
    from goedgeregeld.store.review_records import ReviewRecord


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def save_decision(
    db: Database,
    evaluation_id: str,
    decision: str,
    conditions: Sequence[tuple[str, date]],
    granted_on: date | None,
    reason: str | None = None,
) -> None:
    """Record the decision and then the quality-mark date (worker side)."""
    from goedgeregeld.store.reviews import decide, record_quality_mark

    decide(db, evaluation_id, decision, conditions, reason=reason)
    if decision != "not_yet":
        record_quality_mark(db, evaluation_id, granted_on)


class ConditionRow(QWidget):
    """One condition: its text, its deadline and a remove button."""

    def __init__(self, text: str, deadline: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.text_edit = QLineEdit(text, self)
        self.text_edit.setAccessibleName(tr("Voorwaarde"))
        self.text_edit.setPlaceholderText(tr("Wat moet de organisatie nog regelen?"))
        self.deadline_edit = QDateEdit(_qdate(deadline), self)
        self.deadline_edit.setAccessibleName(tr("Uiterlijke datum van de voorwaarde"))
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("dd-MM-yyyy")
        self.deadline_edit.setMinimumDate(_qdate(min(deadline, date.today())))
        self.remove_button = button(tr("Verwijderen"), self)
        row.addWidget(self.text_edit, 1)
        row.addWidget(QLabel(tr("uiterlijk"), self))
        row.addWidget(self.deadline_edit)
        row.addWidget(self.remove_button)

    def value(self) -> tuple[str, date]:
        return self.text_edit.text().strip(), _pydate(self.deadline_edit.date())


class DecisionPage(QWidget):
    back_requested = Signal(str)
    saved = Signal(str)
    loaded = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.evaluation_id = ""
        self.condition_rows: list[ConditionRow] = []
        self.readiness: Readiness | None = None
        self.setAccessibleName(tr("Besluit"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 24)
        layout.setSpacing(10)
        self.title = title_label(tr("Besluit"), self)
        layout.addWidget(self.title)
        self.summary = text_label(tr("Gegevens worden geladen…"), self)
        self.summary.setObjectName("panel")
        self.summary.setContentsMargins(12, 8, 12, 8)
        self.summary.setAccessibleName(tr("Uw beoordeling samengevat"))
        layout.addWidget(self.summary)
        layout.addWidget(
            text_label(tr("Is de organisatie klaar voor het keurmerk?"), self, muted=True)
        )
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for value, text in DECISION_LABELS.items():
            radio = QRadioButton(tr(text[0].upper() + text[1:]), self)
            radio.setAccessibleName(tr(text))
            self.group.addButton(radio)
            self.radios[value] = radio
            layout.addWidget(radio)
        self.conditions_panel = QFrame(self)
        self.conditions_panel.setObjectName("panel")
        panel = QVBoxLayout(self.conditions_panel)
        panel.setContentsMargins(14, 10, 14, 10)
        panel.addWidget(title_label(tr("Voorwaarden"), self.conditions_panel, section=True))
        self.conditions_layout = QVBoxLayout()
        panel.addLayout(self.conditions_layout)
        add_row = QHBoxLayout()
        self.add_button = button(tr("Voorwaarde toevoegen"), self.conditions_panel)
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        panel.addLayout(add_row)
        layout.addWidget(self.conditions_panel)
        mark = QHBoxLayout()
        self.mark_check = QCheckBox(tr("Keurmerk toegekend op"), self)
        self.mark_date = QDateEdit(_qdate(date.today()), self)
        self.mark_date.setAccessibleName(tr("Datum waarop het keurmerk is toegekend"))
        self.mark_date.setCalendarPopup(True)
        self.mark_date.setDisplayFormat("dd-MM-yyyy")
        self.expiry_label = QLabel("", self)
        mark.addWidget(self.mark_check)
        mark.addWidget(self.mark_date)
        mark.addWidget(self.expiry_label)
        mark.addStretch(1)
        layout.addLayout(mark)
        self.guard_label = text_label("", self)
        self.guard_label.setObjectName("errorState")
        self.guard_label.hide()
        layout.addWidget(self.guard_label)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setAccessibleName(tr("Reden van uw besluit"))
        self.reason_edit.setPlaceholderText(
            tr("Reden van uw besluit (nodig als het besluit niet uit de beoordeling volgt)")
        )
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(60)
        layout.addWidget(self.reason_edit)
        self.message = text_label("", self)
        self.message.setObjectName("errorState")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.save_button = button(tr("Besluit opslaan"), self, primary=True)
        self.cancel_button = button(tr("Terug"), self)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.group.buttonClicked.connect(lambda _b: self._update())
        self.mark_check.toggled.connect(lambda _c: self._update())
        self.mark_date.dateChanged.connect(lambda _d: self._update())
        self.reason_edit.textChanged.connect(self._update)
        self.add_button.clicked.connect(lambda: self.add_condition())
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(lambda: self.back_requested.emit(self.evaluation_id))
        self.setFocusProxy(self.radios["ready"])
        self._update()

    def load(self, evaluation_id: str) -> None:
        self.evaluation_id = evaluation_id

        def read(db: Database) -> tuple[str, ReviewRecord | None, Readiness]:
            from goedgeregeld.store.evaluations import load_state
            from goedgeregeld.store.organisations import get_organisation
            from goedgeregeld.store.review_guard import assess_readiness
            from goedgeregeld.store.reviews import load_review

            state = load_state(db, evaluation_id)
            name = get_organisation(db, state.evaluation.organisation_id).name
            review = load_review(db, evaluation_id)
            return name, review, assess_readiness(state, review)

        self.operations.read(read, self.show_data)

    def show_data(self, data: tuple[str, ReviewRecord | None, Readiness]) -> None:
        name, review, self.readiness = data
        self.title.setText(tr("Besluit: {name}").format(name=name))
        summary = self.readiness.summary()
        self.summary.setText(summary[0].upper() + summary[1:] + ".")
        if review is not None and review.decision_reason:
            self.reason_edit.setPlainText(review.decision_reason)
        if review is not None and review.decision is not None:
            self.radios[review.decision.value].setChecked(True)
            for condition in review.conditions:
                self.add_condition(condition.text, condition.deadline)
        if review is not None and review.quality_mark is not None:
            self.mark_check.setChecked(True)
            self.mark_date.setDate(_qdate(review.quality_mark.granted_on))
        self._update()
        self.loaded.emit()

    def chosen(self) -> str | None:
        return next((v for v, r in self.radios.items() if r.isChecked()), None)

    def add_condition(self, text: str = "", deadline: date | None = None) -> ConditionRow:
        today = date.today()
        row = ConditionRow(text, deadline or today.replace(year=today.year + 1, day=1), self)
        row.remove_button.clicked.connect(lambda: self._remove(row))
        self.conditions_layout.addWidget(row)
        self.condition_rows.append(row)
        return row

    def _remove(self, row: ConditionRow) -> None:
        self.condition_rows.remove(row)
        row.hide()
        row.deleteLater()

    def _update(self) -> None:
        from goedgeregeld.store.review_records import QualityMark

        decision = self.chosen()
        self.conditions_panel.setVisible(decision == "conditions")
        if decision == "conditions" and not self.condition_rows:
            self.add_condition()
        can_mark = decision in ("ready", "conditions")
        self.mark_check.setEnabled(can_mark)
        self.mark_date.setEnabled(can_mark and self.mark_check.isChecked())
        if can_mark and self.mark_check.isChecked():
            mark = QualityMark(_pydate(self.mark_date.date()))
            self.expiry_label.setText(
                tr("geldig tot en met {d}").format(d=dutch_date(mark.expires_on))
            )
        else:
            self.expiry_label.setText("")
        against = decision == "ready" and self.readiness is not None and not self.readiness.ready
        if against:
            assert self.readiness is not None
            self.guard_label.setText(
                tr(
                    "‘Klaar voor keurmerk’ volgt nog niet uit uw beoordeling: {r}. Besluit u "
                    "toch zo, schrijf dan hieronder op waarom."
                ).format(r=self.readiness.reasons_text())
            )
        self.guard_label.setVisible(against)
        has_reason = bool(self.reason_edit.toPlainText().strip())
        self.save_button.setEnabled(decision is not None and (has_reason or not against))

    def save(self) -> None:
        decision = self.chosen()
        if decision is None:
            return
        conditions = (
            [row.value() for row in self.condition_rows] if decision == "conditions" else []
        )
        granted = (
            _pydate(self.mark_date.date())
            if decision != "not_yet" and self.mark_check.isChecked()
            else None
        )
        evaluation_id = self.evaluation_id
        reason = self.reason_edit.toPlainText().strip() or None
        self.message.hide()
        self.operations.write(
            {Change.REVIEW},
            lambda db: save_decision(db, evaluation_id, decision, conditions, granted, reason),
            lambda _r: self.saved.emit(evaluation_id),
            self._failed,
        )

    def _failed(self, exc: Exception) -> None:
        from goedgeregeld.store.errors import StoreError

        if isinstance(exc, StoreError):
            self.message.setText(str(exc))
            self.message.show()
        else:
            self.operations.report_error(exc)
