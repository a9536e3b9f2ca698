"""Zip archives with a manifest: written atomically, read with every size bounded.

Python 3.11.7's zipfile does not detect overlapping entries (the "zip bomb" fix came
later), so every member is read with an explicit byte limit, overlaps are checked
from the central directory, and declared sizes are never trusted.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from goedgeregeld import __version__
from goedgeregeld.base.atomic import write_bytes_atomically
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.jsonlimits import JsonProblemError, check_json, parse_model
from goedgeregeld.questionnaire.model import canonical_json
from goedgeregeld.store.clock import utc_now
from goedgeregeld.words.read_errors import read_reason

MANIFEST = "manifest.json"
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MANIFEST_BYTES = 512 * 1024
MAX_MEMBERS = 2000
_LOCAL_HEADER_SIZE = 30
_CHUNK = 1024 * 1024

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
MemberName = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class Manifest(BaseModel):
    """``manifest.json``: what the file is and the SHA-256 of every other member."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    format_version: Annotated[int, Field(ge=1)]
    app_version: Annotated[str, StringConstraints(max_length=64)]
    created_at: datetime
    members: Annotated[dict[MemberName, Sha256], Field(max_length=MAX_MEMBERS)]


@dataclass(frozen=True)
class ArchiveKind:
    """One kind of exchange file: its format name, version and allowed members.

    ``member_limit`` gives the byte limit of an allowed member name, or None for a
    name that does not belong in this kind of file.
    """

    format_name: str
    format_version: int
    label: str
    required_members: frozenset[str]
    member_limit: Callable[[str], int | None]


@dataclass(frozen=True)
class Archive:
    """A fully checked archive: its manifest and the bytes of every member."""

    path: Path
    manifest: Manifest
    members: dict[str, bytes]

    @property
    def digest(self) -> str:
        """SHA-256 over the member checksums: equal content gives an equal digest."""
        text = canonical_json({"format": self.manifest.format, "members": self.manifest.members})
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _bad_name(name: str) -> str | None:
    if "\\" in name:
        return f"onderdeel '{name}' bevat een backslash in de naam"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return f"onderdeel '{name}' heeft een absoluut pad"
    if ".." in name.split("/"):
        return f"onderdeel '{name}' verwijst met '..' buiten het bestand"
    if "\x00" in name or not name or name.endswith("/") or "//" in name:
        return f"onderdeel '{name}' heeft een ongeldige naam"
    return None


