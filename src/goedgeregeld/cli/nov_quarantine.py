"""``nov quarantine [--json] [--all]``, ``nov quarantine accept|reject NUMBER``: NOV decides."""

from __future__ import annotations

import argparse
from typing import Any

from goedgeregeld.cli.context import CliContext
from goedgeregeld.cli.helpers import print_json
from goedgeregeld.exchange.container.errors import printable


def register(group: Any, database_help: str) -> None:
    """Add ``nov quarantine`` and its two decisions to the NOV command group."""
    held = group.add_parser(
        "quarantine",
        help="statistiekbestanden die niet aannemelijk zijn: tonen, toelaten of afwijzen",
        description="Bestanden met aantallen die niet aannemelijk zijn tellen niet mee tot NOV "
        "ze toelaat of afwijst.",
    )
    held.add_argument("--json", action="store_true", help="uitkomst als JSON")
    held.add_argument("--all", action="store_true", help="ook de bestanden waarover al besloten is")
    held.add_argument("--database", metavar="URL", help=database_help)
    held.set_defaults(handler=_list)
    decisions = held.add_subparsers(title="besluiten", metavar="BESLUIT")
    for name, help_text, handler in (
        ("accept", "laat een bestand toch meetellen", _accept),
        ("reject", "wijs een bestand af; het telt nooit mee", _reject),
    ):
        decision = decisions.add_parser(name, help=help_text, description=help_text)
        decision.add_argument("number", type=int, metavar="NUMMER", help="het nummer in de lijst")
        decision.add_argument("--database", metavar="URL", help=database_help)
        decision.set_defaults(handler=handler)


def _open(context: CliContext, args: argparse.Namespace) -> Any:
    from goedgeregeld.nov.store.database import open_nov_store

    return open_nov_store(context.data_dir, args.database)


def _list(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.store.quarantine import list_quarantine

    store = _open(context, args)
    try:
        records = list_quarantine(store, everything=args.all)
    finally:
        store.close()
    if args.json:
        print_json([record.__dict__ for record in records])
        return 0
    if not records:
        print("Geen bestanden in quarantaine.")
        return 0
    for r in records:
        state = {"held": "wacht", "accepted": "toegelaten", "rejected": "afgewezen"}[r.status]
        print(
            f"{r.number}. {printable(r.path)} ({state}, sinds {r.held_at}): "
            f"installatie {r.installation_id}, volgnummer {r.sequence}: {printable(r.reason)}"
        )
    return 0


def _accept(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.quarantine import accept_held

    store = _open(context, args)
    try:
        tally, _figures = accept_held(store, args.number)
    finally:
        store.close()
    print(f"Bestand {args.number} telt nu mee. {tally.summary()}")
    return 0


def _reject(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.quarantine import reject_held

    store = _open(context, args)
    try:
        reject_held(store, args.number)
    finally:
        store.close()
    print(
        f"Bestand {args.number} is afgewezen en telt niet mee, ook niet als het weer wordt gelezen."
    )
    return 0
