"""Nothing is silently dropped: random mixes of genre lines keep every visible character.

Lines are drawn from what notices are made of — heading numbers, labels, statuses, dates, contacts,
signatures — and from what looks like furniture (page numbers, site chrome, publication lines,
政务公开 fields, bullets), cut and joined at random.  Whatever the recognizer makes of them, every
non-white-space character of the input must be in the Document in order, or listed in
``ReadResult.removed`` on the line it came from, and the Document must be schema-valid.  The same
holds when the lines arrive as one dump, hard-wrapped like PDF text, or as blocks with layout hints.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rectify_core.formats import ReadResult
from rectify_core.recognize import Block
from rectify_core.schema import validate_dict
from tests.recognize.helpers import assert_nothing_lost, recognize_text

LINES = [
    # head and furniture
    "示例县林业局党组关于巡察整改进展情况的通报", "中共示例县自然资源局党组关于县委第五巡察组",
    "反馈意见整改落实情况的通报",
    "（社会公开稿）", "索 引 号：113300/2024-00012", "发布机构：示例县林业局", "成文日期：2023年10月26日",
    "• 公开方式：",
    "主动公开", "113307020501239658/2023-46395", "- 3 -", "第2页 共5页", "12", "无障碍版 | 长者模式 | 登录",
    "当前位置：首页 > 信息公开", "发布时间：2024-05-07 10:00 来源：示例局 浏览次数：123", "字号：大 中 小",
    "【打印本页】【关闭窗口】", "上一篇：示例县关于…的通知", "2024-05-07 10:00:00",
    # preamble and facts
    "根据县委统一部署，2023年3月6日至4月28日，县委第一巡察组对示例局党组开展了常规巡察。",
    "2023.5.8—2023.6.30，市委第六巡察组对示例馆开展了巡察。2023.8.2，巡察组反馈了意见。",
    "共反馈问题25个，其中立行立改问题4个，已整改到位19个，正在整改6个，整改完成率76%。",
    # body
    "一、整改工作开展情况", "二、反馈问题整改情况", "三、", "（一）强化组织领导。成立领导小组。",
    "(二)关于作风建设方面",
    "1.关于学习不深入的问题", "2、班子建设不强。", "1．制度不健全。", "⑴公务接待审批不严格。整改情况：修订办法。",
    "（1）台账不规范。", "①建立制度；", "②开展培训。", "问题1：学习不深入。", "反馈问题一：关于“x”的问题。",
    "整改情况：", "整改措施:开展专项检查。", "整改成效：已全部规范。", "责任单位：办公室",
    "整改情况：开展学习。（已完成整改）",
    "完成情况：已完成", "整改时限：长期坚持", "整改时限：2023年12月底前", "（长期任务取得阶段性成效并长期坚持）",
    "(继续整改,2023年12月底前完成)", "目前已整改完成。", "已完成整改。", "一是建立台账；二是压实责任。",
    "1.5万元已追回。",
    # tail
    "欢迎广大干部群众对巡察整改落实情况进行监督。", "如有意见建议，请通过以下方式反映：",
    "联系电话：0123-2345678、0123-2345679；邮编：123000", "联系人：王某 电话：0123-9876543 邮箱：a@example.cn",
    "邮政信箱：示例县人民路1号（邮编：123400）", "中共示例大学委员会", "中共示例大学纪律检查委员会",
    "中共示例县林业局党组",
    "2023年10月26日", "二○二三年十月二十日", "中共示例镇委员会 2023年10月26日", "（此件公开发布）",
]
FRAGMENTS = ["整改", "情况", "问题", "：", ":", "。", "，", "（", "）", "(", ")", "“", "”", "一、", "1.", "（一）",
             "①",
             "2023年", "5月", "8日", "至", "—", " ", "\u3000", "\t", "\x07", "\ufeff", "巡察", "巡视", "示例", "镇",
             "党委",
             "完成", "长期", "联系电话：", "索引号："]


@st.composite
def line(draw: Any) -> str:
    kind = draw(st.integers(0, 9))
    if kind < 6:
        return str(draw(st.sampled_from(LINES)))
    if kind < 8:  # two genre lines run together
        return str(draw(st.sampled_from(LINES)) + draw(st.sampled_from(["", " ", "。"])) + draw(st.sampled_from(LINES)))
    return "".join(draw(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12)))


def _check(source: str, result: ReadResult | None) -> None:
    if result is None:
        return  # nothing but white space and page numbers: refused as "no text to read"
    assert validate_dict(result.document.to_dict()) == []
    orders = [(False, False), (True, False), (False, True), (True, True)]
    for date_first, anywhere in orders:  # a signature written date first is kept issuer first; a bare
        try:                             # 政务公开 value after the title is kept in the list before it
            assert_nothing_lost(source, result, date_first=date_first, disclosure_anywhere=anywhere)
            return
        except AssertionError:
            if (date_first, anywhere) == orders[-1]:
                raise


def _blocks(lines: list[str]) -> list[Block]:
    return [Block(t, line=i + 1) for i, t in enumerate(lines)]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line(), min_size=1, max_size=40))
def test_random_genre_lines_keep_every_character(lines: list[str]) -> None:
    _check("\n".join(lines), recognize_text(_blocks(lines), "x.txt"))


# A removed text is located by its line only, so in a one-line dump furniture that also occurs inside
# a kept paragraph could not be told apart by the check: the dump test draws from the preamble, body
# and tail lines, after a fixed head with two 政务公开 fields.
DUMP_LINES = LINES[LINES.index("根据县委统一部署，2023年3月6日至4月28日，县委第一巡察组对示例局党组开展了常规巡察。"):]
DUMP_HEAD = ["索引号：113300/2024-00012", "发布机构：示例县林业局", "示例县林业局党组关于巡察整改进展情况的通报"]


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(DUMP_LINES), min_size=8, max_size=40))
def test_random_notice_as_one_line_keeps_every_character(lines: list[str]) -> None:
    dump = " ".join([*DUMP_HEAD, "一、整改工作", "（一）组织", *lines, "二、反馈问题", "（二）作风"])
    _check(dump, recognize_text(_blocks([dump]), "x.txt"))


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line(), min_size=10, max_size=40), st.integers(20, 40))
def test_random_notice_hard_wrapped_keeps_every_character(lines: list[str], width: int) -> None:
    wrapped = [text[i:i + width] for text in lines for i in range(0, max(len(text), 1), width)]
    _check("\n".join(wrapped), recognize_text(_blocks(wrapped), "x.txt"))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(line(), st.none() | st.integers(1, 4), st.none() | st.booleans(),
                          st.sampled_from([None, 16.0, 22.0]), st.sampled_from([None, "center", "left"])),
                min_size=1, max_size=30))
def test_random_blocks_with_layout_hints_keep_every_character(
        items: list[tuple[str, int | None, bool | None, float | None, str | None]]) -> None:
    blocks = [Block(t, line=i + 1, outline_level=level, bold=bold, size=size, align=align)
              for i, (t, level, bold, size, align) in enumerate(items)]
    _check("\n".join(t for t, *_ in items), recognize_text(blocks, "x.docx"))
