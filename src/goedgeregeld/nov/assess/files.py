"""Reading the adviser's package at NOV: signed evaluation and review files, checked whole.

Nothing here touches a database: each file is verified (signature over its exact bytes,
then every member checked as an installation's own import checks it) and handed back as
plain parts, so the assessor's import can pair and refuse them before anything is stored.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from goedgeregeld.base.outputs import input_problem
from goedgeregeld.exchange.container.archive import Archive, read_archive_from
from goedgeregeld.exchange.container.envelope import SignedFile, read_signed_file
from goedgeregeld.exchange.container.errors import ExchangeFileError
from goedgeregeld.exchange.container.jsonlimits import JsonProblemError, parse_model
from goedgeregeld.exchange.container.signing import verify
from goedgeregeld.exchange.evaluation.file import EvaluationContent, check_evaluation_archive
from goedgeregeld.exchange.evaluation.format import EVALUATION_KIND, MAX_JSON_BYTES
from goedgeregeld.exchange.review.format import REVIEW_KIND, REVIEW_MEMBER, ReviewPart

_KINDS = {EVALUATION_KIND.format_name: EVALUATION_KIND, REVIEW_KIND.format_name: REVIEW_KIND}


@dataclass(frozen=True)
class SignedEvaluation:
    """A verified evaluation file: its checked content and the key that signed it."""

    path: Path
    content: EvaluationContent
    signer_key: bytes


@dataclass(frozen=True)
class SignedReview:
    """A verified review file: the review, its archive (for the adviser's certificate), the key."""

    path: Path
    review: ReviewPart
    archive: Archive
    signer_key: bytes


def read_package_file(path: Path) -> SignedEvaluation | SignedReview:
    """One file of the package, verified and checked, or ExchangeFileError saying why not."""
    problem = input_problem(path)
    if problem is not None:
        raise ExchangeFileError(path, problem)
    signed = read_signed_file(path, _KINDS)
    if signed is None:
        raise ExchangeFileError(
            path,
            "dit is geen ondertekend evaluatie- of beoordelingsbestand; NOV beoordeelt alleen "
            "ondertekende bestanden (vraag de adviseur om een nieuwe export)",
        )
    archive = _verified_archive(signed)
    if signed.kind is EVALUATION_KIND:
        return SignedEvaluation(path, check_evaluation_archive(archive), signed.signer.public_key)
    try:
        review = parse_model(ReviewPart, archive.members[REVIEW_MEMBER], MAX_JSON_BYTES)
    except JsonProblemError as exc:
        raise ExchangeFileError(path, f"{REVIEW_MEMBER}: {exc}") from None
    return SignedReview(path, review, archive, signed.signer.public_key)


def _verified_archive(signed: SignedFile) -> Archive:
    if signed.encryption is not None:
        raise ExchangeFileError(
            signed.path,
            "dit bestand is met een wachtwoord vergrendeld; vraag de adviseur om het pakket "
            "voor NOV zonder wachtwoord te exporteren",
        )
    verify(signed.path, signed.kind.format_name, signed.signer, signed.signature, signed.manifest)
    _kind, archive = read_archive_from(
        signed.path, io.BytesIO(signed.payload), {signed.kind.format_name: signed.kind}
    )
    return archive
