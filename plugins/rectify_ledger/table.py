"""A Document as ledger sheets: the inverse of the reader, and so the writer's stated normalisation.

:func:`ledger_sheet` lays the body out as rows (a title row, the header, heading rows merged across,
one row per problem) and :func:`front_sheet` the front matter; the xlsx and csv writers only render
these grids.  ``expected`` is then *computed*, not described: it is what the reader makes of the
same grids (:func:`expected_ledger`), so the writer and the reader cannot drift apart, and the
conformance kit checks that rendering and reading back loses nothing beyond that.

What a ledger carries: section headings (marker and heading), and per problem its marker, finding,
account paragraphs, status (category and deadline; the phrase itself becomes the standard one),
responsible unit and person and time limit; with the front sheet also title, subtitle, preamble,
closing and signature.  It drops: disclosure metadata, the paragraphs of non-problem nodes, a
problem's heading (it becomes the first paragraph of its finding), the account's label and colon
(it is 整改情况), and the nesting of anything under a problem.  Facts are re-derived from the text.
"""

from __future__ import annotations

from rectify_core.plugin_api import Document, Node, Problem, Report, derive_facts, replace, vocab, with_standard_forms

from .front import FRONT_KEYS
from .sheets import Cell, Grid, Sheet

LEDGER_SHEET = "整改台账"
FRONT_SHEET = "基本信息"
FIELD_NAMES = vocab.tables.FIELD_NAMES
STANDARD_COLUMNS: tuple[str, ...] = vocab.tables.STANDARD_COLUMNS
HEADER = tuple(FIELD_NAMES[f][0] for f in STANDARD_COLUMNS)


def _heading_text(node: Node) -> str:
    marker = ""
    if node.marker is not None:
        marker = node.marker.text or vocab.markers.marker_text(node.marker.style, node.marker.value)
    return (marker + (node.heading or "")).strip()


def _index(node: Node, since_heading: int) -> str:
    """序号: the marker as written; without a written marker, the row's count since the last heading
    row — the number the reader gives a plain 序号 — so writing what was read gives the same cell."""
    if node.marker is not None and node.marker.text:
        return node.marker.text
    return str(min(since_heading, 999))


def _problem_of(node: Node) -> Problem:
    p = node.problem
    assert p is not None
    if node.heading:
        p = replace(p, finding=(node.heading, *p.finding))
    return p


def ledger_sheet(document: Document, *, title_row: bool = True) -> Sheet:
    """The 整改台账 sheet: an optional title row merged across, the header, then the body.

    The body is taken as it is (not ``with_standard_forms``: that drops what visible formats do not show)."""
    doc = document
    width = len(HEADER)
    rows: Grid = []
    merged: list[tuple[int, int, int, int]] = []
    if title_row:
        rows.append([doc.title or "整改台账", *([None] * (width - 1))])
        merged.append((0, 0, 0, width - 1))
    rows.append(list(HEADER))

    since_heading = 0

    def walk(nodes: tuple[Node, ...]) -> None:
        nonlocal since_heading
        for node in nodes:
            if node.problem is None:
                text = _heading_text(node)
                # unmerged (csv), a heading of digits alone would read as a bare 序号: left out
                if text and (title_row or not text.isdigit()):
                    r = len(rows)
                    rows.append([text, *([None] * (width - 1))])
                    if title_row:
                        merged.append((r, 0, r, width - 1))
                    since_heading = 0
            else:
                cells: dict[str, Cell] = vocab.tables.row_from_problem(_problem_of(node))
                if cells:  # a problem with nothing a ledger shows (an empty account) has no row
                    since_heading += 1
                    cells["index"] = _index(node, since_heading)
                    rows.append([cells.get(f) for f in STANDARD_COLUMNS])
            walk(node.children)

    walk(doc.body)
    return Sheet(LEDGER_SHEET, rows, merged=merged)


def front_rows(document: Document) -> list[tuple[str, str]]:
    """(key, value) rows of the 基本信息 sheet: the verbatim front matter of ``document``."""
    doc = with_standard_forms(document)
    label = {k: FRONT_KEYS[k][0] for k in FRONT_KEYS}
    out: list[tuple[str, str]] = []
    if doc.title:
        out.append((label["title"], doc.title))
    if doc.subtitle:
        out.append((label["subtitle"], doc.subtitle))
    out += [(label["preamble"], p) for p in doc.preamble]
    out += [(label["closing"], p) for p in doc.closing]
    if doc.signature is not None:
        if doc.signature.issuer:
            out.append((label["issuer"], doc.signature.issuer))
        if doc.signature.date is not None and doc.signature.date.text:
            out.append((label["date"], doc.signature.date.text))
    if out:
        out.append((label["verbatim"], "是"))
    return out


def front_sheet(document: Document) -> Sheet | None:
    rows = front_rows(document)
    if not rows:
        return None
    grid: Grid = [["项目", "内容"]]
    grid += [[k, v] for k, v in rows]
    return Sheet(FRONT_SHEET, grid)


def workbook_sheets(document: Document) -> list[Sheet]:
    front = front_sheet(document)
    return [ledger_sheet(document)] + ([front] if front is not None else [])


def csv_sheets(document: Document) -> list[Sheet]:
    return [ledger_sheet(document, title_row=False)]


def expected_ledger(document: Document, sheets: list[Sheet]) -> Document:
    """What reading these sheets gives: the reader's own code on the writer's own grids."""
    from .read import document_from_sheets
    from .sheets import fill_merged

    copies = []
    for s in sheets:
        copy = Sheet(s.name, [list(r) for r in s.rows], merged=list(s.merged))
        fill_merged(copy)
        copies.append(copy)
    return derive_facts(document_from_sheets(copies, {}, Report("<expected>")))


__all__ = ["FRONT_SHEET", "HEADER", "LEDGER_SHEET", "csv_sheets", "expected_ledger", "front_rows", "front_sheet",
           "ledger_sheet", "workbook_sheets"]
