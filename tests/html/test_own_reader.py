"""Reading our own pages back: from the visible elements and their classes, nothing hidden."""

from __future__ import annotations

import json
from pathlib import Path

from rectify_core.model import Document
from rectify_core.visible import flatten

from .pages import read, write

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = Document.from_dict(json.loads((ROOT / "examples" / "shili-zhen.json").read_text("utf-8")))


def test_example_reads_back_with_its_structure():
    result = read(write(EXAMPLE))
    assert result.info["origin"] == "rectify"
    assert result.removed == [] and result.findings == []
    back = result.document
    assert flatten(back) == flatten(EXAMPLE)
    assert [n.marker.text for n in back.body if n.marker] == ["一、", "二、", "三、"]
    assert len(back.problems()) == 6
    assert [p.problem.status.category for p in back.problems() if p.problem and p.problem.status] == \
           [p.problem.status.category for p in EXAMPLE.problems() if p.problem and p.problem.status]


def test_no_hidden_copy_of_the_model_in_the_page():
    data = write(EXAMPLE).decode("utf-8")
    assert "application/json" not in data and "data-" not in data and "<template" not in data
    assert "rectify/tongbao" not in data and 'type="hidden"' not in data


def test_status_comes_from_its_words_not_its_styling_class():
    data = write(EXAMPLE).decode("utf-8")
    edited = data.replace("（长期任务取得阶段性成效并长期坚持）</span>", "（已完成整改）</span>", 1)
    assert 'status status-long_term">（已完成整改）' in edited  # the class still says long_term
    statuses = [p.problem.status for p in read(edited).document.problems() if p.problem]
    assert [s.text for s in statuses if s].count("（长期任务取得阶段性成效并长期坚持）") == 0
    assert statuses[1] is not None and statuses[1].category == "completed"


def test_text_an_editor_added_is_kept_as_a_paragraph():
    data = write(EXAMPLE).decode("utf-8")
    edited = data.replace('<p class="paragraph">镇党委把巡察整改',
                          '<p>编辑补充的一段说明。</p><p class="paragraph">镇党委把巡察整改', 1)
    result = read(edited)
    first = result.document.body[0]
    assert first.paragraphs[0] == "编辑补充的一段说明。"
    assert [f.rule for f in result.findings] == ["html.unmarked-text"]


def test_an_edited_sentence_reads_as_edited():
    data = write(EXAMPLE).decode("utf-8").replace("整改工作开展情况", "整改工作总体情况")
    assert read(data).document.body[0].heading == "整改工作总体情况"


def test_text_around_our_article_is_recorded_as_removed():
    data = write(EXAMPLE).decode("utf-8").replace(
        "<main>", '<nav>当前位置：首页 &gt; 党务公开</nav><main>').replace(
        "</main>", "</main><div>版权所有：示例镇人民政府</div>")
    result = read(data)
    assert [(r.text, r.reason) for r in result.removed] == [
        ("当前位置：首页 > 党务公开", "outside the rectify article (site wrapper)"),
        ("版权所有：示例镇人民政府", "outside the rectify article (site wrapper)"),
    ]
    assert flatten(result.document) == flatten(EXAMPLE)


def test_page_saved_as_gbk_reads_the_same():
    data = write(EXAMPLE).decode("utf-8").replace('<meta charset="utf-8">', '<meta charset="gbk">')
    result = read(data.encode("gbk"))
    assert result.info["encoding"] == "gb18030"
    assert flatten(result.document) == flatten(EXAMPLE)


def test_page_saved_as_utf16_reads_the_same():
    data = write(EXAMPLE).decode("utf-8")
    result = read(data.encode("utf-16"))  # with a byte-order mark
    assert flatten(result.document) == flatten(EXAMPLE)


def test_page_body_pasted_into_a_cms_template_still_reads_losslessly():
    """A CMS keeps our article but drops our <head> (and its generator meta)."""
    data = write(EXAMPLE).decode("utf-8")
    body = data[data.index("<main>"):data.index("</main>") + len("</main>")]
    page = ("<html><head><title>某某镇人民政府</title></head><body><div class='nav'><a href='/'>首页</a></div>"
            f"{body}<div class='footer'>网站标识码：0000000000</div></body></html>")
    result = read(page)
    assert result.info["origin"] == "rectify"
    assert result.document == read(data).document
    assert [r.text for r in result.removed] == ["首页", "网站标识码：0000000000"]
