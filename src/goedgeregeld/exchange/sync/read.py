"""Read and validate a sync file: size bounded before parsing, every field checked.

NOV reads thousands of these in one go, so the usual valid file takes a fast path: one
pass of typed decoding (``sync.format``) plus the few checks a schema cannot express.
Anything that path does not accept goes to the strict reader, which bounds the nesting
before it parses and then names the first fault in Dutch.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from operator import attrgetter
from pathlib import Path
from typing import Any

from goedgeregeld.base.outputs import input_problem, special_file_reason
from goedgeregeld.exchange.container.errors import printable
from goedgeregeld.exchange.sync.format import (
    ADVISER_PAIRS,
    ADVISERS,
    EVALUATION_PAIRS,
    EVALUATIONS_COMPLETED,
    FIRST_YEAR,
    FORMAT_NAME,
    FORMAT_VERSION,
    KINDS,
    MAX_DEPTH,
    MAX_ENTRIES_PER_KIND,
    MAX_FILE_BYTES,
    MAX_SEQUENCE,
    ORGANISATION_PAIRS,
    ORGANISATIONS,
    PROVINCE_SET,
    QUALITY_MARK_PAIRS,
    QUALITY_MARKS,
    SIGNED_SYNC_VERSION,
    TOP_LEVEL_KEYS,
    TOP_LEVEL_PAIRS,
    UUID_PATTERN,
    KindSpec,
    SyncEntry,
    SyncFile,
    SyncFileError,
    decode_typed,
    make_entry,
)
from goedgeregeld.words.read_errors import read_reason

_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"{}[]")
# The bracket skeleton of every well-formed sync file: {, then per kind [ {}* ], then }.
_VALID_SKELETON = re.compile(rb"\{(?:\[(?:\{\})*\])*\}|\{\{(?:\[(?:\{\})*\])*\}\}")
"""...or, for a signed file, the same skeleton inside its envelope's braces (in ``payload``)."""
_STRING_LITERAL = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_uuid_match = UUID_PATTERN.fullmatch
_KEYS = {spec.name: spec.keys for spec in KINDS}
_DETAILS = {spec.name: frozenset(spec.details) for spec in KINDS}
_FIRST_READ = 64 * 1024
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
_PAIRS_PER_ENTRY = (
    (ORGANISATIONS.name, ORGANISATION_PAIRS),
    (EVALUATIONS_COMPLETED.name, EVALUATION_PAIRS),
    (ADVISERS.name, ADVISER_PAIRS),
    (QUALITY_MARKS.name, QUALITY_MARK_PAIRS),
)
"""Each kind, and the key-value pairs one of its entries has (for the duplicate-key count)."""
_id_of = attrgetter("id")
_year_of = attrgetter("year")


