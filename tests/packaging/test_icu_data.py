"""The bundle's smaller ICU data library: same format, and Qt answers as with the full one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from icu_data import keep_item, read_package, shrink_library, trim_icu_data  # noqa: E402

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF, Linux only")


def _library() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no ICU data library")
    return found[0]


@pytest.fixture(scope="module")
def full() -> bytes:
    return _library().read_bytes()


@pytest.fixture(scope="module")
def trimmed(full: bytes, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("icu") / _library().name
    target.write_bytes(shrink_library(full))
    return target


def _items(library: bytes) -> dict[str, bytes]:
    start = library.index(b"CmnD") - 12  # the package header names its format at offset 12
    return dict(read_package(library[start:])[1])


def test_keeping_everything_gives_the_same_bytes_back(full: bytes) -> None:
    assert shrink_library(full, lambda _name, _data: True) == full


def test_what_qt_can_read_stays_and_the_rest_goes(full: bytes, trimmed: Path) -> None:
    before, after = _items(full), _items(trimmed.read_bytes())
    prefix = next(iter(before)).split("/")[0]  # icudt73l
    for name in ("nl.res", "root.res", "coll/nl.res", "coll/ucadata.icu", "zone/nl.res",
                 "region/nl.res", "zoneinfo64.res", "metaZones.res", "likelySubtags.res",
                 "cnvalias.icu", "ibm-5348_P100-1997.cnv"):  # fmt: skip
        assert f"{prefix}/{name}" in after, name
        assert after[f"{prefix}/{name}"] == before[f"{prefix}/{name}"]
    for name in ("brkitr/cjdict.dict", "translit/root.res", "curr/nl.res", "lang/nl.res",
                 "unit/nl.res", "rbnf/nl.res", "unames.icu", "gb18030.cnv"):  # fmt: skip
        assert f"{prefix}/{name}" in before and f"{prefix}/{name}" not in after, name
    assert len(trimmed.read_bytes()) < 0.5 * len(full)
    assert not keep_item(f"{prefix}/brkitr/de.res", b"") and keep_item(f"{prefix}/nl.res", b"")


_PROBE = """
from PySide6.QtCore import QCollator, QCoreApplication, QLocale, QStringDecoder, QTimeZone
app = QCoreApplication([])
words = ["ijsbeer", "Ézel", "appel", "Zeeland", "ëzel", "IJmuiden", "zaal", "Äpfel",
         "10 stellingen", "9 stellingen", "öre", "øre", "Ærø"]
for name in ("nl_NL", "en_US", "de_DE", "sv_SE", "tr_TR"):
    collator = QCollator(QLocale(name))
    print(name, sorted(words, key=collator.sortKey))
    collator.setNumericMode(True)
    print(name, sorted(words, key=collator.sortKey))
print(QLocale("nl_NL").toUpper("ijsselmeer één straße"), QLocale("tr_TR").toUpper("istanbul"))
zone = QTimeZone(b"Europe/Amsterdam")
for name in ("nl_NL", "en_US", "fr_FR"):
    for kind in QTimeZone.NameType:
        for time in (QTimeZone.TimeType.StandardTime, QTimeZone.TimeType.DaylightTime):
            print(name, kind.name, zone.displayName(time, kind, QLocale(name)))
print(len(QTimeZone.availableTimeZoneIds()))
print([QStringDecoder(c).isValid() for c in ("UTF-8", "ISO-8859-1", "windows-1252", "ISO-8859-15")])
print("multi-byte", QStringDecoder("Shift_JIS").isValid())
"""


def _probe(preload: Path | None) -> list[str]:
    environment = dict(os.environ)
    if preload is not None:
        environment["LD_PRELOAD"] = str(preload)  # the dynamic linker takes it for libicudata
    done = subprocess.run(
        [sys.executable, "-c", _PROBE], env=environment, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_qt_sorts_cases_and_names_time_zones_as_with_the_full_data(trimmed: Path) -> None:
    full, small = _probe(None), _probe(trimmed)
    assert full[-1] == "multi-byte True" and small[-1] == "multi-byte False"  # it was loaded
    assert small[:-1] == full[:-1]
    assert "Midden-Europese standaardtijd" in "\n".join(small)


def test_the_spec_swaps_only_the_data_library(tmp_path: Path) -> None:
    library = _library()
    binaries = [
        (f"PySide6/Qt/lib/{library.name}", str(library), "BINARY"),
        (library.name, f"PySide6/Qt/lib/{library.name}", "SYMLINK"),
        ("PySide6/Qt/lib/libicuuc.so.73", "/src/libicuuc.so.73", "BINARY"),
    ]
    said: list[str] = []
    swapped = trim_icu_data(binaries, str(tmp_path), said.append)
    assert swapped[1:] == binaries[1:]
    assert Path(swapped[0][1]).parent == tmp_path and swapped[0][0] == binaries[0][0]
    assert said and "MiB" in said[0]
