"""Which Qt pieces the bundle keeps: the spec filters ``a.binaries``/``a.datas`` with these rules.

The PySide6 hooks collect every plugin of QtGui (and the libraries those plugins need) and all
Qt translations, whatever the app imports; ``excludes`` cannot stop that. The app uses QtCore,
QtGui, QtWidgets, QtSvg, QtSvgWidgets and QtNetwork (a local server only), draws with the
raster engine (no OpenGL), shows SVG icons, and loads only Qt's Dutch base translation. Paths are bundle destinations with ``/`` or
the platform separator; the rules hold for Linux, Windows and macOS names.
"""

from __future__ import annotations

import os
import pickle
import re
from collections.abc import Callable

# Qt modules (libraries) the app links against, directly or through a kept plugin.
KEEP_QT_MODULES = {
    "Core",
    "Gui",
    "Widgets",
    "Svg",
    "SvgWidgets",
    "DBus",  # QtGui on Linux links it (accessibility, portals, input methods)
    "Network",  # QLocalServer/QLocalSocket: one window per data folder (ui/shell/single_instance)
    "XcbQpa",  # the X11 platform plugin's implementation
    # No WaylandClient: on a Wayland desktop Qt falls back to xcb through XWayland, and the
    # 3 MiB it costs (with its plugins) kept the bundle over its 140 MiB limit once the
    # signing library came in.
}

# Plugins per folder; a name matches when it contains one of the words.
KEEP_PLUGINS = {
    "platforms": ("offscreen", "xcb", "windows", "cocoa", "direct2d"),
    "imageformats": ("svg",),  # PNG and BMP are built into QtGui
    "iconengines": ("svg",),
    "platforminputcontexts": ("compose", "ibus"),  # dead keys and input methods for é, ë
    "platformthemes": ("xdgdesktopportal",),  # gtk3 would drag in the whole GTK stack
    "styles": ("",),  # the native look on Windows and macOS
}

KEEP_TRANSLATIONS = ("qtbase_nl.qm",)

# Babel's hook collects the CLDR data of all ~1,000 locales (about 33 MiB); goedgeregeld.words
# writes Dutch only, which needs nl_NL, its parent nl, root, and global.dat (not in the folder).
KEEP_BABEL_LOCALES = ("nl.dat", "nl_NL.dat", "root.dat")
# Of global.dat (470 KiB: time zones, currencies, likely subtags of every territory) the Dutch
# formatting reads only the parent exceptions; Babel answers any other key with {}.
KEEP_BABEL_GLOBAL_KEYS = ("cldr", "parent_exceptions")
_BABEL_GLOBAL = "babel/global.dat"

_QT_LIBRARY = re.compile(r"^(?:lib)?Qt6(\w+?)(?:\.so[.\d]*|\.dll|\.\d*\.?dylib)?$")
_QT_FRAMEWORK = re.compile(r"(?:^|/)Qt(\w+)\.framework(?:/|$)")
_PLUGIN = re.compile(r"(?:^|[/\\])plugins[/\\]([^/\\]+)[/\\]([^/\\]+)$")


def _normal(path: str) -> str:
    return path.replace("\\", "/")


def _is_pyside(path: str) -> bool:
    return _normal(path).startswith("PySide6/")


# Python's East Asian codec modules (0.9 MiB): the app reads and writes UTF-8 only, and the
# encodings that would load them (Shift-JIS, Big5, ...) are never asked for.
_CJK_CODECS = re.compile(r"(?:^|/)_(?:codecs_(?:jp|kr|cn|tw|hk|iso2022)|multibytecodec)\.")


def keep_binary(dest: str) -> bool:
    """True when the binary at bundle path ``dest`` stays in the bundle."""
    path = _normal(dest)
    if _CJK_CODECS.search(path):
        return False
    library = _QT_LIBRARY.match(path.rsplit("/", 1)[-1])
    if library:  # also the top-level links PyInstaller makes to Qt libraries
        return library.group(1) in KEEP_QT_MODULES
    if not _is_pyside(path):
        return True
    plugin = _PLUGIN.search(path)
    if plugin:
        folder, name = plugin.groups()
        words = KEEP_PLUGINS.get(folder)
        return words is not None and any(word in name for word in words)
    framework = _QT_FRAMEWORK.search(path)
    if framework:
        return framework.group(1) in KEEP_QT_MODULES
    return True


