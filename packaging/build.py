"""Build the standalone app: ``python packaging/build.py`` -> ``dist/goedgeregeld/``.

Installs PyInstaller into the running interpreter when it is missing, runs the spec, then
prints the bundle's size and the build time. ``--self-test`` also runs the frozen self-test.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "goedgeregeld.spec"
SIZE_LIMIT_MIB = 140


def folder_size(folder: Path) -> int:
    """Bytes in every file below ``folder`` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def executable(bundle: Path) -> Path:
    """The app's executable inside the onedir bundle."""
    return bundle / ("goedgeregeld.exe" if os.name == "nt" else "goedgeregeld")


def ensure_pyinstaller() -> None:
    """Install PyInstaller into this interpreter when it is not there yet."""
    if importlib.util.find_spec("PyInstaller") is None:
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "-q", "pyinstaller>=6.6"], check=True
        )


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; returns the bundle folder."""
    ensure_pyinstaller()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(command, check=True, cwd=ROOT)
    return dist / "goedgeregeld"


def main(argv: list[str] | None = None) -> int:
    """Build, report size and time, optionally run the frozen self-test."""
    parser = argparse.ArgumentParser(prog="python packaging/build.py")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build", help="PyInstaller work folder")
    parser.add_argument("--self-test", action="store_true", help="run the frozen --self-test")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    bundle = build(args.dist.resolve(), args.work.resolve())
    seconds = time.perf_counter() - started
    mib = folder_size(bundle) / 2**20
    print(f"bundle: {bundle} ({mib:.1f} MiB, limit {SIZE_LIMIT_MIB}); built in {seconds:.0f} s")
    if mib > SIZE_LIMIT_MIB:
        print(f"bundle is larger than {SIZE_LIMIT_MIB} MiB", file=sys.stderr)
        return 1
    if args.self_test:
        environment = dict(os.environ)
        environment.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.run([str(executable(bundle)), "--self-test"], env=environment).returncode
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
