"""Review state as plain JSON data, shared by ``review show`` and ``eval show --json``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goedgeregeld.store.clients import ClientRow
    from goedgeregeld.store.db.engine import Database


def review_json(
    db: Database, evaluation_id: str, today: date | None = None
) -> dict[str, Any] | None:
    """The review of an evaluation as JSON-ready data, or None when there is none."""
    from goedgeregeld.store.reviews import load_review
    from goedgeregeld.words import decision_label

    review = load_review(db, evaluation_id)
    if review is None:
        return None
    mark = review.quality_mark
    day = today or date.today()
    return {
        "origin": review.origin,
        "adviser": {
            "id": review.adviser_id,
            "name": review.adviser_name,
            "region": review.adviser_region,
            "recognised": review.adviser_recognised,
            "recognition_problem": review.recognition_problem,
        },
        "decision": review.decision.value if review.decision else None,
        "decision_label": decision_label(review.decision),
        "decided_at": review.decided_at.isoformat() if review.decided_at else None,
        "decision_reason": review.decision_reason,
        "sent_at": review.sent_at.isoformat() if review.sent_at else None,
        "conditions": [
            {"text": c.text, "deadline": c.deadline.isoformat()} for c in review.conditions
        ],
        "quality_mark": None
        if mark is None
        else {
            "granted_on": mark.granted_on.isoformat(),
            "expires_on": mark.expires_on.isoformat(),
            "reminder": mark.needs_reminder(day),
        },
        "themes": dict(sorted(review.theme_comments.items())),
        "statements": [
            {
                "statement_id": s.statement_id,
                "verdict": s.verdict.value,
                "proposed_score": s.proposed_score,
                "comment": s.comment,
                "changed": s.changed,
            }
            for s in sorted(review.statements.values(), key=lambda s: s.statement_id)
        ],
        "changed_statements": review.changed_statements,
        "updated_at": review.updated_at.isoformat(),
    }


def client_json(row: ClientRow, today: date) -> dict[str, Any]:
    """One row of the adviser's client list as JSON-ready data."""
    mark = row.quality_mark
    return {
        "organisation_id": row.organisation_id,
        "organisation": row.organisation_name,
        "province": row.province,
        "evaluation_id": row.evaluation_id,
        "status": row.status.value,
        "total": row.total_score,
        "progress": {"answered": row.answered_count, "required": row.required_count},
        "updated_at": row.updated_at.isoformat(),
        "imported_at": row.imported_at.isoformat(),
        "decision": row.decision.value if row.decision else None,
        "reviewed_statements": row.reviewed_statements,
        "changed_statements": row.changed_statements,
        "quality_mark": None
        if mark is None
        else {"granted_on": mark.granted_on.isoformat(), "expires_on": mark.expires_on.isoformat()},
        "quality_mark_reminder": row.mark_reminder(today),
    }
