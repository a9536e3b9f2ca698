"""Use cases for evaluations and their answers. Each function commits before it returns."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Connection, Table, select, update

from goedgeregeld.base import text
from goedgeregeld.domain import EvaluationStatus
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import (
    NOT_APPLICABLE,
    AnswerValue,
    EvaluationScore,
    Variant,
    all_required,
    score_evaluation,
    variant_for,
)
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import NotFoundError, StoreError, checked_text
from goedgeregeld.store.models.core import Answer, Evaluation, Organisation
from goedgeregeld.store.records import AnswerRecord, EvaluationRecord
from goedgeregeld.store.rows import answer_record, evaluation_record
from goedgeregeld.store.snapshots import edition_for_hash
from goedgeregeld.words import counted

MAX_NOTE_LENGTH = text.NOTE.max_length
_answers = cast(Table, Answer.__table__)
_evaluations = cast(Table, Evaluation.__table__)


@dataclass(frozen=True)
class EvaluationState:
    """Everything needed to show or score one evaluation."""

    evaluation: EvaluationRecord
    edition: Edition
    answers: dict[str, AnswerRecord]

    @property
    def variant(self) -> Variant:
        """The variant frozen when the evaluation started."""
        return Variant(self.evaluation.variant)

    def answer_values(self) -> dict[str, AnswerValue]:
        """The answers as scoring sees them: notes alone and unconfirmed carried ones left out."""
        values: dict[str, AnswerValue] = {}
        for statement_id, answer in self.answers.items():
            value = answer.answer_value
            if value is not None and not answer.to_confirm:
                values[statement_id] = value
        return values

    @property
    def to_confirm(self) -> list[str]:
        """Statements this evaluation asks, taken over and not yet confirmed, in order."""
        return [
            s.id
            for s in all_required(self.edition, self.variant)
            if s.id in self.answers and self.answers[s.id].to_confirm
        ]

    def score(self) -> EvaluationScore:
        """Scores, progress and eligibility for the current answers."""
        notes = {sid: answer.note for sid, answer in self.answers.items()}
        return score_evaluation(
            self.edition, self.answer_values(), self.variant, notes, self.to_confirm
        )


def start_evaluation(db: Database, organisation_id: str, edition: Edition) -> EvaluationRecord:
    """Start a draft evaluation frozen to ``edition``; the variant follows the profile now."""
    now = utc_now()
    with db.session() as session:
        organisation = session.get(Organisation, organisation_id)
        if organisation is None:
            raise NotFoundError("organisatie", organisation_id)
        variant = variant_for(
            edition.small_organisation, organisation.volunteers, organisation.paid_fte
        )
        row = new_evaluation_row(organisation_id, edition, variant, now)
        session.add(row)
    return evaluation_record(row)


def new_evaluation_row(
    organisation_id: str,
    edition: Edition,
    variant: Variant,
    now: datetime,
    carried_from: str | None = None,
) -> Evaluation:
    """A draft evaluation that freezes its edition; blank, or a new round from ``carried_from``."""
    return Evaluation(
        id=str(uuid.uuid4()),
        organisation_id=organisation_id,
        edition_id=edition.id,
        edition_version=edition.version,
        edition_hash=edition.content_hash,
        edition_snapshot=edition.canonical_json(),
        variant=variant.value,
        status=EvaluationStatus.DRAFT,
        created_at=now,
        updated_at=now,
        answered_count=0,
        required_count=score_evaluation(edition, {}, variant).required,
        total_score=None,
        carried_from=carried_from,
    )


def get_evaluation(db: Database, evaluation_id: str) -> EvaluationRecord:
    """One evaluation's header."""
    with db.session() as session:
        row = session.get(Evaluation, evaluation_id)
        if row is None:
            raise NotFoundError("zelfevaluatie", evaluation_id)
        return evaluation_record(row)


def list_evaluations(db: Database, organisation_id: str | None = None) -> list[EvaluationRecord]:
    """Evaluations, newest first, optionally of one organisation."""
    query = select(Evaluation).order_by(Evaluation.created_at.desc(), Evaluation.id)
    if organisation_id is not None:
        query = query.where(Evaluation.organisation_id == organisation_id)
    with db.session() as session:
        return [evaluation_record(r) for r in session.scalars(query)]


