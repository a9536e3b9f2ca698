"""The organisation profile: name, place, province, size, and which variant that gives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.base.provinces import PROVINCES
from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.core.operations import Change
from goedgeregeld.ui.core.services import EditionSource, Operations
from goedgeregeld.ui.core.settings import AppSettings
from goedgeregeld.ui.widgets.common import button, text_label, title_label
from goedgeregeld.ui.widgets.number_edit import DecimalSpinBox
from goedgeregeld.words import format_number

if TYPE_CHECKING:
    from goedgeregeld.questionnaire.model import Edition, SmallOrganisationRule
    from goedgeregeld.store.db.engine import Database
    from goedgeregeld.store.records import OrganisationRecord


def variant_explanation(
    volunteers: int, paid_fte: float, volunteers_below: int, fte_below: float
) -> str:
    """Which version the organisation fills in, and why, in one plain sentence."""
    limit_v, limit_f = volunteers_below, format_number(fte_below)
    if volunteers < volunteers_below and paid_fte < fte_below:
        return tr(
            "U vult de korte versie in: minder dan {v} vrijwilligers en minder dan {f} fte "
            "betaalde krachten. U beantwoordt alleen de kernstellingen (met een ster)."
        ).format(v=limit_v, f=limit_f)
    reasons = []
    if volunteers >= volunteers_below:
        reasons.append(tr("{v} of meer vrijwilligers").format(v=limit_v))
    if paid_fte >= fte_below:
        reasons.append(tr("{f} fte of meer betaalde krachten").format(f=limit_f))
    return tr("U vult de volledige versie in: {reasons}. U beantwoordt alle stellingen.").format(
        reasons=tr(" en ").join(reasons)
    )


class ProfilePage(QWidget):
    saved = Signal(str)
    cancelled = Signal()

    def __init__(
        self,
        operations: Operations,
        editions: EditionSource,
        settings: AppSettings,
        organisation: OrganisationRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.operations, self.settings = operations, settings
        self.organisation = organisation
        self._rule: SmallOrganisationRule | None = None
        self.field_errors: dict[QWidget, QLabel] = {}
        self.setAccessibleName(tr("Profiel van de organisatie"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 40)
        layout.setSpacing(14)
        heading = tr("Profiel van uw organisatie") if organisation else tr("Over uw organisatie")
        layout.addWidget(title_label(heading, self))
        layout.addWidget(
            text_label(
                tr("Met deze gegevens kiest de app de juiste versie van de vragenlijst."),
                self,
                muted=True,
            )
        )
        form = QFormLayout()
        form.setSpacing(10)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(300)
        self.city_edit = QLineEdit(self)
        self.province_box = QComboBox(self)
        self.province_box.addItem(tr("(kies een provincie)"), "")
        for province in PROVINCES:
            self.province_box.addItem(province, province)
        self.volunteers_spin = QSpinBox(self)
        self.volunteers_spin.setRange(0, 1_000_000)
        self.fte_spin = DecimalSpinBox(self)
        self.fte_spin.setRange(0, 100_000)
        self.fte_spin.setDecimals(1)
        self.fte_spin.setSingleStep(0.5)
        for label, widget in (
            (tr("Naam van de organisatie"), self.name_edit),
            (tr("Plaats"), self.city_edit),
            (tr("Provincie"), self.province_box),
            (tr("Aantal vrijwilligers"), self.volunteers_spin),
            (tr("Betaalde krachten (fte)"), self.fte_spin),
        ):
            widget.setAccessibleName(label)
            widget.setMinimumWidth(360)
            form.addRow(f"{label}:", widget)
            if widget is not self.province_box:
                form.addRow("", self._field_error(widget, label))
        layout.addLayout(form)
        self.variant_label = text_label("", self)
        self.variant_label.setObjectName("sectionTitle")
        layout.addWidget(self.variant_label)
        self.problem_label = QLabel("", self)
        self.problem_label.setObjectName("errorState")
        self.problem_label.setAccessibleName(tr("Melding"))
        layout.addWidget(self.problem_label)
        row = QHBoxLayout()
        self.save_button = button(tr("Opslaan en verder"), self, primary=True)
        self.cancel_button = button(tr("Terug"), self)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        if organisation is not None:
            self.name_edit.setText(organisation.name)
            self.city_edit.setText(organisation.city or "")
            self.province_box.setCurrentIndex(
                max(0, self.province_box.findData(organisation.province or ""))
            )
            self.volunteers_spin.setValue(organisation.volunteers or 0)
            self.fte_spin.setValue(organisation.paid_fte or 0.0)
        self.volunteers_spin.valueChanged.connect(self._update_variant)
        self.fte_spin.valueChanged.connect(self._update_variant)
        self.volunteers_spin.valueChanged.connect(self._check_size)
        self.fte_spin.valueChanged.connect(self._check_size)
        self.name_edit.textChanged.connect(self._name_changed)
        self.city_edit.textChanged.connect(lambda _text: self._show_error(self.city_edit, ""))
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.cancelled)
        self.setFocusProxy(self.name_edit)
        editions.with_edition(self._edition_ready)

    def _field_error(self, widget: QWidget, label: str) -> QLabel:
        """The message line right under a field, hidden while the field is fine."""
        error = QLabel("", self)
        error.setObjectName("errorState")
        error.setWordWrap(True)
        error.setAccessibleName(tr("Melding bij {field}").format(field=label))
        error.hide()
        self.field_errors[widget] = error
        return error

    def _show_error(self, widget: QWidget, message: str) -> None:
        error = self.field_errors[widget]
        error.setText(message)
        error.setVisible(bool(message))
        if not message and not any(e.text() for e in self.field_errors.values()):
            self.problem_label.setText("")

    def _name_changed(self, text: str) -> None:
        # A stale "fill in the name" goes as soon as there is a name.
        if text.strip():
            self._show_error(self.name_edit, "")

    def _size_problems(self) -> dict[str, str]:
        from goedgeregeld.store.organisations import size_problems

        return size_problems(self.volunteers_spin.value(), self.fte_spin.value())

    def _check_size(self) -> bool:
        """Show or clear the range messages at the two size fields; True when both are fine."""
        problems = self._size_problems()
        for key, widget in (("volunteers", self.volunteers_spin), ("paid_fte", self.fte_spin)):
            message = problems.get(key, "")
            self._show_error(widget, message[:1].upper() + message[1:] + "." if message else "")
        return not problems

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in any field saves (fields pass Enter on); buttons handle their own Enter.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.save_button.isEnabled():
                self._save()
            return
        super().keyPressEvent(event)

    def _edition_ready(self, edition: Edition) -> None:
        self._rule = edition.small_organisation
        self._update_variant()

    def _update_variant(self) -> None:
        if self._rule is None:
            return
        self.variant_label.setText(
            variant_explanation(
                self.volunteers_spin.value(),
                self.fte_spin.value(),
                self._rule.volunteers_below,
                self._rule.paid_fte_below,
            )
        )
        self.variant_label.setAccessibleName(self.variant_label.text())

    def _save(self) -> None:
        name = self.name_edit.text().strip()
        if not name:
            self._show_error(self.name_edit, tr("Vul de naam van uw organisatie in."))
            self.name_edit.setFocus()
            return
        if not self._check_size():
            first = self.volunteers_spin if "volunteers" in self._size_problems() else self.fte_spin
            first.setFocus()
            return
        self.problem_label.setText("")
        self.save_button.setEnabled(False)
        values = (
            name,
            self.city_edit.text().strip() or None,
            self.province_box.currentData() or None,
            self.volunteers_spin.value(),
            self.fte_spin.value(),
        )
        organisation = self.organisation

        def store(db: Database) -> str:
            from goedgeregeld.store import organisations

            if organisation is None:
                return organisations.create_organisation(db, *values).id
            return organisations.update_organisation(db, organisation.id, *values).id

        self.operations.write({Change.ORGANISATION}, store, self._stored, self._failed)

    def _stored(self, organisation_id: str) -> None:
        self.save_button.setEnabled(True)
        self.settings.last_organisation_id = organisation_id
        self.saved.emit(organisation_id)

    def _failed(self, exc: Exception) -> None:
        from goedgeregeld.store.errors import StoreError

        self.save_button.setEnabled(True)
        if isinstance(exc, StoreError):
            self.problem_label.setText(str(exc))
        else:
            self.operations.report_error(exc)
