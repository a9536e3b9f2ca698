"""Benchmark child: ``python -m benchmarks.nov_scale_child FOLDER DATA_DIR [URL]``.

Aggregates FOLDER into the store and prints the seconds and this process's peak RSS in kB.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    """Aggregate once and report."""
    from goedgeregeld.nov.aggregate import aggregate
    from goedgeregeld.nov.store.database import open_nov_store

    folder, data_dir = Path(argv[0]), Path(argv[1])
    store = open_nov_store(data_dir, argv[2] if len(argv) > 2 else None)
    try:
        start = time.perf_counter()
        aggregate(store, [folder])
        seconds = time.perf_counter() - start
    finally:
        store.close()
    print(f"{seconds:.4f} {_peak_kb()}")


def _peak_kb() -> int:
    """This process's own peak RSS in kB.

    VmHWM, since Linux keeps ru_maxrss across exec (the parent's peak would show through).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main(sys.argv[1:])
