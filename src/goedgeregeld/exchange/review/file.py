"""Review files (adviser to organisation): writing one, and importing one in one transaction.

This module builds and parses the file; ``store.review_import`` checks it against the
evaluation it is about and records it.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pydantic import ValidationError

from goedgeregeld.exchange.container.archive import Archive
from goedgeregeld.exchange.container.envelope import write_signed_archive
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.identity import own_identity
from goedgeregeld.exchange.container.jsonlimits import (
    JsonProblemError,
    export_problem,
    parse_model,
)
from goedgeregeld.exchange.evaluation.format import MAX_JSON_BYTES
from goedgeregeld.exchange.outcome import ImportOutcome, ImportStatus
from goedgeregeld.exchange.review.format import (
    CERTIFICATE_MEMBER,
    REVIEW_KIND,
    REVIEW_MEMBER,
    AdviserPart,
    ConditionPart,
    ReviewPart,
    StatementVerdictPart,
    ThemeCommentPart,
)
from goedgeregeld.exchange.review.recognition import (
    NO_CERTIFICATE,
    Recognition,
    recognise,
)
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError, StoreError
from goedgeregeld.store.evaluations import get_evaluation
from goedgeregeld.store.import_signer import ImportSigner
from goedgeregeld.store.review_import import ReceivedReview, import_received_review
from goedgeregeld.store.review_records import (
    ConditionRecord,
    Decision,
    ReviewRecord,
    StatementReviewRecord,
    Verdict,
)
from goedgeregeld.store.reviews import load_review, mark_review_sent
from goedgeregeld.store.root_trust import CertificateRecord, adviser_certificates
from goedgeregeld.words import NOT_RECOGNISED_ADVISER, NOT_RECOGNISED_EFFECT, RECOGNISED_ADVISER


def export_review(db: Database, evaluation_id: str, path: Path) -> Path:
    """Write the review file of a client evaluation reviewed on this installation."""
    from goedgeregeld.base.outputs import check_output

    check_output(path)
    review = load_review(db, evaluation_id)
    if review is None:
        raise StoreError(
            "deze zelfevaluatie heeft nog geen beoordeling; gebruik eerst 'review set'"
        )
    if review.origin != "own":
        raise StoreError("deze beoordeling kwam van een adviseur; alleen die kan haar delen")
    organisation_id = get_evaluation(db, evaluation_id).organisation_id
    try:
        part = _review_part(review, evaluation_id, organisation_id)
    except ValidationError as exc:
        raise StoreError(export_problem(exc)) from None
    data = json.dumps(part.model_dump(mode="json"), ensure_ascii=False, indent=1, sort_keys=True)
    identity = own_identity(db)
    members = {REVIEW_MEMBER: data.encode("utf-8")}
    certificate = own_certificate(db, identity.fingerprint)
    if certificate is not None:
        members[CERTIFICATE_MEMBER] = certificate.document.encode("utf-8")
    write_signed_archive(
        path, REVIEW_KIND, members, identity.key, identity.installation_id, link=identity.link()
    )
    mark_review_sent(db, evaluation_id)
    return path


def own_certificate(db: Database, key_fingerprint: str) -> CertificateRecord | None:
    """This adviser's certificate that holds today (newest end date first), or None."""
    from goedgeregeld.exchange.rooted.local import root_and_revocations

    _root, revocations = root_and_revocations(db)
    today = date.today()
    for certificate in adviser_certificates(db, key_fingerprint):
        if certificate.issued_on <= today <= certificate.valid_until and not (
            revocations.adviser_revoked(certificate.fingerprint)
            or revocations.certificate_revoked(certificate.number)
        ):
            return certificate
    return None


