"""The keurmerk certificate: NOV's signed statement that one evaluation's content earned the mark.

A document signed by the NOV root (``exchange.rooted``; docs/formats/keurmerk-certificate.md).
It names the organisation, the evaluation and the content hash of exactly what was assessed
(``trust.evaluation_hash``), the day it was granted and the last day it is valid (four
years). The verification code printed on the paper copy is derived from the content, so
NOV's register can confirm a code and number belong together.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import date
from typing import Annotated, Any

from pydantic import StringConstraints, model_validator

from goedgeregeld.exchange.container.archive import Sha256
from goedgeregeld.exchange.container.moments import Day
from goedgeregeld.exchange.container.text_fields import City, OrganisationName
from goedgeregeld.exchange.evaluation.format import Uuid
from goedgeregeld.exchange.rooted.document import canonical
from goedgeregeld.exchange.rooted.fields import CertificateNumber, Strict
from goedgeregeld.trust.revocations import KnownRevocations
from goedgeregeld.words import dutch_date

KEURMERK_FORMAT = "goedgeregeld-keurmerk"
KEURMERK_SUFFIX = ".ggkeurmerk"
NUMBER_PREFIX = "KM"
VALID_YEARS = 4
_CODE_CONTEXT = b"goedgeregeld-verificatiecode-1\n"


class KeurmerkCertificate(Strict):
    """The content of a keurmerk certificate, as NOV signs it."""

    number: CertificateNumber
    organisation_id: Uuid
    organisation_name: OrganisationName
    city: City | None
    province: Annotated[str, StringConstraints(max_length=40)] | None
    evaluation_id: Uuid
    evaluation_hash: Sha256
    edition: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    issued_on: Day
    valid_until: Day

    @model_validator(mode="after")
    def _dates_in_order(self) -> KeurmerkCertificate:
        if self.valid_until <= self.issued_on:
            raise ValueError("de geldigheid eindigt vóór de dag van toekennen")
        return self

    @property
    def verification_code(self) -> str:
        """The code on the paper copy: 16 letters and digits from the signed content."""
        return verification_code(self.model_dump(mode="json"))


def verification_code(document: dict[str, Any]) -> str:
    """Four groups of four (base32, no padding) over the canonical document."""
    digest = hashlib.sha256(_CODE_CONTEXT + canonical(document)).digest()
    text = base64.b32encode(digest[:10]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def valid_until_for(issued_on: date) -> date:
    """Four years on, the same calendar day (as the mark always ran; 29 February gives 28)."""
    try:
        return issued_on.replace(year=issued_on.year + VALID_YEARS)
    except ValueError:
        return issued_on.replace(year=issued_on.year + VALID_YEARS, day=28)


def certificate_problem(
    certificate: KeurmerkCertificate, revocations: KnownRevocations, today: date
) -> str | None:
    """Why this keurmerk does not hold today, or None."""
    if revocations.certificate_revoked(certificate.number):
        return f"NOV heeft keurmerk {certificate.number} ingetrokken"
    if today > certificate.valid_until:
        return f"dit keurmerk is verlopen op {dutch_date(certificate.valid_until)}"
    return None


def describe(certificate: KeurmerkCertificate) -> str:
    """One Dutch line: what the certificate says."""
    return (
        f"keurmerkcertificaat {certificate.number} van {certificate.organisation_name}, "
        f"toegekend op {dutch_date(certificate.issued_on)}, geldig tot en met "
        f"{dutch_date(certificate.valid_until)}; verificatiecode {certificate.verification_code}"
    )
