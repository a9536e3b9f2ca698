"""One statement as a card: text, the 0-3 scale plus n.v.t., explanation, note, saved state.

Keyboard: with the card focused, 0-3 and N answer and ask to move on; Up/Down move.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.widgets.card_review import CardReview
from goedgeregeld.ui.widgets.flow_layout import FlowLayout
from goedgeregeld.words import CARRIED_TO_CONFIRM, CONFIRM_AS_IS, NOT_ANSWERED, must_hint

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Edition, Statement
    from goedgeregeld.scoring import AnswerValue
    from goedgeregeld.store.records import AnswerRecord

NA_ID = 4
_LABEL_LINE = 14
"""Characters on one line of an answer's label before it wraps."""
STAR = "★"
NOTE_DEBOUNCE_MS = 600
"""A note is saved this long after the last key, without waiting for the field to lose focus."""
NOTE_SAVED = "✓ toelichting opgeslagen"
_ANSWER_KEYS: dict[Qt.Key, AnswerValue] = {
    Qt.Key.Key_0: 0,
    Qt.Key.Key_1: 1,
    Qt.Key.Key_2: 2,
    Qt.Key.Key_3: 3,
    Qt.Key.Key_N: "na",
}


def _wrapped(label: str) -> str:
    """A long scale label on two balanced lines, so five answers fit side by side."""
    words = label.split()
    if len(label) <= _LABEL_LINE or len(words) < 2:
        return label
    cut = min(
        range(1, len(words)),
        key=lambda i: max(len(" ".join(words[:i])), len(" ".join(words[i:]))),
    )
    return f"{' '.join(words[:cut])}\n{' '.join(words[cut:])}"


def keyboard_hint(parent: QWidget | None = None) -> QLabel:
    """A short, always visible line that tells a new user which keys answer and move on."""
    label = QLabel(
        tr(
            "Met het toetsenbord: druk 0, 1, 2, 3 of N om te antwoorden; u gaat vanzelf naar "
            "de volgende stelling. Tab gaat naar uitleg en toelichting, Esc terug naar de "
            "stelling. Ctrl+PgDn: volgend thema."
        ),
        parent,
    )
    label.setObjectName("muted")
    label.setWordWrap(True)
    label.setAccessibleName(tr("Uitleg over het toetsenbord"))
    return label


