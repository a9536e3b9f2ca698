"""Write the next Alembic migration from the difference between the models and head.

Usage: python tools/new_migration.py "what changes"
Review the generated file (batch mode is on for SQLite), then make a fixture database of the
previous release if there is none yet (tests/store/make_schema_fixture.py).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.db.migrate import alembic_config


def main() -> int:
    """Autogenerate the next numbered revision."""
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    config = alembic_config()
    head = ScriptDirectory.from_config(config).get_current_head() or "0000"
    next_id = f"{int(head) + 1:04d}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "head.sqlite3"
        open_database(path).close()
        engine = create_engine(f"sqlite:///{path}")
        with engine.connect() as connection:
            config.attributes["connection"] = connection
            command.revision(config, message=sys.argv[1], autogenerate=True, rev_id=next_id)
            connection.commit()
        engine.dispose()
    print(f"now set HEAD_REVISION = {next_id!r} in src/goedgeregeld/store/db/schema_version.py")
    print(
        "and rewrite store/db/schema_reference.json: python -c 'from goedgeregeld.store.db."
        "schema_check import write_reference; from goedgeregeld.store.db.verify import "
        "script_revisions; write_reference(script_revisions())'"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
