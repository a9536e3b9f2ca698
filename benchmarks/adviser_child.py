"""Benchmark child: open the adviser's client list in the real app and report time and memory.

Run as ``python -m benchmarks.adviser_child DATA_DIR`` (offscreen); prints
``client-list <seconds> <rows>`` and ``rss-peak-mb <megabytes>``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def _peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(data_dir: Path) -> int:
    """Build the app, wait for its first paint, then time the client list from request to shown."""
    from PySide6.QtWidgets import QApplication

    from goedgeregeld.ui.core.settings import AppSettings
    from goedgeregeld.ui.shell.app_setup import configure_application
    from goedgeregeld.ui.shell.launch import build_app

    app = QApplication.instance() or QApplication(sys.argv)
    configure_application(app)
    built = build_app(data_dir, AppSettings.in_folder(data_dir))
    window, flow, context = built.window, built.flow, built.context
    window.resize(1366, 768)
    window.show()
    deadline = time.monotonic() + 60
    while flow.page is None or flow.page.data is None:  # the first load warms the worker up
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("client list never loaded")
    started = time.perf_counter()
    flow.show_adviser()
    page = flow.page
    while page.data is None:
        app.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("client list never loaded")
    window.repaint()
    app.processEvents()
    elapsed = time.perf_counter() - started
    print(f"client-list {elapsed:.4f} {page.proxy.rowCount()}", flush=True)
    print(f"rss-peak-mb {_peak_rss_mb():.1f}", flush=True)
    window.close()
    context.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
