"""Read HTML: our own disclosure pages losslessly, and government CMS article pages by recognition.

Which path a page takes depends only on what it shows: our pages hold an
``article.rectify-document`` (and carry ``<meta name="generator" content="rectify-html …">``, which
a CMS may drop with our ``<head>``); every other page is *foreign* and goes through the furniture
filter and the shared recognizer.
"""

from __future__ import annotations

import re
from typing import Any

from rectify_core.plugin_api import Block, Reader, Report, Shown, Source

_HTML_HEAD = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s", re.IGNORECASE)


class HtmlReader(Reader):
    name = "html"
    max_bytes = 32 * 2**20
    isolate = True  # libxml2 parses the whole page in one call
    extensions = ("html", "htm", "shtml", "xhtml")
    media_types = ("text/html", "application/xhtml+xml")
    description = "HTML: rectify's disclosure pages (lossless) and government website article pages"

    def sniff(self, head: bytes, filename: str | None) -> float:
        if b"rectify-html" in head and b"generator" in head:
            return 1.0
        start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024]
        if _HTML_HEAD.search(start):
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
        return read_foreign(page.root, report)
