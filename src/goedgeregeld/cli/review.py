"""``review set | theme | decide | mark | show | export | clients``: the adviser's review."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import (
    choice_help,
    choice_metavar,
    command_group,
    dutch_choice,
    print_json,
)
from goedgeregeld.words.choices import DECISION_WORDS, VERDICT_WORDS


def iso_date(text: str) -> date:
    """Argparse type: a date as YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (JJJJ-MM-DD)") from None


def score(text: str) -> int:
    """Argparse type: a proposed score 0-3."""
    if text.strip() in {"0", "1", "2", "3"}:
        return int(text)
    raise argparse.ArgumentTypeError(f"ongeldige score '{text}': kies 0, 1, 2 of 3")


def register(subparsers: Any) -> None:
    """Add the review commands."""
    group = command_group(subparsers, "review", "zelfevaluaties van klanten beoordelen (adviseur)")
    verdict = group.add_parser("set", help="oordeel over één stelling")
    verdict.add_argument("evaluation_id", metavar="EVAL_ID")
    verdict.add_argument("statement_id", metavar="STELLING_ID")
    verdict.add_argument(
        "--verdict",
        required=True,
        type=dutch_choice(VERDICT_WORDS, "oordeel"),
        metavar=choice_metavar(VERDICT_WORDS),
        help=choice_help(VERDICT_WORDS),
    )
    verdict.add_argument("--score", type=score, metavar="N", help="voorgestelde score (0-3)")
    verdict.add_argument("--comment", metavar="TEKST")
    verdict.set_defaults(handler=_set)
    theme = group.add_parser("theme", help="opmerking bij een thema (leeg haalt haar weg)")
    theme.add_argument("evaluation_id", metavar="EVAL_ID")
    theme.add_argument("theme_id", metavar="THEMA_ID")
    theme.add_argument("--comment", required=True, metavar="TEKST")
    theme.set_defaults(handler=_theme)
    decision = group.add_parser("decide", help="besluit: klaar, met voorwaarden of nog niet")
    decision.add_argument("evaluation_id", metavar="EVAL_ID")
    decision.add_argument(
        "--decision",
        required=True,
        type=dutch_choice(DECISION_WORDS, "besluit"),
        metavar=choice_metavar(DECISION_WORDS),
        help=choice_help(DECISION_WORDS),
    )
    decision.add_argument(
        "--condition", action="append", default=[], metavar="TEKST", help="een voorwaarde"
    )
    decision.add_argument(
        "--deadline",
        action="append",
        default=[],
        type=iso_date,
        metavar="DATUM",
        help="uiterlijk op deze datum (JJJJ-MM-DD), één per voorwaarde",
    )
    decision.add_argument(
        "--reason",
        metavar="TEKST",
        help="waarom u zo besluit; nodig bij 'klaar' als de beoordeling dat nog niet draagt",
    )
    decision.set_defaults(handler=_decide)
    mark = group.add_parser("mark", help="datum waarop het keurmerk is toegekend")
    mark.add_argument("evaluation_id", metavar="EVAL_ID")
    chosen = mark.add_mutually_exclusive_group(required=True)
    chosen.add_argument(
        "--granted", type=iso_date, metavar="DATUM", help="toegekend op (JJJJ-MM-DD)"
    )
    chosen.add_argument("--clear", action="store_true", help="haal de datum weg")
    mark.set_defaults(handler=_mark)
    show = group.add_parser("show", help="toon de beoordeling")
    show.add_argument("evaluation_id", metavar="EVAL_ID")
    show.add_argument("--json", action="store_true", help="als JSON")
    show.set_defaults(handler=_show)
    export = group.add_parser("export", help="maak een beoordelingsbestand (.ggreview)")
    export.add_argument("evaluation_id", metavar="EVAL_ID")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="BESTAND")
    export.set_defaults(handler=_export)
    clients = group.add_parser("clients", help="lijst van klanten met de stand van de beoordeling")
    clients.add_argument("--json", action="store_true", help="als JSON")
    clients.set_defaults(handler=_clients)