def _check_layout(path: Path, archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS + 1:
        raise ExchangeFileError(path, f"bevat te veel onderdelen (meer dan {MAX_MEMBERS})")
    seen: set[str] = set()
    for info in infos:
        problem = _bad_name(info.filename)
        if problem:
            raise ExchangeFileError(path, problem)
        if info.filename in seen:
            raise ExchangeFileError(path, f"onderdeel '{info.filename}' komt twee keer voor")
        seen.add(info.filename)
        if info.flag_bits & 0x1:
            raise ExchangeFileError(path, f"onderdeel '{info.filename}' is versleuteld")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ExchangeFileError(path, f"onderdeel '{info.filename}' is onbekend ingepakt")
    # Members must not share bytes: a crafted archive can point many entries at one
    # compressed stream and expand far beyond its own size.
    ordered = sorted(infos, key=lambda i: i.header_offset)
    ends = [i.header_offset for i in ordered[1:]] + [archive.start_dir]
    for info, limit in zip(ordered, ends, strict=True):
        minimum_end = (
            info.header_offset
            + _LOCAL_HEADER_SIZE
            + len(info.orig_filename.encode("utf-8"))
            + info.compress_size
        )
        if minimum_end > limit:
            raise ExchangeFileError(path, "onderdelen overlappen elkaar (mogelijk een zip-bom)")
    return infos


def _read_bounded(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(info) as member:
            while True:
                chunk = member.read(min(_CHUNK, limit + 1 - size))
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise ExchangeFileError(
                        path,
                        f"onderdeel '{info.filename}' is te groot (meer dan {limit // 1024} kB)",
                    )
                chunks.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError):
        raise ExchangeFileError(
            path, f"onderdeel '{info.filename}' is beschadigd; vraag om een nieuw bestand"
        ) from None
    if size != info.file_size:
        # zipfile stops quietly at the end of the data; a size that lies is a forged file.
        raise ExchangeFileError(
            path, f"onderdeel '{info.filename}' is beschadigd: de opgegeven grootte klopt niet"
        )
    return b"".join(chunks)


def _read_manifest(
    path: Path, raw: bytes, kinds: Mapping[str, ArchiveKind]
) -> tuple[ArchiveKind, Manifest]:
    try:
        check_json(raw, MAX_MANIFEST_BYTES)
        loose = json.loads(raw)
    except JsonProblemError as exc:
        raise ExchangeFileError(path, f"{MANIFEST} {exc}") from None
    if not isinstance(loose, dict) or not isinstance(loose.get("format"), str):
        raise ExchangeFileError(path, f"{MANIFEST} noemt geen formaat")
    kind = kinds.get(loose["format"])
    if kind is None:
        raise ExchangeFileError(path, f"onbekend soort bestand ('{loose['format'][:64]}')")
    version = loose.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeFileError(path, f"{MANIFEST} heeft geen geldige formaatversie")
    if version > kind.format_version:
        raise ExchangeFileError(
            path,
            f"formaatversie {version} is nieuwer dan deze app kent ({kind.format_version}); "
            "werk Goed Geregeld bij",
        )
    if version != kind.format_version:
        raise ExchangeFileError(path, f"onbekende formaatversie {version} van het {kind.label}")
    try:
        return kind, parse_model(Manifest, raw, MAX_MANIFEST_BYTES)
    except JsonProblemError as exc:
        raise ExchangeFileError(path, f"{MANIFEST}: {exc}") from None


def read_archive(path: Path, kinds: Mapping[str, ArchiveKind]) -> tuple[ArchiveKind, Archive]:
    """Open, check and read a whole exchange file; raises ExchangeFileError on any problem."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ExchangeFileError(path, "bestand niet gevonden") from None
    except OSError as exc:
        raise ExchangeFileError(path, f"bestand niet te lezen ({read_reason(exc)})") from None
    if size > MAX_ARCHIVE_BYTES:
        raise ExchangeFileError(path, "bestand is te groot")
    return read_archive_from(path, path, kinds)


def read_archive_from(
    path: Path, source: Path | IO[bytes], kinds: Mapping[str, ArchiveKind]
) -> tuple[ArchiveKind, Archive]:
    """Like ``read_archive``, from a file or bytes in memory (the payload of a signed file).

    ``path`` names the file in messages.
    """
    try:
        with zipfile.ZipFile(source) as archive:
            return _read_checked(path, archive, kinds)
    except ExchangeFileError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError):
        raise ExchangeFileError(
            path, "bestand is beschadigd of geen Goed Geregeld-bestand (geen geldig zip-archief)"
        ) from None
    except OSError as exc:
        raise ExchangeFileError(path, f"bestand niet te lezen ({read_reason(exc)})") from None


def _read_checked(
    path: Path, archive: zipfile.ZipFile, kinds: Mapping[str, ArchiveKind]
) -> tuple[ArchiveKind, Archive]:
    infos = {info.filename: info for info in _check_layout(path, archive)}
    if MANIFEST not in infos:
        raise ExchangeFileError(path, f"{MANIFEST} ontbreekt; dit is geen Goed Geregeld-bestand")
    kind, manifest = _read_manifest(
        path, _read_bounded(path, archive, infos[MANIFEST], MAX_MANIFEST_BYTES), kinds
    )
    present = set(infos) - {MANIFEST}
    listed = set(manifest.members)
    for name in sorted(listed | present):
        problem = _bad_name(name)
        if problem:
            raise ExchangeFileError(path, problem)
        if kind.member_limit(name) is None:
            raise ExchangeFileError(path, f"onverwacht onderdeel '{name}'")
    for name in sorted(kind.required_members | listed):
        if name not in present:
            raise ExchangeFileError(path, f"onderdeel '{name}' ontbreekt")
    for name in sorted(present - listed):
        raise ExchangeFileError(path, f"onverwacht onderdeel '{name}' (niet in {MANIFEST})")
    members: dict[str, bytes] = {}
    total = 0
    for name in sorted(present):
        limit = kind.member_limit(name) or 0
        content = _read_bounded(path, archive, infos[name], min(limit, MAX_TOTAL_BYTES - total))
        total += len(content)
        if hashlib.sha256(content).hexdigest() != manifest.members[name]:
            raise ExchangeFileError(
                path,
                f"controlegetal van '{name}' klopt niet: het bestand is veranderd of beschadigd",
            )
        members[name] = content
    return kind, Archive(path, manifest, members)


def manifest_bytes(format_name: str, format_version: int, members: Mapping[str, bytes]) -> bytes:
    """The exact bytes of ``manifest.json`` for these members."""
    manifest = Manifest(
        format=format_name,
        format_version=format_version,
        app_version=__version__,
        created_at=utc_now(),
        members={name: hashlib.sha256(data).hexdigest() for name, data in sorted(members.items())},
    )
    return json.dumps(
        manifest.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True
    ).encode("utf-8")


def zip_bytes(members: Mapping[str, bytes]) -> bytes:
    """A zip archive of ``members`` in the given order: JSON deflated, the rest stored."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            compression = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
            archive.writestr(name, data, compress_type=compression)
    return buffer.getvalue()


def archive_bytes(kind: ArchiveKind, members: Mapping[str, bytes]) -> bytes:
    """An exchange file (manifest first, members sorted) as bytes."""
    manifest = manifest_bytes(kind.format_name, kind.format_version, members)
    return zip_bytes({MANIFEST: manifest, **dict(sorted(members.items()))})


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write an exchange file whole or not at all (see ``goedgeregeld.base.atomic``)."""
    write_bytes_atomically(path, data)


def write_archive(path: Path, kind: ArchiveKind, members: Mapping[str, bytes]) -> None:
    """Write an unsigned exchange file atomically (format version 1)."""
    write_file_atomically(path, archive_bytes(kind, members))
