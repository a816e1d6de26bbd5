"""Detection sees encodings, and never reads markup or JSON as a notice's text (issue 11 item 5).

Fixtures are our own outputs of the fictional 示例镇 notice, re-encoded: UTF-16 with and without a
byte-order mark; and files whose name says one format while the content is another.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rectify_core import api
from rectify_core.errors import InputError, RectifyError
from rectify_core.plugins import get_registry
from rectify_core.sniffing import head_text, structured_kind

NOTICE = api.read_document("examples/shili-zhen.json")
TITLE = "中共示例镇委员会关于县委第三轮巡察整改进展情况的通报"


def _reader_for(data: bytes, name: str) -> str | None:
    reader = get_registry().reader_for(data[:4096], name)
    return reader.name if reader else None


@pytest.mark.parametrize("bom", [True, False])
@pytest.mark.parametrize(("fmt", "codec"), [("html", "utf-16-le"), ("html", "utf-16-be"), ("xml", "utf-16-le"),
                                            ("json", "utf-16-le")])
def test_utf16_files_sniff_as_their_format_not_as_text(fmt: str, codec: str, bom: bool) -> None:
    text = api.write_bytes(NOTICE, fmt).decode("utf-8")
    data = (("\ufeff" if bom else "") + text).encode(codec)
    assert head_text(data[:4096]).startswith(text.lstrip()[:20])
    assert _reader_for(data, "notice") == fmt
    assert get_registry().readers["txt"].sniff(data[:4096], "notice") == 0.0


@pytest.mark.parametrize("bom", [True, False])
def test_a_utf16_html_page_reads_as_the_notice(bom: bool) -> None:
    text = api.write_bytes(NOTICE, "html").decode("utf-8")
    data = (("\ufeff" if bom else "") + text).encode("utf-16-le")
    assert api.read(data, name="notice.html").document.title == TITLE


@pytest.mark.parametrize(("fmt", "codec"), [("xml", "utf-16-le"), ("json", "utf-16-be")])
def test_utf16_xml_and_json_are_clear_errors_not_text(fmt: str, codec: str) -> None:
    data = ("\ufeff" + api.write_bytes(NOTICE, fmt).decode("utf-8")).encode(codec)
    with pytest.raises(InputError, match="UTF-8"):
        api.read(data, name=f"notice.{fmt}")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("other.xml", "<root><a>中共示例镇委员会关于巡察整改进展情况的通报</a></root>", "not a tongbao XML"),
    ("other.json", '{"a": "中共示例镇委员会关于巡察整改进展情况的通报"}', "not a rectify document"),
    ("list.json", '["中共示例镇委员会关于巡察整改进展情况的通报"]', "JSON object"),
    ("notice.txt", '{"title": "中共示例镇委员会关于巡察整改进展情况的通报"}', "named .txt but its content is not txt"),
])
def test_markup_or_json_that_is_not_ours_is_an_error_never_text(name: str, content: str, message: str,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RectifyError, match=message) as raised:
        api.read(path)
    assert raised.value.exit_code == 2


@pytest.mark.parametrize("fmt", ["pdf", "json", "html", "docx"])
def test_a_file_named_for_a_format_its_content_fails_says_so(fmt: str, tmp_path: Path) -> None:
    path = tmp_path / f"notice.{fmt}"
    path.write_bytes(api.write_bytes(NOTICE, "txt"))
    with pytest.raises(InputError, match=rf"named \.{fmt} but its content is not {fmt}"):
        api.read(path)


def test_sure_content_still_wins_over_the_name(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_bytes(api.write_bytes(NOTICE, "html"))
    assert api.read(path).info["origin"] == "rectify"


@pytest.mark.parametrize(("head", "kind"), [
    ("<!DOCTYPE html>", "markup"), ("<?xml version='1.0'?>", "markup"), ("<root/>", "markup"),
    ("<!-- c -->", "markup"), ('{"a": 1}', "json"), ("[1]", "json"),
    ("<（一）标题>", None), ("中共示例镇", None), ("<3 个问题", None),
])
def test_structured_kind(head: str, kind: str | None) -> None:
    assert structured_kind(head) == kind


@pytest.mark.parametrize("fmt", ["html", "xml", "json"])
def test_even_named_as_text_markup_and_json_are_not_read_as_text(fmt: str) -> None:
    data = ("\ufeff" + api.write_bytes(NOTICE, fmt).decode("utf-8")).encode("utf-16-le")
    with pytest.raises(InputError, match="not plain text"):
        api.read(data, "txt")
