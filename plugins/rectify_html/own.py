"""Read a page our writer made: roles and spans from the classes of the visible elements.

Nothing hidden is read — no data attributes, no embedded JSON: the paragraphs are the elements a
person sees, their roles are their classes, and a node's depth is how many ``section.item`` hold
it.  So the page still reads correctly after someone edits the text in a browser or a CMS, and text
an editor added without our classes is kept as an ordinary paragraph where it stands (with a
finding), never dropped.  Text outside our ``article`` (a CMS wrapper around the page) is recorded
as removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rectify_core.plugin_api import Location, Para, Report, Shown, Span, unflatten

from . import vocab
from .parse import clean

_INVISIBLE = frozenset({"script", "style", "noscript", "template"})
_WS = str.maketrans({"\t": " ", "\n": " ", "\r": " ", "\f": " "})


def is_own(root: Any) -> bool:
    """A page is ours when it has our article element.

    The ``generator`` meta is not required: a CMS that takes the page's body into its own template
    drops our ``<head>``, and the classes of the visible elements are what the reading relies on.
    """
    return find_article(root) is not None


def find_article(root: Any) -> Any:
    for el in root.iter("article"):
        if vocab.ROOT_CLASS in vocab.classes(el):
            return el
    return None


class _Walker:
    def __init__(self, report: Report) -> None:
        self.report = report
        self.paras: list[Para] = []
        self.dropped = 0
        self.seen_node = False

    def text(self, raw: str | None) -> str:
        if not raw:
            return ""
        cleaned, dropped = clean(raw.translate(_WS))
        self.dropped += dropped
        return cleaned

    # -- paragraphs -----------------------------------------------------------------------------
    def walk(self, element: Any, depth: int, where: str) -> None:
        """Emit the paragraphs inside ``element`` in document order."""
        self._loose(element.text, element, depth, where)
        for child in element:
            if isinstance(child.tag, str):
                role = self._role(child)
                if role is not None:
                    self._para(child, role, depth)
                else:
                    child_depth = depth + (1 if vocab.SECTION_CLASS in vocab.classes(child)
                                           and child.tag == "section" else 0)
                    child_where = "footer" if child.tag == "footer" else where
                    self.walk(child, child_depth, child_where)
            self._loose(child.tail, element, depth, where)

    @staticmethod
    def _role(element: Any) -> str | None:
        if element.tag in vocab.SPAN_TAGS:
            return None
        for token in vocab.classes(element):
            if token in vocab.CLASS_ROLE:
                return vocab.CLASS_ROLE[token]
        return None

    def _para(self, element: Any, role: str, depth: int) -> None:
        spans = [s for s in _spans(element, self.text) if s.text]
        if not spans:
            return
        if role == "node":
            self.seen_node = True
        self.paras.append(Para(role, tuple(spans), depth if role not in ("disclosure", "title") else 0))

    def _loose(self, raw: str | None, parent: Any, depth: int, where: str) -> None:
        """Text an editor put outside our paragraph elements: keep it as a paragraph."""
        text = self.text(raw).strip()
        if not text:
            return
        if where == "footer":
            role = "closing"
        elif depth > 0 and self.seen_node:
            role = "paragraph"
        else:
            role = "preamble" if not self.seen_node else "closing"
        self.paras.append(Para(role, (Span("text", text),), depth))
        self.report.add("html.unmarked-text", "info",
                        f"页面中有未标记角色的文字，已作为段落保留：{text[:30]}",
                        f"text without a role class was kept as a {role} paragraph: {text[:30]}",
                        Location(line=parent.sourceline))


def _spans(element: Any, text: Any) -> list[Span]:
    """The spans of one paragraph element; text outside span elements is ``text``."""
    out: list[tuple[str, str]] = []

    def add(kind: str, value: str) -> None:
        if not value:
            return
        if out and out[-1][0] == "text" and kind == "text":
            out[-1] = ("text", out[-1][1] + value)
        else:
            out.append((kind, value))

    def walk(el: Any) -> None:
        add("text", text(el.text))
        for child in el:
            if isinstance(child.tag, str):
                kind = _span_kind(child)
                if kind is not None:
                    add(kind, text(child.text_content()))
                else:
                    walk(child)
            add("text", text(child.tail))

    walk(element)
    return [Span(kind, value.strip()) for kind, value in out]


def _span_kind(element: Any) -> str | None:
    if element.tag not in vocab.SPAN_TAGS:
        return None
    for token in vocab.classes(element):
        if token in vocab.SPAN_CLASSES:
            return token
    return None


def outside(root: Any, article: Any) -> Iterator[str]:
    """Visible text of the page body outside ``article`` (a CMS wrapper), piece by piece."""
    body = root.find("body")
    if body is None:
        return
    inside = set(article.iter())
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in _INVISIBLE:
            continue
        if el not in inside and el.text and el.text.strip():
            yield " ".join(el.text.split())
        if el is not body and (el not in inside or el is article) and el.tail and el.tail.strip():
            yield " ".join(el.tail.split())


def read_own(root: Any, report: Report) -> Shown:
    """The Document of one of our pages (the core derives its facts from the visible text)."""
    article = find_article(root)
    walker = _Walker(report)
    walker.walk(article, 0, "body")
    for text in outside(root, article):
        report.remove(text, "outside the rectify article (site wrapper)")
    if walker.dropped:
        report.add("html.control-characters", "warning", f"删除了 {walker.dropped} 个不可见的控制字符",
                   f"dropped {walker.dropped} invisible control characters")
    return Shown(unflatten(walker.paras, source=report.source))
