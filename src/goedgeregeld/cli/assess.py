"""``nov assess ...`` (the final assessment) and ``nov marks ...`` (NOV's register of marks)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import print_json
from goedgeregeld.exchange.container.errors import printable

if TYPE_CHECKING:
    from goedgeregeld.nov.store.database import NovStore

DATABASE_HELP = (
    "database van NOV, bv. postgresql://gebruiker@host/nov (standaard: SQLite in de gegevensmap)"
)


def register_nov(group: Any) -> None:
    """Add ``assess`` and ``marks`` to the ``nov`` group."""
    from goedgeregeld.cli.parser import DutchArgumentParser

    assess = group.add_parser(
        "assess", help="eindbeoordeling: pakketten van adviseurs beoordelen, keurmerk toekennen"
    )
    steps = assess.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", parser_class=DutchArgumentParser, required=True
    )
    importing = steps.add_parser(
        "import", help="lees de beoordeling van de adviseur met het evaluatiebestand in"
    )
    importing.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
    importing.set_defaults(handler=_import)
    listing = steps.add_parser("list", help="toon de zelfevaluaties ter beoordeling")
    listing.add_argument("--json", action="store_true", help="als JSON")
    listing.set_defaults(handler=_list)
    show = steps.add_parser("show", help="toon zelfevaluatie en beoordeling naast elkaar")
    show.add_argument("evaluation_id", metavar="EVAL_ID")
    show.add_argument("--json", action="store_true", help="als JSON")
    show.set_defaults(handler=_show)
    grant = steps.add_parser("grant", help="ken het keurmerk toe: schrijft het certificaat")
    grant.add_argument("evaluation_id", metavar="EVAL_ID")
    grant.add_argument(
        "-o", "--output", required=True, type=Path, metavar="BESTAND", help="het certificaatbestand"
    )
    grant.add_argument("--pdf", type=Path, metavar="BESTAND", help="ook het certificaat als PDF")
    grant.set_defaults(handler=_grant)
    refuse = steps.add_parser("refuse", help="ken het keurmerk niet toe, met een reden")
    refuse.add_argument("evaluation_id", metavar="EVAL_ID")
    refuse.add_argument("--reason", required=True, metavar="TEKST")
    refuse.set_defaults(handler=_refuse)
    for parser in (importing, listing, show, grant, refuse):
        parser.add_argument("--database", metavar="URL", help=DATABASE_HELP)
    marks = group.add_parser("marks", help="het register van toegekende keurmerken")
    kinds = marks.add_subparsers(
        title="opdrachten", metavar="OPDRACHT", parser_class=DutchArgumentParser, required=True
    )
    entries = kinds.add_parser("list", help="toegekende, bijna verlopen en ingetrokken keurmerken")
    entries.add_argument("--json", action="store_true", help="als JSON")
    entries.set_defaults(handler=_marks)
    csv = kinds.add_parser("csv", help="het register als CSV")
    csv.add_argument("-o", "--output", required=True, type=Path, metavar="BESTAND")
    csv.set_defaults(handler=_marks_csv)
    pdf = kinds.add_parser("pdf", help="het certificaat van een keurmerk als PDF (opnieuw)")
    pdf.add_argument("number", metavar="NUMMER")
    pdf.add_argument("-o", "--output", required=True, type=Path, metavar="BESTAND")
    pdf.set_defaults(handler=_marks_pdf)
    for parser in (entries, csv, pdf):
        parser.add_argument("--database", metavar="URL", help=DATABASE_HELP)


def _store(context: CliContext, args: argparse.Namespace) -> NovStore:
    from goedgeregeld.nov.store.database import open_nov_store

    return open_nov_store(context.data_dir, args.database)


def _import(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.assess.importing import import_packages

    store = _store(context, args)
    try:
        outcomes = import_packages(store, context.db(), context.data_dir, list(args.files))
    finally:
        store.close()
    for outcome in outcomes:
        print(("" if outcome.accepted else "geweigerd: ") + printable(outcome.message))
    refused = [o for o in outcomes if not o.accepted]
    if len(refused) == 1:
        raise CliError(printable(refused[0].message))
    if refused:
        raise CliError(f"{len(refused)} van {len(outcomes)} geweigerd")
    return 0


def _list(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.store.assessments import list_assessments
    from goedgeregeld.words import short_date
    from goedgeregeld.words.keurmerk import ASSESSMENT_STATUS_LABELS

    store = _store(context, args)
    try:
        records = list_assessments(store)
    finally:
        store.close()
    if args.json:
        print_json([_record_json(r) for r in records])
        return 0
    if not records:
        print("Geen zelfevaluaties ter beoordeling; lees een pakket in met 'nov assess import'.")
    for r in records:
        package = r.package
        print(
            f"{package.evaluation_id}  {printable(package.organisation_name)}  "
            f"adviseur {printable(package.adviser_name)}  {short_date(r.imported_at)}  "
            f"{ASSESSMENT_STATUS_LABELS[r.status]}"
            + (f" ({r.certificate_number})" if r.certificate_number else "")
        )
    return 0


def _record_json(record: Any) -> dict[str, Any]:
    package = record.package
    return {
        "evaluation_id": package.evaluation_id,
        "organisation_id": package.organisation_id,
        "organisation": package.organisation_name,
        "province": package.province,
        "adviser": package.adviser_name,
        "adviser_fingerprint": package.adviser_fingerprint,
        "content_hash": package.content_hash,
        "imported_at": record.imported_at.isoformat(),
        "status": record.status,
        "decided_at": record.decided_at.isoformat() if record.decided_at else None,
        "reason": record.reason,
        "certificate_number": record.certificate_number,
    }


def _show(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.cli.assess_text import view_json, view_text
    from goedgeregeld.nov.assess.view import assessment_view
    from goedgeregeld.nov.store.assessments import load_assessment

    store = _store(context, args)
    try:
        view = assessment_view(load_assessment(store, args.evaluation_id))
    finally:
        store.close()
    if args.json:
        print_json({**_record_json(view.record), **view_json(view)})
    else:
        print(view_text(view))
    return 0


def _grant(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.base.outputs import check_output
    from goedgeregeld.nov.assess.grant import grant, write_certificate_file, write_mark_pdf
    from goedgeregeld.words import dutch_date

    if args.pdf is not None:
        check_output(args.pdf)
        if Path(args.pdf).resolve() == Path(args.output).resolve():
            raise CliError("het certificaat en de PDF kunnen niet hetzelfde bestand zijn", 2)
    store = _store(context, args)
    try:
        granted = grant(store, context.db(), context.data_dir, args.evaluation_id)
    finally:
        store.close()
    mark = granted.mark
    write_certificate_file(mark, args.output)
    if args.pdf is not None:
        write_mark_pdf(mark, args.pdf)
    said = (
        "was al toegekend; het certificaat is opnieuw geschreven" if granted.again else "toegekend"
    )
    print(
        f"Keurmerk {mark.number} {said}: {printable(mark.organisation_name)}, geldig tot en met "
        f"{dutch_date(mark.valid_until)}; verificatiecode {mark.verification_code}."
    )
    print(f"Certificaat geschreven: {args.output}" + (f" en {args.pdf}" if args.pdf else ""))
    return 0


def _refuse(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.assess.grant import refuse

    store = _store(context, args)
    try:
        refuse(store, args.evaluation_id, args.reason)
    finally:
        store.close()
    print("Keurmerk niet toegekend; de reden is vastgelegd.")
    return 0


def _register(context: CliContext, args: argparse.Namespace) -> Any:
    from goedgeregeld.nov.assess.register import register_rows

    store = _store(context, args)
    try:
        return register_rows(store, context.db(), context.data_dir)
    finally:
        store.close()


def _marks(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.words import short_date
    from goedgeregeld.words.keurmerk import REGISTER_STATE_LABELS

    rows = _register(context, args)
    if args.json:
        print_json([row.as_json() for row in rows])
        return 0
    if not rows:
        print("Nog geen keurmerken toegekend.")
    for row in rows:
        mark = row.mark
        print(
            f"{mark.number}  {printable(mark.organisation_name)}  {mark.province or '-'}  "
            f"{short_date(mark.issued_on)} t/m {short_date(mark.valid_until)}  "
            f"{REGISTER_STATE_LABELS[row.state]}"
        )
    return 0


def _marks_csv(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.assess.register import write_register_csv

    write_register_csv(_register(context, args), args.output)
    print(f"CSV geschreven: {args.output}")
    return 0


def _marks_pdf(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.nov.assess.grant import write_mark_pdf
    from goedgeregeld.nov.store.assessments import issued_mark

    store = _store(context, args)
    try:
        mark = issued_mark(store, args.number)
    finally:
        store.close()
    if mark is None:
        raise CliError(f"keurmerk {printable(args.number)} staat niet in het register van NOV")
    write_mark_pdf(mark, args.output)
    print(f"Certificaat geschreven: {args.output}")
    return 0
