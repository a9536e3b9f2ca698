"""Client list model and filter proxy: Qt's model checks, filters, sorting, reminder badge."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from goedgeregeld.store.clients import ClientRow
from goedgeregeld.store.review_records import Decision, QualityMark
from goedgeregeld.ui.adviser.client_models import (
    MARK,
    NAME,
    SCORE,
    ClientFilterModel,
    ClientListModel,
)

TODAY = date(2026, 6, 1)


def _row(number: int, **changes) -> ClientRow:
    row = ClientRow(
        organisation_id=f"o{number}",
        organisation_name=f"Vereniging {number}",
        province="Utrecht",
        evaluation_id=f"e{number}",
        status="completed",
        total_score=0.5,
        answered_count=40,
        required_count=40,
        updated_at=datetime(2026, 5, 1),
        imported_at=datetime(2026, 5, number),
        decision=None,
        reviewed_statements=0,
        changed_statements=0,
        quality_mark=None,
    )
    return replace(row, **changes)


ROWS = [
    _row(1, province="Gelderland", total_score=0.8, decision=Decision.READY),
    _row(2, status="draft", total_score=None),
    _row(3, quality_mark=QualityMark(date(2022, 9, 1)), decision=Decision.CONDITIONS),
    _row(4, total_score=0.3, changed_statements=2, reviewed_statements=5),
]


def test_models_pass_qt_checks(qtmodeltester) -> None:
    model = ClientListModel(today=TODAY)
    model.set_rows(ROWS)
    qtmodeltester.check(model)
    proxy = ClientFilterModel()
    proxy.setSourceModel(model)
    proxy.set_filters(province="Utrecht")
    qtmodeltester.check(proxy)


def test_filters_sort_and_reminder() -> None:
    model = ClientListModel(today=TODAY)
    model.set_rows(ROWS)
    proxy = ClientFilterModel()
    proxy.setSourceModel(model)

    def names() -> list[str]:
        return [proxy.index(r, NAME).data() for r in range(proxy.rowCount())]

    proxy.set_filters(status="draft")
    assert names() == ["Vereniging 2"]
    proxy.set_filters(status=None, province="Gelderland")
    assert names() == ["Vereniging 1"]
    proxy.set_filters(province=None, decision="none")
    assert names() == ["Vereniging 2", "Vereniging 4"]
    proxy.set_filters(decision=None, min_score=0.5)
    assert names() == ["Vereniging 1", "Vereniging 3"]
    proxy.set_filters(min_score=None, since=date(2026, 5, 3))
    assert names() == ["Vereniging 3", "Vereniging 4"]
    proxy.set_filters(since=None, reminders_only=True)
    assert names() == ["Vereniging 3"]
    assert proxy.index(0, MARK).data() == "⚠ verloopt 01-09-2026"
    proxy.set_filters(reminders_only=False)
    proxy.sort(SCORE)
    assert names() == ["Vereniging 2", "Vereniging 4", "Vereniging 3", "Vereniging 1"]
    assert model.index(3, 6).data() == "5/40 · 2 gewijzigd"
