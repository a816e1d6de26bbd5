"""A fictional 示例镇 notice that publishes its rectification as a 整改台账 table, and the same notice
written as paragraphs — generated here as text, docx (python-docx), HTML and PDF (LibreOffice).

The table has the columns real notices use (序号 | 反馈问题 | 整改情况 | 完成情况), section headings as
rows whose one cell spans the table (（一）…), a problem and an account of two paragraphs, and a
status of each kind.  ``paragraph_lines`` is the same notice as a person would type it without a table;
both must read into the same problems, accounts and statuses.
"""

from __future__ import annotations

import io
from typing import Any

TITLE = "中共示例镇委员会关于巡察整改进展情况的通报"
PREAMBLE = ("根据县委统一部署，2026年3月2日至4月30日，县委第二巡察组对示例镇党委开展了常规巡察。"
            "5月20日，巡察组反馈了巡察意见。现将整改进展情况予以公布。")
BEFORE = ("一、整改工作开展情况", "镇党委召开专题会议3次，逐条制定整改措施。", "二、反馈问题整改情况")
HEADER = ("序号", "反馈问题", "整改情况", "完成情况")
# (section heading, [(number, finding paragraphs, account paragraphs, status)])
SECTIONS: tuple[tuple[str, tuple[tuple[str, tuple[str, ...], tuple[str, ...], str], ...]], ...] = (
    ("（一）党的政治建设方面", (
        ("1", ("学习贯彻上级决策部署不够深入。",), ("制定理论学习中心组年度计划，每月开展专题学习。",), "已完成"),
        ("2", ("意识形态工作责任制落实不到位，阵地管理存在薄弱环节。",),
         ("修订意识形态工作责任清单。", "对全镇宣传阵地开展排查2次。"), "长期坚持"),
    )),
    ("（二）基层治理方面", (
        ("1", ("村务公开不及时。",), ("已规范12个村的公开栏，按月公开财务收支。",), "已完成"),
        ("2", ("集体资金管理不规范。",), ("建立村级资金审批台账，实行双人复核。",), "2026年9月底前完成"),
        ("3", ("矛盾纠纷排查化解不及时。",), ("建立网格员每周走访制度。",), "正在推进"),
    )),
)
AFTER = ("三、下一步打算", "镇党委将持续巩固整改成果，推动建章立制。")
CLOSING = ("欢迎广大干部群众对巡察整改落实情况进行监督。", "联系电话：0123-6543210")
ISSUER, DATE = "中共示例镇委员会", "2026年6月18日"
EXPECTED_STATUSES = ["completed", "long_term", "completed", "in_progress", "in_progress"]


def paragraph_lines() -> list[str]:
    """The notice as a person types it without a table: 1. finding / 整改情况：… / 完成情况：…"""
    lines = [TITLE, PREAMBLE, *BEFORE]
    for heading, rows in SECTIONS:
        lines.append(heading)
        for number, finding, account, status in rows:
            lines.append(f"{number}.{finding[0]}")
            lines += finding[1:]
            lines.append(f"整改情况：{account[0]}")
            lines += account[1:]
            lines.append(f"完成情况：{status}")
    return [*lines, *AFTER, *CLOSING, ISSUER, DATE]


def table_rows() -> list[tuple[str, ...]]:
    """The table's rows after its header: a section heading as a one-cell row, each problem a row of
    four cells (paragraphs of a cell joined by a line break).  A finding is one paragraph: written
    as paragraphs, a finding of two would read as a heading and a finding (``problems``)."""
    rows: list[tuple[str, ...]] = []
    for heading, items in SECTIONS:
        rows.append((heading,))
        rows += [(number, "\n".join(finding), "\n".join(account), status)
                 for number, finding, account, status in items]
    return rows


def ledger_docx() -> bytes:
    """Typed in Word with a table: python-docx, the section rows merged across the four columns."""
    import docx

    document = docx.Document()
    for text in (TITLE, PREAMBLE, *BEFORE):
        document.add_paragraph(text)
    rows = table_rows()
    table = document.add_table(rows=1 + len(rows), cols=4)
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, HEADER, strict=True):
        cell.text = name
    for row, cells in zip(table.rows[1:], rows, strict=True):
        if len(cells) == 1:
            merged = row.cells[0].merge(row.cells[3])
            merged.text = cells[0]
            continue
        for cell, text in zip(row.cells, cells, strict=True):
            paragraphs = text.split("\n")
            cell.text = paragraphs[0]
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
    for text in (*AFTER, *CLOSING, ISSUER, DATE):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ledger_html() -> str:
    """A CMS article page holding the table: <thead> with <th>, section rows as one colspan=4 cell."""
    def para(text: str) -> str:
        return f"<p>{_esc(text)}</p>"

    body = [para(t) for t in (PREAMBLE, *BEFORE)]
    body.append("<table border='1'><thead><tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr></thead><tbody>")
    for cells in table_rows():
        if len(cells) == 1:
            body.append(f"<tr><td colspan='4'>{_esc(cells[0])}</td></tr>")
        else:
            tds = "".join("<td>" + "".join(para(p) for p in c.split("\n")) + "</td>" for c in cells)
            body.append(f"<tr>{tds}</tr>")
    body.append("</tbody></table>")
    body += [para(t) for t in (*AFTER, *CLOSING)]
    body.append(f"<p style='text-align:right'>{ISSUER}</p><p style='text-align:right'>{DATE}</p>")
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>示例镇</title></head><body>"
            "<div class='nav'>首页 &gt; 政务公开</div>"
            f"<h1 class='title'>{TITLE}</h1><div id='zoom'>{''.join(body)}</div>"
            "<div class='footer'>主办单位：示例镇人民政府</div></body></html>")


def outline_of(doc: Any) -> list[tuple[Any, ...]]:
    """What must match between the table and the paragraphs: every node's marker (style, value),
    heading, and for a problem its finding, account label and paragraphs, status category and deadline."""
    out: list[tuple[Any, ...]] = []
    for pointer, node in doc.walk():
        depth = pointer.count("/children/")
        marker = (node.marker.style, node.marker.value) if node.marker else None
        if node.problem is None:
            out.append((depth, marker, node.heading))
            continue
        p = node.problem
        rect = (p.rectification.label, p.rectification.paragraphs) if p.rectification else None
        status = (p.status.category, p.status.deadline.iso if p.status and p.status.deadline else None) \
            if p.status else None
        out.append((depth, marker, node.heading, p.finding, rect, status))
    return out


__all__ = ["EXPECTED_STATUSES", "HEADER", "ledger_docx", "ledger_html", "outline_of", "paragraph_lines", "table_rows"]
