"""``export``, ``import FILE...`` and ``adviser register | show``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import command_group, print_json
from goedgeregeld.words.nouns import FILE


def register(subparsers: Any) -> None:
    """Add the exchange and adviser commands."""
    export = subparsers.add_parser(
        "export", help="maak een evaluatiebestand voor de adviseur (.ggeval)"
    )
    export.add_argument("evaluation_id", metavar="EVAL_ID")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="BESTAND")
    export.add_argument(
        "--encrypt",
        action="store_true",
        help="versleutelen met wachtwoord (gevraagd, of uit bestand)",
    )
    export.add_argument(
        "--passphrase-file", type=Path, metavar="BESTAND", help="wachtwoord op de eerste regel"
    )
    export.add_argument(
        "--with-spread",
        action="store_true",
        help="ook de spreiding per stelling over de respondenten (geen losse antwoorden of namen)",
    )
    export.set_defaults(handler=_export)
    importing = subparsers.add_parser(
        "import",
        help="lees evaluatie- of beoordelingsbestanden in (herkend aan de inhoud); "
        "statistiekbestanden: nov aggregate",
    )
    importing.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
    importing.add_argument("--json", action="store_true", help="uitkomst per bestand als JSON")
    importing.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="BESTAND",
        help="wachtwoord van versleutelde bestanden (anders gevraagd)",
    )
    importing.set_defaults(handler=_import)
    group = command_group(subparsers, "adviser", "de adviseur die deze computer gebruikt")
    registration = group.add_parser(
        "register", help="registreer de adviseur die deze computer gebruikt; drukt de id af"
    )
    registration.add_argument("--name", required=True, metavar="NAAM")
    registration.add_argument("--region", metavar="REGIO")
    registration.set_defaults(handler=_register)
    show = group.add_parser("show", help="toon de geregistreerde adviseur")
    show.add_argument("--json", action="store_true", help="als JSON")
    show.set_defaults(handler=_show)
    from goedgeregeld.cli import chain

    chain.register_adviser(group)


def _export(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.cli.trust import export_passphrase
    from goedgeregeld.exchange.container.encryption import LOST_PASSPHRASE_WARNING
    from goedgeregeld.exchange.evaluation.file import export_evaluation

    passphrase = export_passphrase(args)
    path = export_evaluation(
        context.db(), args.evaluation_id, args.output, passphrase, args.with_spread
    )
    print(f"Evaluatiebestand geschreven: {path}")
    if passphrase is not None:
        print(f"Versleuteld met wachtwoord. {LOST_PASSPHRASE_WARNING}")
    return 0


def _import(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.exchange.importer import import_files

    def progress(done: int, total: int, outcome: Any) -> None:
        stream = sys.stdout if outcome.ok else sys.stderr
        # A single failure is reported once, as the command's error line.
        if not args.json and (outcome.ok or total > 1):
            prefix = f"[{done}/{total}] " if total > 1 else ""
            print(f"{prefix}{outcome.message}", file=stream)

    asked: dict[str, str] = {}

    def passphrase(_path: Path) -> str:
        from goedgeregeld.cli.trust import read_passphrase

        if "value" not in asked:
            asked["value"] = read_passphrase(args.passphrase_file, confirm=False)
        return asked["value"]

    outcomes = import_files(context.db(), args.files, progress, passphrase)
    if args.json:
        print_json(
            [
                {
                    "file": str(o.path),
                    "status": o.status.value,
                    "kind": o.kind,
                    "evaluation_id": o.evaluation_id,
                    "changed_statements": list(o.changed_statements),
                    "message": o.message,
                }
                for o in outcomes
            ]
        )
    failed = [o for o in outcomes if not o.ok]
    if failed:
        if len(outcomes) == 1:
            raise CliError(failed[0].message)
        raise CliError(f"{FILE.of(len(failed), len(outcomes))} niet ingelezen")
    return 0


def _register(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.advisers import register_adviser

    adviser = register_adviser(context.db(), args.name, args.region)
    print(adviser.id)
    return 0


def _show(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.advisers import current_adviser

    adviser = current_adviser(context.db())
    if adviser is None:
        raise CliError("nog geen adviseur geregistreerd; gebruik: adviser register --name NAAM")
    if args.json:
        print_json(
            {
                "id": adviser.id,
                "name": adviser.name,
                "region": adviser.region,
                "registered_at": adviser.registered_at.isoformat(),
            }
        )
    else:
        region = f" ({adviser.region})" if adviser.region else ""
        print(
            f"{adviser.id}  {adviser.name}{region}  geregistreerd {adviser.registered_at:%Y-%m-%d}"
        )
    return 0
