"""Table rows: lines whose wide gaps line up, row after row, at the same x.

A PDF has no tables, only text placed in columns (and perhaps ruled lines).  Two or more
consecutive lines with a wide gap ending at the same x are rows of a table; each row is split into
its cells at those columns and read like a Word table by the docx reader: a 政务公开 row
(索 引 号 | 3704… [| 主题分类 | …]) reads as ``索 引 号：3704…`` lines, other rows cell by cell.  Nothing
is dropped, and a row never merges with the text around it.
"""

from __future__ import annotations

from .extract import TextLine

_SAME_COLUMN = 2.0  # points


def _near(x: float, xs: list[float]) -> bool:
    return any(abs(x - y) <= _SAME_COLUMN for y in xs)


def find_rows(lines: list[TextLine]) -> dict[int, list[str]]:
    """``id(line)`` → the cells of each line that is a table row."""
    rows: dict[int, list[str]] = {}
    i = 0
    while i < len(lines):
        if not lines[i].cells:
            i += 1
            continue
        columns = [x for _, x in lines[i].cells]
        j = i + 1
        while j < len(lines) and lines[j].page == lines[i].page and lines[j].cells:
            shared = [x for _, x in lines[j].cells if _near(x, columns)]
            if not shared:
                break
            columns = shared
            j += 1
        if j - i >= 2:
            for line in lines[i:j]:
                rows[id(line)] = split_cells(line, columns)
        i = max(j, i + 1)
    return rows


def split_cells(line: TextLine, columns: list[float]) -> list[str]:
    cuts = [index for index, x in line.cells if _near(x, columns)]
    cells = []
    start = 0
    for cut in [*cuts, len(line.text)]:
        cell = line.text[start:cut].strip()
        if cell:
            cells.append(cell)
        start = cut
    return cells


def row_texts(cells: list[str]) -> tuple[list[str], int]:
    """The block texts of a row, and how many label separators (：) were put in.

    Label and value cells of a 政务公开 table become ``label：value``, the form the recognizer
    reads (the same rule as the docx reader's); the colon stands for the cell border.
    """
    from rectify_core.recognize.disclosure import key_for_label

    labels = cells[0::2]
    if len(cells) % 2 == 0 and all(key_for_label(label.rstrip("：:")) for label in labels):
        out = []
        added = 0
        for label, value in zip(labels, cells[1::2], strict=True):
            if label.endswith(("：", ":")):
                out.append(label + value)
            else:
                out.append(f"{label}：{value}")
                added += 1
        return out, added
    return cells, 0


__all__ = ["find_rows", "row_texts", "split_cells"]
