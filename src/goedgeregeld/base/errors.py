"""The root of every error meant for the user: ``str()`` is a plain Dutch one-liner.

The layers above derive their own errors from it (the store's ``StoreError``, the file
writer's ``WriteError``), so the command line and the window show any of them as they are.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """Bad data or a request that cannot be honoured; ``str()`` is a Dutch one-liner."""
