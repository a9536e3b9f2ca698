"""Issue 16 "NOV believes any count": each attack through ``nov aggregate``, the store compared.

A file beyond the bounds of its kind of installation waits in quarantine, uncounted and
visible, until NOV accepts or rejects it; another installation cannot move a known
organisation; a far-future timestamp is refused. Every attack leaves the counted tables
exactly as they were.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from nov_helpers import document, new_id, org, write
from sqlalchemy import text

from goedgeregeld.cli import main
from goedgeregeld.nov.store.database import NovStore, open_nov_store

_COUNTED = ("nov_observation", "nov_file", "nov_trusted_key")


def run(capsys: pytest.CaptureFixture[str], nov_dir: Path, url: str | None, *args: str) -> Any:
    extra = ["--database", url] if url else []
    code = main(["--data-dir", str(nov_dir), "nov", *args, *extra])
    out = capsys.readouterr().out
    return code, (json.loads(out) if "--json" in args else out)


def dump(store: NovStore, tables: tuple[str, ...] = _COUNTED) -> dict[str, list[Any]]:
    with store.begin() as connection:
        return {
            t: sorted(tuple(map(str, r)) for r in connection.execute(text(f"SELECT * FROM {t}")))
            for t in tables
        }


@pytest.fixture
def genuine(tmp_path: Path) -> tuple[Path, str]:
    """A genuine organisation's first file: one organisation in Utrecht."""
    organisation = org(2020, "Utrecht", "middel")
    path = write(
        tmp_path / "genuine" / "own-1.json",
        document(new_id(), 1, organisations=[organisation], created=datetime(2024, 3, 1)),
    )
    return path, organisation[0]


def _figures(output: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in output.items() if k != "files"}


def test_one_installation_with_100000_organisations_waits_in_quarantine(
    capsys: pytest.CaptureFixture[str],
    nov_dir: Path,
    nov_url: str | None,
    tmp_path: Path,
    genuine: tuple[Path, str],
) -> None:
    assert run(capsys, nov_dir, nov_url, "aggregate", str(genuine[0]), "--json")[0] == 0
    store = open_nov_store(nov_dir, nov_url)
    before = dump(store)
    fake = [org(2021, "Zeeland") for _ in range(100_000)]
    marks = [(new_id(), 2022, None, None) for _ in range(20_000)]
    forged = write(tmp_path / "forged.json", document(new_id(), 1, organisations=fake, marks=marks))
    code, result = run(capsys, nov_dir, nov_url, "aggregate", str(forged), "--json")
    assert code == 0 and result["organisations"]["total"] == 1
    assert result["quality_marks"]["total"] == 0
    (held,) = result["files"]["quarantined"]
    assert held["path"] == str(forged)
    assert held["reason"].startswith(
        "niet aannemelijk: 100000 organisaties in één bestand van een installatie van een "
        "organisatie (hoogstens 10)"
    )
    assert dump(store) == before  # nothing counted, nothing pinned
    # Visible until NOV decides, and a second run holds it once, not twice.
    run(capsys, nov_dir, nov_url, "aggregate", str(forged), "--json")
    code, listed = run(capsys, nov_dir, nov_url, "quarantine", "--json")
    assert code == 0 and [(r["number"], r["status"]) for r in listed] == [(1, "held")]
    # Rejected, it is refused by every later run; the counted tables never moved.
    assert run(capsys, nov_dir, nov_url, "quarantine", "reject", "1")[0] == 0
    code, result = run(capsys, nov_dir, nov_url, "aggregate", str(forged), "--json")
    assert code == 1 and result["files"]["quarantined"] == []
    assert result["files"]["rejected"][0]["reason"].startswith("eerder door NOV afgewezen: ")
    assert dump(store) == before
    assert run(capsys, nov_dir, nov_url, "quarantine", "accept", "1")[0] == 1  # decided
    store.close()