class StatementCard(QFrame):
    answered = Signal(str, object)
    note_edited = Signal(str, str)
    move_requested = Signal(int)
    card_focused = Signal(str)
    confirm_requested = Signal(str)
    na_reason_hint = "Waarom geldt deze stelling niet voor u? Uw adviseur ziet deze reden."
    """Asked for in the note after n.v.t.; a respondent's page names who reads it instead."""

    def __init__(
        self,
        statement: Statement,
        number: int,
        edition: Edition,
        answer: AnswerRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.statement_id = statement.id
        self._note_saved: str | None = answer.note if answer is not None else ""
        self.setObjectName("card")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("focused", False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        head = QHBoxLayout()
        marker = f"{STAR} {tr('kernstelling')}" if statement.core else ""
        self.number_label = QLabel(
            tr("Stelling {n}").format(n=number) + (f"   {marker}" if marker else ""), self
        )
        self.number_label.setObjectName("muted")
        head.addWidget(self.number_label)
        head.addStretch(1)
        self.state_label = QLabel("", self)
        self.state_label.setAccessibleName(tr("Status van het antwoord"))
        head.addWidget(self.state_label)
        # A re-assessment: the answer came from the previous round and waits for a "yes".
        self.confirm_button = QPushButton(tr(CONFIRM_AS_IS), self)
        self.confirm_button.setToolTip(tr("Het antwoord klopt nog: tel het mee (Enter met Ctrl)"))
        self.confirm_button.clicked.connect(lambda: self.confirm_requested.emit(self.statement_id))
        self.confirm_button.hide()
        head.addWidget(self.confirm_button)
        layout.addLayout(head)
        self.text_label = QLabel(statement.text, self)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.text_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.text_label.setFont(font)
        layout.addWidget(self.text_label)
        self.must_label: QLabel | None = None
        if statement.must is not None:
            self.must_label = QLabel(tr(must_hint(statement.must)), self)
            self.must_label.setObjectName("reminder")
            self.must_label.setWordWrap(True)
            layout.addWidget(self.must_label)
        # n.v.t. only where the edition allows it; an older answer "n.v.t." still shows.
        self.na_allowed = statement.na_allowed or (
            answer is not None and answer.is_answered and answer.answer_value == "na"
        )
        self._na_needs_reason = edition.has_verdict_rules
        # The answers wrap to a second line in a narrow window instead of widening the card.
        scale = FlowLayout(spacing=4)
        self.group = QButtonGroup(self)
        self.radios: dict[int, QRadioButton] = {}
        options = [
            (o.value, f"{o.value}\n{_wrapped(o.label)}", o.description) for o in edition.scale
        ]
        if self.na_allowed:
            options.append(
                (
                    NA_ID,
                    f"N\n{_wrapped(edition.not_applicable.label)}",
                    edition.not_applicable.description,
                )
            )
        for key, text, description in options:
            radio = QRadioButton(text, self)
            radio.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            radio.setToolTip(description)
            radio.setAccessibleName(text.replace("\n", " "))
            radio.setAccessibleDescription(description)
            self.group.addButton(radio, key)
            self.radios[key] = radio
            scale.addWidget(radio)
        layout.addLayout(scale)
        self.toggle = QToolButton(self)
        self.toggle.setText(tr("▸ Uitleg en voorbeelden van bewijs"))
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(tr("Uitleg en voorbeelden van bewijs tonen"))
        layout.addWidget(self.toggle)
        evidence = "\n".join(f"•  {item}" for item in statement.evidence)
        meaning = statement.explanation
        self.explanation = QLabel(
            (tr("Uitleg:") + "\n" + " ".join(meaning.split()) + "\n\n" if meaning else "")
            + tr("Voorbeelden van bewijs:")
            + "\n"
            + evidence
            + "\n\n"
            + tr("Advies:")
            + " "
            + statement.advice,
            self,
        )
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setAccessibleName(tr("Uitleg en voorbeelden van bewijs"))
        self.explanation.hide()
        layout.addWidget(self.explanation)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setPlaceholderText(
            tr("Toelichting (optioneel): wat is er al geregeld, waar ligt het bewijs?")
        )
        self.note_edit.setAccessibleName(tr("Toelichting bij deze stelling"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(54)
        self.note_edit.setPlainText(answer.note if answer is not None else "")
        self.note_edit.installEventFilter(self)
        layout.addWidget(self.note_edit)
        self.note_state = QLabel("", self)
        self.note_state.setObjectName("muted")
        self.note_state.setAccessibleName(tr("Status van de toelichting"))
        layout.addWidget(self.note_state)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_DEBOUNCE_MS)
        self._note_timer.timeout.connect(self._note_done)
        self.note_edit.textChanged.connect(self._note_typed)
        # Filled in by the page once the review and the evidence are read.
        self.review = CardReview(self)
        self.review.hide()
        layout.addWidget(self.review)
        self.setAccessibleName(statement.text)
        self.setAccessibleDescription(
            tr("Druk 0, 1, 2 of 3 om te antwoorden, N voor niet van toepassing.")
            if self.na_allowed
            else tr("Druk 0, 1, 2 of 3 om te antwoorden. Niet van toepassing kan hier niet.")
        )
        self.toggle.toggled.connect(self._toggle_explanation)
        self.group.idClicked.connect(self._clicked)
        value = answer.answer_value if answer is not None else None
        if value is not None:
            self._check(value)
            if answer is not None and answer.to_confirm:
                self.set_carried()
            else:
                self.set_saved()
        else:
            self.set_open()

    # -- state -------------------------------------------------------------------------------
    def value(self) -> AnswerValue | None:
        checked = self.group.checkedId()
        return None if checked < 0 else ("na" if checked == NA_ID else checked)

    def _check(self, value: AnswerValue) -> None:
        self.radios[NA_ID if value == "na" else int(value)].setChecked(True)

    def _set_state(self, text: str, name: str) -> None:
        carried = name == "carriedState"
        self.confirm_button.setVisible(carried)
        if self.property("carried") != carried:
            self.setProperty("carried", carried)
            self.style().unpolish(self)
            self.style().polish(self)
        self.state_label.setText(text)
        self.state_label.setObjectName(name)
        self.state_label.style().unpolish(self.state_label)
        self.state_label.style().polish(self.state_label)

    def set_open(self) -> None:
        self._set_state(tr(NOT_ANSWERED), "unsavedState")

    def set_saving(self) -> None:
        self._set_state(tr("bezig met opslaan…"), "unsavedState")

    def set_carried(self) -> None:
        """Shown as last time's answer; it counts only once confirmed or changed."""
        self._set_state(tr(CARRIED_TO_CONFIRM), "carriedState")

    @property
    def is_carried(self) -> bool:
        return self.property("carried") is True

    def set_saved(self) -> None:
        self._set_state(tr("✓ opgeslagen"), "savedState")

    def set_failed(self, message: str) -> None:
        self._set_state(tr("niet opgeslagen: {m}").format(m=message), "errorState")

    @property
    def is_saved(self) -> bool:
        return self.state_label.text() == tr("✓ opgeslagen")

    # -- input -------------------------------------------------------------------------------
    def answer(self, value: AnswerValue) -> None:
        """Choose a value (as if the user pressed its key) and ask for it to be saved."""
        if value == "na" and self._na_needs_reason:
            self.note_edit.setPlaceholderText(tr(self.na_reason_hint))
        self._check(value)
        self.set_saving()
        self.answered.emit(self.statement_id, value)

    def _clicked(self, key: int) -> None:
        self.answer("na" if key == NA_ID else key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        # Shift is allowed: the card shows a capital "N", so many users type Shift+N.
        without_shift = modifiers & ~Qt.KeyboardModifier.ShiftModifier
        if key in _ANSWER_KEYS and without_shift == Qt.KeyboardModifier.NoModifier:
            if _ANSWER_KEYS[key] == "na" and not self.na_allowed:
                if self.value() is None:
                    self._set_state(tr("niet van toepassing kan hier niet"), "unsavedState")
                return
            self.answer(_ANSWER_KEYS[key])
            self.move_requested.emit(1)
            return
        if key == Qt.Key.Key_Down and modifiers == Qt.KeyboardModifier.NoModifier:
            self.move_requested.emit(1)
            return
        if key == Qt.Key.Key_Up and modifiers == Qt.KeyboardModifier.NoModifier:
            self.move_requested.emit(-1)
            return
        if (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and modifiers == Qt.KeyboardModifier.ControlModifier
            and self.is_carried
        ):
            self.confirm_requested.emit(self.statement_id)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.toggle.toggle()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note_edit:
            if event.type() == QEvent.Type.FocusOut:
                self._note_done()
            elif (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Escape
            ):
                self.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    def _note_typed(self) -> None:
        if self.note_edit.toPlainText() == self._note_saved:
            self._note_timer.stop()
            return
        self.note_state.setText(tr("toelichting nog niet opgeslagen…"))
        self._note_timer.start()

    def _note_done(self) -> None:
        """Hand a changed note to the page to save (after the pause in typing, or on leaving)."""
        self._note_timer.stop()
        text = self.note_edit.toPlainText()
        if text != self._note_saved:
            self._note_saved = text
            self.note_state.setText(tr("bezig met opslaan…"))
            self.note_edited.emit(self.statement_id, text)

    def note_stored(self, text: str) -> None:
        """The database holds ``text``: say so, unless the user has typed on since."""
        if text == self.note_edit.toPlainText():
            self.note_state.setText(tr(NOTE_SAVED))

    def note_failed(self, message: str) -> None:
        """Saving failed: say why, and try again with the next key or on leaving the field."""
        self._note_saved = None
        self.note_state.setText(tr("toelichting niet opgeslagen: {m}").format(m=message))

    @property
    def note_is_saved(self) -> bool:
        return self.note_state.text() == tr(NOTE_SAVED)

    def _toggle_explanation(self, shown: bool) -> None:
        self.explanation.setVisible(shown)
        arrow = "▾" if shown else "▸"
        self.toggle.setText(f"{arrow} " + tr("Uitleg en voorbeelden van bewijs"))

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._set_focused(True)
        self.card_focused.emit(self.statement_id)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._set_focused(False)
        super().focusOutEvent(event)

    def _set_focused(self, focused: bool) -> None:
        self.setProperty("focused", focused)
        self.style().unpolish(self)
        self.style().polish(self)
