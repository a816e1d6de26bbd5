"""One ledger sheet → body nodes: the header row, heading rows as sections, each row a problem.

* The header is the first row (of the first 50) that :func:`rectify_core.vocab.tables.match_header`
  accepts; text above it (the sheet's own title) is reported as removed, never silently dropped.
* A *heading row* holds one text: merged across the row (xlsx, ods), alone in the first column
  (csv), a 一/（一） in 序号 beside one text merged over the other columns, or a bare 一 beside one
  text.  Its marker
  (一、 （一） 1. …) decides its level, as in a notice: 一、 > （一） > 1. > （1） > ①; an unmarked
  heading is top-level.
  A value of a 问题类别 column starts a section whenever it changes.
* Every other row is a problem (``vocab.tables.problem_from_row``).  A 序号 written with its
  punctuation ((1) 1. （四）) is the problem's marker and places it like a heading; a plain number
  (a ledger's running count) or an empty 序号 gives the standard marker one level below the
  section, numbered by the row's place since the last heading row, as a notice numbers it.  A
  row whose 反馈问题 is merged down from the row above continues that problem.
"""

from __future__ import annotations

from dataclasses import field

from rectify_core.plugin_api import (
    Location,
    Marker,
    Node,
    Problem,
    Rectification,
    Report,
    Severity,
    dataclass,
    replace,
    split_marker,
    to_chinese,
    vocab,
)

from .sheets import Cell, Sheet

HEADER_SEARCH_ROWS = 50
MARKER_ORDER = ("chinese", "chinese_paren", "arabic", "arabic_paren", "circled")
_RANK = {s: i + 1 for i, s in enumerate(MARKER_ORDER)} | {"label": len(MARKER_ORDER) + 1}


@dataclass
class _Builder:
    rank: int
    marker: Marker | None = None
    heading: str | None = None
    problem: Problem | None = None
    children: list[_Builder] = field(default_factory=list)

    def freeze(self) -> Node:
        return Node(marker=self.marker, heading=self.heading, problem=self.problem,
                    children=tuple(c.freeze() for c in self.children))


@dataclass
class SheetRead:
    nodes: list[Node]
    rows: int  # problem rows


def column_letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _text(value: Cell | None) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else value.isoformat()


def find_header(sheet: Sheet, extra: dict[str, str] | None) -> tuple[int, dict[int, str]] | None:
    for r, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        columns = vocab.tables.match_header([_text(v) for v in row], extra)
        if columns is not None:
            return r, columns
    return None


def _heading_node(text: str, rank_default: int = 1) -> _Builder:
    split = split_marker(text)
    if split is not None:
        mtext, style, value, rest = split
        return _Builder(_RANK[style], Marker(style, value, mtext), rest or None)  # type: ignore[arg-type]
    return _Builder(rank_default, None, text)


_BARE = {to_chinese(n): n for n in range(1, 100)}


def parse_marker_text(text: str) -> tuple[str, int] | None:
    """(style, value) when ``text`` is a heading number and nothing else: （1） 1. 一、 ①."""
    split = split_marker(text)
    return (split[1], split[2]) if split is not None and not split[3] else None


def _bare_numeral(text: str) -> Marker | None:
    """一 or 十二 in a 序号 column: a top-level heading number written without its 、."""
    if text in _BARE:
        return Marker("chinese", _BARE[text])
    parsed = parse_marker_text(text)
    if parsed is not None and parsed[0] in ("chinese", "chinese_paren"):
        return Marker(parsed[0], parsed[1], text)  # type: ignore[arg-type]
    return None


