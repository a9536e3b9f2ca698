"""Every kind of bad exchange file: one Dutch message naming the file, database unchanged."""

from __future__ import annotations

import json
import struct
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from exchange_helpers import dump, read_members, rewrite, write_members

from goedgeregeld.cli import main
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.review.file import export_review
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.reviews import set_statement_review

Change = Callable[[dict[str, bytes], dict[str, Any]], None]


def _refused(adviser_db: Database, path: Path, *fragments: str) -> str:
    before = dump(adviser_db)
    with pytest.raises(ExchangeFileError) as caught:
        import_file(adviser_db, path)
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ")
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message
    assert dump(adviser_db) == before
    return message


def _json_edit(member: str, edit: Callable[[Any], None]) -> Change:
    def change(members: dict[str, bytes], _manifest: dict[str, Any]) -> None:
        data = json.loads(members[member])
        edit(data)
        members[member] = json.dumps(data).encode("utf-8")

    return change


def _bad(evaluation_file: tuple[Path, str, str], tmp_path: Path, change: Change, **kw: Any) -> Path:
    return rewrite(evaluation_file[0], tmp_path / "bad.ggeval", change, **kw)


def test_newer_format_version(adviser_db, evaluation_file, tmp_path) -> None:
    path = _bad(evaluation_file, tmp_path, lambda m, man: man.update(format_version=3))
    _refused(adviser_db, path, "formaatversie 3", "werk Goed Geregeld bij")


def test_unknown_format_version(adviser_db, evaluation_file, tmp_path) -> None:
    path = _bad(evaluation_file, tmp_path, lambda m, man: man.update(format_version="een"))
    _refused(adviser_db, path, "formaatversie")


def test_unknown_format_name(adviser_db, evaluation_file, tmp_path) -> None:
    path = _bad(evaluation_file, tmp_path, lambda m, man: man.update(format="iets-anders"))
    _refused(adviser_db, path, "onbekend soort bestand")


def test_checksum_mismatch(adviser_db, evaluation_file, tmp_path) -> None:
    change = _json_edit("evaluation.json", lambda d: d["answers"][0].update(value=3))
    path = _bad(evaluation_file, tmp_path, change, fix_checksums=False)
    _refused(adviser_db, path, "controlegetal van 'evaluation.json' klopt niet")


def test_missing_member(adviser_db, evaluation_file, tmp_path) -> None:
    path = _bad(evaluation_file, tmp_path, lambda m, man: m.pop("edition.json"))
    _refused(adviser_db, path, "'edition.json' ontbreekt")


def test_member_listed_in_manifest_but_absent(adviser_db, evaluation_file, tmp_path) -> None:
    path = _bad(
        evaluation_file, tmp_path, lambda m, man: m.pop("organisation.json"), fix_checksums=False
    )
    _refused(adviser_db, path, "'organisation.json' ontbreekt")


def test_unexpected_extra_member(adviser_db, evaluation_file, tmp_path) -> None:
    path = _bad(evaluation_file, tmp_path, lambda m, man: m.update({"extra.txt": b"hallo"}))
    _refused(adviser_db, path, "onverwacht onderdeel 'extra.txt'")


def test_member_not_in_manifest(adviser_db, evaluation_file, tmp_path) -> None:
    def change(members: dict[str, bytes], manifest: dict[str, Any]) -> None:
        manifest["members"].pop("edition.json")

    path = _bad(evaluation_file, tmp_path, change, fix_checksums=False)
    _refused(adviser_db, path, "'edition.json'", "niet in manifest.json")


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("../evil.json", "'..'"),
        ("evidence/../../evil", "'..'"),
        ("/etc/evil.json", "absoluut pad"),
        ("C:/evil.json", "absoluut pad"),
        ("evidence\\evil.json", "backslash"),
    ],
)
def test_dangerous_member_names(adviser_db, evaluation_file, tmp_path, name, fragment) -> None:
    path = _bad(evaluation_file, tmp_path, lambda m, man: m.update({name: b"{}"}))
    _refused(adviser_db, path, fragment)


def test_duplicate_member_names(adviser_db, evaluation_file, tmp_path) -> None:
    members = read_members(evaluation_file[0])
    path = tmp_path / "dubbel.ggeval"
    write_members(path, members)
    with pytest.warns(UserWarning), zipfile.ZipFile(path, "a") as archive:
        archive.writestr("edition.json", members["edition.json"])
    _refused(adviser_db, path, "twee keer")


def test_member_expanding_beyond_limit(adviser_db, evaluation_file, tmp_path) -> None:
    def change(members: dict[str, bytes], _manifest: dict[str, Any]) -> None:
        members["evaluation.json"] = members["evaluation.json"] + b" " * (17 * 1024 * 1024)

    path = _bad(evaluation_file, tmp_path, change)
    assert path.stat().st_size < 200_000
    _refused(adviser_db, path, "'evaluation.json' is te groot")


