"""``org create`` and ``org list``."""

from __future__ import annotations

import argparse
from typing import Any

from goedgeregeld.cli.context import CliContext
from goedgeregeld.cli.helpers import command_group, non_negative_float, non_negative_int, print_json


def register(subparsers: Any) -> None:
    """Add the organisation commands."""
    group = command_group(subparsers, "org", "organisaties maken en bekijken")
    create = group.add_parser("create", help="maak een organisatie; drukt de nieuwe id af")
    create.add_argument("--name", required=True, metavar="NAAM")
    create.add_argument("--city", metavar="PLAATS")
    create.add_argument("--province", metavar="PROVINCIE")
    create.add_argument("--volunteers", type=non_negative_int, metavar="AANTAL")
    create.add_argument("--paid-fte", type=non_negative_float, metavar="FTE")
    create.set_defaults(handler=_create)
    listing = group.add_parser("list", help="toon alle organisaties")
    listing.add_argument("--json", action="store_true", help="als JSON")
    listing.set_defaults(handler=_list)


def _create(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.organisations import create_organisation

    record = create_organisation(
        context.db(), args.name, args.city, args.province, args.volunteers, args.paid_fte
    )
    print(record.id)
    return 0


def _list(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.organisations import evaluation_counts, list_organisations

    db = context.db()
    organisations = list_organisations(db)
    counts = evaluation_counts(db)
    if args.json:
        print_json(
            [
                {
                    "id": o.id,
                    "name": o.name,
                    "city": o.city,
                    "province": o.province,
                    "volunteers": o.volunteers,
                    "paid_fte": o.paid_fte,
                    "created_at": o.created_at.isoformat(),
                    "evaluations": counts.get(o.id, 0),
                    "origin": o.origin,
                }
                for o in organisations
            ]
        )
        return 0
    if not organisations:
        print("Nog geen organisaties. Maak er een met: goedgeregeld org create --name NAAM")
    for o in organisations:
        place = ", ".join(p for p in (o.city, o.province) if p)
        print(
            f"{o.id}  {o.name}"
            + (f" ({place})" if place else "")
            + f"  zelfevaluaties: {counts.get(o.id, 0)}"
        )
    return 0
