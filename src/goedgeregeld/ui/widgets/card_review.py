"""The part of a statement card below the note: the adviser's verdict and the evidence files."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.widgets.common import button
from goedgeregeld.ui.widgets.review_parts import adviser_frame, verdict_line

if TYPE_CHECKING:
    from goedgeregeld.store.records import AttachmentRecord
    from goedgeregeld.store.review_records import StatementReviewRecord


class CardReview(QFrame):
    """Shows what it is given; the page that owns the card reads and writes the data."""

    open_requested = Signal(str)
    add_requested = Signal()
    remove_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.verdict_label: QLabel | None = None
        self.evidence_buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(4)
        self._content: QFrame | None = None
        self.add_evidence_button = button(tr("Bewijsstuk toevoegen…"), self)
        self.add_evidence_button.clicked.connect(self.add_requested)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_evidence_button)
        add_row.addStretch(1)
        self._box.addLayout(add_row)

    def show_review(
        self,
        record: StatementReviewRecord | None,
        attachments: Sequence[AttachmentRecord],
    ) -> None:
        """Show the adviser's verdict on this statement (if any) and its evidence files."""
        if self._content is not None:
            self._content.hide()
            self._content.deleteLater()
        content = QFrame(self)
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(4)
        self.verdict_label = None
        if record is not None:
            verdict, inner = adviser_frame(content, tr("Beoordeling van uw adviseur"))
            self.verdict_label = QLabel(verdict_line(record), verdict)
            self.verdict_label.setWordWrap(True)
            self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)
            inner.addWidget(self.verdict_label)
            box.addWidget(verdict)
        self.evidence_buttons = {}
        for attachment in attachments:
            row = QFrame(content)
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            open_button = button(f"📎 {attachment.file_name}", row)
            open_button.setObjectName("evidenceFile")
            remove_button = button(tr("Verwijderen"), row, name=tr("Bewijsstuk verwijderen"))
            open_button.clicked.connect(
                lambda _c=False, a=attachment.id: self.open_requested.emit(a)
            )
            remove_button.clicked.connect(
                lambda _c=False, a=attachment: self.remove_requested.emit(a)
            )
            line.addWidget(open_button, 1)
            line.addWidget(remove_button)
            box.addWidget(row)
            self.evidence_buttons[attachment.id] = (open_button, remove_button)
        self._box.insertWidget(0, content)
        self._content = content
        self.show()
