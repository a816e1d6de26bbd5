"""Read a 通报 from a PDF: what a person sees on the pages, rebuilt into paragraphs, then recognised.

Steps: refuse hostile files (``guard``); glyphs → lines by position (``extract``); page numbers and
running headers/footers out, recorded as removed (``furniture``); lines → paragraphs by indentation
and line length (``paragraphs``); paragraphs → recognizer Blocks with layout hints (size, bold,
alignment, indent, position, page).  A PDF without a text layer (a scan) is refused with a clear
message: OCR is out of scope.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rectify_core.errors import InputError
from rectify_core.findings import Finding, Location
from rectify_core.formats import Reader, ReadResult, Removed, Source

if TYPE_CHECKING:
    from rectify_core.recognize.blocks import Block

    from .extract import PageText


class PdfReader(Reader):
    name = "pdf"
    extensions = ("pdf",)
    media_types = ("application/pdf",)
    description = "PDF with a text layer (Word, WPS, LibreOffice, rectify); scans need OCR first"

    def sniff(self, head: bytes, filename: str | None) -> float:
        if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
            return 1.0
        return 0.0

    def read(self, source: Source, options: dict[str, Any]) -> ReadResult:
        from rectify_core.recognize import recognize

        blocks, removed, findings = read_blocks(source, options)
        result = recognize(blocks, source=source.name)
        result.removed = removed + list(result.removed)
        result.findings = findings + list(result.findings)
        result.info.setdefault("pages", max((b.page or 0 for b in blocks), default=0))
        return result


def read_blocks(source: Source, options: dict[str, Any]) -> tuple[list[Block], list[Removed], list[Finding]]:
    """The PDF's paragraphs as recognizer blocks, the furniture taken out, and page-level findings."""
    from rectify_core.recognize.blocks import Block

    from .expected import whole_characters
    from .extract import extract
    from .furniture import find_furniture
    from .guard import Limits, preflight
    from .paragraphs import alignment, build_paragraphs, measure_frame

    limits = Limits.from_options(options)
    preflight(source.data, source.name, limits)
    pages = extract(source.data, source.name, limits)
    findings = _check_text_layer(pages, source.name)

    furniture = find_furniture(pages)
    gone = {id(f.line) for f in furniture}
    removed = [Removed(f.line.text.strip(), f.reason, Location(file=source.name, page=f.line.page))
               for f in furniture]
    lines = [line for page in pages for line in page.lines if id(line) not in gone]
    if not lines:
        raise InputError("the PDF shows no text besides page numbers and running headers", file=source.name)
    frame = measure_frame(lines)
    blocks = []
    for para in build_paragraphs(lines, frame):
        first = para.first
        align = alignment(para, frame)
        blocks.append(Block(
            text=para.text,
            page=first.page,
            bold=first.first_bold,
            size=round(first.size * 2) / 2,
            align=align,
            indent=whole_characters(first.left - frame.left, first.size) if align == "left" else None,
        ))
    return blocks, removed, findings


def _check_text_layer(pages: list[PageText], name: str) -> list[Finding]:
    """No text at all: a scan, refused.  Some pages without text but with images: a warning."""
    empty = [p for p in pages if not p.lines]
    if len(empty) == len(pages):
        if any(p.images for p in pages):
            raise InputError("the PDF has no text layer, only images: it looks scanned, and OCR is not supported "
                             "(run it through OCR first, e.g. ocrmypdf -l chi_sim)", file=name)
        raise InputError("the PDF contains no text", file=name)
    out = []
    for p in empty:
        if p.images:
            out.append(Finding(
                rule="pdf.scanned-page", severity="warning", pointer="",
                message_zh=f"第{p.number}页只有图像、没有文字层，其内容未能读取（需先进行文字识别）",
                message_en=f"page {p.number} holds only images, no text layer: its content was not read (needs OCR)",
                location=Location(file=name, page=p.number)))
    return out


__all__ = ["PdfReader", "read_blocks"]
