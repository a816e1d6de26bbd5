"""Tables keep every cell, and a 整改台账 table reads as the problems it lists (issue 11 item 1).

The fixture (``ledger.py``) is one fictional notice written twice: as paragraphs, and with its
rectification as a table.  Written as a table in docx (python-docx), HTML and PDF (LibreOffice
from the docx), it must give the same nodes, findings, accounts and statuses as the paragraphs.
"""

from __future__ import annotations

import pytest

from rectify_core import api
from rectify_core.model import Document
from rectify_core.recognize import Block, recognize
from rectify_core.recognize.blocks import row_block
from rectify_core.recognize.tables import TABLE_HEADER, cell_number, problems_from_rows
from rectify_core.report import Report
from rectify_core.schema import validate_dict
from tests.recognize import ledger


def _paragraphs() -> Document:
    return recognize([Block(t, line=i + 1) for i, t in enumerate(ledger.paragraph_lines())], source="p.txt").document


def _blocks() -> list[Block]:
    blocks = [Block(t, line=i + 1) for i, t in enumerate((ledger.TITLE, ledger.PREAMBLE, *ledger.BEFORE))]
    blocks.append(row_block(ledger.HEADER, 1, line=10))
    blocks += [row_block(r, 1, line=11 + n) for n, r in enumerate(ledger.table_rows())]
    tail = (*ledger.AFTER, *ledger.CLOSING, ledger.ISSUER, ledger.DATE)
    return blocks + [Block(t, line=30 + i) for i, t in enumerate(tail)]


def _check_same_as_paragraphs(doc: Document) -> None:
    assert ledger.outline_of(doc) == ledger.outline_of(_paragraphs())
    statuses = [n.problem.status.category for _, n in doc.walk() if n.problem and n.problem.status]
    assert statuses == ledger.EXPECTED_STATUSES
    assert [n.marker.value for _, n in doc.walk() if n.problem and n.marker] == [1, 2, 1, 2, 3]  # 序号 kept
    assert validate_dict(doc.to_dict()) == []
    assert doc.signature is not None and doc.signature.date is not None and doc.signature.date.iso == "2026-06-18"


def test_cell_numbers():
    assert cell_number("1") == ("", "arabic", 1) and cell_number("１２") == ("", "arabic", 12)
    assert cell_number("3.") == ("3.", "arabic", 3) and cell_number("（2）") == ("（2）", "arabic_paren", 2)
    assert cell_number("一") == ("", "chinese", 1) and cell_number("甲") is None and cell_number("0") is None


def _rules(result) -> list[str]:
    return sorted(f.rule for f in result.findings)


def test_ledger_rows_read_as_the_same_problems_as_paragraphs():
    result = recognize(_blocks(), source="t")
    _check_same_as_paragraphs(result.document)
    assert [(r.text, r.reason) for r in result.removed] == [(h, TABLE_HEADER) for h in ledger.HEADER]
    paragraphs = recognize([Block(t, line=i + 1) for i, t in enumerate(ledger.paragraph_lines())], source="p")
    assert _rules(result) == _rules(paragraphs) == ["status.deadline"]  # 正在推进 with no deadline, both ways


def test_a_ledger_numbered_straight_through_and_its_header_repeated_on_a_new_page():
    """序号 1…5 running on across sections, the header again after a page break."""
    blocks = _blocks()
    renumbered, n = [], 0
    for b in blocks:
        if b.cells is not None and len(b.cells) == 4 and b.cells[0].isdigit():
            n += 1
            b = row_block((str(n), *b.cells[1:]), 1, line=b.line)
        renumbered.append(b)
    at = next(i for i, b in enumerate(renumbered) if b.cells == ("（二）基层治理方面",))
    renumbered[at:at] = [row_block(ledger.HEADER, 2, line=19, page=2)]
    result = recognize(renumbered, source="t")
    values = [nd.marker.value for _, nd in result.document.walk() if nd.problem and nd.marker]
    assert values == [1, 2, 3, 4, 5]  # (the Document's checks see 3 under （二）, as they would in paragraphs)
    assert sum(1 for r in result.removed if r.reason == TABLE_HEADER) == 8


def test_other_tables_keep_every_cell_in_order_numbers_included():
    rows = [("序号", "姓名", "职务"), ("1", "张三", "组长"), ("2", "李四", "副组长")]
    blocks = [Block("中共示例镇委员会关于巡察整改进展情况的通报", line=1), Block("巡察组成员如下：", line=2)]
    blocks += [row_block(r, 7, line=3 + i) for i, r in enumerate(rows)]
    blocks += [Block("中共示例镇委员会", line=9), Block("2026年6月18日", line=10)]
    result = recognize(blocks, source="t")
    assert result.document.preamble == ("巡察组成员如下：", *(c for r in rows for c in r))
    assert result.removed == []


