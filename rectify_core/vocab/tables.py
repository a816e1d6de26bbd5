"""The columns of a 整改台账 (rectification ledger) table, by the names their header cells give them.

A notice that publishes its rectification as a table, and a ledger spreadsheet (xlsx/csv), head
their columns with a few dozen names: 序号 | 反馈问题 | 整改措施 | 完成情况, 编号 | 存在问题 | 整改进展 |
整改时限 | 责任单位 …  Each header cell is given one *role*:

``number``    序号, 编号 — the item's number, read as its heading number;
``problem``   反馈问题, 问题, 存在问题, 问题内容 … — the finding;
``account``   整改措施, 整改情况, 整改进展 … — the rectification account (the header names its label);
``status``    完成情况, 整改状态 … — the status phrase;
``deadline``  完成时限, 整改时限 … — the deadline (and the status when there is no status column);
``unit``      责任单位, 责任人, 牵头领导 … — who is responsible (the model has no field: kept as text);
``category``  问题类别, 领域 … — a grouping column (kept as text).

A header is a ledger's when it has a problem column and an account, status or deadline column.
Names are compared without white space and a trailing colon; a name not in the lists is matched by
the words it contains (整改措施及成效 is an account, 是否完成 a status), else its column is ``None``
(kept as text).  The same table read from docx, HTML, PDF or a spreadsheet maps the same way:
``rectify_core.recognize.tables`` turns the rows into problems.
"""

from __future__ import annotations

import re

Role = str  # one of ROLES

ROLES = ("number", "problem", "account", "status", "deadline", "unit", "category")

COLUMN_NAMES: dict[Role, tuple[str, ...]] = {
    "number": ("序号", "编号", "No.", "NO.", "No"),
    "problem": ("反馈问题", "问题", "存在问题", "问题内容", "问题描述", "问题表现", "问题清单", "具体问题", "主要问题",
                "巡察反馈问题", "巡视反馈问题", "巡察发现问题", "巡视发现问题", "反馈意见", "反馈问题内容",
                "问题具体表现"),
    "account": ("整改措施", "整改情况", "整改进展", "整改进展情况", "整改落实情况", "整改举措", "整改成效",
                "具体措施", "整改措施及成效", "整改措施及进展", "整改完成情况", "整改工作情况", "落实情况",
                "工作措施", "措施"),
    "status": ("完成情况", "整改状态", "完成状态", "整改进度", "整改结果", "办结情况", "是否完成", "是否整改到位",
               "进展情况", "状态"),
    "deadline": ("完成时限", "整改时限", "整改期限", "时限", "完成时间", "整改时间", "时限要求"),
    "unit": ("责任单位", "责任人", "责任领导", "牵头单位", "牵头领导", "配合单位", "责任部门", "整改责任人",
             "整改责任单位", "责任主体"),
    "category": ("问题类别", "问题类型", "类别", "领域", "方面", "问题分类"),
}

_BY_NAME: dict[str, Role] = {name: role for role, names in COLUMN_NAMES.items() for name in names}
# Words a header name not in the lists may contain, most telling first (整改完成情况 is an account,
# whose cells read as accounts; 完成情况 alone is a status).
_CONTAINS: tuple[tuple[str, Role], ...] = (
    ("时限", "deadline"), ("期限", "deadline"), ("责任", "unit"), ("牵头", "unit"), ("措施", "account"),
    ("整改情况", "account"), ("整改进展", "account"), ("完成", "status"), ("状态", "status"), ("问题", "problem"),
)
_SPACE = re.compile(r"[\s\u3000]+")


def column_role(name: str) -> Role | None:
    """The role of a column headed ``name``, or None (a column kept as text)."""
    key = _SPACE.sub("", name).rstrip("：:")
    if not key or len(key) > 12:
        return None
    if key in _BY_NAME:
        return _BY_NAME[key]
    return next((role for word, role in _CONTAINS if word in key), None)


def ledger_roles(header: list[str] | tuple[str, ...]) -> tuple[Role | None, ...] | None:
    """The role of each column when ``header`` heads a ledger, else None.

    A ledger names a problem column and an account, status or deadline column; each role but
    ``unit`` and ``category`` is given to one column only (the first), so 整改措施 | 整改情况 keeps
    the second as text.
    """
    roles: list[Role | None] = []
    seen: set[Role] = set()
    for cell in header:
        role = column_role(cell)
        if role in seen and role not in ("unit", "category"):
            role = None
        if role is not None:
            seen.add(role)
        roles.append(role)
    if "problem" in seen and seen & {"account", "status", "deadline"}:
        return tuple(roles)
    return None


def label_of(header_cell: str) -> str:
    """The header cell as a label: as written, without white space at its ends or a trailing colon."""
    return header_cell.strip().rstrip("：:").strip()


__all__ = ["COLUMN_NAMES", "ROLES", "Role", "column_role", "label_of", "ledger_roles"]
