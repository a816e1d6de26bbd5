"""Read a 通报 from an OFD file (GB/T 33190): the text the pages show, through the same
lines → furniture → paragraphs → Blocks stage as the PDF reader, then the recognizer.

``package`` opens the zip (hardened, shared with docx) and finds pages, templates and fonts;
``content`` turns each page's text objects into positioned glyphs; the plugin API's
``build_lines`` and ``lay_out`` (``rectify_core.fixed_layout``) do the rest.  Text on a page
template (TemplatePage: letterheads, form labels, running heads) is furniture: recorded as
removed, never read as the notice; so is text drawn outside the page.  Signatures and seals are
listed in ``info``, never required or verified; annotations (watermarks, stamps) are not read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rectify_core.plugin_api import InputError, Location, Reader, Report, Source

if TYPE_CHECKING:
    from rectify_core.plugin_api import Block, PageText

    from .package import OfdPackage, PageRef

_PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0x10FFFF))


class OfdReader(Reader):
    name = "ofd"
    extensions = ("ofd",)
    sniff_needs = (b"PK\x03\x04",)
    media_types = ("application/ofd",)
    description = "OFD (GB/T 33190) fixed-layout documents: their text, read as the PDF reader reads pages"

    def sniff(self, head: bytes, filename: str | None) -> float:
        if not head.startswith(b"PK\x03\x04"):
            return 0.0
        if b"OFD.xml" in head:
            return 0.95
        return 0.6 if filename and str(filename).lower().endswith(".ofd") else 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> list[Block]:
        from lxml import etree

        from rectify_core.plugin_api import lay_out

        try:
            pages, properties = read_pages(source, report)
        except etree.LxmlError as exc:
            raise InputError(f"unreadable XML ({exc})", file=source.name) from None
        except RecursionError:
            raise InputError("the document nests elements too deeply", file=source.name) from None
        if not any(p.lines for p in pages):
            raise InputError("the OFD shows no text, only images or drawings (a scan needs OCR first)",
                             file=source.name)
        _check_private_use(pages, report)
        return _properties(properties) + lay_out(pages, report)


def _properties(pairs: list[tuple[str, str]]) -> list[Block]:
    """The 政务公开 list rectify's writer keeps in DocInfo/CustomDatas, first, as the lines a portal
    prints above the title — exactly as the PDF reader reads it from a PDF's Info (rectify_core.
    metadata).  Other producers' custom data (an e-invoice's fields) is not the notice: only counted."""
    from rectify_core.plugin_api import typesetting

    blocks: list[Block] = typesetting.property_blocks(pairs)
    return blocks


def read_pages(source: Source, report: Report) -> tuple[list[PageText], list[tuple[str, str]]]:
    """Every page's lines, and rectify's 政务公开 properties if the file is rectify's; template text
    and text off the page go to ``report`` as removed."""
    from .package import open_ofd

    doc = open_ofd(source.data, source.name)
    if not doc.pages:
        raise InputError("the OFD document has no pages", file=source.name)
    report.info.update(doc.info)
    properties = doc.custom if doc.info.get("ofd_creator") == "rectify" else []
    report.info["pages"] = len(doc.pages)
    pages = []
    for ref in doc.pages:
        report.budget.charge("pages", 1)
        pages.append(_page(doc, ref, report))
    return pages, properties


def _page(doc: OfdPackage, ref: PageRef, report: Report) -> PageText:
    from rectify_core.plugin_api import PageText, build_lines

    from . import ofd
    from .content import PageGlyphs
    from .package import child

    def drawn(part: str) -> PageGlyphs:
        glyphs = PageGlyphs(doc.fonts, doc.composites, report.budget, part, doc.source)
        content = child(doc.xml(part), "Content")
        if content is not None:
            glyphs.walk([content], ofd.IDENTITY)
        glyphs.close_open_ends()
        if glyphs.glyph_only:  # drawn by glyph index without text: nothing to read
            report.info["ofd_glyph_only_text"] = report.info.get("ofd_glyph_only_text", 0) + glyphs.glyph_only
        return glyphs

    where = Location(page=ref.number)
    for template in ref.templates:
        furniture = drawn(template)
        for line in build_lines(furniture.glyphs, ref.number, furniture.style):
            report.remove(line.text.strip(), "page template", where)
    width, height = ref.box.w * ofd.PT_PER_MM, ref.box.h * ofd.PT_PER_MM
    page = drawn(ref.part)
    shown = [g for g in page.glyphs if 0 <= g.middle <= height and g.right >= 0 and g.left <= width]
    if len(shown) < len(page.glyphs):  # drawn off the paper: nobody sees it, but it is listed
        kept = {id(g) for g in shown}
        off = [g for g in page.glyphs if id(g) not in kept]
        for line in build_lines(off, ref.number, page.style):
            report.remove(line.text.strip(), "outside the page", where)
    return PageText(ref.number, width, height, build_lines(shown, ref.number, page.style))


def _check_private_use(pages: list[PageText], report: Report) -> None:
    """Characters in the Private Use Area are font-specific codes, not text: a warning per page."""
    for page in pages:
        count = sum(1 for line in page.lines for ch in line.text
                    if any(lo <= ord(ch) <= hi for lo, hi in _PRIVATE_USE))
        if count:
            report.add("ofd.private-use-text", "warning",
                       f"第{page.number}页有{count}个字符使用私用区编码（字体专用编码），无法读成文字",
                       f"page {page.number} has {count} characters coded in the Private Use Area (codes of "
                       "one font, not Unicode text): they cannot be read", Location(page=page.number))


__all__ = ["OfdReader", "read_pages"]
