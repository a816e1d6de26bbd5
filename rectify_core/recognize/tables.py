"""Table rows → what the rest of the recognizer reads.  The one place that knows about tables.

Readers hand a table over row by row (``Block.cells``, ``Block.table``; see ``blocks``).  Here:

* a **政务公开 row** — label and value cells with known labels (索引号 | 3704… [| 主题分类 | …]) — gives
  one block per pair, ``cells=(label, value)``; the head reads it as a disclosure field (no colon
  is invented, none recorded as removed);
* a **ledger** (整改台账) — a header row whose names give a problem column and an account, status or
  deadline column (``vocab.tables``) — gives one block per data row carrying the problem its cells
  state (``Block.row``), read by the tree builder as a numbered problem node exactly like
  ``1.关于…问题 / 整改情况：… / 完成情况：已完成`` written as paragraphs; a row whose one cell spans the
  table (or stands alone in it) is a section heading (一、…, （一）…, or a bare name, read as a heading
  line); the header's words become the labels (整改措施 of each account) and the header row is
  recorded as removed (``table header``); a table that continues a ledger on the next page without
  a header of its own, or repeats the header, continues it;
* **any other table** keeps every cell, row by row and cell by cell, each cell paragraph a line of
  its own — number-only cells included (they are never page numbers: ``Block.table`` is set).

A ledger row's cells: the number cell is the heading number (a bare ``1`` has no text of its own,
so writers print the standard ``1.``); the problem cell's paragraphs are the finding, the account
cell's the account under the header's label; the status cell is the status (its category from
``status.parse_status_text``, ``unknown`` when no status word is used — the text is kept); a
deadline cell gives the status's deadline (and the status itself when there is no status column);
every other cell (责任单位, 责任人, an unnamed column) follows the account as a paragraph of its own,
in column order (the finding when there is no account column).

``problems_from_rows(header, rows)`` is the same reading for a ledger given as data (a spreadsheet).
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Date, Marker, Node, Problem, Rectification, Status
from ..numerals import from_chinese
from ..vocab.tables import Role, label_of, ledger_roles
from .blocks import Block, LedgerRow, row_block
from .disclosure import key_for_label
from .markers import split_marker
from .report import Report
from .status import parse_status_text, prose_status
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
    if all(key_for_label(label.rstrip("：:").strip()) is not None and "\n" not in label for label, _ in pairs):
        return pairs
    return None


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


def _status(roles: tuple[Role | None, ...], cells: tuple[str, ...]) -> Status | None:
    status = next((clean(c) for r, c in zip(roles, cells, strict=True) if r == "status" and clean(c)), None)
    limit = next((clean(c) for r, c in zip(roles, cells, strict=True) if r == "deadline" and clean(c)), None)
    deadline = None
    if limit is not None:
        parsed_limit = parse_status_text(f"整改时限：{limit}")  # the column names it: read as after its label
        iso = parsed_limit[1].iso if parsed_limit is not None and parsed_limit[1] is not None else None
        deadline = Date(iso=iso, text=limit)
    text = status if status is not None else limit
    if text is None:
        return None
    parsed = parse_status_text(text) if status is not None else parse_status_text(f"整改时限：{limit}")
    if parsed is None and (prose := prose_status(text)) is not None and not prose[0]:
        parsed = (prose[2], prose[3])
    category = parsed[0] if parsed is not None else "unknown"
    if deadline is None and parsed is not None and parsed[1] is not None:
        deadline = parsed[1]
    return Status(category=category, deadline=deadline, text=text, inline=False)  # type: ignore[arg-type]


def row_problem(roles: tuple[Role | None, ...], header: tuple[str, ...], cells: tuple[str, ...]) -> LedgerRow | None:
    """The ledger row ``cells`` (under ``header``, whose columns have ``roles``) read as a problem."""
    cells = tuple(cells[:len(roles)]) + ("",) * (len(roles) - len(cells))
    finding: list[str] = []
    account: list[str] | None = None
    others: list[str] = []
    number: str | None = None
    label = None
    for role, name, cell in zip(roles, header, cells, strict=True):
        if role == "number":
            number = clean(cell) or None
            if number is not None and cell_number(number) is None:
                finding.append(number)  # not a number after all: kept as text, first
                number = None
        elif role == "problem":
            finding += cell_paragraphs(cell)
        elif role == "account":
            label = label_of(name)
            account = cell_paragraphs(cell)
        elif role not in ("status", "deadline"):
            others += cell_paragraphs(cell)
    status = _status(roles, cells)
    if account is not None:
        account += others
    else:
        finding += others
    rect = Rectification(label=label, paragraphs=tuple(account)) if label and account is not None else None
    if not finding and rect is None and status is None:
        return None
    return LedgerRow(number=number, problem=Problem(finding=tuple(finding), rectification=rect, status=status))


def _merged(block: Block, roles: tuple[Role | None, ...]) -> str | None:
    """The text of a row that is a section heading inside a ledger (one cell spans or stands alone)."""
    assert block.cells is not None
    shown = [(i, c) for i, c in enumerate(block.cells) if c.strip()]
    if len(shown) != 1:
        return None
    index, text = shown[0]
    spans = block.merged or len(block.cells) < len(roles)
    marked = split_marker(clean(text)) is not None and roles[index] not in ("number",)
    return text if spans or (marked and roles[index] != "problem") else None


class _Ledger:
    """The ledger being read: its columns' roles and header, and whether the rows still continue it."""

    def __init__(self, roles: tuple[Role | None, ...], header: tuple[str, ...]) -> None:
        self.roles = roles
        self.header = header

    def rows(self, rows: list[Block], report: Report) -> list[Block]:
        out: list[Block] = []
        for b in rows:
            assert b.cells is not None
            cells = tuple(clean(c) for c in b.cells)
            if b.header or tuple(c for c in cells if c) == tuple(clean(c) for c in self.header if clean(c)):
                for c in b.cells:  # the header again, at the top of a page: the same labels
                    if c.strip():
                        report.remove(clean(c), TABLE_HEADER, b)
                continue
            heading = _merged(b, self.roles)
            if heading is not None:
                out += [replace(b, text=t, cells=None, bold=b.bold if split_marker(t) else True)
                        for t in cell_paragraphs(heading)]
                continue
            row = row_problem(self.roles, self.header, b.cells)
            if row is not None:
                out.append(replace(b, row=row))
        return out


