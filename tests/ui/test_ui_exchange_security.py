"""The export lock, the import password and the key-change confirmation in the app."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.container.encryption import PassphraseRequiredError
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.container.signing import KeyChangedError
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.models.trust import TrustedKey
from goedgeregeld.ui.core.exchange_security import ask_export_lock, follow_up_failures
from goedgeregeld.ui.shell.about_dialog import AboutDialog


class _Dialogs:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def confirm(self, title: str, text: str, on_yes) -> None:
        self.asked.append(text)
        on_yes()


def _window(qtbot):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_about_dialog_shows_the_key_fingerprint(qtbot, tmp_path: Path) -> None:
    from goedgeregeld.exchange.container.keys import load_installation_key

    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    key = load_installation_key(tmp_path)
    assert key is not None and dialog.fingerprint_label.text() == key.fingerprint


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_export_lock_needs_equal_long_passwords(qtbot) -> None:
    chosen: list[str | None] = []
    parent = _window(qtbot)
    dialog = ask_export_lock(parent, chosen.append)
    qtbot.addWidget(dialog)
    dialog.lock.setChecked(True)
    assert "nooit meer openen" in dialog.warning.text()
    dialog.first.setText("kort")
    dialog.second.setText("kort")
    dialog.try_accept()
    assert chosen == [] and "8 tekens" in dialog.problem.text()
    dialog.first.setText("een lang wachtwoord")
    dialog.second.setText("een ander wachtwoord")
    dialog.try_accept()
    assert chosen == [] and "niet gelijk" in dialog.problem.text()
    dialog.second.setText("een lang wachtwoord")
    dialog.try_accept()
    assert chosen == ["een lang wachtwoord"]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_follow_up_asks_password_and_accepts_a_confirmed_key(
    qtbot, tmp_path: Path, template_database: Path
) -> None:
    shutil.copyfile(template_database, database_path(tmp_path))
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    new_key = InstallationKey(private, raw)
    installation = "3f2a9c01-0000-4000-8000-000000000001"
    db = open_database(database_path(tmp_path))
    from goedgeregeld.store.clock import utc_now

    with db.session() as session:
        session.add(
            TrustedKey(
                installation_id=installation,
                public_key="11" * 32,
                first_seen_at=utc_now(),
                last_seen_at=utc_now(),
                accepted_fingerprint=None,
            )
        )
    locked, changed = tmp_path / "slot.ggeval", tmp_path / "nieuw.ggeval"
    outcomes = [
        ImportOutcome(
            locked, ImportStatus.FAILED, "x", error=PassphraseRequiredError(locked, "versleuteld")
        ),
        ImportOutcome(
            changed,
            ImportStatus.FAILED,
            "y",
            error=KeyChangedError(changed, "andere sleutel", installation, new_key.public_key),
        ),
    ]
    retried: list[tuple[str, str | None]] = []
    dialogs = _Dialogs()
    parent = _window(qtbot)

    def accept_key(installation_id: str, fingerprint: str, then) -> None:
        from goedgeregeld.store.trust import accept_key_change

        accepting = open_database(database_path(tmp_path))
        try:
            accept_key_change(accepting, installation_id, fingerprint)
        finally:
            accepting.close()
        then()

    follow_up_failures(
        parent,
        dialogs,
        accept_key,
        outcomes,
        lambda p, pw: retried.append((p.name, pw)),
    )
    assert retried == [("nieuw.ggeval", None)] and new_key.fingerprint in dialogs.asked[0]
    with db.session() as session:
        assert session.get(TrustedKey, installation).accepted_fingerprint == new_key.fingerprint
    db.close()
    from goedgeregeld.ui.core.exchange_security import ImportPassphraseDialog

    [password_dialog] = parent.findChildren(ImportPassphraseDialog)
    password_dialog.field.setText("geheim wachtwoord")
    password_dialog.accept()
    assert retried[-1] == ("slot.ggeval", "geheim wachtwoord")
