"""The chain from NOV's root: nov keys, certify and revoke; adviser request; verify; --trust-root."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from goedgeregeld.cli.assess import DATABASE_HELP
from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import command_group, print_json


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is geen datum (JJJJ-MM-DD)") from None


def _output(parser: Any, help_text: str) -> None:
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="BESTAND", help=help_text
    )


def register_nov(group: Any) -> None:
    """Add ``nov keys init | public``, ``nov certify`` and ``nov revoke`` to the NOV group."""
    keys = command_group(group, "keys", "de programmasleutel van NOV (alleen op NOV's installatie)")
    init = keys.add_parser("init", help="maak de programmasleutel en toon de vingerafdruk")
    init.set_defaults(handler=_keys_init)
    public = keys.add_parser("public", help="schrijf de publieke sleutel (om mee te leveren)")
    _output(public, "het bestand met de publieke sleutel")
    public.set_defaults(handler=_keys_public)
    certify = group.add_parser("certify", help="maak een adviseurscertificaat bij een aanvraag")
    certify.add_argument("request", type=Path, metavar="AANVRAAG")
    _output(certify, "het adviseurscertificaat")
    certify.add_argument(
        "--valid-until", type=_day, metavar="DATUM", help="geldig tot en met (standaard: 2 jaar)"
    )
    certify.set_defaults(handler=_certify)
    revoke = group.add_parser("revoke", help="trek een adviseur of certificaat in (nieuwe lijst)")
    chosen = revoke.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--adviser", metavar="VINGERAFDRUK", help="de sleutel van de adviseur")
    chosen.add_argument("--certificate", metavar="NUMMER", help="het nummer van een certificaat")
    revoke.add_argument("--reason", metavar="TEKST", help="waarom (staat in de lijst)")
    revoke.add_argument("--database", metavar="URL", help=DATABASE_HELP)
    _output(revoke, "de intrekkingslijst")
    revoke.set_defaults(handler=_revoke)


def register_adviser(group: Any) -> None:
    """Add ``adviser request`` to the adviser group."""
    request = group.add_parser("request", help="maak een certificaataanvraag voor NOV")
    _output(request, "de aanvraag")
    request.set_defaults(handler=_request)


def register(subparsers: Any) -> None:
    """Add ``verify``."""
    verify = subparsers.add_parser(
        "verify", help="controleer een certificaat of intrekkingslijst tegen de NOV-sleutel"
    )
    verify.add_argument("file", type=Path, metavar="BESTAND")
    verify.add_argument("--json", action="store_true", help="uitkomst als JSON")
    verify.set_defaults(handler=_verify)


def add_trust_root_option(parser: Any) -> None:
    """The global ``--trust-root FILE``."""
    parser.add_argument(
        "--trust-root",
        type=Path,
        metavar="BESTAND",
        help="de NOV-sleutel om te vertrouwen (standaard: GOEDGEREGELD_TRUST_ROOT, de "
        "instelling trust/root of de meegeleverde sleutel)",
    )


def _keys_init(context: CliContext, _args: argparse.Namespace) -> int:
    from goedgeregeld.exchange.rooted.programme import init_programme_key, programme_key_path

    key, made = init_programme_key(context.data_dir)
    if made:
        print(f"Programmasleutel van NOV gemaakt: {programme_key_path(context.data_dir)}")
    else:
        print("Er is al een programmasleutel; die blijft.")
    print(f"Vingerafdruk: {key.fingerprint}")
    return 0


def _keys_public(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.base.atomic import write_bytes_atomically
    from goedgeregeld.exchange.rooted.programme import programme_key
    from goedgeregeld.trust.root import root_file_bytes

    key = programme_key(context.data_dir)
    write_bytes_atomically(args.output, root_file_bytes(key.public_key))
    print(f"Publieke NOV-sleutel geschreven: {args.output}")
    print(f"Vingerafdruk: {key.fingerprint}")
    return 0


def _certify(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.exchange.rooted.adviser_certificate import certify_request

    key = _programme_key(context)
    certificate = certify_request(context.db(), key, args.request, args.output, args.valid_until)
    print(f"Adviseurscertificaat {certificate.number} geschreven: {args.output}")
    print(f"Voor {certificate.name}, sleutel {certificate.fingerprint}")
    print(f"Geldig tot en met {certificate.valid_until:%d-%m-%Y}")
    return 0


def _programme_key(context: CliContext) -> Any:
    from goedgeregeld.exchange.rooted.programme import programme_key

    return programme_key(context.data_dir)


def _revoke(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.exchange.rooted.revocation_list import describe, issue_revocation_list
    from goedgeregeld.trust.fingerprints import normalise_fingerprint

    adviser = None
    if args.adviser is not None:
        adviser = normalise_fingerprint(args.adviser)
        if adviser is None:
            raise CliError(f"'{args.adviser}' is geen vingerafdruk (8 groepen van 4 tekens)")
    key = _programme_key(context)
    body = issue_revocation_list(
        context.db(),
        key,
        args.output,
        adviser=adviser,
        certificate=args.certificate,
        reason=args.reason,
    )
    _withdraw_from_register(context, args)
    line = describe(body)
    print(f"{line[0].upper()}{line[1:]}; geschreven: {args.output}")
    print("Stuur deze lijst aan alle installaties; elke lijst bevat alle eerdere intrekkingen.")
    return 0


def _withdraw_from_register(context: CliContext, args: argparse.Namespace) -> None:
    """A withdrawn keurmerk leaves NOV's register count at once (``nov marks`` lists it)."""
    from goedgeregeld.nov.assess.register import take_over_revocations
    from goedgeregeld.nov.store.database import open_nov_store

    store = open_nov_store(context.data_dir, args.database)
    try:
        take_over_revocations(store, context.db(), context.data_dir, date.today())
    finally:
        store.close()


def _request(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.exchange.rooted.adviser_certificate import write_request

    fingerprint = write_request(context.db(), args.output)
    print(f"Certificaataanvraag geschreven: {args.output}")
    print(f"Vingerafdruk van deze installatie: {fingerprint}")
    print("Stuur de aanvraag aan NOV en noem de vingerafdruk als NOV ernaar vraagt.")
    return 0


def _verify(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.exchange.root_documents import root_and_revocations, verify_here
    from goedgeregeld.exchange.rooted.document import DocumentError

    root, known = root_and_revocations(context.db())
    try:
        verified = verify_here(context.db(), args.file)
    except DocumentError as exc:
        if args.json:
            print_json({"valid": False, "reason": exc.problem, "root": root.fingerprint})
        raise CliError(f"ongeldig: {exc}") from None
    line = verified.kind.describe(verified.body)
    if args.json:
        print_json(
            {
                "valid": True,
                "kind": verified.kind.label,
                "description": line,
                "root": root.fingerprint,
                "revocation_list": known.list_number,
            }
        )
    else:
        print(f"Geldig: {line}")
        print(f"Ondertekend door NOV (vingerafdruk {root.fingerprint}, {root.source}).")
        listed = f"nr. {known.list_number}" if known.list_number else "nog geen"
        print(f"Intrekkingslijst gecontroleerd: {listed}.")
    return 0
