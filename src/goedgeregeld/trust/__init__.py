"""The one trust-on-first-use policy: pure rules over plain records and their Dutch messages.

Both the installation's store (``store.trust``) and NOV's store (``nov.store.trust``) apply
these rules; neither writes a rule or a message of its own. No database, no Qt here.
"""

from goedgeregeld.trust.fingerprints import compact, fingerprint, normalise_fingerprint
from goedgeregeld.trust.policy import (
    Acceptance,
    KeyPin,
    OwnIdentity,
    PresentedKey,
    Subject,
    TrustDecision,
    TrustSide,
    TrustVerdict,
    check_acceptance,
    decide,
    decide_link,
    decide_origin,
    pin_to_record,
    refuse_conflicting_first_keys,
)

__all__ = [
    "Acceptance",
    "KeyPin",
    "OwnIdentity",
    "PresentedKey",
    "Subject",
    "TrustDecision",
    "TrustSide",
    "TrustVerdict",
    "check_acceptance",
    "compact",
    "decide",
    "decide_link",
    "decide_origin",
    "fingerprint",
    "normalise_fingerprint",
    "pin_to_record",
    "refuse_conflicting_first_keys",
]
