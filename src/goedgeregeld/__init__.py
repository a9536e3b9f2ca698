"""Goed Geregeld: offline self-evaluation of volunteer work for Dutch organisations."""

from importlib import metadata as _metadata

try:
    __version__ = _metadata.version("goedgeregeld")
except _metadata.PackageNotFoundError:  # running from a source tree without install
    __version__ = "0.0.0+source"
