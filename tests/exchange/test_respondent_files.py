"""Respondent files out, answer files back: signed, checked, and refused with their own reason."""

from __future__ import annotations

import io
import json
import shutil
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import dump, read_members

from goedgeregeld.base.paths import database_path
from goedgeregeld.domain import RespondentRole
from goedgeregeld.exchange.container.envelope import write_signed_archive
from goedgeregeld.exchange.container.identity import own_identity
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.respondent.file import export_answer_file, export_respondent_file
from goedgeregeld.exchange.respondent.format import ANSWERS_KIND, ANSWERS_MEMBER
from goedgeregeld.scoring import Variant, all_required
from goedgeregeld.store.db.engine import Database, make_engine
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.invitations import answer_invitation, set_invitation_done
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.records import ImportStatus
from goedgeregeld.store.respondents import add_respondent, list_respondents, merged_view


@pytest.fixture
def home_db(tmp_path: Path, template_database: Path) -> Iterator[Database]:
    """The respondent's own computer: a second installation."""
    folder = tmp_path / "thuis"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    database = Database(database_path(folder), make_engine(database_path(folder)))
    yield database
    database.close()


@pytest.fixture
def invited(db: Database, home_db: Database, edition, tmp_path: Path):
    """An evaluation with one respondent whose invitation is open on their own computer."""
    org = create_organisation(db, "Buurthuis De Linde", volunteers=30, paid_fte=0)
    evaluation = start_evaluation(db, org.id, edition)
    person = add_respondent(db, evaluation.id, "Sanne de Vries", RespondentRole.VOLUNTEER)
    invitation = export_respondent_file(db, person.id, tmp_path / "sanne.ggresp")
    assert import_file(home_db, invitation).status is ImportStatus.IMPORTED
    asked = [s.id for s in all_required(edition, Variant.SMALL)]
    return evaluation, person, asked


def _answer_file(home_db: Database, person, path: Path, values: dict[str, int]) -> Path:
    for sid, value in values.items():
        answer_invitation(home_db, person.id, sid, value, note=f"notitie {sid}")
    return export_answer_file(home_db, person.id, path)


def _resigned(home_db: Database, source: Path, target: Path, change: Callable[[Any], None]) -> Path:
    """The answer file with changed content, validly signed by the respondent's own key."""
    part = json.loads(read_members(source)[ANSWERS_MEMBER])
    change(part)
    identity = own_identity(home_db)
    write_signed_archive(
        target,
        ANSWERS_KIND,
        {ANSWERS_MEMBER: json.dumps(part).encode("utf-8")},
        identity.key,
        identity.installation_id,
    )
    return target


def test_answers_travel_back_and_a_newer_file_replaces_the_older(
    db, home_db, invited, tmp_path
) -> None:
    evaluation, person, asked = invited
    first = _answer_file(home_db, person, tmp_path / "1.ggantw", {asked[0]: 3, asked[1]: 1})
    set_invitation_done(home_db, person.id)
    second = _answer_file(home_db, person, tmp_path / "2.ggantw", {asked[0]: 0})
    assert import_file(db, second).status is ImportStatus.IMPORTED
    before = dump(db)
    assert import_file(db, second).status is ImportStatus.UNCHANGED
    assert import_file(db, first).status is ImportStatus.OLDER
    assert dump(db) == before
    view = merged_view(db, evaluation.id)
    by_id = {s.id: s for s in view.statements}
    assert by_id[asked[0]].scores == {person.id: 0}
    assert by_id[asked[1]].scores == {person.id: 1}
    assert by_id[asked[0]].notes == {person.id: f"notitie {asked[0]}"}
    assert list_respondents(db, evaluation.id)[0].done


def test_a_locked_respondent_file_needs_its_password(db, home_db, invited, tmp_path) -> None:
    _evaluation, person, _asked = invited
    locked = export_respondent_file(db, person.id, tmp_path / "slot.ggresp", "een lang wachtwoord")
    assert b"Sanne" not in locked.read_bytes()
    with pytest.raises(StoreError, match="wachtwoord"):
        import_file(home_db, locked)
    outcome = import_file(home_db, locked, lambda _path: "een lang wachtwoord")
    assert outcome.status is ImportStatus.UNCHANGED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda p: p.update(respondent_id=str(uuid.uuid4())), "niet is uitgenodigd"),
        (lambda p: p.update(evaluation_id=str(uuid.uuid4())), "andere zelfevaluatie"),
        (lambda p: p.update(edition_hash="0" * 64), "andere editie"),
        (lambda p: p["answers"][0].update(value=5), "buiten de schaal 0 tot 3"),
        (lambda p: p["answers"][0].update(value=-1), "buiten de schaal 0 tot 3"),
        (
            lambda p: p["answers"][0].update(statement_id="visie.99"),
            "hoort niet bij de vragenlijst",
        ),
    ],
    ids=["unknown-respondent", "other-evaluation", "other-edition", "above-scale", "below", "stmt"],
)
def test_bad_answer_files_are_refused_and_change_nothing(
    db, home_db, invited, tmp_path, change, message
) -> None:
    _evaluation, person, asked = invited
    good = _answer_file(home_db, person, tmp_path / "goed.ggantw", {asked[0]: 2})
    bad = _resigned(home_db, good, tmp_path / "fout.ggantw", change)
    before = dump(db)
    with pytest.raises(StoreError, match=message):
        import_file(db, bad)
    assert dump(db) == before


