"""Small helpers shared by the command modules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from goedgeregeld.cli.parser import DutchArgumentParser


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
