"""Numbers, percentages, dates and plurals read as the hand-written formatters wrote them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from goedgeregeld.words import (
    counted,
    dutch_date,
    format_number,
    format_percentage,
    plural,
    short_date,
)


def _by_hand(value: float) -> str:
    """The formatter scoring.py and ui/shell/numbers.py had before Babel."""
    return f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (7.5, "7,5"),
        (7.0, "7"),
        (7, "7"),
        (0.0, "0"),
        (100.0, "100"),
        (12.25, "12,2"),
        (1250, "1250"),
    ],
)
def test_numbers_have_a_decimal_comma_and_no_trailing_zero(value: float, text: str) -> None:
    assert format_number(value) == text


def test_numbers_match_the_old_formatter_on_every_score_and_awkward_fraction() -> None:
    values = [i / 10 for i in range(0, 1001)] + [0.05, 0.15, 0.25, 0.35, 2.675, 64.96, 1 / 3]
    for value in values:
        assert format_number(value) == _by_hand(value), value
        assert format_percentage(value) == _by_hand(value) + "%", value


def test_percentages_read_the_dutch_way_or_as_a_dash() -> None:
    assert format_percentage(72.5) == "72,5%"
    assert format_percentage(100.0) == "100%"
    assert format_percentage(33.3) == "33,3%"
    assert format_percentage(None) == "–"


def test_dates_are_written_out_with_the_month_in_lower_case() -> None:
    assert dutch_date(date(2026, 11, 27)) == "27 november 2026"
    assert dutch_date(date(2027, 3, 1)) == "1 maart 2027"
    assert [dutch_date(date(2026, m, 1)).split()[1] for m in (1, 5, 8, 12)] == [
        "januari",
        "mei",
        "augustus",
        "december",
    ]
    assert dutch_date(None) == ""


def test_a_moment_counts_on_its_local_day(monkeypatch: pytest.MonkeyPatch) -> None:
    moment = datetime(2026, 6, 30, 12, 0)
    local = moment.replace(tzinfo=UTC).astimezone().date()
    assert dutch_date(moment) == dutch_date(local)
    assert short_date(moment) == short_date(local)


def test_short_dates_are_day_month_year_with_leading_zeros() -> None:
    assert short_date(date(2026, 12, 31)) == "31-12-2026"
    assert short_date(date(2027, 3, 1)) == "01-03-2027"
    assert short_date(None) == ""


def test_dutch_takes_the_plural_for_zero_and_for_more_than_one() -> None:
    assert [plural(n, "adviseur", "adviseurs") for n in (0, 1, 2, 11)] == [
        "adviseurs",
        "adviseur",
        "adviseurs",
        "adviseurs",
    ]
    assert counted(0, "keurmerk", "keurmerken") == "0 keurmerken"
    assert counted(1, "organisatie", "organisaties") == "1 organisatie"
    assert counted(3, "organisatie", "organisaties") == "3 organisaties"


def test_dates_typed_the_dutch_way_are_read_and_nothing_is_guessed() -> None:
    from datetime import date

    from goedgeregeld.words import parse_dutch_date

    for typed in ("1-3-2027", "01-03-2027", "1 maart 2027", "1 Mrt. 2027", "1/3/2027", "01032027"):
        assert parse_dutch_date(typed) == date(2027, 3, 1), typed
    for typed in ("31-2-2027", "1-3-27", "1 foo 2027", "", "2027-03-01", "13-13-2027"):
        assert parse_dutch_date(typed) is None, typed
