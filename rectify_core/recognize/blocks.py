"""The recognizer's input: text blocks in reading order, with whatever layout hints a reader has.

A txt reader knows only the text and its line number; a PDF reader adds page, position and font
size; a docx reader adds style names, outline levels and bold.  The recognizer works from the text
first and uses hints only where the text is silent (``hints``: a heading with no typed number, a
title that does not name its genre), so every field but ``text`` is optional.

Tables come as rows: one Block per table row with ``cells`` (each cell's text as shown, its
paragraphs joined by a line break), ``table`` (an id shared by the rows of one table) and, where
the source shows them, ``header`` (a header row: Word's repeated heading row, HTML ``<th>``/
``<thead>``) and ``merged`` (one cell spans the row: a section heading inside a ledger table).  A
row's ``text`` is its cells joined by a space (what a plain-text copy shows); the recognizer reads
the cells (``recognize.tables``), so a reader never invents text (no "：" between a label cell and
its value cell).  ``row`` is the recognizer's own (readers leave it None): a ledger row read.
"""

from __future__ import annotations

from ..model import Problem
from ..records import dataclass


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
    table: int | None = None
    header: bool | None = None
    merged: bool | None = None
    row: LedgerRow | None = None


@dataclass(frozen=True)
class LedgerRow:
    """A row of a ledger table as the recognizer's table pass read it: its number cell (None when
    the table has no number column or the cell is empty) and the problem its cells state."""

    number: str | None
    problem: Problem


def row_block(cells: list[str] | tuple[str, ...], table: int, **hints: object) -> Block:
    """The Block of one table row: its cells as shown, the text a plain-text copy of it shows."""
    shown = tuple(cells)
    return Block(text=" ".join(c for c in shown if c.strip()), cells=shown, table=table, **hints)  # type: ignore[arg-type]


__all__ = ["Block", "LedgerRow", "row_block"]
