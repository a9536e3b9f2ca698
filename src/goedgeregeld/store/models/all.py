"""Import every model module so ``Base.metadata`` knows every table (for Alembic and tests)."""

import goedgeregeld.store.models.adviser
import goedgeregeld.store.models.evidence
import goedgeregeld.store.models.keurmerk
import goedgeregeld.store.models.respondents
import goedgeregeld.store.models.root
import goedgeregeld.store.models.sync
import goedgeregeld.store.models.trust  # noqa: F401 - each module adds its tables to Base
from goedgeregeld.store.models.core import Base

__all__ = ["Base"]
