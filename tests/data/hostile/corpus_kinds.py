"""Hostile files that need to know each kind's content: fields, markup, sync and questionnaires."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus_lib import HERE, case, manifest_for, raw_zip, zip_entries

MARKUP = '<b>VET</b> <img src="/etc/passwd"/> <font size="40">GROOT</font> &amp; <para>P</para>'
LITERAL = ["<b>VET</b>", '<imgsrc="/etc/passwd"/>', '<fontsize="40">GROOT</font>', "&amp;"]
CONTROL = "stuur\x1b[31mteken\x07"
QUESTIONNAIRE = Path(__file__).resolve().parents[3] / "questionnaires" / "goed-geregeld-2026.yaml"

Edit = Callable[[dict[str, Any]], None]


def _rewrite(source: Path, target: Path, edits: dict[str, Edit]) -> None:
    members = dict(zip_entries(source))
    manifest = json.loads(members.pop("manifest.json"))
    for member, edit in edits.items():
        data = json.loads(members[member])
        edit(data)
        members[member] = json.dumps(data, ensure_ascii=False).encode("utf-8")
    target.write_bytes(
        raw_zip([("manifest.json", manifest_for(members, manifest)), *members.items()])
    )


def _raw(source: Path, target: Path, member: str, old: bytes, new: bytes) -> None:
    members = dict(zip_entries(source))
    manifest = json.loads(members.pop("manifest.json"))
    assert old in members[member], (member, old)
    members[member] = members[member].replace(old, new, 1)
    target.write_bytes(
        raw_zip([("manifest.json", manifest_for(members, manifest)), *members.items()])
    )


def _setter(path: tuple[Any, ...], value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        node: Any = data
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return edit


def field_attacks(source: Path, kind: str, suffix: str, main: str, fields: list[Any]) -> None:
    """Bad values in the main JSON member: wrong types, NaN, ids, control characters."""
    out = HERE / kind

    def put(name: str, edits: dict[str, Edit], attack: str, *fragments: str) -> None:
        _rewrite(source, out / f"{name}{suffix}", edits)
        case(f"{kind}/{name}{suffix}", kind, attack, *fragments)

    for name, path, value, fragment in fields:
        put(name, {main: _setter(path, value)}, f"{'.'.join(map(str, path))} = {value!r}", fragment)
    for name, token in (
        ("nan", b"NaN"),
        ("infinity", b"Infinity"),
        ("minus-infinity", b"-Infinity"),
    ):
        old = b'"updated_at": "'
        new = b'"updated_at": ' + token + b', "x_": "'
        _raw(source, out / f"{name}{suffix}", main, old, new)
        case(f"{kind}/{name}{suffix}", kind, f"{token.decode()} as a number", token.decode())


def evaluation_attacks(source: Path) -> None:
    """Evaluation-file content attacks."""
    fields = [
        ("id-not-uuid", ("id",), "12345", "'id' heeft een ongeldige vorm"),
        ("id-uppercase-uuid", ("id",), str(uuid.uuid4()).upper(), "ongeldige vorm"),
        ("value-as-text", ("answers", 0, "value"), "2", "verkeerde type"),
        ("value-out-of-range", ("answers", 0, "value"), 7, "te groot"),
        ("value-float", ("answers", 0, "value"), 2.5, "answers.0.value"),
        ("bool-as-int", ("answers", 0, "not_applicable"), 1, "verkeerde type"),
        ("answers-not-list", ("answers",), {"a": 1}, "verkeerde type"),
        ("unknown-statement", ("answers", 0, "statement_id"), "bestaat.99", "onbekende stelling"),
        ("status-unknown", ("status",), "gehackt", "onbekende waarde"),
        ("date-garbage", ("created_at",), "gisteren", "geen geldige datum"),
        ("extra-field", ("wachtwoord",), "geheim", "is onbekend"),
        ("edition-hash-mismatch", ("edition", "hash"), "a" * 64, "controlegetal"),
        ("control-note", ("answers", 0, "note"), CONTROL, "stuurteken"),
        ("control-action", ("actions", 0, "description"), CONTROL, "stuurteken"),
        ("control-owner", ("actions", 0, "owner"), "nul\x00byte", "stuurteken"),
        ("control-evidence-name", ("evidence", 0, "file_name"), "a\x1bb.pdf", "stuurteken"),
    ]
    field_attacks(source, "evaluation", ".ggeval", "evaluation.json", fields)
    out = HERE / "evaluation"
    for name, path, value, fragment in (
        ("control-org-name", ("name",), f"Club {CONTROL}", "stuurteken"),
        ("control-org-city", ("city",), "Utrecht\x85", "stuurteken"),
        ("province-unknown", ("province",), "Atlantis", "onbekende provincie"),
        ("org-id-mismatch", ("id",), str(uuid.uuid4()), "hoort niet bij de organisatie"),
        ("volunteers-infinite-text", ("volunteers",), "Infinity", "verkeerde type"),
    ):
        _rewrite(source, out / f"{name}.ggeval", {"organisation.json": _setter(path, value)})
        case(f"evaluation/{name}.ggeval", "evaluation", f"organisation.{path[0]}", fragment)

    def changed_statement(data: dict[str, Any]) -> None:
        data["themes"][0]["statements"][0]["text"] = "Een andere tekst dan in de hash"

    _rewrite(source, out / "edition-edited.ggeval", {"edition.json": changed_statement})
    case(
        "evaluation/edition-edited.ggeval",
        "evaluation",
        "edited edition, old hash",
        "controlegetal",
    )

    def control_edition(data: dict[str, Any]) -> None:
        data["themes"][0]["statements"][0]["text"] = CONTROL

    _rewrite(source, out / "control-edition.ggeval", {"edition.json": control_edition})
    case(
        "evaluation/control-edition.ggeval", "evaluation", "control chars in edition", "stuurteken"
    )
    _markup_evaluation(source, out / "markup-everywhere.ggeval")


def _markup_evaluation(source: Path, target: Path) -> None:
    """Markup in every text field, the edition re-hashed so the file is otherwise valid."""
    from goedgeregeld.questionnaire.model import Edition

    def organisation(data: dict[str, Any]) -> None:
        data["name"] = f"Club {MARKUP}"
        data["city"] = MARKUP

    def edition(data: dict[str, Any]) -> None:
        data["themes"][0]["title"] = f"Thema {MARKUP}"
        data["themes"][0]["statements"][0]["text"] = f"Stelling {MARKUP}"

    members = dict(zip_entries(source))
    edition_data = json.loads(members["edition.json"])
    edition(edition_data)
    new_hash = Edition.model_validate(edition_data).content_hash

    def evaluation(data: dict[str, Any]) -> None:
        data["edition"]["hash"] = new_hash
        for answer in data["answers"]:
            answer["note"] = f"Toelichting {MARKUP}"
        data["actions"][0]["description"] = f"Actie {MARKUP}"
        data["actions"][0]["owner"] = MARKUP

    _rewrite(
        source,
        target,
        {"organisation.json": organisation, "edition.json": edition, "evaluation.json": evaluation},
    )
    case(
        f"evaluation/{target.name}",
        "evaluation",
        "ReportLab markup in every text field",
        *LITERAL,
        expect="literal",
    )


def review_attacks(source: Path) -> None:
    """Review-file content attacks."""
    fields = [
        ("evaluation-id-not-uuid", ("evaluation_id",), "../../etc", "ongeldige vorm"),
        ("evaluation-unknown", ("evaluation_id",), str(uuid.uuid4()), "hier niet bestaat"),
        ("organisation-other", ("organisation_id",), str(uuid.uuid4()), "andere organisatie"),
        ("verdict-unknown", ("statements", 0, "verdict"), "sloop", "onbekende waarde"),
        ("score-as-text", ("statements", 0, "proposed_score"), "0", "verkeerde type"),
        ("changed-as-text", ("statements", 0, "changed"), "ja", "verkeerde type"),
        ("statement-unknown", ("statements", 0, "statement_id"), "nergens.1", "onbekende stelling"),
        ("theme-unknown", ("themes", 0, "theme_id"), "nergens", "onbekend thema"),
        ("decision-unknown", ("decision",), "goedgekeurd", "onbekende waarde"),
        ("conditions-without-decision", ("decision",), "ready", "voorwaarden horen"),
        ("adviser-id-not-uuid", ("adviser", "id"), "adviseur-1", "ongeldige vorm"),
        ("control-comment", ("statements", 0, "comment"), CONTROL, "stuurteken"),
        ("control-theme-comment", ("themes", 0, "comment"), CONTROL, "stuurteken"),
        ("control-adviser-name", ("adviser", "name"), f"Jan {CONTROL}", "stuurteken"),
        ("control-region", ("adviser", "region"), "Utrecht\x9b", "stuurteken"),
        ("control-condition", ("conditions", 0, "text"), "voorwaarde\x00", "stuurteken"),
    ]
    field_attacks(source, "review", ".ggreview", "review.json", fields)
    out = HERE / "review"

    def twice(data: dict[str, Any]) -> None:
        data["statements"].append(dict(data["statements"][0]))

    _rewrite(source, out / "statement-twice.ggreview", {"review.json": twice})
    case("review/statement-twice.ggreview", "review", "two verdicts on one statement", "twee")

    def markup(data: dict[str, Any]) -> None:
        data["adviser"]["name"] = f"Adviseur {MARKUP}"
        data["adviser"]["region"] = MARKUP
        for verdict in data["statements"]:
            verdict["comment"] = f"Opmerking {MARKUP}"
        data["themes"][0]["comment"] = f"Thema-opmerking {MARKUP}"
        data["conditions"][0]["text"] = f"Voorwaarde {MARKUP}"

    _rewrite(source, out / "markup-everywhere.ggreview", {"review.json": markup})
    case(
        "review/markup-everywhere.ggreview",
        "review",
        "ReportLab markup in every text field",
        *LITERAL,
        expect="literal",
    )


def signed_attacks() -> None:
    """Version 2 files: the payload or the signature changed after signing."""
    for kind, suffix in (("evaluation", ".ggeval"), ("review", ".ggreview")):
        source = HERE / "base" / f"valid-signed{suffix}"
        if not source.exists():
            continue
        members = dict(zip_entries(source))
        inner = dict(zip_entries(HERE / "base" / f"valid{suffix}"))
        main = "evaluation.json" if kind == "evaluation" else "review.json"
        inner[main] = inner[main].replace(b"2026", b"2025", 1)
        manifest = json.loads(inner.pop("manifest.json"))
        payload = raw_zip([("manifest.json", manifest_for(inner, manifest)), *inner.items()])
        forged = {**members, "payload": payload}
        outer = json.loads(members["manifest.json"])
        target = HERE / kind / f"signed-payload-swapped{suffix}"
        target.write_bytes(
            raw_zip(
                [
                    ("manifest.json", manifest_for({"payload": payload}, outer)),
                    *((n, d) for n, d in forged.items() if n != "manifest.json"),
                ]
            )
        )
        case(
            f"{kind}/{target.name}",
            kind,
            "payload changed, manifest re-summed, old signature",
            "handtekening",
        )
        signature = json.loads(members["signature.json"])
        signature["signature"] = signature["signature"][::-1]
        broken = {**members, "signature.json": json.dumps(signature).encode()}
        target = HERE / kind / f"signed-signature-garbled{suffix}"
        target.write_bytes(raw_zip(list(broken.items())))
        case(f"{kind}/{target.name}", kind, "signature bytes reversed", "handtekening")
    source = HERE / "base" / "valid-sync-signed.json"
    if source.exists():
        document = json.loads(source.read_text("utf-8"))
        document["payload"] = document["payload"].replace('"sequence":1', '"sequence":2')
        (HERE / "sync" / "signed-payload-changed.json").write_text(json.dumps(document), "utf-8")
        case(
            "sync/signed-payload-changed.json",
            "sync",
            "payload changed after signing",
            "veranderd nadat het bestand werd ondertekend",
        )
