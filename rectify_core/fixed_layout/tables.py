"""Tables: lines whose wide gaps line up, row after row, at the same x — read back into rows of cells.

A PDF has no tables, only text placed in columns (and perhaps ruled lines).  Two or more lines on a
page whose wide gaps (``TextLine.cells``) end at the same x are rows of one table; those x and the
first row's left edge are its columns.  Going down from the first row, a line belongs to the table
when every piece of it starts at a column:

* a line with text in the first column starts a **row**;
* a line that starts at a later column, with nothing before it, **continues** the cells of the row
  above (a cell's text wrapping: 反馈问题 over three printed lines);
* a line in the first column with no gaps, followed by more rows, is a **merged row** — a section
  heading spanning the table (（一）党的政治建设方面), flagged ``merged``.

Each cell's printed lines are joined as wrapped lines are (no space between CJK characters); a
line that stops short of its column's right edge after a sentence end closes a paragraph of the
cell (a line break in ``cells``).  Cells are handed to the recognizer as they are shown
(``rectify_core.recognize.tables`` reads them: 政务公开 pairs, ledgers, other tables), so a number
alone in a cell is never taken for a page number and nothing is invented between cells.
"""

from __future__ import annotations

from dataclasses import field

from ..records import dataclass
from .lines import TextLine

_SAME_COLUMN = 2.0  # points
_MERGED_LINES = 3  # printed lines a heading spanning the table may take (bounds the look-ahead)
_SENTENCE_END = "。！？；!?;："


def _near(x: float, xs: list[float]) -> bool:
    return any(abs(x - y) <= _SAME_COLUMN for y in xs)


@dataclass
class Row:
    """One table row: its first line, its cells' printed pieces, and whether it spans the table."""

    line: TextLine
    pieces: list[list[tuple[str, float]]]  # per column: (text, right edge) of each printed piece
    merged: bool = False

    def cells(self, rights: list[float]) -> list[str]:
        """Each cell's text: pieces joined, a short piece after a sentence end closing a paragraph."""
        from .paragraphs import join

        out = []
        for column, pieces in enumerate(self.pieces):
            text = ""
            for k, (piece, _) in enumerate(pieces):
                if k and text and _closes(pieces[k - 1], rights[column], self.line.size):
                    text += "\n" + piece
                else:
                    text = join(text, piece) if text else piece
            out.append(text.strip())
        return out


def _closes(piece: tuple[str, float], right: float, size: float) -> bool:
    text, edge = piece
    return text.rstrip().endswith(tuple(_SENTENCE_END)) and edge < right - 1.5 * (size or 10.0)


@dataclass
class Table:
    """The tables found: their rows in order, and every line that is part of one."""

    tables: list[list[Row]] = field(default_factory=list)
    members: set[int] = field(default_factory=set)  # id(line) of lines inside a table
    starts: dict[int, int] = field(default_factory=dict)  # id(first line of a table) → its index


def _pieces(line: TextLine, columns: list[float]) -> list[tuple[int, str, float]] | None:
    """(column, text, right edge) of each piece of ``line`` cut at its gaps; None when a piece
    starts off the columns (the line is not part of the table)."""
    starts = [(0, line.left)] + [(i, x) for i, x in line.cells]
    out: list[tuple[int, str, float]] = []
    for k, (index, x) in enumerate(starts):
        column = next((c for c, y in enumerate(columns) if abs(x - y) <= _SAME_COLUMN), None)
        if column is None:
            if k == 0:
                return None
            # a wide gap inside a cell (not at a column): the piece goes on in the same cell
            prev = out[-1]
            end = starts[k + 1][0] if k + 1 < len(starts) else len(line.text)
            out[-1] = (prev[0], prev[1] + line.text[index:end], _right(line, x, starts, k))
            continue
        end = starts[k + 1][0] if k + 1 < len(starts) else len(line.text)
        out.append((column, line.text[index:end].strip(), _right(line, x, starts, k)))
    return out


def _right(line: TextLine, x: float, starts: list[tuple[int, float]], k: int) -> float:
    limit = starts[k + 1][1] if k + 1 < len(starts) else float("inf")
    inked = [g.right for g in line.glyphs if x - 0.5 <= g.left < limit - 0.5 and not g.ch.isspace()]
    return max(inked) if inked else x


def find_rows(lines: list[TextLine]) -> Table:
    """The tables among ``lines`` (in reading order): at least two rows whose gaps share columns."""
    found = Table()
    i = 0
    while i < len(lines):
        line = lines[i]
        if not line.cells:
            i += 1
            continue
        columns = [line.left] + [x for _, x in line.cells]
        rows, end = _read_table(lines, i, columns)
        if sum(1 for r in rows if not r.merged) >= 2:
            found.starts[id(lines[i])] = len(found.tables)
            found.tables.append(rows)
            found.members.update(id(x) for x in lines[i:end])
            i = end
        else:
            i += 1
    return found


def _read_table(lines: list[TextLine], start: int, columns: list[float]) -> tuple[list[Row], int]:
    rows: list[Row] = []
    j = start
    page = lines[start].page
    while j < len(lines) and lines[j].page == page:
        line = lines[j]
        pieces = _pieces(line, columns)
        if pieces is not None and (line.cells or pieces[0][0] > 0):
            if pieces[0][0] == 0 or not rows:
                rows.append(Row(line, [[] for _ in columns]))
            for column, text, right in pieces:
                if text:
                    rows[-1].pieces[column].append((text, right))
            j += 1
            continue
        # lines in the first column with no gaps, followed by a row: a heading spanning the table
        k = j
        while k < min(len(lines), j + _MERGED_LINES) and lines[k].page == page and not lines[k].cells \
                and _near(lines[k].left, columns[:1]):
            k += 1
        if k == j or k >= len(lines) or not rows or lines[k].page != page or not lines[k].cells \
                or (following := _pieces(lines[k], columns)) is None or following[0][0] != 0:
            break
        from .paragraphs import join

        text = ""
        for merged in lines[j:k]:
            text = join(text, merged.text) if text else merged.text
        rows.append(Row(line, [[(text.strip(), line.right)]], merged=True))
        j = k
    return rows, j


def column_rights(rows: list[Row]) -> list[float]:
    """The right edge of each column: the furthest any of its printed pieces reaches."""
    width = max(len(r.pieces) for r in rows)
    rights = [0.0] * width
    for r in rows:
        if r.merged:
            continue
        for c, pieces in enumerate(r.pieces):
            for _, right in pieces:
                rights[c] = max(rights[c], right)
    return rights


__all__ = ["Row", "Table", "column_rights", "find_rows"]
