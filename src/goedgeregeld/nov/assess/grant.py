"""``nov assess grant`` and ``refuse``: the assessor's decision, and the keurmerk certificate.

Granting signs a keurmerk certificate with NOV's programme key, and only when that key is
the root this installation trusts (a certificate nobody can verify helps no one), when the
review still holds (the adviser's certificate valid today), and when the evaluation reaches
the mark after the adviser's verdicts. The number, the register entry and the assessment's
outcome land in one transaction; the file is written after it, and granting again writes
the same certificate again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from goedgeregeld.exchange.keurmerk.format import (
    KEURMERK_FORMAT,
    NUMBER_PREFIX,
    KeurmerkCertificate,
    valid_until_for,
    verification_code,
)
from goedgeregeld.exchange.rooted.document import document_bytes
from goedgeregeld.exchange.rooted.programme import programme_key
from goedgeregeld.nov.assess.adviser import check_stored_adviser
from goedgeregeld.nov.assess.view import assessment_view
from goedgeregeld.nov.store.assessments import (
    AssessmentRecord,
    IssuedMark,
    SignedMark,
    grant_assessment,
    issued_mark_for,
    load_assessment,
    refuse_assessment,
)
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.report.keurmerk_certificate import CertificateSheet, write_certificate_pdf
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.trust.root import configured_root


@dataclass(frozen=True)
class Granted:
    """The certificate of a grant; ``again`` when it had been granted before."""

    mark: IssuedMark
    again: bool


def grant(
    store: NovStore, db: Database, data_dir: Path, evaluation_id: str, today: date | None = None
) -> Granted:
    """Grant the mark to an assessed evaluation (or hand back the one granted before)."""
    day = today or date.today()
    earlier = issued_mark_for(store, evaluation_id)
    if earlier is not None:
        return Granted(earlier, again=True)
    key = programme_key(data_dir)
    root = configured_root(data_dir)
    if key.public_key != root.public_key:
        raise StoreError(
            "de programmasleutel van deze installatie is niet de NOV-sleutel die de app "
            f"vertrouwt ({root.source}, vingerafdruk {root.fingerprint}); een certificaat "
            "zou nergens te controleren zijn"
        )
    record = load_assessment(store, evaluation_id)
    check_stored_adviser(db, data_dir, record, day)
    view = assessment_view(record)
    if view.blocking:
        raise StoreError("het keurmerk kan niet worden toegekend: " + "; ".join(view.blocking))
    city = view.organisation.city
    edition = f"{view.evaluation.edition.id} {view.evaluation.edition.version}"

    def sign(number: str, assessed: AssessmentRecord) -> SignedMark:
        package = assessed.package
        body = KeurmerkCertificate(
            number=number,
            organisation_id=package.organisation_id,
            organisation_name=package.organisation_name,
            city=city,
            province=package.province,
            evaluation_id=package.evaluation_id,
            evaluation_hash=package.content_hash,
            edition=edition,
            issued_on=day,
            valid_until=valid_until_for(day),
        ).model_dump(mode="json")
        text = document_bytes(KEURMERK_FORMAT, body, key).decode("utf-8")
        return SignedMark(text, verification_code(body))

    mark = grant_assessment(
        store, evaluation_id, day, valid_until_for(day), sign, utc_now(), NUMBER_PREFIX
    )
    return Granted(mark, again=False)


def refuse(store: NovStore, evaluation_id: str, reason: str) -> None:
    """Record the assessor's refusal and its reason."""
    refuse_assessment(store, evaluation_id, reason, utc_now())


def certificate_body(mark: IssuedMark) -> KeurmerkCertificate:
    """The content of a registered certificate."""
    return KeurmerkCertificate.model_validate(json.loads(mark.document)["document"])


def write_certificate_file(mark: IssuedMark, target: Path) -> Path:
    """The signed certificate file, exactly as registered."""
    from goedgeregeld.base.atomic import write_text_atomically

    write_text_atomically(target, mark.document)
    return target


def write_mark_pdf(mark: IssuedMark, target: Path) -> Path:
    """The printable certificate of a registered mark."""
    body = certificate_body(mark)
    sheet = CertificateSheet(
        number=mark.number,
        organisation_name=body.organisation_name,
        city=body.city,
        province=body.province,
        issued_on=body.issued_on,
        valid_until=body.valid_until,
        verification_code=mark.verification_code,
        edition=body.edition,
    )
    return write_certificate_pdf(sheet, target)
