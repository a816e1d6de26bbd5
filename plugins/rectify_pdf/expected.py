"""What reading rectify's own PDF gives back: the PDF format's round-trip normalisation.

A PDF carries what a reader sees — the paragraphs' text in order and their look (size, weight,
alignment, indent, page) — and nothing else: no roles, no span boundaries, no run-in or inline
flags.  Reading one therefore runs the recognizer on those paragraphs, exactly as it would on the
same paragraphs typed into a text file.  So the promise is::

    read_pdf(write_pdf(d)) == recognize(visible paragraphs of d, with their layout hints)

which ``expected_pdf`` computes *without* a PDF: paragraphs from ``rectify_core.visible.flatten``,
hints from the writer's own layout.  The conformance test then checks everything that is PDF's
job — glyph extraction, reading order, no lost or invented characters or spaces, page furniture
removed, paragraphs rebuilt from line geometry — and leaves the structure to the recognizer.  For a
Document the recognizer fully understands (a real notice, e.g. read from text) this is the
Document itself; docs/pdf.md lists what generated Documents lose.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rectify_core.plugin_api import Document

if TYPE_CHECKING:
    from rectify_core.plugin_api import Block, Para

    from .typeset import Line


def whole_characters(indent: float, size: float) -> float:
    """An indent as the recognizer gets it: a whole number of characters, in points.  Glyph boxes
    and grids differ by fractions of a point between producers; "indented two characters" does not."""
    return float(round(indent / size) * size) if size > 0 else 0.0


def layout_blocks(paras: Sequence[Para], lines: Sequence[Line]) -> list[Block]:
    """One recognizer Block per visible paragraph, with the hints the PDF reader measures."""
    from rectify_core.plugin_api import Block

    from . import page as P
    from .typeset import look_for, para_runs

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


def expected_pdf(document: Document) -> Document:
    """The Document that reading ``write_pdf(document)`` gives (see the module docstring)."""
    from rectify_core.plugin_api import flatten, recognize

    from .fonts import load_face
    from .typeset import typeset

    face = load_face()
    paras = flatten(document)
    blocks = layout_blocks(paras, typeset(paras, face.advance))
    return recognize(blocks, source="<pdf>").document


__all__ = ["expected_pdf", "layout_blocks"]
