"""``eval respondent export | import``: respondent files out, answer files back in."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from goedgeregeld.cli.context import CliContext


def register_respondent_files(group: Any) -> None:
    """Add the respondent file commands to ``eval respondent``."""
    export = group.add_parser(
        "export",
        help="respondentbestand voor iemand die op een eigen computer invult (.ggresp); "
        "op die computer: het antwoordbestand terug (.ggantw)",
    )
    export.add_argument("respondent_id", metavar="RESPONDENT_ID")
    export.add_argument("-o", "--output", required=True, type=Path, metavar="BESTAND")
    export.add_argument(
        "--encrypt",
        action="store_true",
        help="versleutelen met wachtwoord (gevraagd, of uit bestand)",
    )
    export.add_argument(
        "--passphrase-file", type=Path, metavar="BESTAND", help="wachtwoord op de eerste regel"
    )
    export.set_defaults(handler=_export)
    importing = group.add_parser(
        "import", help="lees een respondent- of antwoordbestand in (herkend aan de inhoud)"
    )
    importing.add_argument("files", nargs="+", type=Path, metavar="BESTAND")
    importing.add_argument("--json", action="store_true", help="uitkomst per bestand als JSON")
    importing.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="BESTAND",
        help="wachtwoord van versleutelde bestanden",
    )
    importing.set_defaults(handler=_import)


def is_invitation_here(context: CliContext, respondent_id: str) -> bool:
    """Whether ``respondent_id`` is this computer's own invitation (not a local respondent)."""
    from goedgeregeld.store.invitations import has_invitation
    from goedgeregeld.store.respondents import find_respondent

    db = context.db()
    return find_respondent(db, respondent_id) is None and has_invitation(db, respondent_id)


def _export(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.cli.trust import export_passphrase
    from goedgeregeld.exchange.container.encryption import LOST_PASSPHRASE_WARNING
    from goedgeregeld.exchange.respondent.file import export_answer_file, export_respondent_file

    passphrase = export_passphrase(args)
    if is_invitation_here(context, args.respondent_id):
        path = export_answer_file(context.db(), args.respondent_id, args.output, passphrase)
        print(f"Antwoordbestand geschreven: {path}")
    else:
        path = export_respondent_file(context.db(), args.respondent_id, args.output, passphrase)
        print(f"Respondentbestand geschreven: {path}")
    if passphrase is not None:
        print(f"Versleuteld met wachtwoord. {LOST_PASSPHRASE_WARNING}")
    return 0


def _import(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.cli.exchange import _import as import_any

    return import_any(context, args)
