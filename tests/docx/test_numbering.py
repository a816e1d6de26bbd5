"""Word's automatic numbering resolved to the marker text a reader of the page sees."""

from __future__ import annotations

from lxml import etree
from rectify_docx.read_numbering import Numbering, format_number
from rectify_docx.read_styles import StyleSheet

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "", start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


GBT = "".join(_lvl(i, f, t) for i, (f, t) in enumerate(
    [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]))


def numbering(abstracts: str, nums: str, styles: str = "") -> Numbering:
    root = etree.fromstring(f'<w:numbering xmlns:w="{W_NS}">{abstracts}{nums}</w:numbering>')
    sheet = StyleSheet(etree.fromstring(f'<w:styles xmlns:w="{W_NS}">{styles}</w:styles>'))
    return Numbering(root, sheet)


def abstract(aid: str, levels: str, extra: str = "") -> str:
    return f'<w:abstractNum w:abstractNumId="{aid}">{extra}{levels}</w:abstractNum>'


def num(nid: str, aid: str, overrides: str = "") -> str:
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def test_chinese_levels_count_and_restart_below_a_higher_level():
    n = numbering(abstract("0", GBT), num("1", "0"))
    sequence = [(0, "一、"), (1, "（一）"), (2, "1."), (2, "2."), (3, "（1）"), (1, "（二）"), (2, "1."), (0, "二、"),
                (1, "（一）")]
    assert [n.marker("1", ilvl) for ilvl, _ in sequence] == [text for _, text in sequence]


def test_chinese_counting_past_ten():
    n = numbering(abstract("0", GBT), num("1", "0"))
    assert [n.marker("1", 0) for _ in range(12)][9:] == ["十、", "十一、", "十二、"]


def test_multi_level_text_and_legal_numbering():
    levels = _lvl(0, "chineseCounting", "%1、") + _lvl(1, "decimal", "%1.%2", "<w:isLgl/>")
    n = numbering(abstract("0", levels), num("1", "0"))
    assert [n.marker("1", i) for i in (0, 1, 1, 0, 1)] == ["一、", "1.1", "1.2", "二、", "2.1"]


def test_lvl_restart_zero_never_restarts():
    levels = _lvl(0, "chineseCounting", "%1、") + _lvl(1, "decimal", "%2.", '<w:lvlRestart w:val="0"/>')
    n = numbering(abstract("0", levels), num("1", "0"))
    assert [n.marker("1", i) for i in (0, 1, 1, 0, 1)] == ["一、", "1.", "2.", "二、", "3."]


def test_instances_of_one_list_continue_unless_they_override_the_start():
    n = numbering(abstract("0", GBT), num("1", "0") + num("2", "0") + num(
        "3", "0", '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'))
    assert [n.marker("1", 0), n.marker("2", 0), n.marker("3", 0), n.marker("3", 0)] == ["一、", "二、", "一、", "二、"]


def test_level_override_and_start_value():
    override = f'<w:lvlOverride w:ilvl="0">{_lvl(0, "decimal", "第%1条", start=5)}</w:lvlOverride>'
    n = numbering(abstract("0", GBT), num("1", "0", override))
    assert [n.marker("1", 0), n.marker("1", 0)] == ["第5条", "第6条"]


def test_bullets_and_unknown_lists_add_no_text():
    n = numbering(abstract("0", _lvl(0, "bullet", "•")), num("1", "0"))
    assert n.marker("1", 0) is None
    assert n.marker("9", 0) is None and n.marker("0", 0) is None and n.marker("1", 12) is None


def test_list_style_links_and_levels_named_by_paragraph_style():
    linked = abstract("1", "", '<w:numStyleLink w:val="GBList"/>')
    level = _lvl(0, "chineseCounting", "%1、", '<w:pStyle w:val="H1"/>')
    defining = abstract("0", level, '<w:styleLink w:val="GBList"/>')
    n = numbering(defining + linked, num("1", "0") + num("2", "1"))
    assert n.marker("2", 0) == "一、"
    assert n.level_for_style("2", "H1") == 0 and n.level_for_style("2", "Other") is None


def test_number_formats():
    assert format_number(3, "chineseLegalSimplified") == "叁"
    assert format_number(21, "chineseCountingThousand") == "二十一"
    assert format_number(2, "decimalEnclosedCircle") == "②"
    assert format_number(12, "decimalFullWidth") == "１２"
    assert format_number(4, "upperRoman") == "IV" and format_number(28, "lowerLetter") == "bb"
    assert format_number(3, "ideographTraditional") == "丙"
    assert format_number(7, "decimalZero") == "07"
