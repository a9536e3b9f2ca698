"""Load a questionnaire edition from YAML and report every problem with file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from goedgeregeld.base.text import MESSAGES, code_point, is_invisible, text_problem
from goedgeregeld.questionnaire.checks import semantic_findings
from goedgeregeld.questionnaire.continuity import PreviousResolver, continuity_findings
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.questionnaire.problems import Problem, QuestionnaireError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILE_BYTES = 2_000_000

DataPath = tuple[str | int, ...]

_PYDANTIC_MESSAGES = {
    "missing": "verplichte sleutel '{field}' ontbreekt",
    "extra_forbidden": "onbekende sleutel '{field}'",
    "string_too_short": "'{field}' mag niet leeg zijn",
    "string_too_long": "'{field}' is te lang (hoogstens {max_length} tekens)",
    "string_type": "'{field}' moet tekst zijn",
    "string_pattern_mismatch": "'{field}' heeft een ongeldige vorm ({input!r})",
    "int_type": "'{field}' moet een geheel getal zijn",
    "int_parsing": "'{field}' moet een geheel getal zijn",
    "int_from_float": "'{field}' moet een geheel getal zijn",
    "float_type": "'{field}' moet een getal zijn",
    "float_parsing": "'{field}' moet een getal zijn",
    "bool_type": "'{field}' moet true of false zijn",
    "bool_parsing": "'{field}' moet true of false zijn",
    "greater_than_equal": "'{field}' is {input}, maar moet minstens {ge} zijn",
    "less_than_equal": "'{field}' is {input}, maar mag hoogstens {le} zijn",
    "greater_than": "'{field}' is {input}, maar moet groter zijn dan {gt}",
    "too_short": "'{field}' moet minstens {min_length} onderdelen hebben",
    "too_long": "'{field}' mag hoogstens {max_length} onderdelen hebben",
    "list_type": "'{field}' moet een lijst zijn",
    "model_type": "'{field}' moet een blok met sleutels zijn",
    "dict_type": "'{field}' moet een blok met sleutels zijn",
}


def load_edition(path: Path, previous: PreviousResolver | None = None) -> Edition:
    """Load and validate one edition; raise ``QuestionnaireError`` with every problem.

    ``previous`` finds the edition this one continues, to check the mapping between them;
    without it only the mapping's own consistency is checked.
    """
    edition, problems = _load(path, previous)
    if problems or edition is None:
        raise QuestionnaireError(problems)
    return edition


def check_file(path: Path, previous: PreviousResolver | None = None) -> list[Problem]:
    """Every problem in a questionnaire file, sorted by line; empty when the file is good."""
    return sorted(_load(path, previous)[1])


def _load(path: Path, previous: PreviousResolver | None) -> tuple[Edition | None, list[Problem]]:
    name = str(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, [Problem(name, 0, "het bestand is te groot voor een vragenlijst")]
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return None, [Problem(name, 0, f"het bestand is niet te lezen ({exc.__class__.__name__})")]
    try:
        data, lines = _parse_with_lines(text)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = MESSAGES["control"].format(field="de tekst", code=code_point(chr(code)))
        return None, [Problem(name, line, message)]
    except ValueError:
        # PyYAML's int() of a number longer than Python converts (4300 digits); found by fuzzing.
        return None, [Problem(name, 0, "het bestand bevat een getal met te veel cijfers")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        detail = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(name, line, f"geen geldige YAML: {detail}")]
    except _AliasError as exc:
        message = "verwijzingen naar ankers (&naam en *naam) zijn niet toegestaan"
        return None, [Problem(name, exc.line, message)]

    locator = _Locator(name, data, lines)
    problems = [locator.problem(path_, message) for path_, message in semantic_findings(data)]
    problems.extend(locator.problem(*pair) for pair in _text_findings(data))
    problems.extend(locator.problem(*pair) for pair in continuity_findings(data, previous))
    problems.extend(locator.problem(*pair) for pair in lines.duplicate_keys)
    edition: Edition | None = None
    try:
        edition = Edition.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            problems.append(locator.problem(tuple(error["loc"]), _dutch(error)))
    return (None if problems else edition), problems


def _text_findings(data: Any) -> list[tuple[DataPath, str]]:
    """Texts the app would not store (the one rule of base.text): overrides, invisible only."""
    found: list[tuple[DataPath, str]] = []
    todo: list[tuple[DataPath, Any]] = [((), data)]
    while todo:
        where, value = todo.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem is None and value.strip() and is_invisible(value):
                problem = ("invisible", "")
            if problem:
                field = f"'{where[-1]}'" if where else "de tekst"
                found.append((where, MESSAGES[problem[0]].format(field=field, code=problem[1])))
        elif isinstance(value, dict):
            todo.extend(((*where, str(k)), v) for k, v in value.items())
        elif isinstance(value, list):
            todo.extend(((*where, i), v) for i, v in enumerate(value))
    return found


def _dutch(error: Any) -> str:
    loc = error["loc"]
    field = str(loc[-1]) if loc else "bestand"
    if isinstance(loc[-1] if loc else None, int) and len(loc) > 1:
        field = f"{loc[-2]}[{loc[-1]}]"
    template = _PYDANTIC_MESSAGES.get(error["type"])
    if template is None:
        return f"'{field}': {error['msg']}"
    context = dict(error.get("ctx") or {})
    value = error.get("input")
    shown = value if isinstance(value, int | float | str) else type(value).__name__
    return template.format(field=field, input=shown, **context)


class _AliasError(Exception):
    """An anchor used again through an alias (``*name``): refused, it can expand without end."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


