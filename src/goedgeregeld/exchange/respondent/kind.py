"""Respondent files and answer files as importable kinds."""

from goedgeregeld.exchange.file_kind import FileKind
from goedgeregeld.exchange.respondent.format import ANSWERS_KIND, RESPONDENT_KIND
from goedgeregeld.exchange.respondent.importing import (
    import_answers_archive,
    import_respondent_archive,
)

RESPONDENT_FILE = FileKind(RESPONDENT_KIND, import_respondent_archive)
ANSWERS_FILE = FileKind(ANSWERS_KIND, import_answers_archive)
