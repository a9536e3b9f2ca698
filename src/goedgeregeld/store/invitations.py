"""On a respondent's own computer: the invitation they opened, their answers, the file back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from goedgeregeld.base import text
from goedgeregeld.domain import RespondentRole
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import NOT_APPLICABLE, AnswerValue, Variant
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import ImportRefusedError, NotFoundError, StoreError, checked_text
from goedgeregeld.store.import_signer import ImportSigner, pin_signer
from goedgeregeld.store.models.respondents import Invitation, InvitationAnswer, Respondent
from goedgeregeld.store.records import ImportStatus
from goedgeregeld.store.respondent_records import RespondentAnswerRecord
from goedgeregeld.store.respondents import asked_statements
from goedgeregeld.store.snapshots import edition_for_hash, edition_from_snapshot


@dataclass(frozen=True)
class InvitationRecord:
    """An invitation to answer another installation's evaluation, as a respondent."""

    respondent_id: str
    evaluation_id: str
    organisation_name: str
    respondent_name: str
    role: RespondentRole
    variant: str
    edition_hash: str
    issued_at: datetime
    done_at: datetime | None


@dataclass(frozen=True)
class ReceivedInvitation:
    """A checked respondent file, ready to record."""

    invitation: InvitationRecord
    edition: Edition


@dataclass(frozen=True)
class InvitationState:
    """What answering an invitation needs: the record, its edition and the answers so far."""

    invitation: InvitationRecord
    edition: Edition
    answers: dict[str, RespondentAnswerRecord]

    @property
    def variant(self) -> Variant:
        """The variant the coordinator's evaluation asks."""
        return Variant(self.invitation.variant)


def _record(row: Invitation) -> InvitationRecord:
    return InvitationRecord(
        row.respondent_id,
        row.evaluation_id,
        row.organisation_name,
        row.respondent_name,
        row.role,
        row.variant,
        row.edition_hash,
        row.issued_at,
        row.done_at,
    )


def import_invitation(
    db: Database, received: ReceivedInvitation, signer: ImportSigner | None
) -> ImportStatus:
    """Record a respondent file; the same invitation again changes nothing."""
    item = received.invitation
    with db.session() as session:
        if session.get(Respondent, item.respondent_id) is not None:
            # The coordinator's own file: answering it here would only mirror the respondent.
            raise ImportRefusedError(
                "dit respondentbestand is op deze computer gemaakt; laat de respondent hier "
                "invullen via ‘Wie vult nu in?’, of open het bestand op de eigen computer"
            )
        row = session.get(Invitation, item.respondent_id)
        if row is not None:
            if row.evaluation_id != item.evaluation_id or row.edition_hash != item.edition_hash:
                raise ImportRefusedError(
                    "dit respondentbestand hoort bij een andere zelfevaluatie dan de uitnodiging "
                    "die hier al is"
                )
            return ImportStatus.UNCHANGED
        pin_signer(session, signer)
        session.add(
            Invitation(
                respondent_id=item.respondent_id,
                evaluation_id=item.evaluation_id,
                organisation_name=item.organisation_name,
                respondent_name=item.respondent_name,
                role=item.role,
                variant=item.variant,
                edition_hash=item.edition_hash,
                edition_snapshot=received.edition.canonical_json(),
                issued_at=item.issued_at,
                received_at=utc_now(),
            )
        )
    return ImportStatus.IMPORTED


def list_invitations(db: Database) -> list[InvitationRecord]:
    """The invitations on this computer, newest first."""
    with db.session() as session:
        rows = session.scalars(select(Invitation).order_by(Invitation.received_at.desc()))
        return [_record(r) for r in rows]


@dataclass(frozen=True)
class InvitationProgress:
    """One invitation on this computer and how far its respondent is."""

    invitation: InvitationRecord
    answered: int
    asked: int


def invitation_progress(db: Database) -> list[InvitationProgress]:
    """Every invitation on this computer, newest first, with its answered and asked counts."""
    with db.session() as session:
        rows = list(session.scalars(select(Invitation).order_by(Invitation.received_at.desc())))
        if not rows:
            return []
        counts = session.execute(
            select(InvitationAnswer.respondent_id, func.count())
            .where(InvitationAnswer.value.is_not(None) | InvitationAnswer.not_applicable)
            .group_by(InvitationAnswer.respondent_id)
        )
        answered: dict[str, int] = {rid: count for rid, count in counts}
        found = []
        for row in rows:
            edition = edition_from_snapshot(row.edition_snapshot, row.edition_hash)
            asked = len(asked_statements(edition, Variant(row.variant)))
            found.append(
                InvitationProgress(_record(row), answered.get(row.respondent_id, 0), asked)
            )
        return found


def has_invitation(db: Database, respondent_id: str) -> bool:
    """Whether this computer holds the invitation of this respondent."""
    with db.session() as session:
        return session.get(Invitation, respondent_id) is not None


def load_invitation(db: Database, respondent_id: str) -> InvitationState:
    """The invitation, its frozen edition and the answers given so far."""
    with db.session() as session:
        row = session.get(Invitation, respondent_id)
        if row is None:
            raise NotFoundError("uitnodiging", respondent_id)
        edition = edition_for_hash(row.edition_hash, lambda: row.edition_snapshot)
        answers = {
            a.statement_id: RespondentAnswerRecord(
                a.respondent_id, a.statement_id, a.value, a.not_applicable, a.note, a.updated_at
            )
            for a in session.scalars(
                select(InvitationAnswer).where(InvitationAnswer.respondent_id == respondent_id)
            )
        }
        return InvitationState(_record(row), edition, answers)


def answer_invitation(
    db: Database,
    respondent_id: str,
    statement_id: str,
    value: AnswerValue | None,
    note: str | None = None,
) -> None:
    """Store the respondent's own answer on their own computer."""
    if note is not None:
        note = checked_text(note, text.NOTE)
    state = load_invitation(db, respondent_id)
    if statement_id not in asked_statements(state.edition, state.variant):
        raise NotFoundError("stelling", statement_id)
    with db.session() as session:
        row = session.get(InvitationAnswer, (respondent_id, statement_id))
        if row is None:
            row = InvitationAnswer(
                respondent_id=respondent_id,
                statement_id=statement_id,
                value=None,
                not_applicable=False,
                note="",
            )
            session.add(row)
        if value is not None:
            if value == NOT_APPLICABLE:
                # Kept like the evaluation's own answers; scoring says whether it counts.
                row.value, row.not_applicable = None, True
            elif isinstance(value, bool) or value not in (0, 1, 2, 3):
                raise StoreError(f"ongeldig antwoord '{value}': kies 0, 1, 2, 3 of n.v.t.")
            else:
                row.value, row.not_applicable = int(value), False
        if note is not None:
            row.note = note
        row.updated_at = utc_now()


def set_invitation_done(db: Database, respondent_id: str, done: bool = True) -> None:
    """Mark the respondent's own answers as done (the answer file says so)."""
    with db.session() as session:
        row = session.get(Invitation, respondent_id)
        if row is None:
            raise NotFoundError("uitnodiging", respondent_id)
        row.done_at = utc_now() if done else None
