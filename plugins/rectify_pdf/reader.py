"""Read a 通报 from a PDF: what a person sees on the pages, rebuilt into paragraphs, then recognised.

Steps: refuse hostile files (``guard``); glyphs → lines by position (``extract``); page numbers and
running headers/footers out, recorded as removed (``furniture``); table rows split into cells
(``tables``); lines → paragraphs by indentation and line length (``paragraphs``); paragraphs →
recognizer Blocks with layout hints (size, bold, alignment, indent, page).  A PDF without a text
layer (a scan) is refused with a clear message: OCR is out of scope.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rectify_core.errors import InputError
from rectify_core.findings import Finding, Location
from rectify_core.formats import Reader, ReadResult, Removed, Source

if TYPE_CHECKING:
    from rectify_core.recognize.blocks import Block

    from .extract import PageText
    from .paragraphs import Frame, Paragraph


class PdfReader(Reader):
    name = "pdf"
    max_bytes = 64 * 2**20
    limits = {"max_pages": 500, "max_inflated": 128 * 2**20}  # noqa: RUF012 (a class-level declaration, never mutated)
    isolate = True  # pdfium cannot be interrupted inside a call
    extensions = ("pdf",)
    media_types = ("application/pdf",)
    description = "PDF with a text layer (Word, WPS, LibreOffice, rectify); scans need OCR first"

    def sniff(self, head: bytes, filename: str | None) -> float:
        return 1.0 if b"%PDF-" in head[:1024] else 0.0

    def read(self, source: Source, options: dict[str, Any]) -> ReadResult:
        from rectify_core.recognize import recognize
        from rectify_core.recognize.furniture import SEPARATOR

        text = read_text(source, options)
        result = recognize(text.blocks, source=source.name)
        # a colon that stands for a table's cell border was never in the PDF: not "removed" either
        kept = [r for r in result.removed if not (
            r.reason == SEPARATOR and r.location is not None and (r.location.page, r.location.line) in text.bordered)]
        result.removed = text.removed + kept
        result.findings = text.findings + list(result.findings)
        result.info.setdefault("pages", text.pages)
        return result


@dataclass
class PdfText:
    """What the PDF shows, ready for the recognizer."""

    blocks: list[Block] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    pages: int = 0
    bordered: set[tuple[int | None, int | None]] = field(default_factory=set)  # rows given a "："


def read_text(source: Source, options: dict[str, Any]) -> PdfText:
    """The PDF's paragraphs as recognizer blocks, the furniture taken out, and page-level findings."""
    from rectify_core.recognize.blocks import Block

    from .extract import extract
    from .furniture import find_furniture
    from .guard import Limits, preflight
    from .paragraphs import build_paragraphs, measure_frame
    from .tables import find_rows, row_texts

    limits = Limits.from_options(options)
    preflight(source.data, source.name, limits)
    pages = extract(source.data, source.name, limits)
    out = PdfText(pages=len(pages), findings=_check_text_layer(pages, source.name))

    furniture = find_furniture(pages)
    gone = {id(f.line) for f in furniture}
    out.removed = [Removed(f.line.text.strip(), f.reason, Location(file=source.name, page=f.line.page,
                                                                   line=f.line.index)) for f in furniture]
    lines = [line for page in pages for line in page.lines if id(line) not in gone]
    if not lines:
        return out  # nothing but page numbers: an empty document, its furniture listed as removed
    frame = measure_frame(lines, (pages[0].width, pages[0].height))
    rows = find_rows(lines)
    pending: list[Any] = []

    def flush() -> None:
        out.blocks.extend(_block(para, frame) for para in build_paragraphs(pending, frame))
        pending.clear()

    for line in lines:
        if id(line) in rows.continued:
            continue  # already part of the cell it continues
        cells = rows.rows.get(id(line))
        if cells is None:
            pending.append(line)
            continue
        flush()
        texts, bordered = row_texts(cells)
        if bordered:
            out.bordered.add((line.page, line.index))
        out.blocks.extend(Block(text=t, page=line.page, line=line.index, size=round(line.size * 2) / 2,
                                bold=line.first_bold, align="left") for t in texts)
    flush()
    return out


def _block(para: Paragraph, frame: Frame) -> Block:
    from rectify_core.recognize.blocks import Block

    from .expected import whole_characters
    from .paragraphs import alignment

    first = para.first
    align = alignment(para, frame)
    return Block(
        text=para.text,
        page=first.page,
        line=first.index,
        bold=first.first_bold,
        size=round(first.size * 2) / 2,
        align=align,
        indent=whole_characters(first.left - frame.left, first.size) if align == "left" else None,
    )


def _check_text_layer(pages: list[PageText], name: str) -> list[Finding]:
    """No text at all: a scan, refused.  Some pages without text but with images: a warning."""
    empty = [p for p in pages if not p.lines]
    if len(empty) == len(pages):
        if any(p.images for p in pages):
            raise InputError("the PDF has no text layer, only images: it looks scanned, and OCR is not supported "
                             "(run it through OCR first, e.g. ocrmypdf -l chi_sim)", file=name)
        raise InputError("the PDF contains no text", file=name)
    return [Finding(
        rule="pdf.scanned-page", severity="warning", pointer="",
        message_zh=f"第{p.number}页只有图像、没有文字层，其内容未能读取（需先进行文字识别）",
        message_en=f"page {p.number} holds only images, no text layer: its content was not read (needs OCR)",
        location=Location(file=name, page=p.number)) for p in empty if p.images]


__all__ = ["PdfReader", "PdfText", "read_text"]
