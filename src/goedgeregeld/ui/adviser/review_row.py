"""One statement under review: the organisation's answer beside the adviser's verdict."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.words import NOT_ANSWERED, NOT_APPLICABLE, VERDICT_LABELS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from goedgeregeld.questionnaire.model import Edition, Statement
    from goedgeregeld.store.records import AnswerRecord, AttachmentRecord
    from goedgeregeld.store.review_records import StatementReviewRecord


def own_score_text(answer: AnswerRecord | None, edition: Edition) -> str:
    """The organisation's own answer in words."""
    if answer is None or not answer.is_answered:
        return tr(NOT_ANSWERED)
    if answer.not_applicable:
        return tr(NOT_APPLICABLE)
    labels: dict[int | None, str] = {o.value: o.label for o in edition.scale}
    return f"{answer.value} – {labels.get(answer.value, '')}"


class ReviewRow(QFrame):
    """Emits ``verdict_changed(statement_id, verdict, proposed, comment)`` on every change."""

    verdict_changed = Signal(str, str, object, str)
    open_evidence = Signal(str)

    def __init__(
        self,
        statement: Statement,
        number: int,
        edition: Edition,
        answer: AnswerRecord | None,
        review: StatementReviewRecord | None,
        attachments: Sequence[AttachmentRecord],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.statement_id = statement.id
        self.own_value = (
            answer.value
            if answer is not None and answer.is_answered and not answer.not_applicable
            else None
        )
        self.setObjectName("card")
        self.setAccessibleName(statement.text)
        grid = QGridLayout(self)
        grid.setContentsMargins(16, 12, 16, 12)
        grid.setHorizontalSpacing(20)
        grid.setVerticalSpacing(6)
        head = QLabel(
            tr("Stelling {n}").format(n=number) + ("   ★" if statement.core else ""), self
        )
        head.setObjectName("muted")
        grid.addWidget(head, 0, 0)
        self.changed_label = QLabel(tr("⚑ gewijzigd door de organisatie sinds uw oordeel"), self)
        self.changed_label.setObjectName("errorState")
        self.changed_label.setVisible(bool(review is not None and review.changed))
        grid.addWidget(self.changed_label, 0, 1, Qt.AlignmentFlag.AlignRight)
        text = QLabel(statement.text, self)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        font = text.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        text.setFont(font)
        grid.addWidget(text, 1, 0, 1, 2)
        grid.addLayout(
            self._own_side(answer, edition, attachments), 2, 0, Qt.AlignmentFlag.AlignTop
        )
        grid.addLayout(self._adviser_side(review), 2, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def _own_side(
        self,
        answer: AnswerRecord | None,
        edition: Edition,
        attachments: Sequence[AttachmentRecord],
    ) -> QVBoxLayout:
        side = QVBoxLayout()
        side.setSpacing(4)
        title = QLabel(tr("Organisatie"), self)
        title.setObjectName("sectionTitle")
        side.addWidget(title)
        self.own_label = QLabel(
            tr("Eigen score: {s}").format(s=own_score_text(answer, edition)), self
        )
        side.addWidget(self.own_label)
        note = answer.note if answer is not None else ""
        note_label = QLabel(note or tr("Geen toelichting."), self)
        note_label.setWordWrap(True)
        note_label.setTextFormat(Qt.TextFormat.PlainText)
        if not note:
            note_label.setObjectName("muted")
        side.addWidget(note_label)
        self.evidence_buttons: list[QPushButton] = []
        for attachment in attachments:
            evidence = QPushButton(f"📎 {attachment.file_name}", self)
            evidence.setAccessibleName(tr("Bewijsstuk openen: {n}").format(n=attachment.file_name))
            evidence.setObjectName("evidenceFile")
            evidence.clicked.connect(lambda _c=False, a=attachment.id: self.open_evidence.emit(a))
            side.addWidget(evidence)
            self.evidence_buttons.append(evidence)
        if not attachments:
            none = QLabel(tr("Geen bewijsstukken."), self)
            none.setObjectName("muted")
            side.addWidget(none)
        return side

    def _adviser_side(self, review: StatementReviewRecord | None) -> QVBoxLayout:
        side = QVBoxLayout()
        side.setSpacing(4)
        title = QLabel(tr("Uw oordeel"), self)
        title.setObjectName("sectionTitle")
        side.addWidget(title)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for value, label in VERDICT_LABELS.items():
            radio = QRadioButton(tr(label), self)
            radio.setAccessibleName(tr("Oordeel: {v}").format(v=tr(label)))
            self.group.addButton(radio)
            self.radios[value] = radio
            row.addWidget(radio)
        self.score_box = QComboBox(self)
        self.score_box.setAccessibleName(tr("Voorgestelde score"))
        for score in range(4):
            self.score_box.addItem(tr("voorstel: {s}").format(s=score), score)
        row.addWidget(self.score_box)
        row.addStretch(1)
        side.addLayout(row)
        self.comment_edit = QPlainTextEdit(self)
        self.comment_edit.setPlaceholderText(tr("Opmerking voor de organisatie (optioneel)"))
        self.comment_edit.setAccessibleName(tr("Opmerking bij deze stelling"))
        self.comment_edit.setTabChangesFocus(True)
        self.comment_edit.setFixedHeight(54)
        self.comment_edit.installEventFilter(self)
        side.addWidget(self.comment_edit)
        self.state_label = QLabel("", self)
        self.state_label.setObjectName("muted")
        side.addWidget(self.state_label)
        self._saved_comment = ""
        if review is not None:
            self.radios[review.verdict.value].setChecked(True)
            if review.proposed_score is not None:
                self.score_box.setCurrentIndex(review.proposed_score)
            self._saved_comment = review.comment
            self.comment_edit.setPlainText(review.comment)
            self.state_label.setText(tr("✓ opgeslagen"))
        self._update_score_box()
        self.group.buttonClicked.connect(lambda _b: self._verdict_clicked())
        self.score_box.activated.connect(lambda _i: self._emit())
        return side

    def verdict(self) -> str | None:
        return next((v for v, r in self.radios.items() if r.isChecked()), None)

    def choose(self, verdict: str, proposed: int | None = None, comment: str | None = None) -> None:
        """Set a verdict as a user would (tests and keyboard shortcuts)."""
        if comment is not None:
            self.comment_edit.setPlainText(comment)
            self._saved_comment = comment
        self.radios[verdict].setChecked(True)
        self._update_score_box(proposed)
        self._emit()

    def _verdict_clicked(self) -> None:
        self._update_score_box()
        self._emit()

    def _update_score_box(self, proposed: int | None = None) -> None:
        verdict = self.verdict()
        self.score_box.setVisible(verdict in ("lower", "higher"))
        if proposed is not None:
            self.score_box.setCurrentIndex(proposed)
        elif verdict in ("lower", "higher") and self.own_value is not None:
            step = -1 if verdict == "lower" else 1
            current = self.score_box.currentIndex()
            wrong = current >= self.own_value if verdict == "lower" else current <= self.own_value
            if wrong:
                self.score_box.setCurrentIndex(max(0, min(3, self.own_value + step)))

    def _emit(self) -> None:
        verdict = self.verdict()
        if verdict is None:
            return
        proposed = self.score_box.currentData() if verdict != "agree" else None
        self.state_label.setText(tr("bezig met opslaan…"))
        self.verdict_changed.emit(self.statement_id, verdict, proposed, self._saved_comment)

    def set_saved(self) -> None:
        self.state_label.setText(tr("✓ opgeslagen"))
        self.changed_label.hide()

    def set_failed(self, message: str) -> None:
        self.state_label.setText(tr("niet opgeslagen: {m}").format(m=message))

    def commit_comment(self) -> None:
        text = self.comment_edit.toPlainText()
        if text != self._saved_comment:
            self._saved_comment = text
            if self.verdict() is None:
                self.state_label.setText(tr("kies eerst een oordeel"))
                return
            self._emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.comment_edit and event.type() == QEvent.Type.FocusOut:
            self.commit_comment()
        return super().eventFilter(watched, event)