class _LineMap:
    def __init__(self) -> None:
        self.lines: dict[DataPath, int] = {}
        self.duplicate_keys: list[tuple[DataPath, str]] = []
        self._seen: set[int] = set()

    def walk(self, node: yaml.Node, path: DataPath) -> None:
        # An alias yields the same node object again; walking (or constructing) it would
        # repeat whole subtrees, which a "billion laughs" file turns into 10^14 nodes.
        if id(node) in self._seen:
            raise _AliasError(node.start_mark.line + 1)
        self._seen.add(id(node))
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = str(key_node.value)
                key_path = (*path, key)
                if key in seen:
                    self.duplicate_keys.append((key_path, f"sleutel '{key}' staat er twee keer"))
                seen.add(key)
                self.lines[key_path] = key_node.start_mark.line + 1
                self.walk(value_node, key_path)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                self.walk(item, (*path, index))


def _parse_with_lines(text: str) -> tuple[Any, _LineMap]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        lines = _LineMap()
        if node is None:
            return None, lines
        lines.walk(node, ())
        return loader.construct_document(node), lines
    finally:
        loader.dispose()


class _Locator:
    """Turns a path into the data into a Problem with line, theme and statement."""

    def __init__(self, name: str, data: Any, lines: _LineMap) -> None:
        self.name, self.data, self.lines = name, data, lines.lines

    def problem(self, path: DataPath, message: str) -> Problem:
        line = 1
        for end in range(len(path), -1, -1):
            found = self.lines.get(tuple(path[:end]))
            if found is not None:
                line = found
                break
        theme = statement = None
        if len(path) >= 2 and path[0] == "themes" and isinstance(path[1], int):
            theme_data = self._get(("themes", path[1]))
            theme = self._id_of(theme_data, f"thema {path[1] + 1}")
            if len(path) >= 4 and path[2] == "statements" and isinstance(path[3], int):
                statement_data = self._get(("themes", path[1], "statements", path[3]))
                statement = self._id_of(statement_data, f"stelling {path[3] + 1}")
        return Problem(self.name, line, message, theme, statement)

    def _get(self, path: DataPath) -> Any:
        node = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    @staticmethod
    def _id_of(data: Any, fallback: str) -> str:
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            return str(data["id"])
        return fallback