def _review_part(review: ReviewRecord, evaluation_id: str, organisation_id: str) -> ReviewPart:
    """The review as the file holds it, checked by the models the reader uses."""
    return ReviewPart(
        evaluation_id=evaluation_id,
        organisation_id=organisation_id,
        adviser=AdviserPart(
            id=review.adviser_id, name=review.adviser_name, region=review.adviser_region
        ),
        updated_at=review.updated_at,
        decision=review.decision.value if review.decision else None,
        decided_at=review.decided_at,
        conditions=[ConditionPart(text=c.text, deadline=c.deadline) for c in review.conditions],
        quality_mark_granted_on=review.quality_mark.granted_on if review.quality_mark else None,
        statements=[
            StatementVerdictPart(
                statement_id=s.statement_id,
                verdict=s.verdict.value,
                proposed_score=s.proposed_score,
                comment=s.comment,
                changed=s.changed,
            )
            for s in sorted(review.statements.values(), key=lambda s: s.statement_id)
        ],
        themes=[
            ThemeCommentPart(theme_id=theme_id, comment=comment)
            for theme_id, comment in sorted(review.theme_comments.items())
        ],
        decision_reason=review.decision_reason,
    )


def received_review(
    part: ReviewPart, digest: str, recognition: Recognition | None = None
) -> ReceivedReview:
    """The parsed review file as the store's records, stamped with the moment it was read.

    Without a recognised adviser the verdicts and comments stay, never readiness or a mark.
    """
    now = utc_now()
    recognition = recognition or Recognition(False, NO_CERTIFICATE)
    counts = recognition.recognised
    return ReceivedReview(
        evaluation_id=part.evaluation_id,
        organisation_id=part.organisation_id,
        adviser_id=part.adviser.id,
        adviser_name=recognition.name or part.adviser.name,
        adviser_region=recognition.region if recognition.name else part.adviser.region,
        updated_at=part.updated_at,
        decision=Decision(part.decision) if part.decision and counts else None,
        decided_at=part.decided_at if counts else None,
        conditions=tuple(ConditionRecord(c.text, c.deadline) for c in part.conditions)
        if counts
        else (),
        mark_granted_on=part.quality_mark_granted_on if counts else None,
        statements=tuple(
            StatementReviewRecord(
                v.statement_id, Verdict(v.verdict), v.proposed_score, v.comment, v.changed, now
            )
            for v in part.statements
        ),
        theme_comments=tuple((t.theme_id, t.comment) for t in part.themes),
        file_digest=digest,
        received_at=now,
        decision_reason=part.decision_reason if counts else None,
        recognised=counts,
        certificate_number=recognition.certificate_number if counts else None,
        signer_fingerprint=recognition.signer_fingerprint,
        recognition_problem=recognition.problem,
    )


def import_review_archive(
    db: Database, archive: Archive, signer: ImportSigner | None = None
) -> ImportOutcome:
    """Check a review file against this installation's evaluation and store the verdicts.

    A signed file's ``signer`` is pinned in the same transaction.
    """
    path = archive.path
    try:
        part = parse_model(ReviewPart, archive.members[REVIEW_MEMBER], MAX_JSON_BYTES)
    except JsonProblemError as exc:
        raise ExchangeFileError(path, f"{REVIEW_MEMBER}: {exc}") from None
    if part.decision != "conditions" and part.conditions:
        raise ExchangeFileError(path, "voorwaarden horen alleen bij 'klaar met voorwaarden'")
    from goedgeregeld.exchange.rooted.local import root_and_revocations

    root, revocations = root_and_revocations(db)
    recognition = recognise(
        path,
        archive.members.get(CERTIFICATE_MEMBER),
        signer.key.public_key if signer is not None else None,
        root,
        revocations,
        date.today(),
    )
    try:
        status = import_received_review(
            db, received_review(part, archive.digest, recognition), signer
        )
    except ImportRefusedError as exc:
        raise ExchangeFileError(path, exc.problem) from None
    if status is ImportStatus.UNCHANGED:
        message = f"{path.name}: al ingelezen; niets veranderd"
    elif status is ImportStatus.OLDER:
        message = f"{path.name}: ouder dan de beoordeling die er al is; niets veranderd"
    elif recognition.recognised:
        message = (
            f"{path.name}: beoordeling van {recognition.name} ({RECOGNISED_ADVISER}) ingelezen"
        )
    else:
        message = (
            f"{path.name}: beoordeling van {part.adviser.name} ingelezen, {NOT_RECOGNISED_ADVISER} "
            f"({recognition.problem}): {NOT_RECOGNISED_EFFECT}"
        )
    return ImportOutcome(path, status, message, "review", part.evaluation_id)
