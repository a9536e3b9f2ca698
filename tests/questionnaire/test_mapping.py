"""The mapping between editions: each kind, the dropped ones, a chain, and both directions."""

from __future__ import annotations

from goedgeregeld.domain import MappingKind
from goedgeregeld.questionnaire.catalog import find_edition, previous_shipped
from goedgeregeld.questionnaire.mapping import edition_mapping
from goedgeregeld.questionnaire.model import Edition


def _edition(
    base: Edition, version: str, statements: dict[str, list[str] | None], continues: str | None
) -> Edition:
    """A one-theme edition with these statement ids and their ``continues``."""
    data = base.model_dump(mode="json", by_alias=True)
    theme = data["themes"][0]
    template = theme["statements"][0]
    theme["statements"] = [
        {**template, "id": sid, "continues": old} for sid, old in statements.items()
    ]
    data.update(version=version, continues=continues, themes=[theme])
    return Edition.model_validate(data)


def test_each_kind_in_one_step(edition: Edition) -> None:
    old = _edition(
        edition, "1", {"a.1": None, "a.2": None, "a.3": None, "a.4": None, "a.5": None}, None
    )
    new = _edition(
        edition,
        "2",
        {"a.1": ["a.1"], "a.6": ["a.2"], "a.7": ["a.2"], "a.8": ["a.3", "a.4"], "a.9": []},
        "1",
    )
    mapping = edition_mapping(old, new)
    kinds = {sid: (m.kind, m.sources) for sid, m in mapping.statements.items()}
    assert kinds == {
        "a.1": (MappingKind.SAME, ("a.1",)),
        "a.6": (MappingKind.SPLIT, ("a.2",)),
        "a.7": (MappingKind.SPLIT, ("a.2",)),
        "a.8": (MappingKind.MERGED, ("a.3", "a.4")),
        "a.9": (MappingKind.NEW, ()),
    }
    assert mapping.dropped == ("a.5",)
    assert mapping.linked and mapping.targets("a.2") == ("a.6", "a.7")


def test_a_chain_resolves_through_the_edition_between(edition: Edition) -> None:
    first = _edition(edition, "1", {"a.1": None, "a.2": None, "a.3": None}, None)
    second = _edition(edition, "2", {"a.1": ["a.1"], "a.4": ["a.2"], "a.5": ["a.2"]}, "1")
    third = _edition(edition, "3", {"a.6": ["a.1", "a.4"], "a.5": ["a.5"], "a.7": []}, "2")
    editions = {"1": first, "2": second, "3": third}
    mapping = edition_mapping(first, third, lambda _id, version: editions.get(version))
    assert mapping.statements["a.6"].sources == ("a.1", "a.2")
    assert mapping.statements["a.6"].kind == MappingKind.MERGED
    # a.2 went to a.4 and a.5; a.4 then merged into a.6: a.2 feeds two statements (a split).
    assert mapping.statements["a.5"].kind == MappingKind.SPLIT
    assert mapping.statements["a.7"].kind == MappingKind.NEW
    assert mapping.dropped == ("a.3",)
    # Without the edition between, there is no chain: match by id.
    unlinked = edition_mapping(first, third)
    assert not unlinked.linked and unlinked.statements["a.6"].kind == MappingKind.NEW


def test_backwards_the_relation_is_inverted(edition: Edition) -> None:
    old = _edition(edition, "1", {"a.1": None, "a.2": None, "a.3": None}, None)
    new = _edition(edition, "2", {"a.4": ["a.1", "a.2"], "a.5": []}, "1")
    back = edition_mapping(new, old)
    assert back.statements["a.1"].sources == ("a.4",)
    assert back.statements["a.1"].kind == MappingKind.SPLIT
    assert back.statements["a.3"].kind == MappingKind.NEW
    assert back.dropped == ("a.5",)


def test_same_edition_maps_every_statement_to_itself(edition: Edition) -> None:
    mapping = edition_mapping(edition, edition)
    assert all(m.kind == MappingKind.SAME for m in mapping.statements.values())
    assert mapping.dropped == ()


def test_shipped_2026_to_2027() -> None:
    old, new = find_edition(version="2026.1"), find_edition(version="2027.1")
    mapping = edition_mapping(old, new, previous_shipped)
    assert mapping.linked and mapping.dropped == ("veiligheid.3",)
    kinds = {m.kind for m in mapping.statements.values()}
    assert kinds == set(MappingKind)
    assert mapping.statements["begeleiding.1"].sources == ("organisatie.1", "begeleiding.1")
    assert mapping.statements["inspraak.7"].kind == MappingKind.SPLIT
    every_old = {s for m in mapping.statements.values() for s in m.sources} | set(mapping.dropped)
    assert every_old == set(old.statements_by_id)
