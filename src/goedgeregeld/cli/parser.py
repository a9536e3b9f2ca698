"""The argument parser: Dutch help and Dutch one-line usage errors with exit code 2.

argparse writes its words through gettext (``argparse._`` and ``argparse.ngettext``); this
module gives it a Dutch catalogue, so every message it can show a user is Dutch, not only
the ones someone thought of. ``tests/cli/test_cli_dutch.py`` checks the catalogue against
the running Python's argparse, so a new message in a later Python cannot slip through.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

from goedgeregeld.words.choices import choice_list

DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: ongeldige invoer: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "deze gegevens ontbreken: %s",
    "one of the arguments %s is required": "geef één van deze opties: %s",  # joined below
    "not allowed with argument %s": "kan niet samen met %s",
    "unrecognized arguments: %s": "onbekende opties of waarden: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze %(value)r (kies uit %(choices)s)"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "onbekende opdracht %(parser_name)r (kies uit %(choices)s)"
    ),
    "expected one argument": "hier hoort één waarde achter",
    "expected at most one argument": "hier hoort hooguit één waarde achter",
    "expected at least one argument": "hier hoort minstens één waarde achter",
    "ignored explicit argument %r": "deze optie neemt geen waarde: %r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "optie %(option)s is niet eenduidig: bedoelt u %(matches)s?"
    ),
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r (%(type)s)",
    'argument "-" with mode %r': 'het argument "-" kan niet met modus %r',
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
    "unexpected option string: %s": "onverwachte optie: %s",
}
"""argparse's message ids that a user can see, in Dutch."""

PLURALS = {
    ("expected %s argument", "expected %s arguments"): (
        "hier hoort %s waarde achter",
        "hier horen %s waarden achter",
    ),
}
"""argparse's counted messages: (one, many) in English to (one, many) in Dutch."""

DEVELOPER_ONLY = {
    "%r is not callable",
    "'required' is an invalid argument for positionals",
    ".__call__() not defined",
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting subparser alias: %s",
    "conflicting subparser: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
    "conflicting option string: %s",
    "conflicting option strings: %s",
}
"""Messages only a programmer who builds a wrong parser sees; they stay as argparse has them."""

_TYPE_NAMES = {"int": "geen geheel getal", "float": "geen getal"}


def _gettext(message: str) -> str:
    return DUTCH.get(message, message)


def _ngettext(one: str, many: str, n: int) -> str:
    dutch = PLURALS.get((one, many))
    if dutch is None:
        return one if n == 1 else many
    return dutch[0] if n == 1 else dutch[1]


# argparse looks these names up in its own module each time it writes a message.
argparse._ = _gettext  # type: ignore[attr-defined]
argparse.ngettext = _ngettext  # type: ignore[attr-defined]


class _DutchHelpFormatter(argparse.HelpFormatter):
    """Help as argparse lays it out, with Dutch headings from the catalogue above."""


class DutchArgumentParser(argparse.ArgumentParser):
    """ArgumentParser with Dutch help headings, and errors as one Dutch line (exit code 2)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _DutchHelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Print a one-line usage error and exit with 2."""
        for name, words in _TYPE_NAMES.items():
            message = message.replace(f"({name})", f"({words})")
        # argparse joins the options of a required group with spaces: "--granted of --clear".
        message = re.sub(
            r"(geef één van deze opties: )(.+)$",
            lambda found: found.group(1) + choice_list(found.group(2).split()),
            message,
        )
        print(
            f"goedgeregeld: ongeldige invoer: {message} (zie '{self.prog} --help')", file=sys.stderr
        )
        raise SystemExit(2)