def _set(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.reviews import set_statement_review

    set_statement_review(
        context.db(), args.evaluation_id, args.statement_id, args.verdict, args.score, args.comment
    )
    return 0


def _theme(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.reviews import set_theme_comment

    set_theme_comment(context.db(), args.evaluation_id, args.theme_id, args.comment)
    return 0


def _decide(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.reviews import decide

    if len(args.condition) != len(args.deadline):
        raise CliError("geef bij elke --condition precies één --deadline (JJJJ-MM-DD)", 2)
    decide(
        context.db(),
        args.evaluation_id,
        args.decision,
        list(zip(args.condition, args.deadline, strict=True)),
        reason=args.reason,
    )
    return 0


def _mark(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.review_records import QualityMark
    from goedgeregeld.store.reviews import record_quality_mark

    record_quality_mark(context.db(), args.evaluation_id, None if args.clear else args.granted)
    if args.granted:
        print(f"Keurmerk geldig tot en met {QualityMark(args.granted).expires_on:%Y-%m-%d}.")
    return 0


def _show(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.cli.review_json import review_json
    from goedgeregeld.store.evaluations import get_evaluation
    from goedgeregeld.words import verdict_label

    db = context.db()
    get_evaluation(db, args.evaluation_id)
    data = review_json(db, args.evaluation_id)
    if data is None:
        raise CliError("deze zelfevaluatie heeft nog geen beoordeling")
    if args.json:
        print_json(data)
        return 0
    print(f"Beoordeling door {data['adviser']['name']}; besluit: {data['decision_label']}")
    if data["decision_reason"]:
        print(f"  reden: {data['decision_reason']}")
    if not data["adviser"]["recognised"]:
        from goedgeregeld.words import NOT_RECOGNISED_ADVISER, NOT_RECOGNISED_EFFECT

        why = data["adviser"]["recognition_problem"]
        reason = f" ({why})" if why else ""
        print(f"  {NOT_RECOGNISED_ADVISER}{reason}: {NOT_RECOGNISED_EFFECT}")
    for condition in data["conditions"]:
        print(f"  voorwaarde: {condition['text']} (uiterlijk {condition['deadline']})")
    if data["quality_mark"]:
        mark = data["quality_mark"]
        print(f"Keurmerk toegekend {mark['granted_on']}, geldig tot {mark['expires_on']}")
    for theme_id, comment in data["themes"].items():
        print(f"  thema {theme_id}: {comment}")
    for item in data["statements"]:
        proposed = f" -> {item['proposed_score']}" if item["proposed_score"] is not None else ""
        flag = "  (gewijzigd na oordeel)" if item["changed"] else ""
        verdict = verdict_label(item["verdict"])
        print(f"  {item['statement_id']}: {verdict}{proposed} {item['comment']}{flag}")
    return 0


def _export(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.exchange.container.identity import own_identity
    from goedgeregeld.exchange.review.file import export_review, own_certificate

    path = export_review(context.db(), args.evaluation_id, args.output)
    print(f"Beoordelingsbestand geschreven: {path}")
    certificate = own_certificate(context.db(), own_identity(context.db()).fingerprint)
    if certificate is None:
        print(
            "Zonder geldig adviseurscertificaat van NOV: de organisatie ziet de opmerkingen en "
            "oordelen, geen besluit of keurmerk (vraag er een aan met 'adviser request')."
        )
    else:
        print(
            f"Met adviseurscertificaat {certificate.number} (geldig tot {certificate.valid_until})."
        )
    return 0


def _clients(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.cli.review_json import client_json
    from goedgeregeld.store.clients import list_clients
    from goedgeregeld.words import decision_label, evaluation_status_label

    today = date.today()
    rows = [client_json(row, today) for row in list_clients(context.db())]
    if args.json:
        print_json(rows)
        return 0
    if not rows:
        print("Nog geen klanten. Lees een evaluatiebestand in met: goedgeregeld import BESTAND")
    for row in rows:
        reminder = "  KEURMERK VERLOOPT" if row["quality_mark_reminder"] else ""
        print(
            f"{row['evaluation_id']}  {row['organisation']}  {row['province'] or '-'}  "
            f"{evaluation_status_label(row['status'])}  "
            f"besluit: {decision_label(row['decision']) if row['decision'] else '-'}  "
            f"gewijzigd: {row['changed_statements']}{reminder}"
        )
    return 0
