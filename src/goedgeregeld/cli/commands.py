"""The command tree: the list of command modules (each exposes ``register(subparsers)``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from goedgeregeld import __version__
from goedgeregeld.cli import (
    backup,
    chain,
    evaluations,
    exchange,
    nov,
    organisations,
    questionnaire,
    report,
    review,
    sync,
    trust,
)
from goedgeregeld.cli.parser import DutchArgumentParser

REGISTRARS: list[Callable[[Any], None]] = [
    questionnaire.register,
    organisations.register,
    evaluations.register,
    sync.register,
    nov.register,
    report.register,
    backup.register,
    exchange.register,
    review.register,
    trust.register,
    chain.register,
]


def build_parser() -> DutchArgumentParser:
    """The whole command tree; each command module adds its own subcommands."""
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
    chain.add_trust_root_option(parser)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="controleer zonder scherm of de app werkt, en stop (uitkomst 0 als alles werkt)",
    )
    parser.add_argument(
        "--open",
        metavar="BESTAND",
        help="open de app en vraag of dit evaluatie- of beoordelingsbestand ingelezen moet worden",
    )
    subparsers = parser.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )
    for register in REGISTRARS:
        register(subparsers)
    return parser
