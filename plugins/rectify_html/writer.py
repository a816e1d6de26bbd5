"""Write the accessible disclosure page: one self-contained, deterministic HTML5 file.

The page shows exactly the paragraphs of ``rectify_core.visible.flatten`` — the same sequence every
visible format prints — marked up semantically: ``article`` > ``header`` (政务公开 metadata as a
definition list, ``h1`` title, subtitle), preamble paragraphs, one ``section`` per numbered node with
heading levels h2–h5 for 一、/（一）/1./（1） (deeper levels h6, then ``role="heading"`` with
``aria-level``), each problem a ``section`` of its own with finding, rectification and status in
words, and a ``footer`` with the closing in ``address`` (``tel:``/``mailto:`` links), issuer and
date.  Every paragraph element carries its layout role as a class and every part of a line a
``span`` with its span kind (``vocab``), which is what lets our reader recover the Document from
the visible page alone.

The tree is built with lxml's element factory, so text and attribute values are escaped by
construction; there is no string templating.  Indentation whitespace is added only *between* block
elements, never inside a paragraph, so no space appears in the text a person (or our reader) sees.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, Option, Para, VisibleWriter, compiled, flatten

from . import vocab
from .meta import head_meta, iso_date
from .style import CSS, csp

FALLBACK_TITLE = "巡视巡察整改情况通报"
INDENT = "  "
_CONTAINERS = frozenset({"html", "head", "body", "main", "article", "header", "footer", "section", "dl", "address"})
_CONTACT = compiled(
    r"(?P<email>[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)"
    r"|(?<![\d\-])(?P<phone>0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|[48]00-?\d{3}-?\d{4})(?![\d\-])"
)


def heading_tag(depth: int) -> tuple[str, dict[str, str]]:
    """Element and extra attributes for a node heading at ``depth`` (1 = 一、 → h2)."""
    if depth <= 5:
        return f"h{depth + 1}", {}
    return "p", {"role": "heading", "aria-level": str(depth + 1)}


def render(document: Document, options: dict[str, Any] | None = None) -> str:
    """The page as text (what ``HtmlWriter.write`` encodes as UTF-8)."""
    import lxml.html

    builder = _Builder(flatten(document), dict(options or {}))
    root = builder.build()
    _indent(root, 0)
    text: str = lxml.html.tostring(root, doctype="<!DOCTYPE html>", encoding="unicode")
    return text + "\n"


class HtmlWriter(VisibleWriter):
    name = "html"
    extension = "html"
    media_type = "text/html"
    description = "accessible disclosure page (HTML5, WCAG 2.1 AA, 政府网站 meta tags)"
    lossless = True
    options = (
        Option("site_name", "str", None, "SiteName meta tag: the site's name", "SiteName 元数据：网站名称"),
        Option("site_domain", "str", None, "SiteDomain meta tag: the site's domain", "SiteDomain 元数据：网站域名"),
        Option("site_id_code", "str", None, "SiteIDCode meta tag: the site's identification code",
               "SiteIDCode 元数据：网站标识码"),
        Option("column_name", "str", None, "ColumnName meta tag: the column the page is filed under",
               "ColumnName 元数据：栏目名称"),
        Option("pub_date", "str", None, "PubDate meta tag, e.g. \"2023-11-23 09:30\" (default: the notice's date)",
               "PubDate 元数据，如 \"2023-11-23 09:30\"（默认取通报日期）"),
        Option("content_source", "str", None, "ContentSource meta tag (default: 发布机构 or the issuer)",
               "ContentSource 元数据（默认取发布机构或发文机关）"),
    )

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        sink.write(render(document, options).encode("utf-8"))



class _Builder:
    def __init__(self, paras: list[Para], options: dict[str, Any]) -> None:
        from lxml.html import builder

        self.E = builder.E
        self.paras = paras
        self.options = options

    # -- page -----------------------------------------------------------------------------------
    def build(self) -> Any:
        E = self.E
        article = E.article({"class": vocab.ROOT_CLASS})
        header = self._header()
        if len(header):
            article.append(header)
        self._body(article)
        footer = self._footer()
        if len(footer):
            article.append(footer)
        html = E.html(self._head(), E.body(E.main(article)))
        html.set("lang", "zh-CN")
        return html

    def _head(self) -> Any:
        E = self.E
        title = next((p.text for p in self.paras if p.role == "title"), FALLBACK_TITLE)
        head = E.head(
            E.meta(charset="utf-8"),
            E.meta({"http-equiv": "Content-Security-Policy", "content": csp()}),
            E.meta(name="viewport", content="width=device-width, initial-scale=1"),
            E.meta(name="generator", content=vocab.GENERATOR),
            E.title(title),
        )
        for name, content in head_meta(self.paras, self.options):
            head.append(E.meta(name=name, content=content))
        head.append(E.style(CSS))
        return head

    def _header(self) -> Any:
        E = self.E
        header = E.header()
        fields = [p for p in self.paras if p.role == "disclosure"]
        if fields:
            dl = E.dl({"class": "disclosure"})
            for p in fields:
                dl.append(E.div({"class": vocab.ROLE_CLASS["disclosure"]},
                                E.dt({"class": "label"}, p.get("label") or ""),
                                E.dd({"class": "value"}, p.get("value") or "")))
            header.append(dl)
        for p in self.paras:
            if p.role == "title":
                header.append(E.h1({"class": vocab.ROLE_CLASS["title"]}, p.text))
            elif p.role == "subtitle":
                header.append(E.p({"class": vocab.ROLE_CLASS["subtitle"]}, p.text))
        return header

    def _footer(self) -> Any:
        E = self.E
        footer = E.footer()
        closing = [p for p in self.paras if p.role == "closing"]
        if closing:
            address = E.address()
            for p in closing:
                address.append(self._linked(E.p({"class": vocab.ROLE_CLASS["closing"]}), p.text))
            footer.append(address)
        for p in self.paras:
            if p.role == "issuer":
                footer.append(E.p({"class": vocab.ROLE_CLASS["issuer"]}, p.text))
            elif p.role == "date":
                iso = iso_date(p.text)
                content = E.time(p.text, datetime=iso) if iso else p.text
                footer.append(E.p({"class": vocab.ROLE_CLASS["date"]}, content))
        return footer

    # -- body -----------------------------------------------------------------------------------
    def _body(self, article: Any) -> None:
        E = self.E
        stack: list[Any] = []  # stack[i]: the open section at depth i + 1
        for p in self.paras:
            if p.role == "preamble":
                article.append(E.p({"class": vocab.ROLE_CLASS["preamble"]}, p.text))
            elif p.role == "node":
                depth = max(1, min(p.depth, len(stack) + 1))
                del stack[depth - 1:]
                section = E.section({"class": f"{vocab.SECTION_CLASS} level-{depth}"})
                (stack[-1] if stack else article).append(section)
                stack.append(section)
                section.append(self._node_line(p, depth))
                if p.get("finding") is not None or p.get("status") is not None:
                    _add_class(section, vocab.PROBLEM_CLASS)
            elif p.role in ("paragraph", "finding", "rectification", "rect_text", "status") and stack:
                if p.role != "paragraph":
                    _add_class(stack[-1], vocab.PROBLEM_CLASS)
                stack[-1].append(self._spans(E.p({"class": vocab.ROLE_CLASS[p.role]}), p.spans))

    def _node_line(self, p: Para, depth: int) -> Any:
        E = self.E
        tag, attrs = heading_tag(depth)
        head_kinds = ("marker", "heading")
        head = [s for s in p.spans if s.kind in head_kinds]
        rest = [s for s in p.spans if s.kind not in head_kinds]
        run_in = p.get("heading") is not None and any(s.kind in ("text", "finding") for s in rest)
        if not run_in:
            return self._spans(E(tag, {"class": vocab.ROLE_CLASS["node"], **attrs}), p.spans, wrap_text=True)
        heading = self._spans(E(tag, attrs), head, wrap_text=True)
        return E.div({"class": f"{vocab.ROLE_CLASS['node']} run-in"}, heading,
                     self._spans(E.p(), rest, wrap_text=True))

    def _spans(self, element: Any, spans: Sequence[Any], *, wrap_text: bool = False) -> Any:
        """Fill ``element`` with a line's spans; a lone text span goes in as plain text."""
        E = self.E
        if len(spans) == 1 and spans[0].kind == "text" and not wrap_text:
            element.text = spans[0].text
            return element
        for s in spans:
            cls = s.kind if s.kind != "status" else f"status status-{_status_category(s.text)}"
            element.append(E.span({"class": cls}, s.text))
        return element

    def _linked(self, element: Any, text: str) -> Any:
        """Put ``text`` into ``element`` with phone numbers and e-mail addresses as links."""
        E = self.E
        last: Any = None
        pos = 0
        element.text = ""
        for m in _CONTACT.finditer(text):
            before = text[pos:m.start()]
            if last is None:
                element.text += before
            else:
                last.tail = (last.tail or "") + before
            value = m.group()
            href = f"mailto:{value}" if m.group("email") else f"tel:{value}"
            last = E.a(value, href=href)
            element.append(last)
            pos = m.end()
        if last is None:
            element.text = text
        else:
            last.tail = (last.tail or "") + text[pos:]
        return element


def _status_category(text: str) -> str:
    from rectify_core.plugin_api import parse_status_text

    parsed = parse_status_text(text)
    return parsed[0] if parsed is not None else "unknown"


def _add_class(element: Any, name: str) -> None:
    tokens = vocab.classes(element)
    if name not in tokens:
        element.set("class", " ".join([*tokens, name]))


def _indent(element: Any, level: int) -> None:
    """Newlines and indentation between block children of container elements only."""
    if element.tag not in _CONTAINERS or not len(element):
        return
    inner = "\n" + INDENT * (level + 1)
    element.text = inner
    for child in element:
        _indent(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + INDENT * level
