"""The GB/T 9704 page in PDF points, converted from ``rectify_core.gbt9704`` (the one place that
holds the standard's figures), for the PDF and OFD back ends and the tests that measure them.

A4, margins 37 mm top / 35 bottom / 28 left / 26 right, a 156 × 225 mm type area holding 22 lines
of 28 characters of 3号 (16 pt) type; page numbers ``— n —`` in 4号 (14 pt), their dashes 7 mm
below the type area, odd pages right and even pages left, one character in.
"""

from __future__ import annotations

from rectify_core import gbt9704 as G

MM = 72 / 25.4

PAGE_WIDTH = G.PAGE_WIDTH_MM * MM
PAGE_HEIGHT = G.PAGE_HEIGHT_MM * MM
TOP = G.TOP_MM * MM
BOTTOM = G.BOTTOM_MM * MM
LEFT = G.LEFT_MM * MM
RIGHT = G.RIGHT_MM * MM
TYPE_WIDTH = G.TYPE_WIDTH_MM * MM  # 156 mm
TYPE_HEIGHT = G.TYPE_HEIGHT_MM * MM  # 225 mm

LINES_PER_PAGE = G.LINES_PER_PAGE
CHARS_PER_LINE = G.CHARS_PER_LINE
PITCH = TYPE_HEIGHT / LINES_PER_PAGE  # ≈ 28.99 pt from one line to the next
CELL = TYPE_WIDTH / CHARS_PER_LINE  # ≈ 15.79 pt per character

SIZE_BODY = G.SIZE_PT[G.BODY_SIZE]  # 3号 as Word counts it: 16 pt
SIZE_TITLE = G.SIZE_PT[G.TITLE_SIZE]  # 2号: 22 pt
SIZE_FOLIO = G.SIZE_PT[G.FOLIO_SIZE]  # 4号: 14 pt
# 16 pt glyphs set 15.79 pt apart: the -0.2 pt character spacing is what makes 28 fit (standards.md).
CHAR_SPACE_BODY = CELL - SIZE_BODY

FOLIO_DROP = G.FOLIO_DROP_MM * MM  # the dashes of "— n —" sit 7 mm below the type area
folio_text = G.folio_text

__all__ = [
    "BOTTOM", "CELL", "CHARS_PER_LINE", "CHAR_SPACE_BODY", "FOLIO_DROP", "LEFT", "LINES_PER_PAGE", "MM",
    "PAGE_HEIGHT", "PAGE_WIDTH", "PITCH", "RIGHT", "SIZE_BODY", "SIZE_FOLIO", "SIZE_TITLE", "TOP",
    "TYPE_HEIGHT", "TYPE_WIDTH", "folio_text",
]
