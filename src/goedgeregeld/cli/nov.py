"""``nov aggregate PATH... [--json]`` and the NOV overview exports (CSV, jaaroverzicht PDF)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import command_group, print_json
from goedgeregeld.exchange.container.errors import printable
from goedgeregeld.words.nouns import FILE

if TYPE_CHECKING:
    from goedgeregeld.nov.store.database import NovStore

DATABASE_HELP = (
    "database van NOV, bv. postgresql://gebruiker@host/nov (standaard: SQLite in de gegevensmap)"
)


def register(subparsers: Any) -> None:
    """Add the NOV commands."""
    from goedgeregeld.cli import assess, chain

    group = command_group(
        subparsers, "nov", "landelijk overzicht voor NOV uit de statistiekbestanden die zij krijgt"
    )
    chain.register_nov(group)
    assess.register_nov(group)
    aggregate = group.add_parser(
        "aggregate", help="lees statistiekbestanden of mappen en tel ze samen"
    )
    aggregate.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PAD",
        help="statistiekbestanden, of mappen waarin ze staan (ook in submappen)",
    )
    aggregate.add_argument("--json", action="store_true", help="uitkomst als JSON")
    aggregate.add_argument("--database", metavar="URL", help=DATABASE_HELP)
    aggregate.set_defaults(handler=_aggregate)
    show = group.add_parser("show", help="toon de cijfers die al zijn samengeteld")
    show.add_argument("--json", action="store_true", help="uitkomst als JSON")
    show.add_argument("--database", metavar="URL", help=DATABASE_HELP)
    show.set_defaults(handler=_show)
    csv = group.add_parser(
        "csv", help="schrijf de precieze cijfers per jaar, provincie, grootte en versie als CSV"
    )
    csv.add_argument(
        "-o", "--output", required=True, type=Path, metavar="BESTAND", help="het CSV-bestand"
    )
    csv.add_argument(
        "--publication",
        action="store_true",
        help="de versie om te publiceren: kleine aantallen (en wat ze zou verraden) weggelaten",
    )
    csv.add_argument("--database", metavar="URL", help=DATABASE_HELP)
    csv.set_defaults(handler=_csv)
    report = group.add_parser("report", help="maak het jaaroverzicht (PDF, één pagina)")
    report.add_argument(
        "--year",
        type=int,
        metavar="JAAR",
        help="standaard: het laatste volledige jaar met cijfers",
    )
    report.add_argument(
        "-o", "--output", required=True, type=Path, metavar="BESTAND", help="het PDF-bestand"
    )
    report.add_argument("--database", metavar="URL", help=DATABASE_HELP)
    report.set_defaults(handler=_report)
    from goedgeregeld.cli import nov_quarantine

    nov_quarantine.register(group, DATABASE_HELP)


def _store(context: CliContext, args: argparse.Namespace) -> NovStore:
    from goedgeregeld.nov.store.database import open_nov_store

    return open_nov_store(context.data_dir, args.database)


def _aggregate(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.aggregate import aggregate

    store = _store(context, args)
    try:
        result = aggregate(store, args.paths)
    finally:
        store.close()
    files = result.files
    if args.json:
        print_json(result.to_json())
    else:
        print(files.summary())
        for rejection in sorted(files.rejected, key=lambda r: r.path):
            print(f"  geweigerd: {printable(str(rejection.path))}: {printable(rejection.reason)}")
        for held in sorted(files.quarantined, key=lambda r: r.path):
            print(f"  in quarantaine: {printable(str(held.path))}: {printable(held.reason)}")
        if files.quarantined:
            print("  Bekijk ze met 'nov quarantine'; ze tellen pas mee als NOV ze toelaat.")
        _print_figures(result.figures)
    _fail_on_rejections(files)
    return 0


def _fail_on_rejections(files: Any) -> None:
    """Exit 1 like ``import`` when a file was refused (the good ones are counted anyway)."""
    if not files.rejected:
        return
    if len(files.rejected) == 1:
        rejection = files.rejected[0]
        name = printable(Path(rejection.path).name)
        raise CliError(f"{name}: geweigerd: {printable(rejection.reason)}")
    raise CliError(f"{FILE.of(len(files.rejected), files.read)} geweigerd")


def _show(context: CliContext, args: argparse.Namespace) -> int:
    figures = _figures(context, args)
    if args.json:
        print_json(figures.to_json())
    else:
        _print_figures(figures)
    return 0


def _figures(context: CliContext, args: argparse.Namespace) -> Any:
    """The national figures from the NOV store, with the store closed again."""
    from goedgeregeld.nov.store.figures import national_figures

    store = _store(context, args)
    try:
        return national_figures(store)
    finally:
        store.close()


def _print_figures(figures: Any) -> None:
    from goedgeregeld.nov.overview import DETAILS, KIND_LABELS

    for kind, label in KIND_LABELS.items():
        numbers = figures[kind]
        years = ", ".join(f"{y}: {n}" for y, n in numbers.by_year().items()) or "geen"
        print(f"{label}: {numbers.total} in totaal (per jaar: {years})")
        if kind in DETAILS:
            counts = numbers.by_detail()
            parts = ", ".join(f"{name}: {counts.get(value, 0)}" for value, name in DETAILS[kind])
            print(f"  {parts}")


def _csv(context: CliContext, args: argparse.Namespace) -> int:
    figures = _figures(context, args)
    if args.publication:
        from goedgeregeld.nov.publication import write_publication_csv

        write_publication_csv(figures, args.output)
        print(f"Publicatie-CSV geschreven (kleine aantallen weggelaten): {args.output}")
    else:
        from goedgeregeld.nov.overview import write_csv

        write_csv(figures, args.output)
        print(f"CSV geschreven: {args.output}")
    return 0


def report_year(years: list[int], asked: int | None, this_year: int) -> int:
    """The year of a jaaroverzicht: the one asked for, if the figures cover it.

    Without one, the last complete year with figures (this year only if it is the only one).
    """
    if not years:
        raise CliError("nog geen cijfers: lees eerst statistiekbestanden met 'nov aggregate'")
    if asked is None:
        complete = [y for y in years if y < this_year]
        return complete[-1] if complete else years[-1]
    if not years[0] <= asked <= max(years[-1], this_year):
        raise CliError(
            f"geen cijfers voor {asked}: de cijfers gaan over {years[0]} tot en met {years[-1]}"
        )
    return asked


def _report(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.annual import write_annual_overview

    figures = _figures(context, args)
    year = report_year(figures.years(), args.year, date.today().year)
    write_annual_overview(figures, year, args.output)
    print(f"Jaaroverzicht {year} geschreven: {args.output}")
    return 0
