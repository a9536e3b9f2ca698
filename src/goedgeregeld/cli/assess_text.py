"""The assessor's view of one evaluation as terminal text and as JSON (``nov assess show``)."""

from __future__ import annotations

from typing import Any

from goedgeregeld.exchange.container.errors import printable
from goedgeregeld.nov.assess.view import AssessmentView


def _score(value: object) -> str:
    from goedgeregeld.words import NOT_APPLICABLE

    if value is None:
        return "-"
    return NOT_APPLICABLE if value == "na" else str(value)


def view_json(view: AssessmentView) -> dict[str, Any]:
    """Both scores, the statements side by side, the evidence and what blocks a grant."""
    return {
        "total": view.self_score.total,
        "total_after_review": view.reviewed_score.total,
        "eligible_after_review": view.reviewed_score.eligible,
        "decision": view.review.decision,
        "statements": [
            {
                "number": s.number,
                "statement_id": s.statement_id,
                "self_score": s.self_score,
                "verdict": s.verdict,
                "proposed_score": s.proposed_score,
                "comment": s.comment,
                "evidence": list(s.evidence),
            }
            for s in view.statements
        ],
        "evidence": [{"number": n, "file_name": f, "sha256": h} for n, f, h in view.evidence],
        "blocking": list(view.blocking),
    }


def view_text(view: AssessmentView) -> str:
    """A page for the terminal: header, scores, then one line per statement."""
    from goedgeregeld.words import decision_label, format_percentage, verdict_label
    from goedgeregeld.words.keurmerk import ASSESSMENT_STATUS_LABELS

    record, package = view.record, view.record.package
    lines = [
        f"Zelfevaluatie {package.evaluation_id} van {printable(package.organisation_name)}"
        f" ({package.province or 'provincie onbekend'})",
        f"Adviseur: {printable(package.adviser_name)} (sleutel {package.adviser_fingerprint})",
        f"Beslissing van de adviseur: {decision_label(view.review.decision)}",
        f"Totaalscore: {format_percentage(view.self_score.total)}; na de oordelen van de "
        f"adviseur: {format_percentage(view.reviewed_score.total)}",
        f"Status: {ASSESSMENT_STATUS_LABELS[record.status]}"
        + (f" ({record.certificate_number})" if record.certificate_number else "")
        + (f": {printable(record.reason)}" if record.reason else ""),
        "",
    ]
    for s in view.statements:
        verdict = verdict_label(s.verdict) if s.verdict else "geen oordeel"
        proposed = f" -> {s.proposed_score}" if s.proposed_score is not None else ""
        files = f"  [{len(s.evidence)} bewijsstuk(ken)]" if s.evidence else ""
        lines.append(
            f"  {s.number:>3}. zelf {_score(s.self_score)}  adviseur: {verdict}{proposed}{files}"
        )
    if view.blocking:
        lines += ["", "Keurmerk niet te verlenen:", *(f"- {b}" for b in view.blocking)]
    return "\n".join(lines)
