"""Item 4's rule: a review counts (readiness, a mark) only from a recognised adviser.

Through the real import paths: a review without a certificate keeps its verdicts and
comments but not its decision or mark; a certificate that names another key or was not
signed by the root refuses the whole file and changes nothing; a revocation read later
withdraws what a recognised review gave; an expired certificate recognises nobody.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from chain_helpers import certify_adviser, trusted_nov
from exchange_helpers import dump, filled_evaluation

from goedgeregeld.base.paths import database_path
from goedgeregeld.cli import main
from goedgeregeld.exchange.container.keys import load_installation_key
from goedgeregeld.exchange.evaluation.file import export_evaluation
from goedgeregeld.exchange.importer import import_file
from goedgeregeld.exchange.review.file import export_review
from goedgeregeld.exchange.rooted.document import document_bytes
from goedgeregeld.store.advisers import register_adviser
from goedgeregeld.store.db.engine import Database, make_engine
from goedgeregeld.store.errors import StoreError
from goedgeregeld.store.reviews import (
    decide,
    load_review,
    record_quality_mark,
    set_statement_review,
)
from goedgeregeld.store.root_trust import (
    CertificateRecord,
    adviser_certificates,
    record_adviser_certificate,
)


@pytest.fixture
def reviewed(db: Database, adviser_db: Database, edition, tmp_path: Path):
    """An organisation's evaluation, reviewed 'ready' with a mark by the adviser."""
    evaluation_id, first = filled_evaluation(db, edition, tmp_path)
    import_file(adviser_db, export_evaluation(db, evaluation_id, tmp_path / "c.ggeval"))

    def review(adviser: Database, name: str = "r.ggreview") -> Path:
        set_statement_review(adviser, evaluation_id, first, "lower", 1, "Beleid ontbreekt OPM9")
        decide(adviser, evaluation_id, "ready", reason="Getoetst in een gesprek op locatie")
        record_quality_mark(adviser, evaluation_id, date.today())
        return export_review(adviser, evaluation_id, tmp_path / name)

    return evaluation_id, first, review


def _rogue(tmp_path: Path, template_database: Path, db: Database, evaluation_id: str) -> Database:
    folder = tmp_path / "rogue"
    folder.mkdir()
    shutil.copyfile(template_database, database_path(folder))
    rogue = Database(database_path(folder), make_engine(database_path(folder)))
    register_adviser(rogue, "Adviseur Een", "Gelderland")
    import_file(rogue, export_evaluation(db, evaluation_id, tmp_path / "c2.ggeval"))
    return rogue


def test_an_uncertified_review_keeps_verdicts_but_gives_no_readiness(
    db, adviser_db, reviewed, tmp_path, monkeypatch
) -> None:
    trusted_nov(tmp_path, monkeypatch)
    evaluation_id, first, review = reviewed
    outcome = import_file(db, review(adviser_db))
    assert "niet van een erkend adviseur" in outcome.message
    received = load_review(db, evaluation_id)
    assert received is not None
    assert received.statements[first].comment == "Beleid ontbreekt OPM9"
    assert received.decision is None and received.quality_mark is None
    assert not received.adviser_recognised
    assert "zonder adviseurscertificaat" in (received.recognition_problem or "")


def test_a_certified_review_counts(db, adviser_db, reviewed, tmp_path, monkeypatch) -> None:
    certify_adviser(adviser_db.path.parent, tmp_path, monkeypatch)
    evaluation_id, _first, review = reviewed
    outcome = import_file(db, review(adviser_db))
    assert "erkend adviseur" in outcome.message
    received = load_review(db, evaluation_id)
    assert received is not None and received.adviser_recognised
    assert received.decision is not None and received.decision.value == "ready"
    assert received.quality_mark is not None


def _planted(rogue: Database, document: str, name: str = "Adviseur Een") -> None:
    """The rogue keeps a certificate document as if it were its own."""
    key = load_installation_key(rogue.path.parent)
    assert key is not None
    record_adviser_certificate(
        rogue,
        CertificateRecord(
            "ADV-2026-ROGUE001",
            key.fingerprint,
            name,
            None,
            date.today(),
            date.today() + timedelta(days=300),
            document,
        ),
    )


