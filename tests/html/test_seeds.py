"""Both seeds: txt → html → Document equals the txt reading; scraped-style pages read like clean text."""

from __future__ import annotations

import itertools

import pytest

from rectify_core.visible import flatten

from . import cms
from .pages import read, tree, write
from .seeds import SEEDS, in_order, require_txt_reader, split_seed, txt_reading


@pytest.mark.parametrize("number", SEEDS)
def test_seed_through_html_equals_the_txt_reading(number):
    _, txt = txt_reading(number)
    data = write(txt.document)
    back = read(data)
    assert back.document == txt.document
    assert back.removed == []
    assert write(back.document) == data


def test_seed_002_heading_outline():
    _, txt = txt_reading("002")
    page = tree(write(txt.document)).getroot()
    h2 = [h.xpath("string(.)") for h in page.xpath("//h2")]
    assert [t[:2] for t in h2] == ["一、", "二、", "三、"]
    levels = [int(h.tag[1]) for h in page.xpath("//h1|//h2|//h3|//h4|//h5|//h6")]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    markers = [n.marker.text for _, n in txt.document.walk() if n.marker]
    assert [line.xpath("string(.//span[@class='marker'])") for line in page.xpath("//section/*[1]")] == markers


def test_seed_002_all_text_present():
    path, txt = txt_reading("002")
    pairs, lines = split_seed(path)
    page = tree(write(txt.document)).getroot()
    text = page.xpath("string(//article)")
    assert in_order([part for pair in pairs for part in pair] + lines, text) == []


@pytest.mark.parametrize("layout", ["table", "list"])
def test_scraped_seed_002_reads_as_its_clean_text(layout):
    path, txt = txt_reading("002")
    pairs, lines = split_seed(path)
    title, paragraphs = lines[0], lines[1:]
    make = cms.table_layout if layout == "table" else cms.list_layout
    page = make(pairs, title, paragraphs)
    result = read(page, f"scraped-{layout}.html")
    assert result.info["origin"] == "foreign"
    assert result.document == txt.document
    removed = " ".join(r.text for r in result.removed)
    counter = "浏览次数" if layout == "table" else "点击数"
    for furniture in ("首页", "字号", "打印本页", "关闭窗口", "网站标识码", counter):
        assert furniture in removed
    if layout == "table":
        assert "分享到：微信 微博 QQ空间" in [r.text for r in result.removed]
        assert ("扫一扫在手机打开当前页", "hidden element") in [(r.text, r.reason) for r in result.removed]


def test_scraped_seed_000_reads_as_its_clean_text():
    """Seed 000 is hard-wrapped PDF text: the page carries the paragraphs the txt reader joined."""
    _, txt = txt_reading("000")
    paras = [p.text for p in flatten(txt.document)]
    title, rest = paras[0], paras[1:]
    result = read(cms.bare_layout(title, rest), "scraped-000.html")
    assert result.document == txt.document
    assert "当前位置:首页 > 巡察工作 > 巡察反馈 >" in [r.text for r in result.removed]


def _dev_files() -> list[str]:
    from ..corpus import corpus_root

    folder = corpus_root() / "dev"
    return sorted(p.name for p in folder.glob("*.txt")) if folder.is_dir() else ["(dev corpus missing)"]


@pytest.mark.parametrize("name", _dev_files())
def test_dev_corpus_published_in_a_cms_page_reads_as_its_text(name):
    """Each dev text's lines as the paragraphs of a CMS page (menus, footer around them)."""
    from html import escape

    from rectify_core import api

    from ..corpus import corpus_path

    path = corpus_path("dev", name)
    require_txt_reader()
    txt = api.read(str(path), "txt")
    lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
    body = "\n".join(f"<p>{escape(line)}</p>" for line in lines)
    page = (f"<html><head><meta charset='utf-8'></head><body>{cms.NAV}<div id='zoom'>{body}</div>"
            f"{cms.FOOTER}</body></html>")
    assert read(page, name).document == txt.document
