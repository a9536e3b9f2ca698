"""Start-up benchmark child: start the app as ``goedgeregeld`` does and report when it is ready.

Run as a script by ``benchmarks.startup`` (``python -P benchmarks/startup_child.py --data-dir
DIR``): starts the app through ``ui.shell.launch`` (``prepare_window``, ``run_window``),
prints ``painted <s>`` after the window's first paint and ``home-ready <s>`` once the home
screen shows its data (seconds since the process started), then quits.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path


def since_start() -> float:
    """Seconds since this process started (wall clock, as a user experiences it)."""
    try:
        with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        return uptime - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.process_time()


def say(what: str) -> None:
    """One mark on stdout, flushed so the parent stamps it when it happens."""
    print(f"{what} {since_start():.4f}", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Start the app on ``--data-dir``; mark the first paint and the home screen; quit."""
    parser = argparse.ArgumentParser(prog="startup_child")
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    from goedgeregeld.base.paths import data_dir
    from goedgeregeld.ui.shell.launch import prepare_window, run_window

    folder = data_dir(str(args.data_dir))
    app, window, settings = prepare_window(folder)

    def watch(flow) -> None:
        def ready() -> None:
            say("home-ready")
            app.quit()

        flow.home_ready.connect(ready)

    window.first_paint.connect(lambda: say("painted"))
    return run_window(app, window, folder, settings, when_filled=watch)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
