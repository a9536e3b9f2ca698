"""The organisation's review panel says when a review is not from a recognised adviser."""

from __future__ import annotations

from datetime import datetime

from goedgeregeld.store.review_records import ReviewRecord
from goedgeregeld.ui.organisation.review_panel import review_lines


def _state(edition):
    """What the review panel reads of an evaluation: its edition, variant and answers."""
    from types import SimpleNamespace

    from goedgeregeld.domain import Variant

    return SimpleNamespace(edition=edition, variant=Variant.FULL, answers={})


def _review(recognised: bool, problem: str | None) -> ReviewRecord:
    return ReviewRecord(
        evaluation_id="e",
        origin="received",
        adviser_id="a",
        adviser_name="Adviseur Een",
        adviser_region=None,
        decision=None,
        decided_at=None,
        conditions=(),
        quality_mark=None,
        statements={},
        theme_comments={},
        updated_at=datetime(2026, 12, 1),
        adviser_recognised=recognised,
        recognition_problem=problem,
    )


def test_an_unrecognised_review_says_so(qtbot, edition) -> None:
    lines = review_lines(_review(False, "zonder adviseurscertificaat van NOV"), _state(edition))
    assert any(
        line.startswith("Niet van een erkend adviseur (zonder adviseurscertificaat van NOV)")
        and "een besluit of keurmerk telt niet" in line
        for line in lines
    )


def test_a_recognised_review_says_nothing_extra(qtbot, edition) -> None:
    assert not any("erkend" in line for line in review_lines(_review(True, None), _state(edition)))
