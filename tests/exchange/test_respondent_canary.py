"""No respondent's name, note or own answer reaches the evaluation file or the sync file."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

from goedgeregeld.domain import RespondentRole
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.sync.export import export_sync_file
from goedgeregeld.scoring import Variant, all_required
from goedgeregeld.store.evaluations import complete_evaluation, start_evaluation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.respondents import add_respondent, agree, save_respondent_answer

CANARY = "Kanarie"


def _blobs(raw: bytes) -> Iterator[bytes]:
    yield raw
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            for name in archive.namelist():
                yield from _blobs(archive.read(name))


def _leaks(path: Path) -> bool:
    needles = (CANARY.encode(), CANARY.encode("utf-16-le"), "Ω-onenig".encode())
    return any(n in blob for blob in _blobs(path.read_bytes()) for n in needles)


def test_names_notes_and_own_answers_stay_home(db, edition, tmp_path) -> None:
    org = create_organisation(db, "Buurthuis", province="Utrecht", volunteers=30, paid_fte=0)
    evaluation = start_evaluation(db, org.id, edition)
    asked = [s.id for s in all_required(edition, Variant.SMALL)]
    people = [
        add_respondent(db, evaluation.id, f"{CANARY} {role.value}", role) for role in RespondentRole
    ]
    for n, person in enumerate(people):
        for sid in asked:
            save_respondent_answer(db, person.id, sid, n % 4, note=f"{CANARY} Ω-onenig {n}")
    for sid in asked:
        agree(db, evaluation.id, sid, 2, note="Samen besproken")
    complete_evaluation(db, evaluation.id)
    # The spread travels when the organisation chooses, and names and answers still do not.
    evaluation_file = export_evaluation(db, evaluation.id, tmp_path / "e.ggeval", None, True)
    assert b'"flagged": true' in b"".join(_blobs(evaluation_file.read_bytes()))
    sync_file = tmp_path / "s.json"
    export_sync_file(db, sync_file)
    # The canary can be found where it is (so the search itself works) ...
    assert CANARY.encode() in db.path.read_bytes() or any(
        CANARY.encode() in p.read_bytes() for p in db.path.parent.glob("*.sqlite3*")
    )
    # ... and not in anything that leaves the installation.
    assert not _leaks(evaluation_file)
    assert not _leaks(sync_file)
    assert b"Samen besproken" in b"".join(_blobs(evaluation_file.read_bytes()))
