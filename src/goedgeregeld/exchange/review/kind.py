"""The review file as an importable kind."""

from goedgeregeld.exchange.file_kind import FileKind
from goedgeregeld.exchange.review.file import import_review_archive
from goedgeregeld.exchange.review.format import REVIEW_KIND

FILE_KIND = FileKind(REVIEW_KIND, import_review_archive)
