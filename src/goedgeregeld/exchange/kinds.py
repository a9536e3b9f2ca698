"""The kinds of file an installation imports: the explicit list the importer looks them up in.

Each kind lives in its own package (``exchange.evaluation``, ``exchange.review``) and says
there how its archive looks and how it lands in the database (a ``FileKind``); this list
names them all, so a reader of ``importer`` sees every kind it can be handed. Sync files are
not here: they belong to NOV's aggregation (``nov``), which reads them with ``exchange.sync``.
"""

from __future__ import annotations

from goedgeregeld.exchange.file_kind import FileKind


def registered_kinds() -> tuple[FileKind, ...]:
    """Every importable kind, in the order the importer tries them.

    Imported here rather than at the top: each kind pulls in its importer and the store's
    use cases, which only an import needs.
    """
    from goedgeregeld.exchange.evaluation.kind import FILE_KIND as EVALUATION_FILE
    from goedgeregeld.exchange.review.kind import FILE_KIND as REVIEW_FILE

    return (EVALUATION_FILE, REVIEW_FILE)
