"""``sync export -o FILE``: this installation's statistics file for NOV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from goedgeregeld.cli.context import CliContext
from goedgeregeld.cli.helpers import command_group, print_json


def register(subparsers: Any) -> None:
    """Add the sync commands."""
    group = command_group(subparsers, "sync", "statistiekbestand voor NOV (zonder namen)")
    export = group.add_parser(
        "export", help="maak het statistiekbestand voor NOV (alleen aantallen en jaren, geen namen)"
    )
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="BESTAND",
        help="standaard goedgeregeld-statistiek-<code van deze computer>-<datum>.json hier",
    )
    export.add_argument("--json", action="store_true", help="uitkomst als JSON")
    export.set_defaults(handler=_export)


def _export(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.exchange.sync.export import export_sync_file
    from goedgeregeld.words import counted

    if args.output is None:
        from datetime import date

        from goedgeregeld.exchange.sync.export import suggested_file_name

        args.output = Path(suggested_file_name(context.db(), date.today()))
    result = export_sync_file(context.db(), args.output)
    if args.json:
        print_json({"path": str(result.path), "sequence": result.sequence, **result.counts})
        return 0
    counts = result.counts
    print(
        f"Statistiekbestand {result.path} gemaakt (volgnummer {result.sequence}): "
        f"{counted(counts['organisations'], 'organisatie', 'organisaties')}, "
        f"{counted(counts['evaluations_completed'], 'afgeronde zelfevaluatie', 'afgeronde zelfevaluaties')}, "
        f"{counted(counts['advisers'], 'adviseur', 'adviseurs')}, "
        f"{counted(counts['quality_marks'], 'keurmerk', 'keurmerken')}."
    )
    return 0
