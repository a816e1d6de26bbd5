"""Facts from text: contacts, statistics, disclosure keys; derive_facts is a function of text alone."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectify_core.model import Contact, Date, DisclosureField, Document, Inspection, Statistics, replace
from rectify_core.recognize import Block
from rectify_core.recognize.facts import derive_facts
from rectify_core.recognize.statistics import find_statistics
from rectify_core.schema import validate_dict
from rectify_core.testing import documents
from rectify_core.vocab.contacts import parse_contacts
from rectify_core.vocab.disclosure import field_facts
from tests.recognize.helpers import recognize_text


def test_several_contacts_on_one_line() -> None:
    got = parse_contacts(["如有意见建议，请反映。联系方式:0632-8451103;邮政信箱:某某镇人民政府,电子邮箱:ab_c@163.com。",
                          "联系人：张三  举报电话：12388、0543-1234567"])
    assert got == (
        Contact("phone", "0632-8451103", "联系方式"), Contact("mailbox", "某某镇人民政府", "邮政信箱"),
        Contact("email", "ab_c@163.com", "电子邮箱"), Contact("other", "张三", "联系人"),
        Contact("phone", "12388、0543-1234567", "举报电话"))


@pytest.mark.parametrize(("line", "expected"), [
    ("联系电话：0123-1234567、0123-7654321；邮编：123456；通信地址：示例县人民路1号",
     [("phone", "联系电话", "0123-1234567、0123-7654321"), ("other", "邮编", "123456"),
      ("mailbox", "通信地址", "示例县人民路1号")]),
    ("联系人：李某 联系电话：0123-1234567 电子邮箱：a@b.cn",
     [("other", "联系人", "李某"), ("phone", "联系电话", "0123-1234567"), ("email", "电子邮箱", "a@b.cn")]),
    ("联系电话0123-1234567，邮政编码：123456。",
     [("phone", "联系电话", "0123-1234567"), ("other", "邮政编码", "123456")]),
    ("邮政信箱：示例县委巡察办（邮编：123400）", [("mailbox", "邮政信箱", "示例县委巡察办（邮编：123400）")]),
    ("举报邮箱：jb@example.cn，监督电话：12388",
     [("email", "举报邮箱", "jb@example.cn"), ("phone", "监督电话", "12388")]),
])
def test_contact_lines_as_notices_write_them(line: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(c.kind, c.label, c.value) for c in parse_contacts([line])] == expected


def test_contact_way_is_classified_by_its_value() -> None:
    assert [c.kind for c in parse_contacts(["联系方式：x@y.cn", "联系方式：0531-1234567", "联系方式：当面反映"])] == [
        "email", "phone", "other"]


@pytest.mark.parametrize(("text", "expected"), [
    ("截至目前,巡察反馈25个问题,已完成整改19个、正在整改6个,整改完成率76%。",
     Statistics(total=25, completed=19, in_progress=6, rate=76)),
    ("截止目前，反馈的100个问题，完成整改90个，基本完成取得阶段性成果并持续整改问题6个，未完成4个，总体完成率90.00%。",
     Statistics(total=100, completed=90, long_term=6, in_progress=4, rate=90.0)),  # 未完成: still open
    ("巡察反馈的3个方面20个问题，已整改完成18个（含立行立改问题2个），阶段性完成整改2个。",
     Statistics(total=20, completed=18, long_term=2)),
    ("共反馈问题4个方面10个，梳理整改任务30个，已完成整改28个，其中长期坚持5个，继续整改2个。",
     Statistics(total=30, completed=28, long_term=5, in_progress=2, long_term_in_completed=True)),
    ("共反馈问题25个，已整改到位19个，正在整改6个，整改完成率76%。",
     Statistics(total=25, completed=19, in_progress=6, rate=76)),
    ("反馈问题40个，立行立改问题6个，已完成整改32个，需长期坚持的5个，正在整改3个。",
     Statistics(total=40, completed=32, long_term=5, in_progress=3)),
    ("巡察反馈的28个问题已整改到位25个，正在整改3个，整改率89.29%。",
     Statistics(total=28, completed=25, in_progress=3, rate=89.29)),
    ("反馈问题12个，已办结10个，持续推进2个。", Statistics(total=12, completed=10, in_progress=2)),
])
def test_statistics_sentences(text: str, expected: Statistics) -> None:
    assert find_statistics(["前一句没有数字。" + text + "后一句。"]) == replace(expected, text=text)


@pytest.mark.parametrize("text", ["整改台账中显示整改完成的37个问题中，有21个问题还存在整改不彻底。",
                                  "已完成整改19个。", "召开会议12次，追缴资金7.1万元。"])
def test_no_statistics_without_a_total_and_a_completed_count(text: str) -> None:
    assert find_statistics([text]) is None


def test_disclosure_field_facts_come_from_label_and_value() -> None:
    field = DisclosureField(label="成 文 日 期", value="2023-05-04 08:46:31", key="other")
    assert field_facts(field) == DisclosureField(label="成 文 日 期", key="written_date", value="2023-05-04 08:46:31",
                                                 date=Date(iso="2023-05-04", text="2023-05-04 08:46:31"))
    assert field_facts(DisclosureField(label="自定义", value="x")).key is None


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_derive_facts_is_idempotent_and_reads_only_text(doc: Document) -> None:
    once = derive_facts(doc)
    assert derive_facts(once) == once
    stripped = replace(doc, inspection=Inspection(level="巡视"), statistics=Statistics(total=1), contacts=())
    assert derive_facts(stripped) == once


_GENRE = [
    *"的一是在不了有和人中大为上个我以要时来到作地于出就分对成会主发年动同工能下过子产种面而方后多定行学",
    *"巡察视整改问题完成情况通报镇村党委组第关于针对反馈监督电话邮箱联系",
    "。", "，", "、", "：", ":", "（", "）", "(", ")", "“", "”", " ", "\n", "\n", "一、", "（一）", "1.", "（1）", "①",
    "问题1：", "整改情况：", "完成情况：已完成", "（已完成整改）", "2023年10月26日", "2020 年 4 月", "至", "\t", "\f",
    "•", "-", "3", "12", "联系电话：0543-2561020", "发布时间：", "索引号：", "中共某某镇委员会"]


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_GENRE), max_size=120).map("".join))
def test_any_text_gives_a_schema_valid_document(text: str) -> None:
    result = recognize_text([Block(t, line=i + 1) for i, t in enumerate(text.split("\n"))], "x.txt")
    if result is None:
        return  # no text but white space and page numbers: refused as "no text to read"
    assert validate_dict(result.document.to_dict()) == []
    assert derive_facts(result.document) == result.document
