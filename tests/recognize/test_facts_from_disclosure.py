"""Facts from the 政务公开 list (issue 11 item 9): a text that ends before its signature takes issuer and
date from 发布机构 and 成文日期 and says so (``info["facts"]``); a text that stops mid-sentence is reported
as truncated (``document.truncated``, a check on the Document, the same in every format)."""

from __future__ import annotations

from rectify_core import api
from tests.html import cms
from tests.html.test_foreign import PAIRS, PARAS, TITLE

HEAD = ("索引号：11330000/2026-00001\n发布机构：中共示例镇委员会\n成文日期：2026年6月18日 09:30\n"
        "中共示例镇委员会关于巡察整改进展情况的通报\n根据县委统一部署，县委第二巡察组对示例镇开展了巡察。\n"
        "一、整改工作开展情况\n")


def _rules(result) -> list[str]:
    return [f.rule for f in result.findings]


def test_a_cut_off_text_takes_issuer_and_date_from_the_list_and_is_reported_truncated():
    text = HEAD + "镇党委召开专题会议，逐条制定整改措施，目前已完成大部分整改任务，下一步将\n"
    result = api.read(text.encode("utf-8"), "txt", name="cut.txt")
    signature = result.document.signature
    assert signature is not None and signature.issuer == "中共示例镇委员会"
    assert signature.date is not None and (signature.date.iso, signature.date.text) == ("2026-06-18", "2026年6月18日")
    assert result.info["facts"] == {"issuer": "disclosure: 发布机构", "date": "disclosure: 成文日期"}
    truncated = next(f for f in result.findings if f.rule == "document.truncated")
    assert truncated.severity == "warning" and truncated.location is not None and truncated.location.line == 7


def test_the_signature_taken_from_the_list_reads_back_the_same_from_txt():
    text = HEAD + "镇党委召开专题会议，逐条制定整改措施。\n"
    doc = api.read(text.encode("utf-8"), "txt", name="a.txt").document
    again = api.read(api.write_bytes(doc, "txt"), "txt", name="b.txt")
    assert again.document == doc and "facts" not in again.info  # now the text shows its signature


def test_a_text_with_its_own_signature_keeps_it_and_a_finished_sentence_is_no_truncation():
    text = HEAD + "镇党委召开专题会议。\n中共示例镇党委\n2026年6月20日\n"
    result = api.read(text.encode("utf-8"), "txt", name="own.txt")
    assert result.document.signature is not None and result.document.signature.issuer == "中共示例镇党委"
    assert "facts" not in result.info and "document.truncated" not in _rules(result)


def test_a_list_line_or_an_issuer_without_a_date_is_left_alone():
    text = ("发布机构：中共示例镇委员会\n中共示例镇委员会关于巡察整改进展情况的通报\n根据县委统一部署，开展了巡察。\n"
            "巡察组组成如下：\n省委第一巡视组:示例市示例区示例县示例镇示例乡示例村\n")
    result = api.read(text.encode("utf-8"), "txt", name="list.txt")
    assert result.document.signature is None and "facts" not in result.info
    assert "document.truncated" not in _rules(result)


def test_a_cms_page_cut_before_its_signature():
    page = cms.table_layout(PAIRS, TITLE, PARAS[:3])
    result = api.read(page.encode("utf-8"), "html", name="page.html")
    signature = result.document.signature
    assert signature is not None and signature.issuer == "中共徐庄镇委员会"
    assert signature.date is not None and signature.date.iso == "2023-11-23"
    assert result.info["facts"]["date"] == "disclosure: 成文时间"
