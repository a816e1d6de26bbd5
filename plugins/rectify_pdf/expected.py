"""What reading rectify's own PDF gives back, computed without reading a PDF or running the recognizer.

A PDF carries what a reader sees — the paragraphs' text in order and their look (size, weight,
alignment, indent, page) — and, in its Info dictionary, the 政务公开 list; nothing else: no roles, no
span boundaries, no run-in or inline flags.  Two promises, each with its own independent expectation:

* **the paragraphs** — ``expected_blocks(d)``: the 政务公开 properties as lines, then the visible
  paragraphs of the page with the look the typesetting core gives them (page, line slot, bold, size,
  alignment, first-line indent in whole characters); ``rectify_core.typeset.expected``, shared with
  OFD.  The PDF reader must extract exactly these from the PDF, for *any* schema-valid Document:
  glyphs, spaces, reading order, paragraph boundaries from line geometry, page numbers taken out.
  Nothing here recognises.
* **the Document** — ``PdfWriter.expected(d) = expected_visible(d)``: the same normalisation as
  txt (standard forms filled in, facts derived from the visible text).  It holds for Documents
  whose text shows what each part is (the genre-shaped Documents of tests/txt/strategies.py, real
  notices); docs/pdf.md says what arbitrary generated text loses to recognition.

``whole_characters`` is also the reader's rule for indents: one definition for both directions.
"""

from __future__ import annotations

from typing import Any

from rectify_core.plugin_api import Document, typesetting

whole_characters = typesetting.whole_characters
layout_blocks = typesetting.layout_blocks


def expected_blocks(document: Document, options: dict[str, Any] | None = None) -> list[Any]:
    """The blocks the PDF reader must extract from ``write_pdf(document)`` (see the module docstring)."""
    return typesetting.expected_blocks(document, options)


__all__ = ["expected_blocks", "layout_blocks", "whole_characters"]
