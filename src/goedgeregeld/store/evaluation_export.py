"""An own evaluation read whole for its evaluation file: header, answers, plan, evidence list."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError
from goedgeregeld.store.models.core import Action, Answer, Evaluation, Organisation
from goedgeregeld.store.models.evidence import Attachment
from goedgeregeld.store.records import (
    ActionRecord,
    AnswerRecord,
    EvaluationRecord,
    EvidenceRef,
    OrganisationRecord,
)
from goedgeregeld.store.rows import (
    action_record,
    answer_record,
    evaluation_record,
    organisation_record,
)


@dataclass(frozen=True)
class OwnEvaluation:
    """Everything an evaluation file carries, in the file's order, read in one transaction."""

    organisation: OrganisationRecord
    evaluation: EvaluationRecord
    answers: tuple[AnswerRecord, ...]
    """By statement id."""
    actions: tuple[ActionRecord, ...]
    """In the organisation's order."""
    evidence: tuple[EvidenceRef, ...]
    """By statement, file name and hash."""
    edition_snapshot: str
    """The frozen questionnaire, as stored."""


def load_own_evaluation(db: Database, evaluation_id: str) -> OwnEvaluation:
    """One of this installation's own evaluations, whole; a client's is refused."""
    with db.session() as session:
        evaluation = session.get(Evaluation, evaluation_id)
        if evaluation is None:
            raise NotFoundError("zelfevaluatie", evaluation_id)
        organisation = session.get(Organisation, evaluation.organisation_id)
        if organisation is None:
            raise NotFoundError("organisatie", evaluation.organisation_id)
        if organisation.origin != "own":
            raise StoreError(
                "dit is de zelfevaluatie van een klant; alleen de organisatie zelf deelt die"
            )
        answers = session.scalars(
            select(Answer)
            .where(Answer.evaluation_id == evaluation_id)
            .order_by(Answer.statement_id)
        )
        actions = session.scalars(
            select(Action)
            .where(Action.evaluation_id == evaluation_id)
            .order_by(Action.position, Action.id)
        )
        evidence = session.scalars(
            select(Attachment)
            .where(Attachment.evaluation_id == evaluation_id)
            .order_by(Attachment.statement_id, Attachment.file_name, Attachment.sha256)
        )
        return OwnEvaluation(
            organisation=organisation_record(organisation),
            evaluation=evaluation_record(evaluation),
            answers=tuple(answer_record(a) for a in answers),
            actions=tuple(action_record(a) for a in actions),
            evidence=tuple(EvidenceRef(a.statement_id, a.sha256, a.file_name) for a in evidence),
            edition_snapshot=evaluation.edition_snapshot,
        )
