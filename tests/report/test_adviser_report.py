"""The adviser's own report: it opens with the review, speaks as the adviser, lists no "eens"."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from report_helpers import pdf_text

from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.report import data as report_data
from goedgeregeld.report.advice import write_advice_report
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.review_records import (
    Decision,
    ReviewRecord,
    StatementReviewRecord,
    Verdict,
)


def _review(edition: Edition, origin: str) -> ReviewRecord:
    moment = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    ids = list(edition.statements_by_id)
    statements = {s: StatementReviewRecord(s, Verdict.AGREE, None, "", False, moment) for s in ids}
    statements[ids[1]] = StatementReviewRecord(
        ids[1], Verdict.LOWER, 0, "Geen notulen gezien.", False, moment
    )
    return ReviewRecord(
        evaluation_id="e",
        origin=origin,
        adviser_id="a",
        adviser_name="Anna de Vries",
        adviser_region="Gelderland",
        decision=Decision.READY,
        decided_at=moment,
        conditions=(),
        quality_mark=None,
        statements=statements,
        theme_comments={},
        updated_at=moment,
        decision_reason="Alles gezien bij het bezoek.",
    )


@pytest.mark.parametrize("origin", ["own", "received"])
def test_review_counts_agreement_instead_of_listing_it(
    db: Database, make_evaluation, edition: Edition, tmp_path: Path, monkeypatch, origin: str
) -> None:
    monkeypatch.setattr(report_data, "load_review", lambda db, eid: _review(edition, origin))
    path = write_advice_report(
        db, make_evaluation(value_for=lambda _i, _s: 3), tmp_path / "r.pdf", invariant=True
    )
    flat = " ".join(pdf_text(path).split())
    assert "Met de overige 71 stellingen is de adviseur het eens" in flat
    assert "Geen notulen gezien." in flat
    assert "Toelichting van de adviseur: Alles gezien bij het bezoek." in flat
    assert "U kunt een adviseur vragen" not in flat
    assert flat.count(" eens ") < 10, re.findall(r".{40} eens .{20}", flat)  # no 72 rows
    if origin == "own":
        # The adviser's report opens with the adviser's outcome, before the organisation's summary.
        assert flat.index("Beoordeling door de adviseur") < flat.index("Samenvatting")
        assert "Totaalscore na het oordeel van de adviseur" in flat
        assert "1 stelling een lagere en bij 0 stellingen een hogere" in flat
    assert len(PdfReader(path).pages) <= 16
