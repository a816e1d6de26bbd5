"""Read HTML: our own disclosure pages losslessly, and government CMS article pages by recognition.

Which path a page takes depends only on what it shows: our pages hold an
``article.rectify-document`` (and carry ``<meta name="generator" content="rectify-html …">``, which
a CMS may drop with our ``<head>``); every other page is *foreign* and goes through the furniture
filter and the shared recognizer.
"""

from __future__ import annotations

import re
from typing import Any

from rectify_core.plugin_api import Block, InputError, Reader, Report, Shown, Source, compiled, head_text

_HTML_HEAD = compiled(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s", re.IGNORECASE)


class HtmlReader(Reader):
    name = "html"
    max_bytes = 32 * 2**20
    isolate = True  # libxml2 parses the whole page in one call
    # the reader spends ~35 µs an element over its passes: 30 000 (6 times a Wikipedia article) stay near 1 s
    limits = {"max_elements": 30_000}  # noqa: RUF012
    extensions = ("html", "htm", "shtml", "xhtml")
    sniff_needs = (b"<",)  # a tag, in any encoding of ASCII
    media_types = ("text/html", "application/xhtml+xml")
    description = "HTML: rectify's disclosure pages (lossless) and government website article pages"

    def sniff(self, head: bytes, filename: str | None) -> float:
        text = head_text(head)  # UTF-16 pages too
        if "<" not in text:
            return 0.0  # no tag: not a page (sniff_needs)
        if "rectify-html" in text and "generator" in text:
            return 1.0
        if _HTML_HEAD.search(text[:1024]):
            return 0.9
        return 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> Shown | list[Block]:
        from .own import is_own, read_own
        from .parse import parse

        page = parse(source.data, source.name)
        report.info["encoding"] = page.encoding
        if is_own(page.root):
            report.info["origin"] = "rectify"
            return read_own(page.root, report)
        from .foreign import read_foreign

        report.info["origin"] = "foreign"
        blocks = read_foreign(page.root, report)
        if not any(b.text.strip() for b in blocks):
            _refuse_drawn_text(page.root, source.name)
        return blocks


def _refuse_drawn_text(root: Any, name: str) -> None:
    """A page without readable text whose words are SVG glyphs (an OFD or PDF preview): say so.

    Such a page places every character by coordinates (``<text x=… y=…>`` or paths); the reading
    order is not in the markup, and rectify does not lay out SVG.  Without this the core's generic
    "no text" would hide why; the original document is the thing to read.
    """
    glyphs = sum(1 for el in root.iter("{http://www.w3.org/2000/svg}text", "text") if (el.text or "").strip())
    shapes = sum(1 for _ in root.iter("{http://www.w3.org/2000/svg}path", "path"))
    if glyphs or shapes:
        drawn = f"{glyphs} SVG <text> glyphs placed one by one" if glyphs else f"{shapes} SVG paths"
        raise InputError(f"no text to read: the page draws its text as {drawn} (a document preview, e.g. of "
                         "an OFD or PDF file); rectify does not lay out SVG — read the original document", file=name)
