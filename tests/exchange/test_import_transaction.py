"""A signed import is one transaction: the file's content and its signer's pin land together."""

from __future__ import annotations

from pathlib import Path

import pytest

from goedgeregeld.exchange.importer import import_file
from goedgeregeld.store import import_signer
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.evaluations import list_evaluations
from goedgeregeld.store.trust import list_trusted


def test_a_failing_pin_leaves_neither_the_evaluation_nor_the_key(
    adviser_db: Database, evaluation_file: tuple[Path, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("pin failed")

    monkeypatch.setattr(import_signer, "record_signer_in", broken)
    with pytest.raises(RuntimeError, match="pin failed"):
        import_file(adviser_db, evaluation_file[0])
    assert list_evaluations(adviser_db) == []
    assert list_trusted(adviser_db) == []

    monkeypatch.undo()
    assert import_file(adviser_db, evaluation_file[0]).ok
    assert [e.id for e in list_evaluations(adviser_db)] == [evaluation_file[1]]
    assert len(list_trusted(adviser_db)) == 1