def load_state(db: Database, evaluation_id: str) -> EvaluationState:
    """The evaluation, its frozen edition and all its answers, read in one transaction."""
    with db.session() as session:
        row = session.get(Evaluation, evaluation_id)
        if row is None:
            raise NotFoundError("zelfevaluatie", evaluation_id)
        record = evaluation_record(row)
        edition = edition_for_hash(record.edition_hash, lambda: row.edition_snapshot)
        answers = {
            a.statement_id: answer_record(a)
            for a in session.scalars(select(Answer).where(Answer.evaluation_id == evaluation_id))
        }
    return EvaluationState(record, edition, answers)


# The answer path is hot (every click) and runs plain SQL: SQLAlchemy's statement building
# cost more than SQLite's commit. The tables are the ORM models' tables.
_SELECT_HEADER = (
    "SELECT e.status, e.variant, e.edition_hash, o.origin FROM evaluation e "
    "JOIN organisation o ON o.id = e.organisation_id WHERE e.id = ?"
)
_SELECT_SNAPSHOT = "SELECT edition_snapshot FROM evaluation WHERE id = ?"
_UPSERT_ANSWER = (
    "INSERT INTO answer (evaluation_id, statement_id, value, not_applicable, note, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (evaluation_id, statement_id) DO UPDATE SET "
    "value = excluded.value, not_applicable = excluded.not_applicable, confirmed = 1, "
    "note = CASE WHEN ? THEN excluded.note ELSE answer.note END, updated_at = excluded.updated_at "
    "RETURNING note"
)
_UPSERT_NOTE = (
    "INSERT INTO answer (evaluation_id, statement_id, value, not_applicable, note, updated_at) "
    "VALUES (?, ?, NULL, 0, ?, ?) ON CONFLICT (evaluation_id, statement_id) DO UPDATE SET "
    "note = excluded.note, updated_at = excluded.updated_at"
)
# An answer taken over and not yet confirmed counts as open.
_SELECT_ANSWERS = (
    "SELECT statement_id, value, not_applicable FROM answer WHERE evaluation_id = ? AND confirmed"
)
_UPDATE_SUMMARY = (
    "UPDATE evaluation SET updated_at = ?, last_statement_id = ?, answered_count = ?, "
    "required_count = ?, total_score = ? WHERE id = ?"
)


