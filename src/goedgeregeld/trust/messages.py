"""The Dutch messages of trust on first use: one wording for the installation and for NOV.

Only the command that accepts a key change differs between the two (``--nov`` at NOV);
every other word is the same wherever a rule refuses a file.
"""

from __future__ import annotations

from goedgeregeld.trust.fingerprints import compact, fingerprint

SUBJECT_WHAT = {
    "organisation": "deze organisatie",
    "review": "deze beoordeling",
    "installation": "deze installatie",
}
"""How a message names a subject kind (``installation``: NOV's sync files of one installation)."""

NOT_A_FINGERPRINT = "dat is geen vingerafdruk: verwacht 32 hexadecimale tekens, bv. 3F2A-9C01-..."
ALREADY_THE_KEY = "dit is al de bekende sleutel van die installatie"


def what(subject_kind: str) -> str:
    """The words for a subject kind in a sentence, e.g. ``deze organisatie``."""
    return SUBJECT_WHAT.get(subject_kind, "deze beoordeling")


def key_changed(accept_command: str, installation_id: str, old_key: bytes, new_key: bytes) -> str:
    """A pinned installation signs with another key: refused until the change is accepted."""
    new = fingerprint(new_key)
    return (
        f"let op: installatie {installation_id} ondertekende eerder met sleutel "
        f"{fingerprint(old_key)}, dit bestand met een andere sleutel ({new}). "
        "Misschien is Goed Geregeld daar opnieuw geïnstalleerd of naar een andere computer "
        "verhuisd zonder de sleutel mee te nemen, maar het kan ook een vervalst bestand zijn. "
        "Er is niets ingelezen. Vraag de afzender om de vingerafdruk in Help > Over "
        "(of 'goedgeregeld whoami') en neem de nieuwe sleutel alleen aan als die gelijk is: "
        f"{accept_command} {installation_id} {compact(new)}; "
        "lees het bestand daarna opnieuw in"
    )


def key_of_another(installation_id: str, owner: str) -> str:
    """A file names one installation but carries the key pinned for another."""
    return (
        f"dit bestand zegt van installatie {installation_id} te komen, maar is "
        f"ondertekend met de sleutel van een andere installatie ({owner}); "
        "er is niets ingelezen"
    )


def unsigned_after_signed(subject_kind: str, origin: str) -> str:
    """An unsigned file about a subject that came signed before (a signature was stripped)."""
    return (
        f"dit bestand is niet ondertekend, maar eerdere bestanden over {what(subject_kind)} "
        f"waren ondertekend door installatie {origin}; vraag om een nieuw, ondertekend bestand"
    )


def other_origin(subject_kind: str, origin: str, signer_installation: str) -> str:
    """A file about a subject that came signed from another installation before."""
    return (
        f"{what(subject_kind)} kwam eerder van installatie {origin}, dit bestand is "
        f"ondertekend door installatie {signer_installation}; er is niets ingelezen"
    )


def conflicting_first_keys(installation_id: str) -> str:
    """Files of an installation not pinned yet arrive together with different keys."""
    return (
        f"conflict: bestanden van installatie {installation_id} zijn met "
        "verschillende sleutels ondertekend; geen ervan is meegeteld"
    )


def not_known(installation_id: str) -> str:
    """``trust accept`` for an installation with no pinned key."""
    return (
        f"installatie {installation_id} is hier nog niet bekend; "
        "haar eerste ondertekende bestand wordt vanzelf vertrouwd"
    )


def id_not_of_key(installation_id: str, key: bytes) -> str:
    """A file names a key-derived id that does not come from the key it is signed with."""
    return (
        f"dit bestand noemt installatie {installation_id}, maar dat id hoort niet bij de "
        f"sleutel waarmee het is ondertekend (vingerafdruk {fingerprint(key)}); een "
        "installatie-id volgt uit haar sleutel, dus het bestand is vervalst. "
        "Er is niets ingelezen"
    )


def own_id_foreign_key(installation_id: str, key: bytes) -> str:
    """A file names this very installation but is signed with another key."""
    return (
        f"dit bestand zegt van deze installatie zelf te komen ({installation_id}), maar is "
        f"ondertekend met een andere sleutel (vingerafdruk {fingerprint(key)}); het is "
        "vervalst. Er is niets ingelezen"
    )


def unsigned_key_derived(installation_id: str) -> str:
    """An unsigned file names an id of the new kind, which is always signed."""
    return (
        f"dit bestand is niet ondertekend, maar noemt installatie {installation_id}, die "
        "altijd ondertekent; vraag om een nieuw, ondertekend bestand. Er is niets ingelezen"
    )


def link_not_genuine(old_id: str) -> str:
    """A link statement whose signature does not hold, or that belongs to another file."""
    return (
        f"de koppeling van het oude installatie-id {old_id} aan dit bestand klopt niet "
        "(handtekening of nieuw id onjuist); er is niets ingelezen"
    )


def link_wrong_old_key(
    accept_command: str, old_id: str, pinned_key: bytes, carried_key: bytes
) -> str:
    """A link statement for a known old id, signed by another key than the one pinned for it.

    Before ids came from keys, someone else may have signed under the old id first; then the
    genuine key is accepted for it after checking its fingerprint with the installation.
    """
    return (
        f"dit bestand wil installatie {old_id} voortzetten, maar die ondertekende hier altijd "
        f"met sleutel {fingerprint(pinned_key)} en de koppeling is ondertekend met een andere "
        f"sleutel ({fingerprint(carried_key)}); alleen de oude sleutel kan een installatie "
        "voortzetten. Er is niets ingelezen. Is de vingerafdruk met die installatie nagegaan "
        f"(Help > Over), neem dan haar sleutel aan: {accept_command} {old_id} "
        f"{compact(fingerprint(carried_key))}"
    )


def link_from_own(old_id: str) -> str:
    """A foreign file claims to continue this installation's own (old) id."""
    return (
        f"dit bestand wil het id van deze installatie zelf ({old_id}) voortzetten onder een "
        "ander id; dat kan alleen deze installatie. Er is niets ingelezen"
    )


def link_elsewhere(old_id: str, other_new: str) -> str:
    """An old id already continues as another new id."""
    return (
        f"installatie {old_id} gaat hier al verder als installatie {other_new}; een tweede "
        "voortzetting wordt niet aangenomen. Er is niets ingelezen"
    )


def key_derived_accept(installation_id: str) -> str:
    """``trust accept`` for an id that follows from its key: another key is another id."""
    return (
        f"het id {installation_id} volgt uit de sleutel van die installatie; een andere "
        "sleutel hoort bij een ander id, dus er valt hier niets aan te nemen"
    )
