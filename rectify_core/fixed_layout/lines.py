"""Positioned glyphs → lines: the first stage every fixed-layout reader shares (PDF, OFD, later OCR).

Lines are built from character boxes, not from the order a file draws them in: producers draw
runs of another font (curly quotes, digits in Times) as separate objects, sometimes at the end of
the line, and stream-order extractors then print ``回头看。“”`` and put spaces between CJK
characters.  Here every glyph is placed by its box, grouped into lines by its vertical centre and
sorted by x; a space is added only where the file draws one or where a gap is wider than the usual
spacing by more than a space's width for the scripts on either side.  A reader's job ends at
:class:`Glyph` lists (in points, from the top left of the page) and a ``style`` callback; the rest
(furniture, tables, paragraphs, blocks) is :mod:`rectify_core.fixed_layout.blocks`.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable
from dataclasses import field
from typing import NamedTuple

from ..records import dataclass

# Gaps, in ems beyond the line's usual spacing, that read as a space.  Between Latin letters or
# digits a word space is 1/4 to 1/3 em.  Between CJK and Latin, LibreOffice and Word add about
# 0.2 em of automatic spacing that is not a space (2020年 is drawn as "2020 年"); a real space there
# is wider.  Between two CJK characters nothing is added, so a quarter em is a space.
_LATIN_GAP = 0.15
_MIXED_GAP = 0.35
_CJK_GAP = 0.25
# A gap this wide may separate two table cells; the cells are confirmed when rows line up.
_CELL_GAP = 0.75
_BY_LEFT = operator.itemgetter(1)
_TOP = operator.itemgetter(3)
_BOTTOM = operator.itemgetter(4)
_BY_MIDDLE = operator.itemgetter(6)



class Glyph(NamedTuple):
    """One drawn character; coordinates in points from the top left of its page.

    A named tuple rather than a dataclass: a page makes thousands, and tuples are built fastest.
    Type size and weight are not asked per glyph (that was half the reading time): a line asks
    for a few of its glyphs by ``pos``, pdfium's character index.
    """

    ch: str
    left: float
    right: float
    top: float
    bottom: float
    pos: int  # the reader's index for the glyph's style (pdfium's character index; OFD's run number)
    middle: float  # (top + bottom) / 2, the key lines are grouped by


@dataclass
class TextLine:
    """Glyphs sharing a baseline, left to right, with the text a reader sees."""

    page: int  # 1-based
    glyphs: list[Glyph]
    text: str = ""
    index: int = 0  # 1-based line number on its page, for messages
    left: float = 0.0
    right: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0  # the median of its first, middle and last glyph's type size
    first_bold: bool = False  # its first glyph is bold
    last_bold: bool = False  # its last glyph is bold
    # (index in text, x) where a gap wide enough to separate table cells ends
    cells: list[tuple[int, float]] = field(default_factory=list)

    @property
    def all_bold(self) -> bool:
        """Bold from end to end (a heading line), judged by its first and last glyph."""
        return self.first_bold and self.last_bold

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class PageText:
    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    images: int = 0


def is_latin(ch: str) -> bool:
    """Letters, digits and ASCII symbols: the glyphs between which a gap is a word space."""
    return (ch.isascii() and not ch.isspace()) or ("０" <= ch <= "ｚ" and ch.isalnum())




Style = Callable[[int], tuple[float, bool]]  # a glyph's ``pos`` → (type size, bold)


def build_lines(glyphs: list[Glyph], number: int, style: Style) -> list[TextLine]:
    """Group glyphs into lines by vertical centre, then sort each line left to right."""
    lines: list[TextLine] = []
    if not glyphs:
        return lines
    ordered = sorted(glyphs, key=_BY_MIDDLE)
    current: list[Glyph] = [ordered[0]]
    centre = ordered[0].middle
    height = ordered[0].bottom - ordered[0].top
    for g in ordered[1:]:
        # the glyphs' box heights stand in for their type size: no call to pdfium per glyph
        h = g.bottom - g.top
        tolerance = 0.35 * (h if h > height else height)
        if -tolerance <= g.middle - centre <= tolerance:
            current.append(g)
            centre += (g.middle - centre) / len(current)
        else:
            lines.append(_finish(current, number, style))
            current, centre, height = [g], g.middle, h
    lines.append(_finish(current, number, style))
    kept = [line for line in lines if line.text.strip()]
    for n, line in enumerate(kept, 1):
        line.index = n
    return kept


def _finish(glyphs: list[Glyph], number: int, style: Style) -> TextLine:
    glyphs = _dedupe(sorted(glyphs, key=_BY_LEFT))
    ink = [g for g in glyphs if not g.ch.isspace()] or glyphs
    first, mid, last = style(ink[0].pos), style(ink[len(ink) // 2].pos), style(ink[-1].pos)
    size = sorted((first[0], mid[0], last[0]))[1]
    # a space is a gap clearly wider than this line's usual spacing (justified text spreads every
    # gap a little).  pdfium's own guess is not used: it also flags the spaces a PDF does draw.
    gaps = sorted(b.left - a.right for a, b in itertools.pairwise(ink))
    usual = max(0.0, gaps[len(gaps) // 4]) if len(gaps) >= 3 else 0.0  # lower quartile: spaces may be many
    thresholds = (_CJK_GAP, _MIXED_GAP, _LATIN_GAP)
    em = size or (ink[0].bottom - ink[0].top) or 1.0
    parts: list[str] = []
    cells: list[tuple[int, float]] = []
    previous: Glyph | None = None  # the last glyph with ink
    previous_latin = False
    for g in glyphs:
        ch = g.ch
        if ch.isspace():
            parts.append(" ")
            continue
        latin = ch.isascii() or ("０" <= ch <= "ｚ" and ch.isalnum())
        if previous is not None:
            gap = (g.left - previous.right - usual) / em
            if gap > thresholds[latin + previous_latin] and parts[-1] != " ":
                parts.append(" ")
            if gap > _CELL_GAP:
                cells.append((len(parts), g.left))
        parts.append(ch)
        previous, previous_latin = g, latin
    return TextLine(
        page=number, glyphs=glyphs, text="".join(parts),
        left=ink[0].left, right=ink[-1].right,
        top=min(map(_TOP, ink)), bottom=max(map(_BOTTOM, ink)),
        size=round(size, 1), first_bold=first[1], last_bold=last[1], cells=cells,
    )


def _dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop the second copy of a glyph drawn twice at almost the same place (a common fake bold)."""
    out: list[Glyph] = []
    for g in glyphs:
        if out and out[-1].ch == g.ch and not g.ch.isspace():
            last = out[-1]
            overlap = min(last.right, g.right) - max(last.left, g.left)
            if overlap > 0.7 * max(g.right - g.left, 1e-6) and abs(last.middle - g.middle) < 0.2 * (g.bottom - g.top):
                out[-1] = last._replace(left=min(last.left, g.left), right=max(last.right, g.right))
                continue
        out.append(g)
    return out


__all__ = ["Glyph", "PageText", "Style", "TextLine", "build_lines", "is_latin"]