def read_sync_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path``, refusing anything larger than a sync file can be.

    Plain descriptor calls rather than a file object: NOV reads thousands of small files,
    and the object layers cost more than the reading.
    """
    try:
        # O_NONBLOCK: opening a named pipe returns at once instead of waiting for a writer.
        descriptor = os.open(path, _READ_FLAGS | getattr(os, "O_NONBLOCK", 0))
        try:
            return _read_to_end(descriptor)
        finally:
            os.close(descriptor)
    except IsADirectoryError:
        raise SyncFileError("dat is een map, geen bestand") from None
    except OSError as exc:
        problem = input_problem(Path(path))
        raise SyncFileError(problem or f"bestand niet te lezen: {read_reason(exc)}") from None


def _read_to_end(descriptor: int) -> bytes:
    """Everything up to the end of the file, but never more than MAX_FILE_BYTES + 1 bytes.

    A sync file nearly always fits the first read, and a second, empty read says the end
    was reached. Only a file that fills the first read is measured, so one that is too
    large is refused after those first bytes, not read whole.
    """
    first = os.read(descriptor, _FIRST_READ)
    if len(first) in (0, _FIRST_READ):
        # Only an empty or a full first read needs a look at what was opened: a named pipe
        # without a writer reads as empty and a device never ends; a sync file is neither.
        info = os.fstat(descriptor)
        reason = special_file_reason(info.st_mode)
        if reason is not None:
            raise SyncFileError(f"{reason}; het is niet gelezen")
        if info.st_size > MAX_FILE_BYTES:
            raise SyncFileError(_too_large())
    parts = [first]
    size = len(first)
    while part := os.read(descriptor, min(_FIRST_READ, MAX_FILE_BYTES + 1 - size)):
        parts.append(part)
        size += len(part)
        if size > MAX_FILE_BYTES:
            raise SyncFileError(_too_large())
    return first if len(parts) == 1 else b"".join(parts)


def read_sync_file(path: str | os.PathLike[str]) -> SyncFile:
    """Read and validate one sync file; raises SyncFileError with the reason."""
    return parse_sync_bytes(read_sync_bytes(path))


def looks_like_sync_file(data: bytes) -> bool:
    """Cheap content sniffing for ``import``: does this claim to be a sync file?"""
    head = data[:512]
    return b'"format"' in head and FORMAT_NAME.encode() in head


def _too_large() -> str:
    return f"bestand is te groot (meer dan {MAX_FILE_BYTES // (1024 * 1024)} MB)"


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object, refusing a key given twice (the last one would silently win)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        raise SyncFileError("een sleutel komt twee keer voor in hetzelfde object")
    return result


def _check_nesting(data: bytes) -> None:
    if _VALID_SKELETON.fullmatch(data.translate(None, _NOT_BRACKETS)):
        return
    # Not the usual shape: count again without string contents, which may hold brackets.
    depth = 0
    for byte in _STRING_LITERAL.sub(b"", data).translate(None, _NOT_BRACKETS):
        if byte in b"{[":
            depth += 1
            if depth > MAX_DEPTH:
                raise SyncFileError(f"te diep genest (meer dan {MAX_DEPTH} niveaus)")
        else:
            depth -= 1


def _parse_signed(document: dict[str, Any]) -> SyncFile:
    """A version 2 file: verify the signature, then read the payload as a version 1 file."""
    from goedgeregeld.exchange.sync.signed import open_signed_sync

    payload, signer = open_signed_sync(document)
    inner = parse_sync_bytes(payload, signed=True)
    if inner.installation_id != signer.installation_id:
        raise SyncFileError(
            "ondertekend statistiekbestand (versie 2): de inhoud noemt een andere installatie "
            "dan de handtekening"
        )
    return inner._replace(public_key=signer.public_key, link=signer.link)


def parse_sync_bytes(data: bytes, *, signed: bool = False) -> SyncFile:
    """Validate the bytes of a sync file; nothing is parsed before the size passes.

    The typed decoder cannot recurse deeper than its types; the strict reader checks the
    depth before it parses. ``signed`` is set for the payload of a version 2 file, which
    must be version 1.
    """
    if len(data) > MAX_FILE_BYTES:
        raise SyncFileError(_too_large())
    quick = _parse_typed_valid(data)
    if quick is not None:
        return quick
    return _parse_strict(data, signed=signed)


def _not_json(data: bytes) -> str:
    """Why bytes that do not parse are refused: another kind of file, or a broken one."""
    start = data.removeprefix(b"\xef\xbb\xbf").lstrip()[:1]
    if start and start not in b"{[":
        # A note, a PDF or a spreadsheet in NOV's folder is not "broken JSON" to its reader.
        return "geen statistiekbestand: de inhoud is geen JSON (een ander soort bestand?)"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        # Goed Geregeld writes UTF-8 only: another program saved it in another encoding.
        return (
            "geen geldige tekst: het bestand is niet in UTF-8 "
            "(door een ander programma opgeslagen?)"
        )
    return "geen geldige JSON (afgebroken of beschadigd bestand?)"


def _parse_strict(data: bytes, *, signed: bool) -> SyncFile:
    """Every check one by one, so the first fault is named; any file, any version."""
    _check_nesting(data)
    try:
        document = json.loads(data, object_pairs_hook=_unique_keys)
    except SyncFileError:
        raise
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SyncFileError(_not_json(data)) from None
    if type(document) is not dict:
        raise SyncFileError("geen statistiekbestand: verwacht een JSON-object")
    if document.get("format") != FORMAT_NAME:
        raise SyncFileError(f"geen statistiekbestand: 'format' is niet '{FORMAT_NAME}'")
    version = document.get("version")
    if version == SIGNED_SYNC_VERSION and type(version) is int and not signed:
        return _parse_signed(document)
    return _version_one(document, data)


def _parse_typed_valid(data: bytes) -> SyncFile | None:
    """The common case, a valid version 1 file, decoded and type-checked in one pass.

    Returns None for anything else, and the caller then takes the strict path, which
    finds the same first fault in the same order. The typed decoder keeps the last of
    two equal keys, so duplicates are ruled out by counting: in a file without escapes,
    every key-value pair puts one ``:`` outside the strings, and of the strings that
    survive validation only ``created_at`` can hold one. So the file has exactly as many
    colons as the validated document has keys plus those in ``created_at`` only if no
    key was given twice (a duplicate adds a pair that the document does not show).
    """
    if b"\\" in data:
        return None
    document = decode_typed(data)
    if document is None:
        return None
    try:
        created_at = _created_at(document.created_at)
    except SyncFileError:
        return None
    last_year = created_at.year
    pairs = TOP_LEVEL_PAIRS + document.created_at.count(":")
    entries: dict[str, tuple[SyncEntry, ...]] = {}
    for kind, pairs_per_entry in _PAIRS_PER_ENTRY:
        rows = tuple(getattr(document, kind))
        # Most files hold one or two kinds: an empty one needs no check.
        if rows:
            if not _rows_fit(rows, last_year):
                return None
            pairs += pairs_per_entry * len(rows)
        entries[kind] = rows
    if data.count(b":") != pairs:
        return None
    return SyncFile(
        document.installation_id,
        document.sequence,
        created_at,
        entries,
        hashlib.sha256(data).hexdigest(),
    )


def _rows_fit(rows: tuple[SyncEntry, ...], last_year: int) -> bool:
    """No year after the file's own, and no id twice (what the typed decoder cannot say)."""
    if len(rows) == 1:
        return rows[0].year <= last_year
    if max(map(_year_of, rows)) > last_year:
        return False
    return len(set(map(_id_of, rows))) == len(rows)


