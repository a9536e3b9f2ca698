"""The respondent's side in the app: a .ggresp opened on another computer, answered, sent back.

Two installations: the coordinator's (a plain database here) and the respondent's (the app).
Files go between them through the real export and import paths, locked and unlocked.
"""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.exchange.exchange_helpers import dump, read_members
from tests.ui.conftest import wait_for_page

from goedgeregeld.base.paths import database_path
from goedgeregeld.domain import RespondentRole
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.respondent.file import export_respondent_file
from goedgeregeld.exchange.respondent.format import INVITATION_MEMBER
from goedgeregeld.scoring import Variant, all_required
from goedgeregeld.store.db.engine import Database, make_engine
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.invitations import list_invitations
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.records import ImportStatus
from goedgeregeld.store.respondents import add_respondent, list_respondents, merged_view
from goedgeregeld.ui.core.exchange_security import ExportLockDialog, ImportPassphraseDialog

# Offscreen Qt warns once when the first non-blocking dialog opens.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

PASSWORD = "lange zin als wachtwoord"


@pytest.fixture
def coordinator(tmp_path: Path, template_database: Path) -> Iterator[Database]:
    """The coordinator's installation, where the evaluation and its respondents live."""
    folder = tmp_path / "coordinator"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    database = Database(database_path(folder), make_engine(database_path(folder)))
    yield database
    database.close()


@pytest.fixture
def invitation(coordinator: Database, edition, tmp_path: Path):
    """An evaluation of a small club with one respondent invited to answer elsewhere."""
    org = create_organisation(coordinator, "Buurthuis De Linde", volunteers=30, paid_fte=0)
    evaluation = start_evaluation(coordinator, org.id, edition)
    person = add_respondent(coordinator, evaluation.id, "Sanne de Vries", RespondentRole.VOLUNTEER)
    asked = [s.id for s in all_required(edition, Variant.SMALL)]
    return evaluation, person, asked


def _visible(cls):
    from PySide6.QtWidgets import QApplication

    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def _lock(qtbot, password: str | None) -> ExportLockDialog:
    qtbot.waitUntil(lambda: bool(_all(ExportLockDialog)), timeout=10_000)
    dialog = _visible(ExportLockDialog)
    if password is not None:
        dialog.lock.setChecked(True)
        dialog.first.setText(password)
        dialog.second.setText(password)
    dialog.try_accept()
    return dialog


def _all(cls):
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]


def _answer_theme(qtbot, page, values) -> None:
    """Answer every card of the theme on screen with the next of ``values``."""
    for card in page.cards:
        card.answer(next(values))
    qtbot.waitUntil(lambda: all(c.is_saved for c in page.cards), timeout=10_000)


