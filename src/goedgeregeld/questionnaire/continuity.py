"""Checks of the mapping between editions: ``continues`` and ``dropped`` point at real statements.

An edition names the version it continues; each statement names the statements of that previous
edition it continues (same id, a split, a merge, or none for a new one). Like the other checks
these run on the raw YAML data, so that one run reports every problem with its line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from goedgeregeld.questionnaire.checks import Finding, Path
from goedgeregeld.questionnaire.model import Edition

PreviousResolver = Callable[[str, str], Edition | None]
"""(edition id, version) to a shipped edition, or None when no such edition is shipped."""


def continuity_findings(data: Any, resolve: PreviousResolver | None) -> Iterator[Finding]:
    """Yield (path, Dutch message) for each mapping problem; without a resolver only local ones."""
    if not isinstance(data, dict) or not isinstance(data.get("themes"), list):
        return
    statements = list(_statements(data["themes"]))
    previous_version = data.get("continues")
    version = data.get("version")
    if previous_version is None:
        for path, statement in statements:
            if "continues" in statement:
                yield (
                    (*path, "continues"),
                    "deze stelling noemt 'continues', maar de editie zegt niet welke editie "
                    "zij voortzet (sleutel 'continues' bovenaan)",
                )
        if data.get("dropped"):
            yield ("dropped",), "'dropped' zonder 'continues' bovenaan: van welke editie?"
        return
    if not isinstance(previous_version, str):
        return
    yield from _cycle_findings(statements)
    if previous_version == version:
        yield ("continues",), f"de editie zet zichzelf voort ({version}): een kringverwijzing"
        return
    for path, statement in statements:
        if "continues" not in statement:
            yield (
                path,
                f"'continues' ontbreekt: noem de stellingen uit {previous_version} die deze "
                "stelling voortzet, of [] voor een nieuwe stelling",
            )
    dropped: list[Any] = data["dropped"] if isinstance(data.get("dropped"), list) else []
    continued = {old for _, statement in statements for old in _ids(statement.get("continues"))}
    for index, old in enumerate(dropped):
        if old in continued:
            yield (
                ("dropped", index),
                f"'{old}' staat bij 'dropped', maar een stelling zet haar voort",
            )
    if resolve is None:
        return
    edition_id = data.get("id")
    previous = resolve(str(edition_id), previous_version)
    if previous is None:
        yield (
            ("continues",),
            f"de vorige editie {previous_version} van '{edition_id}' is niet meegeleverd",
        )
        return
    yield from _chain_findings(str(edition_id), str(version), previous, resolve)
    known = previous.statements_by_id
    for path, statement in statements:
        for index, old in enumerate(_ids(statement.get("continues"))):
            if old not in known:
                yield (
                    (*path, "continues", index),
                    f"'{old}' bestaat niet in editie {previous_version}",
                )
    for index, old in enumerate(dropped):
        if isinstance(old, str) and old not in known:
            yield ("dropped", index), f"'{old}' bestaat niet in editie {previous_version}"
    missing = [old for old in known if old not in continued and old not in dropped]
    if missing:
        yield (
            ("continues",),
            f"deze stellingen uit {previous_version} worden nergens voortgezet en staan niet "
            f"bij 'dropped': {', '.join(missing)}",
        )


def _statements(themes: list[Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    for t_index, theme in enumerate(themes):
        if not isinstance(theme, dict) or not isinstance(theme.get("statements"), list):
            continue
        for s_index, statement in enumerate(theme["statements"]):
            if isinstance(statement, dict):
                yield ("themes", t_index, "statements", s_index), statement


def _ids(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _cycle_findings(statements: list[tuple[Path, dict[str, Any]]]) -> Iterator[Finding]:
    """``continues`` that leads from statement to statement of this edition back to the start."""
    paths = {s["id"]: path for path, s in statements if isinstance(s.get("id"), str)}
    edges = {
        s["id"]: [old for old in _ids(s.get("continues")) if old in paths and old != s["id"]]
        for _, s in statements
        if isinstance(s.get("id"), str)
    }
    reported: set[str] = set()
    for start in edges:
        if start in reported:
            continue
        loop = _loop_through(start, edges)
        if loop:
            reported.update(loop)
            yield (
                (*paths[start], "continues"),
                f"kringverwijzing in 'continues': {' → '.join(loop)} → {start}",
            )


def _loop_through(start: str, edges: dict[str, list[str]]) -> list[str]:
    """A path start → … that returns to start, or empty when there is none."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    visited: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for nxt in edges.get(node, []):
            if nxt == start:
                return trail
            if nxt not in visited:
                visited.add(nxt)
                stack.append((nxt, [*trail, nxt]))
    return []


def _chain_findings(
    edition_id: str, version: str, previous: Edition, resolve: PreviousResolver
) -> Iterator[Finding]:
    seen = [version, previous.version]
    current: Edition | None = previous
    while current is not None and current.continues is not None:
        if current.continues in seen:
            yield (
                ("continues",),
                f"kringverwijzing tussen edities: {' → '.join([*seen, current.continues])}",
            )
            return
        seen.append(current.continues)
        current = resolve(edition_id, current.continues)
