"""Empty or garbled results are errors or findings, never silent (issue 11 item 6).

The measure (rectify_core/plausibility.py) is one function the core runs on every read of a visible
format; these tests drive it through real reads of files made here: a PDF whose ToUnicode map is
shifted (what made the corpus' GM/T 0031 standard read as 犐犆犛３５．０４０), a PDF whose fonts map
to glyph-index ASCII, an HTML page whose text is SVG glyphs, and clean controls.
"""

from __future__ import annotations

import re

import pytest

from rectify_core import api
from rectify_core.errors import InputError
from rectify_core.plausibility import measure
from rectify_core.visible import flatten

from ..pdf.cmap_fixtures import tounicode_pdf

NOTICE = api.read_document("examples/shili-zhen.json")
LINES = [p.text for p in flatten(NOTICE)][6:30]


def _shifted(c: str) -> str:
    """ASCII moved into the ideographs by a constant, ideographs scattered over the whole block —
    a font whose codes are not what its ToUnicode map says."""
    if c.isascii():
        return chr(ord(c) + 0x7287)
    if "\u4e00" <= c <= "\u9fff":
        return chr(0x4E00 + (ord(c) * 7919) % 0x51A0)
    return c


def _rules(result: api.ReadResult) -> dict[str, str]:
    return {f.rule: f.message_en for f in result.findings if f.rule.startswith("read.")}


def test_a_clean_pdf_text_layer_raises_no_reading_finding() -> None:
    assert _rules(api.read(tounicode_pdf(LINES), "pdf")) == {}


def test_a_shifted_character_map_is_reported_with_its_share() -> None:
    result = api.read(tounicode_pdf(LINES, unicode_of=_shifted), "pdf")
    message = _rules(result)["read.implausible-text"]
    share = int(re.search(r"\((\d+)%\) are rare", message).group(1))  # type: ignore[union-attr]
    assert share >= 50


def test_glyph_index_garbage_in_ascii_symbols_is_reported() -> None:
    symbols = "!\"#$%&'()*+,-./0123456789:;<=>?@"

    def glyph_index(c: str) -> str:
        return symbols[ord(c) % len(symbols)] if not c.isascii() else c

    result = api.read(tounicode_pdf(LINES, unicode_of=glyph_index), "pdf")
    assert "runs of ASCII symbols" in _rules(result)["read.implausible-text"]


def test_a_page_whose_text_is_svg_glyphs_is_refused_naming_that() -> None:
    glyphs = "".join(f'<text x="{20 * i}" y="40">{c}</text>' for i, c in enumerate(LINES[0]))
    page = f"<!DOCTYPE html><html><body><div><svg xmlns='http://www.w3.org/2000/svg'>{glyphs}</svg></div></body></html>"
    with pytest.raises(InputError, match="SVG <text> glyphs"):
        api.read(page.encode(), "html")


def test_an_empty_word_document_is_refused() -> None:
    import io

    from docx import Document as WordDocument

    buf = io.BytesIO()
    WordDocument().save(buf)
    with pytest.raises(InputError, match="no text to read"):
        api.read(buf.getvalue(), "docx")


@pytest.mark.parametrize(("text", "doubtful"), [
    ("中共示例镇委员会关于巡察整改进展情况的通报。村务公开不及时，已整改到位。" * 3, False),
    ("東京都の規則に基づき、市町村は毎年度計画を作成しなければならない。" * 3, False),  # Japanese
    ("貫徹落實中央八項規定精神，堅決糾治形式主義官僚主義問題。" * 3, False),  # traditional
    ("Rectification of the problems the inspection group fed back, item by item." * 2, False),
    ("犐犆犛３５．０４０犌犕／犜００３１—２０１４犛犲犮狌狉犲犲犾犲犮狋狉狅狀犻犮狊犲犪犾", True),
    ("!\"#$%&'()*+,-./0 123456+,789: ;<=>*?+,@AB ()*+,-./0 !\"#$%&'()*+,", True),
])
def test_measure(text: str, doubtful: bool) -> None:
    assert measure(text).doubtful is doubtful


def test_unmapped_characters_are_counted() -> None:
    quality = measure("村民\ufffd反映\ue000的问题\x01")
    assert quality.unmapped == 3 and quality.characters == 10


def test_a_scan_whose_image_sits_in_a_form_xobject_is_named_a_scan() -> None:
    """OCR tools and scanners wrap the page image in a form XObject; it is still a scan."""
    import io

    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    pixels = io.BytesIO()
    _png(pixels)
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(595, 842))
    canvas.beginForm("scan")
    canvas.drawImage(ImageReader(io.BytesIO(pixels.getvalue())), 0, 0, 595, 842)
    canvas.endForm()
    canvas.doForm("scan")
    canvas.showPage()
    canvas.save()
    with pytest.raises(InputError, match="only images: it is a scan"):  # the wording of issue 15 (OCR)
        api.read(buf.getvalue(), "pdf")


def _png(sink: object) -> None:
    """A 2 × 2 grey PNG written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\x80\x80" for _ in range(2))
    sink.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))  # type: ignore[attr-defined]
               + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_the_basic_ideographs_are_judged_as_by_their_unicode_names():
    """_kind takes U+4E00–U+9FFF as CJK unified ideographs without asking unicodedata: true of every
    one of them, and the common/rare split is the one the codecs give."""
    import unicodedata

    from rectify_core.plausibility import _common_han, _kind

    for code in range(0x4E00, 0xA000):
        ch = chr(code)
        assert unicodedata.category(ch) == "Lo" and unicodedata.name(ch).startswith("CJK UNIFIED IDEOGRAPH")
        assert _kind(ch) == (0 if _common_han(ch) else 2)
    assert _kind("示") == 0 and _kind("\u9fa5") == 2
