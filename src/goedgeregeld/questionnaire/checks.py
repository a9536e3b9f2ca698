"""Checks that the models alone cannot express: unique ids, contiguous bands, core statements.

They run on the raw YAML data, even when it does not fit the models, so that one run of the
checker reports every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Path = tuple[str | int, ...]
Finding = tuple[Path, str]


def semantic_findings(data: Any) -> Iterator[Finding]:
    """Yield (path in the data, Dutch message) for each problem found."""
    if not isinstance(data, dict):
        return
    themes = data.get("themes")
    yield from _scale_findings(data.get("scale"))
    if not isinstance(themes, list):
        return
    seen_themes: dict[str, int] = {}
    seen_statements: dict[str, str] = {}
    for t_index, theme in enumerate(themes):
        if not isinstance(theme, dict):
            continue
        path: Path = ("themes", t_index)
        theme_id = theme.get("id")
        if isinstance(theme_id, str):
            if theme_id in seen_themes:
                yield (*path, "id"), f"thema-id '{theme_id}' komt twee keer voor"
            seen_themes.setdefault(theme_id, t_index)
        yield from _band_findings(theme.get("advice"), (*path, "advice"))
        statements = theme.get("statements")
        if not isinstance(statements, list):
            continue
        has_core = False
        for s_index, statement in enumerate(statements):
            if not isinstance(statement, dict):
                continue
            s_path: Path = (*path, "statements", s_index)
            has_core = has_core or statement.get("core") is True
            statement_id = statement.get("id")
            if not isinstance(statement_id, str):
                continue
            if statement_id in seen_statements:
                yield (
                    (*s_path, "id"),
                    (
                        f"stelling-id '{statement_id}' komt twee keer voor "
                        f"(ook in thema '{seen_statements[statement_id]}')"
                    ),
                )
            seen_statements.setdefault(statement_id, str(theme_id))
            if isinstance(theme_id, str) and not statement_id.startswith(f"{theme_id}."):
                yield (
                    (*s_path, "id"),
                    (f"stelling-id '{statement_id}' begint niet met de thema-id '{theme_id}.'"),
                )
        if statements and not has_core:
            yield (*path, "statements"), "thema heeft geen kernstelling (core: true)"


def _scale_findings(scale: Any) -> Iterator[Finding]:
    if not isinstance(scale, list):
        return
    values = [o.get("value") for o in scale if isinstance(o, dict)]
    if values != list(range(len(values))):
        yield ("scale",), "de schaal moet de waarden 0, 1, 2, 3 hebben, in die volgorde"


def _band_findings(bands: Any, path: Path) -> Iterator[Finding]:
    if not isinstance(bands, list):
        return
    expected_from = 0
    for index, band in enumerate(bands):
        if not isinstance(band, dict):
            return
        start, end = band.get("from"), band.get("to")
        if not isinstance(start, int) or not isinstance(end, int):
            return
        band_path: Path = (*path, index, "from")
        if start >= end:
            yield band_path, f"adviesband {start}–{end}: 'from' moet kleiner zijn dan 'to'"
        if start > expected_from:
            yield band_path, f"gat tussen de adviesbanden: {expected_from} tot {start} ontbreekt"
        elif start < expected_from:
            yield (
                band_path,
                f"adviesbanden overlappen: {start} tot {expected_from} valt in twee banden",
            )
        expected_from = max(expected_from, end)
    if expected_from < 100:
        yield (
            (*path,),
            f"de adviesbanden houden op bij {expected_from}; de laatste moet tot 100 gaan",
        )
