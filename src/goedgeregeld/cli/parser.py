"""The argument parser: Dutch one-line usage errors with exit code 2."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from goedgeregeld import __version__

_TRANSLATIONS = (
    ("the following arguments are required:", "deze gegevens ontbreken:"),
    ("unrecognized arguments:", "onbekende opties:"),
    ("invalid choice:", "ongeldige keuze:"),
    ("choose from", "kies uit"),
    ("expected one argument", "verwacht één waarde"),
    ("invalid int value:", "geen geheel getal:"),
    ("invalid float value:", "geen getal:"),
    ("argument ", "bij "),
)


class _DutchHelpFormatter(argparse.HelpFormatter):
    """Help as argparse lays it out, with a Dutch word for "usage"."""

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        # argparse passes "" when it builds a subcommand's name: that stays "".
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """ArgumentParser with Dutch help headings, and errors as one Dutch line (exit code 2)."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _DutchHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = "toon deze hulp en stop"

    def error(self, message: str) -> NoReturn:
        """Print a one-line usage error and exit with 2."""
        for english, dutch in _TRANSLATIONS:
            message = message.replace(english, dutch)
        print(
            f"goedgeregeld: ongeldige invoer: {message} (zie '{self.prog} --help')", file=sys.stderr
        )
        raise SystemExit(2)


def build_parser() -> DutchArgumentParser:
    """The whole command tree; each command module adds its own subcommands."""
    from goedgeregeld.cli import commands

    parser = DutchArgumentParser(
        prog="goedgeregeld",
        description="Goed Geregeld: zelfevaluatie vrijwillige inzet. Zonder opdracht opent de app.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"goedgeregeld {__version__}",
        help="toon het versienummer en stop",
    )
    parser.add_argument(
        "--data-dir",
        metavar="MAP",
        help="map met de gegevens (standaard: GOEDGEREGELD_DATA_DIR of de gebruikersmap)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="controleer de installatie zonder scherm en stop (uitkomst 0 als alles werkt)",
    )
    parser.add_argument(
        "--open",
        metavar="BESTAND",
        help="open de app en vraag of dit evaluatie- of beoordelingsbestand ingelezen moet worden",
    )
    subparsers = parser.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )
    for register in commands.REGISTRARS:
        register(subparsers)
    return parser
