"""The recognizer on small synthetic notices: levels, problems, statuses, head and tail."""

from __future__ import annotations

import pytest

from rectify_core.formats import ReadResult
from rectify_core.recognize import Block, recognize


def _read(text: str) -> ReadResult:
    return recognize([Block(t, line=i + 1) for i, t in enumerate(text.split("\n"))], source="t.txt")


NOTICE = """某某镇党委关于巡察整改进展情况的通报
（社会公开稿）
根据县委统一部署，2023年3月1日至4月30日，县委第一巡察组对某某镇开展了常规巡察。5月10日，县委巡察组反馈了巡察意见。现将整改进展情况予以公布。
一、整改工作开展情况
（一）强化组织领导。镇党委成立领导小组，书记任组长。
二、反馈问题整改情况
反馈问题共12个，已完成整改10个，正在整改2个，整改完成率83.33%。
（一）关于组织建设方面
1.关于“党员教育不到位”问题。
针对“组织生活不规范”问题。
整改情况：一是开展培训。二是建立台账。（已完成整改）
2.班子建设不强。
整改措施:调整班子成员。
完成情况：已完成
3.关于制度建设的问题
1.制度不健全。
整改情况：制定制度3项。(继续整改，2024年6月底前完成)
（2）监督缺位。
整改情况：
（长期任务取得阶段性成效并长期坚持）
欢迎广大干部群众对巡察整改落实情况进行监督。
联系电话：0123-4567890；电子邮箱：abc@example.com
中共某某镇委员会
2023年10月20日"""


def test_a_complete_notice() -> None:
    result = _read(NOTICE)
    doc = result.document
    assert (doc.title, doc.subtitle) == ("某某镇党委关于巡察整改进展情况的通报", "（社会公开稿）")
    assert len(doc.preamble) == 1
    first = doc.body[0].children[0]
    assert (first.heading, first.run_in) == ("强化组织领导。", True)
    assert first.paragraphs == ("镇党委成立领导小组，书记任组长。",)
    section = doc.body[1]
    assert section.paragraphs == ("反馈问题共12个，已完成整改10个，正在整改2个，整改完成率83.33%。",)
    one, two, three = section.children[0].children
    # 1.: marker line over a finding paragraph → heading + finding; inline status at the end.
    assert one.heading == "关于“党员教育不到位”问题。" and one.problem is not None
    assert one.problem.finding == ("针对“组织生活不规范”问题。",)
    assert one.problem.rectification is not None
    assert one.problem.rectification.paragraphs == ("一是开展培训。二是建立台账。",)
    assert one.problem.status is not None and one.problem.status.text == "（已完成整改）" and one.problem.status.inline
    # 2.: the label follows the marker line directly → the marker line is the finding.
    assert two.heading is None and two.problem is not None and two.problem.finding == ("班子建设不强。",)
    assert two.problem.rectification is not None and two.problem.rectification.colon == ":"
    assert two.problem.status is not None
    assert (two.problem.status.category, two.problem.status.inline) == ("completed", False)
    # 3.: a mistyped 1. where (1) was meant, then (2); a label alone with the status on the next line.
    assert three.heading == "关于制度建设的问题"
    mistyped, second = three.children
    assert mistyped.marker is not None and mistyped.marker.text == "1."
    assert mistyped.problem is not None and mistyped.problem.status is not None
    assert mistyped.problem.status.deadline is not None and mistyped.problem.status.deadline.iso == "2024-06-30"
    assert second.problem is not None and second.problem.rectification is not None
    assert second.problem.rectification.paragraphs == ()
    assert second.problem.status is not None and second.problem.status.category == "long_term"
    assert not second.problem.status.inline
    assert doc.closing == ("欢迎广大干部群众对巡察整改落实情况进行监督。",
                           "联系电话：0123-4567890；电子邮箱：abc@example.com")
    assert [(c.kind, c.value) for c in doc.contacts] == [("phone", "0123-4567890"), ("email", "abc@example.com")]
    assert doc.signature is not None and doc.signature.issuer == "中共某某镇委员会"
    assert doc.signature.date is not None and doc.signature.date.iso == "2023-10-20"
    stats = doc.statistics
    assert stats is not None and (stats.total, stats.completed, stats.in_progress, stats.rate) == (12, 10, 2, 83.33)
    insp = doc.inspection
    assert insp is not None and (insp.team, insp.kind, insp.targets) == ("县委第一巡察组", "常规巡察", ("某某镇",))
    assert [(f.rule, f.location.line if f.location else None) for f in result.findings] == [
        ("numbering.mixed-style", 16)]


