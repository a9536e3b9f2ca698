"""Trust on first use on this installation: verify a signed file's signer before importing.

The first signed file of an installation records its key; a later file naming that
installation must carry the same key, unless the user accepted a key change
(``trust accept``). A subject (a client organisation, a received review) that once came
signed must keep coming signed, from the same installation.

The rules and messages are ``goedgeregeld.trust``'s and the records ``store.trust``'s;
this module reads the subject out of an archive, checks the signature and turns the
policy's refusals into the exchange errors the importer reports. The signer is pinned
inside the import's own transaction (``store.import_signer``).
"""

from __future__ import annotations

import json
from pathlib import Path

from goedgeregeld.exchange.container.archive import Archive
from goedgeregeld.exchange.container.jsonlimits import JsonProblemError, check_json
from goedgeregeld.exchange.container.keys import load_installation_key
from goedgeregeld.exchange.container.signing import KeyChangedError, SignatureError, Signer, verify
from goedgeregeld.exchange.evaluation.format import EVALUATION_FORMAT, ORGANISATION_MEMBER
from goedgeregeld.exchange.respondent.format import (
    ANSWERS_FORMAT,
    ANSWERS_MEMBER,
    INVITATION_MEMBER,
    RESPONDENT_FORMAT,
)
from goedgeregeld.exchange.review.format import REVIEW_FORMAT, REVIEW_MEMBER
from goedgeregeld.store import trust as stored
from goedgeregeld.store.db.engine import Database
from goedgeregeld.trust import (
    OwnIdentity,
    PresentedKey,
    Subject,
    TrustSide,
    TrustVerdict,
    decide,
    decide_link,
    decide_origin,
)

# format -> (subject kind, member, field holding the subject id)
SUBJECTS = {
    EVALUATION_FORMAT: ("organisation", ORGANISATION_MEMBER, "id"),
    REVIEW_FORMAT: ("review", REVIEW_MEMBER, "evaluation_id"),
    # A respondent's answers keep coming from the computer the first answer file came from.
    ANSWERS_FORMAT: ("respondent", ANSWERS_MEMBER, "respondent_id"),
    RESPONDENT_FORMAT: ("invitation", INVITATION_MEMBER, "respondent_id"),
}


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


def _presented(signer: Signer) -> PresentedKey:
    return PresentedKey(signer.installation_id, signer.public_key)


def _own(db: Database, own_ids: frozenset[str]) -> OwnIdentity:
    key = load_installation_key(db.path.parent, create=False)
    # Without a key of its own the installation never signed: no file can be its own.
    return OwnIdentity(own_ids, key.public_key if key is not None else b"")


def check_signed(
    db: Database, path: Path, format_name: str, signer: Signer, signature: bytes, signed: bytes
) -> None:
    """Verify the signature, then the signer against what this installation knows (read only).

    The id must be the signer key's (or an older random id), must not be this installation's
    own unless signed with its key, and a link statement must be signed by the key pinned
    for the old id it continues.
    """
    link = signer.link
    standing = stored.signer_standing(db, signer.installation_id, signer.public_key, link)
    known = standing.pinned.public_key if standing.pinned is not None else None
    verify(path, format_name, signer, signature, signed, known)
    own = _own(db, standing.own_ids)
    presented = _presented(signer)
    if link is not None and presented.installation_id not in own.ids:
        refusal = decide_link(
            link,
            presented,
            standing.old_pin,
            owner_of_old_key=standing.owner_of_old_key,
            continued_as=standing.continued_as,
            own=own,
        )
        if refusal is not None:
            raise SignatureError(path, refusal)
    decision = decide(
        standing.pinned,
        presented,
        TrustSide.INSTALLATION,
        standing.owner_of_key,
        own=own,
        linked_from=link.old_installation_id if link is not None else None,
    )
    if decision.message is None:
        return
    if decision.verdict is TrustVerdict.KEY_CHANGED:
        raise KeyChangedError(path, decision.message, signer.installation_id, signer.public_key)
    raise SignatureError(path, decision.message)


def check_origin(db: Database, path: Path, subject: Subject | None, signer: Signer | None) -> None:
    """Refuse a file about a subject that came signed before: unsigned now, or from elsewhere.

    An installation under its old and its new id is one origin (the link was checked first).
    """
    if subject is None:
        return
    origin = stored.origin_of(db, subject)
    claimed = signer.installation_id if signer else None
    if origin is not None and signer is not None:
        linked = signer.link.old_installation_id if signer.link is not None else None
        if origin == linked or stored.same_installation(db, origin, signer.installation_id):
            claimed = origin
    refusal = decide_origin(origin, subject, claimed)
    if refusal is not None:
        raise SignatureError(path, refusal)
