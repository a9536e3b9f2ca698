"""Build the hostile-input corpus from valid exports: ``python tests/data/hostile/make_corpus.py``.

Makes a real organisation installation, exports an evaluation file, a review file (via an
adviser installation) and a sync file, then derives every hostile file from those and
writes ``manifest.json`` with what each file attacks and how the app must answer.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_lib import (  # noqa: E402
    BASE_DIR,
    HERE,
    MANIFEST_FILE,
    ROWS_FILE,
    case,
    dump_rows,
    manifest_for,
    raw_zip,
    zip_entries,
)

Members = dict[str, bytes]


# -- the valid base ---------------------------------------------------------------------------
def build_base(work: Path) -> tuple[Path, Path, Path]:
    """Organisation and adviser installations; returns (evaluation, review, sync) files."""
    from goedgeregeld.exchange.evaluation.file import export_evaluation
    from goedgeregeld.exchange.importer import import_file
    from goedgeregeld.exchange.review.file import export_review
    from goedgeregeld.exchange.sync.export import export_sync_file
    from goedgeregeld.questionnaire.catalog import find_edition
    from goedgeregeld.store.actions import add_action
    from goedgeregeld.store.advisers import register_adviser
    from goedgeregeld.store.db.engine import open_database
    from goedgeregeld.store.evaluations import complete_evaluation, save_answer, start_evaluation
    from goedgeregeld.store.evidence import attach_evidence
    from goedgeregeld.store.organisations import create_organisation
    from goedgeregeld.store.reviews import decide, set_statement_review, set_theme_comment

    edition = find_edition(version="2026.1")
    org_db = open_database(work / "org" / "goedgeregeld.sqlite3")
    organisation = create_organisation(org_db, "Stichting Voorbeeld", "Utrecht", "Utrecht", 30, 0)
    evaluation = start_evaluation(org_db, organisation.id, edition)
    statements = list(edition.statements_by_id)
    for number, statement_id in enumerate(statements):
        save_answer(
            org_db, evaluation.id, statement_id, 3 - number % 3, f"toelichting {statement_id}"
        )
    add_action(org_db, evaluation.id, "Vrijwilligersbeleid opschrijven", "bestuur")
    (work / "beleid.pdf").write_bytes(b"%PDF-1.4\n% beleid\n%%EOF\n")
    attach_evidence(org_db, evaluation.id, statements[0], work / "beleid.pdf")
    complete_evaluation(org_db, evaluation.id)
    evaluation_file = export_evaluation(org_db, evaluation.id, work / "valid.ggeval")
    sync_file = export_sync_file(org_db, work / "valid-sync.json").path
    adviser_db = open_database(work / "adviser" / "goedgeregeld.sqlite3")
    register_adviser(adviser_db, "Adviseur Voorbeeld", "Utrecht")
    import_file(adviser_db, evaluation_file)
    set_statement_review(adviser_db, evaluation.id, statements[0], "lower", 0, "Plan is oud")
    set_statement_review(adviser_db, evaluation.id, statements[1], "agree", None, "Prima")
    set_theme_comment(adviser_db, evaluation.id, edition.themes[0].id, "Goed op weg")
    decide(adviser_db, evaluation.id, "conditions", [("Beleid vaststellen", date(2027, 6, 1))])
    review_file = export_review(adviser_db, evaluation.id, work / "valid.ggreview")
    org_db.close()
    adviser_db.close()
    for signed in (evaluation_file, review_file):
        _keep_signed_and_unwrap(signed)
    document = json.loads(sync_file.read_text("utf-8"))
    if "payload" in document:
        shutil.copyfile(sync_file, work / "valid-sync-signed.json")
        sync_file.write_text(document["payload"], encoding="utf-8")
    rows = dump_rows(work / "org" / "goedgeregeld.sqlite3")
    ROWS_FILE.write_text(json.dumps(rows, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return evaluation_file, review_file, sync_file


def _keep_signed_and_unwrap(path: Path) -> None:
    """Keep the signed (version 2) export beside it and put its version 1 payload in its place.

    Version 1 files are still read (unsigned, with a note), so every check of the content is
    reachable without forging a signature; the signed file gets its own attacks.
    """
    members = dict(zip_entries(path))
    if "payload" in members:
        shutil.copyfile(path, path.with_name(f"{path.stem}-signed{path.suffix}"))
        path.write_bytes(members["payload"])


# -- ways to spoil a zip exchange file ---------------------------------------------------------
def split(path: Path) -> tuple[Members, dict[str, Any]]:
    members = dict(zip_entries(path))
    return members, json.loads(members.pop("manifest.json"))


def write_zip(target: Path, members: Members, manifest: dict[str, Any], fix: bool = True) -> None:
    manifest_bytes = (
        manifest_for(members, manifest) if fix else json.dumps(manifest).encode("utf-8")
    )
    target.write_bytes(raw_zip([("manifest.json", manifest_bytes), *members.items()]))


def zip_attacks(source: Path, kind: str, suffix: str, main: str) -> None:
    """The archive-level attacks, the same for evaluation and review files."""
    out = HERE / kind
    data = source.read_bytes()
    members, manifest = split(source)
    named = list(members.items())
    mbytes = manifest_for(members, manifest)

    def put(name: str, content: bytes, attack: str, *fragments: str) -> None:
        (out / f"{name}{suffix}").write_bytes(content)
        case(f"{kind}/{name}{suffix}", kind, attack, *fragments)

    put("truncated-half", data[: len(data) // 2], "archive cut in half", "geen geldig zip-archief")
    put("truncated-tail", data[:-40], "end of central directory cut off", "geen geldig zip")
    put("empty", b"", "zero bytes", "geen geldig zip-archief")
    put("not-a-zip", b"Dit is geen zip-bestand\n" * 20, "plain text", "geen geldig zip-archief")
    put("pdf-renamed", b"%PDF-1.4\n%%EOF\n", "a PDF with the right extension", "geen geldig zip")
    for name, member, fragment in (
        ("zip-slip-dotdot", "../../../tmp/evil.json", "buiten het bestand"),
        ("zip-slip-absolute", "/etc/cron.d/evil", "absoluut pad"),
        ("zip-slip-backslash", "..\\..\\evil.json", "backslash"),
        ("zip-slip-drive", "C:/Windows/evil.json", "absoluut pad"),
        ("member-newline", "evil\nname.json", "onverwacht onderdeel"),
    ):
        entries = [("manifest.json", mbytes), *named, (member, b"{}")]
        put(name, raw_zip(entries), f"member named {member!r}", fragment)
    bomb = b"\0" * (100 * 1024 * 1024)
    bomb_members = {**members, main: bomb}
    put(
        "zip-bomb-ratio",
        raw_zip([("manifest.json", manifest_for(bomb_members, manifest)), *bomb_members.items()]),
        "100 MB of zeros compressed to about 100 kB",
        "te groot",
    )
    put(
        "overlapping-members",
        raw_zip([("manifest.json", mbytes), *named], alias={"extra.json": main}),
        "a second directory entry pointing at the same bytes",
        "overlappen",
    )
    put(
        "declared-size-smaller",
        raw_zip([("manifest.json", mbytes), *named], lie_size={main: 10}),
        "member claims 10 bytes but holds more",
        "beschadigd",
    )
    put(
        "declared-size-larger",
        raw_zip([("manifest.json", mbytes), *named], lie_size={main: 10_000_000}),
        "member claims 10 MB but holds less",
        "beschadigd",
    )
    put(
        "duplicate-member",
        raw_zip([("manifest.json", mbytes), *named, (main, members[main])]),
        "the same member twice",
        "komt twee keer voor",
    )
    put(
        "encrypted-member",
        raw_zip([("manifest.json", mbytes), *named], flags={main: 1}),
        "encryption flag set",
        "versleuteld",
    )
    put(
        "unknown-compression",
        raw_zip([("manifest.json", mbytes), *named], method={main: 12}),
        "bzip2 method id",
        "onbekend ingepakt",
    )
    put("manifest-missing", raw_zip(named), "no manifest.json", "manifest.json ontbreekt")
    bad_sum = dict(manifest, members={n: "0" * 64 for n in members})
    put(
        "checksum-mismatch",
        raw_zip([("manifest.json", json.dumps(bad_sum).encode()), *named]),
        "every checksum wrong",
        "controlegetal",
        "klopt niet",
    )
    extra = {**members, "readme.txt": b"hallo"}
    put(
        "unexpected-member",
        raw_zip([("manifest.json", manifest_for(extra, manifest)), *extra.items()]),
        "a member this kind of file does not have",
        "onverwacht onderdeel 'readme.txt'",
    )
    for name, change, attack, fragment in (
        ("format-version-99", {"format_version": 99}, "newer format", "formaatversie 99"),
        ("format-version-0", {"format_version": 0}, "format version 0", "formaatversie"),
        ("format-version-text", {"format_version": "1"}, "version as text", "formaatversie"),
        ("format-unknown", {"format": "iets-anders"}, "unknown format", "onbekend soort"),
    ):
        put(
            name,
            raw_zip([("manifest.json", json.dumps({**manifest, **change}).encode()), *named]),
            attack,
            fragment,
        )
    deep = b'{"members": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    put("manifest-deep", raw_zip([("manifest.json", deep), *named]), "deep manifest", "te diep")
    dup = mbytes.replace(b"{", b'{"format": "x",', 1)
    put("manifest-duplicate-key", raw_zip([("manifest.json", dup), *named]), "dup", "twee keer")
    nan = mbytes.replace(b'"format_version": 1', b'"format_version": NaN')
    put("manifest-nan", raw_zip([("manifest.json", nan), *named]), "NaN version", "NaN")

    def member(name: str, content: bytes, attack: str, *fragments: str) -> None:
        changed = {**members, main: content}
        put(
            name,
            raw_zip([("manifest.json", manifest_for(changed, manifest)), *changed.items()]),
            attack,
            *fragments,
        )

    text = members[main]
    member("deep-json", b"[" * 100_000 + b"]" * 100_000, "100,000 levels of arrays", "te diep")
    member("nested-objects", b'{"a":' * 30 + b"1" + b"}" * 30, "30 levels of objects", "te diep")
    member("invalid-utf8", text.replace(b"{", b"{\xff\xfe", 1), "bytes that are not UTF-8", "UTF-8")
    member("not-json", text[: len(text) // 2], "JSON cut in half", "geen geldige JSON")
    key = b'"evaluation_id"' if main == "review.json" else b'"id"'
    member(
        "duplicate-key", text.replace(b"{", b"{" + key + b': "x",', 1), "duplicate key", "twee keer"
    )
    member("json-array", b"[]", "an array instead of an object", main)
    member(
        "string-too-long",
        json.dumps(_long_text(json.loads(text), main)).encode(),
        "a 2 MB text field",
        "te lang",
    )


def _long_text(data: dict[str, Any], main: str) -> dict[str, Any]:
    if main == "evaluation.json":
        data["answers"][0]["note"] = "A" * 2_000_000
    else:
        data["statements"][0]["comment"] = "A" * 2_000_000
    return data


def main() -> None:
    """Rebuild every file of the corpus and the manifest."""
    from corpus_databases import database_attacks
    from corpus_kinds import evaluation_attacks, review_attacks, signed_attacks
    from corpus_lib import cases
    from corpus_plain import questionnaire_attacks, recipe, sync_attacks

    for folder in ("base", "evaluation", "review", "sync", "questionnaire"):
        shutil.rmtree(HERE / folder, ignore_errors=True)
        (HERE / folder).mkdir()
    with tempfile.TemporaryDirectory() as work:
        evaluation, review, sync = build_base(Path(work))
        for made in Path(work).glob("valid*"):
            shutil.copyfile(made, BASE_DIR / made.name)
    evaluation, review = BASE_DIR / "valid.ggeval", BASE_DIR / "valid.ggreview"
    sync = BASE_DIR / "valid-sync.json"
    zip_attacks(evaluation, "evaluation", ".ggeval", "evaluation.json")
    zip_attacks(review, "review", ".ggreview", "review.json")
    evaluation_attacks(evaluation)
    review_attacks(review)
    sync_attacks(sync)
    questionnaire_attacks()
    for kind, base, member, path in (
        ("evaluation", "base/valid.ggeval", "evaluation.json", ["answers", 0, "note"]),
        ("review", "base/valid.ggreview", "review.json", ["statements", 0, "comment"]),
    ):
        suffix = Path(base).suffix
        recipe(
            kind,
            f"{kind}/big-string.recipe.json",
            base,
            "te groot",
            f"big{suffix}",
            member=member,
            path=path,
        )
    signed_attacks()
    database_attacks()
    from corpus_inputs import input_attacks

    input_attacks()
    MANIFEST_FILE.write_text(json.dumps(cases, indent=1, ensure_ascii=True) + "\n", "utf-8")
    print(f"{len(cases)} hostile files written to {HERE}")


if __name__ == "__main__":
    main()
