"""Hostile and broken pages end in a clear InputError or SecurityError naming the file, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rectify_html import parse

from rectify_core.errors import InputError, RectifyError, SecurityError
from rectify_core.model import Document
from rectify_core.schema import validate_dict

from .pages import all_text, read

PAGE = '<!DOCTYPE html><html><head><meta charset="{charset}"><title>t</title></head><body><p>{body}</p></body></html>'


def test_huge_page_is_refused_before_parsing():
    with pytest.raises(InputError, match="limit is 32 MiB") as err:
        read(b"<p>" + b"x" * parse.MAX_BYTES, "huge.html")
    assert err.value.file == "huge.html"


def test_deep_nesting_is_refused():
    data = "<html><body>" + "<div>" * 5000 + "深" + "</div>" * 5000 + "</body></html>"
    with pytest.raises(SecurityError, match="nested deeper than 255") as err:
        read(data, "deep.html")
    assert err.value.exit_code == 3 and err.value.file == "deep.html"


def test_nesting_just_under_the_limit_reads():
    data = "<html><body>" + "<div>" * 200 + "<p>一、整改情况</p>" + "</div>" * 200 + "</body></html>"
    assert read(data).document is not None


def test_too_many_elements_is_refused(monkeypatch):
    monkeypatch.setattr(parse, "MAX_ELEMENTS", 1000)
    with pytest.raises(SecurityError, match="more than 1000 elements"):
        read("<html><body>" + "<b>x</b>" * 1001 + "</body></html>")


def test_entity_declarations_are_refused():
    bomb = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            "<html><body><p>&b;&b;&b;</p></body></html>")
    with pytest.raises(SecurityError, match="declares entities"):
        read(bomb, "bomb.html")


def test_character_references_are_text_and_controls_are_dropped():
    result = read(PAGE.format(charset="utf-8", body="&lt;script&gt; &amp; &nbsp;&#x4E2D;&#1;文"))
    text = all_text(result.document)
    assert "<script> &" in text and "中文" in text and "\x01" not in text
    assert "html.control-characters" in [f.rule for f in result.findings]


def test_invalid_bytes_for_the_declared_encoding():
    data = PAGE.format(charset="utf-8", body="整改").encode("utf-8").replace("整".encode(), b"\xff\xfe\x41")
    with pytest.raises(InputError, match=r"not valid utf-8 \(declared in <meta charset=utf-8>\)") as err:
        read(data, "broken.html")
    assert err.value.location is not None and err.value.location.startswith("byte ")


def test_unknown_declared_encoding():
    with pytest.raises(InputError, match="unknown character encoding 'x-klingon'"):
        read(PAGE.format(charset="x-klingon", body="整改").encode("ascii", "ignore"))


def test_undeclared_gb18030_is_detected():
    data = PAGE.replace('<meta charset="{charset}">', "").format(body="巡察整改进展情况").encode("gb18030")
    result = read(data)
    assert result.info["encoding"] == "gb18030"
    assert "巡察整改进展情况" in all_text(result.document)


def test_undeclared_bytes_valid_in_no_encoding():
    data = PAGE.replace('<meta charset="{charset}">', "").format(body="x").encode() + b"\x81\x20\xff"
    with pytest.raises(InputError, match="neither UTF-8, GB18030 nor a declared charset"):
        read(data)


@pytest.mark.parametrize("data", [b"", b"   \n", b"\xef\xbb\xbf"])
def test_empty_pages(data):
    with pytest.raises(InputError, match="empty"):
        read(data, "empty.html")


def test_nul_bytes_do_not_truncate():
    result = read(PAGE.format(charset="utf-8", body="前\x00后"))
    assert "前" in all_text(result.document) and "后" in all_text(result.document)


def test_no_network_access_for_external_references(monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    data = ('<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd"><html><head>'
            '<link rel="stylesheet" href="http://example.invalid/a.css"><base href="http://example.invalid/">'
            '</head><body><img src="http://example.invalid/i.png"><iframe src="http://example.invalid/"></iframe>'
            "<p>一、整改情况</p></body></html>")
    assert read(data).document is not None


FRAGMENTS = ["<div>", "</div>", "<p>", "</p>", "<table><tr><td>", "</td></tr></table>", "<br>", "<h1>", "</h1>",
             "<span style='display:none'>", "</span>", "<a href='#'>", "</a>", "<ul><li>", "</li></ul>", "<script>",
             "</script>", "索引号：", "发布机构:", "一、", "（一）", "1.", "(1)", "整改情况：", "（已完成整改）",
             "当前位置：首页 > ", "字号：大 中 小", "【打印】", "&amp;", "&#0;", "&#x110000;", "<!--", "-->",
             "<![CDATA[", "<meta charset='gbk'>", "\x00", "\u3000", "巡察", "通报"]


@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40))
def test_any_markup_reads_or_fails_cleanly(parts):
    """Arbitrary tag soup: a Document, or a RectifyError with the file name — never another exception."""
    data = "".join(parts).encode("utf-8", "surrogatepass")
    try:
        result = read(data, "soup.html")
    except RectifyError as exc:
        assert exc.file == "soup.html"
    else:
        Document.from_dict(result.document.to_dict())  # a well-formed model
        assert validate_dict(result.document.to_dict()) == []
