"""Markers, statuses and dates as real 通报 write them."""

from __future__ import annotations

import pytest

from rectify_core.model import Date, Status
from rectify_core.recognize.status import prose_status
from rectify_core.vocab.dates import find_dates, parse_date
from rectify_core.vocab.markers import marker_text, parse_marker_text, split_marker
from rectify_core.vocab.status import STANDARD_PHRASES as STATUS_PHRASES
from rectify_core.vocab.status import parse_status_text, status_text


@pytest.mark.parametrize(("text", "expected"), [
    ("一、", ("chinese", 1)), ("十二、", ("chinese", 12)), ("二十、", ("chinese", 20)),
    ("（一）", ("chinese_paren", 1)), ("(一)", ("chinese_paren", 1)), ("（十一）", ("chinese_paren", 11)),
    ("1.", ("arabic", 1)), ("1．", ("arabic", 1)), ("1、", ("arabic", 1)), ("12.", ("arabic", 12)),
    ("（1）", ("arabic_paren", 1)), ("(1)", ("arabic_paren", 1)), ("( 3 )", ("arabic_paren", 3)),
    ("①", ("circled", 1)), ("⑳", ("circled", 20)),
    ("问题1：", ("label", 1)), ("问题1:", ("label", 1)), ("反馈问题一：", ("label", 1)), ("问题12:", ("label", 12)),
    ("一是", None), ("1.5", None), ("（试行）", None), ("0.", None), ("（〇）", None), ("第一，", None), ("", None),
])
def test_parse_marker_text(text: str, expected: tuple[str, int] | None) -> None:
    assert parse_marker_text(text) == expected


@pytest.mark.parametrize(("style", "value"), [(s, v) for s in ("chinese", "chinese_paren", "arabic", "arabic_paren",
                                                                 "circled", "label") for v in (1, 9, 10, 20)])
def test_standard_forms_parse_back(style: str, value: int) -> None:
    assert parse_marker_text(marker_text(style, value)) == (style, value)


@pytest.mark.parametrize(("line", "expected"), [
    ("2.关于“x”问题", ("2.", "arabic", 2, "关于“x”问题")),
    ("（1） 镇党委召开会议", ("（1）", "arabic_paren", 1, "镇党委召开会议")),
    ("反馈问题一:关于 “贯彻”", ("反馈问题一:", "label", 1, "关于 “贯彻”")),
    ("三、", ("三、", "chinese", 3, "")),
    ("1.5万元已追回", None),
    ("1、2号楼", None),
    ("一是提高站位", None),
    ("2023年", None),
])
def test_split_marker(line: str, expected: tuple[str, str, int, str] | None) -> None:
    assert split_marker(line) == expected


@pytest.mark.parametrize(("text", "category", "deadline"), [
    ("（长期任务取得阶段性成效并长期坚持）", "long_term", None),
    ("(长期任务取得阶段性成效并长期坚持)", "long_term", None),
    ("（集中整改期内整改完成）", "completed", None),
    ("(集中整改期内完成整改)", "completed", None),
    ("(即知即改并已整改完成)", "completed", None),
    ("（已完成整改）", "completed", None),
    ("（立行立改）", "completed", None),
    ("（已办结）", "completed", None),
    ("完成情况：已完成", "completed", None),
    ("完成情况:已完成", "completed", None),
    ("（基本完成取得阶段性成果并持续整改）", "long_term", None),
    ("（未完成）", "in_progress", None),
    ("（正在整改）", "in_progress", None),
    ("（尚未启动整改）", "not_started", None),
    ("(继续整改,2023年12月底前完成)", "in_progress", Date(iso="2023-12-31", text="2023年12月底")),
    ("（继续整改，2024年6月30日前完成）", "in_progress", Date(iso="2024-06-30", text="2024年6月30日")),
    ("（继续整改，2024年底前完成）", "in_progress", Date(iso="2024-12-31", text="2024年底")),
    ("（继续整改，12月底前完成）", "in_progress", Date(iso=None, text="12月底")),
    ("完成情况：待评估", "unknown", None),
])
def test_status_phrases(text: str, category: str, deadline: Date | None) -> None:
    assert parse_status_text(text) == (category, deadline)


@pytest.mark.parametrize("text", ["（含立行立改问题2个）", "（试行）", "(徐发〔2023〕7号)", "（社会公开稿）", "（一）",
                                  "(其中有车有房户11户)", "（2023年）", "关于村级党组织力量薄弱的问题"])
def test_asides_in_brackets_are_not_statuses(text: str) -> None:
    assert parse_status_text(text) is None


@pytest.mark.parametrize("category", sorted(STATUS_PHRASES))
def test_the_standard_status_phrases_parse_to_their_category(category: str) -> None:
    deadline = Date(iso="2025-03-31", text="2025年3月底") if category == "in_progress" else None
    text = status_text(Status(category=category, deadline=deadline))  # type: ignore[arg-type]
    assert text is not None
    assert parse_status_text(text) == (category, deadline)


