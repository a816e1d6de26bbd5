"""Read a 通报 from an OFD file (GB/T 33190): the text the pages show, through the same
lines → furniture → paragraphs → Blocks stage as the PDF reader, then the recognizer.

``package`` opens the zip (hardened, shared with docx) and finds pages, templates and fonts;
``content`` turns each page's text objects into positioned glyphs; ``rectify_core.fixed_layout``
does the rest.  Text on a page template (TemplatePage: letterheads, form labels, running heads)
is furniture: recorded as removed, never read as the notice.  Signatures and seals are listed in
``info``, never required or verified; annotations (watermarks, stamps) are not read.
"""

from __future__ import annotations

import time
from typing import Any

from rectify_core.errors import InputError, SecurityError
from rectify_core.formats import Reader, ReadResult, Source

MAX_PAGES = 2000
MAX_GLYPHS = 4_000_000
MAX_SECONDS = 30.0


class _Caps:
    """The work caps of one read (the shape of the core's work budget: ``charge(kind, n)``)."""

    def __init__(self, name: str) -> None:
        self.name, self.started, self.spent = name, time.monotonic(), {"pages": 0, "elements": 0}

    def charge(self, kind: str, n: int = 1) -> None:
        self.spent[kind] = self.spent.get(kind, 0) + n
        limit = MAX_PAGES if kind == "pages" else MAX_GLYPHS
        if self.spent[kind] > limit:
            raise SecurityError(f"the OFD holds more than {limit:,} {kind}", file=self.name)
        if time.monotonic() - self.started > MAX_SECONDS:
            raise SecurityError(f"reading took longer than {MAX_SECONDS:g} s", file=self.name)


class OfdReader(Reader):
    name = "ofd"
    extensions = ("ofd",)
    media_types = ("application/ofd",)
    description = "OFD (GB/T 33190) fixed-layout documents: their text, read as the PDF reader reads pages"

    def sniff(self, head: bytes, filename: str | None) -> float:
        if not head.startswith(b"PK\x03\x04"):
            return 0.0
        if b"OFD.xml" in head:
            return 0.95
        return 0.6 if filename and str(filename).lower().endswith(".ofd") else 0.0

    def read(self, source: Source, options: dict[str, Any]) -> ReadResult:
        from lxml import etree

        from rectify_core.fixed_layout.blocks import lay_out, recognize_laid_out

        try:
            pages, removed, info = read_pages(source, options)
        except etree.LxmlError as exc:
            raise InputError(f"unreadable XML ({exc})", file=source.name) from None
        except RecursionError:
            raise InputError("the document nests elements too deeply", file=source.name) from None
        laid = lay_out(pages, source.name)
        laid.removed = removed + laid.removed
        if not any(p.lines for p in pages):
            raise InputError("the OFD shows no text (only images or paths: a scan needs OCR first)",
                             file=source.name)
        result = recognize_laid_out(laid, source.name)
        result.info.update(info)
        return result


def read_pages(source: Source, options: dict[str, Any]) -> tuple[list[Any], list[Any], dict[str, Any]]:
    """Every page's lines, the template text as removed furniture, and what ``info`` reports."""
    from rectify_core.findings import Location
    from rectify_core.fixed_layout.lines import PageText, build_lines
    from rectify_core.formats import Removed

    from . import ofd
    from .content import PageGlyphs
    from .package import child, open_ofd

    caps = options.get("budget") or _Caps(source.name)
    doc = open_ofd(source.data, source.name)
    pages: list[PageText] = []
    removed: list[Removed] = []
    glyph_only = 0
    for ref in doc.pages:
        caps.charge("pages", 1)
        width, height = ref.box.w * ofd.PT_PER_MM, ref.box.h * ofd.PT_PER_MM
        for template in ref.templates:
            drawn = PageGlyphs(doc.fonts, doc.composites, caps.charge, template, source.name)
            drawn.walk(_content(doc.xml(template), child), ofd.IDENTITY)
            for line in build_lines(drawn.glyphs, ref.number, drawn.style):
                removed.append(Removed(line.text.strip(), "page template",
                                       Location(file=source.name, page=ref.number)))
        drawn = PageGlyphs(doc.fonts, doc.composites, caps.charge, ref.part, source.name)
        drawn.walk(_content(doc.xml(ref.part), child), ofd.IDENTITY)
        glyph_only += drawn.glyph_only
        shown = [g for g in drawn.glyphs if 0 <= g.middle <= height and g.right >= 0 and g.left <= width]
        if len(shown) < len(drawn.glyphs):  # drawn off the paper: nobody sees it, but it is listed
            kept = {id(g) for g in shown}
            off = [g for g in drawn.glyphs if id(g) not in kept]
            removed += [Removed(line.text.strip(), "outside the page", Location(file=source.name, page=ref.number))
                        for line in build_lines(off, ref.number, drawn.style)]
        pages.append(PageText(ref.number, width, height, build_lines(shown, ref.number, drawn.style)))
    if not pages:
        raise InputError("the OFD document has no pages", file=source.name)
    info = dict(doc.info)
    if glyph_only:
        info["ofd_glyph_only_text"] = glyph_only  # drawn by glyph index without text: not readable
    return pages, removed, info


def _content(page: Any, child: Any) -> list[Any]:
    found = child(page, "Content")
    return [found] if found is not None else []


__all__ = ["OfdReader", "read_pages"]
