"""``questionnaire list | show [ID] | check FILE... | schema``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import command_group, print_json
from goedgeregeld.words.nouns import CORE_STATEMENT, FILE, PROBLEM, STATEMENT, THEME


def register(subparsers: Any) -> None:
    """Add the questionnaire commands."""
    group = command_group(subparsers, "questionnaire", "vragenlijsten bekijken en controleren")
    listing = group.add_parser("list", help="toon de meegeleverde vragenlijsten")
    listing.set_defaults(handler=_list)
    show = group.add_parser("show", help="toon een editie met haar stellingen en regels")
    show.add_argument(
        "edition_id", nargs="?", metavar="ID", help="vragenlijst (standaard de nieuwste)"
    )
    show.add_argument("--edition", metavar="VERSIE", help="editie, bijvoorbeeld 2026.1")
    show.add_argument("--json", action="store_true", help="als JSON")
    show.set_defaults(handler=_show)
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
            f"{THEME(len(edition.themes))}, {STATEMENT(statements)} ({CORE_STATEMENT(core)})\t"
            f"{edition.content_hash[:12]}"
        )
    return 0


def _show(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.questionnaire.catalog import UnknownEditionError, find_edition

    try:
        edition = find_edition(args.edition_id, args.edition)
    except UnknownEditionError as exc:
        raise CliError(f"onbekende vragenlijst of editie '{exc}'") from None
    data = {
        "id": edition.id,
        "version": edition.version,
        "title": edition.title,
        "continues": edition.continues,
        "dropped": list(edition.dropped),
        "themes": [
            {
                "id": theme.id,
                "title": theme.title,
                "minimum": theme.minimum,
                "min_applicable": theme.min_applicable,
                "statements": [
                    {
                        "id": s.id,
                        "core": s.core,
                        "must": s.must,
                        "na_allowed": s.na_allowed,
                        "explanation": s.explanation,
                        "text": s.text,
                        "continues": s.continues,
                    }
                    for s in theme.statements
                ],
            }
            for theme in edition.themes
        ],
    }
    if args.json:
        print_json(data)
    else:
        print(_show_text(data))
    return 0


def _show_text(data: dict[str, Any]) -> str:
    from goedgeregeld.words import must_hint

    lines = [f"{data['title']}", f"{data['id']} {data['version']}", ""]
    statements = [s for theme in data["themes"] for s in theme["statements"]]
    na_rules = not all(s["na_allowed"] for s in statements)
    number = 0
    for theme in data["themes"]:
        lines.append(f"{theme['title']} (minimum {theme['minimum']}%)")
        for s in theme["statements"]:
            number += 1
            marks = " ★" if s["core"] else ""
            lines.append(f"  {number:>3}. {s['text']}{marks}  [{s['id']}]")
            if s["must"] is not None:
                lines.append(f"       {must_hint(s['must'])}")
            if na_rules and s["na_allowed"]:
                lines.append("       Niet van toepassing mag hier, met de reden in de notitie.")
        lines.append("")
    return "\n".join(lines).rstrip()


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
        raise CliError(f"{PROBLEM(total)} gevonden in {FILE(len(args.files))}")
    return 0


def _schema(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.questionnaire.schema import edition_schema_json

    sys.stdout.write(edition_schema_json())
    return 0
