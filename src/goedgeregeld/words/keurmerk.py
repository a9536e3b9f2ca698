"""The words of the keurmerk: its certificate's state, the reminder, the final assessment at NOV."""

from __future__ import annotations

from datetime import date

from goedgeregeld.words.dates import dutch_date

KEURMERK = "keurmerk"
CERTIFICATE = "keurmerkcertificaat"
CERTIFICATE_TITLE = "Keurmerk Vrijwillige Inzet Goed Geregeld"
CERTIFICATE_NUMBER = "Certificaatnummer"
VERIFICATION_CODE = "Verificatiecode"
ISSUED_ON = "Toegekend op"
VALID_UNTIL = "Geldig tot en met"
FINAL_ASSESSMENT = "Eindbeoordeling"
FINAL_ASSESSOR = "eindbeoordelaar"

# The state of a certificate as the organisation's installation sees it.
STATE_VALID = "valid"
STATE_EXPIRED = "expired"
STATE_REVOKED = "revoked"
STATE_OTHER_CONTENT = "other_content"
STATE_UNVERIFIED = "unverified"
KEURMERK_STATE_LABELS = {
    STATE_VALID: "geldig",
    STATE_EXPIRED: "verlopen",
    STATE_REVOKED: "ingetrokken door NOV",
    STATE_OTHER_CONTENT: "hoort bij andere antwoorden dan deze zelfevaluatie nu heeft",
    STATE_UNVERIFIED: "niet te controleren met de NOV-sleutel van deze installatie",
}

# The assessor's outcome at NOV.
ASSESSMENT_STATUS_LABELS = {
    "pending": "ter beoordeling",
    "granted": "keurmerk toegekend",
    "refused": "geweigerd",
}
REGISTER_STATE_LABELS = {
    "valid": "geldig",
    "expiring": "verloopt binnen een jaar",
    "expired": "verlopen",
    "withdrawn": "ingetrokken",
}


def keurmerk_valid_until(valid_until: date) -> str:
    """The line on the home screen, results and report: "Keurmerk geldig tot 1 december 2030"."""
    return f"Keurmerk geldig tot {dutch_date(valid_until)}"


def keurmerk_reminder(valid_until: date, today: date) -> str:
    """The reminder from 12 months before expiry, and after it."""
    if today > valid_until:
        return (
            f"Uw keurmerk is verlopen op {dutch_date(valid_until)}. Vraag een herbeoordeling "
            "aan om het keurmerk terug te krijgen."
        )
    return (
        f"Uw keurmerk verloopt op {dutch_date(valid_until)}. Begin op tijd aan de "
        "herbeoordeling: vul een nieuwe zelfevaluatie in en neem contact op met uw adviseur."
    )


def keurmerk_not_shown(number: str, state: str) -> str:
    """Why a certificate the organisation holds gives no mark."""
    return f"Keurmerkcertificaat {number} telt niet: {KEURMERK_STATE_LABELS[state]}"
