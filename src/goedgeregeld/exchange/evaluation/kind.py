"""The evaluation file as an importable kind."""

from goedgeregeld.exchange.evaluation.format import EVALUATION_KIND
from goedgeregeld.exchange.evaluation.importing import import_evaluation_archive
from goedgeregeld.exchange.file_kind import FileKind

FILE_KIND = FileKind(EVALUATION_KIND, import_evaluation_archive)