def test_levels_skips_and_labels() -> None:
    result = _read("""（一）关于政治建设方面
1.关于理论学习的问题
问题1：学习不深入。
整改情况：开展学习。
问题2：学习不系统。
整改情况：制定计划。
2.关于制度的问题
（1）制度不全。
整改情况：补齐制度。
（3）执行不严。
整改情况：严格执行。
（二）关于作风建设方面
一、另起一节""")
    doc = result.document
    assert [n.marker.text if n.marker else None for n in doc.body] == ["（一）", "（二）", "一、"]
    labels = doc.body[0].children[0].children
    assert [n.marker.text if n.marker else None for n in labels] == ["问题1：", "问题2："]
    rules = [(f.rule, f.location.line if f.location else None) for f in result.findings]
    assert ("numbering.level-skip", 1) in rules  # starts at （一） with no 一、
    assert ("numbering.gap", 10) in rules  # （1） then （3）


def test_text_before_any_heading_and_without_signature_is_preamble() -> None:
    doc = _read("根据区委统一部署，区委巡察组开展了巡察。\n这是第二段。").document
    assert doc.title is None and doc.preamble == ("根据区委统一部署，区委巡察组开展了巡察。", "这是第二段。")
    assert doc.signature is None and doc.body == ()


def test_web_page_head_and_tail_furniture_is_removed_and_recorded() -> None:
    result = _read("""无障碍版 | 长者模式 | 登录
当前位置：首页 > 信息公开 > 巡察整改
索 引 号：113300/2024-00012
发布机构：某某局
成文日期：2024年5月6日
某某局党组关于巡察整改进展情况的通报
发布时间：2024-05-07 10:00 来源：某某局 浏览次数：123
字号：大 中 小
根据市委统一部署，市委第二巡察组对某某局党组进行了巡察。
一、整改情况
已全部整改。
某某局党组
2024年5月6日
打印本页 关闭窗口""")
    doc = result.document
    assert doc.title == "某某局党组关于巡察整改进展情况的通报"
    assert [(f.key, f.label, f.value) for f in doc.disclosure] == [
        ("index_no", "索 引 号", "113300/2024-00012"), ("publisher", "发布机构", "某某局"),
        ("written_date", "成文日期", "2024年5月6日")]
    assert doc.disclosure[2].date is not None and doc.disclosure[2].date.iso == "2024-05-06"
    assert [(r.text, r.reason) for r in result.removed] == [
        ("无障碍版 | 长者模式 | 登录", "web page furniture"),
        ("当前位置：首页 > 信息公开 > 巡察整改", "web page furniture"),
        ("：", "label separator"), ("：", "label separator"), ("：", "label separator"),
        ("发布时间：2024-05-07 10:00 来源：某某局 浏览次数：123", "publication details line"),
        ("字号：大 中 小", "web page furniture"),
        ("打印本页 关闭窗口", "web page furniture"),
    ]
    assert doc.signature is not None and doc.signature.issuer == "某某局党组"
    assert result.findings == []  # 成文日期 agrees with the signature


def test_issuer_and_date_on_one_line() -> None:
    doc = _read("根据统一部署开展了巡察。\n一、整改情况\n已整改。\n中共某某镇委员会 2023年10月26日").document
    assert doc.signature is not None
    assert (doc.signature.issuer, doc.signature.date.text if doc.signature.date else None) == (
        "中共某某镇委员会", "2023年10月26日")


def test_random_prose_is_not_a_tongbao() -> None:
    result = _read("春眠不觉晓，处处闻啼鸟。\n夜来风雨声，花落知多少。")
    assert [(f.rule, f.severity) for f in result.findings if f.rule == "document.not-a-tongbao"] == [
        ("document.not-a-tongbao", "error")]
    assert result.document.preamble == ("春眠不觉晓，处处闻啼鸟。", "夜来风雨声，花落知多少。")


def test_legitimate_xunshi_references_in_a_xuncha_report_are_not_a_mixture() -> None:
    result = _read("根据区委统一部署，区委第一巡察组对某局进行了巡察。深入学习习近平总书记关于巡视工作的重要论述，"
                   "落实《中国共产党巡视工作条例》，配合省委巡视，护林员每日上山巡视。\n一、整改情况\n已整改。")
    assert result.document.inspection is not None and result.document.inspection.level == "巡察"
    assert [f.rule for f in result.findings if f.rule.startswith("inspection.")] == []
    mixed = _read("根据县委统一部署，县委第二巡察组对某镇开展了巡察。\n一、整改情况\n抓好巡视整改，落实巡视反馈意见。")
    assert [(f.rule, f.location.line if f.location else None) for f in mixed.findings
            if f.rule.startswith("inspection.")] == [("inspection.level", 3)]


def test_unreadable_dates_are_kept_as_text_and_reported() -> None:
    result = _read("根据县委统一部署，2020年13月1日至2月30日，县委第二巡察组对某镇开展了巡察。\n一、整改情况\n已整改。")
    insp = result.document.inspection
    assert insp is not None and insp.start is not None and insp.end is not None
    assert (insp.start.iso, insp.start.text, insp.end.iso) == (None, "2020年13月1日", None)
    assert {f.rule for f in result.findings if f.rule.startswith("dates.")} == {"dates.unreadable"}


