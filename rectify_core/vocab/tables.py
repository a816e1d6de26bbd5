"""Column names of a rectification ledger (整改台账) and of ledger-shaped tables inside notices.

Offices keep the rectification as a table, one row per problem, with a header row such as
序号 | 反馈问题 | 整改措施 | 责任单位 | 责任人 | 整改时限 | 完成情况.  Each *field* below lists the
header names seen for it, most common first; the first name is the one rectify writes.  A header
cell is matched after removing white space, line breaks and a trailing colon or bracketed note
(整改时限（截止日期） is 整改时限).  A name matches exactly, never as a substring, so 问题 does not
capture 问题类别.

Fields: ``index`` 序号, ``category`` a grouping column (问题类别 …) whose changes start a section,
``finding`` 反馈问题, ``measures`` 整改措施, ``account`` 整改情况 (what was done), ``unit`` 责任单位,
``person`` 责任人, ``time_limit`` 整改时限, ``status`` 完成情况 (a short status phrase), ``progress``
整改进展 (a status phrase or an account — decided per cell), ``remark`` 备注.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..model import Date, Problem, Rectification, Status
from ..patterns import compiled
from ..recognize.text import clean
from ..records import dataclass
from .dates import date_text, parse_date
from .status import parse_status_text, status_phrase

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "index": ("序号", "编号", "序", "问题序号", "No.", "No"),
    "category": ("问题类别", "问题类型", "问题分类", "类别", "类型", "方面", "问题方面", "板块"),
    "finding": ("反馈问题", "问题内容", "存在问题", "问题", "问题表现", "具体问题", "问题描述", "主要问题",
                "巡察反馈问题", "巡视反馈问题", "巡察发现问题", "巡视发现问题", "反馈意见", "问题清单",
                "具体表现", "问题具体表现"),
    "measures": ("整改措施", "整改举措", "具体措施", "整改任务", "整改目标及措施", "整改目标和措施"),
    "account": ("整改情况", "整改落实情况", "整改完成情况", "整改成效", "整改结果", "落实情况", "完成情况说明",
                "整改进展情况"),
    "unit": ("责任单位", "牵头单位", "责任部门", "牵头部门", "责任科室", "整改责任单位", "配合单位",
             "责任主体", "整改主体"),
    "person": ("责任人", "整改责任人", "责任领导", "牵头领导", "分管领导", "具体责任人"),
    "time_limit": ("整改时限", "完成时限", "整改期限", "时限", "完成时间", "整改时间", "计划完成时间"),
    "status": ("完成情况", "整改状态", "完成状态", "整改进度", "是否完成", "状态", "办结情况", "是否整改到位",
               "销号情况"),
    "progress": ("整改进展", "进展情况", "工作进展", "进展"),
    "remark": ("备注", "说明"),
}

#: What the ledger writer prints, in this order.
STANDARD_COLUMNS: tuple[str, ...] = ("index", "finding", "account", "unit", "person", "time_limit", "status")

# Answers of a 是否完成 column; any other value goes through the status vocabulary.
YES_NO_STATUS: dict[str, str] = {"是": "completed", "已完成": "completed", "否": "in_progress", "未完成": "in_progress"}

_NOISE = compiled(r"[\s\u3000]+")
_NOTE = compiled(r"[（(【\[][^）)】\]]*[）)】\]]$")
_BY_NAME: dict[str, str] = {name: field for field, names in FIELD_NAMES.items() for name in names}


def normalise_header(text: str) -> str:
    """A header cell as compared: no white space, no trailing colon or bracketed note."""
    t = _NOISE.sub("", text).rstrip("：:")
    stripped = _NOTE.sub("", t)
    return stripped or t


def field_of(header: str, extra: dict[str, str] | None = None) -> str | None:
    """The field a header cell names (``extra`` maps further names, as ``-O columns=`` gives), or None."""
    name = normalise_header(header)
    if extra and name in extra:
        return extra[name]
    return _BY_NAME.get(name)


def match_header(cells: Sequence[str], extra: dict[str, str] | None = None) -> dict[int, str] | None:
    """Column index → field when ``cells`` is a ledger header row, else None.

    A header names a finding column and at least one of the columns that say what was done or
    where it stands (measures, account, status, progress, time limit, unit); the first column of a
    field wins when a name repeats.
    """
    found: dict[int, str] = {}
    for i, cell in enumerate(cells):
        field = field_of(cell, extra) if cell else None
        if field is not None and field not in found.values():
            found[i] = field
    fields = set(found.values())
    if "finding" in fields and fields & {"measures", "account", "status", "progress", "time_limit", "unit"}:
        return found
    return None


def parse_columns_option(value: str) -> dict[str, str]:
    """``-O columns=问题描述=finding,牵头处室=unit`` → {header: field}; unknown fields are refused."""
    out: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in re.split(r"[,，;；]", value))):
        name, sep, field = part.partition("=")
        field = field.strip()
        if not sep or field not in FIELD_NAMES:
            raise ValueError(f"columns: expected HEADER=FIELD with FIELD one of {', '.join(FIELD_NAMES)}; got {part!r}")
        out[normalise_header(name)] = field
    return out


# -- one row ↔ one problem -------------------------------------------------------------------------

TYPE_CHECKING = False
if TYPE_CHECKING:  # datetime itself loads only where a date cell is met (a txt conversion never needs it)
    import datetime as _dt

    Cell = str | _dt.date  # what a row mapping sees: text (lines joined by "\n") or a date cell


@dataclass(frozen=True)
class RowIssue:
    """Something wrong with one cell of a row, for a located finding."""

    field: str
    rule: str
    zh: str
    en: str


def cell_lines(value: Cell | None) -> tuple[str, ...]:
    """The non-empty lines of a cell, each stripped: a multi-line cell is several paragraphs."""
    if not isinstance(value, str):  # None or a date cell
        return (value.isoformat(),) if value is not None else ()
    return tuple(line for line in map(clean, value.splitlines()) if line)


def _one_line(value: Cell | None) -> str | None:
    lines = cell_lines(value)
    return "、".join(lines) if lines else None


_ISO = compiled(r"\d{4}-\d{2}-\d{2}")


def time_limit_date(value: Cell | None) -> Date | None:
    """整改时限 as a Date: a date cell or an ISO string is the day; text keeps its words and gets the
    day it names (2026年6月底前 → 2026-06-30) when the date vocabulary can tell."""
    if value is not None and not isinstance(value, str):  # a date cell (datetime loads only for one)
        import datetime as _dt

        return Date(iso=(value.date() if isinstance(value, _dt.datetime) else value).isoformat())
    text = _one_line(value)
    if text is None:
        return None
    if _ISO.fullmatch(text) and parse_date(text):
        return Date(iso=text)
    iso = parse_date(text)
    if iso is None:
        parsed = parse_status_text("整改时限：" + text)
        iso = parsed[1].iso if parsed is not None and parsed[1] is not None else None
    return Date(iso=iso, text=text)


def status_from_cell(value: Cell | None) -> tuple[str, Date | None] | None:
    """(category, deadline) of a 完成情况 cell by the shared status vocabulary, or None if it says none."""
    text = _one_line(value)
    return None if text is None else _status_of(text)


@lru_cache(maxsize=1024)
def _status_of(text: str) -> tuple[str, Date | None] | None:
    """Cached: a ledger repeats a handful of status phrases on every row."""
    if text in YES_NO_STATUS:
        return YES_NO_STATUS[text], None
    return parse_status_text(text)


def _limit_words(limit: Date | None) -> str | None:
    """整改时限 as a deadline is written in a status: 2026年6月底前 → 2026年6月底."""
    if limit is None or limit.iso is None:
        return None
    return (limit.text or date_text(limit.iso)).removesuffix("前").removesuffix("之") or None


def _by(when: str) -> str:
    return f"，{when}前完成"


def _bracketed(phrase: str) -> str:
    """A status as a notice prints it after the account: in full-width brackets."""
    return phrase if phrase[:1] in "（(" and phrase[-1:] in "）)" else f"（{phrase}）"


def problem_from_row(cells: dict[str, Cell]) -> tuple[Problem | None, list[RowIssue]]:
    """The problem one ledger row states (None for a row with nothing in the known columns).

    The finding is the 反馈问题 cell, one paragraph per line; the account is 整改措施 followed by
    整改情况 (labelled 整改情况, or 整改措施 when that is all there is); the status comes from 完成情况
    (or an 整改进展 cell that is a status phrase), and an open one without a deadline of its own
    takes the day 整改时限 names; 责任单位, 责任人 and 整改时限 fill the schema 1.1 fields.
    """
    issues: list[RowIssue] = []
    finding = cell_lines(cells.get("finding"))
    measures = cell_lines(cells.get("measures"))
    account = cell_lines(cells.get("account"))
    written = _one_line(cells.get("status"))
    status = status_from_cell(cells.get("status"))
    progress = cells.get("progress")
    if progress is not None:
        as_status = status_from_cell(progress)
        if as_status is not None and status is None and written is None and len(_one_line(progress) or "") <= 40:
            status, written = as_status, _one_line(progress)
        else:
            account += cell_lines(progress)
    rect = None
    if measures or account:
        rect = Rectification(label="整改情况" if account else "整改措施", paragraphs=measures + account)
    limit = time_limit_date(cells.get("time_limit"))
    state = None
    if status is not None:
        category, deadline = status
        text = None if written is None or written in YES_NO_STATUS else _bracketed(written)
        when = _limit_words(limit)
        if category == "in_progress" and deadline is None and limit is not None and limit.iso and when:
            # the time limit is the open problem's deadline, stated in its status as a notice does
            # (row_from_problem takes the clause off again, so a written ledger reads back the same)
            deadline = Date(iso=limit.iso, text=when)
            if text is not None:
                text = f"（{text[1:-1]}{_by(when)}）"
        state = Status(category=category, deadline=deadline, text=text)  # type: ignore[arg-type]
    elif written is not None:
        state = Status(category="unknown", text=_bracketed(written))
        issues.append(RowIssue("status", "ledger.status", f"完成情况“{written}”无法识别为整改状态",
                               f"the status {written!r} is not a known status phrase"))
    problem = Problem(finding=finding, rectification=rect, status=state,
                      responsible_unit=_one_line(cells.get("unit")),
                      responsible_person=_one_line(cells.get("person")), time_limit=limit)
    if problem == Problem():
        return None, issues
    if not finding:
        issues.append(RowIssue("finding", "ledger.no-finding", "该行没有反馈问题", "the row states no finding"))
    return problem, issues


def status_words(status: Status | None) -> str | None:
    """The 完成情况 cell for a status: its phrase without brackets, or the standard phrase."""
    if status is None:
        return None
    if status.text is not None:
        inner = status.text.strip()
        if inner[:1] in "（(" and inner[-1:] in "）)":
            inner = inner[1:-1].strip()
        return inner or None
    return status_phrase(status)


def row_from_problem(problem: Problem) -> dict[str, Cell]:
    """The cells the ledger writer puts in a problem's row: the inverse of :func:`problem_from_row`
    on every field a ledger carries (``fields_of`` in docs/ledger.md)."""
    out: dict[str, Cell] = {}
    if problem.finding:
        out["finding"] = "\n".join(problem.finding)
    if problem.rectification is not None and problem.rectification.paragraphs:
        out["account"] = "\n".join(problem.rectification.paragraphs)
    if problem.responsible_unit:
        out["unit"] = problem.responsible_unit
    if problem.responsible_person:
        out["person"] = problem.responsible_person
    limit = problem.time_limit
    if limit is not None:
        if limit.text is not None:
            out["time_limit"] = limit.text
        elif limit.iso is not None:
            import datetime as _dt

            out["time_limit"] = _dt.date.fromisoformat(limit.iso)
    words = status_words(problem.status)
    when = _limit_words(limit)
    if words and when and words.endswith(_by(when)) and len(words) > len(_by(when)):
        words = words[: -len(_by(when))]  # the reader adds the time limit's clause back
    if words:
        out["status"] = words
    return out


__all__ = [
    "FIELD_NAMES",
    "STANDARD_COLUMNS",
    "YES_NO_STATUS",
    "RowIssue",
    "cell_lines",
    "field_of",
    "match_header",
    "normalise_header",
    "parse_columns_option",
    "problem_from_row",
    "row_from_problem",
    "status_from_cell",
    "status_words",
    "time_limit_date",
]
