"""Build the fixture database of the current schema version, with data in every table.

Run once per released schema version (never rerun for an old one):
    python tests/store/make_schema_fixture.py tests/data/schema/REVISION.sqlite3
It drives the real command line and store functions, as the app would have filled the file.
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli import main
from goedgeregeld.store.actions import add_action
from goedgeregeld.store.db.engine import open_database
from goedgeregeld.store.evidence import attach_evidence


def _run(*args: str) -> None:
    code = main(list(args))
    if code != 0:
        raise SystemExit(f"command failed ({code}): {args}")


def _capture(*args: str) -> str:
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _run(*args)
    return out.getvalue().strip()


def _fill_evaluation(data_dir: Path, name: str, volunteers: str, work: Path) -> str:
    d = str(data_dir)
    org = _capture(
        "--data-dir",
        d,
        "org",
        "create",
        "--name",
        name,
        "--city",
        "Zwolle",
        "--province",
        "Overijssel",
        "--volunteers",
        volunteers,
        "--paid-fte",
        "1,5",
    )
    evaluation = _capture("--data-dir", d, "eval", "start", org, "--edition", "2026.1")
    statements = [
        line
        for line in _capture("--data-dir", d, "eval", "show", evaluation, "--json")
        .split('"open": [')[1]
        .split("]")[0]
        .split()
    ]
    for n, raw in enumerate(statements):
        statement = raw.strip('",')
        value = "na" if n % 11 == 4 else str((n * 7) % 4)
        _run(
            "--data-dir",
            d,
            "eval",
            "answer",
            evaluation,
            statement,
            value,
            "--note",
            f"Toelichting {n}: ‘coördinator’ & <vrijwilligers>",
        )
    db = open_database(database_path(data_dir))
    add_action(
        db,
        evaluation,
        "Vrijwilligersbeleid op papier zetten",
        "Bestuur",
        date(2027, 3, 1),
        "visie.1",
    )
    add_action(
        db, evaluation, "VOG aanvragen voor alle begeleiders", "Secretaris", None, "veiligheid.2"
    )
    evidence = work / "beleidsplan.pdf"
    evidence.write_bytes(b"%PDF-1.4\n% Beleidsplan vrijwilligers\n")
    attach_evidence(db, evaluation, "visie.1", evidence)
    db.close()
    _run("--data-dir", d, "eval", "complete", evaluation)
    return evaluation


def build(target: Path) -> None:
    """Fill a fresh data folder through the real code and copy its database to ``target``."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        organisation_dir, fixture_dir = work / "org", work / "fixture"
        client_eval = _fill_evaluation(organisation_dir, "Voedselbank De Schakel", "120", work)
        _run(
            "--data-dir",
            str(organisation_dir),
            "export",
            client_eval,
            "-o",
            str(work / "klant.ggeval"),
        )
        _fill_evaluation(fixture_dir, "Stichting Eigen Huis", "40", work)
        f = str(fixture_dir)
        _run(
            "--data-dir",
            f,
            "adviser",
            "register",
            "--name",
            "Adviseur Fixture",
            "--region",
            "Overijssel",
        )
        _run("--data-dir", f, "import", str(work / "klant.ggeval"))
        _run(
            "--data-dir",
            f,
            "review",
            "set",
            client_eval,
            "visie.2",
            "--verdict",
            "agree",
            "--comment",
            "Klopt met het beleidsplan",
        )
        _run("--data-dir", f, "review", "theme", client_eval, "visie", "--comment", "Goed op weg")
        _run(
            "--data-dir",
            f,
            "review",
            "decide",
            client_eval,
            "--decision",
            "conditions",
            "--condition",
            "Gedragscode vaststellen",
            "--deadline",
            "2027-06-30",
        )
        _run("--data-dir", f, "review", "mark", client_eval, "--granted", "2026-11-01")
        _run("--data-dir", f, "sync", "export", "-o", str(work / "sync.json"))
        source = database_path(fixture_dir)
        connection = sqlite3.connect(source)
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        empty = [
            table
            for (table,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
            if connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] == 0
        ]
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.close()
        if empty:
            raise SystemExit(f"tables left empty: {empty}")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    print(f"wrote {target}")


if __name__ == "__main__":
    build(Path(sys.argv[1]))
