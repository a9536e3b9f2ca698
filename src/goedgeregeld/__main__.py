"""Allow ``python -m goedgeregeld``."""

from goedgeregeld.cli import main

raise SystemExit(main())
