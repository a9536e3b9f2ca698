"""The choice of role: organisation, adviser or NOV; remembered and changeable."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QRadioButton, QVBoxLayout, QWidget

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.settings import Role
from goedgeregeld.ui.widgets.common import button, text_label, title_label

ROLE_TEXTS = {
    Role.ORGANISATION: (
        "Organisatie",
        "U vult de zelfevaluatie in voor uw eigen organisatie.",
    ),
    Role.ADVISER: (
        "Adviseur",
        "U begeleidt organisaties en beoordeelt hun zelfevaluatie.",
    ),
    Role.NOV: (
        "NOV",
        "U leest statistiekbestanden van alle installaties in en maakt de landelijke cijfers.",
    ),
}


class RolePage(QWidget):
    role_chosen = Signal(object)

    def __init__(self, current: Role | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Rol kiezen"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.setSpacing(14)
        layout.addWidget(title_label(tr("Hoe gebruikt u Goed Geregeld?"), self))
        layout.addWidget(
            text_label(
                tr("U kunt dit later altijd wijzigen via het menu Instellingen."), self, muted=True
            )
        )
        self.group = QButtonGroup(self)
        self.buttons: dict[Role, QRadioButton] = {}
        for role, (name, explanation) in ROLE_TEXTS.items():
            radio = QRadioButton(f"{tr(name)}: {tr(explanation)}", self)
            radio.setAccessibleName(tr(name))
            radio.setAccessibleDescription(tr(explanation))
            self.group.addButton(radio)
            self.buttons[role] = radio
            layout.addWidget(radio)
        self.buttons[current or Role.ORGANISATION].setChecked(True)
        row = QHBoxLayout()
        self.next_button = button(tr("Verder"), self, primary=True)
        row.addWidget(self.next_button)
        row.addStretch(1)
        layout.addSpacing(10)
        layout.addLayout(row)
        layout.addStretch(1)
        self.next_button.clicked.connect(self._choose)
        self.setFocusProxy(self.buttons[current or Role.ORGANISATION])

    def chosen(self) -> Role:
        return next(role for role, radio in self.buttons.items() if radio.isChecked())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on the chosen role goes on, as a user expects after picking with the arrows.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._choose()
            return
        super().keyPressEvent(event)

    def _choose(self) -> None:
        self.role_chosen.emit(self.chosen())
