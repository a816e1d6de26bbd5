"""Foreign (CMS) pages: what goes to the recognizer, and what is recorded as removed furniture.

The recognizer is replaced by a recorder here, so these tests pin down the reader's own job —
finding the article, the metadata and the title, and keeping every other visible text as a
removed record — independently of how the recognizer then builds the Document.
"""

from __future__ import annotations

import pytest
from rectify_html import foreign

from . import cms
from .pages import read, write

PAIRS = [("索 引 号", "3704063704060004/2023-00364"), ("主题分类", "公示、公告、通知"),
         ("发布机构", "中共徐庄镇委员会"), ("成文时间", "2023年11月23日"), ("文 号", "无")]
TITLE = "徐庄镇党委关于九届区委第三轮巡察整改进展情况的通报"
PARAS = ["根据区委统一部署，区委第五巡察组对徐庄镇开展了巡察。", "一、整改工作基本情况",
         "（一）强化组织领导。成立专班。", "欢迎广大干部群众监督。联系电话：0632-8451103",
         "中共徐庄镇委员会", "2023年10月26日"]


@pytest.fixture
def blocks(monkeypatch):
    seen: list = []
    original = foreign.read_foreign

    def recorder(root, report):
        found = original(root, report)
        seen.extend(found)
        return found

    monkeypatch.setattr(foreign, "read_foreign", recorder)
    return seen


def texts(blocks) -> list[str | tuple[str, ...]]:
    """Each block's text, or a table row's cells (a label cell and its value cell stay apart)."""
    return [b.cells if b.cells is not None else b.text for b in blocks]


def test_table_layout(blocks):
    result = read(cms.table_layout(PAIRS, TITLE, PARAS))
    assert texts(blocks) == [(f"{label}：", value) for label, value in PAIRS] + [TITLE, *PARAS]
    assert blocks[len(PAIRS)].outline_level == 1  # the h1 title keeps its level as a hint
    reasons = {r.text: r.reason for r in result.removed}
    assert reasons["当前位置：首页 > 信息公开 > 公示公告"] == "breadcrumb"
    assert reasons["字号：大 中 小"] == "font-size switch"
    assert reasons["【打印本页】【关闭窗口】"] == "print/close"
    assert reasons["分享到：微信 微博 QQ空间"] == "share links"
    assert reasons["发布时间：2023-11-23 16:20\u3000来源：中共徐庄镇委员会\u3000浏览次数：1024"] == "publication line"
    assert reasons["扫一扫在手机打开当前页"] == "hidden element"
    assert "统计代码" not in " ".join(reasons)  # script text is not page text
    assert all(r.location is not None and r.location.line for r in result.removed)
    assert result.info["content_element"] == "div#zoom.article-content"


def test_list_layout_with_br_lines(blocks):
    result = read(cms.list_layout(PAIRS, TITLE, PARAS))
    assert texts(blocks) == [f"{label}：{value}" for label, value in PAIRS] + [TITLE, *PARAS]
    assert "您现在的位置：首页 › 政务公开 › 巡察整改" in [r.text for r in result.removed]
    assert result.info["content_element"] == "div.TRS_Editor"


def test_layout_table_page_without_metadata(blocks):
    result = read(cms.bare_layout(TITLE, PARAS))
    assert texts(blocks) == [TITLE, *PARAS]
    assert ("发布时间:2024-06-24 17:44 来源:武汉市纪委监委", "publication line") in \
        [(r.text, r.reason) for r in result.removed]


def test_nothing_visible_is_lost(blocks):
    """Every visible character of the page is in a block or in a removed record."""
    import html5lib

    page = cms.table_layout(PAIRS, TITLE, PARAS)
    result = read(page)
    doc = html5lib.parse(page, treebuilder="lxml", namespaceHTMLElements=False)
    for bad in doc.getroot().xpath("//script|//head"):
        bad.getparent().remove(bad)
    visible = "".join(doc.getroot().xpath("string(//body)").split())
    kept = "".join("".join([b.text for b in blocks] + [r.text for r in result.removed]).split())
    assert sorted(visible.replace("：", "")) == sorted(kept.replace("：", ""))


def test_metadata_table_inside_the_content_is_read_once(blocks):
    rows = "".join(f"<tr><th>{label}</th><td>{value}</td></tr>" for label, value in PAIRS)
    page = (f"<html><body><div id='zoom'><table>{rows}</table><h2>{TITLE}</h2>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></body></html>")
    read(page)
    assert texts(blocks) == [(label, value) for label, value in PAIRS] + [TITLE, *PARAS]


def test_bare_paragraphs_in_body(blocks):
    read("<html><body>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>")
    assert texts(blocks) == PARAS


def test_inline_markup_and_entities_join_into_one_line(blocks):
    read("<html><body><div id='zoom'><p>&nbsp;&nbsp;整改<b>进展</b>情况<span>：</span>一是&amp;二是</p>"
         "<p>第一行<br>第二行</p></div></body></html>")
    assert texts(blocks) == ["整改进展情况：一是&二是", "第一行", "第二行"]


def test_real_recognizer_gets_the_furniture_free_text():
    """Without the recorder: the shared recognizer builds the notice from the kept blocks."""
    result = read(cms.table_layout(PAIRS, TITLE, PARAS))
    doc = result.document
    assert doc.title == TITLE
    assert [f.label for f in doc.disclosure] == [label for label, _ in PAIRS]
    assert doc.signature is not None and doc.signature.issuer == "中共徐庄镇委员会"
    assert [c.value for c in doc.contacts] == ["0632-8451103"]


def test_signature_in_its_own_block_beside_the_body(blocks):
    body, signature = PARAS[:-2], PARAS[-2:]
    page = ("<html><body><div class='article'><h1>" + TITLE + "</h1><div class='info'>发布时间：2023-11-23</div>"
            "<div id='zoom'>" + "".join(f"<p>{p}</p>" for p in body) + "</div>"
            "<div class='sign' style='text-align:right'>" + "<br>".join(signature) + "</div>"
            "<div class='tools'>【打印】【关闭】</div><div class='xglj'><a href='/1'>关于某事的通知</a></div>"
            "</div></body></html>")
    result = read(page)
    assert texts(blocks) == [TITLE, *PARAS]
    assert result.info["content_element"] == "div#zoom + div.sign"
    assert [r.text for r in result.removed] == ["发布时间：2023-11-23", "【打印】【关闭】", "关于某事的通知"]


def test_content_lines_that_only_mention_furniture_words_stay(blocks):
    lines = ["（1）针对“无障碍设施建设滞后”问题。", "位置偏远的村已设立代办点。", "个体工商户字号登记已规范。",
             "打印机已统一采购。", "来源于群众举报的线索已全部核查。"]
    read("<html><body><div id='zoom'>" + "".join(f"<p>{p}</p>" for p in lines) + "</div></body></html>")
    assert texts(blocks) == lines


def test_semantic_page_of_nested_sections_reads_whole():
    """A foreign page built of nested sections: the densest element is one subsection, so the
    reader must climb to the whole article (seed 000's text, in our structure under other names)."""
    from .seeds import txt_reading

    _, txt = txt_reading("000")
    page = write(txt.document).decode("utf-8").replace('<meta name="generator" content="rectify-html 1">', "")
    page = page.replace("rectify-document", "news-article")
    result = read(page)
    assert result.info["origin"] == "foreign"
    assert result.info["content_element"].startswith("p.preamble + section.item.level-1")
    assert result.document == txt.document  # subtitle between title and body kept, dl metadata read
    assert result.removed == []
