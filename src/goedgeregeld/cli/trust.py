"""``whoami``, ``trust list`` and ``trust accept``: this installation's key and the keys it trusts."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from goedgeregeld.cli.context import CliContext, CliError
from goedgeregeld.cli.helpers import command_group, print_json
from goedgeregeld.words.read_errors import read_reason

MAX_PASSPHRASE_FILE = 4096


def register(subparsers: Any) -> None:
    """Add ``whoami`` and the ``trust`` commands."""
    whoami = subparsers.add_parser(
        "whoami", help="toon de id en de sleutel-vingerafdruk van deze installatie"
    )
    whoami.add_argument("--json", action="store_true", help="als JSON")
    whoami.set_defaults(handler=_whoami)
    group = command_group(subparsers, "trust", "sleutels van andere installaties")
    listing = group.add_parser("list", help="toon de bekende installaties en hun vingerafdruk")
    listing.add_argument("--json", action="store_true", help="als JSON")
    listing.add_argument("--nov", action="store_true", help="de sleutels in de NOV-database")
    listing.add_argument("--database", metavar="URL", help="database van NOV (met --nov)")
    listing.set_defaults(handler=_list)
    accept = group.add_parser(
        "accept", help="neem een bewust gewijzigde sleutel van een installatie aan"
    )
    accept.add_argument("installation_id", metavar="INSTALLATIE_ID")
    accept.add_argument("fingerprint", metavar="VINGERAFDRUK")
    accept.add_argument("--nov", action="store_true", help="voor statistiekbestanden bij NOV")
    accept.add_argument("--database", metavar="URL", help="database van NOV (met --nov)")
    accept.set_defaults(handler=_accept)


def export_passphrase(args: argparse.Namespace) -> str | None:
    """The new password of an ``--encrypt`` export (checked), or None without ``--encrypt``."""
    from goedgeregeld.exchange.container.encryption import check_passphrase

    passphrase = None
    if args.encrypt:
        passphrase = read_passphrase(args.passphrase_file, confirm=True)
        try:
            check_passphrase(passphrase)
        except ValueError as exc:
            raise CliError(str(exc)) from None
    elif args.passphrase_file is not None:
        raise CliError("--passphrase-file hoort bij --encrypt")
    return passphrase


def read_passphrase(file: Path | None, *, confirm: bool) -> str:
    """The password from ``--passphrase-file`` (first line) or asked without echo."""
    if file is not None:
        try:
            with file.open("rb") as handle:
                raw = handle.read(MAX_PASSPHRASE_FILE + 1)
        except OSError as exc:
            raise CliError(f"wachtwoordbestand niet te lezen: {read_reason(exc)}") from None
        if len(raw) > MAX_PASSPHRASE_FILE:
            raise CliError("het wachtwoordbestand is te groot")
        try:
            lines = raw.decode("utf-8").splitlines()
        except UnicodeDecodeError:
            raise CliError("het wachtwoordbestand is geen UTF-8-tekst") from None
        if not lines or not lines[0]:
            raise CliError("het wachtwoordbestand is leeg")
        return lines[0]
    if not sys.stdin.isatty():
        raise CliError("geef het wachtwoord met --passphrase-file BESTAND")
    first = getpass.getpass("Wachtwoord: ")
    if confirm and getpass.getpass("Nogmaals: ") != first:
        raise CliError("de wachtwoorden zijn niet gelijk; er is niets gemaakt")
    return first


def _whoami(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.exchange.container.identity import own_identity

    identity = own_identity(context.db())
    if args.json:
        print_json(
            {
                "installation_id": identity.installation_id,
                "fingerprint": identity.fingerprint,
                "previous_installation_id": identity.previous_id,
            }
        )
    else:
        print(f"Installatie:  {identity.installation_id}")
        print(f"Vingerafdruk: {identity.fingerprint}")
        if identity.previous_id is not None:
            print(f"Eerder:       {identity.previous_id} (gekoppeld aan het nieuwe id)")
    return 0


def _list(context: CliContext, args: argparse.Namespace) -> int:
    rows: list[Any]
    if args.nov:
        from goedgeregeld.nov.store.database import open_nov_store
        from goedgeregeld.nov.store.trust import list_nov_trusted

        store = open_nov_store(context.data_dir, args.database)
        try:
            rows = list_nov_trusted(store)
        finally:
            store.close()
    else:
        from goedgeregeld.store.trust import list_trusted

        rows = list_trusted(context.db())
    if args.json:
        print_json([row.__dict__ for row in rows])
        return 0
    if not rows:
        print("Nog geen ondertekende bestanden van andere installaties ingelezen.")
    for row in rows:
        pending = f"  (nieuwe sleutel aangenomen: {row.accepted_fingerprint})"
        print(
            f"{row.installation_id}  {row.fingerprint}{pending if row.accepted_fingerprint else ''}"
        )
    return 0


def _accept(context: CliContext, args: argparse.Namespace) -> int:
    if args.nov:
        from goedgeregeld.nov.store.database import open_nov_store
        from goedgeregeld.nov.store.trust import accept_nov_key_change

        store = open_nov_store(context.data_dir, args.database)
        try:
            wanted = accept_nov_key_change(store, args.installation_id, args.fingerprint)
        finally:
            store.close()
        again = "tel de statistiekbestanden opnieuw met 'nov aggregate'"
    else:
        from goedgeregeld.store.trust import accept_key_change

        wanted = accept_key_change(context.db(), args.installation_id, args.fingerprint)
        again = "lees het bestand opnieuw in met 'import'"
    print(
        f"Nieuwe sleutel {wanted} van installatie {args.installation_id} wordt aangenomen "
        f"bij het volgende bestand; {again}."
    )
    return 0
