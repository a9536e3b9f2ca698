"""The merged view is the same for any order of answer files and any duplicate imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goedgeregeld.base.paths import database_path
from goedgeregeld.domain import RespondentRole
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.respondent.file import export_answer_file, export_respondent_file
from goedgeregeld.scoring import Variant, all_required
from goedgeregeld.store.db.engine import Database, make_engine
from goedgeregeld.store.evaluations import start_evaluation
from goedgeregeld.store.invitations import answer_invitation
from goedgeregeld.store.organisations import create_organisation
from goedgeregeld.store.respondents import add_respondent, merged_view

VERSIONS = 3


def _open(folder: Path) -> Database:
    return Database(database_path(folder), make_engine(database_path(folder)))


@pytest.fixture(scope="module")
def pool(tmp_path_factory: pytest.TempPathFactory, template_database: Path, edition):
    """A coordinator's data folder with three respondents, and three answer files of each."""
    root = tmp_path_factory.mktemp("voices")
    folders = {name: root / name for name in ("coordinator", "a", "b", "c")}
    for folder in folders.values():
        folder.mkdir()
        shutil.copyfile(template_database, database_path(folder))
    coordinator = _open(folders["coordinator"])
    org = create_organisation(coordinator, "Buurthuis", volunteers=30, paid_fte=0)
    evaluation = start_evaluation(coordinator, org.id, edition)
    asked = [s.id for s in all_required(edition, Variant.SMALL)][:4]
    files: list[tuple[str, Path]] = []
    newest: dict[str, Path] = {}
    for index, name in enumerate("abc"):
        person = add_respondent(coordinator, evaluation.id, name, RespondentRole.VOLUNTEER)
        invitation = export_respondent_file(coordinator, person.id, root / f"{name}.ggresp")
        home = _open(folders[name])
        import_file(home, invitation)
        for version in range(VERSIONS):
            for n, sid in enumerate(asked):
                answer_invitation(home, person.id, sid, (index + version + n) % 4, f"v{version}")
            path = export_answer_file(home, person.id, root / f"{name}{version}.ggantw")
            files.append((person.id, path))
            newest[person.id] = path
        home.close()
    coordinator.close()
    return folders["coordinator"], evaluation.id, files, list(newest.values())


def _view_after(pool, order: list[Path], target: Path):
    source, evaluation_id, _files, _newest = pool
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(source, target)
    db = _open(target)
    try:
        for path in order:
            import_file(db, path)
        return merged_view(db, evaluation_id)
    finally:
        db.close()


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_order_and_duplicates_give_the_newest_answers(pool, tmp_path, data) -> None:
    _source, _evaluation_id, files, newest = pool
    paths = [path for _, path in files]
    picked = data.draw(st.lists(st.sampled_from(paths), max_size=12))
    order = data.draw(st.permutations(paths + picked))
    expected = _view_after(pool, newest, tmp_path / "expected")
    assert _view_after(pool, list(order), tmp_path / "shuffled") == expected
    assert all(s.notes for s in expected.statements[:1])
