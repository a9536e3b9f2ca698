"""Trust on first use on this installation: verify a signed file's signer before importing.

The first signed file of an installation records its key; a later file naming that
installation must carry the same key, unless the user accepted a key change
(``trust accept``). A subject (a client organisation, a received review) that once came
signed must keep coming signed, from the same installation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from goedgeregeld.exchange.container.archive import Archive
from goedgeregeld.exchange.container.jsonlimits import JsonProblemError, check_json
from goedgeregeld.exchange.container.keys import fingerprint, normalise_fingerprint
from goedgeregeld.exchange.container.signing import KeyChangedError, SignatureError, Signer, verify
from goedgeregeld.exchange.evaluation.format import EVALUATION_FORMAT, ORGANISATION_MEMBER
from goedgeregeld.exchange.review.format import REVIEW_FORMAT, REVIEW_MEMBER
from goedgeregeld.store.clock import utc_now
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.models.core import Installation
from goedgeregeld.store.models.trust import SignedOrigin, TrustedKey

# format -> (subject kind, member, field holding the subject id)
SUBJECTS = {
    EVALUATION_FORMAT: ("organisation", ORGANISATION_MEMBER, "id"),
    REVIEW_FORMAT: ("review", REVIEW_MEMBER, "evaluation_id"),
}


@dataclass(frozen=True)
class Subject:
    """What a file is about, for the origin check: e.g. ("organisation", its id)."""

    kind: str
    id: str


def subject_of(archive: Archive) -> Subject | None:
    """The subject of a checked archive, or None if its member is unreadable (refused later)."""
    spec = SUBJECTS.get(archive.manifest.format)
    if spec is None:
        return None
    kind, member, field = spec
    raw = archive.members.get(member, b"")
    try:
        check_json(raw, len(raw) + 1)
        value = json.loads(raw).get(field)
    except (JsonProblemError, ValueError, AttributeError):
        return None
    return Subject(kind, value) if isinstance(value, str) and len(value) <= 36 else None


def compact(fingerprint_text: str) -> str:
    """A fingerprint as one word for a command line: groups joined by dashes."""
    return fingerprint_text.replace(" ", "-")


def key_change_message(installation_id: str, old_key: bytes, new_key: bytes) -> str:
    """The warning for a known installation that signs with another key (one line)."""
    return (
        f"let op: installatie {installation_id} ondertekende eerder met sleutel "
        f"{fingerprint(old_key)}, dit bestand met een andere sleutel ({fingerprint(new_key)}). "
        "Misschien is Goed Geregeld daar opnieuw geïnstalleerd of naar een andere computer "
        "verhuisd zonder de sleutel mee te nemen, maar het kan ook een vervalst bestand zijn. "
        "Er is niets ingelezen. Vraag de afzender om de vingerafdruk in Help > Over "
        "(of 'goedgeregeld whoami') en neem de nieuwe sleutel alleen aan als die gelijk is: "
        f"goedgeregeld trust accept {installation_id} {compact(fingerprint(new_key))}; "
        "lees het bestand daarna opnieuw in"
    )


def _own_installation(db: Database) -> str | None:
    with db.session() as session:
        return session.scalar(select(Installation.id).limit(1))


def check_signed(
    db: Database, path: Path, format_name: str, signer: Signer, signature: bytes, signed: bytes
) -> None:
    """Verify the signature, then the signer against what this installation knows (read only)."""
    with db.session() as session:
        row = session.get(TrustedKey, signer.installation_id)
        known = bytes.fromhex(row.public_key) if row is not None else None
        accepted = row.accepted_fingerprint if row is not None else None
        other = session.scalar(
            select(TrustedKey.installation_id).where(
                TrustedKey.public_key == signer.public_key.hex(),
                TrustedKey.installation_id != signer.installation_id,
            )
        )
    verify(path, format_name, signer, signature, signed, known)
    if other is not None:
        raise SignatureError(
            path,
            f"dit bestand zegt van installatie {signer.installation_id} te komen, maar is "
            f"ondertekend met de sleutel van een andere installatie ({other}); "
            "er is niets ingelezen",
        )
    if known is not None and known != signer.public_key and accepted != signer.fingerprint:
        raise KeyChangedError(
            path,
            key_change_message(signer.installation_id, known, signer.public_key),
            signer.installation_id,
            signer.public_key,
        )


def check_origin(db: Database, path: Path, subject: Subject | None, signer: Signer | None) -> None:
    """Refuse a file about a subject that came signed before: unsigned now, or from elsewhere."""
    if subject is None:
        return
    with db.session() as session:
        origin = session.get(SignedOrigin, (subject.kind, subject.id))
        installation = origin.installation_id if origin is not None else None
    if installation is None:
        return
    what = "deze organisatie" if subject.kind == "organisation" else "deze beoordeling"
    if signer is None:
        raise SignatureError(
            path,
            f"dit bestand is niet ondertekend, maar eerdere bestanden over {what} waren "
            f"ondertekend door installatie {installation}; vraag om een nieuw, ondertekend bestand",
        )
    if signer.installation_id != installation:
        raise SignatureError(
            path,
            f"{what} kwam eerder van installatie {installation}, dit bestand is ondertekend door "
            f"installatie {signer.installation_id}; er is niets ingelezen",
        )


def record_signer(db: Database, signer: Signer, subject: Subject | None) -> None:
    """After a successful import: remember the signer's key and where the subject came from."""
    if signer.installation_id == _own_installation(db):
        return
    now = utc_now()
    with db.session() as session:
        row = session.get(TrustedKey, signer.installation_id)
        if row is None:
            session.add(
                TrustedKey(
                    installation_id=signer.installation_id,
                    public_key=signer.public_key.hex(),
                    first_seen_at=now,
                    last_seen_at=now,
                    accepted_fingerprint=None,
                )
            )
        elif row.public_key != signer.public_key.hex():
            # The accepted key change arrives: from now on this is the installation's key.
            row.public_key = signer.public_key.hex()
            row.first_seen_at = row.last_seen_at = now
            row.accepted_fingerprint = None
        if subject is not None and session.get(SignedOrigin, (subject.kind, subject.id)) is None:
            session.add(
                SignedOrigin(
                    subject_kind=subject.kind,
                    subject_id=subject.id,
                    installation_id=signer.installation_id,
                    recorded_at=now,
                )
            )


