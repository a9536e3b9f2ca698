"""Checks that the models alone cannot express: unique ids, bands, core statements, must-haves.

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
    scale = data.get("scale")
    yield from _scale_findings(scale)
    if not isinstance(themes, list):
        return
    top = _scale_top(scale)
    levels = _declares_levels(themes)
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
        if levels:
            yield from level_findings(theme.get("advice"), theme.get("minimum"), (*path, "advice"))
        statements = theme.get("statements")
        if not isinstance(statements, list):
            continue
        has_core = False
        for s_index, statement in enumerate(statements):
            if not isinstance(statement, dict):
                continue
            s_path: Path = (*path, "statements", s_index)
            has_core = has_core or statement.get("core") is True
            yield from _must_findings(statement, s_path, top)
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


def _scale_top(scale: Any) -> int | None:
    if not isinstance(scale, list):
        return None
    values = [o.get("value") for o in scale if isinstance(o, dict)]
    numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
    return max(numbers) if numbers else None


def _must_findings(statement: dict[str, Any], path: Path, top: int | None) -> Iterator[Finding]:
    must = statement.get("must")
    if not isinstance(must, int) or isinstance(must, bool):
        return
    if top is not None and must > top:
        yield (
            (*path, "must"),
            f"'must' is {must}, maar de schaal gaat maar tot {top}: niemand kan het keurmerk halen",
        )
    if statement.get("core") is not True:
        yield (
            (*path, "must"),
            "'must' staat op een stelling die geen kernstelling is; kleine organisaties "
            "krijgen haar niet, maak haar core: true of haal 'must' weg",
        )


def _declares_levels(themes: list[Any]) -> bool:
    return any(
        isinstance(band, dict) and "level" in band
        for theme in themes
        if isinstance(theme, dict) and isinstance(theme.get("advice"), list)
        for band in theme["advice"]
    )


_LEVEL_ORDER = {"below": 0, "met": 1, "well_above": 2}


def level_findings(bands: Any, minimum: Any, path: Path) -> Iterator[Finding]:
    """Bands with a level must say the truth about the minimum: none praises a failing score."""
    if not isinstance(bands, list) or not isinstance(minimum, int):
        return
    previous = -1
    starts: set[int] = set()
    for index, band in enumerate(bands):
        if not isinstance(band, dict):
            return
        level, start, end = band.get("level"), band.get("from"), band.get("to")
        band_path: Path = (*path, index)
        if level not in _LEVEL_ORDER:
            yield (
                (*band_path, "level") if "level" in band else band_path,
                "deze editie geeft adviesbanden een 'level'; geef elke band below, met of "
                "well_above",
            )
            continue
        if not isinstance(start, int) or not isinstance(end, int):
            continue
        starts.add(start)
        shown = f"adviesband {start}–{end} ({level})"
        if level != "below" and start < minimum:
            yield (
                (*band_path, "from"),
                f"{shown} prijst een score onder het minimum van {minimum}%; "
                f"laat haar beginnen bij {minimum}",
            )
        if level == "below" and end > minimum:
            yield (
                (*band_path, "to"),
                f"{shown} loopt tot boven het minimum van {minimum}%; laat haar eindigen bij "
                f"{minimum}",
            )
        if _LEVEL_ORDER[level] < previous:
            yield (
                (*band_path, "level"),
                f"{shown} staat na een hogere band; zet de banden op volgorde: below, met, "
                "well_above",
            )
        previous = max(previous, _LEVEL_ORDER[level])
    if 0 < minimum < 100 and minimum not in starts:
        yield (
            path,
            f"geen adviesband begint bij het minimum van {minimum}%; de banden moeten daar "
            "van 'below' naar 'met' gaan",
        )


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
