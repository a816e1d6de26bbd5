"""Notices written for these tests (fictional 示例 organisations) in the variants real ones use.

The seeds and dev corpus show one or two shapes each; notices from other towns, bureaus,
hospitals, universities and state firms vary more.  Each file in ``notices/`` stands for one family
of variants (see its name); the expectations below were written from the text, not from the
reader's output.  Every file must also keep every character (``assert_nothing_lost``) and read into
a schema-valid Document.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from rectify_core import api
from rectify_core.formats import ReadResult
from rectify_core.model import Date
from rectify_core.recognize import Block, recognize
from rectify_core.schema import validate_dict
from rectify_core.testing import assert_roundtrip
from tests.recognize.helpers import assert_nothing_lost, outline, statuses
from tests.recognize.test_layouts import _wrap

NOTICES = Path(__file__).resolve().parent / "notices"
FILES = sorted(p.name for p in NOTICES.glob("*.txt"))


def _read(name: str) -> ReadResult:
    return api.read(NOTICES / name)


def _rules(result: ReadResult, family: str = "") -> list[tuple[str, int | None]]:
    """(rule, source line) of the findings, of one family of rules (``numbering.``) if given."""
    return [(f.rule, f.location.line if f.location else None) for f in result.findings if f.rule.startswith(family)]


@pytest.mark.parametrize("name", FILES)
def test_every_notice_keeps_every_character_and_is_schema_valid(name: str) -> None:
    result = _read(name)
    assert validate_dict(result.document.to_dict()) == []
    assert_nothing_lost((NOTICES / name).read_text("utf-8"), result, date_first=name.startswith("l_"))


def test_a_problems_without_a_label_stay_headings_with_their_text_and_are_reported() -> None:
    result = _read("a_unlabelled_accounts.txt")
    doc = result.document
    assert outline(doc.body) == [
        "H 一、 整改工作开展情况",
        "H 二、 反馈问题整改落实情况",
        "  H （一） 关于履行监管职责方面",
        "    H 1. 关于食品安全监管“最后一公里”打通不够的问题。",
        "    H 2. 关于特种设备隐患排查不彻底的问题。",
        "    H 3. 关于执法办案质量不高的问题。",
        "  H （二） 关于党的建设方面",
        "    H 1. 关于“三会一课”制度落实不严格的问题。",
        "H 三、 下一步工作打算",
    ]
    second = doc.body[1].children[0].children[1]
    assert second.paragraphs == ("组织开展特种设备安全隐患大排查，排查电梯、锅炉等设备312台，督促整改隐患17处。",
                                 "建立隐患整改台账，实行闭环管理。目前已整改完成。")
    assert doc.problems() == []
    # items that end with a status (bracketed or in prose) are pointed out; item 3 (no status) is not
    assert _rules(result) == [("problem.unlabelled-account", 9), ("problem.unlabelled-account", 11),
                              ("problem.unlabelled-account", 17)]
    assert [(c.kind, c.label, c.value) for c in doc.contacts] == [
        ("phone", "联系电话", "0123-6612345"),
        ("mailbox", "邮政信箱", "示例县城关镇建设路8号县市场监督管理局办公室（邮编：123400）"),
        ("email", "电子邮箱", "sjjdj@example.cn"),
    ]
    stats = doc.statistics
    assert stats is not None and (stats.total, stats.completed, stats.in_progress, stats.rate) == (15, 12, 3, 80)


def test_b_measure_result_and_deadline_lines() -> None:
    result = _read("b_measure_and_result_lines.txt")
    doc = result.document
    assert doc.subtitle == "（社会公开稿）"
    assert outline(doc.body) == [
        "H 一、 整改工作总体情况",
        "H 二、 问题整改具体情况",
        "  P 问题1： F:学校食堂财务管理不规范，部分学校存在白条入账现象。",
        "  P 问题2： F:教师职称评审程序不够严密。",
        "  P 问题3： F:校园安全隐患排查整治不彻底。",
        "  P 问题4： F:部分学校课后服务收费标准执行不到位。",
        "H 三、 下一步工作",
    ]
    one, _, three, four = doc.body[1].children
    assert one.problem is not None and one.problem.rectification is not None
    assert one.problem.rectification.label == "整改措施"
    assert one.problem.rectification.paragraphs[1] == "整改成效：清理不规范票据43张，涉及金额2.6万元，已全部规范入账。"
    assert three.problem is not None and three.problem.rectification is not None
    assert three.problem.rectification.paragraphs[-1] == "责任单位：安全管理科"
    assert four.problem is not None and four.problem.rectification is not None
    assert four.problem.rectification.colon == ":"
    assert statuses(doc) == [
        ("completed", "完成情况：已完成", False),
        ("completed", "整改结果：已完成整改", False),
        ("long_term", "整改时限：长期坚持", False),
        ("in_progress", "整改时限：2023年12月底前", False),
    ]
    assert four.problem.status is not None
    assert four.problem.status.deadline == Date(iso="2023-12-31", text="2023年12月底")
    stats = doc.statistics  # 28个问题已整改到位25个: two counts in one clause
    assert stats is not None and (stats.total, stats.completed, stats.in_progress) == (28, 25, 3)
    assert result.findings == []


def test_c_statuses_in_prose_end_the_account() -> None:
    doc = _read("c_prose_statuses.txt").document
    assert [n.marker.text if n.marker else None for n in doc.body[1].children] == [
        "（一）", "（二）", "（三）", "（四）", "（五）", "（六）"]
    assert statuses(doc) == [
        ("completed", "已完成整改。", True),
        ("completed", "目前已整改完成。", True),
        ("long_term", "该问题已基本完成整改，需长期坚持。", True),
        ("in_progress", "正在整改。", True),
        ("in_progress", "计划于2024年6月底前完成整改。", True),
    ]
    accounts = [n.problem.rectification.paragraphs for n in doc.problems()
                if n.problem is not None and n.problem.rectification is not None]
    assert accounts[0] == ("制定产业发展三年规划，新建蔬菜大棚40个，带动群众增收。",)
    # 完成干部教育培训。 is a measure taken, not a status phrase: it stays in the account
    assert accounts[4] == ("选派6名年轻干部到村任职。完成干部教育培训。",)
    last = doc.problems()[5].problem
    assert last is not None and last.status is not None
    assert last.status.deadline == Date(iso="2024-06-30", text="2024年6月底")
    assert doc.signature is not None and doc.signature.date == Date(iso="2023-10-26", text="二〇二三年十月二十六日")
    insp = doc.inspection
    assert insp is not None and (insp.round, insp.team) == ("十四届县委第五轮", "县委第二巡察组")
    assert insp.feedback == Date(iso="2023-06-28", text="6月28日")


def test_d_run_in_headings_enumerations_and_marker_variants() -> None:
    result = _read("d_run_in_and_marker_variants.txt")
    doc = result.document
    assert outline(doc.body) == [
        "H 一、 提高政治站位，扛牢整改责任",
        "  H （一） 强化组织领导。",
        "  H （二） 细化整改措施。",
        "  H （三） 严格督导问效。",
        "H 二、 反馈问题整改情况",
        "  P 1、 F:关于基层医疗机构药品管理不规范的问题",
        "  H 2、 关于医疗废物处置监管不到位的问题",
        "    P （1） F:部分卫生院医疗废物暂存点设置不规范。",
        "    P （2） F:医疗废物交接登记不完整。",
        "  H 3、 关于财务管理的问题",
        "    P ⑴ F:公务接待审批不严格。",
        "    P ⑵ F:专项资金拨付进度慢。",
        "H 三、 下一步工作打算",
    ]
    organise = doc.body[0].children[1]
    assert organise.run_in and organise.paragraphs == ("对照反馈问题，逐条制定整改措施，明确责任人和完成时限。",
                                                       "一是建立问题清单；二是建立任务清单；三是建立责任清单。")
    assert doc.body[2].paragraphs == ("一是持续巩固整改成果。二是建立长效机制。三是强化监督检查。",)
    # ⑴…。整改情况：… on one line reads as the finding and its account
    run_on = doc.body[1].children[2].children[0].problem
    assert run_on is not None and run_on.rectification is not None
    assert run_on.rectification.paragraphs == ("修订公务接待管理办法。",)
    last = doc.body[1].children[2].children[1].problem
    assert last is not None and last.rectification is not None and last.status is not None
    assert last.rectification.paragraphs == ("建立专项资金拨付月调度机制，①加快项目进度；②按月通报拨付情况。",)
    assert (last.status.category, last.status.deadline) == ("in_progress", Date(iso="2023-12-31", text="2023年12月底"))
    assert _rules(result) == [("numbering.level-skip", 9)]  # 一、 straight to 1、


def test_e_hospital_without_a_top_level_and_measures_numbered_inside_an_account() -> None:
    result = _read("e_hospital_no_top_level.txt")
    doc = result.document
    assert outline(doc.body) == [
        "H （一） 关于党委领导作用发挥不充分的问题",
        "  P 1． F:党委会议事规则执行不严格。",
        "  P 2． F:对内设机构党支部指导不够。",
        "H （二） 关于医疗服务管理的问题",
        "  P 1． F:部分科室存在不合理检查现象。",
        "H （三） 关于医德医风建设的问题",
        "  P 1． F:收受“红包”回扣问题整治不彻底。",
    ]
    measures = doc.body[0].children[1].problem
    assert measures is not None and measures.rectification is not None
    assert measures.rectification.paragraphs == ("①建立党委委员联系党支部制度；", "②每季度召开一次党支部书记例会。")
    assert [s[0] for s in statuses(doc)] == ["completed", "completed", "long_term", "in_progress"]
    assert _rules(result, "numbering.") == [("numbering.level-skip", 3)]  # the body starts at （一）
    insp = doc.inspection
    assert insp is not None and insp.targets == ("示例市第一人民医院党委",)  # 巡察组于…至…对X开展
    assert (insp.start, insp.end) == (Date(iso="2023-04-17", text="2023年4月17日"),
                                      Date(iso="2023-06-16", text="6月16日"))
    assert [(c.kind, c.label, c.value) for c in doc.contacts] == [
        ("other", "联系人", "王某某"),
        ("phone", "联系电话", "0123-2345678、0123-2345679"),
        ("email", "电子邮箱", "yydb@example.cn"),
        ("mailbox", "通信地址", "示例市人民路100号"),
        ("other", "邮编", "123000"),
    ]


def test_f_partial_text_starting_at_section_three() -> None:
    result = _read("f_partial_from_section_three.txt")
    doc = result.document
    assert (doc.title, doc.preamble, doc.inspection) == (None, (), None)
    assert outline(doc.body) == [
        "H 三、 下一步工作打算",
        "  H （一） 持续巩固整改成果。",
        "  H （二） 建立健全长效机制。",
        "H 四、 整改工作存在的不足",
    ]
    assert _rules(result) == [("document.title", None), ("numbering.gap", 1)]  # a part: from 三、, no title
    assert doc.signature is not None and doc.signature.issuer == "示例县水利局党组"


def test_g_dotted_dates_and_statistics_with_subsets() -> None:
    doc = _read("g_dotted_dates_and_statistics.txt").document
    insp = doc.inspection
    assert insp is not None
    assert [(d.iso, d.text) for d in (insp.start, insp.end, insp.feedback) if d is not None] == [
        ("2023-05-08", "2023.5.8"), ("2023-06-30", "2023.6.30"), ("2023-08-02", "2023.8.2")]
    stats = doc.statistics  # 立行立改问题4个 is a subset, not the total
    assert stats is not None
    assert (stats.total, stats.completed, stats.in_progress, stats.long_term, stats.rate) == (25, 19, 6, 3, 76)
    assert statuses(doc)[1][0] == "in_progress"


def test_j_one_line_dump_with_a_disclosure_list() -> None:
    result = _read("j_one_line_dump.txt")
    doc = result.document
    assert result.info["text_shape"] == "dump"
    assert [(f.key, f.label, f.value) for f in doc.disclosure] == [
        ("index_no", "索引号", "11330000MB0000000X/2023-01234"), ("publisher", "发布机构", "示例县农业农村局"),
        ("written_date", "成文日期", "2023-09-15"), ("disclosure_mode", "公开方式", "主动公开")]
    assert doc.title == "中共示例县农业农村局党组关于巡察整改进展情况的通报"
    assert outline(doc.body) == [
        "H 一、 整改工作开展情况",
        "H 二、 反馈问题整改情况",
        "  P （一） F:关于高标准农田建设质量监管不严的问题",
        "  P （二） F:关于农机购置补贴审核不严的问题",
        "H 三、 下一步打算",
    ]
    assert [s[0] for s in statuses(doc)] == ["completed", "long_term"]
    assert doc.signature is not None and doc.signature.issuer == "中共示例县农业农村局党组"
    assert result.findings == []  # 成文日期 agrees with the signature date


def test_k_university_inspected_by_a_provincial_xunshi_group() -> None:
    result = _read("k_university_xunshi.txt")
    doc = result.document
    insp = doc.inspection
    assert insp is not None
    assert (insp.level, insp.team, insp.round, insp.kind, insp.targets) == (
        "巡视", "省委第三巡视组", "十二届省委第三轮", "常规巡视", ("示例大学党委",))
    assert result.findings == []  # 巡视 is right for a provincial committee's group
    assert len(doc.problems()) == 4
    assert statuses(doc)[3][:2] == ("in_progress", "（正在推进，2024年3月底前完成）")
    stats = doc.statistics
    assert stats is not None and (stats.total, stats.completed, stats.in_progress, stats.rate) == (31, 27, 4, 87.1)
    # two issuers signing together, and a date typed with ○ for 〇
    assert doc.signature is not None
    assert doc.signature.issuer == "中共示例大学委员会 中共示例大学纪律检查委员会"
    assert doc.signature.date == Date(iso="2023-10-20", text="二○二三年十月二十日")
    assert doc.closing[0].startswith("欢迎广大师生员工") and len(doc.closing) == 4
    assert [c.kind for c in doc.contacts] == ["phone", "mailbox", "other", "email"]


def test_k_state_firm_page_without_a_signature() -> None:
    result = _read("k_state_firm_no_signature.txt")
    doc = result.document
    assert doc.signature is None
    assert doc.closing == ("欢迎广大干部职工和社会各界对巡视整改情况进行监督。"
                           "联系人：赵某 电话：0123-9876543 邮箱：xsb@example.com.cn",)
    assert [(c.kind, c.value) for c in doc.contacts] == [
        ("other", "赵某"), ("phone", "0123-9876543"), ("email", "xsb@example.com.cn")]
    assert [r.reason for r in result.removed] == [
        "web page furniture", "publication details line", "web page furniture"]
    assert outline(doc.body)[2:] == [
        "  P 反馈问题一： F:关于贯彻落实能源保供部署不够有力的问题。",
        "  P 反馈问题二： F:关于所属企业投资决策不规范的问题。",
        "  P 反馈问题三： F:关于选人用人工作存在薄弱环节的问题。",
    ]
    stats = doc.statistics
    assert stats is not None and (stats.total, stats.completed, stats.in_progress) == (42, 35, 7)
    insp = doc.inspection
    assert insp is not None and (insp.level, insp.team) == ("巡视", "省委第八巡视组")


def test_l_title_on_two_lines_and_the_date_above_the_issuer() -> None:
    doc = _read("l_wrapped_title_date_first.txt").document
    assert doc.title == "中共示例县自然资源局党组关于县委第五巡察组反馈意见整改落实情况的通报"
    assert len(doc.preamble) == 1
    insp = doc.inspection
    assert insp is not None and (insp.start, insp.end) == (
        Date(iso="2023-09-04", text="2023年9月4日"), Date(iso="2023-10-27", text="10月27日"))  # 起至
    assert doc.signature is not None
    assert (doc.signature.issuer, doc.signature.date) == (
        "中共示例县自然资源局党组", Date(iso="2024-01-10", text="2024年1月10日"))
    assert doc.closing == ("欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0123-7778899",)
    assert len(doc.problems()) == 2


@pytest.mark.parametrize("name", FILES)
def test_every_notice_round_trips_through_txt(name: str) -> None:
    """read → write txt → read gives the same Document (the txt writer's normalisation applied)."""
    assert_roundtrip("txt", _read(name).document)


def test_m_court_with_unnumbered_problem_lines() -> None:
    doc = _read("m_court_unnumbered_problems.txt").document
    # two 问题：… lines under （一）, each with its own account, are two problems without a number;
    # one alone under （二） is that heading's finding
    assert outline(doc.body) == [
        "H 一、 整改工作开展情况",
        "H 二、 反馈问题整改落实情况",
        "  H （一） 关于落实审判管理职责方面",
        "    P · 问题：长期未结案件清理不及时。",
        "    P · 问题：裁判文书上网审核把关不严。",
        "  P （二） 关于队伍建设方面",
        "H 三、 下一步工作打算",
    ]
    alone = doc.body[1].children[1].problem
    assert alone is not None and alone.finding == ("问题：年轻干警教育培训不够系统。",)
    assert [(s[0], s[1]) for s in statuses(doc)] == [
        ("in_progress", "整改时限：2024年9月底前"), ("completed", "完成情况：已完成"),
        ("long_term", "完成情况：长期坚持")]
    assert [(c.kind, c.label) for c in doc.contacts] == [("phone", "监督举报电话"), ("email", "信访邮箱")]
    assert len(doc.preamble) == 1 and doc.preamble[0].startswith("根据区委统一部署")  # ideographic indent stripped


# a: 1.关于…问题。 fills its printed line and ends a sentence, and its account's first line is wide:
# in plain wrapped text nothing tells a heading line from a run-in heading's first line.
WRAPPABLE = [n for n in FILES if not n.startswith(("a_", "f_", "j_"))]


@pytest.mark.parametrize("name", WRAPPABLE)
def test_every_notice_hard_wrapped_like_pdf_text_reads_the_same(name: str) -> None:
    """The notice printed 28 characters a line (spaces around digits, as PDF extraction leaves them)."""
    lines = [t.strip() for t in (NOTICES / name).read_text("utf-8").split("\n") if t.strip()]
    wrapped = recognize([Block(t, line=i + 1) for i, t in enumerate(_wrap(lines))], source="w.txt")
    assert wrapped.info["text_shape"] == "wrapped"
    plain = recognize([Block(t, line=i + 1) for i, t in enumerate(lines)], source="p.txt")

    def shown(result: ReadResult) -> str:  # white space aside: wrapped text loses the gaps around digits
        return re.sub(r"\s", "", json.dumps(result.document.to_dict(), ensure_ascii=False))

    assert shown(wrapped) == shown(plain)