def _version_one(document: dict[str, Any], data: bytes) -> SyncFile:
    """Check every field of a parsed version 1 document (format already checked)."""
    version = document.get("version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise SyncFileError(
            f"versie {version!r} wordt niet ondersteund "
            f"(deze app leest versie {FORMAT_VERSION} en {SIGNED_SYNC_VERSION})"
        )
    if document.keys() != TOP_LEVEL_KEYS:
        extra = sorted(document.keys() - TOP_LEVEL_KEYS)
        missing = sorted(TOP_LEVEL_KEYS - document.keys())
        raise SyncFileError(_fields_problem("het bestand", extra, missing))
    installation_id = document["installation_id"]
    if type(installation_id) is not str or not _uuid_match(installation_id):
        raise SyncFileError("installation_id is geen UUID")
    sequence = document["sequence"]
    if type(sequence) is not int or not 1 <= sequence <= MAX_SEQUENCE:
        raise SyncFileError("sequence moet een geheel getal van 1 of meer zijn")
    created_at = _created_at(document["created_at"])
    last_year = created_at.year
    entries = {
        spec.name: _entries(spec, raw, last_year) if (raw := document[spec.name]) != [] else ()
        for spec in KINDS
    }
    return SyncFile(
        installation_id, sequence, created_at, entries, hashlib.sha256(data).hexdigest()
    )


_EARLIEST = datetime(FIRST_YEAR, 1, 1)
_latest_cache: list[Any] = [-1e9, _EARLIEST]


