"""What reading rectify's own PDF gives back, computed without reading a PDF or running the recognizer.

A PDF carries what a reader sees — the paragraphs' text in order and their look (size, weight,
alignment, indent, page) — and nothing else: no roles, no span boundaries, no run-in or inline
flags.  Two promises, each with its own independent expectation:

* **the paragraphs** — ``expected_blocks(d)``: the visible paragraphs of ``d``
  (``rectify_core.visible.flatten``) with the look the writer's own layout gives them (page, line
  slot, bold, size, alignment, first-line indent in whole characters).  The PDF reader must extract
  exactly these from the PDF, for *any* schema-valid Document: glyphs, spaces, reading order,
  paragraph boundaries from line geometry, page numbers taken out.  Nothing here recognises.
* **the Document** — ``PdfWriter.expected(d) = expected_visible(d)``: the same normalisation as
  txt (standard forms filled in, facts derived from the visible text).  It holds for Documents
  whose text shows what each part is (the genre-shaped Documents of tests/txt/strategies.py, real
  notices); docs/pdf.md says what arbitrary generated text loses to recognition.
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


def expected_blocks(document: Document) -> list[Block]:
    """The blocks the PDF reader must extract from ``write_pdf(document)`` (see the module docstring)."""
    from rectify_core.plugin_api import flatten

    from .fonts import load_face
    from .typeset import typeset

    paras = flatten(document)
    return layout_blocks(paras, typeset(paras, load_face().advance))


__all__ = ["expected_blocks", "layout_blocks", "whole_characters"]