def keep_data(dest: str) -> bool:
    """True when the data file at bundle path ``dest`` stays in the bundle."""
    path = _normal(dest)
    if _QT_LIBRARY.match(path.rsplit("/", 1)[-1]):
        return keep_binary(dest)
    if path.startswith("babel/locale-data/"):
        return path.rsplit("/", 1)[-1] in KEEP_BABEL_LOCALES
    if not _is_pyside(path):
        return True
    if "/translations/" in path:
        return path.rsplit("/", 1)[-1] in KEEP_TRANSLATIONS
    if "/plugins/" in path or ".framework/" in path:
        return keep_binary(dest)
    return True


def write_babel_global(source: str, target: str) -> None:
    """Write ``target``: Babel's ``global.dat`` at ``source`` with only the keys we read."""
    with open(source, "rb") as file:
        data = pickle.load(file)  # noqa: S301  (Babel's own data file, read at build time)
    kept = {key: data[key] for key in KEEP_BABEL_GLOBAL_KEYS if key in data}
    with open(target, "wb") as file:
        pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)


def trim_babel_global(datas: list[tuple[str, str, str]], folder: str) -> list[tuple[str, str, str]]:
    """Swap Babel's ``global.dat`` in ``datas`` for a trimmed copy written into ``folder``."""
    result = []
    for dest, source, kind in datas:
        if _normal(dest) == _BABEL_GLOBAL:
            trimmed = os.path.join(folder, "babel-global.dat")
            write_babel_global(source, trimmed)
            source = trimmed
        result.append((dest, source, kind))
    return result


def _is_root(dest: str) -> bool:
    """A binary loaded by Python or Qt by itself, not only as another binary's dependency."""
    path = _normal(dest)
    name = path.rsplit("/", 1)[-1]
    return (
        "/plugins/" in path
        or "/lib-dynload/" in path
        or ".cpython-" in name
        or name.endswith((".abi3.so", ".pyd"))
        or name.startswith(("libpython", "python"))
    )


def prune_unreferenced(
    binaries: list[tuple[str, str, str]], imports_of: Callable[[str], list[str]]
) -> list[tuple[str, str, str]]:
    """Drop shared libraries no kept binary links to (Linux ELF names).

    PyInstaller resolves dependencies during ``Analysis``, so libraries needed only by a
    dropped plugin (the GTK theme pulls in GTK, Cairo and Pango) stay behind after
    filtering. ``imports_of(source_path)`` returns the names a binary links to.
    """
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in binaries:
        by_name.setdefault(_normal(entry[0]).rsplit("/", 1)[-1], []).append(entry)
    queue = [entry for entry in binaries if _is_root(entry[0])]
    kept = {id(entry) for entry in queue}
    while queue:
        dest, source, kind = queue.pop()
        if kind == "SYMLINK":
            names = [source.replace("\\", "/").rsplit("/", 1)[-1]]
        else:
            names = [name.rsplit("/", 1)[-1] for name in imports_of(source)]
        for name in names:
            for entry in by_name.get(name, []):
                if id(entry) not in kept:
                    kept.add(id(entry))
                    queue.append(entry)
    return [entry for entry in binaries if id(entry) in kept]


def drop_dangling_links(
    entries: list[tuple[str, str, str]], kept_paths: set[str]
) -> list[tuple[str, str, str]]:
    """Drop symbolic links (``SYMLINK`` entries) whose target is no longer in the bundle."""
    result = []
    for dest, source, kind in entries:
        if kind == "SYMLINK":
            folder = _normal(dest).rsplit("/", 1)[0] if "/" in _normal(dest) else ""
            target = _normal(source) if not folder else f"{folder}/{_normal(source)}"
            if _resolve(target) not in kept_paths:
                continue
        result.append((dest, source, kind))
    return result


def _resolve(path: str) -> str:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)
