"""Signed sync files: what verifying their signatures adds to ``nov aggregate``.

One pile of sync files is written twice, unsigned (version 1) and signed (version 2,
one key per installation). Both are aggregated into fresh stores, alternately, and the
difference of the medians is what signatures cost (target: at most 2 s for 10,000 files).
"""

from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from benchmarks.table import Row

TARGET_SECONDS = 2.0


def _sign_pile(unsigned: list[Path], source: Path, target: Path) -> None:
    """Write a signed copy of every file under ``target``, one identity per installation."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from goedgeregeld.exchange.container.identity import Identity
    from goedgeregeld.exchange.container.keys import InstallationKey
    from goedgeregeld.exchange.sync.signed import payload_bytes, signed_sync_document

    identities: dict[str, Identity] = {}
    for path in unsigned:
        document = json.loads(path.read_bytes())
        installation = document["installation_id"]
        identity = identities.get(installation)
        if identity is None:
            private = Ed25519PrivateKey.generate()
            raw = private.public_key().public_bytes(
                serialization.Encoding.Raw, serialization.PublicFormat.Raw
            )
            identity = identities[installation] = Identity(
                installation, InstallationKey(private, raw)
            )
        out = target / path.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(
            json.dumps(signed_sync_document(identity, payload_bytes(document)), indent=1),
            encoding="utf-8",
        )


def _aggregate_seconds(pile: Path, data_dir: Path) -> float:
    from goedgeregeld.nov.aggregate import aggregate
    from goedgeregeld.nov.store.database import open_nov_store

    store = open_nov_store(data_dir)
    try:
        start = time.perf_counter()
        result = aggregate(store, [pile])
        seconds = time.perf_counter() - start
    finally:
        store.close()
    if result.files.rejected:
        raise RuntimeError(f"benchmark pile has rejected files: {result.files.rejected[:3]}")
    return seconds


def measure_signing(folder: Path, files: int = 10_000, rounds: int = 3) -> list[Row]:
    """Aggregate the same pile unsigned and signed ``rounds`` times each; rows for the table."""
    from benchmarks.nov_timing import make_pile

    unsigned_dir, signed_dir = folder / "unsigned", folder / "signed"
    unsigned = make_pile(unsigned_dir, files)
    _sign_pile(unsigned, unsigned_dir, signed_dir)
    # Warm-up: imports and statement compilation are paid once per process, not per file.
    _aggregate_seconds(signed_dir / "000", folder / "warm")
    plain: list[float] = []
    signed: list[float] = []
    for n in range(rounds):
        plain.append(_aggregate_seconds(unsigned_dir, folder / f"plain-{n}"))
        signed.append(_aggregate_seconds(signed_dir, folder / f"signed-{n}"))
    added = statistics.median(signed) - statistics.median(plain)
    count = len(unsigned)
    reproduce = "python -m benchmarks --only signing"
    return [
        Row(
            f"signed sync files: aggregate {count} signed",
            statistics.median(signed),
            statistics.median(plain),
            "s",
            "info (floor: the same files unsigned)",
            True,
            reproduce,
        ),
        Row(
            f"signed sync files: verification added ({count} files)",
            added,
            None,
            "s",
            f"<= {TARGET_SECONDS:g} s for 10,000 files",
            added <= TARGET_SECONDS * max(count, 1) / 10_000,
            reproduce,
        ),
    ]
