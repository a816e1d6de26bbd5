"""Reading ledgers: header and columns, merged heading rows, statuses and time limits, bad rows."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from rectify_core.errors import InputError, SecurityError, UsageError
from rectify_core.model import Date, Document, Marker
from rectify_core.schema import validate_dict

from .helpers import HEADER, ROWS, convert, csv_bytes, read, xlsx_bytes


def _problems(doc: Document) -> list:
    return [n for _, n in doc.walk() if n.problem is not None]


def _check_rows_doc(doc: Document) -> None:
    assert validate_dict(doc.to_dict()) == []
    one, two = doc.body
    assert (one.marker, one.heading) == (Marker("chinese", 1, "一、"), "党的政治建设方面")
    (sub,) = one.children
    assert (sub.marker, sub.heading) == (Marker("chinese_paren", 1, "（一）"), "理论学习")
    p1, p2 = sub.children
    assert p1.marker == Marker("arabic", 1)  # one level below （一）, numbered within it
    assert p1.problem.finding == ("理论学习流于形式。",)
    assert p1.problem.rectification.label == "整改措施"
    assert p1.problem.rectification.paragraphs == ("修订学习制度。",)
    assert p1.problem.status.category == "completed"
    assert (p1.problem.responsible_unit, p1.problem.responsible_person) == ("镇党政办", "王某某")
    assert p1.problem.time_limit == Date(iso="2026-03-31")
    assert p2.problem.finding == ("研讨发言准备不足。", "发言提纲未预审。")  # a line is a paragraph
    assert p2.problem.status.category == "long_term"
    assert p2.problem.time_limit == Date(text="长期坚持")
    p3, p4 = two.children
    assert p3.marker == Marker("chinese_paren", 1) and p4.marker == Marker("chinese_paren", 2)
    # an open problem takes the time limit as its deadline, stated as a notice states it
    assert p3.problem.status.category == "in_progress"
    assert p3.problem.status.deadline == Date(iso="2026-12-31", text="2026年12月31日")
    assert p3.problem.status.text == "（正在推进，2026年12月31日前完成）"
    assert p4.problem.time_limit == Date(iso="2026-06-30", text="2026年6月底前")
    assert p4.problem.status.deadline == Date(iso="2026-06-30", text="2026年6月底")


def test_xlsx_with_merged_heading_rows() -> None:
    result = read(xlsx_bytes(), "xlsx")
    _check_rows_doc(result.document)
    assert [r.text for r in result.removed] == ["示例镇整改台账"]  # the title above the header, reported
    assert result.findings == []
    assert result.info["problem_rows"] == 4


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_in_utf8_and_gbk(encoding: str) -> None:
    rows = [("一、党的政治建设方面",), ("（一）理论学习",), *ROWS[2:]]
    _check_rows_doc(read(csv_bytes(rows, encoding), "csv").document)


@pytest.mark.client
@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_xls_and_ods_made_by_libreoffice(fmt: str) -> None:
    data = convert(xlsx_bytes(), fmt)
    result = read(data, fmt)
    _check_rows_doc(result.document)
    from rectify_core.plugins import get_registry

    assert get_registry().reader_for(data[:4096], f"x.{fmt}").name == fmt


def test_sniffing_tells_xlsx_from_docx_and_csv_from_txt() -> None:
    from rectify_core.plugins import get_registry

    reg = get_registry()
    assert reg.reader_for(xlsx_bytes()[:4096], "ledger.xlsx").name == "xlsx"
    assert reg.reader_for(csv_bytes()[:4096], None).name == "csv"
    assert reg.reader_for(csv_bytes(encoding="gbk")[:4096], "台账.csv").name == "csv"


def test_a_finding_merged_down_continues_the_problem_above() -> None:
    rows = [(1, "公开不及时。", "规范公开栏。", "镇党政办", "王某某", None, "已完成"),
            (None, "公开不及时。", "建立督查机制。", None, None, None, None)]
    doc = read(xlsx_bytes(rows, merge_down=[(0, 1, 1)]), "xlsx").document
    (node,) = _problems(doc)
    assert node.problem.rectification.paragraphs == ("规范公开栏。", "建立督查机制。")


def test_a_unit_merged_down_applies_to_every_row() -> None:
    rows = [(1, "问题一。", "措施一。", "镇党政办", None, None, "已完成"),
            (2, "问题二。", "措施二。", None, None, None, "已完成")]
    doc = read(xlsx_bytes(rows, merge_down=[(0, 1, 3)]), "xlsx").document
    assert [n.problem.responsible_unit for n in _problems(doc)] == ["镇党政办", "镇党政办"]


def test_header_variants_and_a_numbered_index_column() -> None:
    header = ["编号", "存在问题", "整改举措", "整改落实情况", "牵头单位", "整改责任人", "完成时限", "整改状态", "备注"]
    rows = [("一", "党建方面", None, None, None, None, None, None, None),
            ("（1）", "问题。", "措施。", "已落实。", "单位", "人", "2026-05-01", "已办结", "无")]
    doc = read(xlsx_bytes(rows, header, title=None), "xlsx").document
    (node,) = _problems(doc)
    p = node.problem
    assert node.marker == Marker("arabic_paren", 1, "（1）")
    assert p.rectification.label == "整改情况" and p.rectification.paragraphs == ("措施。", "已落实。")
    assert p.time_limit == Date(iso="2026-05-01") and p.status.category == "completed"


def test_other_column_names_are_mapped_with_the_columns_option() -> None:
    header = ["序号", "问题线索", "处置意见", "办理进度"]
    rows = [(1, "问题。", "措施。", "已完成")]
    data = xlsx_bytes(rows, header, title=None)
    with pytest.raises(InputError, match="columns"):
        read(data, "xlsx")
    doc = read(data, "xlsx", columns="问题线索=finding,处置意见=measures，办理进度=status").document
    (node,) = _problems(doc)
    assert node.problem.finding == ("问题。",) and node.problem.status.category == "completed"
    with pytest.raises(UsageError):
        read(data, "xlsx", columns="问题线索=nonsense")


def test_bad_rows_give_located_findings() -> None:
    rows = [(1, "问题。", "措施。", None, None, None, "看情况再说"),
            (2, None, "只有措施。", None, None, None, "已完成"),
            (3, None, None, None, None, None, None)]
    result = read(xlsx_bytes(rows), "xlsx", name="台账.xlsx")
    by_rule = {f.rule: f for f in result.findings}
    status = by_rule["ledger.status"]
    assert status.location.file == "台账.xlsx[台账]" and (status.location.line, status.location.column) == (3, 7)
    assert "第3行G列" in status.message_zh and "row 3 column G" in status.message_en
    assert by_rule["ledger.no-finding"].location.line == 4
    assert by_rule["ledger.empty-row"].location.line == 5
    first = _problems(result.document)[0].problem
    assert first.status.category == "unknown" and first.status.text == "（看情况再说）"  # kept, not dropped
    assert validate_dict(result.document.to_dict()) == []


def test_no_header_is_a_clear_error_naming_the_file() -> None:
    data = xlsx_bytes([("随便写的",)], ["甲", "乙"], title=None)
    with pytest.raises(InputError, match=r"no ledger header row") as err:
        read(data, "xlsx", name="乱表.xlsx")
    assert "乱表.xlsx" in str(err.value)


def test_other_sheets_are_reported_not_silently_skipped() -> None:
    data = xlsx_bytes(extra_sheets={"说明": [["填表说明：请按时更新。"]]})
    result = read(data, "xlsx")
    assert [f.rule for f in result.findings] == ["ledger.sheet-skipped"]


def test_a_zip_bomb_is_refused_before_inflating() -> None:
    from rectify_core.budget import Limits

    with pytest.raises(SecurityError, match="max_inflated"):
        read(xlsx_bytes(), "xlsx", limits=Limits(max_inflated=1000))
    with pytest.raises(SecurityError, match="max_elements"):
        read(xlsx_bytes(), "xlsx", limits=Limits(max_elements=20))


@pytest.mark.parametrize("data", [b"PK\x03\x04garbage", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, b"x,y\n1,2"])
def test_broken_spreadsheets_are_input_errors(data: bytes) -> None:
    fmt = "xlsx" if data.startswith(b"PK") else "xls" if data.startswith(b"\xd0") else "csv"
    with pytest.raises(InputError):
        read(data, fmt)


def test_a_truncated_xlsx_is_an_input_error() -> None:
    data = xlsx_bytes()
    with pytest.raises(InputError):
        read(data[: len(data) // 2], "xlsx")
    assert zipfile.is_zipfile(io.BytesIO(data))


def test_dates_in_text_and_cells() -> None:
    from rectify_core.vocab.tables import time_limit_date

    assert time_limit_date(dt.datetime(2026, 1, 2)) == Date(iso="2026-01-02")
    assert time_limit_date("2026年1月2日") == Date(iso="2026-01-02", text="2026年1月2日")
    assert time_limit_date("立行立改") == Date(text="立行立改")
    assert time_limit_date("6月底前") == Date(text="6月底前")  # no year: nothing guessed
    assert HEADER[0] == "序号"


def test_remarks_and_unknown_columns_are_listed_as_removed() -> None:
    header = [*HEADER, "备注", "内部编码"]
    rows = [(1, "问题。", "措施。", None, None, None, "已完成", "已报县纪委", "A-01")]
    result = read(xlsx_bytes(rows, header, title=None), "xlsx")
    assert {(r.text, r.location.column) for r in result.removed} == {("已报县纪委", 8), ("A-01", 9)}


def test_docs_list_every_recognised_column_name_and_front_key() -> None:
    from pathlib import Path

    from rectify_ledger.front import FRONT_KEYS

    from rectify_core.vocab.tables import FIELD_NAMES

    docs = (Path(__file__).resolve().parents[2] / "docs" / "ledger.md").read_text("utf-8")
    for field, names in FIELD_NAMES.items():
        assert f"| `{field}` | " + " · ".join(names) in docs, field
    for key in FRONT_KEYS:
        assert f"`{key}`" in docs, key
