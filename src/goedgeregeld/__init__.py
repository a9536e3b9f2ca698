"""Goed Geregeld: offline self-evaluation of volunteer work for Dutch organisations."""

from __future__ import annotations

from functools import cache


@cache
def _package_version() -> str:
    # importlib.metadata costs ~30 ms to import: too much before the window paints, so the
    # version is looked up only when something asks for it.
    from importlib import metadata

    try:
        return metadata.version("goedgeregeld")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _package_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
