"""The sync file format: pseudonymous ids with coarse attributes, shared by export and import.

A sync file is one JSON object::

    {"format": "goedgeregeld-sync", "version": 1,
     "installation_id": UUID, "sequence": 3, "created_at": "2026-11-27T10:00:00Z",
     "organisations":         [{"id": UUID, "year": 2020, "province": "Utrecht", "size": "klein"}],
     "evaluations_completed": [{"id": UUID, "year": 2021, "variant": "small"}],
     "advisers":              [{"id": UUID, "year": 2020, "region": "Utrecht"}],
     "quality_marks":         [{"evaluation_id": UUID, "year": 2022}]}

Only random UUIDs, years, a province (or null), a size class and a variant: no names,
e-mail addresses, places below province, notes or other free text. Every key is
fixed, so nothing else can ride along.

Size class (``size``), from the number of volunteers in the organisation profile:
``klein`` fewer than 25, ``middel`` 25 to 99, ``groot`` 100 or more, ``onbekend`` when
the profile does not say.

NOV reads thousands of sync files at a time, so the entries and the document are msgspec
structs: decoding checks the format, version, every key, every type, UUID shapes, year and
sequence bounds, provinces, size classes and variants in one pass, in compiled code (about a
third of decoding with ``json`` and checking each field in Python). What a schema cannot say
(a year no later than the file's own, ids unique per kind, no key given twice) the reader in
``sync.read`` checks afterwards; anything the typed decoder refuses goes to the strict reader
there, which finds the fault and names it in Dutch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal, NamedTuple

import msgspec

from goedgeregeld.base.provinces import PROVINCES
from goedgeregeld.trust.identity import LinkStatement

FORMAT_NAME = "goedgeregeld-sync"
FORMAT_VERSION = 1
SIGNED_SYNC_VERSION = 2
"""A signed envelope around a version 1 document (see ``sync.signed``)."""
FILE_SUFFIX = ".json"

MAX_FILE_BYTES = 16 * 1024 * 1024
"""About 150,000 entries: far beyond any installation, small enough to read safely."""
MAX_DEPTH = 3
"""Root object, a list per kind, an object per entry."""
MAX_ENTRIES_PER_KIND = 200_000
MAX_SEQUENCE = 2**31 - 1
FIRST_YEAR = 2000
"""Goed Geregeld is younger than this; an earlier year is a broken clock or a forgery."""

SIZE_CLASSES = ("klein", "middel", "groot", "onbekend")
VARIANTS = ("full", "small")
UNKNOWN_PROVINCE = "onbekend"

UUID_PATTERN = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

Entry = tuple[str, int, str | None, str | None]
"""(id, year, province or None, detail or None): the one shape every kind is stored in."""


@dataclass(frozen=True)
class KindSpec:
    """How one kind of id is written in a sync file."""

    name: str
    id_key: str
    province_key: str | None
    detail_key: str | None
    details: tuple[str, ...]

    @property
    def keys(self) -> frozenset[str]:
        """Exactly the keys an entry of this kind has."""
        return frozenset(
            k for k in (self.id_key, "year", self.province_key, self.detail_key) if k is not None
        )

    def to_json(self, entry: Entry) -> dict[str, object]:
        """The JSON object for one entry."""
        data: dict[str, object] = {self.id_key: entry[0], "year": entry[1]}
        if self.province_key is not None:
            data[self.province_key] = entry[2]
        if self.detail_key is not None:
            data[self.detail_key] = entry[3]
        return data


ORGANISATIONS = KindSpec("organisations", "id", "province", "size", SIZE_CLASSES)
EVALUATIONS_COMPLETED = KindSpec("evaluations_completed", "id", None, "variant", VARIANTS)
ADVISERS = KindSpec("advisers", "id", "region", None, ())
QUALITY_MARKS = KindSpec("quality_marks", "evaluation_id", None, None, ())
KINDS: tuple[KindSpec, ...] = (ORGANISATIONS, EVALUATIONS_COMPLETED, ADVISERS, QUALITY_MARKS)
KIND_NAMES = tuple(k.name for k in KINDS)
HEADER_KEYS = ("format", "version", "installation_id", "sequence", "created_at")
TOP_LEVEL_KEYS = frozenset((*HEADER_KEYS, *KIND_NAMES))
PROVINCE_SET = frozenset(PROVINCES)


def size_class(volunteers: int | None) -> str:
    """The coarse size class of an organisation with this many volunteers."""
    if volunteers is None:
        return "onbekend"
    if volunteers < 25:
        return "klein"
    if volunteers < 100:
        return "middel"
    return "groot"


# -- the entries and the document as the typed decoder makes them ---------------------------

_Uuid = Annotated[str, msgspec.Meta(pattern=f"^{UUID_PATTERN.pattern}$")]
_Year = Annotated[int, msgspec.Meta(ge=FIRST_YEAR)]
# Built from the same tuples the strict reader checks against (sorted: a set has no order).
_Province: Any = Literal.__getitem__(tuple(sorted(PROVINCE_SET)))
_Size: Any = Literal.__getitem__(SIZE_CLASSES)
_Variant: Any = Literal.__getitem__(VARIANTS)


class _EntryStruct(msgspec.Struct, forbid_unknown_fields=True, frozen=True, order=True, gc=False):
    """An entry of a sync file as NOV reads it.

    Every kind answers to the same four names, whatever its keys in the file are called:
    ``id``, ``year``, ``province`` (a region for advisers) and ``detail`` (size class or
    variant); a kind without one has None there. Ordered by id first.
    """


class OrganisationEntry(_EntryStruct, frozen=True):
    """One entry of ``organisations``."""

    id: _Uuid
    year: _Year
    province: _Province | None
    detail: _Size = msgspec.field(name="size")


class EvaluationCompletedEntry(_EntryStruct, frozen=True):
    """One entry of ``evaluations_completed``."""

    id: _Uuid
    year: _Year
    detail: _Variant = msgspec.field(name="variant")
    province: ClassVar[None] = None


class AdviserEntry(_EntryStruct, frozen=True):
    """One entry of ``advisers``."""

    id: _Uuid
    year: _Year
    province: _Province | None = msgspec.field(name="region")
    detail: ClassVar[None] = None


class QualityMarkEntry(_EntryStruct, frozen=True):
    """One entry of ``quality_marks``."""

    id: _Uuid = msgspec.field(name="evaluation_id")
    year: _Year
    province: ClassVar[None] = None
    detail: ClassVar[None] = None


SyncEntry = OrganisationEntry | EvaluationCompletedEntry | AdviserEntry | QualityMarkEntry


def make_entry(
    kind: str, identifier: str, year: int, province: str | None, detail: str | None
) -> SyncEntry:
    """The entry of ``kind`` with these values (already checked), as the decoder makes it."""
    if kind == ORGANISATIONS.name:
        return OrganisationEntry(identifier, year, province, detail)
    if kind == EVALUATIONS_COMPLETED.name:
        return EvaluationCompletedEntry(identifier, year, detail)
    if kind == ADVISERS.name:
        return AdviserEntry(identifier, year, province)
    if kind == QUALITY_MARKS.name:
        return QualityMarkEntry(identifier, year)
    raise ValueError(f"unknown kind of entry: {kind}")


class SyncFile(NamedTuple):
    """One validated sync file; ``entries`` maps each kind name to its entries.

    A named tuple rather than a frozen dataclass: NOV makes one per file, thousands per
    run, and a tuple is built in a third of the time.
    """

    installation_id: str
    sequence: int
    created_at: datetime
    entries: dict[str, tuple[SyncEntry, ...]]
    """Per kind name, its entries as read (each kind's id, year, province and detail)."""
    digest: str
    """SHA-256 of the file's bytes (of a signed file: of its payload): read twice, seen once."""
    public_key: bytes | None = None
    """The signer's Ed25519 key (verified), or None for an unsigned version 1 file."""
    link: LinkStatement | None = None
    """A signed file's link from the signer's older id (checked by NOV's trust step)."""

    def entry_count(self) -> int:
        """How many entries the file holds over all kinds."""
        return sum(len(v) for v in self.entries.values())


class SyncFileError(ValueError):
    """A file that is not a valid sync file; ``str()`` is the Dutch reason."""


def format_timestamp(moment: datetime) -> str:
    """UTC timestamp as written in sync files, to the second."""
    return moment.replace(microsecond=0).isoformat() + "Z"


def _kind_list(entry: type) -> Any:
    return Annotated[list[entry], msgspec.Meta(max_length=MAX_ENTRIES_PER_KIND)]  # type: ignore[valid-type]


class TypedSyncDocument(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """A version 1 sync file whose every field has the right type and range."""

    format: Literal[FORMAT_NAME]  # type: ignore[valid-type]
    version: Literal[FORMAT_VERSION]  # type: ignore[valid-type]
    installation_id: _Uuid
    sequence: Annotated[int, msgspec.Meta(ge=1, le=MAX_SEQUENCE)]
    created_at: Annotated[str, msgspec.Meta(max_length=40)]
    organisations: _kind_list(OrganisationEntry)  # type: ignore[valid-type]
    evaluations_completed: _kind_list(EvaluationCompletedEntry)  # type: ignore[valid-type]
    advisers: _kind_list(AdviserEntry)  # type: ignore[valid-type]
    quality_marks: _kind_list(QualityMarkEntry)  # type: ignore[valid-type]


TOP_LEVEL_PAIRS = len(TypedSyncDocument.__struct_fields__)
"""Key-value pairs of the document itself; each entry adds as many as its struct has fields."""
ORGANISATION_PAIRS = len(OrganisationEntry.__struct_fields__)
EVALUATION_PAIRS = len(EvaluationCompletedEntry.__struct_fields__)
ADVISER_PAIRS = len(AdviserEntry.__struct_fields__)
QUALITY_MARK_PAIRS = len(QualityMarkEntry.__struct_fields__)

_decode = msgspec.json.Decoder(TypedSyncDocument).decode


def decode_typed(data: bytes) -> TypedSyncDocument | None:
    """The typed document, or None when anything about ``data`` does not fit the schema.

    Types bound the depth: a list or object where a string or number belongs is refused
    at once, so deep nesting never recurses here.
    """
    try:
        document: TypedSyncDocument = _decode(data)
    except (msgspec.DecodeError, UnicodeDecodeError):  # ValidationError is a DecodeError too
        # msgspec decodes an object key that is not UTF-8 with Python's codec (found by fuzzing)
        return None
    return document
