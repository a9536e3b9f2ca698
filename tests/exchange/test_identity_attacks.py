"""Ids that prove themselves: every attack on an installation id through the real import path.

Each refused file leaves the receiving database exactly as it was (compared row by row).
"""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from exchange_helpers import dump, filled_evaluation, read_members

from goedgeregeld.cli import main
from goedgeregeld.exchange.container.envelope import write_signed_archive
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.identity import Identity, own_identity
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.evaluation.format import EVALUATION_KIND
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.review.file import export_review
from goedgeregeld.exchange.review.format import REVIEW_KIND
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.clients import list_clients
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.installation import installation_id
from goedgeregeld.store.reviews import load_review, set_statement_review
from goedgeregeld.store.trust import list_trusted
from goedgeregeld.trust.identity import (
    LinkStatement,
    derive_installation_id,
    is_key_derived,
    link_message,
)


def _key() -> InstallationKey:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return InstallationKey(private, raw)


def _resign(
    source: Path,
    path: Path,
    key: InstallationKey,
    installation: str,
    link: LinkStatement | None = None,
) -> Path:
    """The same content as ``source``, signed by ``key`` in the name of ``installation``."""
    kind = EVALUATION_KIND if source.suffix == ".ggeval" else REVIEW_KIND
    members = read_members(source)
    members.pop("manifest.json")
    write_signed_archive(path, kind, members, key, installation, link=link)
    return path


def _link(key: InstallationKey, old: str, new: str) -> LinkStatement:
    return LinkStatement(old, key.public_key, new, key.sign(link_message(old, new)))


def _refused(db: Database, path: Path, *fragments: str) -> str:
    before = dump(db)
    with pytest.raises(ExchangeFileError) as caught:
        import_file(db, path)
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ") and "\n" not in message
    for fragment in fragments:
        assert fragment in message, message
    assert dump(db) == before
    return message


def _old_installation(db: Database) -> str:
    """Make ``db`` an installation from before ids came from keys: a random id, no file yet."""
    old = installation_id(db)
    assert not is_key_derived(old)
    return old


def test_a_new_installation_signs_with_the_id_of_its_key(db: Database) -> None:
    identity = own_identity(db)
    assert identity.installation_id == derive_installation_id(identity.key.public_key)
    assert identity.previous_id is None and identity.link() is None
    # The id shares its first 64 bits with the fingerprint people read out.
    assert identity.installation_id.replace("-", "")[:8].upper() == identity.fingerprint[
        :9
    ].replace(" ", "")


def test_file_naming_the_importers_own_id_with_another_key_is_refused(
    adviser_db: Database, evaluation_file, tmp_path: Path
) -> None:
    own = own_identity(adviser_db).installation_id
    forged = _resign(evaluation_file[0], tmp_path / "eigen.ggeval", _key(), own)
    _refused(adviser_db, forged, "deze installatie zelf", own, "vervalst")


def test_file_naming_the_importers_old_id_with_another_key_is_refused(
    db: Database, adviser_db: Database, evaluation_file, tmp_path: Path
) -> None:
    old = _old_installation(adviser_db)
    own_identity(adviser_db)  # moves over: the random id is now its previous one
    forged = _resign(evaluation_file[0], tmp_path / "oud-eigen.ggeval", _key(), old)
    _refused(adviser_db, forged, "deze installatie zelf", old)


def test_known_installation_with_a_new_key_is_refused_and_cannot_be_accepted(
    db: Database, adviser_db: Database, evaluation_file, tmp_path: Path, capsys
) -> None:
    assert import_file(adviser_db, evaluation_file[0]).ok
    known = own_identity(db).installation_id
    forged = _resign(evaluation_file[0], tmp_path / "nieuw.ggeval", _key(), known)
    _refused(adviser_db, forged, known, "hoort niet bij de sleutel", "vervalst")
    # A key-derived id belongs to one key: there is no key change to accept.
    folder = str(adviser_db.path.parent)
    assert main(["--data-dir", folder, "trust", "accept", known, "0" * 32]) == 1
    assert "volgt uit de sleutel" in capsys.readouterr().err


def test_unknown_key_derived_id_of_another_key_is_refused(
    adviser_db: Database, evaluation_file, tmp_path: Path
) -> None:
    someone = derive_installation_id(_key().public_key)
    forged = _resign(evaluation_file[0], tmp_path / "vreemd.ggeval", _key(), someone)
    _refused(adviser_db, forged, "hoort niet bij de sleutel")


def test_review_naming_the_organisations_own_id_is_refused(
    db: Database, adviser_db: Database, evaluation_file, tmp_path: Path
) -> None:
    evaluation_id = evaluation_file[1]
    assert import_file(adviser_db, evaluation_file[0]).ok
    set_statement_review(adviser_db, evaluation_id, evaluation_file[2], "agree")
    review = export_review(adviser_db, evaluation_id, tmp_path / "terug.ggreview")
    own = own_identity(db).installation_id
    forged = _resign(review, tmp_path / "vals.ggreview", _key(), own)
    _refused(db, forged, "deze installatie zelf")
    assert load_review(db, evaluation_id) is None


def _moved_organisation(
    db: Database, edition: Edition, tmp_path: Path
) -> tuple[Path, Path, str, Identity]:
    """An organisation made before ids came from keys: its old file and its first new one."""
    old = _old_installation(db)
    evaluation_id, _first = filled_evaluation(db, edition, tmp_path)
    new_file = export_evaluation(db, evaluation_id, tmp_path / "nieuw.ggeval")
    identity = own_identity(db)
    # What the app wrote before this version: the same content, signed as the random id.
    old_file = _resign(new_file, tmp_path / "oud.ggeval", identity.key, old)
    return old_file, new_file, old, identity


