"""Both stores apply the one policy: the same pins, the same answers to ``trust accept``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from goedgeregeld.nov.store.database import NovStore, open_nov_store
from goedgeregeld.nov.store.trust import (
    accept_nov_key_change,
    list_nov_trusted,
    pins_for,
    save_pins_in,
)
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.trust import (
    accept_key_change,
    list_trusted,
    origin_of,
    record_signer_in,
    signer_standing,
)
from goedgeregeld.trust import KeyPin, PresentedKey, Subject, compact, fingerprint

OLD, NEW = bytes(range(32)), bytes(range(1, 33))
INSTALLATION = "0b7c9a52-4f3e-4d3b-9c1e-2a9f3d5e6b70"


@pytest.fixture
def nov(tmp_path: Path) -> Iterator[NovStore]:
    store = open_nov_store(tmp_path / "nov")
    yield store
    store.close()


def _record(db: Database, signer: PresentedKey, subject: Subject | None) -> None:
    with db.session() as session:
        record_signer_in(session, signer, subject)


def _pin(nov: NovStore, new: list[KeyPin], replaced: list[KeyPin]) -> None:
    with nov.begin() as connection:
        save_pins_in(connection, new, replaced)


def _refusal(accept: Callable[..., object], *args: str) -> str:
    with pytest.raises(StoreError) as caught:
        accept(*args)
    return str(caught.value)


def test_both_stores_pin_the_first_key_and_refuse_the_same_way(db: Database, nov: NovStore) -> None:
    subject = Subject("organisation", "org-1")
    _record(db, PresentedKey(INSTALLATION, OLD), subject)
    _pin(nov, [KeyPin(INSTALLATION, OLD)], [])
    standing = signer_standing(db, INSTALLATION, OLD)
    assert standing.pinned == pins_for(nov, [INSTALLATION], [])[0][INSTALLATION]
    assert standing.owner_of_key is None and origin_of(db, subject) == INSTALLATION
    assert signer_standing(db, "another", OLD).owner_of_key == INSTALLATION
    assert pins_for(nov, [], [OLD])[1] == {OLD: INSTALLATION}
    for typed in ("geen vingerafdruk", fingerprint(OLD)):
        here = _refusal(lambda t: accept_key_change(db, INSTALLATION, t), typed)
        at_nov = _refusal(lambda t: accept_nov_key_change(nov, INSTALLATION, t), typed)
        assert here == at_nov
    unknown = "9d3f0c11-0000-4000-8000-000000000000"
    assert _refusal(lambda: accept_key_change(db, unknown, compact(fingerprint(NEW)))) == (
        _refusal(lambda: accept_nov_key_change(nov, unknown, compact(fingerprint(NEW))))
    )


def test_both_stores_accept_a_key_change_and_take_it_as_the_new_pin(
    db: Database, nov: NovStore
) -> None:
    _record(db, PresentedKey(INSTALLATION, OLD), None)
    _pin(nov, [KeyPin(INSTALLATION, OLD)], [])
    typed = compact(fingerprint(NEW)).lower()
    assert accept_key_change(db, INSTALLATION, typed) == fingerprint(NEW)
    assert accept_nov_key_change(nov, INSTALLATION, typed) == fingerprint(NEW)
    [here], [at_nov] = list_trusted(db), list_nov_trusted(nov)
    assert (here.fingerprint, here.accepted_fingerprint) == (fingerprint(OLD), fingerprint(NEW))
    assert (at_nov.fingerprint, at_nov.accepted_fingerprint) == (
        here.fingerprint,
        here.accepted_fingerprint,
    )
    _record(db, PresentedKey(INSTALLATION, NEW), None)
    _pin(nov, [], [KeyPin(INSTALLATION, NEW)])
    [here], [at_nov] = list_trusted(db), list_nov_trusted(nov)
    assert here.fingerprint == at_nov.fingerprint == fingerprint(NEW)
    assert here.accepted_fingerprint is None and at_nov.accepted_fingerprint is None
