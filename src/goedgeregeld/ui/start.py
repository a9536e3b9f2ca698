"""The front door of the window: the app itself, or with ``--self-test`` the installation check."""

from __future__ import annotations

from pathlib import Path


def start(data_dir: Path, self_test: bool = False, open_file: str | None = None) -> int:
    """Open the app on ``data_dir``, or run the self-test (which uses a folder of its own)."""
    if self_test:
        from goedgeregeld.ui.selftest.run import run_self_test

        return run_self_test()
    from goedgeregeld.ui.shell.launch import launch_app

    return launch_app(data_dir, open_file=open_file)
