"""The kinds of file an installation imports: the explicit list the importer looks them up in.

Each kind lives in its own package (``exchange.evaluation``, ``exchange.review``,
``exchange.respondent``) and says there how its archive looks and how it lands in the
database (a ``FileKind``); this list names them all, so a reader of ``importer`` sees every
kind it can be handed; documents signed by the NOV root (certificates, revocation lists) are
listed by ``root_document_kinds``. Sync files are not here: they belong to NOV's aggregation
(``nov``), which reads them with ``exchange.sync``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from goedgeregeld.exchange.file_kind import FileKind

if TYPE_CHECKING:
    from goedgeregeld.exchange.rooted.kind import RootDocumentKind


def registered_kinds() -> tuple[FileKind, ...]:
    """Every importable kind, in the order the importer tries them.

    Imported here rather than at the top: each kind pulls in its importer and the store's
    use cases, which only an import needs.
    """
    from goedgeregeld.exchange.evaluation.kind import FILE_KIND as EVALUATION_FILE
    from goedgeregeld.exchange.respondent.kind import ANSWERS_FILE, RESPONDENT_FILE
    from goedgeregeld.exchange.review.kind import FILE_KIND as REVIEW_FILE

    return (EVALUATION_FILE, REVIEW_FILE, RESPONDENT_FILE, ANSWERS_FILE)


def root_document_kinds() -> tuple[RootDocumentKind, ...]:
    """Every kind of document signed by the NOV root, in the order ``verify`` tries them.

    ``import`` reads the ones with an importer (a text file, recognised before any zip).
    """
    from goedgeregeld.exchange.keurmerk.kind import KEURMERK_KIND
    from goedgeregeld.exchange.rooted.adviser_certificate import CERTIFICATE_KIND
    from goedgeregeld.exchange.rooted.revocation_list import REVOCATION_LIST_KIND

    return (CERTIFICATE_KIND, REVOCATION_LIST_KIND, KEURMERK_KIND)