@pytest.mark.parametrize(("text", "year", "iso"), [
    ("2020 年 4 月 21 日", None, "2020-04-21"),
    ("2023年10月26日", None, "2023-10-26"),
    ("9 月 15日", 2020, "2020-09-15"),
    ("9 月 15日", None, None),
    ("2023-05-04", None, "2023-05-04"),
    ("2023/5/4", None, "2023-05-04"),
    ("２０２３年１１月２３日", None, "2023-11-23"),
    ("二〇二三年十月二十六日", None, "2023-10-26"),
    ("2023年2月30日", None, None),
    ("2020年13月4日", None, None),
    ("2O20年1月1日", None, None),
    ("2023年", None, None),
    ("2023年10月26日前", None, None),
])
def test_parse_date(text: str, year: int | None, iso: str | None) -> None:
    assert parse_date(text, year) == iso


def test_find_dates_carries_the_year_and_keeps_month_precision_honest() -> None:
    found = list(find_dates("2022年11月29日至2023年2月20日，3月14日反馈；2024年3月至6月上旬"))
    assert [(m.text, m.iso) for m in found] == [
        ("2022年11月29日", "2022-11-29"), ("2023年2月20日", "2023-02-20"), ("3月14日", "2023-03-14"),
        ("2024年3月", None), ("6月上旬", None)]


@pytest.mark.parametrize(("line", "expected"), [
    ("⑴公务接待审批不严格。", ("⑴", "arabic_paren", 1, "公务接待审批不严格。")),
    ("⒇最后一项", ("⒇", "arabic_paren", 20, "最后一项")),
    ("⒉关于制度的问题", ("⒉", "arabic", 2, "关于制度的问题")),
    ("㈢关于作风建设方面", ("㈢", "chinese_paren", 3, "关于作风建设方面")),
    ("1）强化学习", ("1）", "arabic_paren", 1, "强化学习")),
    ("2)强化学习", ("2)", "arabic_paren", 2, "强化学习")),
    ("（一）、关于组织建设", ("（一）、", "chinese_paren", 1, "关于组织建设")),
    ("１．全角数字", ("１．", "arabic", 1, "全角数字")),
    ("1)2号楼", None),
    ("3）", ("3）", "arabic_paren", 3, "")),
])
def test_marker_variants_input_methods_offer(line: str, expected: tuple[str, str, int, str] | None) -> None:
    assert split_marker(line) == expected
    if expected is not None:
        assert parse_marker_text(expected[0]) == expected[1:3]


@pytest.mark.parametrize(("text", "category", "deadline"), [
    ("整改时限：长期坚持", "long_term", None),
    ("整改时限：2023年12月底前", "in_progress", Date(iso="2023-12-31", text="2023年12月底")),
    ("整改时限：2024年6月30日", "in_progress", Date(iso="2024-06-30", text="2024年6月30日")),
    ("完成时限：立行立改", "completed", None),
    ("整改结果：已完成整改", "completed", None),
    ("办结情况：已办结", "completed", None),
    ("【已完成】", "completed", None),
])
def test_status_lines_with_other_labels(text: str, category: str, deadline: Date | None) -> None:
    assert parse_status_text(text) == (category, deadline)


@pytest.mark.parametrize(("text", "expected"), [
    ("新建蔬菜大棚40个。已完成整改。", ("新建蔬菜大棚40个。", "已完成整改。", "completed", None)),
    ("清退支出3.2万元。目前已整改完成。", ("清退支出3.2万元。", "目前已整改完成。", "completed", None)),
    ("每月评比一次。该问题已基本完成整改，需长期坚持。",
     ("每月评比一次。", "该问题已基本完成整改，需长期坚持。", "long_term", None)),
    ("已全部整改到位。", ("", "已全部整改到位。", "completed", None)),
    ("开展清查。计划于2024年6月底前完成整改。",
     ("开展清查。", "计划于2024年6月底前完成整改。", "in_progress", Date(iso="2024-06-30", text="2024年6月底"))),
    ("截至2023年9月底，已按期完成整改。", ("", "截至2023年9月底，已按期完成整改。", "completed", None)),
    ("修订制度。正在整改中。", ("修订制度。", "正在整改中。", "in_progress", None)),
])
def test_statuses_in_prose(text: str, expected: tuple[str, str, str, Date | None]) -> None:
    assert prose_status(text) == expected


@pytest.mark.parametrize("text", [
    "选派6名年轻干部到村任职。完成干部教育培训。",  # a measure, not a status
    "已建立台账。", "制度已完善。", "整改。", "已完成整改",  # no sentence end: not a sentence of its own
    "全面完成年度目标任务，群众满意度进一步提升，各项工作取得明显成效。",
    "已完成整改问题12个。",
])
def test_prose_that_is_not_a_status(text: str) -> None:
    assert prose_status(text) is None


