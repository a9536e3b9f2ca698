"""NOV's programme key: made once on NOV's installation, kept like the installation key.

The private key is a PKCS#8 PEM file beside the installation key (``keys/``, owner-only);
only its public key leaves the installation (``nov keys public``). docs/key-ceremony.md
says who makes it, how it is backed up and how it is replaced.
"""

from __future__ import annotations

from pathlib import Path

from goedgeregeld.base.paths import KEYS_FOLDER, PROGRAMME_KEY_FILE
from goedgeregeld.exchange.container.keys import InstallationKey, load_key_file
from goedgeregeld.store.errors import StoreError

LABEL = "de programmasleutel van NOV"


def programme_key_path(data_dir: Path) -> Path:
    """Where NOV's programme key lives in its installation's data folder."""
    return data_dir / KEYS_FOLDER / PROGRAMME_KEY_FILE


def init_programme_key(data_dir: Path) -> tuple[InstallationKey, bool]:
    """The programme key, made now if there is none; True when it was made by this call."""
    path = programme_key_path(data_dir)
    existed = path.exists()
    key = load_key_file(path, create=True, label=LABEL)
    assert key is not None
    return key, not existed


def programme_key(data_dir: Path) -> InstallationKey:
    """The programme key of this installation, or StoreError when this is not NOV's."""
    key = load_key_file(programme_key_path(data_dir), create=False, label=LABEL)
    if key is None:
        raise StoreError(
            "deze installatie heeft geen programmasleutel van NOV; alleen NOV ondertekent "
            "dit (maak de sleutel eenmalig met 'goedgeregeld nov keys init')"
        )
    return key
