"""The page the HTML writer makes: self-contained, semantic, accessible, deterministic."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import given

from rectify_core.model import (
    Date,
    DisclosureField,
    Document,
    Marker,
    Node,
    Problem,
    Rectification,
    Signature,
    Status,
)
from rectify_core.testing import documents
from rectify_core.visible import flatten

from .pages import strict_parse, tree, write

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = Document.from_dict(json.loads((ROOT / "examples" / "shili-zhen.json").read_text("utf-8")))


PARA_CLASSES = {"disclosure-field", "title", "subtitle", "preamble", "node", "paragraph", "finding", "rectification",
                "rect-text", "status-line", "closing", "issuer", "date"}


def meta(page, name: str) -> str | None:
    found = page.xpath(f"//meta[@name='{name}']/@content")
    return found[0] if found else None


@pytest.fixture(scope="module")
def example_page():
    return write(EXAMPLE)


def test_page_is_self_contained(example_page):
    page = tree(example_page).getroot()
    assert page.get("lang") == "zh-CN"
    assert page.xpath("//script") == []
    assert page.xpath("//@src") == []
    assert page.xpath("//link") == []
    hrefs = page.xpath("//@href")
    assert hrefs and all(h.startswith(("tel:", "mailto:")) for h in hrefs)
    assert b"http://" not in example_page and b"https://" not in example_page


def test_csp_allows_exactly_the_inline_style(example_page):
    page = tree(example_page).getroot()
    policy = page.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in policy and "script-src" not in policy and "unsafe-inline" not in policy
    (style,) = page.xpath("//style")
    digest = base64.b64encode(hashlib.sha256(style.text.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in policy
    assert page.xpath("//@style") == []  # an inline style attribute would be blocked by that policy


def test_print_css_uses_a4_and_gbt9704_margins(example_page):
    style = tree(example_page).getroot().xpath("//style")[0].text
    assert re.search(r"@page\s*\{\s*size:\s*A4;\s*margin:\s*37mm 26mm 35mm 28mm;", style)
    assert "@media print" in style


def test_government_site_meta_tags(example_page):
    page = tree(example_page).getroot()
    assert meta(page, "ArticleTitle") == EXAMPLE.title
    assert meta(page, "PubDate") == "2026-06-18"  # 成文日期 of the disclosure block
    assert meta(page, "ContentSource") == "中共示例镇委员会"  # 发布机构
    assert meta(page, "SiteName") is None  # only when given
    assert meta(page, "DC.identifier") == "000000000/2026-00042"
    assert meta(page, "DC.language") == "zh-CN"
    assert page.xpath("//title")[0].text == EXAMPLE.title


def test_site_options_add_site_tags():
    page = tree(write(EXAMPLE, site_name="示例镇人民政府", site_domain="shili.example", site_id_code="0000000000",
                      column_name="党务公开", pub_date="2026-06-19 09:30")).getroot()
    assert meta(page, "SiteName") == "示例镇人民政府"
    assert meta(page, "SiteDomain") == "shili.example"
    assert meta(page, "SiteIDCode") == "0000000000"
    assert meta(page, "ColumnName") == "党务公开"
    assert meta(page, "PubDate") == "2026-06-19 09:30"


def test_landmarks_header_and_disclosure_list(example_page):
    page = tree(example_page).getroot()
    (article,) = page.xpath("/html/body/main/article")
    header = article.xpath("./header")[0]
    labels = header.xpath(".//dl/div/dt/text()")
    values = header.xpath(".//dl/div/dd/text()")
    assert labels == [f.label for f in EXAMPLE.disclosure]
    assert values == [f.value for f in EXAMPLE.disclosure]
    assert header.xpath("./h1/text()") == [EXAMPLE.title]
    assert len(page.xpath("//h1")) == 1


def test_heading_outline_follows_numbering(example_page):
    page = tree(example_page).getroot()
    outline = [(h.tag, h.xpath("string(span[@class='marker'])")) for h in page.xpath("//h2|//h3|//h4|//h5")]
    assert outline[:5] == [("h2", "一、"), ("h2", "二、"), ("h3", "（一）"), ("h4", "1."), ("h5", "（1）")]
    assert [m for tag, m in outline if tag == "h2"] == ["一、", "二、", "三、"]


def test_each_problem_is_a_section_with_status_in_words(example_page):
    page = tree(example_page).getroot()
    problems = page.xpath("//section[contains(concat(' ', @class, ' '), ' problem ')]")
    assert len(problems) == len(EXAMPLE.problems()) == 6
    for section, node in zip(problems, EXAMPLE.problems(), strict=True):
        assert node.problem is not None and node.problem.status is not None
        status = section.xpath(".//span[contains(concat(' ', @class, ' '), ' status ')]")
        assert [s.text for s in status] == [node.problem.status.text]  # the words, not a colour
        assert section.xpath(".//p[@class='rectification']/span[@class='label']/text()") == ["整改情况"]
        assert section.xpath("string(.//span[@class='finding'])") == node.problem.finding[0]


def test_contacts_in_address_with_links(example_page):
    page = tree(example_page).getroot()
    (address,) = page.xpath("//footer/address")
    links = {a.get("href"): a.text for a in address.xpath(".//a")}
    assert links == {"tel:0000-1234567": "0000-1234567", "mailto:zhenggai@shili.example": "zhenggai@shili.example"}
    assert page.xpath("//footer/p[@class='issuer']/text()") == ["中共示例镇委员会"]
    assert page.xpath("//footer/p[@class='date']/time/@datetime") == ["2026-06-18"]


def _deep(depth: int) -> Node:
    node = Node(marker=Marker("circled", 1), heading=f"第{depth}层")
    for d in range(depth - 1, 0, -1):
        node = Node(marker=Marker("arabic", 1), heading=f"第{d}层", children=(node,))
    return node


def test_levels_deeper_than_four():
    page = tree(write(Document(title="标题", body=(_deep(7),)))).getroot()
    tags = [(h.tag, h.get("role"), h.get("aria-level")) for h in page.xpath("//section/*[1]")]
    assert tags == [("h2", None, None), ("h3", None, None), ("h4", None, None), ("h5", None, None),
                    ("h6", None, None), ("p", "heading", "7"), ("p", "heading", "8")]


def test_run_in_heading_and_standalone_status():
    doc = Document(body=(Node(
        marker=Marker("chinese", 1), heading="强化组织领导。", run_in=True,
        children=(Node(marker=Marker("chinese_paren", 1), problem=Problem(
            finding=("问题一", "问题二"),
            rectification=Rectification("整改情况", ":", ("措施一", "措施二")),
            status=Status("completed", text="完成情况：已完成", inline=False))),),
        paragraphs=("正文段落。",)),))
    page = tree(write(doc)).getroot()
    (line,) = page.xpath("//div[@class='node run-in']")
    assert line.xpath("./h2/span/@class") == ["marker", "heading"]
    assert line.xpath("./p/span[@class='text']/text()") == ["正文段落。"]
    problem = page.xpath("//section[contains(@class, 'problem')]")[0]
    assert problem.xpath("./p/@class") == ["finding", "rectification", "rect-text", "status-line"]
    assert problem.xpath("string(./p[@class='status-line'])") == "完成情况：已完成"


def test_minimal_generated_document_still_has_a_title_element():
    page = tree(write(Document())).getroot()
    assert page.xpath("//title")[0].text  # document-title (WCAG 2.4.2) needs a non-empty title


@given(documents())
def test_page_conforms_to_html5_and_shows_exactly_the_visible_paragraphs(doc):
    """No HTML5 parse error; no formatting whitespace leaks into a paragraph; every paragraph is there, in order.

    (Byte-identical rewrites are checked by the conformance kit, tests/html/test_conformance.py.)
    """
    data = write(doc)
    strict_parse(data)
    page = tree(data).getroot()
    roles = [el for el in page.iter("p", "h1", "h2", "h3", "h4", "h5", "h6", "div")
             if (el.get("class") or "").split()[:1] and el.get("class").split()[0] in PARA_CLASSES]
    assert [el.xpath("string(.)") for el in roles] == [p.text for p in flatten(doc)]


def test_source_is_indented_for_people(example_page):
    text = example_page.decode("utf-8")
    assert "\n      <article class=\"rectify-document\">\n" in text
    assert max(len(line) for line in text.splitlines() if "<p" not in line and "<h" not in line) < 200


def test_signature_date_without_iso_is_plain_text():
    page = tree(write(Document(signature=Signature("某党委", Date(text="二〇二三年十月"))))).getroot()
    assert page.xpath("//p[@class='date']/time") == []
    assert page.xpath("//p[@class='date']/text()") == ["二〇二三年十月"]


def test_disclosure_field_without_value():
    page = tree(write(Document(disclosure=(DisclosureField(label="文号"),)))).getroot()
    assert page.xpath("//dl/div/dd")[0].text is None
