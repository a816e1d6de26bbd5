"""Read a 通报 from a PDF: what a person sees on the pages, rebuilt into paragraphs, then recognised.

Steps: refuse hostile files (``guard``); glyphs with pdfium (``extract``); then the stage every
fixed-layout reader shares (``rectify_core.fixed_layout``): glyphs → lines, furniture out and
recorded as removed, table rows, paragraphs, recognizer Blocks with layout hints.  A PDF without a
text layer (a scan) is refused with a clear message: OCR is out of scope.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rectify_core.errors import InputError
from rectify_core.findings import Finding, Location
from rectify_core.fixed_layout.blocks import LaidOut
from rectify_core.formats import Reader, ReadResult, Source

if TYPE_CHECKING:
    from rectify_core.fixed_layout.lines import PageText

PdfText = LaidOut  # what the PDF shows, ready for the recognizer (the shared stage's result)


class PdfReader(Reader):
    name = "pdf"
    extensions = ("pdf",)
    media_types = ("application/pdf",)
    description = "PDF with a text layer (Word, WPS, LibreOffice, rectify); scans need OCR first"

    def sniff(self, head: bytes, filename: str | None) -> float:
        return 1.0 if b"%PDF-" in head[:1024] else 0.0

    def read(self, source: Source, options: dict[str, Any]) -> ReadResult:
        from rectify_core.fixed_layout.blocks import recognize_laid_out

        return recognize_laid_out(read_text(source, options), source.name)


def read_text(source: Source, options: dict[str, Any]) -> LaidOut:
    """The PDF's paragraphs as recognizer blocks, the furniture taken out, and page-level findings."""
    from rectify_core.fixed_layout.blocks import lay_out

    from .extract import extract
    from .guard import Limits, preflight

    limits = Limits.from_options(options)
    preflight(source.data, source.name, limits)
    pages = extract(source.data, source.name, limits)
    findings = _check_text_layer(pages, source.name)
    out = lay_out(pages, source.name)
    out.findings = findings + out.findings
    return out


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
