"""What reading rectify's own fixed-layout files (PDF, OFD) gives back: their round-trip normalisation.

A fixed-layout file carries what a reader sees — the paragraphs' text in order and their look (size,
weight, alignment, indent, page) — and, in its document properties, the 政务公开 list; nothing else:
no roles, no span boundaries, no run-in or inline flags.  Reading one therefore runs the recognizer
on those paragraphs (the properties first, as the lines a portal prints above the title), exactly
as it would on the same paragraphs typed into a text file.  So the promise is::

    read(write(d)) == recognize(disclosure lines + visible paragraphs of d, with their layout hints)

which ``expected_fixed`` computes *without* a file: paragraphs from the typesetting core's
``page_paragraphs``, hints from its own layout.  The conformance tests then check everything that is
the format's job — glyph extraction, reading order, no lost or invented characters or spaces, page
furniture removed, paragraphs rebuilt from line geometry, properties read back — and leave the
structure to the recognizer.  For a Document the recognizer fully understands (a real notice, e.g.
read from text) this is the Document itself; docs/pdf.md lists what generated Documents lose.
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


def expected_fixed(document: Document, options: Mapping[str, Any] | None = None) -> Document:
    """The Document that reading rectify's PDF or OFD of ``document`` gives (see the module docstring)."""
    from rectify_core.metadata import disclosure_on_cover, disclosure_properties
    from rectify_core.recognize import recognize

    from .fonts import role_faces
    from .layout import page_paragraphs, typeset

    options = options or {}
    paras = page_paragraphs(document, options)
    blocks = layout_blocks(paras, typeset(paras, role_faces(options)))
    if not disclosure_on_cover(options):
        blocks = property_blocks(disclosure_properties(document)) + blocks
    return recognize(blocks, source="<fixed-layout>").document


__all__ = ["expected_fixed", "layout_blocks", "property_blocks", "whole_characters"]
