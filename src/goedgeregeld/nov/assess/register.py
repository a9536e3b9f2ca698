"""NOV's register of keurmerk certificates: issued, expiring soon, withdrawn; and its CSV.

A mark is withdrawn when NOV's revocation list names its number (``nov revoke``); the
register takes that over when it is read, so the count NOV reports leaves the mark out.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from goedgeregeld.nov.store.assessments import IssuedMark, register_entries, withdraw_marks
from goedgeregeld.nov.store.database import NovStore
from goedgeregeld.store.db.engine import Database
from goedgeregeld.words.keurmerk import REGISTER_STATE_LABELS

CSV_COLUMNS = (
    "nummer",
    "organisatie",
    "provincie",
    "toegekend_op",
    "geldig_tot_en_met",
    "status",
    "ingetrokken_op",
    "verificatiecode",
    "zelfevaluatie",
    "inhoud_sha256",
)


@dataclass(frozen=True)
class RegisterRow:
    """One mark with its state on a given day."""

    mark: IssuedMark
    state: str
    """``valid``, ``expiring`` (within a year), ``expired`` or ``withdrawn``."""

    def as_json(self) -> dict[str, Any]:
        """The row for ``nov marks list --json``."""
        mark = self.mark
        return {
            "number": mark.number,
            "organisation": mark.organisation_name,
            "organisation_id": mark.organisation_id,
            "province": mark.province,
            "evaluation_id": mark.evaluation_id,
            "evaluation_hash": mark.content_hash,
            "issued_on": mark.issued_on.isoformat(),
            "valid_until": mark.valid_until.isoformat(),
            "withdrawn_on": mark.withdrawn_on.isoformat() if mark.withdrawn_on else None,
            "verification_code": mark.verification_code,
            "state": self.state,
        }


def mark_state(mark: IssuedMark, today: date) -> str:
    """The state of a registered mark on ``today``."""
    if mark.withdrawn_on is not None:
        return "withdrawn"
    if today > mark.valid_until:
        return "expired"
    try:
        remind_from = mark.valid_until.replace(year=mark.valid_until.year - 1)
    except ValueError:
        remind_from = mark.valid_until.replace(year=mark.valid_until.year - 1, day=28)
    return "expiring" if today >= remind_from else "valid"


def take_over_revocations(store: NovStore, db: Database, data_dir: Path, today: date) -> None:
    """Mark as withdrawn what NOV's own newest revocation list names (NOV's installation)."""
    from goedgeregeld.store.root_trust import known_revocations
    from goedgeregeld.trust.root import configured_root

    revoked = known_revocations(db, configured_root(data_dir).fingerprint).certificate_numbers
    if revoked:
        withdraw_marks(store, sorted(revoked), today)


def register_rows(
    store: NovStore, db: Database, data_dir: Path, today: date | None = None
) -> list[RegisterRow]:
    """Every registered mark with its state, newest first (revocations taken over first)."""
    day = today or date.today()
    take_over_revocations(store, db, data_dir, day)
    return [RegisterRow(mark, mark_state(mark, day)) for mark in register_entries(store)]


def register_csv_text(rows: list[RegisterRow]) -> str:
    """The register as CSV: semicolons, as the NOV overview's CSV, so Dutch spreadsheets open it."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        mark = row.mark
        writer.writerow(
            (
                mark.number,
                _cell(mark.organisation_name),
                mark.province or "",
                mark.issued_on.isoformat(),
                mark.valid_until.isoformat(),
                REGISTER_STATE_LABELS[row.state],
                mark.withdrawn_on.isoformat() if mark.withdrawn_on else "",
                mark.verification_code,
                mark.evaluation_id,
                mark.content_hash,
            )
        )
    return out.getvalue()


def _cell(text: str) -> str:
    """A name a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_register_csv(rows: list[RegisterRow], target: Path) -> Path:
    """Write the register's CSV atomically (with a byte-order mark, like the overview's)."""
    from goedgeregeld.base.atomic import write_text_atomically

    write_text_atomically(target, register_csv_text(rows), encoding="utf-8-sig")
    return target
