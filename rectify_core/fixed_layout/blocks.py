"""Lines on pages → recognizer Blocks: the stage every fixed-layout reader shares (PDF, OFD, OCR).

Steps: page numbers and running headers/footers out, recorded as removed (``furniture``); table
rows split into cells (``tables``); lines → paragraphs by indentation and line length
(``paragraphs``); paragraphs → Blocks with the layout hints the recognizer uses (size, bold,
alignment, indent, page).  A reader only has to deliver :class:`~.lines.PageText` pages; what it
alone knows (a PDF's scanned pages, an OFD's template text) it reports itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rectify_core.findings import Location
from rectify_core.typeset.expected import whole_characters  # the writers' expectation rounds alike

if TYPE_CHECKING:
    from rectify_core.recognize.blocks import Block
    from rectify_core.report import Report

    from .lines import PageText, TextLine
    from .paragraphs import Frame, Paragraph


def lay_out(pages: list[PageText], report: Report) -> list[Block]:
    """The pages' paragraphs as recognizer blocks; the furniture taken out goes to ``report``."""
    from rectify_core.recognize.blocks import row_block

    from .furniture import find_furniture
    from .paragraphs import build_paragraphs, measure_frame
    from .tables import column_rights, find_rows

    furniture = find_furniture(pages)
    for f in furniture:
        report.remove(f.line.text.strip(), f.reason, Location(page=f.line.page, line=f.line.index))
    gone = {id(f.line) for f in furniture}
    lines = [line for page in pages for line in page.lines if id(line) not in gone]
    blocks: list[Block] = []
    if not lines:
        return blocks  # nothing but page numbers: an empty document, its furniture listed as removed
    frame = measure_frame(lines, (pages[0].width, pages[0].height))
    rows = find_rows(lines)
    pending: list[TextLine] = []

    def flush() -> None:
        blocks.extend(_block(para, frame) for para in build_paragraphs(pending, frame))
        pending.clear()

    for line in lines:
        if id(line) not in rows.members:
            pending.append(line)
            continue
        number = rows.starts.get(id(line))
        if number is None:
            continue  # a later line of a table: read with its first
        flush()
        table = rows.tables[number]
        rights = column_rights(table)
        blocks.extend(row_block(row.cells(rights), number + 1, page=row.line.page, line=row.line.index,
                                size=round(row.line.size * 2) / 2, bold=row.line.first_bold,
                                merged=row.merged or None) for row in table)
    flush()
    return blocks


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


__all__ = ["lay_out"]
