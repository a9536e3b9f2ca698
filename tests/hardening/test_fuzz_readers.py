"""Fuzz every file reader with mutated genuine files: only the app's own refusal may come out.

Archive and kind (evaluation, review) through ``import_file``, the signed envelope, sync files
through the NOV reader, questionnaire YAML through the loader. Bounded by ``EXAMPLES`` per
test (a few seconds each); ``GOEDGEREGELD_FUZZ_EXAMPLES`` raises it for a long run by hand.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from goedgeregeld.base.paths import database_path
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.sync.format import SyncFileError
from goedgeregeld.exchange.sync.read import parse_sync_bytes
from goedgeregeld.questionnaire.loader import check_file, load_edition
from goedgeregeld.questionnaire.problems import QuestionnaireError
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.db.engine import Database, open_database
from goedgeregeld.store.errors import StoreError

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fuzzing import (  # noqa: E402
    BASE,
    CORPUS,
    EXAMPLES,
    QUESTIONNAIRE,
    dumps,
    json_values,
    mutated_archive,
    mutated_bytes,
    mutated_document,
    mutated_json,
    mutated_members,
    mutated_signed,
)

sys.path.insert(0, str(CORPUS))
from corpus_lib import ROWS_FILE, load_rows  # noqa: E402

pytestmark = pytest.mark.fuzz
_PRIVATE = Ed25519PrivateKey.generate()
SIGNER = InstallationKey(_PRIVATE, _PRIVATE.public_key().public_bytes_raw())
SIGNER_ID = str(uuid.uuid4())
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def adviser(
    tmp_path_factory: pytest.TempPathFactory, template_database: Path
) -> Iterator[Database]:
    """An adviser installation that reads evaluation files."""
    folder = tmp_path_factory.mktemp("adviser")
    shutil.copyfile(template_database, database_path(folder))
    db = open_database(database_path(folder))
    register_adviser(db, "Adviseur Fuzz", "Utrecht")
    yield db
    db.close()


@pytest.fixture(scope="module")
def organisation(
    tmp_path_factory: pytest.TempPathFactory, template_database: Path
) -> Iterator[Database]:
    """The organisation whose evaluation the genuine review file is about."""
    folder = tmp_path_factory.mktemp("organisation")
    shutil.copyfile(template_database, database_path(folder))
    load_rows(database_path(folder), json.loads(ROWS_FILE.read_text("utf-8")))
    db = open_database(database_path(folder))
    yield db
    db.close()


def _import(db: Database, data: bytes, suffix: str) -> None:
    """Import the bytes as a file; the app's own refusal is the only exception allowed."""
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            import_file(db, path)
        except StoreError as exc:
            assert str(exc), exc
            # How deep the file got, for --hypothesis-show-statistics: the refusal's first words.
            problem = str(exc).removeprefix(f"{path.name}: ")
            event("geweigerd: " + " ".join(problem.replace("'", " ").split()[:2]))
        else:
            event("ingelezen")


@FUZZ
@given(data=mutated_bytes((BASE / "valid.ggeval").read_bytes()))
def test_fuzz_archive_bytes(adviser: Database, data: bytes) -> None:
    _import(adviser, data, ".ggeval")


@FUZZ
@given(data=mutated_archive(BASE / "valid.ggeval"))
def test_fuzz_evaluation_members(adviser: Database, data: bytes) -> None:
    _import(adviser, data, ".ggeval")


@FUZZ
@given(
    data=mutated_archive(BASE / "valid.ggreview")
    | mutated_bytes((BASE / "valid.ggreview").read_bytes())
)
def test_fuzz_review(organisation: Database, data: bytes) -> None:
    _import(organisation, data, ".ggreview")


@FUZZ
@given(
    data=mutated_signed(BASE / "valid-signed.ggeval", BASE / "valid.ggeval")
    | mutated_bytes((BASE / "valid-signed.ggeval").read_bytes())
)
def test_fuzz_signed_envelope(adviser: Database, data: bytes) -> None:
    _import(adviser, data, ".ggeval")


@FUZZ
@given(members=mutated_members(BASE / "valid.ggeval"))
def test_fuzz_signed_payload(adviser: Database, members: dict[str, bytes]) -> None:
    """A mutated payload signed anew, so the checks behind the signature are reached too."""
    from goedgeregeld.exchange.container.envelope import write_signed_archive
    from goedgeregeld.exchange.evaluation.format import EVALUATION_KIND

    members.pop("manifest.json", None)
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "signed.ggeval"
        write_signed_archive(path, EVALUATION_KIND, members, SIGNER, SIGNER_ID)
        _import(adviser, path.read_bytes(), ".ggeval")


SYNC = (BASE / "valid-sync.json").read_bytes()
SIGNED_SYNC = (BASE / "valid-sync-signed.json").read_bytes()


@FUZZ
@given(
    data=st.one_of(
        mutated_json(SYNC),
        mutated_bytes(SYNC),
        mutated_json(SIGNED_SYNC),
        mutated_bytes(SIGNED_SYNC),
    )
)
def test_fuzz_sync(data: bytes) -> None:
    try:
        parse_sync_bytes(data)
    except SyncFileError as exc:
        assert str(exc)


QUESTIONNAIRE_DATA = yaml.safe_load(QUESTIONNAIRE.read_text("utf-8"))


@st.composite
def mutated_questionnaire(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return draw(mutated_bytes(QUESTIONNAIRE.read_bytes()))
    changed = draw(mutated_document(QUESTIONNAIRE_DATA))
    if draw(st.booleans()):
        return yaml.safe_dump(changed, allow_unicode=True).encode("utf-8", "replace")
    return dumps(changed)  # JSON is YAML, and keeps the raw numbers


@FUZZ
@given(data=mutated_questionnaire() | json_values.map(dumps))
def test_fuzz_questionnaire(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "vragenlijst.yaml"
        path.write_bytes(data)
        problems = check_file(path)
        assert all(str(p) for p in problems)
        try:
            load_edition(path)
        except QuestionnaireError as exc:
            assert exc.problems
