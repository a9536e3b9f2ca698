"""Signed (and optionally locked) evaluation and review files: format version 2.

A version 2 file is a zip whose ``payload`` member holds the exact bytes of a version 1
file (or their AES-256-GCM ciphertext), beside ``manifest.json`` (version 2, with the
SHA-256 of ``payload`` and ``encryption.json``) and ``signature.json`` (installation id,
public key, and the Ed25519 signature over the exact bytes of ``manifest.json``).
Everything here is checked before the signature is verified or the payload is opened.
"""

from __future__ import annotations

import hashlib
import json
import uuid
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from goedgeregeld.exchange.container.archive import (
    MANIFEST,
    MAX_MANIFEST_BYTES,
    MAX_TOTAL_BYTES,
    ArchiveKind,
    Manifest,
    _check_layout,
    _read_bounded,
    archive_bytes,
    manifest_bytes,
    write_file_atomically,
    zip_bytes,
)
from goedgeregeld.exchange.container.encryption import (
    ENCRYPTION_MEMBER,
    MAX_HEADER_BYTES,
    EncryptionHeader,
    encrypt,
    parse_header,
)
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.jsonlimits import JsonProblemError, check_json, parse_model
from goedgeregeld.exchange.container.keys import InstallationKey
from goedgeregeld.exchange.container.signing import (
    SignatureError,
    Signer,
    decode_public_key,
    decode_signature,
    encode,
    sign,
)
from goedgeregeld.trust.identity import LinkFormatError, LinkStatement, parse_link

SIGNED_VERSION = 2
PAYLOAD_MEMBER = "payload"
SIGNATURE_MEMBER = "signature.json"
MAX_SIGNATURE_BYTES = 4096
SIGNATURE_KEYS = frozenset({"installation_id", "public_key", "signature"})
LINK_KEY = "link"
"""Optional in ``signature.json``: the link statement from the signer's old id (identity.md)."""
GCM_TAG_BYTES = 16


@dataclass(frozen=True)
class SignedFile:
    """A version 2 file whose structure and checksums passed; the signature is not yet checked."""

    path: Path
    kind: ArchiveKind
    signer: Signer
    signature: bytes
    manifest: bytes
    """The exact bytes of ``manifest.json``: what the signature covers."""
    payload: bytes
    encryption: EncryptionHeader | None


def associated_data(kind: ArchiveKind) -> bytes:
    """What AES-GCM binds the ciphertext to besides the key: the format and its version."""
    return f"{kind.format_name}/{SIGNED_VERSION}".encode("ascii")


def write_signed_archive(
    path: Path,
    kind: ArchiveKind,
    members: Mapping[str, bytes],
    key: InstallationKey,
    installation_id: str,
    passphrase: str | None = None,
    *,
    link: LinkStatement | None = None,
) -> None:
    """Write a version 2 file: the version 1 archive signed, and locked when a password is given.

    ``link`` (an installation that had a random id before) rides along in ``signature.json``.
    """
    inner = archive_bytes(kind, members)
    outer: dict[str, bytes] = {}
    if passphrase is not None:
        header, cipher = encrypt(inner, passphrase, associated_data(kind))
        outer[ENCRYPTION_MEMBER] = header.to_json_bytes()
        outer[PAYLOAD_MEMBER] = cipher
    else:
        outer[PAYLOAD_MEMBER] = inner
    manifest = manifest_bytes(kind.format_name, SIGNED_VERSION, outer)
    signature = sign(key, kind.format_name, installation_id, manifest)
    signed_by: dict[str, object] = {
        "installation_id": installation_id,
        "public_key": encode(key.public_key),
        "signature": encode(signature),
    }
    if link is not None:
        signed_by[LINK_KEY] = link.to_json()
    signature_json = json.dumps(
        signed_by,
        indent=1,
        sort_keys=True,
    ).encode("ascii")
    write_file_atomically(
        path, zip_bytes({MANIFEST: manifest, SIGNATURE_MEMBER: signature_json, **outer})
    )


def _claimed_version(raw: bytes) -> int | None:
    """The manifest's format version if it is a whole number, else None (left to version 1)."""
    try:
        check_json(raw, MAX_MANIFEST_BYTES)
        loose = json.loads(raw)
    except (JsonProblemError, ValueError):
        return None
    version = loose.get("format_version") if isinstance(loose, dict) else None
    if type(version) is not int:
        return None
    return version


