"""Read plain text as people have it: any common encoding, any line ending, PDF-wrapped or not.

Encodings: a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32); without one, UTF-8 is tried
first (it rarely decodes anything else by accident), then GB18030, the superset of GBK and GB2312
that Chinese Windows tools save.  The encoding found is reported in ``ReadResult.info["encoding"]``.
Lines end at CRLF, CR or LF; a form feed (pdftotext's page break) starts a new page, so findings
and removed page furniture can say which page they were on.  Everything else — paragraphs, wrapped
lines, headings — is the recognizer's job (``rectify_core.recognize``).
"""

from __future__ import annotations

import re
from typing import Any

from rectify_core.errors import InputError
from rectify_core.formats import Reader, ReadResult, Source
from rectify_core.recognize import Block, recognize

MAX_BYTES = 32 * 1024 * 1024
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_NEWLINE = re.compile(r"\r\n|\r|\n")


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: every other byte of ASCII text is NUL."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 4 and even == 0:
        return "utf-16-le"
    if even > len(sample) // 4 and odd == 0:
        return "utf-16-be"
    return None


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) or InputError saying why the bytes are not text."""
    found = _bom(data)
    if found is not None:
        codec, skip = found
        try:
            return data[skip:].decode(codec.replace("-sig", "")), codec
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a {codec} byte-order mark but byte {exc.start + skip} is not {codec}",
                             file=name) from None
    guessed = _utf16_without_bom(data)
    candidates = [guessed] if guessed else ["utf-8", "gb18030"]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise InputError("contains NUL characters: a binary file, not text", file=name)
        return text, codec
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not text in UTF-8, UTF-16 or GB18030 (undecodable byte 0x{data[exc.start]:02x} at "
                         f"offset {exc.start})", file=name) from None
    raise InputError("not text in UTF-8, UTF-16 or GB18030", file=name)


def to_blocks(text: str) -> list[Block]:
    """One block per line, numbered from 1; pages counted at form feeds when there are any."""
    paged = "\f" in text
    page = 1
    blocks = []
    for number, line in enumerate(_NEWLINE.split(text), start=1):
        if paged and "\f" in line:
            before, _, after = line.rpartition("\f")
            if before.strip():
                blocks.append(Block(before, line=number, page=page))
            page += line.count("\f")
            line = after
        blocks.append(Block(line, line=number, page=page if paged else None))
    return blocks


class TxtReader(Reader):
    name = "txt"
    extensions = ("txt", "text")
    media_types = ("text/plain",)
    description = "plain text (UTF-8, UTF-16, GB18030), including text extracted from PDFs"

    def sniff(self, head: bytes, filename: str | None) -> float:
        if _bom(head) is not None:
            return 0.6
        stripped = head.lstrip()
        if stripped[:1] in (b"{", b"<", b"%") or (b"\x00" in head and _utf16_without_bom(head) is None):
            return 0.05
        for codec in ("utf-8", "gb18030"):
            try:
                head.decode(codec)
            except UnicodeDecodeError as exc:
                if exc.start < len(head) - 4:  # a character cut at the end of the sample is fine
                    continue
            return 0.5
        return 0.0

    def read(self, source: Source, options: dict[str, Any]) -> ReadResult:
        if len(source.data) > MAX_BYTES:
            raise InputError(f"text file is larger than {MAX_BYTES // 2**20} MiB", file=source.name)
        text, encoding = decode(source.data, source.name)
        if not text.strip():
            raise InputError("the file holds no text", file=source.name)
        result = recognize(to_blocks(text), source=source.name)
        result.info["encoding"] = encoding
        return result
