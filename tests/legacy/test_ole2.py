"""The OLE2 directory reader on compound files the test builds byte by byte: no LibreOffice needed.

What it must do before any .doc/.wps reaches LibreOffice: list the streams, tell Word from Works
from a spreadsheet, and refuse a damaged file — a cyclic or out-of-range sector chain — with an
input error, never a hang or a traceback."""

from __future__ import annotations

import struct

import pytest
from rectify_legacy.ole2 import CompoundFile
from rectify_legacy.reader import examine

from rectify_core.errors import InputError
from rectify_core.plugin_api import OLE2_MAGIC as MAGIC

FATSECT, ENDOFCHAIN, FREE = 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFF


def _entry(name: str, kind: int, start: int = ENDOFCHAIN, size: int = 0) -> bytes:
    raw = name.encode("utf-16-le") + b"\0\0"
    return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) + struct.pack("<III", FREE, FREE, FREE)
            + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))


def compound(streams: list[str], fat: list[int] | None = None) -> bytes:
    """Header, one FAT sector (sector 0), one directory sector (sector 1): a root and empty streams."""
    header = bytearray(512)
    header[0:8] = MAGIC
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)  # minor, major, byte order, sector shift
    struct.pack_into("<H", header, 0x20, 6)  # mini sector shift
    struct.pack_into("<II", header, 0x2C, 1, 1)  # one FAT sector; the directory starts at sector 1
    struct.pack_into("<IIIII", header, 0x38, 4096, ENDOFCHAIN, 0, ENDOFCHAIN, 0)
    difat = [0] + [FREE] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    table = (fat or [FATSECT, ENDOFCHAIN]) + [FREE] * (128 - len(fat or [FATSECT, ENDOFCHAIN]))
    directory = _entry("Root Entry", 5) + b"".join(_entry(s, 2) for s in streams)
    return bytes(header) + struct.pack("<128I", *table) + directory.ljust(512, b"\0")


def test_streams_are_listed_and_the_kind_told() -> None:
    assert CompoundFile(compound(["WordDocument", "1Table"]), "x").names() == {"WordDocument", "1Table"}
    assert examine(compound(["WordDocument"]), "x.doc") == "word"
    assert examine(compound(["CONTENTS"]), "x.wps") == "works"
    with pytest.raises(InputError, match="Excel"):
        examine(compound(["Workbook"]), "x.xls")
    with pytest.raises(InputError, match="encrypted"):
        examine(compound(["EncryptionInfo", "EncryptedPackage"]), "locked.docx")


@pytest.mark.parametrize(("fat", "why"), [
    ([FATSECT, 1], "cyclic"),  # the directory's chain points back to itself
    ([FATSECT, 7], "beyond its end"),  # … to a sector the file does not have
])
def test_a_broken_chain_is_an_input_error(fat: list[int], why: str) -> None:
    with pytest.raises(InputError, match=why) as caught:
        examine(compound(["WordDocument"], fat), "broken.doc")
    assert caught.value.exit_code == 2 and "not a readable .doc or .wps" in caught.value.reason
