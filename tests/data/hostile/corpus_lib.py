"""Building blocks of the hostile corpus: valid base exports, raw zip crafting, big-file recipes."""

from __future__ import annotations

import base64
import hashlib
import json
import sqlite3
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
MANIFEST_FILE = HERE / "manifest.json"
BASE_DIR = HERE / "base"
ROWS_FILE = BASE_DIR / "organisation-rows.json"
BIG = 50 * 1024 * 1024


# -- the organisation's own database, as rows -------------------------------------------------
def dump_rows(database: Path) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table except Alembic's, by column name (bytes as base64)."""
    connection = sqlite3.connect(database)
    connection.row_factory = sqlite3.Row
    try:
        tables = [
            r[0]
            for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' ORDER BY name"
            )
        ]
        return {
            table: [
                {k: _plain(row[k]) for k in row.keys()}  # noqa: SIM118 - sqlite3.Row
                for row in connection.execute(f'SELECT * FROM "{table}"')
            ]
            for table in tables
        }
    finally:
        connection.close()


def _plain(value: Any) -> Any:
    return {"base64": base64.b64encode(value).decode()} if isinstance(value, bytes) else value


def load_rows(database: Path, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Insert dumped rows into a migrated database, by column name, parents first."""
    connection = sqlite3.connect(database)
    try:
        connection.execute("PRAGMA foreign_keys=OFF")
        with connection:
            for table, records in rows.items():
                for record in records:
                    columns = ", ".join(f'"{c}"' for c in record)
                    marks = ", ".join("?" for _ in record)
                    values = [
                        base64.b64decode(v["base64"]) if isinstance(v, dict) else v
                        for v in record.values()
                    ]
                    connection.execute(
                        f'INSERT INTO "{table}" ({columns}) VALUES ({marks})',  # noqa: S608
                        values,
                    )
    finally:
        connection.close()


# -- zip files written byte by byte ------------------------------------------------------------
def zip_entries(path: Path) -> list[tuple[str, bytes]]:
    """The members of a zip file in order."""
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def raw_zip(
    entries: list[tuple[str, bytes]],
    *,
    lie_size: dict[str, int] | None = None,
    flags: dict[str, int] | None = None,
    method: dict[str, int] | None = None,
    alias: dict[str, str] | None = None,
) -> bytes:
    """A zip archive built by hand so it can lie.

    ``lie_size`` declares another uncompressed size for a member, ``flags`` sets its
    general-purpose bits, ``method`` its compression method, and ``alias`` adds a central
    directory entry (new name -> existing name) that points at an existing member's bytes.
    """
    lie_size, flags, method = lie_size or {}, flags or {}, method or {}
    body = bytearray()
    central = bytearray()
    offsets: dict[str, tuple[int, bytes, int, int, int]] = {}
    count = 0
    for name, data in entries:
        encoded = name.encode("utf-8")
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = compressor.compress(data) + compressor.flush()
        kind = method.get(name, 8)
        crc = zlib.crc32(data)
        size = lie_size.get(name, len(data))
        bits = flags.get(name, 0) | 0x800
        offset = len(body)
        body += struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            bits,
            kind,
            0,
            0x5C21,
            crc,
            len(packed),
            size,
            len(encoded),
            0,
        )
        body += encoded + packed
        offsets[name] = (offset, packed, crc, size, kind)
        central += _central(encoded, bits, kind, crc, len(packed), size, offset)
        count += 1
    for new, existing in (alias or {}).items():
        offset, packed, crc, size, kind = offsets[existing]
        central += _central(new.encode("utf-8"), 0x800, kind, crc, len(packed), size, offset)
        count += 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(body), 0)
    return bytes(body + central + end)


def _central(
    encoded: bytes, bits: int, kind: int, crc: int, packed: int, size: int, offset: int
) -> bytes:
    return (
        struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            20,
            bits,
            kind,
            0,
            0x5C21,
            crc,
            packed,
            size,
            len(encoded),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        + encoded
    )


def manifest_for(members: dict[str, bytes], manifest: dict[str, Any]) -> bytes:
    """The manifest with fresh checksums for ``members``."""
    fixed = dict(manifest)
    fixed["members"] = {n: hashlib.sha256(d).hexdigest() for n, d in sorted(members.items())}
    return json.dumps(fixed, indent=2, sort_keys=True).encode("utf-8")


# -- big files built at test time from a small recipe ------------------------------------------
def build_from_recipe(recipe_path: Path, target_dir: Path) -> Path:
    """Turn a ``*.recipe.json`` into the (large) file it describes; returns its path."""
    recipe = json.loads(recipe_path.read_text(encoding="utf-8"))
    target = target_dir / recipe["output"]
    size = int(recipe["size"])
    if recipe["kind"] == "sync":
        text = (HERE / recipe["base"]).read_text(encoding="utf-8")
        head, tail = text.split('"created_at"', 1)
        target.write_text(f'{head}"padding": "{"A" * size}", "created_at"{tail}', encoding="utf-8")
        return target
    if recipe["kind"] == "questionnaire":
        text = (HERE / recipe["base"]).read_text(encoding="utf-8")
        target.write_text(
            text.replace("title:", f'title: "{"A" * size}"\nx_title:', 1), encoding="utf-8"
        )
        return target
    members = dict(zip_entries(HERE / recipe["base"]))
    manifest = json.loads(members.pop("manifest.json"))
    member = recipe["member"]
    data = json.loads(members[member])
    node = data
    for part in recipe["path"][:-1]:
        node = node[part]
    node[recipe["path"][-1]] = "A" * size
    members[member] = json.dumps(data).encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest_for(members, manifest))
        for name, content in members.items():
            archive.writestr(name, content)
    return target


# -- the manifest being built ------------------------------------------------------------------
cases: list[dict[str, Any]] = []


def case(name: str, kind: str, attack: str, *fragments: str, expect: str = "refused") -> None:
    """Record one manifest entry (the file itself is written by the caller)."""
    entry: dict[str, Any] = {"file": name, "kind": kind, "attack": attack, "expect": expect}
    entry["message" if expect == "refused" else "literal"] = list(fragments)
    cases.append(entry)
