"""Read a 通报 from a PDF: what a person sees on the pages, rebuilt into paragraphs, then recognised.

Steps: refuse hostile files (``guard``); glyphs with pdfium (``extract``); then the stage every
fixed-layout reader shares (``rectify_core.fixed_layout``, via the plugin API's ``lay_out``):
glyphs → lines, page numbers and running headers/footers out and recorded as removed, table rows,
paragraphs, recognizer Blocks with layout hints.  A PDF without a text layer (a scan) is refused
with a clear message: OCR is out of scope.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rectify_core.plugin_api import InputError, Location, Option, Reader, Report, Source

if TYPE_CHECKING:
    from rectify_core.plugin_api import Block, PageText


class PdfReader(Reader):
    name = "pdf"
    max_bytes = 64 * 2**20
    # A scanned page is read by an OCR engine in this reader's worker: ONNX Runtime needs about 2 GiB of
    # address space (measured: 1.5 GiB fails) and 3-10 s of CPU a page, so the ceilings are 3 GiB and
    # 180 s; pdfium's own work on a hostile file is refused long before (guard.py).  See docs/ocr.md.
    limits = {"max_pages": 500, "max_memory": 3 * 2**30, "timeout": 180.0,  # noqa: RUF012 (class-level)
              "max_inflated": 128 * 2**20}
    isolate = True  # pdfium cannot be interrupted inside a call
    extensions = ("pdf",)
    sniff_needs = (b"%PDF-",)
    media_types = ("application/pdf",)
    description = "PDF with a text layer (Word, WPS, LibreOffice, rectify); scans need OCR first"
    options = (
        Option("max_pages", "int", 500, "refuse a PDF with more pages than this", "页数超过此值即拒绝"),
        Option("max_seconds", "float", 5.0, "give up reading after this many seconds", "读取超过此秒数即放弃"),
        Option("ocr_engine", "str", None, "OCR engine for pages without a text layer (default: the first installed)",
               "无文字层页面所用的文字识别引擎（默认：第一个已安装的）"),
    )

    def sniff(self, head: bytes, filename: str | None) -> float:
        return 1.0 if b"%PDF-" in head[:1024] else 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> list[Block]:
        return read_blocks(source, options, report)


def read_blocks(source: Source, options: dict[str, Any], report: Report) -> list[Block]:
    """The PDF's paragraphs as recognizer blocks; furniture and page-level findings go to ``report``."""
    from rectify_core.plugin_api import lay_out

    from .extract import extract
    from .guard import Limits, preflight

    limits = Limits.from_options(options, report.budget)
    preflight(source.data, source.name, limits)
    pages = extract(source.data, source.name, limits)
    report.info["pages"] = len(pages)
    scanned = [p.number for p in pages if not p.lines and p.images]
    if scanned and _can_ocr():
        from .scan import read_scanned_pages

        by_number = {p.number: p for p in read_scanned_pages(source, scanned, report, options.get("ocr_engine"))}
        # a page where OCR found no text keeps its images, so it is still refused or warned about below
        pages = [by_number[p.number] if p.number in by_number and by_number[p.number].lines else p for p in pages]
    _check_text_layer(pages, report, ocr_ran=bool(scanned) and _can_ocr())
    # the 政务公开 list rectify's writer keeps in the document properties comes first, as the
    # lines a portal prints above the title (properties.py; rectify_core.metadata)
    from rectify_core.plugin_api import typesetting

    from .properties import read_info

    blocks: list[Block] = typesetting.property_blocks(read_info(source.data))
    return blocks + lay_out(pages, report)


def _can_ocr() -> bool:
    from rectify_core.plugin_api import get_registry

    return bool(get_registry().ocr_engines)


def _check_text_layer(pages: list[PageText], report: Report, ocr_ran: bool = False) -> None:
    """No text at all (no OCR to read the scan, or OCR found none): refused.  Some such pages: a warning."""
    from rectify_core.plugin_api import ocr

    name = report.source
    empty = [p for p in pages if not p.lines]
    why_en = "OCR found no text in them" if ocr_ran else f"OCR: {ocr.INSTALL_HINT}"
    why_zh = "文字识别未识别出文字" if ocr_ran else f"需安装文字识别：{ocr.INSTALL_HINT}"
    if len(empty) == len(pages):
        if any(p.images for p in pages):
            why = "OCR found no text in it" if ocr_ran else f"no OCR engine is installed ({ocr.INSTALL_HINT})"
            raise InputError(f"the PDF has no text layer, only images: it is a scan, and {why}", file=name)
        raise InputError("the PDF contains no text", file=name)
    for p in empty:
        if p.images:
            report.add("pdf.scanned-page", "warning",
                       f"第{p.number}页只有图像、没有文字层，其内容未能读取（{why_zh}）",
                       f"page {p.number} holds only images, no text layer: its content was not read ({why_en})",
                       Location(page=p.number))


__all__ = ["PdfReader", "read_blocks"]