def test_a_review_whose_certificate_names_another_key_is_refused(
    db, adviser_db, reviewed, tmp_path, monkeypatch, template_database
) -> None:
    evaluation_id, _first, review = reviewed
    genuine = certify_adviser(adviser_db.path.parent, tmp_path, monkeypatch)
    rogue = _rogue(tmp_path, template_database, db, evaluation_id)
    try:
        _planted(rogue, genuine.read_text())  # Anna's genuine certificate, copied
        forged = review(rogue, "rogue.ggreview")
        before = dump(db)
        with pytest.raises(StoreError, match="hoort bij een andere sleutel"):
            import_file(db, forged)
        assert dump(db) == before
    finally:
        rogue.close()


def test_a_review_with_a_certificate_not_signed_by_the_root_is_refused(
    db, adviser_db, reviewed, tmp_path, monkeypatch, template_database
) -> None:
    evaluation_id, _first, review = reviewed
    genuine = certify_adviser(adviser_db.path.parent, tmp_path, monkeypatch)
    rogue = _rogue(tmp_path, template_database, db, evaluation_id)
    try:
        import json

        key = load_installation_key(rogue.path.parent)
        assert key is not None
        whole = json.loads(genuine.read_text())
        document = dict(whole["document"])
        document["public_key"] = __import__("base64").b64encode(key.public_key).decode()
        document["fingerprint"] = key.fingerprint
        # The rogue "certifies" itself with its own key instead of NOV's.
        _planted(rogue, document_bytes(whole["format"], document, key).decode())
        forged = review(rogue, "rogue.ggreview")
        before = dump(db)
        with pytest.raises(StoreError, match="niet ondertekend door de vertrouwde NOV-sleutel"):
            import_file(db, forged)
        assert dump(db) == before
    finally:
        rogue.close()


def test_a_revocation_read_later_withdraws_readiness(
    db, adviser_db, reviewed, tmp_path, monkeypatch
) -> None:
    certify_adviser(adviser_db.path.parent, tmp_path, monkeypatch)
    evaluation_id, first, review = reviewed
    import_file(db, review(adviser_db))
    [certificate] = adviser_certificates(
        adviser_db,
        load_installation_key(adviser_db.path.parent).fingerprint,  # type: ignore[union-attr]
    )
    listing = tmp_path / "lijst"
    nov = tmp_path / "nov"
    assert (
        main(
            [
                "--data-dir",
                str(nov),
                "nov",
                "revoke",
                "--adviser",
                certificate.fingerprint,
                "-o",
                str(listing),
            ]
        )
        == 0
    )
    import_file(db, listing)
    received = load_review(db, evaluation_id)
    assert received is not None and not received.adviser_recognised
    assert received.decision is None and received.quality_mark is None
    assert received.statements[first].comment == "Beleid ontbreekt OPM9"
    assert "ingetrokken" in (received.recognition_problem or "")


def test_an_expired_certificate_recognises_nobody(
    db, adviser_db, reviewed, tmp_path, monkeypatch
) -> None:
    nov = trusted_nov(tmp_path, monkeypatch)
    folder = adviser_db.path.parent
    assert (
        main(["--data-dir", str(folder), "adviser", "request", "-o", str(tmp_path / "a.req")]) == 0
    )
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    cert = tmp_path / "a.cert"
    assert (
        main(
            [
                "--data-dir",
                str(nov),
                "nov",
                "certify",
                str(tmp_path / "a.req"),
                "-o",
                str(cert),
                "--valid-until",
                tomorrow,
            ]
        )
        == 0
    )
    assert main(["--data-dir", str(folder), "import", str(cert)]) == 0
    evaluation_id, _first, review = reviewed
    # The adviser exports while the certificate holds; the organisation reads it days later.
    made = review(adviser_db)

    class Later(date):
        @classmethod
        def today(cls) -> date:
            return date.today() + timedelta(days=5)

    import goedgeregeld.exchange.review.file as review_file

    monkeypatch.setattr(review_file, "date", Later)
    import_file(db, made)
    received = load_review(db, evaluation_id)
    assert received is not None and not received.adviser_recognised
    assert received.decision is None
    assert "verlopen" in (received.recognition_problem or "")
