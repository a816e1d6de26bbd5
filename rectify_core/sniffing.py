"""The first characters of a file as text, whatever its encoding: what every sniffer matches on.

A sniffer that matches bytes sees ``<\\x00h\\x00t\\x00m\\x00l\\x00`` in a UTF-16 page and no
``<html`` — so UTF-16 HTML, XML and JSON were read as plain text, markup and all (issue 11).  Every
sniffer asks :func:`head_text` instead: a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32);
without one, ASCII-range text in UTF-16 shows itself by a zero in every other byte; anything else
is taken as UTF-8 (bytes that do not decode become U+FFFD: a sniffer looks for markers, not text).
:func:`structured_kind` then says whether the text opens like markup or JSON, which no notice's
plain text does.
"""

from __future__ import annotations

import codecs

#: the signature of an OLE2 compound file: Word 97–2003 .doc, Works/WPS .wps and Excel .xls all begin with it
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def head_encoding(head: bytes) -> tuple[str, int] | None:
    """(codec, bytes to skip) when a BOM or the UTF-16 zero-byte pattern names the encoding."""
    for bom, codec in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    sample = head[:64]
    if len(sample) >= 8:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) >= len(odd) * 0.75 and even.count(0) == 0:
            return "utf-16-le", 0
        if even.count(0) >= len(even) * 0.75 and odd.count(0) == 0:
            return "utf-16-be", 0
    return None


def head_text(head: bytes) -> str:
    """``head`` decoded (see the module docstring), leading white space and BOM removed."""
    found = head_encoding(head)
    codec, skip = found if found is not None else ("utf-8", 0)
    return head[skip:].decode(codec, "replace").lstrip("\ufeff \t\r\n")


def structured_kind(text: str) -> str | None:
    """"markup" when ``text`` (a head_text) opens with a tag, declaration or comment, "json" when it
    opens a JSON object or array; else None."""
    if text.startswith("<") and len(text) > 1 and (text[1].isalpha() or text[1] in "!?/"):
        return "markup"
    if text.startswith(("{", "[")):
        return "json"
    return None


__all__ = ["head_encoding", "head_text", "structured_kind"]
