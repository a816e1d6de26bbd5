"""Just enough of the OLE2 compound file format to tell what a .doc or .wps holds, and whether it is
encrypted — without handing an unknown file to LibreOffice first.

A compound file is a small FAT file system: 512-byte header, sectors chained through a FAT, a
directory of 128-byte entries naming streams.  Word 97–2003 (.doc) and Kingsoft WPS (.wps) keep the
text in a ``WordDocument`` stream whose FIB says whether it is encrypted; Microsoft Works .wps has a
``CONTENTS`` stream; a password-protected .docx is an OLE2 file with ``EncryptionInfo`` and
``EncryptedPackage``.  Every chain is walked with a step cap, so a cyclic or out-of-range chain is a
clear error, never a hang.
"""

from __future__ import annotations

import struct

from rectify_core.plugin_api import OLE2_MAGIC, InputError, dataclass

_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_MAX_ENTRIES = 100_000


@dataclass(frozen=True)
class Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    start: int
    size: int


class CompoundFile:
    """The directory of a compound file and a way to read its streams."""

    def __init__(self, data: bytes, source: str) -> None:
        if not data.startswith(OLE2_MAGIC) or len(data) < 512:
            raise InputError("not an OLE2 compound file", file=source)
        self.data, self.source = data, source
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if shift not in (9, 12) or mini_shift != 6:
            raise InputError("the OLE2 header is damaged (sector sizes)", file=source)
        self.sector = 1 << shift
        self.mini = 1 << mini_shift
        n_fat, self._dir_start = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, mini_fat_start, n_mini_fat, difat_start, n_difat = struct.unpack_from("<IIIII", data, 0x38)
        self._sectors = max(0, (len(data) - self.sector) // self.sector)
        fat_sectors = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _END][:n_fat]
        step, cursor = 0, difat_start
        per = self.sector // 4 - 1
        while len(fat_sectors) < n_fat and cursor < _END and step <= n_difat:
            values = struct.unpack_from(f"<{per + 1}I", self._raw_sector(cursor))
            fat_sectors += [s for s in values[:per] if s < _END]
            cursor, step = values[per], step + 1
        self.fat: list[int] = []
        for s in fat_sectors[:n_fat]:
            self.fat += struct.unpack(f"<{self.sector // 4}I", self._raw_sector(s))
        self.entries = self._directory()
        root = next((e for e in self.entries if e.kind == 5), None)
        self._ministream = self._chain_bytes(root.start, root.size) if root else b""
        mini_fat = self._chain_bytes(mini_fat_start, n_mini_fat * self.sector) if n_mini_fat else b""
        self.mini_fat = list(struct.unpack(f"<{len(mini_fat) // 4}I", mini_fat[: len(mini_fat) // 4 * 4]))

    def _raw_sector(self, n: int) -> bytes:
        if n >= self._sectors:
            raise InputError(f"the OLE2 file points to sector {n} beyond its end (damaged or truncated)",
                             file=self.source)
        start = (n + 1) * self.sector
        return self.data[start:start + self.sector]

    def _chain(self, start: int, table: list[int]) -> list[int]:
        out: list[int] = []
        cursor = start
        while cursor < _END:
            if cursor >= len(table) or len(out) > len(table):
                raise InputError("an OLE2 sector chain is broken or cyclic (damaged file)", file=self.source)
            out.append(cursor)
            cursor = table[cursor]
        return out

    def _chain_bytes(self, start: int, size: int) -> bytes:
        data = b"".join(self._raw_sector(s) for s in self._chain(start, self.fat))
        return data[:size]

    def _directory(self) -> list[Entry]:
        raw = self._chain_bytes(self._dir_start, _MAX_ENTRIES * 128)
        out = []
        for offset in range(0, len(raw) - 127, 128):
            length, kind = struct.unpack_from("<HB", raw, offset + 64)
            if kind not in (1, 2, 5) or not 2 <= length <= 64:
                continue
            name = raw[offset:offset + length - 2].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<IQ", raw, offset + 116)
            out.append(Entry(name, kind, start, size if self.sector == 4096 else size & 0xFFFFFFFF))
        return out

    def names(self) -> set[str]:
        return {e.name for e in self.entries if e.kind == 2}

    def read(self, name: str, limit: int) -> bytes:
        """The first ``limit`` bytes of stream ``name`` (empty when there is none)."""
        entry = next((e for e in self.entries if e.kind == 2 and e.name == name), None)
        if entry is None:
            return b""
        size = min(entry.size, limit)
        if entry.size >= self.cutoff:
            return self._chain_bytes(entry.start, size)
        parts = []
        for s in self._chain(entry.start, self.mini_fat):
            parts.append(self._ministream[s * self.mini:(s + 1) * self.mini])
            if sum(map(len, parts)) >= size:
                break
        return b"".join(parts)[:size]


def word_encrypted(fib: bytes) -> bool:
    """The FIB of a WordDocument stream says fEncrypted (or XOR-obfuscated): bits 8 and 15 of the flags."""
    if len(fib) < 12:
        return False
    (flags,) = struct.unpack_from("<H", fib, 0x0A)
    return bool(flags & 0x0100 or flags & 0x8000)


__all__ = ["CompoundFile", "Entry", "word_encrypted"]