def test_overlapping_members_zip_bomb(adviser_db, evaluation_file, tmp_path) -> None:
    members = read_members(evaluation_file[0])
    path = write_members(tmp_path / "bom.ggeval", members)
    raw = bytearray(path.read_bytes())
    # Point every central-directory entry at the first local header: all share one stream.
    start = raw.find(b"PK\x01\x02")
    while start != -1:
        struct.pack_into("<I", raw, start + 42, 0)
        start = raw.find(b"PK\x01\x02", start + 4)
    path.write_bytes(bytes(raw))
    _refused(adviser_db, path, "overlappen")


def test_json_nested_too_deep(adviser_db, evaluation_file, tmp_path) -> None:
    def change(members: dict[str, bytes], _manifest: dict[str, Any]) -> None:
        members["organisation.json"] = b"[" * 5000 + b"]" * 5000

    path = _bad(evaluation_file, tmp_path, change)
    _refused(adviser_db, path, "organisation.json", "te diep genest")


def test_json_not_json(adviser_db, evaluation_file, tmp_path) -> None:
    def change(members: dict[str, bytes], _manifest: dict[str, Any]) -> None:
        members["organisation.json"] = b'{"id": NaN}'

    path = _bad(evaluation_file, tmp_path, change)
    _refused(adviser_db, path, "organisation.json")


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (lambda d: d["answers"][0].update(value="2"), "answers.0.value"),
        (lambda d: d["answers"][0].update(value=7), "answers.0.value"),
        (lambda d: d.update(status="klaar"), "status"),
        (lambda d: d.update(answers={"a": 1}), "answers"),
        (lambda d: d.update(geheim=True), "geheim"),
        (lambda d: d.pop("updated_at"), "updated_at"),
    ],
)
def test_wrong_types(adviser_db, evaluation_file, tmp_path, edit, fragment) -> None:
    path = _bad(evaluation_file, tmp_path, _json_edit("evaluation.json", edit))
    _refused(adviser_db, path, "evaluation.json", f"'{fragment}'")


def test_edition_snapshot_hash_mismatch(adviser_db, evaluation_file, tmp_path) -> None:
    path = _bad(
        evaluation_file, tmp_path, _json_edit("edition.json", lambda d: d.update(title="Anders"))
    )
    _refused(adviser_db, path, "vragenlijst", "controlegetal")


def test_evidence_not_matching_its_name(adviser_db, evaluation_file, tmp_path) -> None:
    def change(members: dict[str, bytes], _manifest: dict[str, Any]) -> None:
        name = next(n for n in members if n.startswith("evidence/"))
        members[name] = b"ander bestand"

    path = _bad(evaluation_file, tmp_path, change)
    _refused(adviser_db, path, "past niet bij zijn naam")


def test_not_a_zip_file(adviser_db, tmp_path) -> None:
    path = tmp_path / "tekst.ggeval"
    path.write_text("geen zip", encoding="utf-8")
    _refused(adviser_db, path, "beschadigd")


def test_flipped_bytes(adviser_db, evaluation_file, tmp_path) -> None:
    raw = bytearray(evaluation_file[0].read_bytes())
    middle = len(raw) // 2
    raw[middle : middle + 4] = b"XXXX"
    path = tmp_path / "kapot.ggeval"
    path.write_bytes(bytes(raw))
    _refused(adviser_db, path, "beschadigd")


def test_review_file_for_unknown_evaluation(
    db: Database, adviser_db: Database, evaluation_file: tuple[Path, str, str], tmp_path: Path
) -> None:
    path, evaluation_id, first = evaluation_file
    import_file(adviser_db, path)
    set_statement_review(adviser_db, evaluation_id, first, "agree")
    review = export_review(adviser_db, evaluation_id, tmp_path / "r.ggreview")

    def other(members: dict[str, bytes], _manifest: dict[str, Any]) -> None:
        data = json.loads(members["review.json"])
        data["evaluation_id"] = str(uuid.uuid4())
        members["review.json"] = json.dumps(data).encode("utf-8")

    stranger = rewrite(review, tmp_path / "vreemd.ggreview", other)
    _refused(db, stranger, "zelfevaluatie die hier niet bestaat")


def test_command_line_reports_one_line_and_exit_1(
    evaluation_file: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = rewrite(evaluation_file[0], tmp_path / "bad.ggeval", lambda m, man: m.pop("edition.json"))
    code = main(["--data-dir", str(tmp_path / "leeg"), "import", str(bad)])
    err = capsys.readouterr().err
    assert code == 1
    assert err.strip().splitlines() == [
        "goedgeregeld: bad.ggeval: onderdeel 'edition.json' ontbreekt"
    ]