def test_an_adviser_with_20000_quality_marks_is_held_and_counts_once_accepted(
    capsys: pytest.CaptureFixture[str], nov_dir: Path, nov_url: str | None, tmp_path: Path
) -> None:
    adviser = [(new_id(), 2020, "Drenthe", None)]
    marks = [(new_id(), 2022, None, None) for _ in range(20_000)]
    forged = write(tmp_path / "a.json", document(new_id(), 1, advisers=adviser, marks=marks))
    code, result = run(capsys, nov_dir, nov_url, "aggregate", str(forged), "--json")
    assert code == 0 and result["quality_marks"]["total"] == 0 and result["advisers"]["total"] == 0
    assert (
        "20000 keurmerken in één bestand van een installatie van een adviseur (hoogstens 250"
        in (result["files"]["quarantined"][0]["reason"])
    )
    code, out = run(capsys, nov_dir, nov_url, "quarantine", "accept", "1")
    assert code == 0 and out.startswith("Bestand 1 telt nu mee.")
    code, shown = run(capsys, nov_dir, nov_url, "show", "--json")
    # The file's adviser counts now; its 20,000 claimed marks never do: NOV counts marks from
    # its own register of issued certificates (issue 16, item 4).
    assert shown["quality_marks"]["total"] == 0 and shown["advisers"]["total"] == 1
    code, again = run(capsys, nov_dir, nov_url, "aggregate", str(forged), "--json")
    assert again["files"]["already_known"] == 1 and again["files"]["quarantined"] == []


def test_another_installation_with_a_later_time_cannot_move_an_organisation(
    capsys: pytest.CaptureFixture[str],
    nov_dir: Path,
    nov_url: str | None,
    tmp_path: Path,
    genuine: tuple[Path, str],
) -> None:
    path, organisation = genuine
    first = run(capsys, nov_dir, nov_url, "aggregate", str(path), "--json")[1]
    moved = (organisation, 2020, "Zeeland", "groot")
    attack = write(
        tmp_path / "attack.json",
        document(new_id(), 5, organisations=[moved], created=datetime(2026, 11, 30)),
    )
    code, after = run(capsys, nov_dir, nov_url, "aggregate", str(attack), "--json")
    assert code == 0 and _figures(after) == _figures(first)
    assert after["organisations"]["by_province"] == {"Utrecht": 1}
    # Its own installation's newer file still can.
    installation = json.loads(path.read_text())["installation_id"]
    own = write(
        tmp_path / "own-2.json",
        document(installation, 2, organisations=[moved], created=datetime(2026, 11, 30)),
    )
    code, after = run(capsys, nov_dir, nov_url, "aggregate", str(own), "--json")
    assert after["organisations"]["by_province"] == {"Zeeland": 1}
    assert after["organisations"]["by_size"] == {"groot": 1}


def test_a_far_future_timestamp_is_refused_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    nov_dir: Path,
    nov_url: str | None,
    tmp_path: Path,
    genuine: tuple[Path, str],
) -> None:
    path, organisation = genuine
    run(capsys, nov_dir, nov_url, "aggregate", str(path), "--json")
    store = open_nov_store(nov_dir, nov_url)
    before = dump(store, (*_COUNTED, "nov_quarantine"))
    future = document(new_id(), 1, organisations=[(organisation, 2020, "Zeeland", "klein")])
    future["created_at"] = "2099-01-01T00:00:00Z"
    attack = write(tmp_path / "future.json", future)
    code, result = run(capsys, nov_dir, nov_url, "aggregate", str(attack), "--json")
    assert code == 1
    assert result["files"]["rejected"] == [
        {
            "path": str(attack),
            "reason": "created_at '2099-01-01T00:00:00Z' ligt niet tussen 2000 en nu",
        }
    ]
    assert dump(store, (*_COUNTED, "nov_quarantine")) == before
    store.close()


def test_plausible_files_never_touch_the_quarantine(
    capsys: pytest.CaptureFixture[str], nov_dir: Path, nov_url: str | None, tmp_path: Path
) -> None:
    adviser = [(new_id(), 2020, "Drenthe", None)]
    clients = [org(2021) for _ in range(250)]
    ok = write(
        tmp_path / "adviser.json", document(new_id(), 1, advisers=adviser, organisations=clients)
    )
    code, result = run(capsys, nov_dir, nov_url, "aggregate", str(ok), "--json")
    assert code == 0 and result["organisations"]["total"] == 250
    assert result["files"]["quarantined"] == []
    assert run(capsys, nov_dir, nov_url, "quarantine")[1] == "Geen bestanden in quarantaine.\n"
