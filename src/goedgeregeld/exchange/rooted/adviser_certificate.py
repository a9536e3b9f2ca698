"""The adviser's certificate request and NOV's adviser certificate (docs/formats/adviser-certificate.md).

A request is signed by the adviser installation's own key (it proves the adviser holds the
key it names); the certificate is signed by NOV's root and says: this key belongs to an
adviser of the network, with this name and region, from ``issued_on`` to ``valid_until``.
"""

from __future__ import annotations

import base64
import secrets
from datetime import date
from pathlib import Path

from pydantic import ValidationError, model_validator

from goedgeregeld.exchange.container.jsonlimits import describe_validation
from goedgeregeld.exchange.container.keys import InstallationKey, load_installation_key
from goedgeregeld.exchange.container.moments import Day
from goedgeregeld.exchange.container.text_fields import AdviserName, AdviserRegion
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.exchange.rooted.document import (
    DocumentError,
    canonical,
    document_bytes,
    read_document,
)
from goedgeregeld.exchange.rooted.fields import (
    CertificateNumber,
    Fingerprint,
    PublicKeyText,
    Strict,
)
from goedgeregeld.exchange.rooted.kind import RootDocumentKind, VerifiedDocument
from goedgeregeld.exchange.rooted.verify import check_signed_by
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.root_trust import CertificateRecord, record_adviser_certificate
from goedgeregeld.trust.fingerprints import fingerprint
from goedgeregeld.trust.revocations import KnownRevocations

REQUEST_FORMAT = "goedgeregeld-certificaataanvraag"
CERTIFICATE_FORMAT = "goedgeregeld-adviseurscertificaat"
CERTIFICATE_PREFIX = "ADV"
DEFAULT_YEARS = 2


class _AdviserKey(Strict):
    name: AdviserName
    region: AdviserRegion | None
    public_key: PublicKeyText
    fingerprint: Fingerprint

    @model_validator(mode="after")
    def _fingerprint_matches(self) -> _AdviserKey:
        if fingerprint(base64.b64decode(self.public_key)) != self.fingerprint:
            raise ValueError("de vingerafdruk past niet bij de sleutel")
        return self

    @property
    def raw_key(self) -> bytes:
        """The adviser's raw public key."""
        return base64.b64decode(self.public_key)


class CertificateRequest(_AdviserKey):
    """What an adviser asks NOV to certify."""

    requested_on: Day


class AdviserCertificate(_AdviserKey):
    """NOV's statement that this key is an adviser of the network."""

    number: CertificateNumber
    issued_on: Day
    valid_until: Day


def request_document(
    name: str, region: str | None, key: InstallationKey, today: date
) -> dict[str, object]:
    """The content of a certificate request for this installation's key."""
    return {
        "name": name,
        "region": region,
        "public_key": base64.b64encode(key.public_key).decode("ascii"),
        "fingerprint": key.fingerprint,
        "requested_on": today.isoformat(),
    }


def request_bytes(name: str, region: str | None, key: InstallationKey, today: date) -> bytes:
    """A request file, signed by the key it names."""
    return document_bytes(REQUEST_FORMAT, request_document(name, region, key, today), key)


def read_request(path: Path) -> CertificateRequest:
    """A request whose signature holds for the key it names, or DocumentError saying why not."""
    signed = read_document(path)
    if signed.format_name != REQUEST_FORMAT:
        raise DocumentError(path, "dit is geen certificaataanvraag van een adviseur")
    try:
        request = CertificateRequest.model_validate_json(canonical(signed.document), strict=True)
    except ValidationError as exc:
        raise DocumentError(path, f"certificaataanvraag: {describe_validation(exc)}") from None
    check_signed_by(signed, request.raw_key, "de sleutel die de aanvraag noemt")
    return request


def certificate_document(
    request: CertificateRequest, issued_on: date, valid_until: date
) -> dict[str, object]:
    """The content of the certificate NOV signs for ``request``."""
    number = f"{CERTIFICATE_PREFIX}-{issued_on.year}-{secrets.token_hex(4).upper()}"
    return {
        "number": number,
        "name": request.name,
        "region": request.region,
        "public_key": request.public_key,
        "fingerprint": request.fingerprint,
        "issued_on": issued_on.isoformat(),
        "valid_until": valid_until.isoformat(),
    }


def default_valid_until(issued_on: date) -> date:
    """Two years on, the day before (Feb 29 becomes Feb 28)."""
    try:
        later = issued_on.replace(year=issued_on.year + DEFAULT_YEARS)
    except ValueError:
        later = issued_on.replace(year=issued_on.year + DEFAULT_YEARS, day=28)
    return date.fromordinal(later.toordinal() - 1)


