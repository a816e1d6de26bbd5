"""The recognizer's input: text blocks in reading order, with whatever layout hints a reader has.

A txt reader knows only the text and its line number; a PDF reader adds page, position and font
size; a docx reader adds style names, outline levels and bold.  The recognizer works from the text
first and uses hints only where the text is silent (``hints``: a heading with no typed number, a
title that does not name its genre), so every field but ``text`` is optional.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Block:
    """One line or paragraph of source text.

    ``line`` and ``page`` are 1-based places in the source used for findings and removed-text
    records.  ``size`` and ``indent`` are in points (``indent`` is the first-line indent); ``x`` and
    ``y`` are the position of the block's first glyph on its page, in points from the top left.
    ``cells`` is set when the block is a row of a table: the cells as the source shows them (``text``
    is then the cells joined by a space); readers never invent a separator between cells.
    """

    text: str
    line: int | None = None
    page: int | None = None
    style: str | None = None
    outline_level: int | None = None
    bold: bool | None = None
    size: float | None = None
    align: str | None = None
    indent: float | None = None
    x: float | None = None
    y: float | None = None
    cells: tuple[str, ...] | None = None


__all__ = ["Block"]
