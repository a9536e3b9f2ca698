"""What NOV has withdrawn (advisers' keys, certificates by number), and the rule for a new list.

Plain records and pure rules: the store keeps the newest list an installation has read, and
every check of a NOV-signed document asks these records whether its subject was withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ListVerdict(StrEnum):
    """What an installation does with a revocation list it is handed."""

    NEWER = "newer"
    SAME = "same"
    OLDER = "older"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class KnownRevocations:
    """The revocations an installation honours: from the newest NOV list it has read."""

    list_number: int = 0
    """0 when no list was read yet."""
    adviser_fingerprints: frozenset[str] = field(default_factory=frozenset)
    certificate_numbers: frozenset[str] = field(default_factory=frozenset)

    def adviser_revoked(self, fingerprint: str) -> bool:
        """True when NOV withdrew the adviser key with this fingerprint."""
        return fingerprint in self.adviser_fingerprints

    def certificate_revoked(self, number: str) -> bool:
        """True when NOV withdrew the certificate with this number."""
        return number in self.certificate_numbers


NO_REVOCATIONS = KnownRevocations()


def judge_list(
    stored_number: int, stored_digest: str | None, number: int, digest: str
) -> ListVerdict:
    """Newer lists replace the stored one; an older (replayed) one is refused.

    The same number with other content can only come from NOV itself (its key signs both),
    for instance after its database was restored: refused too, with its own message, so NOV
    issues a list with a higher number.
    """
    if number > stored_number:
        return ListVerdict.NEWER
    if number < stored_number:
        return ListVerdict.OLDER
    return ListVerdict.SAME if digest == stored_digest else ListVerdict.CONFLICT
