"""Page images (PNG, JPEG, TIFF including multi-page) read by OCR.

The resolution of a photo or scan is rarely recorded truthfully, so it is inferred from the page
itself: an A4 page (210 mm wide, the GB/T 9704 page) is as many pixels wide as the image, which
puts the type sizes the paragraph rules need in the right range.  Decoding is bounded: OpenCV
refuses images over :data:`MAX_PIXELS` before allocating them, and a multi-page TIFF is charged
page by page to the read's budget.
"""

from __future__ import annotations

import os
from typing import Any

from rectify_core.plugin_api import Block, InputError, Option, Reader, Report, SecurityError, Source

MAX_PIXELS = 60_000_000  # a 300 dpi A3 page is 17 Mpx; far beyond that is a decompression bomb
A4_WIDTH_INCHES = 210 / 25.4

_MAGIC = ((b"\x89PNG\r\n\x1a\n", "png"), (b"\xff\xd8\xff", "jpeg"), (b"II*\x00", "tiff"), (b"MM\x00*", "tiff"))


class ImageReader(Reader):
    name = "image"
    extensions = ("png", "jpg", "jpeg", "tif", "tiff")
    sniff_needs = tuple(magic for magic, _ in _MAGIC)
    media_types = ("image/png", "image/jpeg", "image/tiff")
    description = "scanned pages as PNG, JPEG or TIFF (multi-page), read by OCR (the ocr extra)"
    isolate = True  # image decoding and ONNX Runtime run in a worker under the memory and time limits
    # ONNX Runtime needs ~2 GiB of address space and 3-10 s of CPU a page (docs/ocr.md)
    limits = {"max_memory": 3 * 2**30, "timeout": 180.0}  # noqa: RUF012 (class-level, never mutated)
    options = (Option("ocr_engine", "str", None, "OCR engine to use (default: the first installed)",
                      "所用的文字识别引擎（默认：第一个已安装的）"),)

    def sniff(self, head: bytes, filename: str | None) -> float:
        return 0.9 if any(head.startswith(m) for m, _ in _MAGIC) else 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> list[Block]:
        from rectify_core.plugin_api import lay_out, ocr

        ocr.engine(options.get("ocr_engine"), file=source.name)  # a clear error before decoding anything
        images = decode(source.data, source.name, report)
        pages = ocr.read_images([(n, img, img.shape[1] / A4_WIDTH_INCHES) for n, img in images], report,
                                options.get("ocr_engine"))
        report.info["pages"] = len(pages)
        if not any(p.lines for p in pages):
            raise InputError("OCR found no text in the image(s)", file=source.name)
        return lay_out(pages, report)


def decode(data: bytes, name: str, report: Report) -> list[tuple[int, Any]]:
    """(page number, RGB or grey numpy image) for every page of the file."""
    os.environ.setdefault("OPENCV_IO_MAX_IMAGE_PIXELS", str(MAX_PIXELS))
    import cv2
    import numpy as np

    buf = np.frombuffer(data, dtype=np.uint8)
    try:
        ok, frames = cv2.imdecodemulti(buf, cv2.IMREAD_COLOR)
    except cv2.error as exc:
        if "exceeds" in str(exc) or "limit" in str(exc).lower():
            raise SecurityError(f"the image is larger than {MAX_PIXELS:,} pixels", file=name) from None
        raise InputError(f"the image cannot be decoded ({str(exc).splitlines()[-1][:120]})", file=name) from None
    if not ok or not frames:
        raise InputError("the image cannot be decoded (damaged or not PNG/JPEG/TIFF)", file=name)
    out = []
    for n, frame in enumerate(frames, 1):
        report.budget.charge("pages")
        out.append((n, cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)))
    return out


__all__ = ["ImageReader", "decode"]
