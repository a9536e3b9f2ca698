"""A sync file decoded straight into typed structs: JSON syntax and field types in one pass.

NOV reads thousands of sync files at a time. Decoding with ``json`` and then checking each
field in Python costs about three times the decoding itself; msgspec checks the format,
version, every key, every type, UUID shapes, year and sequence bounds, provinces, size
classes and variants while it decodes, in compiled code. What a schema cannot say (a year
no later than the file's own, ids unique per kind, no key given twice) ``sync_read``
checks afterwards.

Anything this refuses goes to the strict reader, which finds the fault and names it in
Dutch, so this only decides *that* a file is fine, never *why* one is not.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal

import msgspec

from goedgeregeld.exchange.sync.format import (
    ADVISERS,
    EVALUATIONS_COMPLETED,
    FIRST_YEAR,
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_ENTRIES_PER_KIND,
    MAX_SEQUENCE,
    ORGANISATIONS,
    PROVINCE_SET,
    QUALITY_MARKS,
    SIZE_CLASSES,
    UUID_PATTERN,
    VARIANTS,
)

_Uuid = Annotated[str, msgspec.Meta(pattern=f"^{UUID_PATTERN.pattern}$")]
_Year = Annotated[int, msgspec.Meta(ge=FIRST_YEAR)]
# Built from the same tuples the strict reader checks against (sorted: a set has no order).
_Province: Any = Literal.__getitem__(tuple(sorted(PROVINCE_SET)))
_Size: Any = Literal.__getitem__(SIZE_CLASSES)
_Variant: Any = Literal.__getitem__(VARIANTS)


class _Entry(msgspec.Struct, forbid_unknown_fields=True, frozen=True, order=True, gc=False):
    """An entry of a sync file as NOV reads it.

    Every kind answers to the same four names, whatever its keys in the file are called:
    ``id``, ``year``, ``province`` (a region for advisers) and ``detail`` (size class or
    variant); a kind without one has None there. Ordered by id first.
    """


class Organisation(_Entry, frozen=True):
    """One entry of ``organisations``."""

    id: _Uuid
    year: _Year
    province: _Province | None
    detail: _Size = msgspec.field(name="size")


class EvaluationCompleted(_Entry, frozen=True):
    """One entry of ``evaluations_completed``."""

    id: _Uuid
    year: _Year
    detail: _Variant = msgspec.field(name="variant")
    province: ClassVar[None] = None


class Adviser(_Entry, frozen=True):
    """One entry of ``advisers``."""

    id: _Uuid
    year: _Year
    province: _Province | None = msgspec.field(name="region")
    detail: ClassVar[None] = None


class QualityMark(_Entry, frozen=True):
    """One entry of ``quality_marks``."""

    id: _Uuid = msgspec.field(name="evaluation_id")
    year: _Year
    province: ClassVar[None] = None
    detail: ClassVar[None] = None


SyncEntry = Organisation | EvaluationCompleted | Adviser | QualityMark


def make_entry(
    kind: str, identifier: str, year: int, province: str | None, detail: str | None
) -> SyncEntry:
    """The entry of ``kind`` with these values (already checked), as the decoder makes it."""
    if kind == ORGANISATIONS.name:
        return Organisation(identifier, year, province, detail)
    if kind == EVALUATIONS_COMPLETED.name:
        return EvaluationCompleted(identifier, year, detail)
    if kind == ADVISERS.name:
        return Adviser(identifier, year, province)
    if kind == QUALITY_MARKS.name:
        return QualityMark(identifier, year)
    raise ValueError(f"unknown kind of entry: {kind}")


def _kind_list(entry: type) -> Any:
    return Annotated[list[entry], msgspec.Meta(max_length=MAX_ENTRIES_PER_KIND)]  # type: ignore[valid-type]


class TypedSyncDocument(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """A version 1 sync file whose every field has the right type and range."""

    format: Literal[FORMAT_NAME]  # type: ignore[valid-type]
    version: Literal[FORMAT_VERSION]  # type: ignore[valid-type]
    installation_id: _Uuid
    sequence: Annotated[int, msgspec.Meta(ge=1, le=MAX_SEQUENCE)]
    created_at: Annotated[str, msgspec.Meta(max_length=40)]
    organisations: _kind_list(Organisation)  # type: ignore[valid-type]
    evaluations_completed: _kind_list(EvaluationCompleted)  # type: ignore[valid-type]
    advisers: _kind_list(Adviser)  # type: ignore[valid-type]
    quality_marks: _kind_list(QualityMark)  # type: ignore[valid-type]


TOP_LEVEL_PAIRS = len(TypedSyncDocument.__struct_fields__)
"""Key-value pairs of the document itself; each entry adds as many as its struct has fields."""
ORGANISATION_PAIRS = len(Organisation.__struct_fields__)
EVALUATION_PAIRS = len(EvaluationCompleted.__struct_fields__)
ADVISER_PAIRS = len(Adviser.__struct_fields__)
QUALITY_MARK_PAIRS = len(QualityMark.__struct_fields__)

_decode = msgspec.json.Decoder(TypedSyncDocument).decode


def decode_typed(data: bytes) -> TypedSyncDocument | None:
    """The typed document, or None when anything about ``data`` does not fit the schema.

    Types bound the depth: a list or object where a string or number belongs is refused
    at once, so deep nesting never recurses here.
    """
    try:
        document: TypedSyncDocument = _decode(data)
    except msgspec.DecodeError:  # ValidationError is a DecodeError too
        return None
    return document
