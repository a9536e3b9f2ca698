"""The rules of trust on first use, as pure functions over plain records.

An installation's first signed file pins its key. A later file naming that installation
must carry the pinned key, unless the user accepted a change to exactly the key it
carries (then that key becomes the pin). A key pinned for one installation cannot sign
for another. A subject that once came signed must keep coming signed, from the same
installation. The stores read the pins, call these functions and write what they say.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum

from goedgeregeld.trust import messages
from goedgeregeld.trust.fingerprints import fingerprint, normalise_fingerprint
from goedgeregeld.trust.identity import LinkStatement, id_fits_key, is_key_derived


class TrustSide(Enum):
    """Where the rules run; it only changes the command that accepts a key change."""

    INSTALLATION = "goedgeregeld trust accept"
    NOV = "goedgeregeld trust accept --nov"

    @property
    def accept_command(self) -> str:
        """The command line (without its arguments) that accepts a key change here."""
        return self.value


@dataclass(frozen=True)
class KeyPin:
    """The key pinned for an installation, and a key change the user accepted (if any)."""

    installation_id: str
    public_key: bytes
    accepted_fingerprint: str | None = None


@dataclass(frozen=True)
class PresentedKey:
    """The installation a file names and the key it is signed with (None: not signed)."""

    installation_id: str
    public_key: bytes | None


@dataclass(frozen=True)
class Subject:
    """What a file is about, for the origin rule: e.g. ("organisation", its id)."""

    kind: str
    id: str


class TrustVerdict(Enum):
    """What the rules say about a presented key."""

    FIRST_USE = "first_use"
    """Nothing pinned for this installation yet: the key is taken and pinned."""
    KNOWN = "known"
    """The pinned key."""
    ACCEPTED_CHANGE = "accepted_change"
    """The key change the user accepted: taken, and it replaces the pin."""
    UNSIGNED = "unsigned"
    """Not signed, and nothing pinned for this installation: taken, nothing to pin."""
    UNSIGNED_AFTER_SIGNED = "unsigned_after_signed"
    """Not signed, while the installation signed before: refused."""
    KEY_OF_ANOTHER = "key_of_another"
    """Signed with the key pinned for another installation: refused."""
    KEY_CHANGED = "key_changed"
    """Signed with another key than the pinned one: refused until the change is accepted."""
    ID_NOT_OF_KEY = "id_not_of_key"
    """Names a key-derived id that comes from another key: refused, nothing can accept it."""
    OWN_ID_FOREIGN_KEY = "own_id_foreign_key"
    """Names the importing installation itself, signed with another key: refused."""
    UNSIGNED_KEY_DERIVED = "unsigned_key_derived"
    """Not signed, but names a key-derived id (such installations always sign): refused."""


@dataclass(frozen=True)
class OwnIdentity:
    """The importing installation: its ids (current and any it had before) and its key."""

    ids: frozenset[str]
    public_key: bytes


@dataclass(frozen=True)
class TrustDecision:
    """A verdict and, when it refuses the file, the Dutch reason (one line)."""

    verdict: TrustVerdict
    message: str | None = None

    @property
    def refused(self) -> bool:
        """True when the file must not be taken."""
        return self.message is not None


_FIRST_USE = TrustDecision(TrustVerdict.FIRST_USE)
_KNOWN = TrustDecision(TrustVerdict.KNOWN)
_ACCEPTED_CHANGE = TrustDecision(TrustVerdict.ACCEPTED_CHANGE)
_UNSIGNED = TrustDecision(TrustVerdict.UNSIGNED)


def decide(
    pinned: KeyPin | None,
    presented: PresentedKey,
    side: TrustSide,
    owner_of_key: str | None = None,
    *,
    own: OwnIdentity | None = None,
    linked_from: str | None = None,
) -> TrustDecision:
    """Whether a file's signer fits the pin of the installation it names.

    ``pinned`` is the pin of ``presented.installation_id`` (None: not pinned yet);
    ``owner_of_key`` an installation the presented key is pinned for, if any; ``own`` the
    importing installation (NOV's sync files name none of its own); ``linked_from`` the old
    id a checked link statement in the file continues (its key may be pinned for that id).
    """
    key = presented.public_key
    named = presented.installation_id
    if key is None:
        if is_key_derived(named):
            return TrustDecision(
                TrustVerdict.UNSIGNED_KEY_DERIVED, messages.unsigned_key_derived(named)
            )
        if own is not None and named in own.ids:
            return TrustDecision(
                TrustVerdict.UNSIGNED_AFTER_SIGNED,
                messages.unsigned_after_signed("installation", named),
            )
        if pinned is not None:
            return TrustDecision(
                TrustVerdict.UNSIGNED_AFTER_SIGNED,
                messages.unsigned_after_signed("installation", pinned.installation_id),
            )
        return _UNSIGNED
    if own is not None and named in own.ids:
        if key == own.public_key:
            return _KNOWN
        return TrustDecision(
            TrustVerdict.OWN_ID_FOREIGN_KEY, messages.own_id_foreign_key(named, key)
        )
    if not id_fits_key(named, key):
        return TrustDecision(TrustVerdict.ID_NOT_OF_KEY, messages.id_not_of_key(named, key))
    if owner_of_key is not None and owner_of_key not in (named, linked_from):
        return TrustDecision(
            TrustVerdict.KEY_OF_ANOTHER,
            messages.key_of_another(presented.installation_id, owner_of_key),
        )
    if pinned is None:
        return _FIRST_USE
    if pinned.public_key == key:
        return _KNOWN
    if pinned.accepted_fingerprint == fingerprint(key):
        return _ACCEPTED_CHANGE
    return TrustDecision(
        TrustVerdict.KEY_CHANGED,
        messages.key_changed(
            side.accept_command, presented.installation_id, pinned.public_key, key
        ),
    )


def decide_link(
    link: LinkStatement,
    presented: PresentedKey,
    old_pin: KeyPin | None,
    *,
    owner_of_old_key: str | None = None,
    continued_as: str | None = None,
    own: OwnIdentity | None = None,
    side: TrustSide = TrustSide.INSTALLATION,
) -> str | None:
    """The refusal of a file's link statement, or None when its old id may fold into the new.

    ``old_pin`` is the pin of the link's old id, ``owner_of_old_key`` another installation
    the link's old key is pinned for, ``continued_as`` the new id the old id already folded
    into here (if any).
    """
    old = link.old_installation_id
    if (
        presented.public_key is None
        or link.new_installation_id != presented.installation_id
        or not is_key_derived(link.new_installation_id)
        or not id_fits_key(old, link.old_public_key)
        or not link.verifies()
    ):
        return messages.link_not_genuine(old)
    if own is not None and old in own.ids:
        return messages.link_from_own(old)
    if (
        old_pin is not None
        and link_replaces_pin(old_pin, link)
        and old_pin.accepted_fingerprint != fingerprint(link.old_public_key)
    ):
        return messages.link_wrong_old_key(
            side.accept_command, old, old_pin.public_key, link.old_public_key
        )
    if owner_of_old_key is not None and owner_of_old_key not in (old, presented.installation_id):
        return messages.key_of_another(old, owner_of_old_key)
    if continued_as is not None and continued_as != presented.installation_id:
        return messages.link_elsewhere(old, continued_as)
    return None


def link_replaces_pin(old_pin: KeyPin, link: LinkStatement) -> bool:
    """Whether a taken link's old key differs from the old id's pin (an accepted change)."""
    return old_pin.public_key != link.old_public_key


def pin_to_record(pinned: KeyPin | None, presented: PresentedKey) -> KeyPin | None:
    """After a taken file: the pin to write (first key, or the accepted change), else None."""
    key = presented.public_key
    if key is None or (pinned is not None and pinned.public_key == key):
        return None
    return KeyPin(presented.installation_id, key, None)


def decide_origin(
    origin: str | None, subject: Subject | None, signer_installation: str | None
) -> str | None:
    """The refusal of a file about a subject that came signed from ``origin`` before, or None.

    ``signer_installation`` is None for an unsigned file.
    """
    if subject is None or origin is None:
        return None
    if signer_installation is None:
        return messages.unsigned_after_signed(subject.kind, origin)
    if signer_installation != origin:
        return messages.other_origin(subject.kind, origin, signer_installation)
    return None


def refuse_conflicting_first_keys(
    pinned: KeyPin | None, installation_id: str, keys_in_run: Collection[bytes]
) -> str | None:
    """Files of a not yet pinned installation that came in one run with different keys.

    None of them is taken, whatever their order: which key would be "first" is not known.
    """
    if pinned is None and len(keys_in_run) > 1:
        return messages.conflicting_first_keys(installation_id)
    return None


@dataclass(frozen=True)
class Acceptance:
    """``trust accept``: the fingerprint to accept (canonical), or why not."""

    fingerprint: str | None
    refusal: str | None = None


def check_acceptance(pinned: KeyPin | None, installation_id: str, typed: str) -> Acceptance:
    """Whether a typed fingerprint can be accepted as the next key of an installation."""
    wanted = normalise_fingerprint(typed)
    if wanted is None:
        return Acceptance(None, messages.NOT_A_FINGERPRINT)
    if pinned is None:
        return Acceptance(None, messages.not_known(installation_id))
    if is_key_derived(installation_id):
        return Acceptance(None, messages.key_derived_accept(installation_id))
    if fingerprint(pinned.public_key) == wanted:
        return Acceptance(None, messages.ALREADY_THE_KEY)
    return Acceptance(wanted)
