"""Hostile sync files (JSON) and questionnaire files (YAML), and the big-file recipes."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Any

from corpus_kinds import CONTROL, QUESTIONNAIRE
from corpus_lib import BIG, HERE, case


def sync_attacks(source: Path) -> None:
    """Sync files as NOV reads them with ``nov aggregate``."""
    out = HERE / "sync"
    valid: dict[str, Any] = json.loads(source.read_bytes())
    text = json.dumps(valid).encode("utf-8")  # spaced, so the byte edits below find their place

    def put(name: str, content: bytes, attack: str, *fragments: str) -> None:
        (out / f"{name}.json").write_bytes(content)
        case(f"sync/{name}.json", "sync", attack, *fragments)

    def changed(file: str, attack: str, fragment: str, **fields: Any) -> None:
        put(file, json.dumps({**valid, **fields}).encode(), attack, fragment)

    def entry(name: str, key: str, value: Any, fragment: str) -> None:
        organisations = [dict(valid["organisations"][0], **{key: value})]
        changed(name, f"organisations[0].{key} = {value!r}", fragment, organisations=organisations)

    put("truncated", text[: len(text) // 2], "file cut in half", "geen geldige JSON")
    put("empty", b"", "zero bytes", "geen geldige JSON")
    put("deep-nesting", b"[" * 200_000 + b"]" * 200_000, "200,000 nested arrays", "te diep")
    put("invalid-utf8", text.replace(b"{", b"{\xff", 1), "not UTF-8", "geen geldige JSON")
    put("json-array", b"[]", "array at the top", "JSON-object")
    put(
        "duplicate-key",
        text.replace(b"{", b'{"installation_id": "' + str(uuid.uuid4()).encode() + b'", ', 1),
        "installation_id twice: the first would be hidden",
        "twee keer",
    )
    put(
        "duplicate-key-entry",
        text.replace(b'"year": ', b'"year": 2001, "year": ', 1),
        "year twice inside one entry",
        "twee keer",
    )
    put("nan-sequence", text.replace(b'"sequence": 1', b'"sequence": NaN'), "NaN", "sequence")
    year = f'"year": {valid["organisations"][0]["year"]}'.encode()
    put("infinity-year", text.replace(year, b'"year": Infinity', 1), "Infinity", "jaar inf")
    changed("version-99", "format version 99", "versie 99", version=99)
    changed("version-text", "version as text", "versie '1'", version="1")
    changed("format-other", "another format name", "geen statistiekbestand", format="iets")
    changed("installation-not-uuid", "installation id", "geen UUID", installation_id="12345")
    changed("sequence-zero", "sequence 0", "sequence", sequence=0)
    changed("sequence-bool", "sequence true", "sequence", sequence=True)
    changed("created-future", "created in 2999", "niet tussen", created_at="2999-01-01T00:00:00Z")
    changed("created-garbage", "created_at garbage", "created_at", created_at="gisteren")
    changed(
        "personal-data",
        "a name rides along",
        "hoort niet in een statistiekbestand",
        name="Jan Jansen",
    )
    changed("kind-not-list", "organisations as an object", "lijst", organisations={})
    entry("org-id-not-uuid", "id", "org-1", "geen UUID")
    entry("org-year-text", "year", "2020", "jaar")
    entry("org-year-1900", "year", 1900, "jaar")
    entry("province-markup", "province", "<b>Utrecht</b>", "geen provincie")
    entry("province-control", "province", CONTROL, "geen provincie")
    entry("size-unknown", "size", "reusachtig", "size moet")
    twice = valid["organisations"] * 2
    changed("same-id-twice", "one id listed twice", "meer dan eens", organisations=twice)
    recipe("sync", "sync/big-string.recipe.json", "base/valid-sync.json", "te groot", "big.json")


def questionnaire_attacks() -> None:
    """Questionnaire files as an author checks them with ``questionnaire check``."""
    out = HERE / "questionnaire"
    text = QUESTIONNAIRE.read_text(encoding="utf-8")

    def put(name: str, content: str | bytes, attack: str, *fragments: str) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (out / f"{name}.yaml").write_bytes(data)
        case(f"questionnaire/{name}.yaml", "questionnaire", attack, *fragments)

    put("truncated", text[: len(text) // 3] + "\n  - id: [", "cut off mid-way", "geen geldige YAML")
    put("empty", "", "empty file", "blok met sleutels")
    put("deep-nesting", "id: " + "[" * 50_000 + "]" * 50_000 + "\n", "deep", "nesting depth")
    laughs = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 15):
        refs = ",".join([f"*a{level - 1}"] * 10)
        laughs.append(f"a{level}: &a{level} [{refs}]")
    put("billion-laughs", "\n".join(laughs) + "\ndescription: *a14\n", "alias bomb", "verwijzing")
    put("python-tag", "id: !!python/object/apply:os.system ['touch /tmp/pwned']\n", "tag", "YAML")
    put("invalid-utf8", text.encode("utf-8").replace(b"id:", b"id\xff:", 1), "not UTF-8", "lezen")
    put("nan-minimum", text.replace("minimum: 60", "minimum: .nan", 1), ".nan", "minimum")
    put("infinite-minimum", text.replace("minimum: 60", "minimum: .inf", 1), ".inf", "minimum")
    put("duplicate-key", text.replace("id: goed-geregeld", "id: a\nid: b", 1), "dup", "twee keer")
    put("wrong-type", text.replace("minimum: 60", "minimum: zestig", 1), "text", "getal")
    put("list-at-top", "- 1\n- 2\n", "list instead of a mapping", "blok met sleutels")
    first_id = "id: visie.1"
    put("duplicate-statement", text.replace("id: visie.2", first_id, 1), "same id", "visie.1")
    put(
        "control-title",
        text.replace("title:", f'title: "{CONTROL}"\nx_title:', 1),
        "ctl",
        "stuurteken (U+001B)",
    )
    recipe(
        "questionnaire",
        "questionnaire/big-string.recipe.json",
        "../../../questionnaires/goed-geregeld-2026.yaml",
        "te groot",
        "big.yaml",
    )


def recipe(kind: str, name: str, base: str, fragment: str, output: str, **extra: Any) -> None:
    """A small file that says how to build a 50 MB input at test time."""
    document = {"kind": kind, "base": base, "size": BIG, "output": output, **extra}
    (HERE / name).write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    case(name, kind, "50 MB string, built at test time from this recipe", fragment)
