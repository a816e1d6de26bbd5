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
from rectify_core.errors import InputError
from rectify_core.formats import Source
from rectify_core.model import Document, Node
from rectify_core.reading import new_report

from .helpers import pages, seed_document

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
    # lines sit on the grid: 28.99 pt apart
    first = body[1]
    steps = {round(b.top - a.top, 1) for a, b in itertools.pairwise(first)}
    assert steps == {round(P.PITCH, 1)}


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
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(seed002_pdf)
    textpage = pdf[0].get_textpage()
    fonts = set()
    for i in range(textpage.count_chars()):
        obj = raw.FPDFText_GetTextObject(textpage.raw, i)
        if obj:
            font = raw.FPDFTextObj_GetFont(obj)
            buf = ctypes.create_string_buffer(128)
            raw.FPDFFont_GetBaseFontName(font, buf, 128)
            fonts.add((buf.value.decode(), raw.FPDFFont_GetIsEmbedded(font)))
    assert fonts == {("RectifySerifSC-Regular", 1)}
    # subsets (a six-letter tag before the name), each with a ToUnicode map so text can be copied
    subsets = re.findall(rb"/BaseFont /[A-Z]{6}\+RectifySerifSC-Regular", seed002_pdf)
    assert len(subsets) >= 2 and seed002_pdf.count(b"/ToUnicode") >= len(subsets)


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
    doc = Document(title="关于巡察整改情况的通报", preamble=("镇党委整改䶮工作。",))
    with pytest.raises(InputError) as err:
        api.write_bytes(doc, "pdf")
    assert "U+4DAE" in str(err.value) and "paragraph 2 (preamble)" in str(err.value)


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
