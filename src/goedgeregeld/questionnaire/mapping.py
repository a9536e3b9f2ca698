"""The mapping between two editions: per statement of one its sources in the other, and its kind.

Each edition says, through ``continues``, which statements of the edition before it each
statement continues. Two editions further apart are mapped through the chain of editions
between them; mapping from a newer edition back to an older one inverts the chain. Pure: the
caller passes the editions, and a resolver for the ones in between.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from goedgeregeld.domain import MappingKind
from goedgeregeld.questionnaire.model import Edition

EditionResolver = Callable[[str, str], Edition | None]
"""(edition id, version) to an edition, or None when it is unknown."""

Relation = frozenset[tuple[str, str]]
"""Pairs (statement of the target edition, statement of the source edition it continues)."""


@dataclass(frozen=True)
class StatementMapping:
    """One statement of the target edition and the statements of the source edition it maps to."""

    statement_id: str
    sources: tuple[str, ...]
    kind: MappingKind


@dataclass(frozen=True)
class EditionMapping:
    """Every statement of ``target`` with its sources in ``source``, and the dropped ones."""

    source_version: str
    target_version: str
    statements: dict[str, StatementMapping]
    """By statement id of the target edition, in questionnaire order."""
    dropped: tuple[str, ...]
    """Statements of the source edition that no statement of the target continues."""
    linked: bool
    """True when the editions are linked by ``continues``; False when matched by id only."""

    def sources(self, statement_id: str) -> tuple[str, ...]:
        """The source statements of one target statement (empty for a new one)."""
        found = self.statements.get(statement_id)
        return () if found is None else found.sources

    def targets(self, source_id: str) -> tuple[str, ...]:
        """The target statements that continue one source statement."""
        return tuple(m.statement_id for m in self.statements.values() if source_id in m.sources)


def edition_mapping(
    source: Edition, target: Edition, resolve: EditionResolver | None = None
) -> EditionMapping:
    """Map ``target``'s statements onto ``source``'s, whichever of the two is the newer.

    Without a chain of ``continues`` between them, statements match by id (the rule before
    editions named what they continue).
    """
    forward = _chain(source, target, resolve)
    if forward is not None:
        relation, linked = forward, True
    else:
        backward = _chain(target, source, resolve)
        if backward is not None:
            relation, linked = frozenset((old, new) for new, old in backward), True
        else:
            relation, linked = _by_id(source, target), False
    return _mapping(source, target, relation, linked)


def _step(newer: Edition) -> Relation:
    """The relation one edition declares with the edition it continues."""
    pairs: set[tuple[str, str]] = set()
    for statement in newer.statements_by_id.values():
        sources = statement.continues if statement.continues is not None else [statement.id]
        pairs.update((statement.id, old) for old in sources)
    return frozenset(pairs)


def _identity(edition: Edition) -> Relation:
    return frozenset((sid, sid) for sid in edition.statements_by_id)


def _compose(outer: Relation, inner: Relation) -> Relation:
    """outer: (c, b), inner: (b, a) -> (c, a)."""
    by_middle: dict[str, set[str]] = {}
    for middle, first in inner:
        by_middle.setdefault(middle, set()).add(first)
    return frozenset((last, first) for last, middle in outer for first in by_middle.get(middle, ()))


def _chain(older: Edition, newer: Edition, resolve: EditionResolver | None) -> Relation | None:
    """The relation newer -> older through the editions between, or None without a chain."""
    if (older.id, older.version) == (newer.id, newer.version):
        return _identity(newer)
    relation = _identity(newer)
    current: Edition | None = newer
    seen = {newer.version}
    while current is not None and current.continues is not None:
        relation = _compose(relation, _step(current))
        if current.continues == older.version:
            return relation
        if current.continues in seen or resolve is None:
            return None
        seen.add(current.continues)
        current = resolve(newer.id, current.continues)
    return None


def _by_id(source: Edition, target: Edition) -> Relation:
    known = source.statements_by_id
    return frozenset((sid, sid) for sid in target.statements_by_id if sid in known)


def _mapping(source: Edition, target: Edition, relation: Relation, linked: bool) -> EditionMapping:
    source_order = {sid: index for index, sid in enumerate(source.statements_by_id)}
    sources_of: dict[str, list[str]] = {sid: [] for sid in target.statements_by_id}
    fan_out: dict[str, int] = {}
    for new, old in relation:
        if new in sources_of and old in source_order:
            sources_of[new].append(old)
            fan_out[old] = fan_out.get(old, 0) + 1
    statements = {}
    for sid, olds in sources_of.items():
        ordered = tuple(sorted(olds, key=source_order.__getitem__))
        statements[sid] = StatementMapping(sid, ordered, _kind(ordered, fan_out))
    dropped = tuple(sid for sid in source.statements_by_id if sid not in fan_out)
    return EditionMapping(source.version, target.version, statements, dropped, linked)


def _kind(sources: Iterable[str], fan_out: dict[str, int]) -> MappingKind:
    olds = list(sources)
    if not olds:
        return MappingKind.NEW
    if len(olds) > 1:
        return MappingKind.MERGED
    return MappingKind.SPLIT if fan_out[olds[0]] > 1 else MappingKind.SAME
