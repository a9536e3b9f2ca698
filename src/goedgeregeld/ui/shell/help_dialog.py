"""The help window: the page's help, and the buttons to the general topics; never blocks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.shell.help_pages import HelpPage, evaluation_file_help, roles_help
from goedgeregeld.ui.widgets.common import button, title_label


class HelpDialog(QDialog):
    """One help page at a time; the topic buttons switch it in place."""

    def __init__(self, page: HelpPage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Help"))
        self.setAccessibleName(tr("Help"))
        layout = QVBoxLayout(self)
        self.title = title_label("", self)
        layout.addWidget(self.title)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text = QLabel("", scroll)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        scroll.setWidget(self.text)
        layout.addWidget(scroll, 1)
        topics = QHBoxLayout()
        self.roles_button = button(tr("Wat doet elke rol?"), self)
        self.file_button = button(tr("Wat gaat er naar de adviseur?"), self)
        topics.addWidget(self.roles_button)
        topics.addWidget(self.file_button)
        topics.addStretch(1)
        layout.addLayout(topics)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.roles_button.clicked.connect(lambda: self.show_page(roles_help()))
        self.file_button.clicked.connect(lambda: self.show_page(evaluation_file_help()))
        self.resize(560, 440)
        self.show_page(page)

    def show_page(self, page: HelpPage) -> None:
        """Put ``page`` in the window; a screen reader reads it whole."""
        self.title.setText(page.title)
        self.title.setAccessibleName(page.title)
        text = "\n\n".join(page.paragraphs)
        self.text.setText(text)
        self.text.setAccessibleName(page.title)
        self.text.setAccessibleDescription(text)


def show_help(parent: QWidget | None, page: HelpPage) -> HelpDialog:
    """Open the help beside the window (not modal, so the user can follow it); returns it."""
    dialog = HelpDialog(page, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
