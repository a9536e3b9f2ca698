import re
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import HOSTILE_NAME, HOSTILE_NOTE, pdf_text, squeeze

from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.report import data as report_data
from goedgeregeld.report.advice import write_advice_report
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.models.core import Action
from goedgeregeld.store.records import AttachmentRecord
from goedgeregeld.store.review_records import (
    ConditionRecord,
    Decision,
    ReviewRecord,
    StatementReviewRecord,
    Verdict,
)

FONT_NAMES = {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}


def _fonts(path: Path) -> dict[str, bool]:
    """Every font the pages use, and whether its file is embedded."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts[str(font["/BaseFont"]).split("+")[-1]] = embedded
    return fonts


def test_report_prints_name_themes_advice_and_markup_literally(
    db: Database, edition: Edition, make_evaluation, tmp_path: Path
) -> None:
    first = next(iter(edition.statements_by_id.values()))
    evaluation_id = make_evaluation(notes={first.id: HOSTILE_NOTE})  # first answer is 0: low
    path = write_advice_report(db, evaluation_id, tmp_path / "rapport.pdf", invariant=True)

    text = pdf_text(path)
    flat = " ".join(text.split())
    assert HOSTILE_NAME in flat
    assert HOSTILE_NOTE in flat
    assert "&lt;" not in text and "&amp;" not in text
    for theme in edition.themes:
        assert theme.title in flat
    assert squeeze(first.advice) in squeeze(text)
    assert "pagina 1 van" in text and "Inhoud" in text
    # No image was drawn from the note's <img>: nothing outside the text was read.
    for page in PdfReader(path).pages:
        xobjects = page["/Resources"].get_object().get("/XObject", {})
        assert not xobjects


def test_every_font_is_the_bundled_one_and_embedded(
    db: Database, make_evaluation, tmp_path: Path
) -> None:
    path = write_advice_report(db, make_evaluation(), tmp_path / "r.pdf", invariant=True)
    fonts = _fonts(path)
    assert set(fonts) == FONT_NAMES
    assert all(fonts.values())


def test_metadata_names_the_organisation_and_dutch_language(
    db: Database, make_evaluation, tmp_path: Path
) -> None:
    path = write_advice_report(db, make_evaluation(), tmp_path / "r.pdf", invariant=True)
    reader = PdfReader(path)
    info = reader.metadata
    assert info is not None
    assert info.author == HOSTILE_NAME
    assert HOSTILE_NAME in (info.title or "")
    assert "zelfevaluatie" in (info.subject or "").lower()
    assert reader.trailer["/Root"]["/Lang"] == "nl-NL"


def test_long_name_and_long_note_wrap_without_loss(
    db: Database, edition: Edition, make_evaluation, tmp_path: Path
) -> None:
    name = ("Vereniging Vrijwillige Hulpverlening " * 6)[:170] + "X" * 30
    assert len(name) == 200
    statement_id = list(edition.statements_by_id)[5]
    words = [f"woord{i:04d}" for i in range(300)]
    note = " ".join(words)[:3000]
    evaluation_id = make_evaluation(name=name, notes={statement_id: note})
    path = write_advice_report(db, evaluation_id, tmp_path / "r.pdf", invariant=True)
    text = squeeze(pdf_text(path))
    assert squeeze(name) in text
    # The theme section prints the whole note once (it crosses page breaks, so running
    # headers interrupt it): every word is there, the cut-off last one too.
    assert all(text.count(word) == 1 for word in words[:-1])
    assert text.count(note.split()[-1]) >= 1


def test_a_20000_character_note_without_spaces_still_builds(
    db: Database, edition: Edition, make_evaluation, tmp_path: Path
) -> None:
    statement_id = list(edition.statements_by_id)[0]
    evaluation_id = make_evaluation(notes={statement_id: "x" * 20_000})
    path = write_advice_report(db, evaluation_id, tmp_path / "r.pdf", invariant=True)
    assert squeeze(pdf_text(path)).count("x") >= 20_000


def test_a_theme_with_only_not_applicable_answers_says_so(
    db: Database, edition: Edition, make_evaluation, tmp_path: Path
) -> None:
    theme = edition.themes[1]
    ids = {s.id for s in theme.statements}
    evaluation_id = make_evaluation(value_for=lambda i, sid: "na" if sid in ids else 2)
    path = write_advice_report(db, evaluation_id, tmp_path / "r.pdf", invariant=True)
    flat = " ".join(pdf_text(path).split())
    assert "Alle stellingen van dit thema zijn niet van toepassing" in flat
    assert "alle stellingen n.v.t." in flat


def test_invariant_builds_are_byte_identical(db: Database, make_evaluation, tmp_path: Path) -> None:
    evaluation_id = make_evaluation()
    first = write_advice_report(db, evaluation_id, tmp_path / "a.pdf", invariant=True)
    second = write_advice_report(db, evaluation_id, tmp_path / "b.pdf", invariant=True)
    assert first.read_bytes() == second.read_bytes()


def test_a_real_report_carries_todays_date(db: Database, make_evaluation, tmp_path: Path) -> None:
    from goedgeregeld.words import dutch_date

    path = write_advice_report(db, make_evaluation(), tmp_path / "r.pdf")
    assert dutch_date(date.today()) in pdf_text(path)
    assert PdfReader(path).metadata.creation_date.year == date.today().year


def test_write_is_atomic_and_reports_progress(
    db: Database, make_evaluation, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "r.pdf"
    target.write_bytes(b"old")
    steps: list[tuple[int, int]] = []
    write_advice_report(db, make_evaluation(), target, progress=lambda d, t: steps.append((d, t)))
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["r.pdf"]
    assert steps[-1][0] == steps[-1][1] and len(steps) >= 3


def test_action_plan_table_lists_actions_in_order(
    db: Database, make_evaluation, tmp_path: Path
) -> None:
    evaluation_id = make_evaluation()
    now = datetime.now(UTC).replace(tzinfo=None)
    long_description = "Vrijwilligersbeleid <herschrijven> & vaststellen. " * 40
    with db.session() as session:
        for position, (text, status) in enumerate(
            [("Tweede actie", "done"), (long_description, "in_progress")][::-1]
        ):
            session.add(
                Action(
                    id=str(uuid.uuid4()),
                    evaluation_id=evaluation_id,
                    statement_id="visie.1",
                    description=text,
                    owner="Jan de Vries",
                    deadline=date(2027, 3, 1),
                    status=status,
                    position=position,
                    created_at=now,
                    updated_at=now,
                )
            )
    path = write_advice_report(db, evaluation_id, tmp_path / "r.pdf", invariant=True)
    flat = " ".join(pdf_text(path).split())
    assert "Plan van aanpak" in flat and "1 maart 2027" in flat and "bezig" in flat
    # Table cells are read back line by line across columns, so count words, not sentences.
    assert flat.count("<herschrijven> & vaststellen.") == 40
    assert flat.index("Vrijwilligersbeleid <herschrijven>") < flat.index("Tweede actie")


def test_review_section_and_evidence_appendix_render_when_present(
    db: Database, make_evaluation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reviewed_at = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    review = ReviewRecord(
        evaluation_id="e",
        origin="received",
        adviser_id="a",
        adviser_name="Adviseur <Anna> & Co",
        adviser_region=None,
        decision=Decision.CONDITIONS,
        decided_at=reviewed_at,
        conditions=(ConditionRecord("VOG voor alle begeleiders", date(2027, 1, 15)),),
        quality_mark=None,
        statements={
            "visie.2": StatementReviewRecord(
                "visie.2", Verdict.LOWER, 0, "Geen notulen <gezien>.", False, reviewed_at
            ),
            "visie.1": StatementReviewRecord(
                "visie.1", Verdict.AGREE, None, "", False, reviewed_at
            ),
        },
        theme_comments={"visie": "Beleid is <b>actueel"},
        updated_at=reviewed_at,
    )
    monkeypatch.setattr(report_data, "load_review", lambda db, eid: review)
    monkeypatch.setattr(
        report_data,
        "list_attachments",
        lambda db, eid: [
            AttachmentRecord("a", eid, "visie.1", "0" * 64, "beleid <2026>.pdf", 10, reviewed_at)
        ],
    )
    path = write_advice_report(db, make_evaluation(), tmp_path / "r.pdf", invariant=True)
    flat = " ".join(pdf_text(path).split())
    for expected in (
        "Beoordeling door de adviseur",
        "Adviseur <Anna> & Co",
        "3 december 2026",
        "als aan de voorwaarden hieronder is voldaan",
        "VOG voor alle begeleiders",
        "15 januari 2027",
        "Beleid is <b>actueel",
        "Geen notulen <gezien>.",
        "lager",
        "Bijlage: Bewijsstukken",
        "beleid <2026>.pdf",
    ):
        assert expected in flat, expected


def test_without_review_or_evidence_those_sections_are_absent(
    db: Database, make_evaluation, tmp_path: Path
) -> None:
    path = write_advice_report(db, make_evaluation(), tmp_path / "r.pdf", invariant=True)
    text = pdf_text(path)
    assert "Beoordeling door de adviseur" not in text
    assert "Bewijsstukken" not in text


def test_a_draft_evaluation_says_it_is_a_draft(
    db: Database, make_evaluation, tmp_path: Path
) -> None:
    evaluation_id = make_evaluation(complete=False, value_for=lambda i, sid: 3)
    path = write_advice_report(db, evaluation_id, tmp_path / "r.pdf", invariant=True)
    flat = " ".join(pdf_text(path).split())
    assert re.search(r"Status concept: (\d+) van \1 stellingen beantwoord", flat)
