"""Qt models of the assessor's screen: assessments, the statements side by side, the register."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from goedgeregeld.ui.core.i18n import tr
from goedgeregeld.ui.models.base import Column, RowTableModel
from goedgeregeld.words import NOT_APPLICABLE, short_date, verdict_label
from goedgeregeld.words.keurmerk import ASSESSMENT_STATUS_LABELS, REGISTER_STATE_LABELS
from goedgeregeld.words.verdicts import statement_excerpt

RIGHT = Qt.AlignmentFlag.AlignRight


def _score(value: object) -> str:
    if value is None:
        return "–"
    return NOT_APPLICABLE if value == "na" else str(value)


class AssessmentsModel(RowTableModel):
    """Rows of ``AssessmentRecord``: organisation, adviser, when read, outcome."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    tr("Organisatie"),
                    lambda r: r.package.organisation_name,
                    tooltip=lambda r: (
                        f"{r.package.organisation_name} ({r.package.province or ''})\n"
                        + tr("Adviseur: {name}").format(name=r.package.adviser_name)
                    ),
                ),
                Column(
                    tr("Uitkomst"),
                    lambda r: ASSESSMENT_STATUS_LABELS[r.status],
                    tooltip=lambda r: r.certificate_number or r.reason or "",
                ),
                Column(tr("Ingelezen"), lambda r: short_date(r.imported_at)),
            ],
            parent,
        )


class SideBySideModel(RowTableModel):
    """Rows of ``StatementSideBySide``: the organisation's score beside the adviser's verdict."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Nr."), lambda s: str(s.number), RIGHT),
                Column(
                    tr("Stelling"),
                    lambda s: statement_excerpt(s.text),
                    tooltip=lambda s: f"{s.theme}\n\n{s.text}",
                ),
                Column(tr("Zelf"), lambda s: _score(s.self_score), RIGHT, lambda s: s.note),
                Column(
                    tr("Adviseur"),
                    lambda s: verdict_label(s.verdict) if s.verdict else tr("geen oordeel"),
                    tooltip=lambda s: s.comment,
                ),
                Column(
                    tr("Voorstel"),
                    lambda s: "" if s.proposed_score is None else str(s.proposed_score),
                    RIGHT,
                ),
                Column(tr("Opmerking"), lambda s: " ".join(s.comment.split())[:80]),
                Column(
                    tr("Bewijs"),
                    lambda s: str(len(s.evidence)) if s.evidence else "",
                    RIGHT,
                    lambda s: "\n".join(s.evidence),
                ),
            ],
            parent,
        )


class EvidenceModel(RowTableModel):
    """Rows of (statement number, file name, SHA-256)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Stelling"), lambda e: str(e[0]), RIGHT),
                Column(tr("Bestand"), lambda e: e[1], tooltip=lambda e: e[2]),
            ],
            parent,
        )


class RegisterModel(RowTableModel):
    """Rows of ``RegisterRow``: NOV's register of keurmerk certificates."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("Nummer"), lambda r: r.mark.number),
                Column(tr("Organisatie"), lambda r: r.mark.organisation_name),
                Column(tr("Provincie"), lambda r: r.mark.province or ""),
                Column(tr("Toegekend op"), lambda r: short_date(r.mark.issued_on)),
                Column(tr("Geldig tot en met"), lambda r: short_date(r.mark.valid_until)),
                Column(tr("Status"), lambda r: REGISTER_STATE_LABELS[r.state]),
                Column(tr("Verificatiecode"), lambda r: r.mark.verification_code),
            ],
            parent,
        )
