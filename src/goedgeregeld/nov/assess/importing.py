"""``nov assess import FILE...``: the adviser's package, checked whole, stored for the assessor.

The files are read and verified first (``files``), then paired: each review with the
evaluation file it is about. A pair is refused, with nothing stored, unless the review is
signed with the key of a valid adviser certificate, says "klaar voor keurmerk", and fits
the evaluation (same evaluation and organisation, a completed evaluation). Each accepted
pair lands in one transaction.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from goedgeregeld.base.errors import UserFacingError
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.evaluation.file import EvaluationContent
from goedgeregeld.nov.assess.adviser import AdviserAttestation, check_review_adviser
from goedgeregeld.nov.assess.files import SignedEvaluation, SignedReview, read_package_file
from goedgeregeld.nov.store.assessments import AssessmentPackage, record_package
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.trust.evaluation_hash import (
    AssessedAnswer,
    assessed_content,
    evaluation_content_hash,
)


@dataclass(frozen=True)
class AssessImportOutcome:
    """What happened to one file (or pair): accepted, or refused with the reason."""

    path: Path
    accepted: bool
    message: str
    evaluation_id: str | None = None


def content_hash_of(content: EvaluationContent) -> str:
    """The content hash of an evaluation file, as its keurmerk certificate will name it."""
    evaluation = content.evaluation
    return evaluation_content_hash(
        assessed_content(
            evaluation_id=evaluation.id,
            organisation_id=evaluation.organisation_id,
            edition=(evaluation.edition.id, evaluation.edition.version, evaluation.edition.hash),
            variant=evaluation.variant,
            answers=(
                AssessedAnswer(a.statement_id, a.value, a.not_applicable, a.note)
                for a in evaluation.answers
            ),
            evidence=((e.statement_id, e.sha256) for e in evaluation.evidence),
        )
    )


def _pair_problem(evaluation: SignedEvaluation, review: SignedReview) -> str | None:
    part, content = review.review, evaluation.content
    if part.organisation_id != content.organisation.id:
        return "de beoordeling en het evaluatiebestand gaan over verschillende organisaties"
    if content.evaluation.status != "completed":
        return "de zelfevaluatie in het evaluatiebestand is nog niet afgerond"
    if part.decision != "ready":
        from goedgeregeld.words import decision_label

        label = decision_label(part.decision)
        return (
            f"de adviseur heeft niet 'klaar voor keurmerk' besloten ({label}); NOV beoordeelt "
            "alleen zelfevaluaties die de adviseur klaar vindt"
        )
    return None


def _package(
    evaluation: SignedEvaluation, review: SignedReview, adviser: AdviserAttestation
) -> AssessmentPackage:
    members = evaluation.content.archive.members
    organisation = evaluation.content.organisation
    return AssessmentPackage(
        evaluation_id=evaluation.content.evaluation.id,
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        province=organisation.province,
        content_hash=content_hash_of(evaluation.content),
        organisation_json=members["organisation.json"].decode("utf-8"),
        evaluation_json=members["evaluation.json"].decode("utf-8"),
        edition_json=members["edition.json"].decode("utf-8"),
        review_json=json.dumps(review.review.model_dump(mode="json"), ensure_ascii=False),
        adviser_name=adviser.name,
        adviser_fingerprint=adviser.fingerprint,
        adviser_certificate=adviser.certificate,
        review_updated_at=review.review.updated_at,
    )


def import_packages(
    store: NovStore, db: Database, data_dir: Path, paths: list[Path], today: date | None = None
) -> list[AssessImportOutcome]:
    """Read every file, pair reviews with their evaluations, store each pair that holds."""
    day = today or date.today()
    outcomes: list[AssessImportOutcome] = []
    evaluations: dict[str, SignedEvaluation] = {}
    reviews: list[SignedReview] = []
    for path in paths:
        try:
            read = read_package_file(Path(path))
        except (ExchangeFileError, UserFacingError) as exc:
            outcomes.append(AssessImportOutcome(Path(path), False, str(exc)))
            continue
        if isinstance(read, SignedEvaluation):
            evaluations[read.content.evaluation.id] = read
        else:
            reviews.append(read)
    paired: set[str] = set()
    for review in reviews:
        outcomes.append(_import_pair(store, review, evaluations, (db, data_dir, day)))
        paired.add(review.review.evaluation_id)
    for evaluation_id, evaluation in evaluations.items():
        if evaluation_id not in paired:
            outcomes.append(
                AssessImportOutcome(
                    evaluation.path,
                    False,
                    f"{evaluation.path.name}: geen beoordeling van een adviseur bij deze "
                    "zelfevaluatie; lees het beoordelingsbestand mee in",
                    evaluation_id,
                )
            )
    return outcomes


def _import_pair(
    store: NovStore,
    review: SignedReview,
    evaluations: dict[str, SignedEvaluation],
    where: tuple[Database, Path, date],
) -> AssessImportOutcome:
    path, evaluation_id = review.path, review.review.evaluation_id
    evaluation = evaluations.get(evaluation_id)
    if evaluation is None:
        return AssessImportOutcome(
            path,
            False,
            f"{path.name}: het evaluatiebestand van deze zelfevaluatie ontbreekt; lees het mee "
            "in: goedgeregeld nov assess import BEOORDELING EVALUATIE",
            evaluation_id,
        )
    try:
        adviser = check_review_adviser(review, *where)
    except (ExchangeFileError, UserFacingError) as exc:
        return AssessImportOutcome(path, False, str(exc), evaluation_id)
    problem = _pair_problem(evaluation, review)
    if problem is not None:
        return AssessImportOutcome(path, False, f"{path.name}: {problem}", evaluation_id)
    try:
        status = record_package(store, _package(evaluation, review, adviser), utc_now())
    except UserFacingError as exc:
        return AssessImportOutcome(path, False, f"{path.name}: {exc}", evaluation_id)
    name = evaluation.content.organisation.name
    said = {"new": "ter beoordeling ingelezen", "replaced": "bijgewerkt (nieuwere beoordeling)"}
    message = (
        f"{name}: {said.get(status, 'al ingelezen; niets veranderd')} (adviseur {adviser.name})"
    )
    return AssessImportOutcome(path, True, message, evaluation_id)
