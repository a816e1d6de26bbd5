"""GB/T 9704-2012 page geometry in PDF points, shared by the writer and by the reader's tests.

A4, margins 37 mm top / 35 bottom / 28 left / 26 right, a 156 × 225 mm type area holding 22 lines
of 28 characters of 3号 (16 pt) type; page numbers ``— n —`` in 4号 (14 pt), their dashes 7 mm
below the type area, odd pages right and even pages left, one character in
(../shared/reference/standards.md §1).  The figures are computed here once so the writer and the
tests that measure its output cannot disagree.
"""

from __future__ import annotations

MM = 72 / 25.4

PAGE_WIDTH = 210 * MM
PAGE_HEIGHT = 297 * MM
TOP = 37 * MM
BOTTOM = 35 * MM
LEFT = 28 * MM
RIGHT = 26 * MM
TYPE_WIDTH = PAGE_WIDTH - LEFT - RIGHT  # 156 mm
TYPE_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM  # 225 mm

LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
PITCH = TYPE_HEIGHT / LINES_PER_PAGE  # ≈ 28.99 pt from one line to the next
CELL = TYPE_WIDTH / CHARS_PER_LINE  # ≈ 15.79 pt per character

SIZE_BODY = 16.0  # 3号 as Word counts it
SIZE_TITLE = 22.0  # 2号
SIZE_FOLIO = 14.0  # 4号
# 16 pt glyphs set 15.79 pt apart: the -0.2 pt character spacing is what makes 28 fit (standards.md).
CHAR_SPACE_BODY = CELL - SIZE_BODY

FOLIO_DROP = 7 * MM  # the dashes of "— n —" sit 7 mm below the type area


def folio_text(number: int) -> str:
    """The page number as GB/T 9704 prints it: an em dash, the number, an em dash."""
    return f"— {number} —"


__all__ = [
    "BOTTOM", "CELL", "CHARS_PER_LINE", "CHAR_SPACE_BODY", "FOLIO_DROP", "LEFT", "LINES_PER_PAGE", "MM",
    "PAGE_HEIGHT", "PAGE_WIDTH", "PITCH", "RIGHT", "SIZE_BODY", "SIZE_FOLIO", "SIZE_TITLE", "TOP",
    "TYPE_HEIGHT", "TYPE_WIDTH", "folio_text",
]
