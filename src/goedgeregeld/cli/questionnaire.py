"""``questionnaire list | check FILE... | schema``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import command_group


def register(subparsers: Any) -> None:
    """Add the questionnaire commands."""
    group = command_group(subparsers, "questionnaire", "vragenlijsten bekijken en controleren")
    listing = group.add_parser("list", help="toon de meegeleverde vragenlijsten")
    listing.set_defaults(handler=_list)
    check = group.add_parser("check", help="controleer vragenlijstbestanden (YAML)")
    check.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
    check.set_defaults(handler=_check)
    schema = group.add_parser("schema", help="druk het JSON-schema voor vragenlijsten af")
    schema.set_defaults(handler=_schema)


def _list(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.questionnaire.catalog import shipped_editions

    for edition in shipped_editions():
        statements = len(edition.statements_by_id)
        core = sum(1 for s in edition.statements_by_id.values() if s.core)
        print(
            f"{edition.id}\t{edition.version}\t{edition.title}\t"
            f"{len(edition.themes)} thema's, {statements} stellingen ({core} kernstellingen)\t"
            f"{edition.content_hash[:12]}"
        )
    return 0


def _check(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.questionnaire.catalog import previous_shipped
    from goedgeregeld.questionnaire.loader import check_file

    total = 0
    for path in args.files:
        problems = check_file(path, previous_shipped)
        total += len(problems)
        for problem in problems:
            print(problem)
        if not problems:
            print(f"{path}: in orde")
    if total:
        raise CliError(f"{total} problemen gevonden in {len(args.files)} bestand(en)")
    return 0


def _schema(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.questionnaire.schema import edition_schema_json

    sys.stdout.write(edition_schema_json())
    return 0
