"""Reading PDFs other producers make: furniture, reading order, spaces, paragraphs, scans.

The 'published' fixtures (tests/pdf/fixtures.py) lay the seeds out unlike rectify's writer: other
margins and type sizes, ragged lines broken anywhere, page numbers in every usual form, running
headers.  Reading one must give exactly the Document the seed's text gives, with the furniture
listed as removed, and 100 % of the CJK characters in order.
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from rectify_pdf.reader import PdfReader

from rectify_core import api
from rectify_core.errors import InputError
from rectify_core.model import Document
from rectify_core.vocab.furniture import folio_number

from .fixtures import A4, MM, _pdf, published_pdf, scanned_pdf
from .helpers import blocks_han, pages, read_pdf, seed_document, visible_han

LAYOUTS = {
    "dashes": {"folio": "— {n} —"},
    "hyphens": {"folio": "- {n} -"},
    "bare number": {"folio": "{n}"},
    "di-ye": {"folio": "第{n}页"},
    "di-ye-gong": {"folio": "第 {n} 页 共 {total} 页", "header": "关于巡察整改进展情况的通报"},
    "header after page 1": {"folio": "{n}", "header": "中共某某委员会", "header_on_first": False},
    "GB/T margins, 16 pt": {"size": 16.0, "left": 28 * MM, "right": 26 * MM},
    "small type": {"size": 14.0, "pitch": 24.0},
}


@pytest.mark.parametrize("number", ["000", "002"])
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_published_pdf_reads_as_the_seed_text(number: str, layout: str) -> None:
    doc = seed_document(number)
    data = published_pdf(doc, **LAYOUTS[layout])  # type: ignore[arg-type]
    result = read_pdf(data)
    assert result.document == doc
    assert blocks_han(data) == visible_han(doc)  # 100 % of the ideographs, in order
    count = len(pages(data))
    folios = [r for r in result.removed if r.reason == "page number"]
    assert [r.location.page for r in folios if r.location] == list(range(1, count + 1))
    if "header" in LAYOUTS[layout]:
        headers = [r for r in result.removed if r.reason == "running header"]
        first = 1 if LAYOUTS[layout].get("header_on_first", True) else 2
        assert [r.location.page for r in headers if r.location] == list(range(first, count + 1))


@pytest.mark.parametrize(("text", "number"), [
    ("— 3 —", 3), ("- 3 -", 3), ("－3－", 3), ("3", 3), ("第3页", 3), ("第 12 页 共 17 页", 12),
    ("3/17", 3), ("Page 3 of 17", 3)])
def test_page_number_forms(text: str, number: int) -> None:
    folio = folio_number(text)
    assert folio is not None and folio[0] == number


@pytest.mark.parametrize("text", ["2023", "第三部分", "— 完 —", "3.1", "0", "（3）"])
def test_what_is_not_a_page_number(text: str) -> None:
    folio = folio_number(text)
    assert folio is None or (text == "2023" and folio[1] is False)  # a bare number needs a sequence


def _draw(draw: object) -> bytes:
    from rectify_pdf.fonts import DEFAULT_FONT
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    if "FixtureSerif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("FixtureSerif", str(DEFAULT_FONT)))
    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    draw(canvas)  # type: ignore[operator]
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def test_quotes_drawn_last_in_another_font_come_back_in_place_without_spaces() -> None:
    """LibreOffice draws curly quotes as a separate DejaVu run at the end of the line: stream order
    would give 开展“回头看”工作 as 开展回头看工作“” with spaces; positions give it right."""
    text = "镇党委开展巡察整改“回头看”工作，成效明显。"

    def draw(canvas: object) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        c = canvas
        x, y = 100.0, 700.0
        quotes = []
        c.setFont("FixtureSerif", 16)  # type: ignore[attr-defined]
        for ch in text:  # the CJK run first, leaving each quote's own (narrow) width free
            if ch in "“”":
                quotes.append((x, ch))
                x += stringWidth(ch, "Helvetica", 16)
            else:
                c.drawString(x, y, ch)  # type: ignore[attr-defined]
                x += 16
        c.setFont("Helvetica", 16)  # type: ignore[attr-defined]
        for qx, ch in quotes:  # then the quotes, in another font, at the end of the stream
            c.drawString(qx, y, ch)  # type: ignore[attr-defined]

    data = _draw(draw)
    lines = [line.text for p in pages(data) for line in p.lines]
    assert lines == [text]


def test_text_drawn_twice_for_a_fake_bold_is_read_once() -> None:
    def draw(canvas: object) -> None:
        c = canvas
        c.setFont("FixtureSerif", 16)  # type: ignore[attr-defined]
        for dx in (0.0, 0.3):
            c.drawString(100 + dx, 700, "一、整改工作开展情况")  # type: ignore[attr-defined]

    [line] = [line for p in pages(_draw(draw)) for line in p.lines]
    assert line.text == "一、整改工作开展情况"


def test_justified_cjk_gets_no_spaces_and_wide_gaps_between_words_do() -> None:
    def draw(canvas: object) -> None:
        c = canvas
        c.setFont("FixtureSerif", 16)  # type: ignore[attr-defined]
        for i, ch in enumerate("整改台账逐项销号"):  # 2 pt of justification between every character
            c.drawString(100 + 18 * i, 700, ch)  # type: ignore[attr-defined]
        c.drawString(100, 660, "2023")  # type: ignore[attr-defined]
        c.drawString(100 + c.stringWidth("2023", "FixtureSerif", 16) + 3, 660, "年")  # type: ignore[attr-defined]
        c.drawString(100, 620, "Page")  # type: ignore[attr-defined]
        c.drawString(100 + c.stringWidth("Page", "FixtureSerif", 16) + 4, 620, "3")  # type: ignore[attr-defined]

    texts = [line.text for p in pages(_draw(draw)) for line in p.lines]
    # 3 pt between 2023 and 年 is the automatic CJK/Latin spacing of Word and LibreOffice, not a space
    assert texts == ["整改台账逐项销号", "2023年", "Page 3"]


def test_an_image_only_pdf_is_refused_as_a_scan() -> None:
    # issue 15 reads scans with OCR when the ocr extra is installed; this page is blank paper, so
    # either way it is refused as a scan: "no OCR engine is installed" or "OCR found no text in it"
    with pytest.raises(InputError, match=r"only images: it is a scan, and (no OCR engine|OCR found no text)"):
        read_pdf(scanned_pdf())


def test_a_scanned_page_among_text_pages_is_a_warning() -> None:
    doc = seed_document("000")
    text = published_pdf(doc)
    import pypdfium2 as pdfium

    merged = pdfium.PdfDocument(text)
    merged.import_pages(pdfium.PdfDocument(scanned_pdf()))
    buf = io.BytesIO()
    merged.save(buf)
    result = read_pdf(buf.getvalue())
    assert result.document == doc
    [warning] = [f for f in result.findings if f.rule == "pdf.scanned-page"]
    assert warning.severity == "warning" and warning.location is not None
    assert warning.location.page == len(merged)


def test_a_pdf_without_any_text_is_an_error() -> None:
    blank = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                  b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"])
    with pytest.raises(InputError, match="no text"):
        read_pdf(blank)


def test_sniffing_and_not_a_pdf() -> None:
    reader = PdfReader()
    assert reader.sniff(b"%PDF-1.7\n", "x.bin") == 1.0
    assert reader.sniff(b"PK\x03\x04", "x.pdf") == 0.0
    with pytest.raises(InputError, match="not a PDF"):
        api.read(b"<html>not a pdf</html>", "pdf")


def test_a_pdf_of_page_numbers_only_is_refused_naming_the_furniture() -> None:
    """Nothing but "— 1 —": no notice to read, and the message says what was there (issue 11)."""
    with pytest.raises(InputError, match=r"no text to read: the file shows only page furniture \(1 page number"):
        read_pdf(api.write_bytes(Document(), "pdf"))


def test_findings_and_removed_text_say_page_and_line() -> None:
    result = read_pdf(published_pdf(seed_document("002"), folio="- {n} -"))
    folio = result.removed[0]
    assert folio.location is not None and folio.location.page == 1 and folio.location.line is not None
    assert "t.pdf" in str(folio.location)


def test_importing_the_plugin_loads_neither_pdfium_nor_reportlab() -> None:
    """`rectify --help` stays fast: the heavy libraries load only when a PDF is read or written."""
    code = ("import sys, rectify_pdf, rectify_pdf.reader, rectify_pdf.writer; "
            "print(sorted(m for m in ('pypdfium2', 'reportlab') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def _dev_files() -> list[str]:
    from ..corpus import corpus_root

    folder = corpus_root() / "dev"
    return sorted(p.name for p in folder.glob("*.txt")) if folder.is_dir() else ["(no dev corpus)"]


@pytest.mark.parametrize("name", _dev_files())
def test_dev_corpus_notices_read_back_from_their_pdfs(name: str) -> None:
    """Every dev notice, through rectify's PDF and a published-style PDF: what its text gives
    (visible formats complete verbatim forms: expected_visible), every ideograph in order."""
    from rectify_core.visible import expected_visible

    from ..corpus import corpus_path

    doc = api.read(corpus_path("dev", name), "txt").document
    for data in (api.write_bytes(doc, "pdf"), published_pdf(doc, folio="- {n} -")):
        assert read_pdf(data).document == expected_visible(doc)
        assert blocks_han(data) == visible_han(doc)
