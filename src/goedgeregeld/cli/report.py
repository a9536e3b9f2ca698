"""``report EVAL_ID -o FILE.pdf``: write the PDF advice report of an evaluation."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from goedgeregeld.cli.context import CliContext, CliError


def register(subparsers: Any) -> None:
    """Add the report command."""
    report = subparsers.add_parser(
        "report",
        help="maak het adviesrapport (PDF) van een zelfevaluatie",
        description="Maak het adviesrapport (PDF) van een zelfevaluatie.",
    )
    report.add_argument("evaluation_id", metavar="EVAL_ID")
    report.add_argument(
        "-o",
        "--output",
        required=True,
        type=Path,
        metavar="BESTAND.pdf",
        help="waar het PDF-bestand komt",
    )
    report.set_defaults(handler=_report)


def _report(context: CliContext, args: argparse.Namespace) -> int:
    target: Path = args.output
    if target.is_dir():
        raise CliError(f"'{target}' is een map; geef een bestandsnaam, bijvoorbeeld rapport.pdf")
    if not target.parent.is_dir():
        raise CliError(f"de map '{target.parent}' bestaat niet")
    from goedgeregeld.report.advice import write_advice_report

    path = write_advice_report(context.db(), args.evaluation_id, target)
    print(f"Rapport opgeslagen: {path}")
    return 0
