"""The consensus round: large text, one statement at a time, everyone's notes side by side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.core.services import Dialogs, Operations
from goedgeregeld.ui.widgets.common import button
from goedgeregeld.words import short_answer
from goedgeregeld.words.voices import (
    AGREED,
    DISAGREED,
    MEETING_MODE,
    NOT_AGREED,
    REMOVED,
    role_label,
    spread_text,
)

if TYPE_CHECKING:
    from goedgeregeld.scoring import AnswerValue
    from goedgeregeld.ui.organisation.voices_data import VoicesData

BIG = 20
"""Point size of the statement in the meeting mode, readable from across a table (beamer)."""


def _label(text: str, parent: QWidget, size: int, bold: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = QFont(label.font())
    font.setPointSize(size)
    font.setBold(bold)
    label.setFont(font)
    return label


class MeetingDialog(QDialog):
    """Walk the statements from the widest disagreement down and set the agreed answer."""

    def __init__(
        self,
        operations: Operations,
        dialogs: Dialogs,
        data: VoicesData,
        evaluation_id: str,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.operations, self.dialogs, self.data = operations, dialogs, data
        self.evaluation_id = evaluation_id
        self.statements = list(data.view.statements)
        self.agreed = {s.id: (s.agreed, s.agreed_note) for s in self.statements}
        self.position = 0
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr(MEETING_MODE))
        self.resize(1100, 700)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 20, 28, 20)
        self.where = _label("", self, 11)
        self.where.setObjectName("muted")
        layout.addWidget(self.where)
        self.text = _label("", self, BIG, bold=True)
        self.text.setAccessibleName(tr("Stelling"))
        layout.addWidget(self.text)
        self.flag = _label("", self, 13, bold=True)
        layout.addWidget(self.flag)
        self.voices = QGridLayout()
        self.voices.setHorizontalSpacing(16)
        layout.addLayout(self.voices)
        layout.addStretch(1)
        choose = QHBoxLayout()
        choose.addWidget(_label(tr("Samen afgesproken:"), self, 14, bold=True))
        self.choices: dict[object, object] = {}
        for value in (0, 1, 2, 3, "na"):
            choice = button(short_answer(value), self)
            font = QFont(choice.font())
            font.setPointSize(16)
            choice.setFont(font)
            choice.setCheckable(True)
            choice.setMinimumWidth(72)
            choice.clicked.connect(lambda _c=False, v=value: self._agree(v))
            choose.addWidget(choice)
            self.choices[value] = choice
        self.state = _label("", self, 12)
        choose.addWidget(self.state, 1)
        layout.addLayout(choose)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(tr("Toelichting bij het afgesproken antwoord"))
        self.note.setAccessibleName(tr("Toelichting bij het afgesproken antwoord"))
        self.note.setMaximumHeight(80)
        layout.addWidget(self.note)
        bottom = QHBoxLayout()
        self.previous_button = button(tr("← Vorige"), self)
        self.next_button = button(tr("Volgende →"), self, primary=True)
        self.close_button = button(tr("Sluiten"), self)
        bottom.addWidget(self.previous_button)
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)
        self.previous_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(1))
        self.close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence(Qt.Key.Key_PageDown), self, lambda: self._go(1))
        QShortcut(QKeySequence(Qt.Key.Key_PageUp), self, lambda: self._go(-1))
        self._show()

    def _show(self) -> None:
        if not self.statements:
            self.text.setText(tr("Er zijn nog geen stellingen om te bespreken."))
            return
        merged = self.statements[self.position]
        statement = self.data.edition.statements_by_id[merged.id]
        self.where.setText(
            tr("Stelling {n} · {i} van {total} · {spread}").format(
                n=merged.number,
                i=self.position + 1,
                total=len(self.statements),
                spread=spread_text(merged.spread),
            )
        )
        self.text.setText(statement.text)
        self.flag.setText(tr(DISAGREED).capitalize() if merged.flagged else "")
        self.flag.setStyleSheet("color: #c0562b;" if merged.flagged else "")
        while self.voices.count():
            item = self.voices.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        for column, person in enumerate(self.data.view.respondents):
            card = QFrame(self)
            card.setObjectName("card")
            inner = QVBoxLayout(card)
            who = f"{person.name}, {role_label(person.role)}"
            if person.removed:
                who += f" ({tr(REMOVED)})"
            inner.addWidget(_label(who, card, 11))
            inner.addWidget(_label(short_answer(merged.scores.get(person.id)), card, 26, bold=True))
            inner.addWidget(_label(merged.notes.get(person.id, ""), card, 12))
            inner.addStretch(1)
            self.voices.addWidget(card, column // 4, column % 4)
        value, note = self.agreed[merged.id]
        for choice_value, choice in self.choices.items():
            choice.setChecked(value == choice_value)  # type: ignore[attr-defined]
        self.state.setText(tr(AGREED) if value is not None else tr(NOT_AGREED))
        self.note.setPlainText(note)
        self.previous_button.setEnabled(self.position > 0)
        self.next_button.setEnabled(self.position < len(self.statements) - 1)

    def _go(self, step: int) -> None:
        self._keep_note()
        self.position = max(0, min(len(self.statements) - 1, self.position + step))
        self._show()

    def _keep_note(self) -> None:
        if not self.statements:
            return
        merged = self.statements[self.position]
        value, note = self.agreed[merged.id]
        text = self.note.toPlainText()
        if value is not None and text != note:
            self._store(merged.id, value, text)

    def _agree(self, value: AnswerValue) -> None:
        merged = self.statements[self.position]
        self._store(merged.id, value, self.note.toPlainText())

    def _store(self, statement_id: str, value: AnswerValue, note: str) -> None:
        from goedgeregeld.store.respondents import agree

        evaluation_id = self.evaluation_id

        def stored(_record: object) -> None:
            self.agreed[statement_id] = (value, note)
            if self.statements[self.position].id == statement_id:
                self._show()

        self.operations.write(
            [Change.ANSWERS],
            lambda db: agree(db, evaluation_id, statement_id, value, note),
            stored,
            lambda exc: self.dialogs.error(str(exc)),
        )

    def done(self, result: int) -> None:
        self._keep_note()
        super().done(result)