def test_a_statement_outside_the_variant_is_refused(
    db, home_db, invited, edition, tmp_path
) -> None:
    _evaluation, person, asked = invited
    not_core = next(s.id for s in edition.statements_by_id.values() if not s.core)
    good = _answer_file(home_db, person, tmp_path / "goed.ggantw", {asked[0]: 2})
    bad = _resigned(
        home_db,
        good,
        tmp_path / "fout.ggantw",
        lambda p: p["answers"][0].update(statement_id=not_core),
    )
    before = dump(db)
    with pytest.raises(StoreError, match="hoort niet bij de vragenlijst"):
        import_file(db, bad)
    assert dump(db) == before


def test_a_tampered_answer_file_is_refused(db, home_db, invited, tmp_path) -> None:
    _evaluation, person, asked = invited
    good = _answer_file(home_db, person, tmp_path / "goed.ggantw", {asked[0]: 2})
    with zipfile.ZipFile(good) as outer:
        members = {n: outer.read(n) for n in outer.namelist()}
    inner = zipfile.ZipFile(io.BytesIO(members["payload"]))
    content = {n: inner.read(n) for n in inner.namelist()}
    content[ANSWERS_MEMBER] = content[ANSWERS_MEMBER].replace(b'"value": 2', b'"value": 3')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as rebuilt:
        for name, data in content.items():
            rebuilt.writestr(name, data)
    members["payload"] = buffer.getvalue()
    tampered = tmp_path / "gewijzigd.ggantw"
    with zipfile.ZipFile(tampered, "w") as out:
        for name, data in members.items():
            out.writestr(name, data)
    before = dump(db)
    with pytest.raises(StoreError):
        import_file(db, tampered)
    assert dump(db) == before


def test_another_computer_cannot_speak_for_a_respondent(
    db, home_db, invited, tmp_path, template_database
) -> None:
    _evaluation, person, asked = invited
    good = _answer_file(home_db, person, tmp_path / "goed.ggantw", {asked[0]: 2})
    assert import_file(db, good).status is ImportStatus.IMPORTED
    folder = tmp_path / "vreemd"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    stranger = Database(database_path(folder), make_engine(database_path(folder)))
    try:
        forged = _resigned(
            stranger,
            good,
            tmp_path / "vals.ggantw",
            lambda p: p.update(made_at="2030-01-01T00:00:00"),
        )
    finally:
        stranger.close()
    before = dump(db)
    with pytest.raises(StoreError):
        import_file(db, forged)
    assert dump(db) == before


def test_an_unsigned_answer_file_is_refused(db, home_db, invited, tmp_path) -> None:
    from goedgeregeld.exchange.container.archive import write_archive

    _evaluation, person, asked = invited
    good = _answer_file(home_db, person, tmp_path / "goed.ggantw", {asked[0]: 2})
    plain = tmp_path / "plat.ggantw"
    write_archive(plain, ANSWERS_KIND, {ANSWERS_MEMBER: read_members(good)[ANSWERS_MEMBER]})
    with pytest.raises(StoreError, match="ondertekend"):
        import_file(db, plain)


def test_the_adviser_sees_where_people_disagreed(db, adviser_db, edition, tmp_path) -> None:
    from goedgeregeld.exchange.evaluation.file import export_evaluation
    from goedgeregeld.store.respondents import agree, save_respondent_answer
    from goedgeregeld.store.shared_spread import shared_spread

    org = create_organisation(db, "Buurthuis", volunteers=30, paid_fte=0)
    evaluation = start_evaluation(db, org.id, edition)
    asked = [s.id for s in all_required(edition, Variant.SMALL)]
    a = add_respondent(db, evaluation.id, "A", RespondentRole.BOARD)
    b = add_respondent(db, evaluation.id, "B", RespondentRole.VOLUNTEER)
    save_respondent_answer(db, a.id, asked[0], 3)
    save_respondent_answer(db, b.id, asked[0], 0)
    save_respondent_answer(db, a.id, asked[1], 2)
    save_respondent_answer(db, b.id, asked[1], 2)
    agree(db, evaluation.id, asked[0], 1)
    plain = export_evaluation(db, evaluation.id, tmp_path / "zonder.ggeval")
    assert "spread.json" not in read_members(plain)
    shared = export_evaluation(db, evaluation.id, tmp_path / "met.ggeval", None, True)
    assert import_file(adviser_db, shared).ok
    spread = shared_spread(adviser_db, evaluation.id)
    assert {sid: (e.spread, e.flagged) for sid, e in spread.items()} == {
        asked[0]: (3, True),
        asked[1]: (0, False),
    }
    # A later file without the spread clears it: the adviser sees what the last file says.
    assert import_file(adviser_db, export_evaluation(db, evaluation.id, tmp_path / "z2.ggeval")).ok
    assert shared_spread(adviser_db, evaluation.id) == {}


def test_the_home_screen_lists_the_invitations_with_progress(
    db, home_db, invited, tmp_path
) -> None:
    from goedgeregeld.store.overview import home_overview

    _evaluation, person, asked = invited
    assert home_overview(db).invitations == ()
    answer_invitation(home_db, person.id, asked[0], 2)
    answer_invitation(home_db, person.id, asked[1], "na")
    answer_invitation(home_db, person.id, asked[2], None, note="alleen een toelichting")
    (item,) = home_overview(home_db).invitations
    assert item.invitation.respondent_name == "Sanne de Vries"
    assert (item.answered, item.asked) == (2, len(asked))


def test_the_coordinator_cannot_open_their_own_respondent_file(db, invited, tmp_path) -> None:
    _evaluation, person, _asked = invited
    own = export_respondent_file(db, person.id, tmp_path / "eigen.ggresp")
    before = dump(db)
    with pytest.raises(StoreError, match="op deze computer gemaakt"):
        import_file(db, own)
    assert dump(db) == before
