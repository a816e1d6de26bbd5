"""Characters beyond the BMP (Extension B and later ideographs in place and person names) come back
as single code points from every reader, and a broken one is U+FFFD with a finding — never a crash.

Every format is written by our writers and read back; PDF through a file whose ToUnicode map yields
the characters (tests/pdf/cmap_fixtures.py: no font on the machine draws them, and the text layer
is what a reader sees).  Before issue 11 the PDF path built text one UTF-16 unit at a time and died
with ``UnicodeEncodeError: surrogates not allowed`` (exit 70).
"""

from __future__ import annotations

import pytest

from rectify_core import api
from rectify_core.model import SCHEMA_VERSION, Document
from rectify_core.plugins import get_registry
from rectify_core.visible import flatten

from ..pdf.cmap_fixtures import tounicode_pdf

RARE = "𠀀𪚥𰻞"  # U+20000 (Ext B), U+2A6A5 (Ext B), U+30EDE (Ext G)

NOTICE = Document.from_dict({
    "schema": "rectify/tongbao", "version": SCHEMA_VERSION,
    "title": "中共示例镇委员会关于巡察整改进展情况的通报",
    "preamble": ["𠀀家村、𪚥水村村民反映的问题，由𰻞记面馆旁的村委会办理。"],
    "body": [{"marker": {"style": "chinese", "value": 1}, "heading": "巡察反馈问题整改情况",
              "children": [{"marker": {"style": "arabic_paren", "value": 1},
                            "problem": {"finding": ["𠀀家村村务公开不及时。"],
                                        "rectification": {"label": "整改情况",
                                                          "paragraphs": ["已规范公开栏，由王𪚥负责。"]},
                                        "status": {"category": "completed"}}}]}],
    "signature": {"issuer": "中共示例镇委员会", "date": {"iso": "2026-06-18"}},
})


def _shown(doc: Document) -> str:
    return "\n".join(p.text for p in flatten(doc))


@pytest.mark.parametrize("fmt", ["txt", "json", "xml", "docx", "html"])
def test_written_and_read_back_with_every_rare_character_whole(fmt: str) -> None:
    result = api.read(api.write_bytes(NOTICE, fmt), fmt)
    assert result.document == get_registry().writer(fmt).expected(NOTICE)
    text = _shown(result.document)
    assert all(c in text for c in RARE)
    assert not any("\ud800" <= c <= "\udfff" for c in text)
    assert not [f for f in result.findings if f.rule.startswith("read.")]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "gb18030", "utf-8"])
def test_plain_text_in_every_encoding_keeps_them(encoding: str) -> None:
    text = api.write_bytes(NOTICE, "txt").decode("utf-8")
    bom = "\ufeff" if encoding.startswith("utf-16") else ""
    doc = api.read((bom + text).encode(encoding), "txt").document
    assert doc == api.read(text.encode("utf-8"), "txt").document


def test_pdf_text_layer_with_surrogate_pairs_reads_as_code_points() -> None:
    lines = [p.text for p in flatten(get_registry().writer("pdf").expected(NOTICE))]
    result = api.read(tounicode_pdf(lines), "pdf")
    text = _shown(result.document)
    for ch in RARE:
        assert ch in text
    assert "𠀀家村村务公开不及时。" in text
    assert not any("\ud800" <= c <= "\udfff" for c in text)
    assert not [f for f in result.findings if f.rule.startswith("read.")]


def test_a_lone_surrogate_in_a_pdf_is_replaced_and_reported() -> None:
    lines = ["中共示例镇委员会关于巡察整改进展情况的通报", "村民甲反映的问题已整改到位。"]
    data = tounicode_pdf(lines, unicode_of=lambda c: "\ud840" if c == "甲" else c)
    result = api.read(data, "pdf")
    assert "村民\ufffd反映" in _shown(result.document)
    [finding] = [f for f in result.findings if f.rule == "read.unmapped-characters"]
    assert "1 characters" in finding.message_en


def test_a_lone_surrogate_in_utf16_text_is_replaced_and_reported() -> None:
    text = "中共示例镇委员会关于巡察整改进展情况的通报\n\n村民\ud840反映的问题已整改到位。\n"
    data = b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")
    result = api.read(data, "txt")
    assert "村民\ufffd反映" in _shown(result.document)
    assert [f.rule for f in result.findings if f.rule.startswith("read.")] == ["read.unmapped-characters"]


def test_html_character_references_beyond_the_bmp_and_a_lone_surrogate() -> None:
    page = ("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
            "<h1>中共示例镇委员会关于巡察整改进展情况的通报</h1>"
            "<p>&#x20000;家村村民反映&#xD840;的问题已整改。</p></body></html>")
    result = api.read(page.encode(), "html")
    assert "𠀀家村村民反映\ufffd的问题已整改。" in _shown(result.document)
    assert "read.unmapped-characters" in [f.rule for f in result.findings]
