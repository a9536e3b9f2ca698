"""``backup [-o FILE]`` and ``restore FILE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli.context import CliContext


def register(subparsers: Any) -> None:
    """Add the backup commands."""
    backup = subparsers.add_parser("backup", help="maak een reservekopie van de gegevens")
    backup.add_argument("-o", "--output", type=Path, metavar="BESTAND")
    backup.set_defaults(handler=_backup)
    restore = subparsers.add_parser("restore", help="zet een reservekopie terug")
    restore.add_argument("file", type=Path, metavar="BESTAND")
    restore.set_defaults(handler=_restore)


def _backup(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.db.backups import export_backup, make_backup
    from goedgeregeld.store.db.key_backup import KEY_WARNING, key_beside

    context.db()  # creates and migrates the database when it is new
    database = database_path(context.data_dir)
    if args.output:
        made, key = export_backup(context.data_dir, database, args.output)
    else:
        made = make_backup(context.data_dir, database)
        key = key_beside(made) if key_beside(made).exists() else None
    print(made)
    if key is not None:
        print(KEY_WARNING.format(name=key.name), file=sys.stderr)
    return 0


def _restore(context: CliContext, args: argparse.Namespace) -> int:
    from goedgeregeld.store.db.key_backup import restore_key
    from goedgeregeld.store.db.restore import restore_backup

    context.close()
    safety = restore_backup(context.data_dir, database_path(context.data_dir), args.file)
    key = restore_key(context.data_dir, args.file)
    context.db()  # upgrades a backup made by an older version
    print("Reservekopie teruggezet.")
    if key is not None:
        print(f"De ondertekeningssleutel is ook teruggezet (er was er geen): {key}")
    if safety is not None:
        print(f"De gegevens van vóór het terugzetten staan in {safety}")
    return 0
