"""Talk to the user through one small service that tests replace; nothing here blocks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from goedgeregeld.ui.core.i18n import tr

if TYPE_CHECKING:
    from goedgeregeld.ui.core.settings import AppSettings


def message_box(
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    parent: QWidget | None,
) -> QMessageBox:
    """A message box that deletes itself once closed, so none pile up under the window."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return box


class DialogService:
    """Message boxes and file choosers, shown window-modal with callbacks (``open()``)."""

    def __init__(self, parent: QWidget | None = None, settings: AppSettings | None = None) -> None:
        self.parent = parent
        self.settings = settings
        """Where the file dialogs remember their last folder (none: they start at home)."""

    def _folder(self, kind: str, fallback: Path) -> Path:
        remembered = self.settings.last_folder(kind) if self.settings is not None else None
        return remembered or fallback

    def _remember(self, kind: str, path: Path) -> None:
        if self.settings is not None:
            self.settings.set_last_folder(kind, path.parent)

    def inform(self, title: str, text: str) -> None:
        """Tell the user something; returns at once."""
        box = message_box(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.parent
        )
        box.open()

    def error(self, text: str) -> None:
        """Show a problem in plain Dutch."""
        box = message_box(
            QMessageBox.Icon.Warning,
            tr("Er ging iets mis"),
            # Store messages are written to follow "goedgeregeld: " on a command line.
            text[:1].upper() + text[1:],
            QMessageBox.StandardButton.Ok,
            self.parent,
        )
        box.open()

    def confirm(self, title: str, text: str, on_yes: Callable[[], None]) -> None:
        """Ask a yes/no question; ``on_yes`` runs only when the user agrees."""
        box = message_box(
            QMessageBox.Icon.Question,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)

        def done(result: int) -> None:
            if result == QMessageBox.StandardButton.Yes:
                on_yes()

        box.finished.connect(done)
        box.open()

    def choose_save_path(
        self, title: str, suggested: Path, name_filter: str, on_chosen: Callable[[Path], None]
    ) -> None:
        """Let the user pick where to save a file; a place the output guard refuses is not used.

        The guard's one-line reason is shown (the app's own files, a folder, a named pipe),
        and the writer itself checks again when it writes.
        """
        dialog = file_dialog(
            self.parent, title, self._folder("save", suggested.parent), name_filter
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, tr("&Opslaan"))
        dialog.selectFile(suggested.name)
        dialog.fileSelected.connect(lambda name: self._checked(name, on_chosen) if name else None)
        dialog.open()

    def _checked(self, name: str, on_chosen: Callable[[Path], None]) -> None:
        from goedgeregeld.base.outputs import WriteError, check_output

        try:
            check_output(Path(name))
        except WriteError as exc:
            self.error(str(exc))
            return
        self._remember("save", Path(name))
        on_chosen(Path(name))

    def choose_open_paths(
        self, title: str, name_filter: str, on_chosen: Callable[[list[Path]], None]
    ) -> None:
        """Let the user pick one or more existing files to read."""
        dialog = file_dialog(self.parent, title, self._folder("open", Path.home()), name_filter)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)

        def chosen(names: list[str]) -> None:
            if names:
                self._remember("open", Path(names[0]))
                on_chosen([Path(n) for n in names])

        dialog.filesSelected.connect(chosen)
        dialog.open()

    def open_file(self, path: Path) -> None:
        """Open a file with the system's default program; say so when there is none."""
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.error(no_viewer_text(path))


def no_viewer_text(path: Path) -> str:
    """What to say when no program on this computer opens the file."""
    return tr(
        "Er is op deze computer geen programma gevonden dat ‘{name}’ opent. "
        "U vindt het bestand in de map {folder}; open het daar met een programma naar keuze."
    ).format(name=path.name, folder=path.parent)


def file_dialog(
    parent: QWidget | None, title: str, folder: Path, name_filter: str = ""
) -> QFileDialog:
    """Qt's file dialog with Dutch labels throughout.

    Qt's Dutch translation predates the keyboard shortcuts in some labels ("&Look in:"),
    so those stayed English; the labels are set here instead.
    """
    dialog = QFileDialog(parent, title, str(folder), name_filter)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn, tr("Zoeken &in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileName, tr("Bestands&naam:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType, tr("Bestands&type:"))
    dialog.setLabelText(QFileDialog.DialogLabel.Reject, tr("Annuleren"))
    return dialog
