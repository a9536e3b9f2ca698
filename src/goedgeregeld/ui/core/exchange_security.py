"""Passwords and key changes for exchange files: the export lock, the import password, trust.

Non-blocking dialogs with callbacks (``open()``), so tests drive them without ``exec()``.
Import screens hook in through ``follow_up_failures`` after an import run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from goedgeregeld.ui.core.i18n import tr

if TYPE_CHECKING:
    from goedgeregeld.exchange.outcome import ImportOutcome
    from goedgeregeld.ui.core.services import Dialogs
    from goedgeregeld.words.files import ShareWords


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


class ExportLockDialog(QDialog):
    """The "Versleutelen met wachtwoord" choice before a file for another computer is written.

    ``words`` gives the title and what the file holds, per kind; without it, the evaluation
    file's.
    """

    def __init__(self, parent: QWidget | None = None, words: ShareWords | None = None) -> None:
        from goedgeregeld.exchange.container.encryption import LOST_PASSPHRASE_WARNING

        super().__init__(parent)
        if words is None:
            from goedgeregeld.ui.core.help_texts import evaluation_file_text

            title, intro = tr("Evaluatiebestand delen"), evaluation_file_text()
        else:
            title, intro = tr(words.title), tr(words.intro)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        # What sharing makes comes first: the password is a choice about that file.
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(tr("Wat u deelt"))
        layout.addWidget(self.intro)
        self.lock = QCheckBox(tr("Versleutelen met wachtwoord"), self)
        layout.addWidget(self.lock)
        form = QFormLayout()
        self.first = _password_field(self, tr("Wachtwoord"))
        self.second = _password_field(self, tr("Wachtwoord nogmaals"))
        form.addRow(tr("Wachtwoord:"), self.first)
        form.addRow(tr("Nogmaals:"), self.second)
        layout.addLayout(form)
        self.warning = QLabel(tr(LOST_PASSPHRASE_WARNING), self)
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        self.problem = QLabel("", self)
        self.problem.setObjectName("formError")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.lock.toggled.connect(self._sync)
        self._sync(False)
        self.setMinimumWidth(480)

    def _sync(self, locked: bool) -> None:
        for widget in (self.first, self.second, self.warning):
            widget.setEnabled(locked)

    def passphrase(self) -> str | None:
        """The chosen password, or None when the file is not to be locked."""
        return self.first.text() if self.lock.isChecked() else None

    def try_accept(self) -> None:
        from goedgeregeld.exchange.container.encryption import check_passphrase

        if self.lock.isChecked():
            if self.first.text() != self.second.text():
                self.problem.setText(tr("De wachtwoorden zijn niet gelijk."))
                return
            try:
                check_passphrase(self.first.text())
            except ValueError as exc:
                self.problem.setText(tr(str(exc)).capitalize() + ".")
                return
        self.accept()


class ImportPassphraseDialog(QDialog):
    """Asks the password of one locked file."""

    def __init__(self, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Versleuteld bestand"))
        layout = QVBoxLayout(self)
        text = tr("{name} is versleuteld. Vul het wachtwoord in dat u van de afzender kreeg.")
        label = QLabel(text.format(name=file_name), self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.field = _password_field(self, tr("Wachtwoord"))
        layout.addWidget(self.field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def ask_export_lock(
    parent: QWidget | None,
    on_done: Callable[[str | None], None],
    words: ShareWords | None = None,
) -> ExportLockDialog:
    """Ask whether to lock; ``on_done(password or None)`` runs on OK, nothing on cancel.

    ``words`` (from ``goedgeregeld.words.files``) names the kind of file; none: an evaluation
    file.
    """
    dialog = ExportLockDialog(parent, words)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: on_done(dialog.passphrase()))
    dialog.open()
    return dialog


def ask_import_passphrase(
    parent: QWidget | None, path: Path, on_given: Callable[[str], None]
) -> ImportPassphraseDialog:
    """Ask the password of ``path``; ``on_given(password)`` runs on OK with a non-empty one."""
    dialog = ImportPassphraseDialog(path.name, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: on_given(dialog.field.text()) if dialog.field.text() else None)
    dialog.open()
    return dialog


def _retry_with(retry: Callable[[Path, str | None], None], path: Path, password: str) -> None:
    retry(path, password)


AcceptKey = Callable[[str, str, Callable[[], None]], None]
"""``accept_key(installation_id, fingerprint, then)`` records an approved key change (a
write through the operations), then calls ``then()``."""


def follow_up_failures(
    parent: QWidget | None,
    dialogs: Dialogs,
    accept_key: AcceptKey,
    outcomes: Sequence[ImportOutcome],
    retry: Callable[[Path, str | None], None],
) -> None:
    """After an import run: ask for passwords and key changes, then ``retry(path, password)``.

    A locked file without password gets a password dialog; a file from a known installation
    with a new key gets a confirmation that explains the risk, and on yes the new key is
    accepted. Every other failure is left to the caller's own report.
    """
    from goedgeregeld.exchange.container.encryption import PassphraseRequiredError
    from goedgeregeld.exchange.container.signing import KeyChangedError

    for outcome in outcomes:
        error = getattr(outcome, "error", None)
        path = Path(outcome.path)
        if isinstance(error, PassphraseRequiredError):
            ask_import_passphrase(parent, path, partial(_retry_with, retry, path))
        elif isinstance(error, KeyChangedError):

            def accept(p: Path = path, e: KeyChangedError = error) -> None:
                accept_key(e.installation_id, e.new_fingerprint, lambda: retry(p, None))

            dialogs.confirm(
                tr("Andere sleutel"),
                tr(
                    "{problem}\n\nHeeft u de nieuwe vingerafdruk {fingerprint} met de afzender "
                    "gecontroleerd en wilt u deze sleutel voortaan vertrouwen?"
                ).format(problem=error.problem, fingerprint=error.new_fingerprint),
                accept,
            )
