"""The key-derived id and the link statement as pure rules: derivation, shape, signature."""

from __future__ import annotations

import base64
import uuid

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from goedgeregeld.trust import fingerprint
from goedgeregeld.trust.identity import (
    LinkFormatError,
    LinkStatement,
    derive_installation_id,
    id_fits_key,
    is_key_derived,
    link_message,
    parse_link,
)


def _pair() -> tuple[Ed25519PrivateKey, bytes]:
    private = Ed25519PrivateKey.generate()
    raw = private.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    return private, raw


def test_the_id_is_a_version_8_uuid_of_the_fingerprint_bits() -> None:
    _private, raw = _pair()
    derived = derive_installation_id(raw)
    parsed = uuid.UUID(derived)
    assert parsed.version == 8 and parsed.variant == uuid.RFC_4122 and str(parsed) == derived
    assert derived == derive_installation_id(raw)  # the same key, the same id, everywhere
    assert derived.replace("-", "")[:12].upper() == fingerprint(raw).replace(" ", "")[:12]
    assert is_key_derived(derived) and id_fits_key(derived, raw)
    assert not id_fits_key(derived, _pair()[1])


def test_older_random_ids_fit_any_key_and_are_not_key_derived() -> None:
    random_id = str(uuid.uuid4())
    assert not is_key_derived(random_id) and id_fits_key(random_id, _pair()[1])


def _link() -> tuple[LinkStatement, dict[str, str]]:
    private, raw = _pair()
    old, new = str(uuid.uuid4()), derive_installation_id(raw)
    link = LinkStatement(old, raw, new, private.sign(link_message(old, new)))
    return link, link.to_json()


def test_a_genuine_link_reads_back_and_verifies() -> None:
    link, data = _link()
    assert parse_link(data) == link and link.verifies()


def test_a_link_about_other_ids_does_not_verify() -> None:
    link, _data = _link()
    moved = LinkStatement(
        str(uuid.uuid4()), link.old_public_key, link.new_installation_id, link.signature
    )
    assert not moved.verifies()
    other_key = LinkStatement(
        link.old_installation_id, _pair()[1], link.new_installation_id, link.signature
    )
    assert not other_key.verifies()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.pop("signature"), "beschadigd"),
        (lambda d: d.update(extra="x"), "beschadigd"),
        (lambda d: d.update(new_installation_id=d["old_installation_id"]), "geen geldig"),
        (lambda d: d.update(old_installation_id="NIET-EEN-ID"), "geen geldig"),
        (lambda d: d.update(old_public_key="***"), "geen geldige base64"),
        (
            lambda d: d.update(old_public_key=base64.b64encode(b"kort").decode()),
            "4 in plaats van 32",
        ),
        (lambda d: d.update(signature=7), "ontbreekt of is beschadigd"),
    ],
)
def test_a_damaged_link_is_refused_in_dutch(change, words: str) -> None:
    _link_statement, data = _link()
    change(data)
    with pytest.raises(LinkFormatError) as caught:
        parse_link(data)
    assert words in str(caught.value)


def test_a_link_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(LinkFormatError):
        parse_link(["old", "new"])
