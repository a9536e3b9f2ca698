"""One statement under review: the organisation's answer beside the adviser's verdict.

Keyboard, with the statement (or one of its choices) focused: Enter agrees and asks to move
on (a "lager"/"hoger" already given stays), "-" proposes one point lower and "+" one higher
(focus goes to the comment), Enter in the comment saves it and moves on (Shift+Enter: a new
line). The evidence buttons are no Tab stops: Ctrl+B opens the first one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
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
    QStyle,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.words import NOT_ANSWERED, NOT_APPLICABLE, VERDICT_LABELS
from goedgeregeld.words.voices import disagreed_text

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


def proposal_choices(verdict: str | None, own_value: int | None) -> list[int]:
    """The scores a verdict can propose: below the own score for "lower", above for "higher"."""
    if own_value is None or verdict not in ("lower", "higher"):
        return list(range(4))
    return list(range(own_value)) if verdict == "lower" else list(range(own_value + 1, 4))


def one_step(verdict: str, own_value: int | None) -> int | None:
    """The first proposal for a verdict: one point below or above the own score."""
    if own_value is None:
        return None
    proposal = own_value - 1 if verdict == "lower" else own_value + 1
    return proposal if 0 <= proposal <= 3 else None


class ReviewRow(QFrame):
    """Emits ``verdict_changed(statement_id, verdict, proposed, comment)`` on every change."""

    verdict_changed = Signal(str, str, object, str)
    open_evidence = Signal(str)
    advance_requested = Signal(str)
    row_focused = Signal(str)

    def __init__(
        self,
        statement: Statement,
        number: int,
        edition: Edition,
        answer: AnswerRecord | None,
        review: StatementReviewRecord | None,
        attachments: Sequence[AttachmentRecord],
        parent: QWidget | None = None,
        *,
        disagreed: bool = False,
        spread: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.statement_id = statement.id
        self.own_value = (
            answer.value
            if answer is not None and answer.is_answered and not answer.not_applicable
            else None
        )
        self.setObjectName("card")
        self.setProperty("focused", False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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
        self.grid = grid
        self.own_side = self._own_side(answer, edition, attachments)
        # Context from a client with several respondents: only that they disagreed, and by how
        # much, never who said what. It sits under the organisation's own score.
        self.disagreed_label = QLabel(tr(disagreed_text(spread)), self)
        self.disagreed_label.setObjectName("reminder")
        self.disagreed_label.setWordWrap(True)
        self.disagreed_label.setVisible(disagreed)
        self.own_side.insertWidget(2, self.disagreed_label)
        self.adviser_side = self._adviser_side(review)
        self.stacked: bool | None = None
        self.set_stacked(False)
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
            # DejaVu Sans (bundled) has no paperclip: the style's file icon renders everywhere.
            evidence = QPushButton(attachment.file_name, self)
            evidence.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
            evidence.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            evidence.setToolTip(tr("Bewijsstuk openen (Ctrl+B opent het eerste)"))
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
            radio.installEventFilter(self)
            row.addWidget(radio)
        self.score_box = QComboBox(self)
        self.score_box.setAccessibleName(tr("Voorgestelde score"))
        self.score_box.installEventFilter(self)
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
            self._saved_comment = review.comment
            self.comment_edit.setPlainText(review.comment)
            self.state_label.setText(tr("✓ opgeslagen"))
        self._update_score_box(review.proposed_score if review is not None else None)
        self.group.buttonClicked.connect(lambda _b: self._verdict_clicked())
        self.score_box.activated.connect(lambda _i: self._emit())
        return side

    def set_stacked(self, stacked: bool) -> None:
        """Side by side on a wide screen; the verdict under the answer when space is short."""
        if stacked == self.stacked:
            return
        if self.stacked is not None:
            self.grid.removeItem(self.own_side)
            self.grid.removeItem(self.adviser_side)
        self.stacked = stacked
        top = Qt.AlignmentFlag.AlignTop
        if stacked:
            self.grid.addLayout(self.own_side, 2, 0, 1, 2, top)
            self.grid.addLayout(self.adviser_side, 3, 0, 1, 2, top)
        else:
            self.grid.addLayout(self.own_side, 2, 0, top)
            self.grid.addLayout(self.adviser_side, 2, 1, top)

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
        self._update_score_box(one_step(self.verdict() or "agree", self.own_value))
        self._emit()

    def _update_score_box(self, proposed: int | None = None) -> None:
        """Offer only the scores the verdict allows, and select ``proposed`` (or one step)."""
        verdict = self.verdict()
        self.score_box.setVisible(verdict in ("lower", "higher"))
        previous = self.score_box.currentData()
        choices = proposal_choices(verdict, self.own_value)
        self.score_box.blockSignals(True)
        self.score_box.clear()
        for score in choices:
            self.score_box.addItem(tr("voorstel: {s}").format(s=score), score)
        if proposed is None and previous in choices and verdict != "agree":
            proposed = previous
        if proposed is None and verdict in ("lower", "higher"):
            proposed = one_step(verdict, self.own_value)
        index = self.score_box.findData(proposed) if proposed is not None else -1
        self.score_box.setCurrentIndex(max(0, index))
        self.score_box.blockSignals(False)

    def step(self, verdict: str) -> bool:
        """Propose one point lower or higher ("-", "+") and go to the comment; False if none."""
        proposal = one_step(verdict, self.own_value)
        if proposal is None and self.own_value is not None:
            edge = tr("de laagste") if verdict == "lower" else tr("de hoogste")
            self.state_label.setText(tr("de eigen score is al {e} score").format(e=edge))
            return False
        self.choose(verdict, proposal)
        self.comment_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return True

    def agree_if_open(self) -> None:
        """Enter: agree, unless a verdict was given already (that one stays)."""
        if self.verdict() is None:
            self.choose("agree")

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

    def open_first_evidence(self) -> bool:
        if not self.evidence_buttons:
            return False
        self.evidence_buttons[0].click()
        return True

    # -- keyboard and focus ----------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._row_key(event):
            return
        super().keyPressEvent(event)

    def _row_key(self, event: QKeyEvent) -> bool:
        """Enter, "-" and "+" on the statement or its choices."""
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.agree_if_open()
            self.advance_requested.emit(self.statement_id)
            return True
        if event.text() == "-":
            self.step("lower")
            return True
        if event.text() in ("+", "="):
            self.step("higher")
            return True
        return False

    def _comment_key(self, event: QKeyEvent) -> bool:
        """Enter in the comment: save it (agreeing when no verdict was given) and move on."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return False
        if self.verdict() is None:
            self._saved_comment = self.comment_edit.toPlainText()
            self.choose("agree")
        else:
            self.commit_comment()
        self.advance_requested.emit(self.statement_id)
        return True

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.row_focused.emit(self.statement_id)
        super().focusInEvent(event)

    def set_current(self, current: bool) -> None:
        """Draw the frame of the statement being read."""
        if self.property("focused") != current:
            self.setProperty("focused", current)
            self.style().unpolish(self)
            self.style().polish(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.row_focused.emit(self.statement_id)
        if watched is self.comment_edit and event.type() == QEvent.Type.FocusOut:
            self.commit_comment()
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if watched is self.comment_edit:
                if self._comment_key(event):
                    return True
            elif watched is self.score_box:
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.advance_requested.emit(self.statement_id)
                    return True
            elif self._row_key(event):
                return True
        return super().eventFilter(watched, event)
