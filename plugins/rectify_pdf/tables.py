"""Table rows: lines whose wide gaps line up, row after row, at the same x.

A PDF has no tables, only text placed in columns (and perhaps ruled lines).  Two or more
consecutive lines with a wide gap ending at the same x are rows of a table; each row is split into
its cells at those columns and read like a Word table by the docx reader: a 政务公开 row
(索 引 号 | 3704… [| 主题分类 | …]) reads as ``索 引 号：3704…`` lines, other rows cell by cell.  Nothing
is dropped, and a row never merges with the text around it.
"""

from __future__ import annotations

from dataclasses import field

from rectify_core.plugin_api import dataclass

from .extract import TextLine

_SAME_COLUMN = 2.0  # points


def _near(x: float, xs: list[float]) -> bool:
    return any(abs(x - y) <= _SAME_COLUMN for y in xs)


@dataclass
class Table:
    """Rows found: each row line's cells, and the lines that only continue a cell of the row above."""

    rows: dict[int, list[str]] = field(default_factory=dict)  # id(line) → cells
    continued: set[int] = field(default_factory=set)  # id(line) of lines folded into a cell above


def find_rows(lines: list[TextLine]) -> Table:
    """Rows of tables: at least two consecutive lines whose cell gaps end at a shared column.

    A line that starts exactly at a column of the row above, with nothing in the columns before
    it, is that cell's text wrapping (a long 文件名称 value) and joins it.
    """
    found = Table()
    i = 0
    while i < len(lines):
        if not lines[i].cells:
            i += 1
            continue
        columns = [x for _, x in lines[i].cells]
        members: list[tuple[TextLine, bool]] = [(lines[i], True)]  # (line, is a row)
        j = i + 1
        while j < len(lines) and lines[j].page == lines[i].page:
            line = lines[j]
            shared = [x for _, x in line.cells if _near(x, columns)]
            if shared:
                columns = shared
                members.append((line, True))
            elif not line.cells and _near(line.left, columns):
                members.append((line, False))
            else:
                break
            j += 1
        if sum(1 for _, is_row in members if is_row) >= 2:
            _collect(members, columns, found)
        i = max(j, i + 1)
    return found


def _collect(members: list[tuple[TextLine, bool]], columns: list[float], found: Table) -> None:
    from .paragraphs import join

    row: list[str] | None = None
    for line, is_row in members:
        if is_row:
            row = found.rows[id(line)] = split_cells(line, columns)
        elif row is not None:
            k = next((n for n, x in enumerate(sorted(columns)) if _near(line.left, [x])), None)
            if k is None:
                continue  # starts at no column (found by fuzzing): an ordinary line, not a cell's continuation
            k += 1
            if k < len(row):
                row[k] = join(row[k], line.text).strip()
                found.continued.add(id(line))


def split_cells(line: TextLine, columns: list[float]) -> list[str]:
    """The line's text cut at the shared columns (empty cells are kept, so columns line up)."""
    cuts = [index for index, x in line.cells if _near(x, columns)]
    cells = []
    start = 0
    for cut in [*cuts, len(line.text)]:
        cells.append(line.text[start:cut].strip())
        start = cut
    return cells


def row_cells(cells: list[str]) -> list[tuple[str, ...]]:
    """The blocks a row gives, as cell tuples: one (label, value) pair per field of a 政务公开 row
    (the same rule as the docx reader's: the cell border separates them, no colon is invented),
    otherwise one single-cell block per cell."""
    from rectify_core.plugin_api import key_for_label

    cells = [c for c in cells if c]
    labels = cells[0::2]
    if len(cells) % 2 == 0 and all(key_for_label(label.rstrip("：:")) for label in labels):
        return list(zip(labels, cells[1::2], strict=True))
    return [(c,) for c in cells]


__all__ = ["Table", "find_rows", "row_cells", "split_cells"]
