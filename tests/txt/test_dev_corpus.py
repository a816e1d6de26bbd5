"""Every dev-corpus file reads, and the preamble facts are those the texts state.

The expected facts were read off each file by hand (see corpus/dev/manifest.tsv for what each file
is); a date the text states only to the month has no ISO value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rectify_core import api
from rectify_core.formats import ReadResult
from rectify_core.plugins import get_registry
from rectify_core.schema import validate_dict
from tests.corpus import corpus_path

DEV = [
    "001_jinhua-wucheng-wenlvti-bureau-xuncha.txt",
    "003_ezhou-culture-tourism-bureau-xuncha.txt",
    "007_wuhan-market-regulation-bureau-jizhong-zhenggai.txt",
    "009_hubei-provincial-committee-central-xunshi.txt",
    "012_kunming-district-xuncha-summary.txt",
    "013_gansu-xunshi-office-publication-announcement.txt",
    "017_jinhua-agriculture-bureau-xuncha.txt",
    "020_guangzhou-haizhu-civil-affairs-bureau-xuncha.txt",
    "025_yiyang-heshan-transport-bureau-xuncha.txt",
    "026_zhongshan-sanxiang-town-xuncha.txt",
    "033_chenzhou-second-hospital-xuncha.txt",
    "036_jingzhou-shashi-district-court-xuncha.txt",
]

# file prefix: (level, team, start, end, feedback) as (iso or None, text)
FACTS = {
    "001": ("巡察", "区委第二巡察组", ("2022-09-16", "2022年9月16日"), ("2022-10-18", "10月18日"),
            ("2023-01-17", "2023年1月17日")),
    "003": ("巡察", "市委第四巡察组", ("2024-03-18", "2024年3月18日"), ("2024-04-30", "4月30日"),
            ("2024-05-29", "2024年5月29日")),
    "007": ("巡察", "市委第五巡察组", ("2023-07-13", "2023年7月13日"), ("2023-08-31", "8月31日"),
            ("2023-10-20", "2023年10月20日")),
    "009": ("巡视", "中央第二巡视组", ("2020-10-10", "2020年10月10日"), ("2020-12-20", "12月20日"),
            ("2021-02-04", "2021年2月4日")),
    "012": ("巡察", None, ("2021-11-08", "2021年11月8日"), ("2021-12-20", "12月20日"),
            ("2022-01-27", "2022年1月27日")),
    "017": ("巡察", "市委第四巡察组", ("2023-07-06", "2023年7月6日"), ("2023-09-06", "9月6日"),
            ("2023-10-19", "2023年10月19日")),
    "020": ("巡察", "区委第二巡察组", (None, "2024年3月"), (None, "6月"), ("2024-08-19", "2024年8月19日")),
    "025": ("巡察", "区委第三巡察组", ("2024-09-06", "2024年9月6日"), ("2024-11-20", "11月20日"),
            ("2025-01-07", "2025年1月7日")),
    "026": ("巡察", "市委对村巡察第四组", ("2024-09-24", "2024年9月24日"), ("2024-12-20", "12月20日"),
            ("2025-01-14", "2025年1月14日")),
    "033": ("巡察", "市委第四巡察组", ("2024-09-09", "2024年9月9日"), ("2024-12-10", "12月10日"),
            ("2024-12-30", "2024年12月30日")),
    "036": ("巡察", "市委第五巡察组", ("2024-09-20", "2024年9月20日"), ("2024-12-31", "12月31日"),
            ("2025-02-26", "2025年2月26日")),
}


def _read(name: str) -> ReadResult:
    return api.read(corpus_path("dev", name))


@pytest.mark.parametrize("name", DEV)
def test_every_dev_file_reads_into_a_schema_valid_document(name: str) -> None:
    result = _read(name)
    assert validate_dict(result.document.to_dict()) == []
    assert result.info["encoding"] == "utf-8"


def test_the_dev_list_is_the_whole_dev_corpus() -> None:
    folder = corpus_path("dev")
    assert sorted(p.name for p in Path(folder).glob("*.txt")) == DEV


@pytest.mark.parametrize("prefix", sorted(FACTS))
def test_preamble_facts_are_the_stated_ones(prefix: str) -> None:
    name = next(n for n in DEV if n.startswith(prefix))
    insp = _read(name).document.inspection
    assert insp is not None
    level, team, start, end, feedback = FACTS[prefix]
    assert (insp.level, insp.team) == (level, team)
    got = [(d.iso, d.text) if d is not None else None for d in (insp.start, insp.end, insp.feedback)]
    assert got == [start, end, feedback]


def test_013_is_an_announcement_not_a_tongbao() -> None:
    result = _read(DEV[5])
    doc = result.document
    assert {f.rule for f in result.findings} == {"document.title", "document.signature", "punctuation.halfwidth",
                                                 "document.not-a-tongbao"}
    assert [f.severity for f in result.findings if f.rule == "document.not-a-tongbao"] == ["error"]
    assert doc.body == () and doc.title is None and doc.signature is None
    lines = [t.strip() for t in corpus_path("dev", DEV[5]).read_text("utf-8").splitlines() if t.strip()]
    assert list(doc.preamble) == lines  # kept whole, in order, not forced into a structure


def test_001_bulleted_disclosure_with_values_on_the_next_line() -> None:
    result = _read(DEV[0])
    fields = [(f.key, f.label, f.value) for f in result.document.disclosure]
    assert fields == [
        ("index_no", "信息索引号", "113307020501239658/2023-46395"),
        ("title", "文件名称", "中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报"),
        ("publisher", "发布机构", "婺城区文旅体局"),
        ("written_date", "成文日期", "2023-05-04"),
        ("disclosure_mode", "公开方式", "主动公开"),
    ]
    assert result.document.title == "中共金华市婺城区文化和旅游体育局党组关于巡察整改情况的通报"
    reasons = [r.reason for r in result.removed]
    assert reasons.count("list bullet") == 6
    assert {"publication details line", "web page furniture"} <= set(reasons)
    stats = result.document.statistics
    assert stats is not None and (stats.total, stats.completed, stats.in_progress, stats.rate) == (25, 19, 6, 76)
    assert result.document.body[0].marker is not None and result.document.body[0].marker.text == "(一)"


def test_007_site_chrome_removed_and_ascii_colon_labels() -> None:
    result = _read(DEV[2])
    assert [r.text for r in result.removed][:2] == ["http://www.whdi.gov.cn", "当前位置:首页 > 巡察工作 > 巡察反馈 >"]
    problems = result.document.problems()
    assert len(problems) == 2
    assert all(p.problem and p.problem.rectification and p.problem.rectification.colon == ":" for p in problems)
    assert problems[0].heading is None and problems[0].problem is not None
    assert problems[0].problem.finding[0].startswith("关于“妨碍公平竞争")


def test_009_arabic_directly_under_chinese_is_a_level_skip_with_run_in_heading() -> None:
    result = _read(DEV[3])
    assert [f.rule for f in result.findings if f.rule.startswith("numbering.")] == ["numbering.level-skip"]
    child = result.document.body[0].children[0]
    assert child.run_in and child.heading == "提高政治站位,坚决扛起巡视整改政治责任。"


def test_012_statistics_with_basically_done_and_not_done() -> None:
    stats = _read(DEV[4]).document.statistics
    assert stats is not None
    # 未完成5个: not completed is still open (in progress), not "not started" (vocab.status)
    assert (stats.total, stats.completed, stats.long_term, stats.in_progress, stats.rate) == (697, 688, 4, 5, 98.71)


def test_017_bare_disclosure_values_get_their_fields() -> None:
    result = _read(DEV[6])
    assert [(f.key, f.value) for f in result.document.disclosure] == [
        ("index_no", "113307000025920705/2024-00019"), ("publisher", "金华市农业农村局"),
        ("issued_date", "2024-01-18"), ("disclosure_mode", "主动公开")]
    assert result.document.title == "中共金华市农业农村局委员会关于市委巡察组反馈意见整改进展情况的通报"
    assert [r.text for r in result.removed] == ["朗读"]


def test_025_question_labels_and_a_status_line_of_its_own() -> None:
    doc = _read(DEV[8]).document
    first = doc.problems()[0]
    assert first.marker is not None and (first.marker.style, first.marker.text) == ("label", "问题1:")
    assert first.problem is not None and first.problem.status is not None
    status = first.problem.status
    assert (status.category, status.text, status.inline) == ("completed", "完成情况:已完成", False)
    stats = doc.statistics
    assert stats is not None and (stats.total, stats.completed, stats.long_term) == (37, 34, 3)


def test_036_feedback_problem_label_nests_its_sub_problems() -> None:
    doc = _read(DEV[11]).document
    label = doc.body[1].children[0].children[0]
    assert label.marker is not None and label.marker.text == "反馈问题一:"
    assert label.heading == "关于 “贯彻落实习近平法治思想和上级工作要求有差距” 的问题。"
    sub = label.children[0]
    assert sub.problem is not None and sub.problem.finding == ("政治理论学习不扎实",)


@pytest.mark.parametrize("name", DEV)
def test_dev_file_round_trips_through_canonical_txt(name: str) -> None:
    first = _read(name).document
    data = api.write_bytes(first, "txt")
    # == first, except that a bare disclosure value (017) is written with its standard label
    assert api.read(data, "txt", name="again.txt").document == get_registry().writer("txt").expected(first)
