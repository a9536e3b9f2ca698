"""The one trust policy: each rule, and the same Dutch message for the installation and NOV."""

from __future__ import annotations

import pytest

from goedgeregeld.trust import (
    KeyPin,
    PresentedKey,
    Subject,
    TrustDecision,
    TrustSide,
    TrustVerdict,
    check_acceptance,
    compact,
    decide,
    decide_origin,
    fingerprint,
    normalise_fingerprint,
    pin_to_record,
    refuse_conflicting_first_keys,
)

HOME, OTHER = "inst-home", "inst-other"
OLD, NEW = bytes(range(32)), bytes(range(1, 33))


def _both(
    pinned: KeyPin | None, presented: PresentedKey, owner: str | None = None
) -> tuple[TrustDecision, TrustDecision]:
    here = decide(pinned, presented, TrustSide.INSTALLATION, owner)
    nov = decide(pinned, presented, TrustSide.NOV, owner)
    assert here.verdict is nov.verdict
    return here, nov


def test_first_key_of_an_installation_is_taken_and_pinned() -> None:
    here, nov = _both(None, PresentedKey(HOME, NEW))
    assert here.verdict is TrustVerdict.FIRST_USE and not here.refused and not nov.refused
    assert pin_to_record(None, PresentedKey(HOME, NEW)) == KeyPin(HOME, NEW, None)


def test_the_pinned_key_is_taken_and_changes_nothing() -> None:
    pinned = KeyPin(HOME, OLD)
    here, _nov = _both(pinned, PresentedKey(HOME, OLD))
    assert here.verdict is TrustVerdict.KNOWN and not here.refused
    assert pin_to_record(pinned, PresentedKey(HOME, OLD)) is None


def test_another_key_for_a_pinned_installation_is_refused_on_both_sides_alike() -> None:
    here, nov = _both(KeyPin(HOME, OLD), PresentedKey(HOME, NEW))
    assert here.verdict is TrustVerdict.KEY_CHANGED and here.refused and nov.refused
    assert here.message is not None and nov.message is not None
    for message in (here.message, nov.message):
        assert fingerprint(OLD) in message and fingerprint(NEW) in message
        assert "opnieuw geïnstalleerd" in message and "vervalst" in message
    assert f"goedgeregeld trust accept {HOME} {compact(fingerprint(NEW))}" in here.message
    assert f"goedgeregeld trust accept --nov {HOME} {compact(fingerprint(NEW))}" in nov.message
    # Only the command that accepts the change differs.
    assert nov.message.replace("trust accept --nov", "trust accept") == here.message


def test_an_accepted_key_change_is_taken_and_replaces_the_pin() -> None:
    pinned = KeyPin(HOME, OLD, accepted_fingerprint=fingerprint(NEW))
    here, _nov = _both(pinned, PresentedKey(HOME, NEW))
    assert here.verdict is TrustVerdict.ACCEPTED_CHANGE and not here.refused
    assert pin_to_record(pinned, PresentedKey(HOME, NEW)) == KeyPin(HOME, NEW, None)


def test_an_accepted_change_to_one_key_does_not_admit_another() -> None:
    pinned = KeyPin(HOME, OLD, accepted_fingerprint=fingerprint(NEW))
    here, _nov = _both(pinned, PresentedKey(HOME, bytes(32)))
    assert here.verdict is TrustVerdict.KEY_CHANGED


def test_the_key_of_another_installation_is_refused_with_one_message() -> None:
    here, nov = _both(None, PresentedKey(HOME, OLD), owner=OTHER)
    assert here.verdict is TrustVerdict.KEY_OF_ANOTHER and here.message == nov.message
    assert here.message is not None
    assert "sleutel van een andere installatie" in here.message and OTHER in here.message
    # The owner named is the file's own installation: that is no other installation.
    assert not decide(KeyPin(HOME, OLD), PresentedKey(HOME, OLD), TrustSide.NOV, HOME).refused


def test_unsigned_file_of_a_pinned_installation_is_refused() -> None:
    here, nov = _both(KeyPin(HOME, OLD), PresentedKey(HOME, None))
    assert here.verdict is TrustVerdict.UNSIGNED_AFTER_SIGNED and here.message == nov.message
    assert here.message is not None and "niet ondertekend" in here.message
    unsigned, _ = _both(None, PresentedKey(HOME, None))
    assert unsigned.verdict is TrustVerdict.UNSIGNED and not unsigned.refused
    assert pin_to_record(None, PresentedKey(HOME, None)) is None


@pytest.mark.parametrize(
    ("kind", "words"), [("organisation", "deze organisatie"), ("review", "deze beoordeling")]
)
def test_a_subject_that_came_signed_keeps_coming_signed_from_its_installation(
    kind: str, words: str
) -> None:
    subject = Subject(kind, "id-1")
    assert decide_origin(None, subject, None) is None
    assert decide_origin(HOME, None, None) is None
    assert decide_origin(HOME, subject, HOME) is None
    stripped = decide_origin(HOME, subject, None)
    assert stripped is not None and "niet ondertekend" in stripped
    assert f"eerdere bestanden over {words}" in stripped and HOME in stripped
    elsewhere = decide_origin(HOME, subject, OTHER)
    assert elsewhere is not None and "kwam eerder van installatie" in elsewhere
    assert HOME in elsewhere and OTHER in elsewhere


def test_an_unsigned_sync_file_reads_like_an_unsigned_exchange_file() -> None:
    nov = decide(KeyPin(HOME, OLD), PresentedKey(HOME, None), TrustSide.NOV).message
    exchange = decide_origin(HOME, Subject("installation", HOME), None)
    assert nov == exchange


def test_new_installation_with_two_keys_in_one_run_is_refused() -> None:
    assert refuse_conflicting_first_keys(None, HOME, {OLD}) is None
    assert refuse_conflicting_first_keys(KeyPin(HOME, OLD), HOME, {OLD, NEW}) is None
    conflict = refuse_conflicting_first_keys(None, HOME, {OLD, NEW})
    assert conflict is not None and "verschillende sleutels" in conflict and HOME in conflict


def test_accepting_a_key_change_checks_the_typed_fingerprint() -> None:
    pinned = KeyPin(HOME, OLD)
    typed = compact(fingerprint(NEW)).lower()
    assert check_acceptance(pinned, HOME, typed).fingerprint == fingerprint(NEW)
    refusals = [
        check_acceptance(pinned, HOME, "3F2A"),
        check_acceptance(None, HOME, typed),
        check_acceptance(pinned, HOME, fingerprint(OLD)),
    ]
    assert all(r.fingerprint is None and r.refusal for r in refusals)
    assert "geen vingerafdruk" in str(refusals[0].refusal)
    assert HOME in str(refusals[1].refusal) and "nog niet bekend" in str(refusals[1].refusal)
    assert "al de bekende sleutel" in str(refusals[2].refusal)


def test_fingerprints_read_back_in_any_typed_form() -> None:
    readable = fingerprint(OLD)
    assert len(readable.split(" ")) == 8
    assert normalise_fingerprint(compact(readable).lower()) == readable
    assert normalise_fingerprint(readable.replace(" ", ":")) == readable
    assert normalise_fingerprint("XYZ") is None
