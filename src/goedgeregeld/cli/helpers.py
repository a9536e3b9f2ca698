"""Small helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

from goedgeregeld.cli.parser import DutchArgumentParser
from goedgeregeld.words.choices import choice_list, spellings

_E = TypeVar("_E", bound=StrEnum)


def command_group(subparsers: Any, name: str, help_text: str) -> Any:
    """Add ``name`` with its own subcommands, e.g. ``org create``."""
    group = subparsers.add_parser(name, help=help_text, description=help_text)
    nested = group.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", parser_class=DutchArgumentParser, required=True
    )
    return nested


def print_json(data: Any) -> None:
    """Print JSON for scripts: UTF-8, stable key order."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def non_negative_int(text: str) -> int:
    """Argparse type: a whole number of at least 0."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' moet 0 of meer zijn")
    return value


def non_negative_float(text: str) -> float:
    """Argparse type: a number of at least 0; a Dutch comma is fine."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen getal") from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"'{text}' moet 0 of meer zijn")
    return value


def dutch_choice(words: Mapping[_E, str], what: str) -> Callable[[str], _E]:
    """Argparse type: the Dutch word of a choice, or its stable English name, as the enum.

    ``words`` maps each value to the word users type ("lager"); ``what`` names the choice
    in the message ("oordeel"). Case and a hyphen for an underscore do not matter.
    """
    accepted: dict[str, _E] = {}
    for value, word in words.items():
        for name in spellings(word) | spellings(value.value):
            accepted[name.casefold()] = value

    def parse(text: str) -> _E:
        found = accepted.get(text.strip().casefold())
        if found is None:
            raise argparse.ArgumentTypeError(
                f"onbekend {what} '{text}': kies {choice_list(list(words.values()))}"
            )
        return found

    parse.__name__ = what
    return parse


def choice_metavar(words: Mapping[Any, str]) -> str:
    """The Dutch words in a usage line: ``{eens,lager,hoger}``."""
    return "{" + ",".join(words.values()) + "}"


def choice_help(words: Mapping[Any, str], lead: str = "") -> str:
    """Help text with Dutch first and the stable English names after it."""
    english = choice_list([value.value for value in words], "en")
    dutch = choice_list(list(words.values()))
    return f"{lead}{dutch} (de vaste Engelse namen {english} werken ook)"
