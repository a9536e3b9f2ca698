"""The argument parser: Dutch one-line usage errors with exit code 2."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

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
