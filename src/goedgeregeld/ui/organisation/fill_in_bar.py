"""The bar under the statement cards: next open statement, themes, interim result, Afronden."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.widgets.common import button
from goedgeregeld.ui.widgets.flow_layout import flow_row
from goedgeregeld.words import counted


def finish_reason(open_count: int) -> str:
    """Why "Afronden" cannot be pressed yet, or "" once it can."""
    if open_count <= 0:
        return ""
    return tr("Afronden kan zodra alles is beantwoord: nog {open} open.").format(
        open=counted(open_count, tr("stelling"), tr("stellingen"))
    )


def finish_question() -> str:
    """The question before an evaluation is completed."""
    return tr(
        "Alle stellingen zijn beantwoord. Na het afronden liggen de antwoorden vast en "
        "ziet u de uitkomst. Wilt u afronden?"
    )


class FillInBar(QWidget):
    """The buttons under the cards, and the reason "Afronden" waits, in words beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(4)
        self.finish_reason = QLabel("", self)
        self.finish_reason.setObjectName("muted")
        self.finish_reason.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.finish_reason.setWordWrap(True)
        self.finish_reason.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        outer.addWidget(self.finish_reason)
        self.next_open_button = button(tr("Volgende open stelling (F3)"), self)
        self.previous_button = button(tr("‹ Vorig thema"), self, name=tr("Vorig thema"))
        self.next_button = button(tr("Volgend thema ›"), self, name=tr("Volgend thema"))
        self.results_button = button(tr("Tussenstand"), self)
        self.finish_button = button(tr("Afronden"), self, primary=True)
        self.previous_button.setToolTip("Ctrl+PgUp")
        self.next_button.setToolTip("Ctrl+PgDown")
        # One row that wraps: at large text or on a small screen nothing goes off the edge.
        row = QHBoxLayout()
        row.addWidget(self.next_open_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = (self.previous_button, self.next_button, self.results_button, self.finish_button)
        row.addWidget(flow_row(self, buttons, align_right=True), 1)
        outer.addLayout(row)

    def show_open(self, open_count: int) -> None:
        """Enable "Afronden" when nothing is open; otherwise say how much is left."""
        reason = finish_reason(open_count)
        self.finish_button.setEnabled(not reason)
        self.finish_button.setToolTip(reason)
        self.finish_button.setAccessibleDescription(reason)
        self.finish_reason.setText(reason)
        self.finish_reason.setVisible(bool(reason))
        self.next_open_button.setEnabled(bool(reason))
