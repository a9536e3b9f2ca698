"""Locked and signed evaluation files in the app: lock on export, password and key on import."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from tests.exchange.exchange_helpers import dump, filled_evaluation, read_members
from tests.ui.conftest import wait_for_page

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.container.archive import write_archive
from goedgeregeld.exchange.container.envelope import write_signed_archive
from goedgeregeld.exchange.container.identity import own_identity
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.evaluation.format import EVALUATION_KIND
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.ui.core.exchange_security import ExportLockDialog, ImportPassphraseDialog
from goedgeregeld.ui.core.settings import Role

# Offscreen Qt warns once when the first non-blocking dialog opens.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

PASSWORD = "lange zin als wachtwoord"


def _organisation(tmp_path: Path, template_database: Path, edition) -> tuple[Path, str, str]:
    """A data folder with a completed evaluation: (folder, evaluation id, key fingerprint)."""
    folder = tmp_path / "org"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    db = open_database(database_path(folder))
    try:
        evaluation_id, _first = filled_evaluation(db, edition, tmp_path)
        return folder, evaluation_id, own_identity(db).fingerprint
    finally:
        db.close()


def _register_adviser(data_dir: Path) -> None:
    db = open_database(database_path(data_dir))
    register_adviser(db, "Bas")
    db.close()


def _dump(data_dir: Path) -> list[str]:
    db = open_database(database_path(data_dir))
    try:
        return dump(db)
    finally:
        db.close()


def _visible(window, cls):
    """The open (non-blocking) dialog of ``cls`` on ``window``."""
    found = [d for d in window.findChildren(cls) if d.isVisible()]
    assert len(found) == 1, found
    return found[0]


def _lines(page) -> list[str]:
    return [page.outcomes.item(i).text() for i in range(page.outcomes.count())]


def test_locked_export_then_import_with_wrong_and_right_password(
    start_in, data_dir: Path, tmp_path: Path, template_database: Path, edition, qtbot
) -> None:
    org_dir, evaluation_id, org_fingerprint = _organisation(tmp_path, template_database, edition)
    target = tmp_path / "klant.ggeval"

    # The organisation shares its evaluation locked with a password.
    org = start_in(org_dir, Role.ORGANISATION)
    org.flow.show_results(evaluation_id)
    results = wait_for_page(qtbot, org, "ResultsPage", lambda p: p.data is not None)
    org.dialogs.save_path = target
    results.share_button.click()
    lock = _visible(org.window, ExportLockDialog)
    assert not target.exists()  # nothing is written before the lock is chosen
    lock.lock.setChecked(True)
    lock.first.setText(PASSWORD)
    lock.second.setText(PASSWORD)
    lock.try_accept()
    qtbot.waitUntil(lambda: any("versleuteld" in t for _h, t in org.dialogs.shown), timeout=10_000)
    assert "signature.json" in read_members(target) and "encryption.json" in read_members(target)

    # The adviser imports it: the password is asked; a wrong one is refused, nothing changes.
    _register_adviser(data_dir)
    adviser = start_in(data_dir, Role.ADVISER)
    clients = wait_for_page(qtbot, adviser, "ClientListPage", lambda p: p.data is not None)
    before = _dump(data_dir)
    with qtbot.waitSignal(clients.import_finished, timeout=20_000):
        clients.import_files([target])
    assert "versleuteld" in _lines(clients)[0]
    asked = _visible(adviser.window, ImportPassphraseDialog)
    asked.field.setText("niet het wachtwoord")
    with qtbot.waitSignal(clients.outcome_retried, timeout=20_000) as retried:
        asked.accept()
    assert not retried.args[0].ok
    assert _lines(clients)[0].startswith("✗ ") and "wachtwoord klopt niet" in _lines(clients)[0]
    assert "wachtwoord klopt niet" in adviser.dialogs.shown[-1][1]
    adviser.context.operations.wait()
    assert _dump(data_dir) == before
    assert clients.model.rowCount() == 0

    # Opened from the desktop (--open), with the right password: it goes in, signer shown.
    adviser.flow.open_file(target)
    qtbot.waitUntil(
        lambda: bool(adviser.window.findChildren(ImportPassphraseDialog)), timeout=20_000
    )
    asked = _visible(adviser.window, ImportPassphraseDialog)
    asked.field.setText(PASSWORD)
    asked.accept()
    qtbot.waitUntil(lambda: adviser.flow.opened_outcomes[0].ok, timeout=20_000)
    title, text = adviser.dialogs.shown[-1]
    assert title == "Bestand ingelezen" and f"ondertekend door {org_fingerprint}" in text
    wait_for_page(qtbot, adviser, "ClientListPage", lambda p: p.model.rowCount() == 1)


def _other_key() -> InstallationKey:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return InstallationKey(private, raw)


def test_unsigned_notice_fingerprint_and_confirmed_key_change(
    start_in, data_dir: Path, tmp_path: Path, template_database: Path, edition, qtbot
) -> None:
    org_dir, evaluation_id, org_fingerprint = _organisation(tmp_path, template_database, edition)
    db = open_database(database_path(org_dir))
    exported = export_evaluation(db, evaluation_id, tmp_path / "export.ggeval")
    org_key = own_identity(db).key
    db.close()
    inner = read_members(exported)
    inner.pop("manifest.json")
    # Pinned to an id from before ids came from keys (random): only such an id can change
    # its key; a key-derived id with another key is refused outright (test_identity_attacks).
    installation = str(uuid.uuid4())
    signed = tmp_path / "klant.ggeval"
    write_signed_archive(signed, EVALUATION_KIND, inner, org_key, installation)
    old = tmp_path / "oud.ggeval"
    write_archive(old, EVALUATION_KIND, inner)
    new_key = _other_key()
    changed = tmp_path / "nieuwe-sleutel.ggeval"
    write_signed_archive(changed, EVALUATION_KIND, inner, new_key, installation)

    _register_adviser(data_dir)
    adviser = start_in(data_dir, Role.ADVISER)
    clients = wait_for_page(qtbot, adviser, "ClientListPage", lambda p: p.data is not None)
    adviser.dialogs.answer_yes = False
    with qtbot.waitSignal(clients.import_finished, timeout=20_000):
        clients.import_files([old, signed, changed])
    first, second, third = _lines(clients)
    assert first.startswith("✓ ") and "niet ondertekend" in first
    assert second.startswith("✓ ") and second.endswith(f"ondertekend door {org_fingerprint}")
    assert "installatie" not in second  # the long installation id stays in the tooltip
    assert third.startswith("✗ ") and "andere sleutel" in third
    title, question = adviser.dialogs.shown[-1]
    assert title == "Andere sleutel" and new_key.fingerprint in question
    assert not adviser.window.findChildren(ImportPassphraseDialog)

    # The adviser checked the new fingerprint with the client and says yes: the retry goes in.
    adviser.dialogs.answer_yes = True
    retried: list = []
    clients.outcome_retried.connect(retried.append)
    clients.import_files([changed])
    qtbot.waitUntil(lambda: bool(retried), timeout=20_000)
    assert retried[0].ok and retried[0].signer == new_key.fingerprint
    assert _lines(clients) == [
        f"✓ nieuwe-sleutel.ggeval: al ingelezen; niets veranderd; "
        f"ondertekend door {new_key.fingerprint}"
    ]


def test_menu_import_asks_the_password_of_a_locked_file(
    start_in, data_dir: Path, tmp_path: Path, template_database: Path, edition, qtbot
) -> None:
    org_dir, evaluation_id, fingerprint = _organisation(tmp_path, template_database, edition)
    db = open_database(database_path(org_dir))
    locked = export_evaluation(db, evaluation_id, tmp_path / "slot.ggeval", PASSWORD)
    db.close()
    app = start_in(data_dir, Role.ORGANISATION)
    qtbot.waitUntil(lambda: app.flow.page is not None, timeout=15_000)
    app.dialogs.open_paths = [locked]
    app.actions_by_name["import_review"].trigger()
    qtbot.waitUntil(lambda: bool(app.window.findChildren(ImportPassphraseDialog)), timeout=20_000)
    assert not any(title == "error" for title, _text in app.dialogs.shown)  # it asks, no error
    asked = _visible(app.window, ImportPassphraseDialog)
    asked.field.setText(PASSWORD)
    asked.accept()
    qtbot.waitUntil(lambda: "ingelezen." in app.dialogs.shown[-1][1], timeout=20_000)
    assert "1 van 1 bestand ingelezen.\nslot.ggeval" in app.dialogs.shown[-1][1]
    assert app.dialogs.shown[-1][1].endswith(f"ondertekend door {fingerprint}")
