"""Import every model module so ``Base.metadata`` knows every table (for Alembic and tests)."""

from goedgeregeld.store import adviser_models, evidence_models, models, sync_models, trust_models
from goedgeregeld.store.models import Base

__all__ = ["Base", "adviser_models", "evidence_models", "models", "sync_models", "trust_models"]
