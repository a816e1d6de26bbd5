"""The same text reads identically whatever encoding and line ending it was saved with."""

from __future__ import annotations

import pytest
from rectify_txt.reader import TxtReader

from rectify_core import api
from rectify_core.errors import InputError
from rectify_core.formats import ReadResult, Source
from rectify_core.reading import read_source
from tests.corpus import seed


def _read(data: bytes) -> ReadResult:
    return read_source(TxtReader(), Source(data, "sample.txt"))


@pytest.fixture(scope="module", params=["000", "002"])
def text(request: pytest.FixtureRequest) -> str:
    return seed(request.param).read_text("utf-8")


@pytest.mark.parametrize(("codec", "reported"), [
    ("gb18030", "gb18030"),
    ("gbk", "gb18030"),  # GBK is a subset of GB18030: read as GB18030
    ("utf-16", "utf-16-le"),  # Python writes a BOM, little-endian on this machine
    ("utf-16-be", None),
    ("utf-8-sig", "utf-8-sig"),
    ("utf-32", "utf-32-le"),
])
def test_encodings_read_identically(text: str, codec: str, reported: str | None) -> None:
    plain = _read(text.encode("utf-8"))
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
        reported = "utf-16-be"
    other = _read(data)
    assert other.document == plain.document
    assert other.findings == plain.findings
    assert other.info["encoding"] == reported
    assert plain.info["encoding"] == "utf-8"


def test_utf16_without_a_bom_is_recognised(text: str) -> None:
    assert _read(text.encode("utf-16-le")).document == _read(text.encode()).document


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_endings_do_not_matter(text: str, newline: str) -> None:
    plain = _read(text.encode())
    other = _read(text.replace("\n", newline).encode())
    assert other.document == plain.document
    assert [f.location for f in other.findings] == [f.location for f in plain.findings]


def test_form_feeds_number_the_pages_of_pdftotext_output() -> None:
    lines = seed("000").read_text("utf-8").split("\n")
    lines[98] = "3\f"  # the page number line ends page 3; the next page starts
    lines[583] = "13\f"
    result = _read("\n".join(lines).encode())
    assert [(r.text, r.location.page if r.location else None) for r in result.removed] == [("3", 1), ("13", 2)]
    assert result.document == _read(seed("000").read_bytes()).document


def test_stray_indentation_and_blank_lines_are_ignored() -> None:
    text = seed("002").read_text("utf-8")
    messy = "\n\n".join("  \t" + line + "   " for line in text.split("\n"))
    assert _read(messy.encode()).document == _read(text.encode()).document


@pytest.mark.parametrize(("data", "message"), [
    (b"\xff\xfe\x00\xd8", "unmapped"),  # a BOM followed by a lone surrogate: U+FFFD and nothing else
    (b"\x81\x30\x81\xff" * 10, "not text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    (b" \n\t\r\n", "no text"),
])
def test_bad_bytes_are_an_input_error_not_a_traceback(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        _read(data)


def test_reader_is_chosen_for_chinese_text_and_not_for_json() -> None:
    reader = TxtReader()
    assert reader.sniff("根据区委统一部署".encode("gb18030"), None) >= 0.5
    assert reader.sniff("根据区委统一部署".encode()[:-1], "a.txt") >= 0.5  # a character cut by the 4 KiB sample
    assert reader.sniff(b'{"schema": "rectify/tongbao"}', None) < 0.3
    assert reader.sniff(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "a.docx") == 0.0
    assert api.read(seed("002").read_bytes(), name="notice").info["encoding"] == "utf-8"


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_writer_encodings_read_back(encoding: str) -> None:
    doc = api.read(seed("002")).document
    data = api.write_bytes(doc, "txt", options={"encoding": encoding, "newline": "\r\n"})
    result = _read(data)
    assert result.document == doc
