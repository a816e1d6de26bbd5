"""Caps and a pre-flight check that refuse hostile PDFs before pdfium spends time or memory on them.

pdfium cannot be interrupted inside a call, so what would make a call expensive is checked first:
the file size, the header, a missing end (a truncated download), and compressed streams that
inflate far beyond any real notice (a "zip bomb" inside a content or object stream).  The reader
then enforces page, character and time caps between pages.  A real 通报 has 5–30 pages and
fewer than 20 000 characters; every cap is two orders of magnitude above that.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import Any

from rectify_core.plugin_api import InputError, SecurityError


@dataclass(frozen=True)
class Limits:
    bytes: int = 64 * 2**20
    pages: int = 500
    chars_per_page: int = 50_000
    chars: int = 500_000
    seconds: float = 5.0
    inflated: int = 128 * 2**20  # all Flate streams together, decompressed
    ratio: int = 1000  # a stream inflating more than this, to more than 8 MiB, is a bomb

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Limits:
        """``max_pages`` and ``max_seconds`` may be raised (or lowered) by the caller."""
        base = cls()
        return cls(
            pages=int(options.get("max_pages", base.pages)),
            seconds=float(options.get("max_seconds", base.seconds)),
        )


_STREAM = re.compile(rb"stream\r?\n")
_CHUNK = 8 * 2**20


def preflight(data: bytes, name: str, limits: Limits) -> None:
    """Refuse what is not a PDF, is cut short, or hides a decompression bomb."""
    if len(data) > limits.bytes:
        raise InputError(f"the PDF is {len(data) / 2**20:.0f} MiB; the limit is {limits.bytes // 2**20} MiB", file=name)
    if b"%PDF-" not in data[:1024]:
        raise InputError("not a PDF (no %PDF- header)", file=name)
    if b"%%EOF" not in data[-2048:]:
        raise InputError("the PDF is truncated (it does not end with %%EOF): the download or copy was cut short",
                         file=name)
    _check_streams(data, name, limits)


def _check_streams(data: bytes, name: str, limits: Limits) -> None:
    """Inflate every Flate stream in bounded chunks, counting, without keeping the output."""
    total = 0
    for match in _STREAM.finditer(data):
        start = match.end()
        head = data[max(0, match.start() - 400):match.start()]
        if b"/Image" in head[head.rfind(b"obj") + 1:]:
            continue  # images are not decoded to read text
        end = data.find(b"endstream", start)
        raw = data[start:end if end != -1 else len(data)]
        if raw[:1] not in (b"\x78", b"\x08", b"\x18", b"\x28", b"\x38", b"\x48", b"\x58", b"\x68"):
            continue  # not zlib (or not compressed): pdfium reads it as it is
        inflater = zlib.decompressobj()
        size = 0
        pending = raw
        try:
            while pending:
                out = inflater.decompress(pending, _CHUNK)
                size += len(out)
                pending = inflater.unconsumed_tail
                if total + size > limits.inflated or (size > _CHUNK and size > limits.ratio * len(raw)):
                    raise SecurityError(
                        f"the compressed stream at byte {start:,} inflates {size / max(len(raw), 1):,.0f}-fold "
                        f"(to more than {min(size, limits.inflated) // 2**20} MiB, and counting): "
                        "a decompression bomb", file=name)
                if not out:
                    break
        except zlib.error:
            pass  # damaged stream: pdfium decides what to do with it
        total += size


__all__ = ["Limits", "preflight"]
