"""JSON reading with limits: size, nesting depth, no NaN, no duplicate keys, strict types."""

from __future__ import annotations

import json
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from goedgeregeld.base.text import MESSAGES, TextRefusedError, text_problem

MAX_DEPTH = 24
# What may start a character the app never stores in any text (the one rule in base.text):
# raw controls are not valid JSON, so only escapes, C1 controls and the bidi range count.
_SUSPECT = re.compile(r"[\\\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_BRACKETS = re.compile(rb"[\[\]{}]")

ModelT = TypeVar("ModelT", bound=BaseModel)


class JsonProblemError(ValueError):
    """A Dutch description of what is wrong with a JSON member."""


def _depth(raw: bytes) -> int:
    """Deepest nesting of arrays and objects, counted without recursion."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub(b"", raw)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                return deepest
        else:
            depth -= 1
    return deepest


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise JsonProblemError(f"sleutel '{key}' komt twee keer voor")
            seen.add(key)
    return result


def _no_constant(name: str) -> Any:
    raise JsonProblemError(f"'{name}' is geen geldig JSON-getal")


def check_json(raw: bytes, max_bytes: int) -> None:
    """Raise JsonProblemError unless ``raw`` is UTF-8 JSON within the size and depth limits."""
    if len(raw) > max_bytes:
        raise JsonProblemError(f"is te groot (meer dan {max_bytes // 1024} kB)")
    if _depth(raw) > MAX_DEPTH:
        raise JsonProblemError(f"is te diep genest (meer dan {MAX_DEPTH} niveaus)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise JsonProblemError("is geen UTF-8-tekst") from None
    try:
        document = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise JsonProblemError(
            f"is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})"
        ) from None
    except RecursionError:
        raise JsonProblemError("is te diep genest") from None
    except JsonProblemError:
        raise
    except ValueError:
        # Outside JSONDecodeError: an integer longer than Python converts (4300 digits).
        raise JsonProblemError("bevat een getal met te veel cijfers") from None
    # Raw control characters are not valid JSON; escaped ones (\u001b) are, so look deeper.
    if _SUSPECT.search(text):
        _find_control(document)


def _find_control(document: Any) -> None:
    """Raise naming the first text field that holds a control character."""
    todo: list[tuple[str, Any]] = [("", document)]
    while todo:
        where, value = todo.pop()
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                reason, code = problem
                field = f"veld '{where or 'de inhoud'}'"
                raise JsonProblemError(MESSAGES[reason].format(field=field, code=code))
        elif isinstance(value, dict):
            for key, item in value.items():
                todo.append((f"{where}.{key}" if where else str(key), item))
                todo.append((f"{where} (naam van een veld)", key))
        elif isinstance(value, list):
            todo.extend((f"{where}.{number}", item) for number, item in enumerate(value))


_PYDANTIC_WORDS = {
    "missing": "ontbreekt",
    "extra_forbidden": "is onbekend",
    "string_too_long": "is te lang",
    "string_too_short": "is leeg of te kort",
    "too_long": "heeft te veel elementen",
    "string_pattern_mismatch": "heeft een ongeldige vorm",
    "literal_error": "heeft een onbekende waarde",
    "enum": "heeft een onbekende waarde",
    "greater_than_equal": "is te klein",
    "less_than_equal": "is te groot",
    "datetime_from_date_parsing": "is geen geldige datum en tijd",
    "datetime_parsing": "is geen geldige datum en tijd",
    "date_from_datetime_parsing": "is geen geldige datum",
    "date_parsing": "is geen geldige datum",
}


def parse_model(model: type[ModelT], raw: bytes, max_bytes: int) -> ModelT:
    """Check the JSON, then validate it strictly against ``model`` (no type coercion)."""
    check_json(raw, max_bytes)
    try:
        return model.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        raise JsonProblemError(describe_validation(exc)) from None


def describe_validation(exc: ValidationError) -> str:
    """The first problem pydantic found, in Dutch, naming the field."""
    first = exc.errors(include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "de inhoud"
    kind = str(first["type"])
    refused = (first.get("ctx") or {}).get("error")
    if isinstance(refused, TextRefusedError):
        return refused.naming(f"veld '{where}'")
    if kind == "value_error" and refused is not None:
        return f"veld '{where}' {refused}"
    what = _PYDANTIC_WORDS.get(kind)
    if what is None:
        what = "heeft het verkeerde type" if kind.endswith("_type") else "is ongeldig"
    return f"veld '{where}' {what}"


def export_problem(exc: ValidationError) -> str:
    """What to fix before a file can be made, for data stored before the text rules."""
    return f"dit kan niet in een bestand: {describe_validation(exc)}; pas die tekst eerst aan"
