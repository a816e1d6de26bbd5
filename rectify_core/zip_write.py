"""Write a small zip package (docx, OFD) that is the same bytes every time, without ``zipfile``.

The docx and OFD writers put a dozen XML parts of a few hundred kilobytes at most into a zip.
``zipfile`` does that well, but importing it imports pathlib, urllib.parse, ipaddress, shutil,
bz2, lzma and threading — ~5 ms of every ``rectify convert … -o x.docx`` (issue 13: a
conversion should cost no more than pandoc's), more than writing the package takes.

:func:`zip_bytes` writes exactly what ``zipfile.ZipFile.writestr`` writes for entries made as
``ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))`` with ``create_system = 0``, ``ZIP_DEFLATED``
at level 6 into a seekable file, and the owner's read and write permission as the only
attributes (what zipfile of Python 3.11.7 gives an entry that has none; here on every Python).
``tests/core/test_zip_write.py`` compares the bytes.  That is: local headers with the sizes and
CRC filled in, no data descriptors, a central directory and an end record, names in UTF-8 with
the language-encoding flag when not ASCII.  Entries are written in the order given, with the zip
epoch as their time, so the same parts give byte-identical packages.  Zip64 is not written: a
part or package past 4 GiB is refused, far beyond what a notice needs.  Reading zips stays with
``zipfile`` behind the checks of :mod:`rectify_core.zip_package`.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable

LEVEL = 6  # zlib's default; what zipfile uses when no level is given
_VERSION = 20  # "version needed to extract" and "made by": 2.0, deflate
_UTF8_NAME = 0x800  # general purpose flag 11: the name is UTF-8
_DOS_EPOCH = (0, 1 << 5 | 1)  # 1980-01-01 00:00:00 as (time, date)
_ATTRIBUTES = 0o600 << 16  # external attributes: rw------- (MS-DOS attributes 0)
_LIMIT = (1 << 32) - 1
_LOCAL = struct.Struct("<4s2B4HL2L2H")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")


def zip_bytes(parts: Iterable[tuple[str, bytes | str]], level: int = LEVEL) -> bytes:
    """The zip of ``parts`` (name, content; text is written as UTF-8), deflated, in this order."""
    out: list[bytes] = []
    central: list[bytes] = []
    offset = 0
    names: set[str] = set()
    for name, content in parts:
        if name in names:
            raise ValueError(f"zip member {name!r} given twice")
        names.add(name)
        data = content.encode("utf-8") if isinstance(content, str) else content
        try:
            raw_name, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            raw_name, flags = name.encode("utf-8"), _UTF8_NAME
        deflate = zlib.compressobj(level, zlib.DEFLATED, -15)
        packed = deflate.compress(data) + deflate.flush()
        crc = zlib.crc32(data)
        if len(data) > _LIMIT or len(packed) > _LIMIT or offset > _LIMIT:
            raise ValueError(f"zip member {name!r} is too large for a package without zip64")
        dos_time, dos_date = _DOS_EPOCH
        out.append(_LOCAL.pack(b"PK\x03\x04", _VERSION, 0, flags, zlib.DEFLATED, dos_time, dos_date, crc,
                               len(packed), len(data), len(raw_name), 0))
        out.append(raw_name)
        out.append(packed)
        central.append(_CENTRAL.pack(b"PK\x01\x02", _VERSION, 0, _VERSION, 0, flags, zlib.DEFLATED, dos_time,
                                     dos_date, crc, len(packed), len(data), len(raw_name), 0, 0, 0, 0, _ATTRIBUTES,
                                     offset))
        central.append(raw_name)
        offset += _LOCAL.size + len(raw_name) + len(packed)
    directory = b"".join(central)
    if len(names) > 0xFFFF or offset > _LIMIT:
        raise ValueError("too many or too large zip members for a package without zip64")
    end = _END.pack(b"PK\x05\x06", 0, 0, len(names), len(names), len(directory), offset, 0)
    return b"".join(out) + directory + end


__all__ = ["LEVEL", "zip_bytes"]