def test_an_old_installation_moves_over_without_a_break(
    db: Database, adviser_db: Database, edition: Edition, tmp_path: Path
) -> None:
    old_file, new_file, old, identity = _moved_organisation(db, edition, tmp_path)
    assert identity.previous_id == old and identity.installation_id != old
    assert import_file(adviser_db, old_file).ok  # the adviser knew it by its old id
    outcome = import_file(adviser_db, new_file)
    assert outcome.ok, outcome.message
    assert identity.installation_id in outcome.message
    # One client, not two; the old file still reads, the same installation.
    assert len(list_clients(adviser_db)) == 1
    assert import_file(adviser_db, old_file).ok
    assert import_file(adviser_db, new_file).ok
    assert len(list_clients(adviser_db)) == 1
    pinned = {t.installation_id for t in list_trusted(adviser_db)}
    assert pinned == {old, identity.installation_id}


def test_a_new_file_first_then_an_old_one_is_the_same_installation(
    db: Database, adviser_db: Database, edition: Edition, tmp_path: Path
) -> None:
    old_file, new_file, _old, _identity = _moved_organisation(db, edition, tmp_path)
    assert import_file(adviser_db, new_file).ok
    assert import_file(adviser_db, old_file).ok
    assert len(list_clients(adviser_db)) == 1


def test_a_link_signed_by_the_wrong_old_key_is_refused(
    db: Database, adviser_db: Database, edition: Edition, tmp_path: Path
) -> None:
    old_file, _new_file, old, _identity = _moved_organisation(db, edition, tmp_path)
    assert import_file(adviser_db, old_file).ok
    # Someone who saw the old id tries to continue it under an id of their own key.
    thief = _key()
    thief_id = derive_installation_id(thief.public_key)
    forged = _resign(
        old_file, tmp_path / "overname.ggeval", thief, thief_id, _link(thief, old, thief_id)
    )
    _refused(adviser_db, forged, "alleen de oude sleutel", old)


def test_a_link_whose_signature_does_not_hold_is_refused(
    db: Database, adviser_db: Database, edition: Edition, tmp_path: Path
) -> None:
    old_file, _new_file, old, identity = _moved_organisation(db, edition, tmp_path)
    genuine = identity.link()
    assert genuine is not None
    other = str(uuid.uuid4())
    # The genuine signature, moved onto a statement about another old id.
    bent = LinkStatement(
        other, genuine.old_public_key, genuine.new_installation_id, genuine.signature
    )
    forged = _resign(
        old_file, tmp_path / "gebogen.ggeval", identity.key, identity.installation_id, bent
    )
    _refused(adviser_db, forged, "koppeling", "klopt niet")


def test_a_link_from_the_importers_own_old_id_is_refused(
    db: Database, adviser_db: Database, evaluation_file, tmp_path: Path
) -> None:
    own_old = _old_installation(adviser_db)
    own_identity(adviser_db)
    thief = _key()
    thief_id = derive_installation_id(thief.public_key)
    forged = _resign(
        evaluation_file[0],
        tmp_path / "eigen-oud.ggeval",
        thief,
        thief_id,
        _link(thief, own_old, thief_id),
    )
    _refused(adviser_db, forged, "deze installatie zelf", own_old)


def test_the_adviser_moves_over_and_the_organisation_keeps_its_review(
    db: Database, adviser_db: Database, evaluation_file, tmp_path: Path
) -> None:
    evaluation_id = evaluation_file[1]
    old = _old_installation(adviser_db)
    assert import_file(adviser_db, evaluation_file[0]).ok
    set_statement_review(adviser_db, evaluation_id, evaluation_file[2], "agree")
    new_review = export_review(adviser_db, evaluation_id, tmp_path / "nieuw.ggreview")
    key = own_identity(adviser_db).key
    old_review = _resign(new_review, tmp_path / "oud.ggreview", key, old)
    assert import_file(db, old_review).ok
    assert import_file(db, new_review).ok, "the adviser's new id is refused"
    assert import_file(db, old_review).ok
    received = load_review(db, evaluation_id)
    assert received is not None and received.origin == "received"


def test_the_command_line_refuses_a_forged_own_id_in_dutch(
    adviser_db: Database, evaluation_file, tmp_path: Path, capsys
) -> None:
    own = own_identity(adviser_db).installation_id
    forged = _resign(evaluation_file[0], tmp_path / "eigen.ggeval", _key(), own)
    before = dump(adviser_db)
    assert main(["--data-dir", str(adviser_db.path.parent), "import", str(forged)]) == 1
    err = capsys.readouterr().err
    assert "deze installatie zelf" in err and "Traceback" not in err
    assert dump(adviser_db) == before


def test_a_squatted_old_id_is_resolved_by_accepting_the_genuine_key(
    db: Database, adviser_db: Database, edition: Edition, tmp_path: Path, capsys
) -> None:
    old_file, new_file, old, identity = _moved_organisation(db, edition, tmp_path)
    squatter = _key()
    squatted = _resign(old_file, tmp_path / "kraak.ggeval", squatter, old)
    assert import_file(adviser_db, squatted).ok  # it got there first, under the random id
    message = _refused(adviser_db, new_file, "alleen de oude sleutel", "trust accept")
    assert old in message
    typed = identity.fingerprint.replace(" ", "-")
    folder = str(adviser_db.path.parent)
    assert main(["--data-dir", folder, "trust", "accept", old, typed]) == 0
    capsys.readouterr()
    assert import_file(adviser_db, new_file).ok
    assert len(list_clients(adviser_db)) == 1
    _refused(adviser_db, squatted, "andere sleutel")  # the squatter's key signs no more
