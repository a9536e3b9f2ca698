"""``sync export`` and ``nov aggregate|show|csv|report`` as scripts and NOV staff use them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from nov_helpers import document, new_id, org, write

from goedgeregeld.cli import main
from goedgeregeld.cli.context import CliError
from goedgeregeld.cli.nov import report_year


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_then_aggregate_json_shape(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path
) -> None:
    assert run(capsys, data_dir, "org", "create", "--name", "Club", "--province", "Zeeland")[0] == 0
    (tmp_path / "in").mkdir()
    code, out, _ = run(capsys, data_dir, "sync", "export", "-o", str(tmp_path / "in" / "s.json"))
    assert code == 0 and "volgnummer 1" in out
    (tmp_path / "in" / "kapot.json").write_text("{")
    nov = tmp_path / "nov"
    code, out, err = run(capsys, nov, "nov", "aggregate", str(tmp_path / "in"), "--json")
    # The good file counts; the refused one makes the command fail, like ``import``.
    assert (
        code == 1
        and err
        == "goedgeregeld: kapot.json: geweigerd: geen geldige JSON (afgebroken of beschadigd bestand?)\n"
    )
    result = json.loads(out)
    assert set(result) == {
        "organisations",
        "evaluations_completed",
        "advisers",
        "quality_marks",
        "files",
    }
    assert result["organisations"]["by_province"] == {"Zeeland": 1}
    for kind in ("organisations", "evaluations_completed", "advisers", "quality_marks"):
        assert {"total", "by_year"} <= set(result[kind])
    assert set(result["files"]) == {"read", "accepted", "already_known", "rejected", "quarantined"}
    assert result["files"]["rejected"][0]["path"].endswith("kapot.json")
    code, out, _ = run(capsys, nov, "nov", "show", "--json")
    assert json.loads(out) == {k: v for k, v in result.items() if k != "files"}


def test_json_output_is_identical_for_any_argument_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    installation = new_id()
    first = org(2020)
    paths = [
        write(tmp_path / "a.json", document(installation, 1, organisations=[first])),
        write(tmp_path / "b.json", document(installation, 2, organisations=[first, org(2021)])),
        write(tmp_path / "c.json", document(new_id(), 1, organisations=[first, org(2019)])),
    ]
    outputs = set()
    for number, order in enumerate((paths, paths[::-1], [paths[1], paths[0], paths[2]])):
        code, out, _ = run(
            capsys, tmp_path / f"nov{number}", "nov", "aggregate", *map(str, order), "--json"
        )
        assert code == 0
        outputs.add(out)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["organisations"]["total"] == 3


def test_text_output_lists_rejected_files(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "oud.json").write_text(json.dumps({**document(new_id(), 1), "version": 9}))
    code, out, err = run(capsys, tmp_path / "nov", "nov", "aggregate", str(tmp_path / "oud.json"))
    assert code == 1 and err.startswith("goedgeregeld: oud.json: geweigerd: versie 9")
    assert (
        "1 bestand gelezen: 0 toegevoegd, 0 al bekend of vervangen door een nieuwer bestand, "
        "1 geweigerd." in out
    )
    assert "geweigerd: " in out and "versie 9 wordt niet ondersteund" in out


def test_unusable_database_url_is_one_dutch_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, tmp_path, "nov", "show", "--database", "postgresql://nobody@127.0.0.1:9/nov"
    )
    assert code == 1 and out == ""
    assert err.startswith("goedgeregeld: de NOV-database") and err.count("\n") == 1
    assert "Traceback" not in err
    code, _, err = run(capsys, tmp_path, "nov", "show", "--database", "mysql://x@y/z")
    assert code == 1 and "alleen PostgreSQL" in err


def test_csv_and_report_commands(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    nov = tmp_path / "nov"
    code, _, err = run(capsys, nov, "nov", "report", "-o", str(tmp_path / "leeg.pdf"))
    assert code == 1 and "nog geen cijfers" in err
    write(
        tmp_path / "in" / "s.json", document(new_id(), 1, organisations=[org(2022, "Drenthe")] * 1)
    )
    run(capsys, nov, "nov", "aggregate", str(tmp_path / "in"))
    assert run(capsys, nov, "nov", "csv", "-o", str(tmp_path / "c.csv"))[0] == 0
    rows = (tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()
    # NOV's own CSV is exact: a province with one organisation says 1 (issue 18).
    assert rows[0] == "soort;jaar;provincie;uitsplitsing;aantal"
    assert "Nieuwe organisaties met een account;2022;Drenthe;;1" in rows
    assert "Nieuwe organisaties met een account;2022;heel Nederland;;1" in rows
    # Found by trying NOV mode: the totals per province over all years were missing.
    assert "Nieuwe organisaties met een account;alle jaren;Drenthe;;1" in rows
    assert all(row.rsplit(";", 1)[1].isdigit() for row in rows[1:])
    assert run(capsys, nov, "nov", "csv", "--publication", "-o", str(tmp_path / "p.csv"))[0] == 0
    published = (tmp_path / "p.csv").read_text(encoding="utf-8-sig").splitlines()
    assert published[0] == "soort;jaar;provincie;uitsplitsing;aantal;opmerking"
    drenthe = [r for r in published if ";Drenthe;" in r and r.startswith("Nieuwe organisaties")]
    assert drenthe and all(";;niet gepubliceerd" in r for r in drenthe)
    assert "Nieuwe organisaties met een account;2022;heel Nederland;;1;" in published
    code, out, _ = run(
        capsys, nov, "nov", "report", "--year", "2022", "-o", str(tmp_path / "j.pdf")
    )
    assert code == 0 and (tmp_path / "j.pdf").read_bytes().startswith(b"%PDF")
    # Found by trying NOV mode: any year gave a report full of zeros, with exit code 0.
    code, _, err = run(
        capsys, nov, "nov", "report", "--year", "1999", "-o", str(tmp_path / "x.pdf")
    )
    assert code == 1 and "geen cijfers voor 1999" in err and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize(
    ("years", "asked", "chosen"),
    [
        ([2020, 2021, 2026], None, 2021),  # this year is not over: the last complete one
        ([2026], None, 2026),  # nothing else yet
        ([2020, 2023], 2022, 2022),  # a year between counts (zeros are real figures then)
        ([2020, 2023], 2026, 2026),  # up to this year
    ],
)
def test_the_year_of_a_jaaroverzicht(years: list[int], asked: int | None, chosen: int) -> None:
    assert report_year(years, asked, 2026) == chosen


@pytest.mark.parametrize("asked", [1999, 2019, 2027, 2030])
def test_a_year_without_figures_is_refused(asked: int) -> None:
    with pytest.raises(CliError, match=f"geen cijfers voor {asked}"):
        report_year([2020, 2023], asked, 2026)


def test_aggregate_into_postgresql_from_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, nov_url: str | None
) -> None:
    write(tmp_path / "in" / "s.json", document(new_id(), 1, organisations=[org(2021, "Limburg")]))
    database = ["--database", nov_url] if nov_url else []
    code, out, err = run(
        capsys, tmp_path / "nov", "nov", "aggregate", str(tmp_path / "in"), "--json", *database
    )
    assert code == 0, err
    assert json.loads(out)["organisations"]["by_province"] == {"Limburg": 1}
    if nov_url:
        assert not (tmp_path / "nov" / "nov.sqlite3").exists()


def test_a_note_among_the_sync_files_is_another_kind_of_file_not_broken_json(
    capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "lees-mij.txt").write_text("Bestanden van maart\n", encoding="utf-8")
    code, _, err = run(capsys, tmp_path / "nov", "nov", "aggregate", str(tmp_path / "in"))
    assert code == 1 and "geen statistiekbestand: de inhoud is geen JSON" in err
    assert "geen geldige JSON" not in err
    # Without -o the file is named after this installation and the day, in the current folder.
    monkeypatch.chdir(tmp_path)
    assert run(capsys, data_dir, "org", "create", "--name", "Club")[0] == 0
    code, out, _ = run(capsys, data_dir, "sync", "export")
    [made] = list(tmp_path.glob("goedgeregeld-statistiek-*-*.json"))
    assert code == 0 and made.name in out and len(made.stem.split("-")) == 6
