"""Helpers shared by the HTML tests: render a Document, parse a page, list its paragraphs."""

from __future__ import annotations

import io
from typing import Any

from rectify_html.reader import HtmlReader
from rectify_html.writer import HtmlWriter

from rectify_core.formats import ReadResult, Source
from rectify_core.model import Document
from rectify_core.reading import read_source


def write(doc: Document, **options: Any) -> bytes:
    buf = io.BytesIO()
    HtmlWriter().write(doc, buf, options)
    return buf.getvalue()


def read(data: bytes | str, name: str = "page.html") -> ReadResult:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return read_source(HtmlReader(), Source(raw, name))


def tree(data: bytes) -> Any:
    """The page as a browser builds it (html5lib, the WHATWG algorithm), namespace-free."""
    import html5lib

    return html5lib.parse(data, treebuilder="lxml", namespaceHTMLElements=False)


def strict_parse(data: bytes) -> None:
    """Raise html5lib's ParseError on the first HTML5 parse error."""
    import html5lib

    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(data)


def all_text(doc: Document) -> str:
    """Every visible paragraph of ``doc`` joined: where the recognizer put a line does not matter."""
    from rectify_core.visible import flatten

    return "\n".join(p.text for p in flatten(doc))