def _timestamp(moment: datetime) -> str:
    """The text SQLAlchemy's DateTime stores in SQLite, so both paths read alike."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def editable(connection: Connection, evaluation_id: str) -> tuple[Edition, Variant]:
    """The frozen edition and variant of an evaluation this user may change, or an error."""
    row = connection.exec_driver_sql(_SELECT_HEADER, (evaluation_id,)).one_or_none()
    if row is None:
        raise NotFoundError("zelfevaluatie", evaluation_id)
    status, variant, edition_hash, origin = row
    if status == EvaluationStatus.COMPLETED:  # a plain str: this query bypasses the ORM
        raise StoreError("deze zelfevaluatie is afgerond en kan niet meer worden gewijzigd")
    if origin == "client":
        # An adviser reviews a client's answers; only the organisation itself changes them.
        raise StoreError(
            "dit is de zelfevaluatie van een klant; alleen de organisatie zelf kan antwoorden wijzigen"
        )

    def read_snapshot() -> str:
        return str(connection.exec_driver_sql(_SELECT_SNAPSHOT, (evaluation_id,)).scalar_one())

    return edition_for_hash(edition_hash, read_snapshot), Variant(variant)


def refresh_summary(
    connection: Connection,
    evaluation_id: str,
    edition: Edition,
    variant: Variant,
    statement_id: str,
    now: datetime,
) -> None:
    """Recompute the cached progress and total from the stored (confirmed) answers."""
    values: dict[str, AnswerValue] = {}
    for sid, value, not_applicable in connection.exec_driver_sql(_SELECT_ANSWERS, (evaluation_id,)):
        if not_applicable:
            values[sid] = NOT_APPLICABLE
        elif value is not None:
            values[sid] = value
    result = score_evaluation(edition, values, variant)
    connection.exec_driver_sql(
        _UPDATE_SUMMARY,
        (
            _timestamp(now),
            statement_id,
            result.answered,
            result.required,
            result.total,
            evaluation_id,
        ),
    )


def save_answer(
    db: Database,
    evaluation_id: str,
    statement_id: str,
    value: AnswerValue,
    note: str | None = None,
) -> AnswerRecord:
    """Store one answer (0-3 or "na"), keeping the note unless a new one is given.

    The transaction has committed when this returns: a screen may then say "opgeslagen".
    """
    if value != NOT_APPLICABLE and (isinstance(value, bool) or value not in (0, 1, 2, 3)):
        raise StoreError(f"ongeldig antwoord '{value}': kies 0, 1, 2, 3 of n.v.t.")
    if note is not None:
        note = checked_text(note, text.NOTE)
    not_applicable = value == NOT_APPLICABLE
    stored_value = None if not_applicable else int(value)
    now = utc_now()
    with db.engine.begin() as connection:
        edition, variant = editable(connection, evaluation_id)
        if statement_id not in edition.statements_by_id:
            raise NotFoundError("stelling", statement_id)
        final_note = connection.exec_driver_sql(
            _UPSERT_ANSWER,
            (
                evaluation_id,
                statement_id,
                stored_value,
                not_applicable,
                note or "",
                _timestamp(now),
                note is not None,
            ),
        ).scalar_one()
        refresh_summary(connection, evaluation_id, edition, variant, statement_id, now)
    return AnswerRecord(statement_id, stored_value, not_applicable, final_note, now)


def save_note(db: Database, evaluation_id: str, statement_id: str, note: str) -> None:
    """Store the note of a statement, with or without a score."""
    note = checked_text(note, text.NOTE)
    with db.engine.begin() as connection:
        edition, _variant = editable(connection, evaluation_id)
        if statement_id not in edition.statements_by_id:
            raise NotFoundError("stelling", statement_id)
        connection.exec_driver_sql(
            _UPSERT_NOTE, (evaluation_id, statement_id, note, _timestamp(utc_now()))
        )


def set_last_statement(db: Database, evaluation_id: str, statement_id: str) -> None:
    """Remember where the user was, so the next sitting starts there."""
    with db.engine.begin() as connection:
        connection.execute(
            update(_evaluations)
            .where(_evaluations.c.id == evaluation_id)
            .values(last_statement_id=statement_id)
        )


def _has_respondents(db: Database, evaluation_id: str) -> bool:
    with db.engine.connect() as connection:
        return bool(
            connection.exec_driver_sql(
                "SELECT 1 FROM respondent WHERE evaluation_id = ? LIMIT 1", (evaluation_id,)
            ).first()
        )


def complete_evaluation(db: Database, evaluation_id: str) -> EvaluationRecord:
    """Mark a fully answered evaluation as completed; refuses while statements are open."""
    state = load_state(db, evaluation_id)
    if state.evaluation.is_completed:
        return state.evaluation
    result = state.score()
    if result.open_statements and _has_respondents(db, evaluation_id):
        # Several voices: only the agreed answers count, so the group agrees on each first.
        from goedgeregeld.words.voices import open_to_agree_text

        raise StoreError(open_to_agree_text(len(result.open_statements), result.open_statements[0]))
    if result.open_statements:
        raise StoreError(
            f"nog {counted(len(result.open_statements), 'stelling', 'stellingen')} open, "
            f"bijvoorbeeld {result.open_statements[0]}; beantwoord die eerst"
        )
    now = utc_now()
    with db.session() as session:
        row = session.get(Evaluation, evaluation_id)
        if row is None:
            raise NotFoundError("zelfevaluatie", evaluation_id)
        row.status, row.completed_at, row.updated_at = EvaluationStatus.COMPLETED, now, now
        return evaluation_record(row)
