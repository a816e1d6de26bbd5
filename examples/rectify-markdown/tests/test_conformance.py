"""The conformance kit on the Markdown writer, plus what only Markdown can be asked."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rectify_core.plugin_api import Document
from rectify_core.plugins import get_registry
from rectify_core.testing.suite import FormatConformance

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "shili-zhen.json"


class TestMarkdown(FormatConformance):
    format = "markdown"


def _markdown(doc: Document, **options: object) -> str:
    sink = io.BytesIO()
    get_registry().writer("markdown").write(doc, sink, dict(options))
    return sink.getvalue().decode("utf-8")


def test_the_example_notice_reads_as_markdown():
    doc = Document.from_dict(json.loads(EXAMPLE.read_text("utf-8")))
    text = _markdown(doc)
    assert text.startswith("**索引号**：") and "\n# 中共示例镇委员会关于县委第三轮巡察整改进展情况的通报\n" in text
    assert "\n## 一、" in text and "**整改情况：**" in text
    assert _markdown(doc, heading_offset=1).count("\n## 中共示例镇委员会关于") == 1


def test_markdown_syntax_in_the_text_is_shown_literally():
    doc = Document(title="# 不是标题 *也不是强调*", preamble=("1. 不是列表", "<b>不是标签</b>"))
    text = _markdown(doc)
    assert text.startswith("# # 不是标题 \\*也不是强调\\*\n")  # a heading's own text may start with #
    assert "\n1\\. 不是列表\n" in text and "\\<b\\>不是标签\\</b\\>" in text
