"""The keurmerk line: "Keurmerk geldig tot ..." from a certificate that verified, else nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QLayout, QWidget

from goedgeregeld.ui.core.i18n import tr

if TYPE_CHECKING:
    from goedgeregeld.store.keurmerk import KeurmerkState


class KeurmerkLabel(QLabel):
    """Green when a mark shows; hidden without one. A review's own claim never shows here."""

    def __init__(self, parent: QWidget | None = None, layout: QLayout | None = None) -> None:
        super().__init__("", parent)
        if layout is not None:
            layout.addWidget(self)
        self.setObjectName("keurmerk")
        self.setWordWrap(True)
        self.setAccessibleName(tr("Keurmerk"))
        self.hide()

    def show_state(self, state: KeurmerkState | None) -> None:
        """Show the mark of ``state`` if it is valid (with its reminder), else hide."""
        from datetime import date

        from goedgeregeld.words.keurmerk import keurmerk_reminder, keurmerk_valid_until

        if state is None or not state.valid:
            self.hide()
            return
        text = "✓ " + keurmerk_valid_until(state.valid_until)
        if state.reminder:
            text += "\n" + keurmerk_reminder(state.valid_until, date.today())
        self.setText(text)
        self.setToolTip(tr("Keurmerkcertificaat {n}").format(n=state.number))
        self.show()