def test_end_date_in_the_next_year_without_its_year() -> None:
    insp = _read("根据县委统一部署，2022年11月29日至2月20日，县委第二巡察组对某镇开展了巡察。3月14日反馈了意见。"
                 ).document.inspection
    assert insp is not None and insp.end is not None and insp.feedback is not None
    assert (insp.end.iso, insp.feedback.iso) == ("2023-02-20", "2023-03-14")


def test_month_parts_and_dash_ranges_keep_their_text_without_inventing_a_day() -> None:
    insp = _read("根据市委统一部署，2023年4月上旬—5月下旬，市委第三巡察组对某局开展了专项巡察。").document.inspection
    assert insp is not None and insp.start is not None and insp.end is not None
    assert [(d.iso, d.text) for d in (insp.start, insp.end)] == [(None, "2023年4月上旬"), (None, "5月下旬")]
    assert insp.kind == "专项巡察"


def test_ideographic_space_indentation_is_white_space() -> None:
    plain = _read(NOTICE).document
    indented = _read("\n".join("\u3000\u3000" + line for line in NOTICE.split("\n"))).document
    assert indented == plain


@pytest.mark.parametrize(("written", "start", "end", "imprecise"), [
    ("2023年5月8日至6月30日", ("2023-05-08", "2023年5月8日"), ("2023-06-30", "6月30日"), []),
    ("2023年5月8日起至6月30日", ("2023-05-08", "2023年5月8日"), ("2023-06-30", "6月30日"), []),
    ("2023.5.8—2023.6.30", ("2023-05-08", "2023.5.8"), ("2023-06-30", "2023.6.30"), []),
    ("2023年5月8日-6月30日", ("2023-05-08", "2023年5月8日"), ("2023-06-30", "6月30日"), []),
    ("2023年5月上旬至6月中旬", (None, "2023年5月上旬"), (None, "6月中旬"), ["start", "end"]),
    ("2023年5月-6月", (None, "2023年5月"), (None, "6月"), ["start", "end"]),
    ("2023年11月20日至1月15日", ("2023-11-20", "2023年11月20日"), ("2024-01-15", "1月15日"), []),
])
def test_inspection_date_forms(written: str, start: tuple[str | None, str], end: tuple[str | None, str],
                               imprecise: list[str]) -> None:
    result = _read(f"根据市委统一部署，{written}，市委第一巡察组对示例局开展了常规巡察。\n一、整改情况\n已整改。")
    insp = result.document.inspection
    assert insp is not None and insp.start is not None and insp.end is not None
    assert [(insp.start.iso, insp.start.text), (insp.end.iso, insp.end.text)] == [start, end]
    # a date with no day keeps its text, gets no ISO value, and is pointed out — never invented
    assert [f.pointer for f in result.findings if f.rule == "dates.imprecise"] == [
        f"/inspection/{name}" for name in imprecise]


@pytest.mark.parametrize(("tail", "issuer", "date"), [
    (["中共示例大学委员会", "中共示例大学纪律检查委员会", "2023年10月20日"],
     "中共示例大学委员会 中共示例大学纪律检查委员会", "2023-10-20"),
    (["2024年1月10日", "中共示例县自然资源局党组"], "中共示例县自然资源局党组", "2024-01-10"),
    (["中共示例镇委员会", "二〇二三年十月二十六日"], "中共示例镇委员会", "2023-10-26"),
    (["示例县委办公室 示例县纪委", "2023年3月1日"], "示例县委办公室 示例县纪委", "2023-03-01"),
])
def test_signature_variants(tail: list[str], issuer: str, date: str) -> None:
    head = ["示例局关于巡察整改情况的通报", "一、整改情况", "已全部整改。", "欢迎监督。"]
    doc = _read("\n".join([*head, *tail])).document
    assert doc.signature is not None and doc.signature.date is not None
    assert (doc.signature.issuer, doc.signature.date.iso) == (issuer, date)
    assert doc.closing == ("欢迎监督。",)


def test_no_signature_leaves_the_last_lines_where_they_are() -> None:
    doc = _read("示例局关于巡察整改情况的通报\n一、整改情况\n已全部整改。\n欢迎监督。联系电话：0123-1234567").document
    assert doc.signature is None and doc.closing == ("欢迎监督。联系电话：0123-1234567",)
    assert doc.body[0].paragraphs == ("已全部整改。",)


def test_a_paragraph_that_is_not_an_organisation_is_not_a_second_issuer() -> None:
    doc = _read("示例局关于巡察整改情况的通报\n一、整改情况\n持续巩固整改成果\n中共示例局党组\n2023年3月1日").document
    assert doc.signature is not None and doc.signature.issuer == "中共示例局党组"
    assert doc.body[0].paragraphs == ("持续巩固整改成果",)