class _Reader:
    def __init__(self, sheet: Sheet, report: Report, extra: dict[str, str] | None) -> None:
        self.sheet, self.report, self.extra = sheet, report, extra
        self.file = report.source
        self.roots: list[_Builder] = []
        self.stack: list[_Builder] = []
        self.problems = 0
        self.last: _Builder | None = None
        self.since_heading = 0  # problem rows since the last heading row: an empty 序号's number

    def where(self, r: int, c: int | None = None) -> Location:
        return Location(file=f"{self.file}[{self.sheet.name}]", line=r + 1, column=None if c is None else c + 1)

    def finding(self, rule: str, severity: Severity, r: int, c: int | None, zh: str, en: str) -> None:
        place_zh = f"工作表“{self.sheet.name}”第{r + 1}行" + (f"{column_letter(c)}列" if c is not None else "")
        place_en = f"sheet {self.sheet.name!r} row {r + 1}" + (f" column {column_letter(c)}" if c is not None else "")
        self.report.add(rule, severity, f"{place_zh}：{zh}", f"{place_en}: {en}", self.where(r, c))

    def place(self, node: _Builder) -> None:
        while self.stack and self.stack[-1].rank >= node.rank:
            self.stack.pop()
        (self.stack[-1].children if self.stack else self.roots).append(node)
        self.stack.append(node)

    def add_problem(self, node: _Builder) -> None:
        if node.marker is not None:
            self.place(node)
            self.stack.pop()  # a problem holds no headings
            return
        parent = self.stack[-1] if self.stack else None
        siblings = parent.children if parent is not None else self.roots
        style = MARKER_ORDER[min(parent.rank, len(MARKER_ORDER) - 1)] if parent is not None else "arabic"
        value = min(999, self.since_heading)
        node.marker = Marker(style, value)  # type: ignore[arg-type]
        node.rank = _RANK[style]
        siblings.append(node)

    def read(self, header: int, columns: dict[int, str]) -> SheetRead:
        for r in range(header):
            for c, v in enumerate(self.sheet.rows[r]):
                if v is not None and self.sheet.origin.get((r, c), (r, c)) == (r, c):
                    self.report.remove(_text(v), "text above the ledger's header row", self.where(r, c))
        category: str | None = None
        by_field = {f: c for c, f in columns.items()}
        header_texts = {_text(v) for v in self.sheet.rows[header] if v is not None}
        for r in range(header + 1, len(self.sheet.rows)):
            row = self.sheet.rows[r]
            cells: dict[str, Cell] = {}
            for c, f in columns.items():
                value = row[c] if c < len(row) else None
                if value is not None:
                    cells[f] = value
            if not any(v is not None for v in row):
                continue
            if sum(1 for v in row if v is not None and _text(v) in header_texts) >= 2 and \
                    vocab.tables.match_header([_text(v) for v in row], self.extra) is not None:
                self.report.remove(" | ".join(_text(v) for v in row if v is not None), "repeated header row",
                                   self.where(r))
                continue
            heading = self.heading_text(r, row, cells, by_field.get("index"))
            if heading is not None:
                self.place(_heading_node(heading) if isinstance(heading, str) else heading)
                self.last = None
                self.since_heading = 0
                continue
            if "category" in cells and _text(cells["category"]) != category:
                category = _text(cells["category"])
                self.place(_heading_node(category))
                self.since_heading = 0
            cont = "finding" in by_field and self.continues(r, by_field["finding"])
            mapped = {f: v for f, v in cells.items() if f not in ("index", "category")}
            problem, issues = vocab.tables.problem_from_row(mapped)
            for issue in issues:
                self.finding(issue.rule, "warning", r, by_field.get(issue.field), issue.zh, issue.en)
            if problem is None:
                if "index" in cells:
                    self.finding("ledger.empty-row", "warning", r, by_field["index"],
                                 f"该行只有序号“{_text(cells['index'])}”，未读入",
                                 f"the row holds only the index {_text(cells['index'])!r} and was not read")
                self.left_out(r, row, columns)
                continue
            self.left_out(r, row, columns)
            if cont and self.last is not None and self.last.problem is not None:
                self.last.problem = _continue(self.last.problem, problem)
                continue
            self.since_heading += 1
            node = _Builder(0, problem=problem)
            index = _text(cells.get("index")).strip()
            if index:
                parsed = parse_marker_text(index)
                if parsed is not None:
                    node.marker = Marker(parsed[0], parsed[1], index)  # type: ignore[arg-type]
                    node.rank = _RANK[parsed[0]]
                elif not index.isdigit():
                    self.finding("ledger.index", "info", r, by_field.get("index"),
                                 f"序号“{index}”不是编号，按顺序重新编号",
                                 f"index {index!r} is not a number; renumbered")
            self.add_problem(node)
            self.problems += 1
            self.last = node
        return SheetRead([b.freeze() for b in self.roots], self.problems)

    def left_out(self, r: int, row: list[Cell | None], columns: dict[int, str]) -> None:
        """Text the notice does not take — 备注, columns that are no ledger field — is listed as removed."""
        for c, v in enumerate(row):
            if v is None or self.sheet.origin.get((r, c), (r, c)) != (r, c):
                continue  # empty, or a copy of a merged cell reported where it starts
            field = columns.get(c)
            if field is None:
                self.report.remove(_text(v), "in a column that is no ledger field (map it with -O columns=…)",
                                   self.where(r, c))
            elif field == "remark":
                self.report.remove(_text(v), "备注 (remark): not part of the notice", self.where(r, c))

    def continues(self, r: int, c: int) -> bool:
        origin = self.sheet.origin.get((r, c))
        return origin is not None and origin[0] < r

    def heading_text(self, r: int, row: list[Cell | None], cells: dict[str, Cell],
                     index_col: int | None) -> str | _Builder | None:
        """A heading row's text (or its node, when 序号 holds the number), else None."""
        filled = [(c, v) for c, v in enumerate(row) if v is not None]
        texts = {_text(v) for _, v in filled}
        if len(texts) == 1 and isinstance(filled[0][1], str):
            (text,) = texts
            alone_first = len(filled) == 1 and filled[0][0] == 0 and not text.strip().isdigit()
            if self.merged_across(r, [c for c, _ in filled]) or alone_first:
                return text.strip()
        # 序号 一 beside a title merged over the other columns: | 一 | 党的政治建设方面（merged） |
        index = _text(cells.get("index")).strip()
        rest = [(c, v) for c, v in filled if c != index_col]
        # or a bare 一 (no 、: never a problem's written number) beside a single text: | 一 | 党建方面 |
        if index and rest and len({_text(v) for _, v in rest}) == 1 and isinstance(rest[0][1], str) \
                and (self.merged_across(r, [c for c, _ in rest]) or (len(rest) == 1 and index in _BARE)):
            marker = _bare_numeral(index)
            if marker is not None and "\n" not in rest[0][1].strip():
                return _Builder(_RANK[marker.style], marker, rest[0][1].strip())
        return None

    def merged_across(self, r: int, cols: list[int]) -> bool:
        origins = {self.sheet.origin.get((r, c), (r, c)) for c in cols}
        return len(cols) > 1 and len(origins) == 1 and next(iter(origins))[0] == r


def _continue(first: Problem, more: Problem) -> Problem:
    """A row continuing the problem above (its 反馈问题 merged down): its account is appended."""
    rect = first.rectification
    if more.rectification is not None:
        paragraphs = (rect.paragraphs if rect else ()) + more.rectification.paragraphs
        rect = Rectification(label=(rect or more.rectification).label, paragraphs=paragraphs)
    return replace(first, rectification=rect, status=first.status or more.status,
                   responsible_unit=first.responsible_unit or more.responsible_unit,
                   responsible_person=first.responsible_person or more.responsible_person,
                   time_limit=first.time_limit or more.time_limit)


def read_sheet(sheet: Sheet, report: Report, extra: dict[str, str] | None = None) -> SheetRead | None:
    """The body a ledger sheet states (findings into ``report``), or None when it has no header."""
    found = find_header(sheet, extra)
    if found is None:
        return None
    return _Reader(sheet, report, extra).read(*found)


__all__ = ["SheetRead", "column_letter", "find_header", "read_sheet"]
