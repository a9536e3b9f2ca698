"""The evaluation file as an importable kind."""

from goedgeregeld.exchange.evaluation_format import EVALUATION_KIND
from goedgeregeld.exchange.evaluation_import import import_evaluation_archive
from goedgeregeld.exchange.importer import FileKind

FILE_KIND = FileKind(EVALUATION_KIND, import_evaluation_archive)