def _resealed(source: Path, target: Path, old: bytes, new: bytes) -> Path:
    """``source`` with ``old`` replaced in its invitation, keeping the original signature."""
    with zipfile.ZipFile(source) as outer:
        members = {n: outer.read(n) for n in outer.namelist()}
    inner = zipfile.ZipFile(io.BytesIO(members["payload"]))
    content = {n: inner.read(n) for n in inner.namelist()}
    assert old in content[INVITATION_MEMBER]
    content[INVITATION_MEMBER] = content[INVITATION_MEMBER].replace(old, new)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as rebuilt:
        for name, data in content.items():
            rebuilt.writestr(name, data)
    members["payload"] = buffer.getvalue()
    with zipfile.ZipFile(target, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    return target


def test_a_respondent_answers_on_their_own_computer_and_sends_the_file_back(
    start_app, db, coordinator, invitation, qtbot, tmp_path
) -> None:
    evaluation, person, asked = invitation
    sent = export_respondent_file(coordinator, person.id, tmp_path / "Uitnodiging Sanne.ggresp")
    app = start_app()  # a fresh installation: first the welcome page

    # A changed invitation (another organisation's name, same signature) is refused.
    forged = _resealed(sent, tmp_path / "vals.ggresp", b"Buurthuis De Linde", b"Voedselbank")
    before = dump(db)
    app.dialogs.open_paths = [forged]
    app.actions_by_name["import_file"].trigger()  # Bestand › Inlezen…
    qtbot.waitUntil(lambda: bool(app.flow.opened_outcomes), timeout=10_000)
    title, text = app.dialogs.shown[-1]
    assert (
        title == "error"
        and "vals.ggresp" in text
        and "veranderd nadat het bestand werd ondertekend" in text
    )
    assert dump(db) == before and list_invitations(db) == []
    assert app.flow.page_name == "welcome"

    # The real one, opened from the desktop, goes straight to its own page.
    app.flow.open_file(sent)
    page = wait_for_page(qtbot, app, "InvitationPage", lambda p: p.state is not None)
    assert page.title.text() == "Uitnodiging van Buurthuis De Linde"
    assert "Sanne de Vries (vrijwilliger)" in page.intro.text()
    assert len(page._all_ids()) == len(asked)
    assert page.sidebar.progress_label.text() == f"0 van {len(asked)} stellingen beantwoord"
    scores = iter([3, 2, 0, 1] * len(asked))
    _answer_theme(qtbot, page, scores)
    first_card = page.cards[0]
    first_card.note_edit.setPlainText("De VOG is voor iedereen aangevraagd")
    first_card._note_done()
    qtbot.waitUntil(lambda: first_card.note_is_saved, timeout=10_000)
    page.next_button.click()
    _answer_theme(qtbot, page, scores)
    answered = sum(len(s) for _t, s in page.theme_statements[:2])
    assert page.open_count() == len(asked) - answered

    # "Klaar" with statements still open asks first, then saves the answer file.
    target = tmp_path / "antwoorden.ggantw"
    app.dialogs.save_path = target
    page.done_button.click()
    assert "nog" in app.dialogs.shown[-1][1] and "zonder antwoord" in app.dialogs.shown[-1][1]
    lock = _lock(qtbot, None)
    assert lock.windowTitle() == "Antwoorden opslaan als bestand"
    assert ".ggantw" in lock.intro.text() and "evaluatiebestand" not in lock.intro.text()
    qtbot.waitUntil(lambda: app.dialogs.shown[-1][0] == "Antwoorden opgeslagen", timeout=10_000)
    assert "Stuur dit bestand naar Buurthuis De Linde" in app.dialogs.shown[-1][1]
    assert "Stuur dit bestand naar Buurthuis De Linde" in page.done_label.text()
    assert page.state.invitation.done_at is not None

    # The coordinator reads it in: the answers show in the merged view, the person is done.
    assert import_file(coordinator, target).status is ImportStatus.IMPORTED
    merged = {s.id: s for s in merged_view(coordinator, evaluation.id).statements}
    first_id = page.theme_statements[0][1][0].id
    assert merged[first_id].scores == {person.id: 3}
    assert merged[first_id].notes == {person.id: "De VOG is voor iedereen aangevraagd"}
    assert sum(1 for s in merged.values() if s.scores.get(person.id) is not None) == answered
    assert list_respondents(coordinator, evaluation.id)[0].done

    # Later: the home screen lists the invitation (no profile forced on a respondent); a
    # changed answer goes in a second, newer file that replaces the first at the coordinator.
    page.home_button.click()
    home = wait_for_page(qtbot, app, "HomePage", lambda p: p.overview is not None)
    assert home.title.text() == "Welkom" and not home.table.isVisible()
    assert "Buurthuis De Linde" in home.invitations.findChildren(type(home.title))[1].text()
    home.invitations.buttons[person.id].click()
    page = wait_for_page(qtbot, app, "InvitationPage", lambda p: p.state is not None)
    assert page.theme_index == 2  # where the open statements start
    page.show_theme(0)
    page.cards[0].answer(1)
    qtbot.waitUntil(lambda: page.cards[0].is_saved, timeout=10_000)
    newer = tmp_path / "antwoorden-2.ggantw"
    app.dialogs.save_path = newer
    page.save_button.click()
    _lock(qtbot, None)
    qtbot.waitUntil(lambda: newer.exists(), timeout=10_000)
    app.context.operations.wait()
    assert import_file(coordinator, newer).status is ImportStatus.UPDATED
    merged = {s.id: s for s in merged_view(coordinator, evaluation.id).statements}
    assert merged[first_id].scores == {person.id: 1}
    assert import_file(coordinator, target).status is ImportStatus.OLDER


def test_locked_files_both_ways(start_app, db, coordinator, invitation, qtbot, tmp_path) -> None:
    evaluation, person, _asked = invitation
    sent = export_respondent_file(coordinator, person.id, tmp_path / "slot.ggresp", PASSWORD)
    assert b"Sanne" not in sent.read_bytes()
    app = start_app()
    # "Uitnodiging openen…" on the welcome page: the password is asked, then the page opens.
    app.dialogs.open_paths = [sent]
    app.flow.page.invitation_button.click()
    qtbot.waitUntil(lambda: bool(_all(ImportPassphraseDialog)), timeout=10_000)
    asked_for = _visible(ImportPassphraseDialog)
    asked_for.field.setText(PASSWORD)
    asked_for.accept()
    page = wait_for_page(qtbot, app, "InvitationPage", lambda p: p.state is not None)
    page.cards[0].answer(2)
    qtbot.waitUntil(lambda: page.cards[0].is_saved, timeout=10_000)
    target = tmp_path / "slot.ggantw"
    app.dialogs.save_path = target
    page.save_button.click()
    _lock(qtbot, PASSWORD)
    qtbot.waitUntil(lambda: app.dialogs.shown[-1][0] == "Antwoorden opgeslagen", timeout=10_000)
    assert "wachtwoord op een andere manier" in app.dialogs.shown[-1][1]
    assert "encryption.json" in read_members(target)
    with pytest.raises(StoreError, match="wachtwoord"):
        import_file(coordinator, target)
    assert import_file(coordinator, target, lambda _p: PASSWORD).ok
    merged = {s.id: s for s in merged_view(coordinator, evaluation.id).statements}
    assert merged[page.cards[0].statement_id].scores == {person.id: 2}


def test_the_coordinator_locks_the_invitation_and_reads_the_answers_back(
    start_app, db, edition, qtbot, tmp_path, template_database
) -> None:
    from goedgeregeld.exchange.respondent.file import export_answer_file
    from goedgeregeld.store.invitations import answer_invitation

    org = create_organisation(db, "Buurthuis De Linde", volunteers=30, paid_fte=0)
    evaluation = start_evaluation(db, org.id, edition)
    person = add_respondent(db, evaluation.id, "Sanne de Vries", RespondentRole.VOLUNTEER)
    first_id = all_required(edition, Variant.SMALL)[0].id
    app = start_app(first_run=False)
    app.flow.show_voices(evaluation.id)
    voices = wait_for_page(qtbot, app, "VoicesPage", lambda p: p.data is not None)

    # The respondent file, locked: the dialog speaks of a respondent file, not an evaluation.
    sent = tmp_path / "Uitnodiging Sanne.ggresp"
    app.dialogs.save_path = sent
    voices.export_button.click()
    lock = _lock(qtbot, PASSWORD)
    assert lock.windowTitle() == "Respondentbestand maken" and ".ggresp" in lock.intro.text()
    qtbot.waitUntil(lambda: app.dialogs.shown[-1][0] == "Respondentbestand gemaakt", timeout=10_000)
    assert (
        "Sanne de Vries" in app.dialogs.shown[-1][1] and "andere manier" in app.dialogs.shown[-1][1]
    )
    assert b"Sanne" not in sent.read_bytes()

    # On Sanne's computer (another data folder) it opens with the password; she answers.
    folder = tmp_path / "thuis"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    home = Database(database_path(folder), make_engine(database_path(folder)))
    try:
        assert import_file(home, sent, lambda _p: PASSWORD).ok
        answer_invitation(home, person.id, first_id, 0, note="Nooit van gehoord")
        answers = export_answer_file(home, person.id, tmp_path / "terug.ggantw", PASSWORD)
        answer_invitation(home, person.id, first_id, 1, note="Toch wel eens van gehoord")
        newer = export_answer_file(home, person.id, tmp_path / "terug-2.ggantw")
    finally:
        home.close()

    # A changed answer file is refused with its reason, and nothing changes.
    forged = tmp_path / "vals.ggantw"
    data = bytearray(answers.read_bytes())
    data[len(data) // 2] ^= 0xFF
    forged.write_bytes(bytes(data))
    before = dump(db)
    app.dialogs.open_paths = [forged]
    voices.import_button.click()
    qtbot.waitUntil(lambda: app.dialogs.shown[-1][0] == "error", timeout=10_000)
    assert app.dialogs.shown[-1][1].startswith("vals.ggantw: "), app.dialogs.shown[-1][1]
    app.context.operations.wait()
    assert dump(db) == before

    # The real one asks its password, then the answers show in the merged view.
    app.dialogs.open_paths = [answers]
    voices.import_button.click()
    qtbot.waitUntil(lambda: bool(_all(ImportPassphraseDialog)), timeout=10_000)
    asked_for = _visible(ImportPassphraseDialog)
    asked_for.field.setText(PASSWORD)
    asked_for.accept()
    qtbot.waitUntil(
        lambda: any(
            voices.model.row_at(r).id == first_id
            and voices.model.row_at(r).scores.get(person.id) == 0
            for r in range(voices.model.rowCount())
        ),
        timeout=10_000,
    )
    assert "antwoord van Sanne de Vries ingelezen" in app.dialogs.shown[-1][1]

    # The newer file, opened from the desktop, lands on this page and replaces the older one.
    app.flow.open_file(newer)
    page = wait_for_page(qtbot, app, "VoicesPage", lambda p: p is not voices and p.data is not None)
    rows = [page.model.row_at(r) for r in range(page.model.rowCount())]
    assert next(r for r in rows if r.id == first_id).scores == {person.id: 1}
    assert "bijgewerkt" in app.dialogs.shown[-1][1]
