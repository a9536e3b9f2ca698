"""The one validator for every free text the app stores, imports and exports, with its messages.

The store's use cases (so the window and the command line) and every exchange reader go
through :func:`clean_text`, so whatever the app accepts it can write to a file and read back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from goedgeregeld.base.errors import UserFacingError

# C0 controls and DEL and the C1 controls. Nothing a person types; in a name or note they
# colour terminals (ESC), hide text or break a PDF line. Tab and line feed are allowed in
# multi-line fields, carriage returns become line feeds there.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# Embeddings, overrides and isolates reorder what is shown: "gpj.exe" reads as "exe.jpg".
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SEPARATORS = re.compile("[\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")
# Letters and symbols that draw nothing (Hangul fillers, the blank braille pattern).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Cn", "Cs"})

# The message table: every refusal of a text, for every field, reads the same.
MESSAGES = {
    "control": "{field} bevat een onzichtbaar stuurteken ({code})",
    "bidi": "{field} bevat een teken dat de leesrichting omdraait ({code})",
    "separator": "{field} moet op één regel: het bevat een regelscheiding ({code})",
    "newline": "{field} moet op één regel: het bevat een regeleinde",
    "surrogate": "{field} bevat een ongeldig teken ({code}): geen geldige Unicode-tekst",
    "empty": "{field} mag niet leeg zijn",
    "invisible": "{field} bevat alleen onzichtbare tekens",
    "too_long": "{field} is te lang (meer dan {limit} tekens)",
}


class TextRefusedError(UserFacingError, ValueError):
    """A text the app does not store; ``str()`` names the field and says why, in Dutch."""

    def __init__(self, reason: str, field: str, code: str = "", limit: int = 0) -> None:
        self.reason, self.field, self.code, self.limit = reason, field, code, limit
        super().__init__(MESSAGES[reason].format(field=field, code=code, limit=limit))

    def naming(self, field: str) -> str:
        """The same refusal, naming the field another way (``veld 'answers.0.note'``)."""
        return MESSAGES[self.reason].format(field=field, code=self.code, limit=self.limit)


@dataclass(frozen=True)
class TextRule:
    """What one field allows: its Dutch name, its longest length, lines, whether required."""

    field: str
    max_length: int
    multiline: bool = False
    required: bool = False


# Today's limits, as the store and the exchange formats had them.
ORGANISATION_NAME = TextRule("de naam van de organisatie", 300, required=True)
CITY = TextRule("de plaats", 300)
NOTE = TextRule("de toelichting", 20_000, multiline=True)
COMMENT = TextRule("de opmerking", 20_000, multiline=True)
CONDITION = TextRule("de voorwaarde", 2_000, required=True)
ACTION_DESCRIPTION = TextRule("de omschrijving van het actiepunt", 5_000, True, required=True)
ACTION_OWNER = TextRule("de eigenaar van het actiepunt", 300)
ADVISER_NAME = TextRule("de naam van de adviseur", 200, required=True)
ADVISER_REGION = TextRule("de regio van de adviseur", 200)
RESPONDENT_NAME = TextRule("de naam van de respondent", 200, required=True)
FILE_NAME = TextRule("de bestandsnaam", 200, required=True)
# Questionnaire texts (titles, statements, guidance) may span lines in YAML.
QUESTIONNAIRE_TEXT = TextRule("de tekst", 100_000, multiline=True)


def code_point(character: str) -> str:
    """``U+001B`` for a character, as the messages show it."""
    return f"U+{ord(character):04X}"


def text_problem(text: str, multiline: bool = True) -> tuple[str, str] | None:
    """The first character the app never stores in such a field: (reason, code), else None."""
    found = _SURROGATE.search(text)
    if found:
        return "surrogate", code_point(found.group())
    for match in _CONTROL.finditer(text):
        character = match.group()
        if multiline and character in "\t\n\r":
            continue
        if character in "\n\r":
            return "newline", ""
        return "control", code_point(character)
    found = _BIDI.search(text)
    if found:
        return "bidi", code_point(found.group())
    if not multiline:
        found = _SEPARATORS.search(text)
        if found:
            return "separator", code_point(found.group())
    return None


def is_invisible(text: str) -> bool:
    """True when nothing in ``text`` draws on the screen (spaces, zero-width characters)."""
    return all(
        unicodedata.category(c) in _INVISIBLE_CATEGORIES or c in _BLANK_LETTERS for c in text
    )


def clean_text(value: str | None, rule: TextRule) -> str:
    """The text as the app stores it, or TextRefusedError naming the field.

    Normalised to NFC; a single-line field has its runs of white space folded to one space
    and its ends trimmed; a multi-line field keeps its text as typed, with its line ends made
    line feeds. An optional field gives ``""`` for no text.
    """
    text = value or ""
    problem = text_problem(text, rule.multiline)
    if problem is not None:
        reason, code = problem
        raise TextRefusedError(reason, rule.field, code)
    text = unicodedata.normalize("NFC", text)
    if rule.multiline:
        text = _SEPARATORS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    else:
        text = " ".join(text.split())
    if not text.strip():
        if rule.required:
            raise TextRefusedError("empty", rule.field)
    elif is_invisible(text):
        raise TextRefusedError("invisible", rule.field)
    if len(text) > rule.max_length:
        raise TextRefusedError("too_long", rule.field, limit=rule.max_length)
    return text


def clean_optional(value: str | None, rule: TextRule) -> str | None:
    """Like :func:`clean_text`, but ``None`` for a field left empty."""
    return clean_text(value, rule) or None
