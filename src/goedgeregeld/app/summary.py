"""A plain-data summary of one evaluation, shared by ``eval show --json`` and other readers."""

from __future__ import annotations

from typing import Any

from goedgeregeld.store.evaluations import EvaluationState


def evaluation_summary(state: EvaluationState) -> dict[str, Any]:
    """Status, variant, progress, total, the verdict with its reasons, themes, open statements."""
    result = state.score()
    record = state.evaluation
    return {
        "id": record.id,
        "organisation_id": record.organisation_id,
        "questionnaire": {
            "id": record.edition_id,
            "version": record.edition_version,
            "hash": record.edition_hash,
        },
        "edition": record.edition_version,
        "status": record.status.value,
        "variant": result.variant.value,
        "created_at": record.created_at.isoformat(),
        "completed_at": record.completed_at.isoformat() if record.completed_at else None,
        "progress": {"answered": result.answered, "required": result.required},
        "total": result.total,
        "eligible": result.eligible,
        "reasons": [reason.as_dict() for reason in result.reasons],
        "themes": [
            {
                "id": t.theme_id,
                "title": t.title,
                "score": t.score,
                "minimum": t.minimum,
                "meets_minimum": t.meets_minimum,
                "assessable": t.assessable,
                "must_below": list(t.must_failures),
                "shortfall": t.shortfall,
                "answered": t.answered,
                "required": t.required,
            }
            for t in result.themes
        ],
        "open": list(result.open_statements),
        "carried_from": record.carried_from,
        "to_confirm": state.to_confirm,
    }
