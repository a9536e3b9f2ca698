"""Linux desktop integration: the menu entry, icons and file types match what the app writes."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from goedgeregeld.exchange.evaluation.format import EVALUATION_SUFFIX
from goedgeregeld.exchange.respondent.format import ANSWERS_SUFFIX, RESPONDENT_SUFFIX
from goedgeregeld.exchange.review.format import REVIEW_SUFFIX
from goedgeregeld.exchange.sync.export import export_sync_file
from goedgeregeld.store.db.engine import Database
from goedgeregeld.store.organisations import create_organisation

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
DESKTOP = PACKAGING / "linux" / "nl.goedgeregeld.GoedGeregeld.desktop"
MIME_XML = PACKAGING / "linux" / "goedgeregeld-mime.xml"
NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
TYPES = {
    "application/x-goedgeregeld-evaluation",
    "application/x-goedgeregeld-review",
    "application/x-goedgeregeld-sync",
    "application/x-goedgeregeld-respondent",
    "application/x-goedgeregeld-answers",
}


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _mime_types() -> dict[str, ET.Element]:
    root = ET.parse(MIME_XML).getroot()
    return {node.get("type", ""): node for node in root.findall("m:mime-type", NS)}


def test_menu_entry_starts_the_app_with_the_opened_file() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Goed Geregeld"
    assert entry["Exec"].split()[0] == "goedgeregeld"
    assert entry["Exec"].endswith("%f")
    assert entry["Icon"] == "goedgeregeld"
    assert entry["Terminal"] == "false"
    assert set(filter(None, entry["MimeType"].split(";"))) == TYPES


def test_every_type_of_the_menu_entry_is_defined_with_a_dutch_name() -> None:
    types = _mime_types()
    assert set(types) == TYPES
    for node in types.values():
        assert (
            node.find("m:comment[@{http://www.w3.org/XML/1998/namespace}lang='nl']", NS) is not None
        )


def test_file_patterns_match_the_suffixes_the_app_writes() -> None:
    types = _mime_types()
    globs = {
        name: {g.get("pattern") for g in node.findall("m:glob", NS)} for name, node in types.items()
    }
    assert globs["application/x-goedgeregeld-evaluation"] == {f"*{EVALUATION_SUFFIX}"}
    assert globs["application/x-goedgeregeld-review"] == {f"*{REVIEW_SUFFIX}"}
    assert globs["application/x-goedgeregeld-respondent"] == {f"*{RESPONDENT_SUFFIX}"}
    assert globs["application/x-goedgeregeld-answers"] == {f"*{ANSWERS_SUFFIX}"}


def test_a_real_sync_file_is_recognised_by_its_magic(db: Database, tmp_path: Path) -> None:
    create_organisation(db, "Buurthuis", volunteers=10)
    path = tmp_path / "statistiek.json"
    export_sync_file(db, path)
    head = path.read_bytes()[:128].decode("utf-8")
    sync = _mime_types()["application/x-goedgeregeld-sync"]
    matches = sync.findall("m:magic/m:match", NS)
    assert matches
    hits = []
    for match in matches:
        start, end = (int(part) for part in match.get("offset", "0:0").split(":"))
        value = match.get("value", "")
        hits.append(value in head[start : end + len(value)])
    assert any(hits)


@pytest.mark.skipif(shutil.which("update-mime-database") is None, reason="no shared-mime-info")
def test_shared_mime_info_accepts_the_file(tmp_path: Path) -> None:
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME_XML, tmp_path / "packages")
    subprocess.run(["update-mime-database", str(tmp_path)], check=True, capture_output=True)
    globs = (tmp_path / "globs2").read_text(encoding="utf-8")
    assert "application/x-goedgeregeld-evaluation:*.ggeval" in globs


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_icons_exist_in_the_usual_sizes(size: int) -> None:
    assert _png_size(PACKAGING / "icons" / f"goedgeregeld-{size}.png") == (size, size)


def test_windows_and_macos_icons_exist() -> None:
    assert (PACKAGING / "icons" / "goedgeregeld.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (PACKAGING / "icons" / "goedgeregeld.icns").read_bytes()[:4] == b"icns"