def test_a_disclosure_row_gives_fields_without_a_colon_to_remove():
    blocks = [row_block(("索 引 号", "11330000/2026-00001", "发布机构：", "示例镇"), 1, line=1),
              Block("中共示例镇委员会关于巡察整改进展情况的通报", line=2), Block("正文。", line=3)]
    result = recognize(blocks, source="t")
    assert [(f.label, f.value) for f in result.document.disclosure] == [
        ("索 引 号", "11330000/2026-00001"), ("发布机构", "示例镇")]
    assert [(r.text, r.reason) for r in result.removed] == [("：", "label separator")]  # typed in its cell


def test_problems_from_rows_for_a_ledger_given_as_data():
    """The reading for a ledger given as data: header and rows in, body nodes out."""
    header = ("序号", "存在问题", "整改措施", "责任单位", "整改时限", "完成情况", "备注")
    rows = [("一、党的建设方面",), ("1", "村务公开不及时。", "已规范公开栏。", "党政办", "2026年6月底", "已完成", ""),
            ("2", "资金管理不规范。", "建立台账。", "财政所", "2026年12月底前", "正在推进", "需财政局配合")]
    nodes = problems_from_rows(header, rows)
    assert len(nodes) == 1 and nodes[0].heading == "党的建设方面" and nodes[0].marker is not None
    first, second = (n.problem for n in nodes[0].children)
    assert first is not None and second is not None
    assert first.finding == ("村务公开不及时。",) and first.rectification is not None
    assert first.rectification.label == "整改措施" and first.rectification.paragraphs == ("已规范公开栏。",)
    assert first.responsible_unit == "党政办" and first.time_limit is not None
    assert first.status is not None and (first.status.category, first.status.text) == ("completed", "已完成")
    assert second.rectification is not None and second.rectification.paragraphs == ("建立台账。", "需财政局配合")
    assert second.status is not None and second.status.category == "in_progress"
    assert second.status.deadline is not None and second.status.deadline.iso == "2026-12-31"
    with pytest.raises(ValueError):
        problems_from_rows(("姓名", "单位"), [])


def test_a_category_column_starts_sections_and_an_unknown_status_is_kept_and_reported():
    header = ("问题类别", "反馈问题", "整改情况", "完成情况")
    rows = [("党的建设", "学习不深入。", "已制定计划。", "已完成"), ("", "制度不健全。", "已修订制度。", "待定"),
            ("基层治理", "公开不及时。", "已规范。", "已完成")]
    report = Report("t")
    nodes = problems_from_rows(header, rows, report)
    assert [n.heading for n in nodes] == ["党的建设", "基层治理"]
    assert [len(n.children) for n in nodes] == [2, 1]
    unknown = nodes[0].children[1].problem
    assert unknown is not None and unknown.status is not None
    assert (unknown.status.category, unknown.status.text) == ("unknown", "待定")
    assert [f.rule for f in report.findings] == ["ledger.status"]


def test_ledger_table_in_docx():
    result = api.read(ledger.ledger_docx(), "docx", name="ledger.docx")
    _check_same_as_paragraphs(result.document)
    assert [r.text for r in result.removed if r.reason == TABLE_HEADER] == list(ledger.HEADER)


def test_ledger_table_in_html():
    result = api.read(ledger.ledger_html().encode("utf-8"), "html", name="ledger.html")
    _check_same_as_paragraphs(result.document)
    assert result.document.title == ledger.TITLE


@pytest.mark.client
def test_ledger_table_in_a_pdf_made_by_libreoffice(tmp_path):
    from tests.docx.foreign import libreoffice

    pdf = libreoffice(ledger.ledger_docx(), tmp_path, "pdf", name="ledger.docx")
    result = api.read(pdf, "pdf", name="ledger.pdf")
    _check_same_as_paragraphs(result.document)
    assert result.document.title == ledger.TITLE
    assert not [r for r in result.removed if r.reason == "page number"]  # the 1, 2, 3 column stays


def test_a_notice_typed_in_a_one_column_box_reads_as_its_paragraphs():
    """A table of one column frames paragraphs: they keep their hints and read as paragraphs."""
    import io

    import docx

    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    lines = ledger.paragraph_lines()
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    doc = api.read(out.getvalue(), "docx", name="boxed.docx").document
    assert ledger.outline_of(doc) == ledger.outline_of(_paragraphs()) and doc.title == ledger.TITLE
