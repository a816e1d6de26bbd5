"""Table rows → what the rest of the recognizer reads.  The one place that knows about tables.

Readers hand a table over row by row (``Block.cells``, ``Block.table``; see ``blocks``).  Here:

* a **政务公开 row** — label and value cells with known labels (索引号 | 3704… [| 主题分类 | …]) — gives
  one block per pair, ``cells=(label, value)``; the head reads it as a disclosure field (no colon
  is invented, none recorded as removed);
* a **ledger** (整改台账) — a header row whose names give a finding column and a column saying what was
  done or where it stands (``vocab.tables.match_header``) — gives one block per data row carrying the problem its cells
  state (``Block.row``), read by the tree builder as a numbered problem node exactly like
  ``1.关于…问题 / 整改情况：… / 完成情况：已完成`` written as paragraphs; a row whose one cell spans the
  table (or stands alone in it) is a section heading (一、…, （一）…, or a bare name, read as a heading
  line); the header's words become the labels (整改措施 of each account) and the header row is
  recorded as removed (``table header``); a table that continues a ledger on the next page without
  a header of its own, or repeats the header, continues it;
* **any other table** keeps every cell, row by row and cell by cell, each cell paragraph a line of
  its own — number-only cells included (they are never page numbers: ``Block.table`` is set).

A ledger row's cells are read by the ledger's own mapping (``vocab.tables.problem_from_row``: the
finding, 整改措施 and 整改情况 as the account, 完成情况 or a short 整改进展 as the status, 责任单位, 责任人,
整改时限 in their fields), with what the notice shows kept as shown: the number cell is the heading
number (a bare ``1`` has no text of its own, so writers print the standard ``1.``); the account's
label is its column's header as written; the status text is the status cell as written (a status
of no known words is ``unknown``, its text kept and reported); a change in a category column
(问题类别) starts a section heading; a cell of no field (备注, a column of another name, a number cell
that is no number) follows the account as a paragraph, in column order (the finding when there is
no account).

``problems_from_rows(header, rows)`` is the same reading for a ledger given as data (a spreadsheet).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Marker, Node, Problem
from ..numerals import from_chinese
from ..report import Report
from ..vocab.disclosure import cell_pair
from ..vocab.markers import split_marker
from ..vocab.tables import match_header, problem_from_row
from .blocks import Block, LedgerRow, row_block
from .text import clean, ends_sentence

TABLE_HEADER = "table header"  # the header row of a ledger: its words are the labels of the columns
_HEADER_SEARCH = 3  # rows a caption may take before a ledger's header


def cell_paragraphs(cell: str) -> list[str]:
    """A cell's paragraphs as lines: split at line breaks, white space cleaned, empty ones left out."""
    return [t for t in (clean(p) for p in cell.split("\n")) if t]


def disclosure_pairs(cells: tuple[str, ...]) -> list[tuple[str, str]] | None:
    """(label, value) pairs when a row is label and value cells of the 政务公开 list, else None."""
    shown = [c.strip() for c in cells if c.strip()]
    if not shown or len(shown) % 2:
        return None
    pairs = list(zip(shown[0::2], shown[1::2], strict=True))
    return pairs if all(cell_pair(pair) is not None and "\n" not in pair[0] for pair in pairs) else None


_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def cell_number(cell: str) -> tuple[str, str, int] | None:
    """(marker text, style, value) of a number cell: ``1`` → ("", "arabic", 1) — a bare number has no
    text of its own, the cell's border separates it; ``1.`` or ``（1）`` as written; ``一`` a chinese 一、."""
    t = clean(cell)
    digits = t.translate(_FULLWIDTH_DIGITS)
    if digits.isascii() and digits.isdigit():
        return ("", "arabic", int(digits)) if 1 <= int(digits) <= 999 else None
    m = split_marker(t)
    if m is not None and not m[3]:
        return m[0], m[1], m[2]
    value = from_chinese(t) if t and len(t) <= 4 else None
    return ("", "chinese", value) if value is not None and 1 <= value <= 999 else None


