"""Screenshots of a respondent answering on a computer of their own, into docs/screenshots.

Usage: python tools/screenshots_respondent.py [OUTPUT_DIR] [WIDTHxHEIGHT] [SUFFIX]
A coordinator invites Cor; Cor opens the .ggresp in a fresh installation, answers part of
it, comes back via the home screen and saves the answer file. Runs offscreen, or under Xvfb
with QT_QPA_PLATFORM=xcb; set QT_SCALE_FACTOR for the HiDPI pictures.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from goedgeregeld.domain import RespondentRole  # noqa: E402
from goedgeregeld.ui.core.settings import AppSettings  # noqa: E402
from goedgeregeld.ui.shell.app_setup import configure_application  # noqa: E402
from goedgeregeld.ui.shell.launch import build_app  # noqa: E402


class ShotDialogs:
    """Says yes, chooses ``save_path``, and keeps what it was told (for the pictures)."""

    def __init__(self, open_path: Path, save_path: Path) -> None:
        self.parent = None
        self.open_path, self.save_path = open_path, save_path
        self.shown: list[tuple[str, str]] = []

    def inform(self, title: str, text: str) -> None:
        """Show the message as the app's message box would."""
        from PySide6.QtWidgets import QMessageBox

        self.shown.append((title, text))
        # Shown like the app's own message box, so the picture has what the user reads.
        self.box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self.parent)
        self.box.show()

    def error(self, text: str) -> None:
        """Keep the error and print it."""
        self.shown.append(("error", text))
        print("error:", text)

    def confirm(self, title, text, on_yes) -> None:  # type: ignore[no-untyped-def]
        """Say yes."""
        self.shown.append((title, text))
        on_yes()

    def choose_save_path(self, title, suggested, name_filter, on_chosen) -> None:  # type: ignore[no-untyped-def]
        """Choose ``save_path``."""
        on_chosen(self.save_path)

    def choose_open_paths(self, title, name_filter, on_chosen) -> None:  # type: ignore[no-untyped-def]
        """Choose ``open_path``."""
        on_chosen([self.open_path])

    def open_file(self, path: Path) -> None:
        """Open nothing."""


def invite(club: Path, files: Path) -> Path:
    """The club's evaluation with Cor invited to answer elsewhere; returns the .ggresp."""
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.exchange.respondent.file import export_respondent_file
    from goedgeregeld.questionnaire.catalog import find_edition
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.evaluations import start_evaluation
    from goedgeregeld.store.organisations import create_organisation
    from goedgeregeld.store.respondents import add_respondent

    db = open_database(database_path(club))
    org = create_organisation(db, "Buurthuis De Linde", "Utrecht", "Utrecht", 30, 0)
    evaluation = start_evaluation(db, org.id, find_edition())
    volunteer = add_respondent(db, evaluation.id, "Cor de Wit", RespondentRole.VOLUNTEER)
    path = export_respondent_file(db, volunteer.id, files / "Uitnodiging Cor de Wit.ggresp")
    db.close()
    return path


def main(output: Path, size: tuple[int, int], suffix: str) -> None:
    """Invite, open the invitation in a fresh installation, answer, come back, save."""
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    output.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    try:
        club, home, files = folder / "club", folder / "thuis", folder / "bestanden"
        for path in (club, home, files):
            path.mkdir()
        sent = invite(club, files)
        dialogs = ShotDialogs(sent, files / "Antwoorden Cor.ggantw")
        built = build_app(home, AppSettings.in_folder(home), dialogs)  # type: ignore[arg-type]
        window, flow, context = built.window, built.flow, built.context
        window.resize(*size)
        window.show()

        def settle(condition=None) -> None:  # type: ignore[no-untyped-def]
            deadline = time.monotonic() + 30
            while condition is not None and not condition() and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
            for _ in range(20):
                app.processEvents()
                time.sleep(0.02)

        def shoot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
            settle()
            widget.grab().save(str(output / f"{name}{suffix}.png"))
            print(output / f"{name}{suffix}.png")

        shoot(window, "respondent-1-welkom")
        flow.page.invitation_button.click()
        settle(lambda: getattr(flow.page, "state", None) is not None)
        page = flow.page
        values = iter([2, 3, 1, 2, 0, 2, 3, 2, 1, 2])
        for card in page.cards:
            card.answer(next(values))
        page.next_button.click()
        for card in page.cards[:-1]:
            card.answer(next(values))
        page.cards[0].note_edit.setPlainText(
            "Staat in het beleidsplan, maar dat kent bijna niemand."
        )
        page.cards[0]._note_done()
        context.operations.wait()
        page._focus_card(page.cards[-1])
        shoot(window, "respondent-2-invullen")

        # A later sitting: the home screen lists the invitation.
        flow.show_home()
        settle(lambda: getattr(flow.page, "overview", None) is not None)
        shoot(window, "respondent-3-start")
        flow.page.invitations.buttons[page.state.invitation.respondent_id].click()
        settle(lambda: getattr(flow.page, "state", None) is not None)
        page = flow.page
        page.done_button.click()
        settle()
        from goedgeregeld.ui.core.exchange_security import ExportLockDialog

        lock = next(w for w in app.topLevelWidgets() if isinstance(w, ExportLockDialog))
        lock.lock.setChecked(True)
        shoot(lock, "respondent-4-antwoorden-opslaan")
        lock.lock.setChecked(False)
        lock.try_accept()
        settle(lambda: dialogs.shown and dialogs.shown[-1][0] == "Antwoorden opgeslagen")
        shoot(window, "respondent-5-klaar")
        shoot(dialogs.box, "respondent-6-waarheen")
        dialogs.box.close()

        # The coordinator's side: the lock dialog for the respondent file.
        lock = ExportLockDialog(window, _respondent_words())
        lock.show()
        lock.lock.setChecked(True)
        shoot(lock, "respondent-7-respondentbestand-slot")
        lock.close()
        context.operations.wait()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _respondent_words():  # type: ignore[no-untyped-def]
    from goedgeregeld.words.files import RESPONDENT_FILE_SHARE

    return RESPONDENT_FILE_SHARE


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    width, height = (int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "1366x768").split("x"))
    main(out, (width, height), sys.argv[3] if len(sys.argv) > 3 else "")
