"""The "Over Goed Geregeld" dialog: version, data folder and the software it is built with."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld import __version__
from goedgeregeld.ui.core.i18n import tr


def _selectable(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    """Shows the app's version (from package metadata) and where its data lives."""

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.setWindowTitle(tr("Over Goed Geregeld"))
        self.setAccessibleName(tr("Over Goed Geregeld"))
        layout = QVBoxLayout(self)
        title = QLabel(tr("Goed Geregeld"), self)
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        layout.addWidget(
            _selectable(
                tr(
                    "Zelfevaluatie voor organisaties die met vrijwilligers werken. "
                    "Alles blijft op deze computer, tenzij u zelf een bestand verstuurt."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.version_label = _selectable(__version__, self)
        self.version_label.setAccessibleName(tr("Versie"))
        form.addRow(tr("Versie:"), self.version_label)
        self.folder_label = _selectable(str(data_dir), self)
        self.folder_label.setAccessibleName(tr("Gegevensmap"))
        form.addRow(tr("Gegevensmap:"), self.folder_label)
        self._add_identity(form)
        python = ".".join(str(part) for part in sys.version_info[:3])
        form.addRow(tr("Gebouwd met:"), _selectable(f"Python {python}, Qt {qVersion()}", self))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_folder_button = QPushButton(tr("Gegevensmap openen"), self)
        self.open_folder_button.setAccessibleName(tr("Gegevensmap openen"))
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.clicked.connect(self.open_data_folder)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _add_identity(self, form: QFormLayout) -> None:
        """This installation's key fingerprint (and id), to compare with an adviser by phone.

        A plain sentence says what it is for; an id the database has not made yet is left out
        rather than shown as "nog niet aangemaakt".
        """
        from goedgeregeld.base.errors import UserFacingError
        from goedgeregeld.exchange.container.identity import describe_installation

        try:
            installation, fingerprint = describe_installation(self.data_dir)
        except (OSError, ValueError, UserFacingError) as exc:
            installation, fingerprint = None, tr("niet beschikbaar ({reason})").format(reason=exc)
        explanation = _selectable(
            tr(
                "Elk bestand dat u deelt, is ondertekend door deze computer. Wil uw adviseur "
                "aan de telefoon controleren dat een bestand echt van u komt, noem dan deze "
                "vingerafdruk; de adviseur ziet dezelfde bij uw bestand."
            ),
            self,
        )
        explanation.setObjectName("muted")
        form.addRow(explanation)
        self.fingerprint_label = _selectable(fingerprint, self)
        self.fingerprint_label.setAccessibleName(tr("Vingerafdruk van deze computer"))
        self.fingerprint_label.setToolTip(
            tr("Hiermee controleert een adviseur dat een bestand echt van deze computer komt.")
        )
        form.addRow(tr("Vingerafdruk:"), self.fingerprint_label)
        self.installation_label = _selectable(installation or "", self)
        self.installation_label.setAccessibleName(tr("Installatie"))
        if installation:
            form.addRow(tr("Installatie:"), self.installation_label)
        else:
            self.installation_label.hide()

    def open_data_folder(self) -> None:
        """Show the data folder in the system's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_dir)))


def show_about(parent: QWidget | None, data_dir: Path) -> AboutDialog:
    """Open the dialog window-modal without blocking; returns it (tests look inside)."""
    dialog = AboutDialog(data_dir, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
