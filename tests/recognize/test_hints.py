"""Layout hints from Word and HTML readers: headings with no typed number, and a title marked by its look.

The blocks are built here the way the foreign docx/HTML readers build them (style names, outline
levels, bold, size, alignment).  Text alone must read as before: hints only add structure where the
text is silent.
"""

from __future__ import annotations

from dataclasses import replace

from rectify_core.formats import ReadResult
from rectify_core.recognize import Block, recognize
from rectify_core.schema import validate_dict
from tests.recognize.helpers import outline
from tests.recognize.test_structure import NOTICE

TITLE = "示例县林业局党组关于县委第二巡察组反馈意见落实工作的说明"  # no 通报/情况/整改: only its look says title


def _read(blocks: list[Block]) -> ReadResult:
    numbered = [replace(b, line=i + 1) for i, b in enumerate(blocks)]
    result = recognize(numbered, source="t.docx")
    assert validate_dict(result.document.to_dict()) == []
    return result


def _p(text: str, **hints: object) -> Block:
    return Block(text, size=16.0, **hints)  # type: ignore[arg-type]


WORD = [
    Block(TITLE, size=22.0, align="center"),
    _p("根据县委统一部署，2023年4月10日至5月30日，县委第二巡察组对县林业局党组开展了常规巡察。6月20日，巡察组反馈了意见。"),
    _p("整改工作开展情况", style="标题 1", outline_level=1),
    _p("局党组成立整改工作领导小组，制定整改方案，建立问题清单。"),
    _p("反馈意见整改落实情况", style="标题 1", outline_level=1),
    _p("反馈问题共8个，已完成整改6个，正在整改2个。"),
    _p("关于理论学习不深入的问题", style="标题 2", outline_level=2),
    _p("局党组理论学习中心组学习计划执行不到位。"),
    _p("整改情况：修订学习制度，全年开展集中学习12次。（已完成整改）"),
    _p("关于护林员管理不规范的问题", style="标题 2", outline_level=2),
    _p("整改情况：建立护林员考勤台账。"),
    _p("完成情况：已完成"),
    _p("下一步工作打算", style="标题 1", outline_level=1),
    _p("局党组将持续巩固整改成果。"),
    _p("欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0123-4567890"),
    Block("中共示例县林业局党组", size=16.0, align="right"),
    Block("2023年9月1日", size=16.0, align="right"),
]


def test_outline_levels_make_headings_without_numbers() -> None:
    doc = _read(WORD).document
    assert doc.title == TITLE
    assert len(doc.preamble) == 1
    assert outline(doc.body) == [
        "H · 整改工作开展情况",
        "H · 反馈意见整改落实情况",
        "  P · 关于理论学习不深入的问题",
        "  P · 关于护林员管理不规范的问题",
        "H · 下一步工作打算",
    ]
    first, second = doc.body[1].children
    assert first.problem is not None and first.problem.finding == ("局党组理论学习中心组学习计划执行不到位。",)
    assert first.problem.status is not None and first.problem.status.category == "completed"
    # the label follows the heading directly: with no number beside it, the line stays the heading
    assert second.heading == "关于护林员管理不规范的问题" and second.problem is not None
    assert second.problem.finding == () and second.problem.status is not None
    assert doc.body[0].paragraphs == ("局党组成立整改工作领导小组，制定整改方案，建立问题清单。",)
    assert doc.statistics is not None and (doc.statistics.total, doc.statistics.completed) == (8, 6)
    assert doc.signature is not None and doc.signature.issuer == "中共示例县林业局党组"


def test_heading_style_names_without_an_outline_level() -> None:
    blocks = [replace(b, outline_level=None) for b in WORD]  # WPS-style 标题 N names only
    assert _read(blocks).document == _read(WORD).document
    english = [replace(b, outline_level=None, style=b.style.replace("标题", "Heading")) if b.style else b
               for b in WORD]
    assert _read(english).document == _read(WORD).document


def test_html_heading_tags_as_styles() -> None:
    blocks = [replace(b, outline_level=None, style=f"h{b.outline_level + 1}") if b.outline_level else b
              for b in WORD]
    assert outline(_read(blocks).document.body) == outline(_read(WORD).document.body)


def test_without_hints_the_same_lines_are_paragraphs() -> None:
    plain = _read([Block(b.text) for b in WORD]).document
    assert plain.title is None  # the text alone does not call it a title
    assert plain.body == ()
    assert TITLE in plain.preamble and "整改工作开展情况" in plain.preamble


