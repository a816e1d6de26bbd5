"""The OFD reader on files the tests write: the fictional 示例镇's notice in the shapes real
producers use, hostile packages, and rectify's own PDF redrawn as OFD (same glyphs, same places)
reading to the same Document as the PDF — the two readers share one lines → paragraphs stage."""

from __future__ import annotations

import io
import zipfile

import pytest
from rectify_pdf.properties import read_info

from rectify_core import api
from rectify_core.errors import InputError, SecurityError

from ..pdf.helpers import pages as pdf_pages
from ..pdf.helpers import seed_document
from .build import Spec, Text, build, from_pages

TITLE = "中共示例镇委员会关于巡察整改进展情况的通报"
BODY = [
    "根据区委统一部署，2026年3月至4月，区委第一巡察组对示例镇党委开展了常规巡察。",
    "一、整改工作总体情况",
    "镇党委坚持把巡察整改作为重要政治任务，逐条研究反馈意见，制定整改方案。",
]


def notice(**kw: object) -> Spec:
    """Title (large, centred), three paragraphs with the usual two-character indent."""
    texts = [Text(38.0, 60.0, TITLE, size=7.8, bold=True)]
    y = 80.0
    for para in BODY:
        texts.append(Text(28.0 + 2 * 5.6, y, para[:24] if len(para) > 24 else para))
        if len(para) > 24:
            y += 10.2
            texts.append(Text(28.0, y, para[24:]))
        y += 10.2
    return Spec([texts], **kw)  # type: ignore[arg-type]


def read(data: bytes, name: str = "n.ofd") -> api.ReadResult:
    return api.read(data, name=name)


def text_of(result: api.ReadResult) -> str:
    return api.write_bytes(result.document, "txt").decode("utf-8")


def test_a_notice_reads_by_content_and_position() -> None:
    result = read(build(notice()), name="no-extension")
    assert result.document.title == TITLE
    shown = text_of(result)
    for para in BODY:
        assert para in shown.replace("\n", "") or para.split("，")[0] in shown
    assert result.info["pages"] == 1


@pytest.mark.parametrize("variant", [
    {"namespace": "http://www.ofdspec.org"},  # the URI without the year (ofdrw's namespace_no_std)
    {"namespace": None},  # no namespace at all
    {"prefix": ""},  # the default namespace, no prefix
    {"prefix": "x"},  # another prefix
    {"wrap": "pageblock"},
    {"wrap": "composite"},
])
def test_producer_variants_read_alike(variant: dict[str, object]) -> None:
    assert read(build(notice(**variant))).document == read(build(notice())).document


def test_g_compression_ctm_and_template_text() -> None:
    scaled = Spec([[Text(28.0, 60.0, "示例镇", size=2.8, deltas="g 2 2.8", ctm="2 0 0 2 0 0")]],
                  template=[Text(28.0, 20.0, "示例镇人民政府文件")])
    result = read(build(scaled))
    assert "示例镇" in text_of(result)
    templates = [(r.text, r.reason) for r in result.removed if r.reason == "page template"]
    assert templates == [("示例镇人民政府文件", "page template")]
    assert "示例镇人民政府文件" not in text_of(result)


def test_text_drawn_off_the_page_is_listed_not_read() -> None:
    spec = notice()
    spec.pages[0].append(Text(28.0, 400.0, "页面之外"))
    result = read(build(spec))
    assert "页面之外" not in text_of(result)
    assert ("页面之外", "outside the page") in [(r.text, r.reason) for r in result.removed]


def test_signatures_are_reported_never_required() -> None:
    result = read(build(notice(signatures=2)))
    assert [s["type"] for s in result.info["signatures"]] == ["Seal", "Seal"]
    assert result.document.title == TITLE


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def test_damaged_and_hostile_packages_are_refused_clearly() -> None:
    with pytest.raises(InputError, match=r"no OFD\.xml"):
        read(_zip({"Doc_0/Document.xml": b"<Document/>"}))
    with pytest.raises(InputError, match="DocRoot"):
        read(_zip({"OFD.xml": b"<OFD><DocBody/></OFD>"}))
    with pytest.raises(InputError, match="does not have"):
        read(_zip({"OFD.xml": b"<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>"}))
    bomb = b'<?xml version="1.0"?><!DOCTYPE OFD [<!ENTITY a "aaaa">]><OFD>&a;</OFD>'
    with pytest.raises(SecurityError):
        read(_zip({"OFD.xml": bomb}))
    with pytest.raises(InputError, match="not well-formed"):
        read(_zip({"OFD.xml": b"<OFD><DocBody>"}))
    bad_delta = notice()
    bad_delta.pages[0][1].deltas = "g x y"
    with pytest.raises(InputError, match="DeltaX"):
        read(build(bad_delta))


def test_nesting_is_capped_by_the_work_budget() -> None:
    spec = notice(wrap="pageblock")
    data = build(spec)
    with pytest.raises(SecurityError, match="max_depth"):
        api.read(data, name="deep.ofd", limits={"max_depth": 3})


def test_rectifys_pdf_redrawn_as_ofd_reads_as_the_pdf_does() -> None:
    """The same glyphs at the same places give the same Document: one lines → paragraphs stage."""
    doc = seed_document("002")
    pdf = api.write_bytes(doc, "pdf")
    # rectify's PDF keeps the 政务公开 list in its Info; rectify's OFD in DocInfo/CustomDatas
    ofd_bytes = from_pages(pdf_pages(pdf), creator="rectify", custom=read_info(pdf))
    from_pdf = api.read(pdf, "pdf", name="s.pdf")
    from_ofd = read(ofd_bytes, "s.ofd")
    assert from_ofd.document == from_pdf.document
    assert [(r.text, r.reason) for r in from_ofd.removed] == [(r.text, r.reason) for r in from_pdf.removed]
