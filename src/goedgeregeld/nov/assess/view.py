"""What the assessor looks at: the evaluation and the adviser's review side by side, as plain data.

Built from what NOV stored (the members as they arrived), scored twice: as the organisation
answered, and after the adviser's verdicts (a proposed score replaces the self-score). The
grant is only possible when every statement asked was reviewed and the scores after the
verdicts reach the quality mark; ``blocking`` says what stands in the way.
"""

from __future__ import annotations

from dataclasses import dataclass

from goedgeregeld.exchange.evaluation.format import EvaluationPart, OrganisationPart
from goedgeregeld.exchange.review.format import ReviewPart
from goedgeregeld.nov.store.assessments import AssessmentRecord
from goedgeregeld.questionnaire.model import Edition
from goedgeregeld.scoring import (
    NOT_APPLICABLE,
    AnswerValue,
    EvaluationScore,
    Variant,
    all_required,
    score_evaluation,
    statement_numbers,
)


@dataclass(frozen=True)
class StatementSideBySide:
    """One statement: the organisation's answer and the adviser's verdict on it."""

    number: int
    statement_id: str
    text: str
    theme: str
    self_score: AnswerValue | None
    note: str
    verdict: str | None
    """``agree``, ``lower``, ``higher`` or None (not reviewed)."""
    proposed_score: int | None
    comment: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class AssessmentView:
    """Everything on the assessor's screen for one evaluation."""

    record: AssessmentRecord
    organisation: OrganisationPart
    evaluation: EvaluationPart
    review: ReviewPart
    self_score: EvaluationScore
    reviewed_score: EvaluationScore
    statements: tuple[StatementSideBySide, ...]
    evidence: tuple[tuple[int, str, str], ...]
    """(statement number, file name, SHA-256) per evidence file."""
    blocking: tuple[str, ...]
    """Why the mark cannot be granted on this review; empty when it can."""


def _answers(evaluation: EvaluationPart) -> tuple[dict[str, AnswerValue], dict[str, str]]:
    answers: dict[str, AnswerValue] = {}
    for answer in evaluation.answers:
        if answer.not_applicable:
            answers[answer.statement_id] = NOT_APPLICABLE
        elif answer.value is not None:
            answers[answer.statement_id] = answer.value
    return answers, {a.statement_id: a.note for a in evaluation.answers}


def assessment_view(record: AssessmentRecord) -> AssessmentView:
    """Parse the stored members (checked when they were read) and score both sides."""
    package = record.package
    organisation = OrganisationPart.model_validate_json(package.organisation_json)
    evaluation = EvaluationPart.model_validate_json(package.evaluation_json)
    review = ReviewPart.model_validate_json(package.review_json)
    edition = Edition.model_validate_json(package.edition_json)
    variant = Variant(evaluation.variant)
    answers, notes = _answers(evaluation)
    verdicts = {v.statement_id: v for v in review.statements}
    reviewed: dict[str, AnswerValue] = dict(answers)
    for statement_id, verdict in verdicts.items():
        if verdict.verdict != "agree" and verdict.proposed_score is not None:
            reviewed[statement_id] = verdict.proposed_score
    self_score = score_evaluation(edition, answers, variant, notes)
    reviewed_score = score_evaluation(edition, reviewed, variant, notes)
    numbers = statement_numbers(edition, variant)
    evidence_by_statement: dict[str, list[str]] = {}
    for item in evaluation.evidence:
        evidence_by_statement.setdefault(item.statement_id, []).append(item.file_name)
    themes = {s.id: t.title for t in edition.themes for s in t.statements}
    rows = []
    for statement in all_required(edition, variant):
        given = verdicts.get(statement.id)
        rows.append(
            StatementSideBySide(
                number=numbers.get(statement.id, 0),
                statement_id=statement.id,
                text=statement.text,
                theme=themes[statement.id],
                self_score=answers.get(statement.id),
                note=notes.get(statement.id, ""),
                verdict=given.verdict if given else None,
                proposed_score=given.proposed_score if given else None,
                comment=given.comment if given else "",
                evidence=tuple(evidence_by_statement.get(statement.id, ())),
            )
        )
    evidence = tuple(
        (numbers.get(e.statement_id, 0), e.file_name, e.sha256) for e in evaluation.evidence
    )
    return AssessmentView(
        record, organisation, evaluation, review, self_score, reviewed_score, tuple(rows),
        evidence, tuple(_blocking(rows, reviewed_score, review)),
    )  # fmt: skip


def _blocking(
    rows: list[StatementSideBySide], reviewed: EvaluationScore, review: ReviewPart
) -> list[str]:
    from goedgeregeld.words import counted

    problems: list[str] = []
    if review.decision != "ready":
        problems.append("de adviseur heeft niet 'klaar voor keurmerk' besloten")
    unreviewed = [r for r in rows if r.self_score not in (None, NOT_APPLICABLE) and not r.verdict]
    if unreviewed:
        problems.append(
            f"{counted(len(unreviewed), 'stelling', 'stellingen')} zonder oordeel van de "
            f"adviseur, bijvoorbeeld stelling {unreviewed[0].number}"
        )
    if not reviewed.eligible:
        first = reviewed.reasons[0].text if reviewed.reasons else ""
        problems.append(f"na de oordelen van de adviseur is het keurmerk niet haalbaar: {first}")
    return problems
