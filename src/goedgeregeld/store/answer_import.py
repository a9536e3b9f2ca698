"""Recording a respondent's answer file on the coordinator's installation, in one transaction.

A newer file from the same respondent replaces everything they answered before; the same
file again, or an older one, changes nothing. Every check runs before the first write.
"""

from __future__ import annotations

from dataclasses import dataclass

from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError, StoreError
from goedgeregeld.store.evaluations import editable
from goedgeregeld.store.import_signer import ImportSigner, pin_signer
from goedgeregeld.store.models.respondents import Respondent, RespondentAnswer
from goedgeregeld.store.records import ImportStatus
from goedgeregeld.store.respondent_records import ReceivedAnswers
from goedgeregeld.store.respondents import asked_statements, replace_answers


@dataclass(frozen=True)
class AnswersImport:
    """How recording an answer file ended, and whose answers it held."""

    status: ImportStatus
    respondent_name: str
    answered: int


def import_answers(
    db: Database, received: ReceivedAnswers, signer: ImportSigner | None
) -> AnswersImport:
    """Check a received answer file against this installation's data and record it."""
    with db.session() as session:
        respondent = session.get(Respondent, received.respondent_id)
        if respondent is None:
            raise ImportRefusedError(
                "dit antwoordbestand is van een respondent die hier niet is uitgenodigd"
            )
        if respondent.evaluation_id != received.evaluation_id:
            raise ImportRefusedError("dit antwoordbestand hoort bij een andere zelfevaluatie")
        if respondent.removed_at is not None:
            raise ImportRefusedError(
                f"{respondent.name} is als respondent verwijderd; het bestand is niet ingelezen"
            )
        try:
            edition, variant = editable(session.connection(), respondent.evaluation_id)
        except StoreError as exc:
            raise ImportRefusedError(str(exc)) from None
        if received.edition_hash != edition.content_hash:
            raise ImportRefusedError(
                "dit antwoordbestand is ingevuld met een andere editie van de vragenlijst"
            )
        asked = asked_statements(edition, variant)
        rows = []
        for answer in received.answers:
            if answer.statement_id not in asked:
                raise ImportRefusedError(
                    f"stelling '{answer.statement_id}' hoort niet bij de vragenlijst van deze "
                    "zelfevaluatie"
                )
            if answer.value is not None and not 0 <= answer.value <= 3:
                raise ImportRefusedError(
                    f"score {answer.value} bij stelling '{answer.statement_id}' valt buiten de "
                    "schaal 0 tot 3"
                )
            rows.append(
                RespondentAnswer(
                    respondent_id=respondent.id,
                    statement_id=answer.statement_id,
                    value=answer.value,
                    not_applicable=answer.not_applicable,
                    note=answer.note,
                )
            )
        answered = sum(1 for a in received.answers if a.not_applicable or a.value is not None)
        name = respondent.name
        if respondent.file_digest == received.digest:
            return AnswersImport(ImportStatus.UNCHANGED, name, answered)
        if respondent.file_moment is not None and (
            (received.made_at, received.digest)
            < (respondent.file_moment, respondent.file_digest or "")
        ):
            return AnswersImport(ImportStatus.OLDER, name, answered)
        status = ImportStatus.IMPORTED if respondent.file_moment is None else ImportStatus.UPDATED
        pin_signer(session, signer)
        replace_answers(session, respondent.id, rows, received.made_at)
        respondent.file_moment, respondent.file_digest = received.made_at, received.digest
        respondent.done_at = received.made_at if received.done else None
        return AnswersImport(status, name, answered)


__all__ = ["AnswersImport", "import_answers"]
