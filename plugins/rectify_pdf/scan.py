"""Scanned PDF pages: rendered by pdfium at the OCR resolution and read by the OCR engine.

Only pages without a text layer are rendered (a mixed PDF keeps the text it has), one at a time,
each charged to the read's budget: a page is rendered into at most :data:`MAX_PIXELS` pixels
whatever size the file claims for it.
"""

from __future__ import annotations

from typing import Any

from rectify_core.plugin_api import PageText, Report, SecurityError, Source, ocr

MAX_PIXELS = 40_000_000


def read_scanned_pages(source: Source, numbers: list[int], report: Report,
                       engine_name: str | None = None) -> list[PageText]:
    import pypdfium2 as pdfium

    images: list[tuple[int, Any, float]] = []
    pdf = pdfium.PdfDocument(source.data)
    try:
        for number in numbers:
            report.budget.check_time()
            page = pdf[number - 1]
            try:
                width, height = page.get_size()
                scale = ocr.DPI / 72
                if width * height * scale * scale > MAX_PIXELS:
                    scale = (MAX_PIXELS / max(1.0, width * height)) ** 0.5
                if scale * 72 < 100:
                    raise SecurityError(f"page {number} claims a size of {width:.0f} × {height:.0f} pt, too large "
                                        "to render for OCR", file=source.name)
                bitmap = page.render(scale=scale, grayscale=False)
                images.append((number, bitmap.to_numpy().copy(), scale * 72))
            finally:
                page.close()
    finally:
        pdf.close()
    return ocr.read_images(images, report, engine_name)


__all__ = ["read_scanned_pages"]