@pytest.mark.parametrize(("text", "iso"), [
    ("二○二三年十月二十日", "2023-10-20"),
    ("二Ｏ二四年一月五日", "2024-01-05"),
    ("2023.5.8", "2023-05-08"),
])
def test_more_written_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_find_dates_reads_dotted_and_slashed_dates_but_not_decimals() -> None:
    found = list(find_dates("2023.5.8—2023.6.30，2023/8/2反馈；资金1.5万元，版本2.3.4，比例2023.5%"))
    assert [(m.text, m.iso) for m in found] == [
        ("2023.5.8", "2023-05-08"), ("2023.6.30", "2023-06-30"), ("2023/8/2", "2023-08-02")]


# Statuses written as prose at the end of an account (issue 11 item 8); fictional sentences.
@pytest.mark.parametrize(("text", "expected"), [
    ("督促企业补齐收益，确保2021年9月底前整改到位。",
     ("督促企业补齐收益，", "确保2021年9月底前整改到位。", "in_progress", Date(iso="2021-09-30", text="2021年9月底"))),
    ("确保 2021 年 9 月底前整改到位。",
     ("", "确保 2021 年 9 月底前整改到位。", "in_progress", Date(iso="2021-09-30", text="2021 年 9 月底"))),
    ("对照清单逐项核查，力争2025年6月底前全面完成整改。",
     ("对照清单逐项核查，", "力争2025年6月底前全面完成整改。", "in_progress",
      Date(iso="2025-06-30", text="2025年6月底"))),
    ("给予党内警告处分。已办结。", ("给予党内警告处分。", "已办结。", "completed", None)),
    ("逐户核实清退。已全部销号。", ("逐户核实清退。", "已全部销号。", "completed", None)),
    ("该问题已办结，并已全部销号。", ("", "该问题已办结，并已全部销号。", "completed", None)),
    ("已于2021年9月底前整改到位。", ("", "已于2021年9月底前整改到位。", "completed", None)),  # a deadline met
    ("签订还款协议。年底办理完成。", ("签订还款协议。", "年底办理完成。", "in_progress", Date(iso=None, text="年底"))),
])
def test_prose_statuses_with_deadlines_and_closing_words(text: str,
                                                         expected: tuple[str, str, str, Date | None]) -> None:
    assert prose_status(text) == expected


@pytest.mark.parametrize("text", [
    "各村于年底前完成了换届选举工作。",  # narrative: a measure done, not the problem's status
    "计划于2024年底前完成道路硬化，确保群众出行便利。",  # the last clause promises no rectification
    "会议要求确保2021年9月底前整改到位的问题全部清零，目前仍在推进中。",  # too long, the clause is no promise
    "下一步，我们将确保年底前完成全部整改任务。",  # a plan for the whole notice, with a subject
    # seed 000's shape: statuses of parts of a problem inside the account, narrative at its end
    "违规套取补贴问题：已办结，给予党内警告处分。长期拖欠承包费问题：年底办理完成。下一步将完善制度。",
])
def test_narrative_sentences_are_not_statuses(text: str) -> None:
    assert prose_status(text) is None


def test_a_prose_status_is_read_inferred_with_its_deadline() -> None:
    from rectify_core.recognize import Block, recognize

    lines = ["示例镇党委关于巡察整改进展情况的通报", "一、反馈问题整改情况", "（一）村级财务管理不规范。",
             "整改情况：开展专项检查，督促补齐票据，确保 2021 年 9 月底前整改到位。",
             "（二）公开栏设置不合理。", "整改情况：已调整公开栏位置。（已完成整改）",
             "中共示例镇委员会", "2021年6月1日"]
    doc = recognize([Block(t, line=i + 1) for i, t in enumerate(lines)], source="t.txt").document
    first, second = (n.problem.status for n in doc.body[0].children if n.problem is not None)
    assert first is not None and (first.category, first.inferred, first.text) == (
        "in_progress", True, "确保 2021 年 9 月底前整改到位。")
    assert first.deadline == Date(iso="2021-09-30", text="2021 年 9 月底")
    assert second is not None and (second.category, second.inferred) == ("completed", False)
    assert doc.body[0].children[0].problem.rectification.paragraphs == ("开展专项检查，督促补齐票据，",)  # type: ignore[union-attr]


def test_iso_date_and_month_end_agree_with_the_calendar_modules_on_every_day():
    """vocab.dates counts month lengths itself (importing datetime and calendar cost a conversion ~2 ms)."""
    import calendar
    import datetime

    from rectify_core.vocab.dates import iso_date, month_end

    for year in (1899, *range(1900, 2200), 2200):
        for month in range(0, 14):
            if 1 <= month <= 12:
                last = calendar.monthrange(year, month)[1]
                in_range = 1900 <= year <= 2199
                assert month_end(year, month) == (f"{year:04d}-{month:02d}-{last:02d}" if in_range else None)
            for day in range(0, 33):
                try:
                    expected = datetime.date(year, month, day).isoformat() if 1900 <= year <= 2199 else None
                except ValueError:
                    expected = None
                assert iso_date(year, month, day) == expected, (year, month, day)