def _header_at(rows: list[Block]) -> int | None:
    for i, b in enumerate(rows[:_HEADER_SEARCH]):
        assert b.cells is not None
        if ledger_roles([clean(c) for c in b.cells]) is not None:
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
            roles = ledger_roles(header)
            assert roles is not None
            ledger = _Ledger(roles, header)
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
    full = sum(1 for b in rows if b.cells is not None and len(b.cells) == len(ledger.roles))
    return full * 2 >= len(rows)


def problems_from_rows(header: list[str] | tuple[str, ...], rows: list[list[str]] | list[tuple[str, ...]],
                       report: Report | None = None) -> tuple[Node, ...]:
    """The body nodes a ledger given as data states: ``header`` its column names, ``rows`` its rows.

    The reading of a ledger table in a notice (see the module's doc): numbered problem nodes, and
    rows with one filled cell as section headings (一、…, （一）…) over them.  Raises ValueError when
    ``header`` names no problem column and no account, status or deadline column
    (``vocab.tables.ledger_roles``).  Findings (a numbering gap …) go to ``report`` when given.
    """
    from .numbering import build_tree
    from .problems import to_node

    if ledger_roles([clean(c) for c in header]) is None:
        raise ValueError(f"not a ledger header: {list(header)!r}")
    report = report if report is not None else Report("<ledger>")
    blocks = [row_block(tuple(header), 0, line=1, header=True)]
    blocks += [row_block(tuple(row), 0, line=n) for n, row in enumerate(rows, start=2)]
    lead, roots = build_tree(expand_tables(blocks, report))
    nodes = [Node(heading=b.text) for b in lead]  # text before any number: kept, never dropped
    return (*nodes, *(to_node(raw, f"/body/{i}", report) for i, raw in enumerate(roots, start=len(nodes))))


def row_marker(row: LedgerRow) -> tuple[str, str, int] | None:
    """(marker text, style, value) of a ledger row's number cell; text "" for a bare number."""
    return cell_number(row.number) if row.number is not None else None


def marker_of(text: str, style: str, value: int) -> Marker:
    """The Marker of a ledger row: a bare number (text "") keeps no text, writers print the standard form."""
    return Marker(style=style, value=value, text=text or None)  # type: ignore[arg-type]


__all__ = ["TABLE_HEADER", "cell_number", "cell_paragraphs", "disclosure_pairs", "expand_tables", "marker_of",
           "problems_from_rows", "row_marker", "row_problem"]