@dataclass(frozen=True)
class TrustedInstallation:
    """One row of ``trust list``."""

    installation_id: str
    fingerprint: str
    first_seen_at: str
    accepted_fingerprint: str | None


def list_trusted(db: Database) -> list[TrustedInstallation]:
    """Every installation whose key this installation recorded."""
    with db.session() as session:
        return [
            TrustedInstallation(
                row.installation_id,
                fingerprint(bytes.fromhex(row.public_key)),
                row.first_seen_at.isoformat(timespec="seconds"),
                row.accepted_fingerprint,
            )
            for row in session.scalars(select(TrustedKey).order_by(TrustedKey.installation_id))
        ]


def accept_key_change(db: Database, installation_id: str, typed_fingerprint: str) -> str:
    """Approve a deliberate key change: the next file signed with this fingerprint is accepted."""
    wanted = normalise_fingerprint(typed_fingerprint)
    if wanted is None:
        raise StoreError(
            "dat is geen vingerafdruk: verwacht 32 hexadecimale tekens, bv. 3F2A-9C01-..."
        )
    with db.session() as session:
        row = session.get(TrustedKey, installation_id)
        if row is None:
            raise StoreError(
                f"installatie {installation_id} is hier nog niet bekend; "
                "haar eerste ondertekende bestand wordt vanzelf vertrouwd"
            )
        if fingerprint(bytes.fromhex(row.public_key)) == wanted:
            raise StoreError("dit is al de bekende sleutel van die installatie")
        row.accepted_fingerprint = wanted
    return wanted