def row_problem(fields: dict[int, str], header: tuple[str, ...], cells: tuple[str, ...],
                report: Report | None = None, where: Block | None = None) -> LedgerRow | None:
    """A ledger row read as a problem: ``fields`` (column → field, ``vocab.tables.match_header``) of
    ``header``.  The mapping is the ledger's (``vocab.tables.problem_from_row``); what a notice
    shows is kept as shown on top of it: the account's label is its column's header as written, the
    status text the status cell as written, and cells of no field (备注, a column with another name,
    a number cell that is no number) follow the account as paragraphs, in column order."""
    width = max(len(header), len(cells))
    cells = tuple(cells) + ("",) * (width - len(cells))
    by_field: dict[str, str] = {}
    extra: list[str] = []
    number: str | None = None
    for i, cell in enumerate(cells):
        field = fields.get(i)
        text = "\n".join(cell_paragraphs(cell))
        if field == "index":
            number = text or None
            if number is not None and cell_number(number) is None:
                extra.append(number)
                number = None
        elif field == "category":
            continue  # read by the ledger: a change of category starts a section
        elif field is not None and field != "remark":
            by_field[field] = text
        elif text:
            extra.append(text)
    problem, issues = problem_from_row(dict(by_field))
    if problem is None and not extra:
        return None
    problem = problem if problem is not None else Problem()
    labels = [label_of(header[i]) for i, f in fields.items() if f in ("account", "measures") and by_field.get(f)]
    paragraphs = [p for t in extra for p in t.split("\n")]
    rect = problem.rectification
    if rect is not None and len(labels) == 1:
        rect = replace(rect, label=labels[0])
    if paragraphs:
        rect = replace(rect, paragraphs=rect.paragraphs + tuple(paragraphs)) if rect is not None else None
        if rect is None:
            problem = replace(problem, finding=problem.finding + tuple(paragraphs))
    status = problem.status
    written = _status_cell(by_field, problem)
    if status is not None and written:
        status = replace(status, text=written, inline=False)
    problem = replace(problem, rectification=rect, status=status)
    if report is not None:
        for issue in issues:
            if issue.rule != "ledger.no-finding":  # a notice's table row may well hold only an account
                report.add(issue.rule, "warning", issue.zh, issue.en, where)
    return LedgerRow(number=number, problem=problem)


def _status_cell(by_field: dict[str, str], problem: Problem) -> str | None:
    """The cell the status was read from, as written: 完成情况, or an 整改进展 cell read as a status."""
    if by_field.get("status"):
        return by_field["status"].replace("\n", "")
    progress = by_field.get("progress")
    rect = problem.rectification
    if progress and problem.status is not None and not (rect and progress.split("\n")[0] in rect.paragraphs):
        return progress.replace("\n", "")
    return None


def label_of(header_cell: str) -> str:
    """A header cell as a label: as written, without white space at its ends or a trailing colon."""
    return header_cell.strip().rstrip("：:").strip()


def _merged(block: Block, fields: dict[int, str], columns: int) -> str | None:
    """The text of a row that is a section heading inside a ledger (one cell spans or stands alone)."""
    assert block.cells is not None
    shown = [(i, c) for i, c in enumerate(block.cells) if c.strip()]
    if len(shown) != 1:
        return None
    index, text = shown[0]
    spans = block.merged or len(block.cells) < columns
    marked = split_marker(clean(text)) is not None and fields.get(index) not in ("index", "finding")
    return text if spans or marked else None


class _Ledger:
    """The ledger being read: its header and the field of each column, and the category last seen."""

    def __init__(self, fields: dict[int, str], header: tuple[str, ...]) -> None:
        self.fields = fields
        self.header = header
        self.category: str | None = None

    def rows(self, rows: list[Block], report: Report) -> list[Block]:
        out: list[Block] = []
        shown_header = tuple(c for c in self.header if c)
        for b in rows:
            assert b.cells is not None
            cells = tuple(clean(c) for c in b.cells)
            if b.header or tuple(c for c in cells if c) == shown_header:
                for c in cells:  # the header again, at the top of a page: the same labels
                    if c:
                        report.remove(c, TABLE_HEADER, b)
                continue
            heading = _merged(b, self.fields, len(self.header))
            if heading is not None:
                out += [replace(b, text=t, cells=None, bold=b.bold if split_marker(t) else True)
                        for t in cell_paragraphs(heading)]
                continue
            out += self._category(b, cells)
            row = row_problem(self.fields, self.header, b.cells, report, b)
            if row is not None:
                out.append(replace(b, row=row))
        return out

    def _category(self, b: Block, cells: tuple[str, ...]) -> list[Block]:
        """A section heading where the category column changes (问题类别 党的建设 → 基层治理)."""
        column = next((i for i, f in self.fields.items() if f == "category"), None)
        value = cells[column] if column is not None and column < len(cells) else ""
        if not value or value == self.category:
            return []
        self.category = value
        return [replace(b, text=value, cells=None, bold=b.bold if split_marker(value) else True)]


