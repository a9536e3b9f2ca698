"""The one text validator: what it refuses (naming the field, in Dutch) and how it normalises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goedgeregeld.base import text
from goedgeregeld.base.text import TextRefusedError, clean_text


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("kleur \x1b[31mrood", "control"),
        ("nul\x00byte", "control"),
        ("Utrecht\x85", "control"),
        ("tab\there", "control"),
        ("twee\nregels", "newline"),
        ("gpj.\u202eexe", "bidi"),
        ("\u2066isolaat\u2069", "bidi"),
        ("regel\u2028scheiding", "separator"),
        ("alinea\u2029scheiding", "separator"),
        ("\u200b", "invisible"),
        ("\u200b\u200d\ufeff\u2060", "invisible"),
        ("\u3164", "invisible"),
        ("", "empty"),
        ("   ", "empty"),
        ("x" * 301, "too_long"),
        ("kapot \udcff", "surrogate"),
    ],
)
def test_a_single_line_name_refuses_what_a_person_never_types(value: str, reason: str) -> None:
    with pytest.raises(TextRefusedError) as caught:
        clean_text(value, text.ORGANISATION_NAME)
    assert caught.value.reason == reason
    assert str(caught.value).startswith("de naam van de organisatie ")


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("kleur \x1b[31mrood", "control"),
        ("bel\x07", "control"),
        ("\u202bomgedraaid", "bidi"),
        ("\u200b\u200b", "invisible"),
        ("x" * 20_001, "too_long"),
    ],
)
def test_a_note_refuses_controls_but_keeps_lines_and_tabs(value: str, reason: str) -> None:
    with pytest.raises(TextRefusedError) as caught:
        clean_text(value, text.NOTE)
    assert caught.value.reason == reason and "de toelichting" in str(caught.value)


def test_normalises_to_nfc_and_folds_single_lines() -> None:
    assert clean_text("Cafe\u0301  de   Hoek ", text.ORGANISATION_NAME) == "Café de Hoek"
    assert clean_text("a\u00a0b", text.CITY) == "a b"
    assert clean_text("een\r\ntwee\rdrie\u2028vier\tvijf", text.NOTE) == (
        "een\ntwee\ndrie\nvier\tvijf"
    )
    assert clean_text(None, text.CITY) == "" and clean_text("  ", text.NOTE) == "  "
    assert clean_text("א\u200fב 👩\u200d👩\u200d👧", text.NOTE) == "א\u200fב 👩\u200d👩\u200d👧"


def test_the_limits_are_the_ones_the_store_and_the_formats_had() -> None:
    assert (text.ORGANISATION_NAME.max_length, text.NOTE.max_length) == (300, 20_000)
    assert (text.CONDITION.max_length, text.ADVISER_NAME.max_length) == (2_000, 200)
    assert text.ACTION_DESCRIPTION.max_length == 5_000
    assert clean_text("x" * 300, text.ORGANISATION_NAME) == "x" * 300


def test_cleaning_is_idempotent_so_an_import_keeps_what_was_saved() -> None:
    for value, rule in (("  A\u0301  b\t", text.NOTE), (" A\u0301  b ", text.CITY)):
        once = clean_text(value, rule)
        assert clean_text(once, rule) == once


def test_a_note_stored_before_the_rules_stops_the_export_with_what_to_fix(
    db, edition, tmp_path
) -> None:
    import sqlite3

    from goedgeregeld.exchange.evaluation.file import export_evaluation
    from goedgeregeld.store.errors import StoreError
    from goedgeregeld.store.evaluations import save_answer, start_evaluation
    from goedgeregeld.store.organisations import create_organisation

    organisation = create_organisation(db, "Oost")
    evaluation = start_evaluation(db, organisation.id, edition)
    statement = next(iter(edition.statements_by_id))
    save_answer(db, evaluation.id, statement, 2, "oud")
    connection = sqlite3.connect(db.path)
    with connection:
        connection.execute("UPDATE answer SET note = ?", ("kleur \x1b[31mrood",))
    connection.close()
    with pytest.raises(StoreError) as caught:
        export_evaluation(db, evaluation.id, tmp_path / "uit.ggeval")
    assert "veld 'note'" in str(caught.value) and "stuurteken (U+001B)" in str(caught.value)
    assert not (tmp_path / "uit.ggeval").exists()


RULES = [
    text.ORGANISATION_NAME,
    text.CITY,
    text.NOTE,
    text.COMMENT,
    text.CONDITION,
    text.ACTION_DESCRIPTION,
    text.ACTION_OWNER,
    text.ADVISER_NAME,
    text.ADVISER_REGION,
    text.FILE_NAME,
]


@settings(max_examples=300, deadline=None)
@given(
    value=st.text(st.characters(codec=None) | st.sampled_from("\x1b\x85\u202e\u2028\u200b\t\n\r")),
    rule=st.sampled_from(RULES),
)
def test_what_any_field_accepts_the_file_check_accepts_and_cleaning_again_keeps(
    value: str, rule: text.TextRule
) -> None:
    import json

    from goedgeregeld.exchange.container.jsonlimits import check_json

    try:
        cleaned = clean_text(value, rule)
    except TextRefusedError as exc:
        assert str(exc).startswith(rule.field)
        return
    assert clean_text(cleaned, rule) == cleaned
    check_json(json.dumps({"tekst": cleaned}).encode(), 1_000_000)
