from goedgeregeld.store.advisers import list_advisers, list_quality_marks, register_adviser
from goedgeregeld.store.db.engine import Database


def test_register_adviser_once_keeps_id_and_date(db: Database) -> None:
    first = register_adviser(db, "  Adviseur   Een ", "Gelderland")
    again = register_adviser(db, "Adviseur Eén", "Utrecht")
    assert first.name == "Adviseur Een"
    assert (again.id, again.registered_at) == (first.id, first.registered_at)
    assert [(a.name, a.region) for a in list_advisers(db)] == [("Adviseur Eén", "Utrecht")]


def test_no_quality_marks_on_a_new_installation(db: Database) -> None:
    assert list_quality_marks(db) == []
