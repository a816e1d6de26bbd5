"""rectify's PDF measured with a ruler: GB/T 9704 page, 22 × 28 grid, folios, fonts, determinism."""

from __future__ import annotations

import ctypes
import itertools
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rectify_pdf import page as P
from rectify_pdf.extract import TextLine
from rectify_pdf.reader import read_blocks
from rectify_pdf.typeset import CLOSERS

from rectify_core import api
from rectify_core.errors import InputError, UsageError
from rectify_core.formats import Source
from rectify_core.model import Document, Node
from rectify_core.reading import new_report

from .helpers import pages, read_pdf, seed_document

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed002_pdf() -> bytes:
    return api.write_bytes(seed_document("002"), "pdf")


def _body(data: bytes) -> list[list[TextLine]]:
    """Each page's lines without its folio (the one line below the type area)."""
    return [[line for line in p.lines if line.top < P.TOP + P.TYPE_HEIGHT] for p in pages(data)]


def test_pages_are_a4(seed002_pdf: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(seed002_pdf)
    assert len(pdf) > 10
    for i in range(len(pdf)):
        width, height = pdf.get_page_size(i)
        assert abs(width - P.PAGE_WIDTH) < 0.1 and abs(height - P.PAGE_HEIGHT) < 0.1


def test_text_stays_inside_the_type_area(seed002_pdf: bytes) -> None:
    """Margins 37/35/28/26 mm: nothing but a hanging closing mark passes the right edge."""
    for lines in _body(seed002_pdf):
        for line in lines:
            assert line.left >= P.LEFT - 1
            assert line.top >= P.TOP - 1 and line.bottom <= P.TOP + P.TYPE_HEIGHT + 1
            overhang = line.right - (P.LEFT + P.TYPE_WIDTH)
            assert overhang < 1 or line.text[-1] in CLOSERS


def test_a_full_page_holds_22_lines_and_a_full_line_28_characters(seed002_pdf: bytes) -> None:
    body = _body(seed002_pdf)
    assert max(len(lines) for lines in body) == P.LINES_PER_PAGE
    full = [line for lines in body for line in lines
            if abs(line.left - P.LEFT) < 1 and abs(line.right - (P.LEFT + P.TYPE_WIDTH)) < 1
            and all("\u4e00" <= c <= "\u9fff" or c in "，。、；：“”（）《》" for c in line.text)]
    assert full, "no line of only full-width characters"
    assert Counter(len(line.text) for line in full).most_common(1)[0][0] == P.CHARS_PER_LINE
    # lines sit on the grid: 28.99 pt apart (glyph tops differ by under 0.6 pt between the role faces)
    steps = [b.top - a.top for lines in body for a, b in itertools.pairwise(lines)
             if a.size == b.size == P.SIZE_BODY]
    assert all(abs(step - round(step / P.PITCH) * P.PITCH) < 0.6 for step in steps)
    assert Counter(round(step / P.PITCH) for step in steps).most_common(1)[0][0] == 1


def test_page_numbers_are_dashed_4hao_odd_right_even_left_7mm_below(seed002_pdf: bytes) -> None:
    for p in pages(seed002_pdf):
        folio = p.lines[-1]
        assert folio.text == f"— {p.number} —"
        assert folio.size == P.SIZE_FOLIO
        if p.number % 2:
            assert abs(folio.right - (P.PAGE_WIDTH - P.RIGHT - P.SIZE_FOLIO)) < 1.5
        else:
            assert abs(folio.left - (P.LEFT + P.SIZE_FOLIO)) < 1.5
        dash = folio.glyphs[0]
        dash_line = (dash.top + dash.bottom) / 2 + 0.1 * P.SIZE_FOLIO  # an em dash sits near mid-height
        assert abs(dash_line - (P.TOP + P.TYPE_HEIGHT + P.FOLIO_DROP)) < 1.5 * P.MM


def test_title_is_centred_2hao_and_headings_of_level_1_are_bold(seed002_pdf: bytes) -> None:
    doc = seed_document("002")
    lines = [line for lines in _body(seed002_pdf) for line in lines]
    title = [line for line in lines if line.size == P.SIZE_TITLE]
    assert "".join(line.text for line in title) == doc.title
    for line in title:
        assert abs((line.left + line.right) / 2 - (P.LEFT + P.TYPE_WIDTH / 2)) < 1
        assert line.all_bold
    heads = {line.text for line in lines if line.all_bold and line.size == P.SIZE_BODY}
    for node in doc.body:
        assert node.marker is not None and node.heading is not None
        assert f"{node.marker.text}{node.heading}" in heads
    assert not any(line.first_bold for line in lines if line.text.startswith("整改进展情况"))


def test_fonts_are_embedded_subsets(seed002_pdf: bytes) -> None:
    """One embedded face per GB/T 9704 role, read from the rendered PDF (pypdfium2)."""
    fonts = {font for _text, font, _embedded in _glyph_fonts(seed002_pdf)}
    assert fonts == {"RectifySerifSC-Regular", "RectifyTitleSC-Bold", "RectifySansSC-Bold", "RectifyKaiSC-Regular"}
    assert all(embedded for _text, _font, embedded in _glyph_fonts(seed002_pdf))
    # subsets (a six-letter tag before the name), each with a ToUnicode map so text can be copied
    subsets = re.findall(rb"/BaseFont /[A-Z]{6}\+Rectify", seed002_pdf)
    assert len(subsets) >= 4 and seed002_pdf.count(b"/ToUnicode") >= len(subsets)


def _glyph_fonts(data: bytes) -> list[tuple[str, str, bool]]:
    """(text, font name, embedded) of every text run on every page, as pdfium sees them."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(data)
    out: list[tuple[str, str, bool]] = []
    for page in pdf:
        textpage = page.get_textpage()
        last = None
        for i in range(textpage.count_chars()):
            obj = raw.FPDFText_GetTextObject(textpage.raw, i)
            if not obj:
                continue
            font = raw.FPDFTextObj_GetFont(obj)
            buf = ctypes.create_string_buffer(128)
            raw.FPDFFont_GetBaseFontName(font, buf, 128)
            key = (buf.value.decode(), bool(raw.FPDFFont_GetIsEmbedded(font)))
            char = chr(raw.FPDFText_GetUnicode(textpage.raw, i))
            if last is not None and out[-1][1:] == key and last == obj:
                out[-1] = (out[-1][0] + char, *key)
            else:
                out.append((char, *key))
            last = obj
    return out


def test_each_role_is_set_in_its_face(seed002_pdf: bytes) -> None:
    """GB/T 9704 7.3: title 小标宋-like heavy serif, 一、 headings 黑体 (sans), （一） 楷体, body serif."""
    doc = seed_document("002")
    runs = _glyph_fonts(seed002_pdf)
    by_font: dict[str, str] = {}
    for text, font, _ in runs:
        by_font[font] = by_font.get(font, "") + text
    assert doc.title is not None and doc.title in by_font["RectifyTitleSC-Bold"]
    for node in doc.body:
        assert node.marker is not None and node.heading is not None
        assert f"{node.marker.text}{node.heading}" in by_font["RectifySansSC-Bold"]
        for child in node.children:
            if child.heading is not None and child.marker is not None:
                assert f"{child.marker.text}{child.heading}" in by_font["RectifyKaiSC-Regular"]
    assert any(child.heading for node in doc.body for child in node.children)
    assert "整改" in by_font["RectifySerifSC-Regular"]


def test_output_is_byte_identical_across_processes(seed002_pdf: bytes, tmp_path: Path) -> None:
    """No clock, random id or hash order leaks into the file (reportlab's invariant mode)."""
    script = ("import sys; from rectify_core import api; d = api.read(sys.argv[1], 'txt').document; "
              "sys.stdout.buffer.write(api.write_bytes(d, 'pdf'))")
    from ..corpus import seed

    env = {**os.environ, "PYTHONHASHSEED": "123"}
    out = subprocess.run([sys.executable, "-c", script, str(seed("002"))], capture_output=True, env=env,
                         check=True, cwd=ROOT).stdout
    assert out == seed002_pdf
    assert b"/CreationDate (D:20000101000000+00'00')" in out  # a fixed date, not the clock


def test_a_character_the_font_lacks_is_an_error_naming_it() -> None:
    doc = Document(title="关于巡察整改情况的通报", preamble=("镇党委整改\ue000工作。",))  # private use: no face has it
    with pytest.raises(InputError) as err:
        api.write_bytes(doc, "pdf")
    assert "U+E000" in str(err.value) and "paragraph 2 (preamble)" in str(err.value)


def test_a_character_beyond_the_shipped_subset_comes_from_the_system_serif() -> None:
    doc = Document(title="关于巡察整改情况的通报", preamble=("镇党委整改䶮工作。",))  # U+4DAE: not GB2312
    data = api.write_bytes(doc, "pdf")
    assert ("䶮", "RectifySerifSCExt-Regular", True) in _glyph_fonts(data)


def test_a_font_reportlab_cannot_embed_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-font.ttf"
    bogus.write_bytes(b"this is not a font")
    with pytest.raises(InputError, match="cannot use this font"):
        api.write_bytes(Document(title="通报"), "pdf", options={"font": str(bogus)})


def test_deep_nodes_and_long_latin_words_stay_on_the_page() -> None:
    """A 40-character URL and five levels of headings: still inside the type area, nothing lost."""
    url = "https://www.example.gov.cn/xxgk/zfxxgk/2023/tongbao-0000001.html"
    inner = Node(heading="第五层", paragraphs=(f"详见{url}。",))
    for depth in range(4):
        inner = Node(heading=f"第{4 - depth}层", children=(inner,))
    doc = Document(title="关于巡察整改情况的通报", body=(inner,))
    data = api.write_bytes(doc, "pdf")
    lines = [line for lines in _body(data) for line in lines]
    assert all(line.right <= P.LEFT + P.TYPE_WIDTH + P.SIZE_BODY for line in lines)
    assert any(url in b.text for b in read_blocks(Source(data, "t.pdf"), {}, new_report("t.pdf")))


def _heading_lines(doc: Document) -> set[str]:
    """Lines that announce what follows: heading lines (not run in) and labels standing alone."""
    from rectify_core.typeset.layout import keeps_with_next
    from rectify_core.visible import flatten

    # and a numbered item's first paragraph as short as a heading (two lines)
    return {p.text for p in flatten(doc) if keeps_with_next(p)
            or (p.role == "node" and p.get("marker") and len(p.text) <= 2 * P.CHARS_PER_LINE - 2)}


@pytest.mark.parametrize("number", ["000", "002"])
def test_no_page_ends_on_a_heading_or_label_line(number: str) -> None:
    """Measured on the rendered PDF: the last line of each page's type area is never a heading
    (issue 18: seed 002's 三、今后整改工作打算 and seed 000's （一）… used to end pages)."""
    doc = seed_document(number)
    data = api.write_bytes(doc, "pdf")
    headings = _heading_lines(doc)
    assert len(headings) > 5
    body = _body(data)
    assert len(body) > 1
    for number_, lines in enumerate(body[:-1], start=1):
        last = lines[-1].text
        assert not any(h.endswith(last) for h in headings), f"page {number_} ends on {last!r}"
    # and no page starts with a paragraph's last line alone when the paragraph could give two
    for lines in body:
        assert len(lines) >= 2


def test_keep_with_next_widow_and_orphan_rules_on_a_made_up_page() -> None:
    """The layout on its own (no fonts): a heading that would end a page moves on with its text;
    a three-line paragraph does not leave one line alone on either page."""
    from rectify_core.typeset.layout import typeset
    from rectify_core.visible import Para, Span

    class Square:
        def glyph(self, role: str, ch: str, size: float) -> tuple[str, float, bool]:
            return "F", size, False

    def para(role: str, text: str) -> Para:
        if role == "node":
            return Para("node", (Span("marker", "一、"), Span("heading", text)), 1)
        return Para(role, (Span("text", text),))

    full = "整" * 28
    filler = [para("preamble", full[:10]) for _ in range(21)]
    lines = typeset([*filler, para("node", "标题"), para("preamble", full * 2)], Square())
    heading = next(line for line in lines if line.text.endswith("标题"))
    assert heading.page == 2 and heading.slot == 0
    lines = typeset([*filler, para("preamble", full * 2 + "整")], Square())
    last = [line for line in lines if line.para == 21]
    assert [line.page for line in last] == [2, 2, 2]  # orphan: not one line at the foot of page 1
    lines = typeset([*filler[:20], para("preamble", full * 2 + "整")], Square())
    last = [line for line in lines if line.para == 20]
    assert [line.page for line in last] == [2, 2, 2]  # neither 2 + 1 (widow) nor 1 + 2 (orphan)
    lines = typeset([*filler[:18], para("preamble", full * 4 + "整")], Square())
    last = [line for line in lines if line.para == 18]
    assert [line.page for line in last] == [1, 1, 1, 2, 2]  # widow: two lines go over, not one


def test_the_disclosure_list_is_in_the_properties_and_the_title_is_the_first_line(seed002_pdf: bytes) -> None:
    """Issue 18: the 政务公开 list is metadata (Info dictionary, shown by a reader's properties
    dialog), not printed above the title; it reads back from there; disclosure=cover prints it."""
    from rectify_pdf.properties import read_info

    doc = seed_document("002")
    assert doc.disclosure
    assert read_info(seed002_pdf) == [(f.label, f.value) for f in doc.disclosure]
    first = _body(seed002_pdf)[0][0]
    assert doc.title is not None and doc.title.startswith(first.text)
    assert read_pdf(seed002_pdf).document.disclosure == doc.disclosure
    cover = api.write_bytes(doc, "pdf", options={"disclosure": "cover"})
    assert _body(cover)[0][0].text.startswith("索")
    assert read_pdf(cover).document == read_pdf(seed002_pdf).document
    with pytest.raises(UsageError):
        api.write_bytes(doc, "pdf", options={"disclosure": "page"})
