"""Lines on pages → recognizer Blocks: the stage every fixed-layout reader shares (PDF, OFD, OCR).

Steps: page numbers and running headers/footers out, recorded as removed (``furniture``); table
rows split into cells (``tables``); lines → paragraphs by indentation and line length
(``paragraphs``); paragraphs → Blocks with the layout hints the recognizer uses (size, bold,
alignment, indent, page).  A reader only has to deliver :class:`~.lines.PageText` pages; what it
alone knows (a PDF's scanned pages, an OFD's template text) it reports beside.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rectify_core.findings import Finding, Location
from rectify_core.formats import ReadResult, Removed

if TYPE_CHECKING:
    from rectify_core.recognize.blocks import Block

    from .lines import PageText, TextLine
    from .paragraphs import Frame, Paragraph


@dataclass
class LaidOut:
    """What the pages show, ready for the recognizer."""

    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    bordered: set[tuple[int | None, int | None]] = field(default_factory=set)  # rows given a "："


def whole_characters(indent: float, size: float) -> float:
    """An indent as the recognizer gets it: a whole number of characters, in points.  Glyph boxes
    and grids differ by fractions of a point between producers; "indented two characters" does not."""
    return float(round(indent / size) * size) if size > 0 else 0.0


def lay_out(pages: list[PageText], name: str) -> LaidOut:
    """The pages' paragraphs as recognizer blocks, the furniture taken out and listed."""
    from rectify_core.recognize.blocks import Block

    from .furniture import find_furniture
    from .paragraphs import build_paragraphs, measure_frame
    from .tables import find_rows, row_texts

    out = LaidOut(pages=len(pages))
    furniture = find_furniture(pages)
    gone = {id(f.line) for f in furniture}
    out.removed = [Removed(f.line.text.strip(), f.reason, Location(file=name, page=f.line.page,
                                                                   line=f.line.index)) for f in furniture]
    lines = [line for page in pages for line in page.lines if id(line) not in gone]
    if not lines:
        return out  # nothing but page numbers: an empty document, its furniture listed as removed
    frame = measure_frame(lines, (pages[0].width, pages[0].height))
    rows = find_rows(lines)
    pending: list[TextLine] = []

    def flush() -> None:
        out.blocks.extend(_block(para, frame) for para in build_paragraphs(pending, frame))
        pending.clear()

    for line in lines:
        if id(line) in rows.continued:
            continue  # already part of the cell it continues
        cells = rows.rows.get(id(line))
        if cells is None:
            pending.append(line)
            continue
        flush()
        texts, bordered = row_texts(cells)
        if bordered:
            out.bordered.add((line.page, line.index))
        out.blocks.extend(Block(text=t, page=line.page, line=line.index, size=round(line.size * 2) / 2,
                                bold=line.first_bold, align="left") for t in texts)
    flush()
    return out


def _block(para: Paragraph, frame: Frame) -> Block:
    from rectify_core.recognize.blocks import Block

    from .paragraphs import alignment

    first = para.first
    align = alignment(para, frame)
    return Block(
        text=para.text,
        page=first.page,
        line=first.index,
        bold=first.first_bold,
        size=round(first.size * 2) / 2,
        align=align,
        indent=whole_characters(first.left - frame.left, first.size) if align == "left" else None,
    )


def recognize_laid_out(text: LaidOut, name: str) -> ReadResult:
    """Run the recognizer on the blocks; merge the furniture and findings of the layout stage.

    A colon the tables stage put in for a cell border was never in the file: the recognizer's
    "separator removed" record of it is dropped, not reported."""
    from rectify_core.recognize import recognize
    from rectify_core.recognize.furniture import SEPARATOR

    result = recognize(text.blocks, source=name)
    kept = [r for r in result.removed if not (
        r.reason == SEPARATOR and r.location is not None and (r.location.page, r.location.line) in text.bordered)]
    result.removed = text.removed + kept
    result.findings = text.findings + list(result.findings)
    result.info.setdefault("pages", text.pages)
    return result


__all__ = ["LaidOut", "lay_out", "recognize_laid_out", "whole_characters"]