def certificate_problem(
    certificate: AdviserCertificate, revocations: KnownRevocations, today: date
) -> str | None:
    """Why this certificate does not hold today, or None."""
    if revocations.adviser_revoked(certificate.fingerprint):
        return f"NOV heeft adviseur {certificate.name} uit het netwerk gehaald (ingetrokken)"
    if revocations.certificate_revoked(certificate.number):
        return f"NOV heeft adviseurscertificaat {certificate.number} ingetrokken"
    if today < certificate.issued_on:
        return f"dit adviseurscertificaat geldt pas vanaf {certificate.issued_on:%d-%m-%Y}"
    if today > certificate.valid_until:
        return f"dit adviseurscertificaat is verlopen op {certificate.valid_until:%d-%m-%Y}"
    return None


def describe(certificate: AdviserCertificate) -> str:
    """One Dutch line: what the certificate says."""
    region = f" ({certificate.region})" if certificate.region else ""
    return (
        f"adviseurscertificaat {certificate.number} van {certificate.name}{region}, "
        f"geldig tot en met {certificate.valid_until:%d-%m-%Y}, "
        f"sleutel {certificate.fingerprint}"
    )


def import_adviser_certificate(db: Database, verified: VerifiedDocument) -> ImportOutcome:
    """The adviser keeps a certificate that verified and names this installation's own key."""
    certificate: AdviserCertificate = verified.body
    own = load_installation_key(db.path.parent)
    assert own is not None
    if certificate.raw_key != own.public_key:
        raise DocumentError(
            verified.path,
            f"dit adviseurscertificaat hoort bij een andere sleutel ({certificate.fingerprint}); "
            f"deze installatie heeft sleutel {own.fingerprint}; niets veranderd",
        )
    status = record_adviser_certificate(
        db,
        CertificateRecord(
            certificate.number,
            certificate.fingerprint,
            certificate.name,
            certificate.region,
            certificate.issued_on,
            certificate.valid_until,
            verified.signed.file_text(),
        ),
    )
    name = verified.path.name
    if status is ImportStatus.UNCHANGED:
        message = f"{name}: dit adviseurscertificaat is al ingelezen; niets veranderd"
    else:
        message = f"{name}: {describe(certificate)} ingelezen"
    return ImportOutcome(verified.path, status, message, "adviser_certificate")


CERTIFICATE_KIND = RootDocumentKind(
    format_name=CERTIFICATE_FORMAT,
    label="adviseurscertificaat",
    model=AdviserCertificate,
    still_valid=certificate_problem,
    describe=describe,
    importer=import_adviser_certificate,
)


def write_request(db: Database, path: Path) -> str:
    """The registered adviser's certificate request, signed by this installation's key."""
    from goedgeregeld.base.outputs import check_output
    from goedgeregeld.exchange.container.archive import write_file_atomically
    from goedgeregeld.store.advisers import current_adviser
    from goedgeregeld.store.errors import StoreError

    check_output(path)
    adviser = current_adviser(db)
    if adviser is None:
        raise StoreError("nog geen adviseur geregistreerd; gebruik: adviser register --name NAAM")
    key = load_installation_key(db.path.parent)
    assert key is not None
    write_file_atomically(path, request_bytes(adviser.name, adviser.region, key, date.today()))
    return key.fingerprint


def certify_request(
    db: Database,
    key: InstallationKey,
    request_path: Path,
    path: Path,
    valid_until: date | None,
) -> AdviserCertificate:
    """NOV: check a request (signed by the key it names, not withdrawn), then certify it."""
    from goedgeregeld.exchange.container.archive import write_file_atomically
    from goedgeregeld.store.errors import StoreError
    from goedgeregeld.store.root_trust import known_revocations

    request = read_request(request_path)
    today = date.today()
    until = valid_until or default_valid_until(today)
    if until <= today:
        raise StoreError(f"de einddatum {until:%d-%m-%Y} ligt niet na vandaag")
    if known_revocations(db, key.fingerprint).adviser_revoked(request.fingerprint):
        raise StoreError(
            f"de sleutel {request.fingerprint} is door NOV ingetrokken; "
            "de adviseur maakt een nieuwe aanvraag op een nieuwe installatie"
        )
    document = certificate_document(request, today, until)
    certificate = AdviserCertificate.model_validate_json(canonical(document), strict=True)
    write_file_atomically(path, document_bytes(CERTIFICATE_FORMAT, document, key))
    return certificate
