"""Open a zip of XML parts (docx, OFD) as hostile input: check the zip before inflating anything,
parse XML without DTDs.

A zip of XML parts is a carrier for the classic attacks: members that
inflate to gigabytes (zip bombs), member names that climb out of a folder (``../``), and XML that
expands entities (billion laughs) or pulls in local files (external entities).  Everything is
checked from the central directory first — member count, declared sizes, compression ratios,
names — and a part is then inflated with a hard cap that does not trust the declared size.  XML is
parsed by lxml with entity resolution, DTD loading and network access off, and any document type
declaration is refused outright: no part of an office format legitimately has one.

Shared by the docx and OFD readers; each adds its own first check (a .doc is not a .docx).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Any

from rectify_core.errors import InputError, SecurityError

from .patterns import compiled

MAX_MEMBERS = 4000
MAX_PART_BYTES = 16 * 1024 * 1024        # one inflated XML part (the largest real document.xml seen: 1 MB)
MAX_TOTAL_BYTES = 512 * 1024 * 1024      # declared size of the whole package
MAX_RATIO = 120                          # inflated / compressed, for members above RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
_CHUNK = 1024 * 1024
_DRIVE = compiled(r"^[A-Za-z]:")
_DTD_MARKERS = tuple(m.encode(enc) for m in ("<!DOCTYPE", "<!ENTITY") for enc in ("utf-8", "utf-16-le", "utf-16-be"))


class Package:
    """The members of a checked zip package; ``read`` and ``xml`` inflate one part under the caps."""

    def __init__(self, zf: zipfile.ZipFile, source: str) -> None:
        self._zf = zf
        self.source = source
        self.names = {info.filename: info for info in zf.infolist()}

    def has(self, name: str) -> bool:
        return name in self.names

    def read(self, name: str) -> bytes:
        info = self.names.get(name)
        if info is None:
            raise InputError(f"the package has no part {name}", file=self.source)
        if info.file_size > MAX_PART_BYTES:
            raise SecurityError(f"part {name} is {info.file_size // 2**20} MiB inflated "
                                f"(limit {MAX_PART_BYTES // 2**20} MiB)", file=self.source)
        limit = info.file_size
        out = bytearray()
        try:
            with self._zf.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    out += chunk
                    if len(out) > limit:
                        raise SecurityError(f"part {name} inflates beyond its declared {info.file_size} bytes "
                                            f"(limit {MAX_PART_BYTES // 2**20} MiB)", file=self.source)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, struct.error,
                NotImplementedError) as exc:  # a header offset before the file's start (fuzzing): ValueError
            raise InputError(f"part {name} is damaged or truncated ({exc})", file=self.source) from None
        return bytes(out)

    def xml(self, name: str) -> Any:
        """The root element of an XML part, parsed with the hardened parser."""
        return parse_xml(self.read(name), name, self.source)


def open_zip(data: bytes, source: str, what: str = "a zip package", package: type[Package] = Package) -> Package:
    """The checked package, or an error naming ``source``; ``what`` names the expected format;
    ``package`` is the class to make (a format's subclass may rewrite parts before parsing)."""
    if not data.startswith(b"PK"):
        raise InputError(f"not {what}: the file is not a zip package", file=source)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, OSError, struct.error,
            NotImplementedError) as exc:  # "zip file version 23.6" (fuzzing): NotImplementedError
        raise InputError(f"the zip package is truncated or damaged ({exc})", file=source) from None
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise SecurityError(f"the package has {len(infos)} members (limit {MAX_MEMBERS})", file=source)
    total = 0
    for info in infos:
        name = info.filename
        check_member_name(name, source)
        if info.flag_bits & 0x1:
            raise InputError(f"member {name} is encrypted", file=source)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise InputError(f"member {name} uses an unsupported compression method", file=source)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise SecurityError(f"the package inflates to more than {MAX_TOTAL_BYTES // 2**20} MiB "
                                "(a zip bomb?)", file=source)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise SecurityError(f"member {name} would inflate {info.file_size // max(info.compress_size, 1)}-fold "
                                f"(limit {MAX_RATIO}; a zip bomb?)", file=source)
    return package(zf, source)


def check_member_name(name: str, source: str) -> None:
    """Refuse names that would escape a folder if extracted: absolute, drive, ``..``, backslashes."""
    parts = name.replace("\\", "/").split("/")
    if (name.startswith(("/", "\\")) or "\\" in name or _DRIVE.match(name) or "\x00" in name
            or any(p == ".." for p in parts)):
        raise SecurityError(f"zip member name {name!r} points outside the package", file=source)


def parse_xml(data: bytes, part: str, source: str) -> Any:
    from lxml import etree

    from rectify_core.budget import current

    # libxml2 builds the whole tree in one uninterruptible call (~150 bytes an element): count the
    # start tags first and charge them, so a part of a million runs is refused before it is parsed
    current(source).charge("elements", data.count(b"<") - data.count(b"</"))

    if any(marker in data for marker in _DTD_MARKERS):
        raise SecurityError(f"{part} declares a DTD or entities (entity expansion or external entity attack)",
                            file=source)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{part} is not well-formed XML ({exc.msg})", file=source,
                         location=f"{part} line {exc.lineno}") from None
    if root.getroottree().docinfo.doctype:
        raise SecurityError(f"{part} declares a document type", file=source)
    return root


__all__ = ["Package", "check_member_name", "open_zip", "parse_xml"]
