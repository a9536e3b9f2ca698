"""SIGKILL around the signer record: the database holds all of an import or none of it.

A child process imports a real file and kills itself right after the signer's pin, origin
and link are written but not committed (the worst moment), or right after the import.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from exchange_helpers import dump, filled_evaluation, read_members

from goedgeregeld.exchange.container.envelope import write_signed_archive
from goedgeregeld.exchange.container.identity import own_identity
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.evaluation.format import EVALUATION_KIND
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.review.file import export_review
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.store.clients import list_clients
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.installation import installation_id
from goedgeregeld.store.reviews import load_review, set_statement_review
from goedgeregeld.store.trust import list_trusted, origin_of
from goedgeregeld.trust import Subject

CHILD = Path(__file__).with_name("signer_child.py")


def _killed(db: Database, path: Path, moment: str) -> str:
    """Import ``path`` into ``db``'s folder in a child that is killed at ``moment``."""
    child = subprocess.run(
        [sys.executable, str(CHILD), "installation", str(db.path.parent), str(path), moment],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    return child.stdout


def test_first_contact_killed_at_the_signer_record_leaves_nothing(
    adviser_db: Database, evaluation_file, tmp_path: Path
) -> None:
    before = dump(adviser_db)
    assert "signer recorded" in _killed(adviser_db, evaluation_file[0], "signer")
    assert dump(adviser_db) == before
    assert list_clients(adviser_db) == [] and list_trusted(adviser_db) == []
    # Killed just after: the evaluation and its signer's pin are both there.
    assert "imported True" in _killed(adviser_db, evaluation_file[0], "after")
    assert len(list_clients(adviser_db)) == 1 and len(list_trusted(adviser_db)) == 1


def test_a_link_killed_at_the_signer_record_folds_nothing(
    db: Database, adviser_db: Database, edition: Edition, tmp_path: Path
) -> None:
    old = installation_id(db)  # made before ids came from keys
    evaluation_id, _first = filled_evaluation(db, edition, tmp_path)
    new_file = export_evaluation(db, evaluation_id, tmp_path / "nieuw.ggeval")
    identity = own_identity(db)
    members = read_members(new_file)
    members.pop("manifest.json")
    old_file = tmp_path / "oud.ggeval"
    write_signed_archive(old_file, EVALUATION_KIND, members, identity.key, old)
    assert import_file(adviser_db, old_file).ok
    subject = Subject("organisation", list_clients(adviser_db)[0].organisation_id)
    assert origin_of(adviser_db, subject) == old
    before = dump(adviser_db)
    assert "signer recorded" in _killed(adviser_db, new_file, "signer")
    assert dump(adviser_db) == before
    assert origin_of(adviser_db, subject) == old
    assert "imported True" in _killed(adviser_db, new_file, "after")
    assert origin_of(adviser_db, subject) == identity.installation_id
    assert {t.installation_id for t in list_trusted(adviser_db)} == {
        old,
        identity.installation_id,
    }


def test_a_review_killed_at_the_signer_record_leaves_nothing(
    db: Database, adviser_db: Database, evaluation_file, tmp_path: Path
) -> None:
    evaluation_id = evaluation_file[1]
    assert import_file(adviser_db, evaluation_file[0]).ok
    set_statement_review(adviser_db, evaluation_id, evaluation_file[2], "agree")
    review = export_review(adviser_db, evaluation_id, tmp_path / "terug.ggreview")
    before = dump(db)
    assert "signer recorded" in _killed(db, review, "signer")
    assert dump(db) == before
    assert load_review(db, evaluation_id) is None
    assert "imported True" in _killed(db, review, "after")
    assert load_review(db, evaluation_id) is not None
    assert len(list_trusted(db)) == 1


def test_negative_control_a_commit_before_the_kill_is_seen(
    adviser_db: Database, evaluation_file, tmp_path: Path
) -> None:
    before = dump(adviser_db)
    assert "signer recorded" in _killed(adviser_db, evaluation_file[0], "commit-early")
    assert dump(adviser_db) != before
