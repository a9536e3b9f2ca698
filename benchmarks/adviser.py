"""Adviser benchmarks: the client list with 2,000 clients and 10,000 evaluations; importing files."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.table import Row, median

LIST_TARGET_S = 0.300
RSS_TARGET_MB = 250.0
IMPORT_TARGET_S = 5.0
PROVINCES = ("Utrecht", "Gelderland", "Overijssel", "Zeeland", None)


def prepare_adviser_data(folder: Path, clients: int, evaluations: int) -> Path:
    """A registered adviser with ``clients`` client organisations and ``evaluations`` in all."""
    from sqlalchemy import insert

    from goedgeregeld.base.paths import database_path
    from goedgeregeld.store.advisers import register_adviser
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.models.adviser import ClientImport, Review
    from goedgeregeld.store.models.core import Evaluation, Organisation

    data_dir = folder / "adviser"
    db = open_database(database_path(data_dir))
    try:
        adviser = register_adviser(db, "Bench Adviseur", "Utrecht")
        base = datetime(2025, 1, 1)
        organisations: list[dict[str, Any]] = []
        rows: list[dict[str, Any]] = []
        imports: list[dict[str, Any]] = []
        reviews: list[dict[str, Any]] = []
        for number in range(clients):
            organisations.append(
                {
                    "id": str(uuid.uuid4()),
                    "name": f"Klant {number:05d}",
                    "city": "Plaats",
                    "province": PROVINCES[number % len(PROVINCES)],
                    "volunteers": 20 + number % 200,
                    "paid_fte": 0.0,
                    "created_at": base,
                    "origin": "client",
                }
            )
        for number in range(evaluations):
            organisation = organisations[number % clients]
            moment = base + timedelta(minutes=number)
            evaluation_id = str(uuid.uuid4())
            rows.append(
                {
                    "id": evaluation_id,
                    "organisation_id": organisation["id"],
                    "edition_id": "bench",
                    "edition_version": "1",
                    "edition_hash": "0" * 64,
                    "edition_snapshot": "{}",
                    "variant": "full",
                    "status": "completed" if number % 3 else "draft",
                    "created_at": moment,
                    "updated_at": moment,
                    "answered_count": 40,
                    "required_count": 40,
                    "total_score": (number % 100) / 100,
                }
            )
            imports.append(
                {
                    "evaluation_id": evaluation_id,
                    "file_digest": "0" * 64,
                    "exported_at": moment,
                    "imported_at": moment,
                }
            )
            if number % 4 == 0:
                reviews.append(
                    {
                        "evaluation_id": evaluation_id,
                        "origin": "own",
                        "adviser_id": adviser.id,
                        "adviser_name": adviser.name,
                        "adviser_region": adviser.region,
                        "decision": ("ready", "conditions", "not_yet")[number % 3],
                        "mark_granted_on": date(2022, 1, 1) + timedelta(days=number % 1400)
                        if number % 3 != 2
                        else None,
                        "updated_at": moment,
                    }
                )
        with db.session() as session:
            session.execute(insert(Organisation), organisations)
            session.execute(insert(Evaluation), rows)
            session.execute(insert(ClientImport), imports)
            session.execute(insert(Review), reviews)
    finally:
        db.close()
    (data_dir / "instellingen.ini").write_text(
        "[app]\nwelcome_done=true\nrole=adviser\n", encoding="utf-8"
    )
    return data_dir


def _child_run(data_dir: Path) -> tuple[float, int, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    output = subprocess.run(
        [sys.executable, "-m", "benchmarks.adviser_child", str(data_dir)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    ).stdout
    values = {line.split()[0]: line.split()[1:] for line in output.splitlines() if line.strip()}
    seconds, rows = values["client-list"]
    return float(seconds), int(rows), float(values["rss-peak-mb"][0])


def measure_client_list(
    folder: Path, quick: bool, clients: int = 2000, evaluations: int = 10000
) -> list[Row]:
    """Client list open time and peak memory (child processes), and 100 files imported."""
    from benchmarks.evaluation_files import bench_import_evaluation_files

    if quick:
        clients, evaluations = clients // 10, evaluations // 10
    data_dir = prepare_adviser_data(folder, clients, evaluations)
    runs = [_child_run(data_dir) for _ in range(2 if quick else 5)]
    seconds = median([r[0] for r in runs])
    peak = max(r[2] for r in runs)
    if runs[0][1] != evaluations:
        raise RuntimeError(f"client list showed {runs[0][1]} rows, expected {evaluations}")
    files = 10 if quick else 100
    import_seconds = bench_import_evaluation_files(files)
    how = "python -m benchmarks --only adviser"
    size = f"{clients} clients, {evaluations} evaluations"
    return [
        Row(
            f"client list opens ({size})",
            seconds,
            None,
            "s",
            f"<= {LIST_TARGET_S} s",
            seconds <= LIST_TARGET_S,
            how,
        ),
        Row(
            f"app peak RSS with client list ({size})",
            peak,
            None,
            "MB",
            f"< {RSS_TARGET_MB:.0f} MB",
            peak < RSS_TARGET_MB,
            how,
        ),
        Row(
            f"import of {files} evaluation files",
            import_seconds,
            None,
            "s",
            f"<= {IMPORT_TARGET_S} s",
            import_seconds <= IMPORT_TARGET_S,
            how,
        ),
    ]