def _latest_allowed() -> datetime:
    """Now plus a day of clock slack; read from the clock at most once a second."""
    tick = time.monotonic()
    if tick - _latest_cache[0] > 1.0:
        _latest_cache[:] = [tick, datetime.now(UTC).replace(tzinfo=None) + timedelta(days=1)]
    latest: datetime = _latest_cache[1]
    return latest


def _created_at(value: Any) -> datetime:
    if type(value) is not str or len(value) > 40 or not value.endswith("Z"):
        raise SyncFileError("created_at moet een UTC-tijdstip zijn zoals 2026-01-31T12:00:00Z")
    try:
        moment = datetime.fromisoformat(value[:-1])
    except ValueError:
        raise SyncFileError(f"created_at '{value}' is geen geldig tijdstip") from None
    if moment.tzinfo is not None:
        raise SyncFileError("created_at moet in UTC zijn, zonder tijdzone")
    if not _EARLIEST <= moment <= _latest_allowed():
        raise SyncFileError(f"created_at '{value}' ligt niet tussen {FIRST_YEAR} en nu")
    return moment


def _listed(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in sorted(names))


def _fields_problem(where: str, extra: list[str], missing: list[str]) -> str:
    """Which fields are too many or missing, in words; an extra field may be personal data."""
    if extra:
        shown = _listed(printable(str(name))[:40] for name in extra[:3])
        return (
            f"{where} bevat {'het veld' if len(extra) == 1 else 'de velden'} {shown}; dat hoort "
            "niet in een statistiekbestand, dat alleen codes, jaren, provincies en soorten bevat"
        )
    return f"{where} mist {'het veld' if len(missing) == 1 else 'de velden'} {_listed(missing)}"


def _shortened(value: Any) -> str:
    """A value from a file, short enough for a message; what is cut off is marked."""
    text = printable(str(value))
    return text if len(text) <= 12 else text[:12] + "…"


def _entries(spec: KindSpec, raw: Any, last_year: int) -> tuple[SyncEntry, ...]:
    """Validate one kind's list; ids unique, years between FIRST_YEAR and the file's year."""
    if type(raw) is not list:
        raise SyncFileError(f"{spec.name} moet een lijst zijn")
    if len(raw) > MAX_ENTRIES_PER_KIND:
        raise SyncFileError(f"{spec.name} heeft te veel regels")
    keys, details = _KEYS[spec.name], _DETAILS[spec.name]
    id_key, province_key, detail_key = spec.id_key, spec.province_key, spec.detail_key
    result: list[SyncEntry] = []
    kind = spec.name
    for item in raw:
        if type(item) is not dict:
            raise SyncFileError(
                f"{spec.name}: elke regel moet velden hebben, zoals {_listed(keys)}"
            )
        if item.keys() != keys:
            raise SyncFileError(
                _fields_problem(
                    f"{spec.name}: een regel",
                    sorted(item.keys() - keys),
                    sorted(keys - item.keys()),
                )
            )
        identifier = item[id_key]
        if type(identifier) is not str or not _uuid_match(identifier):
            raise SyncFileError(f"{spec.name}: '{str(identifier)[:40]}' is geen UUID")
        year = item["year"]
        if type(year) is not int or not FIRST_YEAR <= year <= last_year:
            raise SyncFileError(
                f"{spec.name}: jaar {_shortened(year)} ligt niet tussen {FIRST_YEAR} en {last_year}"
            )
        province = None
        if province_key is not None:
            province = item[province_key]
            # Only scalars get here (the depth check refused anything nested), so `in` is safe.
            if province is not None and province not in PROVINCE_SET:
                raise SyncFileError(f"{spec.name}: '{str(province)[:40]}' is geen provincie")
        detail = None
        if detail_key is not None:
            detail = item[detail_key]
            if detail not in details:
                raise SyncFileError(
                    f"{spec.name}: {detail_key} moet een van {list(spec.details)} zijn"
                )
        result.append(make_entry(kind, identifier, year, province, detail))
    if len({entry.id for entry in result}) != len(result):
        raise SyncFileError(f"{spec.name}: dezelfde id staat er meer dan eens in")
    return tuple(result)
