"""The adviser registers once on this installation: name and region (a province)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from goedgeregeld.base.provinces import PROVINCES
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.core.services import Operations
from goedgeregeld.ui.widgets.common import button, text_label, title_label

if TYPE_CHECKING:
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.records import AdviserRecord


class RegistrationPage(QWidget):
    """Name and region; the store keeps a random id and the registration date."""

    registered = Signal(object)
    change_role_requested = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.operations = operations
        self.setAccessibleName(tr("Registreren als adviseur"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.setSpacing(14)
        layout.addWidget(title_label(tr("Welkom, adviseur"), self))
        for text in (
            tr(
                "Als Goed Geregeld-adviseur beoordeelt u hier de zelfevaluaties van uw klanten. "
                "Een organisatie stuurt u haar evaluatiebestand (.ggeval) per e-mail of USB; u "
                "leest het in met Bestand › Evaluatiebestanden inlezen… (Ctrl+I) of sleept het "
                "naar het venster."
            ),
            tr(
                "Per stelling ziet u de eigen score, de toelichting en de bewijsstukken. U bent "
                "het eens, of u stelt een lagere of hogere score voor, met een opmerking. Met "
                "het toetsenbord gaat dat in het tempo van lezen: Enter is ‘eens’ en door."
            ),
            tr(
                "Daarna legt u uw besluit vast en stuurt u de beoordeling terug als "
                "beoordelingsbestand (.ggreview). Alles blijft op deze computer; er gaat niets "
                "via internet."
            ),
            tr(
                "U registreert zich één keer op deze computer. Uw naam en regio staan op de "
                "beoordelingen die u naar organisaties stuurt."
            ),
        ):
            layout.addWidget(text_label(text, self))
        form = QFormLayout()
        form.setSpacing(10)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(tr("Uw naam"))
        self.name_edit.setMaxLength(200)
        self.name_edit.setMinimumWidth(360)
        self.name_edit.setMaximumWidth(480)
        form.addRow(tr("Uw naam"), self.name_edit)
        self.region_box = QComboBox(self)
        self.region_box.setAccessibleName(tr("Uw regio"))
        self.region_box.addItem(tr("(geen regio)"), None)
        for province in PROVINCES:
            self.region_box.addItem(province, province)
        self.region_box.setMaximumWidth(480)
        form.addRow(tr("Regio"), self.region_box)
        layout.addLayout(form)
        self.message = text_label("", self)
        self.message.setObjectName("errorState")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.register_button = button(tr("Registreren"), self, primary=True)
        self.role_button = button(tr("Andere rol kiezen"), self)
        row.addWidget(self.register_button)
        row.addWidget(self.role_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.register_button.clicked.connect(self.register)
        self.name_edit.returnPressed.connect(self.register)
        self.role_button.clicked.connect(self.change_role_requested)
        self.setFocusProxy(self.name_edit)

    def register(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self._show_problem(tr("Vul uw naam in."))
            return
        region = self.region_box.currentData()

        def work(db: Database) -> AdviserRecord:
            from goedgeregeld.store.advisers import register_adviser

            return register_adviser(db, name, region)

        self.register_button.setEnabled(False)
        self.operations.write({Change.ADVISER}, work, self._done, self._failed)

    def _done(self, adviser: AdviserRecord) -> None:
        self.register_button.setEnabled(True)
        self.registered.emit(adviser)

    def _failed(self, exc: Exception) -> None:
        from goedgeregeld.store.errors import StoreError

        self.register_button.setEnabled(True)
        if isinstance(exc, StoreError):
            self._show_problem(str(exc))
        else:
            self.operations.report_error(exc)

    def _show_problem(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
