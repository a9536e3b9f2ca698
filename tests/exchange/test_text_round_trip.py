"""Any Unicode text: what the validator accepts survives save, export and import elsewhere.

What it refuses is refused at the door (the store's use case) with the app's own message,
never with an exception from deeper down.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from goedgeregeld.base import text
from goedgeregeld.base.text import TextRefusedError, clean_text
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.evaluations import load_state, save_answer, start_evaluation
from goedgeregeld.store.organisations import create_organisation, list_organisations

# Characters the rules are about, mixed into arbitrary Unicode (surrogates included).
TRICKY = "\x00\x1b\x07\t\n\r\x85\x9b\u200b\u200d\u2060\ufeff\u202a\u202e\u2066\u2069\u2028\u2029"
TRICKY += "\u00a0\u3164\u0301e\u00e9A \ud800"
characters = st.one_of(st.characters(codec=None), st.sampled_from(TRICKY))
texts = st.text(characters, max_size=40) | st.text(st.sampled_from(TRICKY), max_size=6)


def _database(template: Path, folder: Path) -> Database:
    folder.mkdir()
    shutil.copyfile(template, folder / "goedgeregeld.sqlite3")
    return open_database(folder / "goedgeregeld.sqlite3")


def _refusal(value: str, rule: text.TextRule) -> str | None:
    try:
        clean_text(value, rule)
    except TextRefusedError as exc:
        return str(exc)
    return None


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=texts, city=texts, note=texts)
def test_accepted_text_survives_export_and_import_elsewhere(
    template_database: Path, edition: Edition, name: str, city: str, note: str
) -> None:
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        organisation_db = _database(template_database, root / "organisation")
        try:
            refusal = _refusal(name, text.ORGANISATION_NAME) or _refusal(city, text.CITY)
            if refusal is not None:
                with pytest.raises(StoreError) as caught:
                    create_organisation(organisation_db, name, city)
                assert str(caught.value) == refusal
                name, city = "Stichting Oost", ""
            organisation = create_organisation(organisation_db, name, city)
            assert organisation.name == clean_text(name, text.ORGANISATION_NAME)
            evaluation = start_evaluation(organisation_db, organisation.id, edition)
            statement = next(iter(edition.statements_by_id))
            refusal = _refusal(note, text.NOTE)
            if refusal is not None:
                with pytest.raises(StoreError) as caught:
                    save_answer(organisation_db, evaluation.id, statement, 2, note)
                assert str(caught.value) == refusal
                return
            event("note accepted, exported and imported")
            saved = save_answer(organisation_db, evaluation.id, statement, 2, note).note
            assert saved == clean_text(note, text.NOTE)
            exported = export_evaluation(organisation_db, evaluation.id, root / "uit.ggeval")
        finally:
            organisation_db.close()
        adviser_db = _database(template_database, root / "adviser")
        try:
            register_adviser(adviser_db, "Adviseur")
            import_file(adviser_db, exported)
            [received] = list_organisations(adviser_db)
            assert (received.name, received.city or "") == (
                organisation.name,
                organisation.city or "",
            )
            answer = load_state(adviser_db, evaluation.id).answers[statement]
            assert answer.note == saved
        finally:
            adviser_db.close()