def read_signed_file(path: Path, kinds: Mapping[str, ArchiveKind]) -> SignedFile | None:
    """Read a version 2 file completely, or None when the file does not claim version 2 or more.

    Files that are not zips, or claim version 1, are left to the version 1 reader, which
    names their problems as before.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in _check_layout(path, archive)}
            if MANIFEST not in infos:
                return None
            raw = _read_bounded(path, archive, infos[MANIFEST], MAX_MANIFEST_BYTES)
            version = _claimed_version(raw)
            if version is None or version < SIGNED_VERSION:
                return None
            return _read_checked(path, archive, infos, raw, kinds)
    except ExchangeFileError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, OSError):
        return None


def _manifest(
    path: Path, raw: bytes, kinds: Mapping[str, ArchiveKind]
) -> tuple[ArchiveKind, Manifest]:
    loose = json.loads(raw)
    kind = kinds.get(loose.get("format")) if isinstance(loose.get("format"), str) else None
    if kind is None:
        raise ExchangeFileError(path, f"onbekend soort bestand ('{str(loose.get('format'))[:64]}')")
    version = loose["format_version"]
    if version > SIGNED_VERSION:
        raise ExchangeFileError(
            path,
            f"formaatversie {version} is nieuwer dan deze app kent ({SIGNED_VERSION}); "
            "werk Goed Geregeld bij",
        )
    try:
        return kind, parse_model(Manifest, raw, MAX_MANIFEST_BYTES)
    except JsonProblemError as exc:
        raise ExchangeFileError(path, f"{MANIFEST}: {exc}") from None


def _signer(path: Path, raw: bytes) -> tuple[Signer, bytes]:
    try:
        check_json(raw, MAX_SIGNATURE_BYTES)
    except JsonProblemError as exc:
        raise SignatureError(path, f"de handtekening ({SIGNATURE_MEMBER}) {exc}") from None
    data = json.loads(raw)
    if not isinstance(data, dict) or data.keys() - {LINK_KEY} != SIGNATURE_KEYS:
        raise SignatureError(
            path, f"de handtekening ({SIGNATURE_MEMBER}) is beschadigd: velden ontbreken"
        )
    installation = data["installation_id"]
    try:
        valid_id = isinstance(installation, str) and str(uuid.UUID(installation)) == installation
    except ValueError:
        valid_id = False
    if not valid_id:
        raise SignatureError(path, "de handtekening noemt geen geldige installatie")
    public_key = decode_public_key(path, data["public_key"])
    signature = decode_signature(path, data["signature"])
    link = None
    if LINK_KEY in data:
        try:
            link = parse_link(data[LINK_KEY])
        except LinkFormatError as exc:
            raise SignatureError(path, str(exc)) from None
    return Signer(installation, public_key, link), signature


def _read_checked(
    path: Path,
    archive: zipfile.ZipFile,
    infos: dict[str, zipfile.ZipInfo],
    raw_manifest: bytes,
    kinds: Mapping[str, ArchiveKind],
) -> SignedFile:
    kind, manifest = _manifest(path, raw_manifest, kinds)
    present = set(infos) - {MANIFEST, SIGNATURE_MEMBER}
    allowed = {PAYLOAD_MEMBER, ENCRYPTION_MEMBER}
    for name in sorted(present | set(manifest.members)):
        if name not in allowed:
            raise ExchangeFileError(path, f"onverwacht onderdeel '{name}'")
        if name not in present or name not in manifest.members:
            raise ExchangeFileError(
                path, f"onderdeel '{name}' ontbreekt of staat niet in {MANIFEST}"
            )
    if PAYLOAD_MEMBER not in present:
        raise ExchangeFileError(path, f"onderdeel '{PAYLOAD_MEMBER}' ontbreekt")
    if SIGNATURE_MEMBER not in infos:
        raise SignatureError(
            path, "de handtekening ontbreekt (formaatversie 2 is altijd ondertekend)"
        )
    signer, signature = _signer(
        path, _read_bounded(path, archive, infos[SIGNATURE_MEMBER], MAX_SIGNATURE_BYTES)
    )
    header = None
    if ENCRYPTION_MEMBER in present:
        raw_header = _read_bounded(path, archive, infos[ENCRYPTION_MEMBER], MAX_HEADER_BYTES)
        header = parse_header(path, raw_header)
        _same_sum(path, manifest, ENCRYPTION_MEMBER, raw_header)
    payload = _read_bounded(path, archive, infos[PAYLOAD_MEMBER], MAX_TOTAL_BYTES + GCM_TAG_BYTES)
    _same_sum(path, manifest, PAYLOAD_MEMBER, payload)
    return SignedFile(path, kind, signer, signature, raw_manifest, payload, header)


def _same_sum(path: Path, manifest: Manifest, name: str, data: bytes) -> None:
    if hashlib.sha256(data).hexdigest() != manifest.members[name]:
        raise SignatureError(
            path,
            f"de inhoud ('{name}') is veranderd nadat het bestand werd ondertekend; "
            "vraag de afzender om een nieuw bestand",
        )
