"""Screenshots of several respondents as a club would use it (offscreen), into docs/screenshots.

Usage: python tools/screenshots_voices.py [OUTPUT_DIR] [WIDTHxHEIGHT] [SUFFIX]
Three respondents: two answer on this laptop, one on a computer of their own by file; then a
consensus round on part of the statements. Set QT_SCALE_FACTOR for the HiDPI pictures.
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

NOTES = {
    0: ("Staat in het beleidsplan.", "Het plan is van 2019, nooit besproken.", ""),
    2: ("Geregeld via de gemeente.", "", "Ik weet niet wie dat is."),
}


def fill(club: Path, home: Path) -> str:
    """The club's evaluation with three respondents; returns its id."""
    from goedgeregeld.base.paths import database_path
    from goedgeregeld.exchange.importer import import_file
    from goedgeregeld.exchange.respondent.file import export_answer_file, export_respondent_file
    from goedgeregeld.questionnaire.catalog import find_edition
    from goedgeregeld.scoring import Variant, all_required
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.evaluations import start_evaluation
    from goedgeregeld.store.invitations import answer_invitation, set_invitation_done
    from goedgeregeld.store.organisations import create_organisation
    from goedgeregeld.store.respondents import (
        add_respondent,
        agree,
        save_respondent_answer,
        set_done,
    )

    db = open_database(database_path(club))
    other = open_database(database_path(home))
    edition = find_edition()
    org = create_organisation(db, "Buurthuis De Linde", "Utrecht", "Utrecht", 30, 0)
    evaluation = start_evaluation(db, org.id, edition)
    asked = [s.id for s in all_required(edition, Variant.SMALL)]
    chair = add_respondent(db, evaluation.id, "Ans Bakker", RespondentRole.BOARD)
    coordinator = add_respondent(db, evaluation.id, "Bas Jansen", RespondentRole.COORDINATOR)
    volunteer = add_respondent(db, evaluation.id, "Cor de Wit", RespondentRole.VOLUNTEER)
    invitation = export_respondent_file(db, volunteer.id, home / "cor.ggresp")
    import_file(other, invitation)
    for n, sid in enumerate(asked):
        notes = NOTES.get(n, ("", "", ""))
        # The chair is the most positive; the coordinator and the volunteer know the gaps.
        save_respondent_answer(db, chair.id, sid, 3 if n % 3 else 2, notes[0] or None)
        save_respondent_answer(db, coordinator.id, sid, 1 if n % 5 == 0 else 2, notes[1] or None)
        answer_invitation(other, volunteer.id, sid, 0 if n % 7 == 2 else 2, notes[2] or None)
    set_done(db, chair.id)
    set_invitation_done(other, volunteer.id)
    import_file(db, export_answer_file(other, volunteer.id, home / "cor.ggantw"))
    for sid in asked[3:]:
        agree(db, evaluation.id, sid, 2)
    agree(db, evaluation.id, asked[0], 1, "Beleidsplan uit 2019: bespreken in het bestuur.")
    db.close()
    other.close()
    return evaluation.id


def main(output: Path, size: tuple[int, int], suffix: str) -> None:
    """Fill the club's data, then picture the page, the fill-in and the meeting mode."""
    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    output.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp())
    try:
        club, home = folder / "club", folder / "thuis"
        club.mkdir()
        home.mkdir()
        evaluation_id = fill(club, home)
        settings = AppSettings.in_folder(club)
        settings.welcome_done = True
        built = build_app(club, settings)
        window, flow = built.window, built.flow
        window.resize(*size)
        window.show()

        def settle() -> None:
            for _ in range(20):
                app.processEvents()
                time.sleep(0.02)

        def shoot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
            settle()
            widget.grab().save(str(output / f"{name}{suffix}.png"))
            print(output / f"{name}{suffix}.png")

        flow.show_voices(evaluation_id)
        deadline = time.monotonic() + 30
        while flow.page.data is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        page = flow.page
        shoot(window, "voices-1-naast-elkaar")
        page.tabs.setCurrentIndex(1)
        shoot(window, "voices-2-spreiding")
        page.tabs.setCurrentIndex(0)
        page.who_box.setCurrentIndex(1)
        page.fill_button.click()
        settle()
        from goedgeregeld.ui.organisation.meeting import MeetingDialog
        from goedgeregeld.ui.organisation.respondent_fill import RespondentFillDialog

        dialog = page.findChild(RespondentFillDialog)
        shoot(dialog, "voices-3-wie-vult-in")
        dialog.close()
        page.meeting_button.click()
        settle()
        meeting = page.findChild(MeetingDialog)
        meeting.resize(*size)
        shoot(meeting, "voices-4-overleg")
        meeting.close()
        settle()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    width, height = (int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "1366x768").split("x"))
    main(out, (width, height), sys.argv[3] if len(sys.argv) > 3 else "")
