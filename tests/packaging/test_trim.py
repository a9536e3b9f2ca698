"""The bundle's trimming rules keep what the app loads and drop the rest, on every platform."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from trim import (  # noqa: E402
    drop_dangling_links,
    keep_binary,
    keep_data,
    prune_unreferenced,
    trim_babel_global,
)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6SvgWidgets.so.6",
        "libQt6Gui.so.6",
        "PySide6/Qt6Core.dll",
        "PySide6\\Qt6Widgets.dll",
        "PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/lib/libQt6Network.so.6",  # the single-instance server (QLocalServer)
        "libQt6Network.so.6",
        "PySide6/Qt6Network.dll",
        "PySide6/QtWidgets.abi3.so",
        "libsqlite3.so.0",
    ],
)
def test_what_the_app_loads_is_kept(dest: str) -> None:
    assert keep_binary(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/plugins/platforms/libqwayland-generic.so",
        "python3.11/lib-dynload/_codecs_jp.cpython-311-x86_64-linux-gnu.so",
        "lib-dynload\\_multibytecodec.pyd",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt6Quick.dll",
        "PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/tls/libqcertonlybackend.so",
        "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    ],
)
def test_what_the_app_never_loads_is_dropped(dest: str) -> None:
    assert not keep_binary(dest)


def test_only_the_dutch_qt_translation_stays() -> None:
    assert keep_data("PySide6/Qt/translations/qtbase_nl.qm")
    assert not keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep_data("PySide6/Qt/translations/qtdeclarative_nl.qm")
    assert not keep_data("PySide6/translations/qt_help_nl.qm")
    assert keep_data("goedgeregeld/resources/fonts/DejaVuSans.ttf")
    assert keep_data("goedgeregeld/store/migrations/versions/0001_initial.py")


def test_libraries_only_a_dropped_plugin_needed_are_pruned() -> None:
    binaries = [
        ("PySide6/QtGui.abi3.so", "/src/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
        ("libfontconfig.so.1", "/src/libfontconfig.so.1", "BINARY"),
        ("libexpat.so.1", "/src/libexpat.so.1", "BINARY"),
        ("libgtk-3.so.0", "/src/libgtk-3.so.0", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libpython3.11.so.1.0", "/src/libpython3.11.so.1.0", "BINARY"),
    ]
    links = {
        "/src/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libfontconfig.so.1"],
        "/src/libfontconfig.so.1": ["libexpat.so.1"],
        "/src/libgtk-3.so.0": ["libcairo.so.2"],
    }
    kept = [entry[0] for entry in prune_unreferenced(binaries, lambda s: links.get(s, []))]
    assert kept == [
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libfontconfig.so.1",
        "libexpat.so.1",
        "libQt6Gui.so.6",
        "libpython3.11.so.1.0",
    ]


def test_links_to_dropped_files_are_dropped() -> None:
    entries = [
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
    ]
    kept = drop_dangling_links(entries, {"PySide6/Qt/lib/libQt6Gui.so.6"})
    assert [entry[0] for entry in kept] == ["libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6"]


def test_only_the_dutch_babel_locale_data_stays() -> None:
    for name in ("nl.dat", "nl_NL.dat", "root.dat"):
        assert keep_data(f"babel/locale-data/{name}")
    assert keep_data("babel\\locale-data\\nl_NL.dat")
    assert keep_data("babel/global.dat")
    assert not keep_data("babel/locale-data/de.dat")
    assert not keep_data("babel/locale-data/nl_BE.dat")
    assert not keep_data("babel/locale-data/en_GB.dat")


def test_the_words_need_no_other_babel_data_than_the_bundle_keeps(tmp_path: Path) -> None:
    """What the bundle keeps of Babel is enough to write every kind of Dutch text."""
    import subprocess

    import babel

    source = Path(babel.__file__).parent
    kept = tmp_path / "locale-data"
    kept.mkdir()
    for path in (source / "locale-data").iterdir():
        if keep_data(f"babel/locale-data/{path.name}"):
            (kept / path.name).write_bytes(path.read_bytes())
    datas = [("babel/global.dat", str(source / "global.dat"), "DATA")]
    [(_dest, trimmed, _kind)] = trim_babel_global(datas, str(tmp_path))
    assert Path(trimmed).stat().st_size < 20_000 < (source / "global.dat").stat().st_size
    script = (
        "import babel.core as core, babel.localedata as data, datetime as dt, pickle\n"
        f"data._dirname = {str(kept)!r}\n"
        f"core._global_data = pickle.load(open({trimmed!r}, 'rb'))\n"
        "from goedgeregeld import words\n"
        "print(words.format_percentage(72.5), words.dutch_date(dt.date(2027, 3, 1)),"
        " words.short_date(dt.date(2026, 12, 31)), words.counted(1, 'stelling', 'stellingen'))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "72,5% 1 maart 2027 31-12-2026 1 stelling"
