"""The whole round trip: organisation -> adviser -> organisation, with the report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from chain_helpers import certify_adviser
from exchange_helpers import PDF_BYTES, filled_evaluation, pdf_words

from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.outcome import ImportStatus
from goedgeregeld.exchange.review.file import export_review
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.report.advice import write_advice_report
from goedgeregeld.store.advisers import list_quality_marks
from goedgeregeld.store.clients import list_clients
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evidence import list_attachments, read_blob
from goedgeregeld.store.organisations import get_organisation
from goedgeregeld.store.reviews import (
    decide,
    load_review,
    record_quality_mark,
    set_statement_review,
    set_theme_comment,
)


def test_organisation_adviser_organisation_round_trip(
    db: Database,
    adviser_db: Database,
    edition: Edition,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A certified adviser: only then do the decision and the mark travel (issue 16).
    certify_adviser(adviser_db.path.parent, tmp_path, monkeypatch)
    evaluation_id, first = filled_evaluation(db, edition, tmp_path)
    eval_file = export_evaluation(db, evaluation_id, tmp_path / "client.ggeval")

    outcome = import_file(adviser_db, eval_file)
    assert outcome.status is ImportStatus.IMPORTED
    [client] = list_clients(adviser_db)
    assert client.evaluation_id == evaluation_id and client.status == "completed"
    client_org = get_organisation(adviser_db, client.organisation_id)
    assert client_org.origin == "client" and client_org.name == "Voedselbank Oost"
    [attachment] = list_attachments(adviser_db, evaluation_id)
    assert attachment.file_name == "Beleidsplan vrijwilligers.pdf"
    assert read_blob(adviser_db, attachment.sha256) == PDF_BYTES

    second = list(edition.statements_by_id)[1]
    set_statement_review(adviser_db, evaluation_id, first, "lower", 1, "Beleidsplan is oud ZZOPM1")
    set_statement_review(adviser_db, evaluation_id, second, "agree")
    set_theme_comment(adviser_db, evaluation_id, edition.themes[0].id, "Goed op weg THEMA7")
    decide(
        adviser_db, evaluation_id, "conditions", [("Beleidsplan vaststellen", date(2027, 6, 30))]
    )
    record_quality_mark(adviser_db, evaluation_id, date(2027, 1, 15))
    review_file = export_review(adviser_db, evaluation_id, tmp_path / "back.ggreview")

    assert import_file(db, review_file).status is ImportStatus.IMPORTED
    received = load_review(db, evaluation_id)
    assert received is not None and received.origin == "received"
    assert received.adviser_name == "Adviseur Een"
    assert received.statements[first].proposed_score == 1
    assert [c.text for c in received.conditions] == ["Beleidsplan vaststellen"]
    assert received.quality_mark is not None
    assert received.quality_mark.expires_on == date(2031, 1, 15)
    assert list_quality_marks(db) == [(evaluation_id, date(2027, 1, 15))]

    report = write_advice_report(db, evaluation_id, tmp_path / "rapport.pdf", invariant=True)
    words = pdf_words(report)
    for expected in (
        "ZZOPM1",
        "THEMA7",
        "Beleidsplanvaststellen",
        "AdviseurEen",
        "Beleidsplanvrijwilligers.pdf",
        f"toelichting{first}",
    ):
        assert expected in words
