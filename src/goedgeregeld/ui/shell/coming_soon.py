"""What advisers and NOV see until their part of the app is there."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.settings import Role
from goedgeregeld.ui.widgets.common import button, text_label, title_label


class ComingSoonPage(QWidget):
    change_role_requested = Signal()

    def __init__(self, role: Role, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name = tr("Adviseur") if role is Role.ADVISER else tr("NOV")
        self.setAccessibleName(tr("Komt eraan"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.setSpacing(14)
        layout.addWidget(title_label(tr("{role}: komt eraan").format(role=name), self))
        layout.addWidget(
            text_label(
                tr(
                    "Dit deel van de app is nog in de maak. Op de opdrachtregel kunt u er al mee "
                    "werken. Wilt u een zelfevaluatie invullen? Kies dan de rol Organisatie."
                ),
                self,
            )
        )
        row = QHBoxLayout()
        self.change_button = button(tr("Andere rol kiezen"), self, primary=True)
        row.addWidget(self.change_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.change_button.clicked.connect(self.change_role_requested)
        self.setFocusProxy(self.change_button)
