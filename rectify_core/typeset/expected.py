"""What reading rectify's own fixed-layout files (PDF, OFD) gives back, as blocks, without a file.

A fixed-layout file carries what a reader sees — the paragraphs' text in order and their look (size,
weight, alignment, indent, page) — and, in its document properties, the 政务公开 list; nothing else:
no roles, no span boundaries, no run-in or inline flags.  ``expected_blocks`` gives what a reader
must extract: the properties as the lines a portal prints above the title, then the page's
paragraphs (``page_paragraphs``) with the hints the typesetting core's own layout gives them.  The
conformance tests compare a reader's blocks with these, which checks everything that is the format's
job — glyph extraction, reading order, no lost or invented characters or spaces, page furniture
removed, paragraphs rebuilt from line geometry, properties read back — and leave the structure to
the recognizer (the writers' ``expected`` is ``expected_visible``, as for txt).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rectify_core.model import Document

if TYPE_CHECKING:
    from rectify_core.recognize.blocks import Block
    from rectify_core.visible import Para

    from .layout import Line


def whole_characters(indent: float, size: float) -> float:
    """An indent as the recognizer gets it: a whole number of characters, in points.  Glyph boxes
    and grids differ by fractions of a point between producers; "indented two characters" does not."""
    return float(round(indent / size) * size) if size > 0 else 0.0


def layout_blocks(paras: Sequence[Para], lines: Sequence[Line]) -> list[Block]:
    """One recognizer Block per visible paragraph, with the hints the PDF reader measures."""
    from rectify_core.recognize.blocks import Block

    from . import page as P
    from .layout import look_for, para_runs

    first_line: dict[int, Line] = {}
    for each in lines:
        first_line.setdefault(each.para, each)
    blocks = []
    for index, para in enumerate(paras):
        found = first_line.get(index)
        text = "".join(t for t, _ in para_runs(para)).strip()
        if found is None or not text:
            continue
        line = found
        look = look_for(para)
        blocks.append(Block(
            text=text,
            page=line.page,
            line=line.slot + 1,
            bold=line.runs[0].bold,
            size=look.size,
            align=look.align,
            indent=whole_characters(line.x - P.LEFT, look.size) if look.align == "left" else None,
        ))
    return blocks


def property_blocks(pairs: Sequence[tuple[str, str]]) -> list[Block]:
    """The 政务公开 properties as the recognizer gets them from a fixed-layout reader: one line
    each, before the page's first line, with no layout hints (they are not on a page)."""
    from rectify_core.metadata import disclosure_lines
    from rectify_core.recognize.blocks import Block

    return [Block(text=line) for line in disclosure_lines(pairs)]


def expected_blocks(document: Document, options: Mapping[str, Any] | None = None) -> list[Block]:
    """The blocks a reader must extract from rectify's PDF or OFD of ``document``: the 政务公开
    properties as lines, then the page's paragraphs with their layout hints (nothing recognised)."""
    from rectify_core.metadata import disclosure_on_cover, disclosure_properties

    from .fonts import role_faces
    from .layout import page_paragraphs, typeset

    options = options or {}
    paras = page_paragraphs(document, options)
    blocks = layout_blocks(paras, typeset(paras, role_faces(options)))
    if not disclosure_on_cover(options):
        blocks = property_blocks(disclosure_properties(document)) + blocks
    return blocks


__all__ = ["expected_blocks", "layout_blocks", "property_blocks", "whole_characters"]
