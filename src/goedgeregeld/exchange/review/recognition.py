"""Whether a review comes from a recognised adviser: its NOV certificate, checked against the key.

A review file carries the adviser's certificate (``adviser-certificate.json``, the file NOV
wrote). The adviser is recognised when that certificate verifies against the root, is not
expired or revoked, and names the very key that signed the review file. A review without a
certificate keeps its verdicts and comments but never readiness or a mark; a certificate
that is forged, changed, or names another key refuses the whole file (DocumentError).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from goedgeregeld.exchange.rooted.adviser_certificate import CERTIFICATE_KIND, AdviserCertificate
from goedgeregeld.exchange.rooted.document import DocumentError, parse_document
from goedgeregeld.exchange.rooted.verify import check_signed_by, kind_of, parse_body
from goedgeregeld.trust.fingerprints import fingerprint
from goedgeregeld.trust.revocations import KnownRevocations
from goedgeregeld.trust.root import TrustRoot

NO_CERTIFICATE = "zonder adviseurscertificaat van NOV"
NOT_SIGNED = "niet ondertekend, dus niet van een erkend adviseur te herkennen"


@dataclass(frozen=True)
class Recognition:
    """What a review's certificate says about its adviser."""

    recognised: bool
    problem: str | None = None
    """Why not, in Dutch (None when recognised)."""
    certificate_number: str | None = None
    signer_fingerprint: str | None = None
    name: str | None = None
    """The adviser's name as NOV certified it."""
    region: str | None = None


def recognise(
    path: Path,
    certificate_bytes: bytes | None,
    signer_key: bytes | None,
    root: TrustRoot,
    revocations: KnownRevocations,
    today: date,
) -> Recognition:
    """Check a review's certificate against the key that signed the review file."""
    signer = fingerprint(signer_key) if signer_key is not None else None
    if signer_key is None:
        return Recognition(False, NOT_SIGNED)
    if certificate_bytes is None:
        return Recognition(False, NO_CERTIFICATE, signer_fingerprint=signer)
    try:
        signed = parse_document(path, certificate_bytes)
        kind = kind_of(signed, (CERTIFICATE_KIND,))
        check_signed_by(
            signed, root.public_key, f"de vertrouwde NOV-sleutel (vingerafdruk {root.fingerprint})"
        )
        certificate: AdviserCertificate = parse_body(signed, kind)
    except DocumentError as exc:
        raise DocumentError(
            path, f"het adviseurscertificaat in dit bestand: {exc.problem}"
        ) from None
    if certificate.raw_key != signer_key:
        raise DocumentError(
            path,
            f"het adviseurscertificaat {certificate.number} hoort bij een andere sleutel "
            f"({certificate.fingerprint}) dan die deze beoordeling ondertekende ({signer}); "
            "niets veranderd",
        )
    problem = CERTIFICATE_KIND.still_valid(certificate, revocations, today)
    return Recognition(
        problem is None,
        problem,
        certificate.number,
        signer,
        certificate.name,
        certificate.region,
    )