def test_bold_lines_of_their_own_are_headings_and_typed_numbers_nest_under_them() -> None:
    blocks = [
        Block("示例镇党委关于巡察整改进展情况的通报", size=22.0, align="center"),
        _p("各村党支部，镇直各单位：", bold=True),  # an addressee ends with a colon: not a heading
        _p("根据县委统一部署，县委第三巡察组对示例镇开展了巡察。现将整改进展情况通报如下。"),
        _p("关于党的建设方面", bold=True),
        _p("1.关于党员发展不规范的问题"),
        _p("整改情况：开展党员发展档案专项检查。（已完成整改）"),
        _p("2.关于“三会一课”落实不到位的问题"),
        _p("整改情况：建立督查通报制度。（长期坚持）"),
        _p("关于作风建设方面", bold=True),
        _p("1.关于公务用车管理不严的问题"),
        _p("整改情况：修订车辆管理办法。（已完成整改）"),
        _p("镇党委把巡察整改作为重要政治任务，坚持问题导向，逐项研究整改措施，层层压实整改责任。", bold=True),
        _p("中共示例镇委员会"),
        _p("2023年11月2日"),
    ]
    result = _read(blocks)
    doc = result.document
    assert doc.preamble == ("各村党支部，镇直各单位：",
                            "根据县委统一部署，县委第三巡察组对示例镇开展了巡察。现将整改进展情况通报如下。")
    assert outline(doc.body) == [
        "H · 关于党的建设方面",
        "  P 1. F:关于党员发展不规范的问题",
        "  P 2. F:关于“三会一课”落实不到位的问题",
        "H · 关于作风建设方面",
        "  P 1. F:关于公务用车管理不严的问题",
    ]
    last = doc.body[1].children[0]
    assert last.problem is not None and last.problem.rectification is not None
    # a long bold paragraph is emphasis, not a heading: it stays in the account
    assert last.problem.rectification.paragraphs[-1].startswith("镇党委把巡察整改")
    assert [f.rule for f in result.findings] == []  # no level skip under a heading without a number


def test_bold_headings_of_two_sizes_nest() -> None:
    blocks = [
        _p("示例局关于巡察整改情况的通报"),
        _p("根据市委统一部署，市委第一巡察组对示例局开展了巡察。"),
        Block("整改工作总体情况", size=18.0, bold=True),
        _p("局党组高度重视。"),
        Block("具体问题整改情况", size=18.0, bold=True),
        Block("政治建设方面", size=16.0, bold=True),
        _p("（1）学习不深入。"),
        _p("整改情况：制定学习计划。"),
        Block("组织建设方面", size=16.0, bold=True),
        _p("（1）支部活动不规范。"),
        _p("整改情况：规范支部活动。"),
        Block("下一步打算", size=18.0, bold=True),
        _p("持续抓好整改。"),
    ]
    assert outline(_read(blocks).document.body) == [
        "H · 整改工作总体情况",
        "H · 具体问题整改情况",
        "  H · 政治建设方面",
        "    P （1） F:学习不深入。",
        "  H · 组织建设方面",
        "    P （1） F:支部活动不规范。",
        "H · 下一步打算",
    ]


def test_typed_headings_with_outline_levels_close_unnumbered_ones() -> None:
    blocks = [
        _p("示例区民政局党组关于巡察整改进展情况的通报"),
        _p("根据区委统一部署，区委第二巡察组对区民政局党组开展了巡察。"),
        _p("一、整改工作开展情况", outline_level=1),
        _p("强化组织领导", outline_level=2),
        _p("成立领导小组。"),
        _p("健全工作机制", outline_level=2),
        _p("建立销号制度。"),
        _p("二、反馈问题整改情况", outline_level=1),
        _p("（一）关于养老服务监管的问题", outline_level=2),
        _p("整改情况：开展专项检查。"),
    ]
    assert outline(_read(blocks).document.body) == [
        "H 一、 整改工作开展情况",
        "  H · 强化组织领导",
        "  H · 健全工作机制",
        "H 二、 反馈问题整改情况",
        "  P （一） F:关于养老服务监管的问题",
    ]


def test_a_run_in_heading_style_splits_like_a_typed_one() -> None:
    blocks = [
        _p("示例局关于巡察整改情况的通报"),
        _p("根据市委统一部署，市委第一巡察组对示例局开展了巡察。"),
        _p("强化组织领导。局党组成立领导小组，主要负责同志任组长。", outline_level=2),
    ]
    node = _read(blocks).document.body[0]
    assert (node.marker, node.heading, node.run_in) == (None, "强化组织领导。", True)
    assert node.paragraphs == ("局党组成立领导小组，主要负责同志任组长。",)


def test_hints_on_typed_lines_change_nothing() -> None:
    """A docx of the same text with headings styled and bold reads as the txt does."""
    lines = NOTICE.split("\n")
    plain = _read([Block(t) for t in lines]).document
    hinted = []
    for t in lines:
        if t.startswith(("一、", "二、")):
            hinted.append(Block(t, style="Heading 1", outline_level=1, bold=True, size=16.0))
        elif t.startswith(("（一）", "1.", "2.", "3.", "（2）")):
            hinted.append(Block(t, style="Heading 2", outline_level=2, bold=True, size=16.0))
        elif t == lines[0]:
            hinted.append(Block(t, size=22.0, align="center"))
        elif t in lines[-2:]:
            hinted.append(Block(t, size=16.0, align="right"))
        else:
            hinted.append(Block(t, size=16.0, style="Normal", bold=False))
    assert _read(hinted).document == plain


def test_structural_lines_are_never_hinted_headings() -> None:
    blocks = [
        _p("示例局关于巡察整改情况的通报"),
        _p("根据市委统一部署，市委第一巡察组对示例局开展了巡察。"),
        _p("1.关于制度执行不严的问题"),
        _p("整改情况：", bold=True),
        _p("建立制度执行检查机制。"),
        _p("（已完成整改）", bold=True),
    ]
    node = _read(blocks).document.body[0]
    assert node.problem is not None and node.problem.rectification is not None
    assert node.problem.rectification.paragraphs == ("建立制度执行检查机制。",)
    assert node.problem.status is not None and node.problem.status.text == "（已完成整改）"