def _header_at(rows: list[Block]) -> int | None:
    for i, b in enumerate(rows[:_HEADER_SEARCH]):
        assert b.cells is not None
        if match_header([clean(c) for c in b.cells]) is not None:
            return i
        if sum(1 for c in b.cells if c.strip()) > 1:
            return None  # a row of data before any header: not a ledger
    return None


def _plain(rows: list[Block]) -> list[Block]:
    """A table that is neither: 政务公开 pairs as pairs, every other cell paragraph a line of its own."""
    out: list[Block] = []
    for b in rows:
        assert b.cells is not None
        pairs = disclosure_pairs(b.cells)
        if pairs is not None:
            out += [row_block((label, value), b.table if b.table is not None else 0, line=b.line, page=b.page,
                              style=b.style) for label, value in pairs]
            continue
        out += [replace(b, text=t, cells=None) for c in b.cells for t in cell_paragraphs(c)]
    return out


def _continues(between: list[Block]) -> bool:
    """Only short heading-like lines stand between two parts of one ledger (a page break, a heading)."""
    return all(len(b.text) <= 40 and not ends_sentence(b.text) for b in between)


def expand_tables(blocks: list[Block], report: Report) -> list[Block]:
    """Blocks with every table row turned into what the recognizer reads (see the module's doc)."""
    if not any(b.cells is not None for b in blocks):
        return blocks
    out: list[Block] = []
    ledger: _Ledger | None = None
    since: list[Block] = []  # blocks after the last ledger row
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.cells is None:
            out.append(b)
            since.append(b)
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].cells is not None and blocks[j].table == b.table:
            j += 1
        rows = blocks[i:j]
        at = _header_at(rows)
        if at is not None:
            header = tuple(clean(c) for c in rows[at].cells or ())
            fields = match_header(header)
            assert fields is not None
            ledger = _Ledger(fields, header)
            out += _plain(rows[:at])
            for c in header:
                if c:
                    report.remove(c, TABLE_HEADER, rows[at])
            out += ledger.rows(rows[at + 1:], report)
        elif ledger is not None and _continues(since) and _fits(rows, ledger):
            out += ledger.rows(rows, report)
        else:
            ledger = None
            out += _plain(rows)
        since = []
        i = j
    return out


def _fits(rows: list[Block], ledger: _Ledger) -> bool:
    """Rows of a ledger's continuation: most have as many cells as the ledger has columns."""
    full = sum(1 for b in rows if b.cells is not None and len(b.cells) == len(ledger.header))
    return full * 2 >= len(rows)


def problems_from_rows(header: list[str] | tuple[str, ...], rows: list[list[str]] | list[tuple[str, ...]],
                       report: Report | None = None) -> tuple[Node, ...]:
    """The body nodes a ledger given as data states: ``header`` its column names, ``rows`` its rows.

    The reading of a ledger table in a notice (see the module's doc): numbered problem nodes, and
    rows with one filled cell as section headings (一、…, （一）…) over them.  Raises ValueError when
    ``header`` names no problem column and no account, status or deadline column
    (``vocab.tables.match_header``).  A status cell of no known words is reported to ``report``
    when given (the Document's own checks — numbering and the rest — run on the Document).
    """
    from .numbering import build_tree
    from .problems import to_node

    if match_header([clean(c) for c in header]) is None:
        raise ValueError(f"not a ledger header: {list(header)!r}")
    report = report if report is not None else Report("<ledger>")
    blocks = [row_block(tuple(header), 0, line=1, header=True)]
    blocks += [row_block(tuple(row), 0, line=n) for n, row in enumerate(rows, start=2)]
    lead, roots = build_tree(expand_tables(blocks, report))
    nodes = [Node(heading=b.text) for b in lead]  # text before any number: kept, never dropped
    return (*nodes, *(to_node(raw) for raw in roots))


def row_marker(row: LedgerRow) -> tuple[str, str, int] | None:
    """(marker text, style, value) of a ledger row's number cell; text "" for a bare number."""
    return cell_number(row.number) if row.number is not None else None


def marker_of(text: str, style: str, value: int) -> Marker:
    """The Marker of a ledger row: a bare number (text "") keeps no text, writers print the standard form."""
    return Marker(style=style, value=value, text=text or None)  # type: ignore[arg-type]


__all__ = ["TABLE_HEADER", "cell_number", "cell_paragraphs", "disclosure_pairs", "expand_tables", "marker_of",
           "problems_from_rows", "row_marker", "row_problem"]
