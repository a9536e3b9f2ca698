"""A smaller ICU data library for the bundle: only the ICU data Qt can ask for stays.

``libicudata.so.NN`` (31 MiB) holds one ICU "common data" package: a table of contents and
about 3,900 items (locale bundles, collation, time zones, converter tables, dictionaries...)
behind one exported symbol, ``icudtNN_dat``. QtCore is the only binary in the bundle that links
ICU, and the ICU functions it imports decide which items can ever be read: ``ucol_*``
(QCollator, also used by Qt's own file dialog), ``ucal_*`` (time-zone ids and display names),
``ucnv_*`` (QStringConverter for encodings Qt does not implement itself) and
``u_strToUpper``/``u_strToLower`` (whose case data is compiled into libicuuc). It imports no
break iterator, transliterator, number, unit, currency or display-name function, so the items
only those read are dropped (``DROP_GROUPS``, ``DROP_SUFFIXES``); every locale bundle,
collation, time-zone and region item stays. The converter tables for legacy multi-byte
encodings go too: the app reads and writes UTF-8 only, and Qt handles UTF-8/16/32 and Latin-1
without ICU (the same reasoning drops Python's CJK codecs, ``trim.py``).

The library is rewritten with the same ELF headers, the smaller package in place of the old
one, and everything after it moved down by whole pages (so file offsets and addresses keep
their alignment). When the library does not have the expected simple layout, the original is
kept and the build says so.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Callable

# Item groups (the folder inside the package) that no ICU function QtCore imports reads.
DROP_GROUPS = (
    "brkitr",  # break iterators and their dictionaries (Qt breaks text itself)
    "translit",  # transliteration
    "rbnf",  # spelled-out numbers
    "unit",  # measurement units
    "curr",  # currency names
    "lang",  # language display names
)
# Top-level items by kind: character names (u_charName), StringPrep profiles (.spp; Qt does
# IDNA itself) and the spoof checker's confusables (.cfu). Of the converter tables (.cnv)
# only the multi-byte ones go (Shift-JIS, Big5, GB18030, EUC, EBCDIC DBCS: 4.5 MiB); the
# single-byte ones (windows-1252, ISO-8859-15, ...: 0.4 MiB) and the alias table stay.
DROP_SUFFIXES = (".spp", ".cfu")
DROP_NAMES = ("unames.icu",)

_ICU_DATA = re.compile(r"^libicudata\.so\.(\d+)(?:\.\d+)*$")
_PAGE = 0x1000
_ALIGN = 16
_PAD = b"\xaa"  # what ICU's own packager fills the gaps between items with


def keep_item(name: str, data: bytes) -> bool:
    """True when the package item ``name`` (e.g. ``icudt73l/coll/nl.res``) stays."""
    parts = name.split("/")
    if len(parts) > 2:
        return parts[1] not in DROP_GROUPS
    leaf = parts[-1]
    if leaf.endswith(".cnv"):
        return max_bytes_per_char(data) == 1
    return not (leaf.endswith(DROP_SUFFIXES) or leaf in DROP_NAMES)


def max_bytes_per_char(converter: bytes) -> int:
    """``maxBytesPerChar`` of an ICU converter table (.cnv): 1 for a single-byte encoding."""
    (header_size,) = struct.unpack_from("<H", converter, 0)
    # UConverterStaticData: structSize, name[60], codepage, platform, conversionType,
    # minBytesPerChar, maxBytesPerChar, ...
    return converter[header_size + 4 + 60 + 4 + 3]


def read_package(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Split an ICU common-data package into its header and ``(name, data)`` items."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    if blob[8] != 0:  # UDataInfo.isBigEndian
        raise ValueError("big-endian ICU data")
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        name = toc[name_offset : toc.index(b"\0", name_offset)].decode("ascii")
        items.append((name, toc[data_offset:end]))
    return blob[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common-data package of ``items`` (kept in their sorted order) after ``header``."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in items)
    names_at = 4 + 8 * len(items)
    data_at = _align(names_at + len(names), _ALIGN)
    table, body, offset = [], [], data_at
    name_offset = names_at
    for name, data in items:
        table.append(struct.pack("<II", name_offset, offset))
        name_offset += len(name) + 1
        padded = data + _PAD * (_align(len(data), _ALIGN) - len(data))
        body.append(padded)
        offset += len(padded)
    toc = struct.pack("<I", len(items)) + b"".join(table) + names
    toc += _PAD * (data_at - len(toc))
    return header + toc + b"".join(body)


def trim_package(blob: bytes, keep: Callable[[str, bytes], bool] = keep_item) -> bytes:
    """The package ``blob`` with only the items ``keep`` accepts."""
    header, items = read_package(blob)
    return write_package(header, [(name, data) for name, data in items if keep(name, data)])


def _align(value: int, step: int) -> int:
    return (value + step - 1) // step * step


class _Elf:
    """The few ELF64 little-endian structures the rewrite touches."""

    def __init__(self, data: bytes) -> None:
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise ValueError("not a 64-bit little-endian ELF file")
        self.data = bytearray(data)
        (self.phoff, self.shoff) = struct.unpack_from("<QQ", data, 0x20)
        (self.phentsize, self.phnum, self.shentsize, self.shnum) = struct.unpack_from(
            "<HHHH", data, 0x36
        )

    def programs(self) -> list[int]:
        return [self.phoff + i * self.phentsize for i in range(self.phnum)]

    def sections(self) -> list[int]:
        return [self.shoff + i * self.shentsize for i in range(self.shnum)]

    def section(self, at: int) -> tuple[int, int, int, int, int]:
        """type, address, file offset, size and link of the section header at ``at``."""
        kind, _flags, addr, offset, size, link = struct.unpack_from("<IQQQQI", self.data, at + 4)
        return kind, addr, offset, size, link


def _data_symbol(elf: _Elf) -> tuple[int, int, int]:
    """(dynsym entry offset, file offset, size) of the one exported ``icudtNN_dat`` symbol."""
    for at in elf.sections():
        kind, _addr, offset, size, link = elf.section(at)
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = elf.section(elf.sections()[link])[2]
        for entry in range(offset, offset + size, 24):
            name_at, _info, _other, shndx, value, length = struct.unpack_from(
                "<IBBHQQ", elf.data, entry
            )
            name = bytes(elf.data[strings + name_at : elf.data.index(0, strings + name_at)])
            if re.fullmatch(rb"icudt\d+_dat", name) and length:
                if shndx == 0:
                    break
                _kind, home_addr, home_offset, _size, _link = elf.section(elf.sections()[shndx])
                return entry, home_offset + (value - home_addr), length
    raise ValueError("no icudtNN_dat symbol")


def shrink_library(data: bytes, keep: Callable[[str, bytes], bool] = keep_item) -> bytes:
    """``libicudata.so`` bytes with the trimmed package; raises ValueError on other layouts."""
    elf = _Elf(data)
    symbol, start, size = _data_symbol(elf)
    end = start + size
    package = trim_package(bytes(data[start:end]), keep)
    shift = (end - start - len(package)) // _PAGE * _PAGE  # whole pages, keeps alignment
    if shift <= 0:
        return data
    new_size = size - shift
    package += bytes(new_size - len(package))
    for at in elf.programs():
        kind, _flags, offset, vaddr, paddr, filesz, memsz = struct.unpack_from(
            "<IIQQQQQ", elf.data, at
        )
        if offset >= end:
            offset, vaddr, paddr = offset - shift, vaddr - shift, paddr - shift
        elif offset + filesz >= end and kind == 1:  # the PT_LOAD holding the package
            if memsz != filesz:
                raise ValueError("the package's segment has a memory-only part")
            filesz, memsz = filesz - shift, memsz - shift
        elif offset + filesz > start:
            raise ValueError("a segment overlaps the package")
        struct.pack_into("<QQQQQ", elf.data, at + 8, offset, vaddr, paddr, filesz, memsz)
    for at in elf.sections():
        kind, addr, offset, length, _link = elf.section(at)
        if offset <= start < offset + length:  # the section holding the package (.rodata)
            if offset + length != end:
                raise ValueError("the package does not end its section")
            struct.pack_into("<Q", elf.data, at + 0x20, length - shift)
        elif offset >= end:  # everything after the package moves down
            struct.pack_into(
                "<QQ", elf.data, at + 0x10, addr - shift if addr else 0, offset - shift
            )
            if kind == 6:  # SHT_DYNAMIC: addresses in it that point past the package move too
                for entry in range(offset, offset + length, 16):
                    tag, value = struct.unpack_from("<qQ", elf.data, entry)
                    if tag in _DT_POINTERS and value >= end:
                        struct.pack_into("<Q", elf.data, entry + 8, value - shift)
    struct.pack_into("<Q", elf.data, symbol + 16, new_size)
    struct.pack_into("<Q", elf.data, 0x28, elf.shoff - shift)
    return bytes(elf.data[:start]) + package + bytes(elf.data[end:])


# Dynamic tags whose value is an address (those that could point past the package).
_DT_POINTERS = {3, 4, 5, 6, 7, 12, 13, 17, 23, 25, 26, 0x6FFFFEF5, 0x6FFFFFF0, 0x6FFFFFFE}


def trim_icu_data(
    binaries: list[tuple[str, str, str]], folder: str, say: Callable[[str], None] = print
) -> list[tuple[str, str, str]]:
    """Swap ``libicudata.so.NN`` in ``binaries`` for a trimmed copy written into ``folder``."""
    result = []
    for dest, source, kind in binaries:
        name = dest.replace("\\", "/").rsplit("/", 1)[-1]
        if kind != "SYMLINK" and _ICU_DATA.match(name):
            with open(source, "rb") as file:
                original = file.read()
            try:
                smaller = shrink_library(original)
            except ValueError as problem:
                say(f"icu_data: keeping {dest} as it is ({problem})")
            else:
                trimmed = os.path.join(folder, f"trimmed-{name}")
                with open(trimmed, "wb") as file:
                    file.write(smaller)
                os.chmod(trimmed, 0o755)
                say(f"icu_data: {dest} {len(original) >> 20} -> {len(smaller) >> 20} MiB")
                source = trimmed
        result.append((dest, source, kind))
    return result
