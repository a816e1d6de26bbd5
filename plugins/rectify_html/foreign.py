"""Read a government CMS article page: keep the notice, record the site furniture, recognise the rest.

A 政府网站 article page wraps the notice in navigation and site furniture — header and menus,
breadcrumbs (当前位置：首页 > …), a 政务公开 metadata table before the title, a 发布时间/来源/浏览次数
line, 字号 大 中 小, 打印/关闭, share links, related links and a footer with the site's 标识码.
This module finds the three parts that belong to the notice:

1. the **content** element — a known CMS container (``#zoom``, ``.TRS_Editor``, ``#UCAP-CONTENT`` …)
   or else the element whose own paragraphs hold the most text;
2. the **metadata** container — the table or list holding at least two 政务公开 labels;
3. the **title** — the heading before the content that matches the page's ``ArticleTitle`` meta,
   or else the nearest heading before the content.

Everything else with visible text becomes a :class:`Removed` record with its reason and source line;
furniture lines *inside* the content (a CMS often puts 字号/打印 there) are removed the same way.
The kept parts become :class:`Block` s (tag, heading level, bold, alignment as hints) for the shared
recognizer, which turns them into the Document exactly as it does for plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rectify_core.plugin_api import Block, Location, Removed, Report, compiled, dataclass, row_block, vocab

from .parse import clean

disclosure, furniture = vocab.disclosure, vocab.furniture

CONTENT_HINTS = (
    "zoom", "ucap-content", "trs_editor", "trs_ueditor", "article-content", "article_content", "articlecontent",
    "pages_content", "pages-content", "news_content", "news-content", "content-text", "contenttext", "art_con",
    "wzcon", "main-text", "maintext", "xxgk_content", "detail-content", "detail_content", "view", "con_text",
    "text-content", "article-body", "content",
)
INVISIBLE = frozenset({"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
                       "select", "button", "input", "textarea", "head", "title", "meta", "link"})
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3", "h4", "h5",
    "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "blockquote", "pre",
    "address", "center", "form", "fieldset", "figure", "figcaption", "hr", "body", "caption",
})
CELL_TAGS = frozenset({"td", "th"})
METADATA_CONTAINERS = ("table", "ul", "ol", "dl", "div", "section")
_SPACES = compiled(r"[ \t\n\r\f\xa0]+")
_LABEL_SEP = compiled(r"\s*[:：]\s*")


@dataclass
class _Line:
    text: str
    element: Any
    cells: tuple[str, ...] | None = None  # a table row: its cells as shown (paragraphs joined by \n)
    table: int | None = None
    header: bool = False
    merged: bool = False


def _classes(el: Any) -> str:
    return f"{el.get('id') or ''} {el.get('class') or ''}".lower()


def _hidden(el: Any) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or "display:none" in style or "visibility:hidden" in style


# -- text extraction --------------------------------------------------------------------------------

class _Lines:
    """Visible lines of a subtree, split where a browser breaks lines (blocks, ``<br>``, cells)."""

    def __init__(self, holders: set[Any], skip: Iterable[Any] = (),
                 tables: dict[Any, int | None] | None = None) -> None:
        self.holders = holders
        self.skip = set(skip)
        self.out: list[_Line] = []
        self.hidden: list[_Line] = []
        self.buf: list[str] = []
        self.owner: Any = None
        self.tables = tables if tables is not None else {}  # table element → its number, None if layout

    def _table_of(self, tr: Any) -> int | None:
        """The number of a data table ``tr`` belongs to; None for a layout table (its cells hold
        other tables, or no row has two cells), whose cells read as blocks of their own."""
        table = next((a for a in tr.iterancestors() if a.tag == "table"), None)
        if table is None:
            return None
        if table not in self.tables:
            rows = [r for r in table.iter("tr") if next(a for a in r.iterancestors() if a.tag == "table") is table]
            data = all(next(cell.iter("table"), None) is None for r in rows for cell in r if cell.tag in CELL_TAGS)
            wide = any(sum(1 for c in r if c.tag in CELL_TAGS and not _hidden(c)) >= 2 for r in rows)
            self.tables[table] = len(self.tables) + 1 if data and wide else None  # ids: distinct, in page order
        return self.tables[table]

    def _row(self, tr: Any, table: int) -> None:
        """A data table's row: each visible cell's lines joined by line breaks (nothing invented)."""
        cells: list[str] = []
        tds = [c for c in tr if isinstance(c.tag, str) and c.tag in CELL_TAGS]
        for cell in tds:
            if _hidden(cell):
                text = _SPACES.sub(" ", cell.text_content()).strip()
                if text:
                    self.hidden.append(_Line(text, cell))
                continue
            inner = _Lines(self.holders, self.skip, self.tables)
            for child_text in (cell.text,):
                inner.add(child_text, cell)
            for child in cell:
                inner.walk(child)
                inner.add(child.tail, cell)
            inner.flush()
            self.hidden += inner.hidden
            cells.append("\n".join(line.text for line in inner.out))
        if not any(cells):
            return
        header = all(c.tag == "th" for c in tds) or any(a.tag == "thead" for a in tr.iterancestors())
        spans = [c.get("colspan") or "1" for c in tds]
        merged = len(cells) == 1 and spans[0].isdigit() and int(spans[0]) > 1
        self.out.append(_Line(" ".join(c for c in cells if c), tr, cells=tuple(cells), table=table,
                              header=header, merged=merged))

    def flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.buf)).strip()
        if text:
            self.out.append(_Line(text, self.owner))
        self.buf = []

    def add(self, text: str | None, owner: Any) -> None:
        if text:
            if not self.buf:
                self.owner = owner
            self.buf.append(text)

    def walk(self, el: Any) -> None:
        if not isinstance(el.tag, str) or el.tag in INVISIBLE or el in self.skip:
            return
        if _hidden(el):
            text = _SPACES.sub(" ", el.text_content()).strip()
            if text:
                self.hidden.append(_Line(text, el))
            return
        if el.tag == "br":
            self.flush()
            return
        if el.tag == "tr" and (table := self._table_of(el)) is not None:
            self.flush()
            self._row(el, table)
            return
        block = el.tag in BLOCK_TAGS or el.tag in CELL_TAGS
        if block:
            self.flush()
        self.add(el.text, el)
        for child in el:
            self.walk(child)
            self.add(child.tail, el)
        if block:
            self.flush()


def lines(el: Any, holders: set[Any], skip: Iterable[Any] = (),
          tables: dict[Any, int | None] | None = None) -> tuple[list[_Line], list[_Line]]:
    """(visible lines, hidden lines) of ``el``'s subtree, leaving out the ``skip`` subtrees; ``tables``
    numbers the data tables across calls on one page."""
    walker = _Lines(holders, skip, tables)
    walker.walk(el)
    walker.flush()
    return walker.out, walker.hidden


# -- the three parts ----------------------------------------------------------------------------------

def block_holders(root: Any) -> set[Any]:
    """Every element that has a block element below it, found in one pass (amortised O(n))."""
    holders: set[Any] = set()
    for el in root.iter():
        if isinstance(el.tag, str) and (el.tag in BLOCK_TAGS or el.tag in CELL_TAGS):
            for ancestor in el.iterancestors():
                if ancestor in holders:
                    break
                holders.add(ancestor)
    return holders


def _text_without_links(el: Any) -> int:
    total = len(_SPACES.sub("", el.text_content()))
    links = sum(len(_SPACES.sub("", a.text_content())) for a in el.iter("a"))
    return total - links


def _own_text_length(el: Any, holders: set[Any]) -> int:
    """Text of the paragraphs ``el`` itself holds (not those of nested containers), links left out.

    This is what makes an element an article body: the notice's paragraphs are its own leaf
    blocks, while a page wrapper holds only containers and a menu holds mostly links.
    """
    total = len((el.text or "").strip())
    for child in el:
        if not isinstance(child.tag, str) or child.tag in INVISIBLE or _hidden(child):
            continue
        if child.tag in BLOCK_TAGS and child in holders:
            continue  # a container of blocks is scored on its own
        total += _text_without_links(child) if child.tag != "a" else 0
        total += len((child.tail or "").strip())
    return total


def find_content(body: Any, holders: set[Any]) -> Any:
    """The element holding the notice's text."""
    best: tuple[int, Any] | None = None
    for el in body.iter("body", "div", "section", "article", "td", "main"):
        if _hidden(el):
            continue
        score = _own_text_length(el, holders)
        names = _classes(el)
        if any(re.search(rf"(^|[\s_-]){re.escape(h)}($|[\s_-])", names) for h in CONTENT_HINTS):
            score = int(score * 1.5) + 50
        if best is None or score > best[0]:
            best = (score, el)
    return best[1] if best is not None and best[0] > 0 else body


def content_parts(content: Any, holders: set[Any], stop_at: list[Any]) -> list[Any]:
    """The content element and the siblings that continue it, in page order.

    Some CMS templates put the signature and date (or a subtitle) in a ``div`` of their own beside
    the body.  A sibling joins when it has visible text, no furniture line and is not mostly links;
    the first one that fails (the 打印/关闭 bar, the publication line, the title) ends the run.
    When every sibling joins, the parent *is* the article (a page of nested ``section`` s, where
    the densest element is one subsection), so the search climbs to the parent and goes on.
    """
    stops = set(stop_at)
    current = content
    while True:
        parts, complete = _sibling_run(current, holders, stops)
        parent = current.getparent()
        if not complete or parent is None or parent.tag in ("body", "html") or _hidden(parent):
            return parts
        current = parent


def _sibling_run(content: Any, holders: set[Any], stops: set[Any]) -> tuple[list[Any], bool]:
    parts = [content]
    complete = True
    for step in ("getprevious", "getnext"):
        sibling = getattr(content, step)()
        while sibling is not None:
            if isinstance(sibling.tag, str) and sibling.tag not in INVISIBLE and not _hidden(sibling):
                if any(el in stops for el in sibling.iter()):
                    complete = False
                    break
                found = lines(sibling, holders)[0]
                if found:
                    text = sum(len(_SPACES.sub("", line.text)) for line in found)
                    chrome = any(furniture.web_furniture_reason(line.text) for line in found)
                    if chrome or _text_without_links(sibling) * 2 < text:
                        complete = False
                        break
                    parts.insert(0 if step == "getprevious" else len(parts), sibling)
            sibling = getattr(sibling, step)()
    parent = content.getparent()
    if parent is not None and furniture.web_furniture_reason(_SPACES.sub(" ", "".join(
            [parent.text or "", *(c.tail or "" for c in parent)])).strip()):
        complete = False
    return parts, complete


def find_metadata(body: Any) -> Any:
    """The innermost container holding the most 政务公开 labels (at least two), or None.

    Labels are found once, then credited to their ancestors, so the cost is the number of label
    hits times the depth — not the size of the page times its depth.
    """
    found: dict[Any, set[str]] = {}
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in INVISIBLE:
            continue
        for raw, holder in ((el.text, el), (el.tail, el.getparent())):
            if not raw or len(raw) > 40 or not raw.strip() or holder is None:
                continue
            label = disclosure.normal_label(_LABEL_SEP.split(raw.strip(), maxsplit=1)[0])
            if label in disclosure.STRONG_LABELS:
                for ancestor in (holder, *holder.iterancestors()):
                    if ancestor.tag in METADATA_CONTAINERS:
                        found.setdefault(ancestor, set()).add(label)
    best: tuple[int, int, Any] | None = None
    for el, labels in found.items():
        if len(labels) >= 2:
            key = (len(labels), sum(1 for _ in el.iterancestors()))
            if best is None or key > best[:2]:
                best = (key[0], key[1], el)
    return best[2] if best is not None else None


def metadata_pairs(container: Any, holders: set[Any]) -> list[tuple[str, str, str | None]]:
    """(label, separator, value) of a metadata table or list, in reading order, as shown.

    ``separator`` is the colon typed between label and value in one cell or line (with its
    spaces); None when label and value stand in cells of their own (a ``<td>``/``<dd>`` each): the
    recognizer then gets them as two cells, with no colon invented.  A label cell keeps its colon.
    """
    pairs: list[tuple[str, str, str | None]] = []
    if container.tag == "dl":
        for item in container.iter("dt", "dd"):
            text = _SPACES.sub(" ", item.text_content()).strip()
            if item.tag == "dt":
                pairs.append((text, "", None))
            elif pairs and not pairs[-1][1]:
                pairs[-1] = (pairs[-1][0], text, None)
        return [(label, value, None) for label, value, _ in pairs]
    if container.tag == "table":
        cells = [_SPACES.sub(" ", c.text_content()).strip() for c in container.iter("td", "th")]
        i = 0
        while i < len(cells):
            cell = cells[i]
            label, sep, value = _split(cell)
            if sep and value:
                pairs.append((label, value, sep))
                i += 1
            elif (disclosure.normal_label(cell) in disclosure.STRONG_LABELS | disclosure.WEAK_LABELS
                  or (cell.endswith((":", "：")) and len(cell) <= 10)):
                value = cells[i + 1] if i + 1 < len(cells) else ""
                pairs.append((cell, value, None))
                i += 2
            else:
                i += 1
        return pairs
    for line in lines(container, holders)[0]:
        label, sep, value = _split(line.text)
        if sep and len(disclosure.normal_label(label)) <= 8:
            pairs.append((label, value, sep))
    return pairs


def _split(text: str) -> tuple[str, str, str]:
    m = _LABEL_SEP.search(text)
    if m is None:
        return text, "", ""
    return text[:m.start()], m.group(), text[m.end():]


def find_title(body: Any, content: Any, article_title: str | None) -> Any:
    """The notice's title element when it stands outside the content element, else None."""
    inside = set(content.iter())
    before: list[Any] = []
    for el in body.iter():
        if el is content:
            break
        if el in inside or not isinstance(el.tag, str) or _hidden(el):
            continue
        is_heading = el.tag in ("h1", "h2", "h3") or re.search(r"(^|[\s_-])(title|biaoti|bt)([\s_-]|$)", _classes(el))
        text = _SPACES.sub(" ", el.text_content()).strip()
        if is_heading and text and len(text) <= 200:
            before.append((el, text))
    if article_title:
        want = _SPACES.sub("", article_title)
        for el, text in reversed(before):
            if _SPACES.sub("", text) == want:
                return el
    for el, text in reversed(before):
        if "通报" in text or "整改" in text:
            return el
    return None


# -- the reader -----------------------------------------------------------------------------------------

def _meta(root: Any, name: str) -> str | None:
    for m in root.iter("meta"):
        if (m.get("name") or "").lower() == name.lower() and (m.get("content") or "").strip():
            return str(m.get("content")).strip()
    return None


def _hints(line: _Line) -> dict[str, Any]:
    el = line.element
    hints: dict[str, Any] = {"line": el.sourceline, "style": el.tag}
    if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        hints["outline_level"] = int(el.tag[1])
    align = (el.get("align") or "").lower() or (
        "center" if "text-align:center" in (el.get("style") or "").replace(" ", "").lower() else "")
    if align:
        hints["align"] = align
    strong = [c for c in el if isinstance(c.tag, str) and c.tag in ("b", "strong")]
    if strong and _SPACES.sub("", "".join(c.text_content() for c in strong)) == _SPACES.sub("", line.text):
        hints["bold"] = True
    return hints


def read_foreign(root: Any, report: Report) -> list[Block]:
    """The recognizer blocks of a foreign page, with every piece of furniture reported as removed."""
    name = report.source
    body = root.find("body")
    if body is None:
        body = root
    holders = block_holders(body)
    content = find_content(body, holders)
    metadata = find_metadata(body)
    if metadata is not None and any(a is metadata for a in content.iterancestors()):
        metadata = None  # the table *is* the content's frame (a layout table), not metadata
    title = find_title(body, content, _meta(root, "ArticleTitle"))

    removed: list[tuple[Any, Removed]] = []  # (element, record): sorted into page order at the end
    blocks: list[Block] = []
    dropped = 0

    def block(text: str, **hints: Any) -> None:
        nonlocal dropped
        cleaned, count = clean(text)
        dropped += count
        if cleaned.strip():
            blocks.append(Block(cleaned.strip(), **hints))

    def row(cells: tuple[str, ...], table: int, **hints: Any) -> None:
        nonlocal dropped
        shown = []
        for cell in cells:
            cleaned, count = clean(cell)
            dropped += count
            shown.append(cleaned.strip())
        if any(shown):
            blocks.append(row_block(shown, table, **hints))

    def line_block(line: _Line) -> None:
        if line.cells is not None and line.table is not None:
            row(line.cells, line.table, line=line.element.sourceline, style="tr",
                header=line.header or None, merged=line.merged or None)
        else:
            block(line.text, **_hints(line))

    def remove(line: _Line, reason: str) -> None:
        removed.append((line.element, Removed(line.text, reason, Location(file=name, line=line.element.sourceline))))

    if metadata is not None:
        for label, value, sep in metadata_pairs(metadata, holders):
            if sep is not None:
                block(f"{label}{sep}{value}", line=metadata.sourceline, style="metadata")
            else:
                row((label, value), -1, line=metadata.sourceline, style="metadata")
    if title is not None:
        block(_SPACES.sub(" ", title.text_content()).strip(), line=title.sourceline, style=title.tag,
              outline_level=int(title.tag[1]) if title.tag in ("h1", "h2", "h3") else None)

    skip = [el for el in (metadata, title) if el is not None]
    parts = content_parts(content, holders, skip)
    order = {el: i for i, el in enumerate(body.iter())}
    tables: dict[Any, int | None] = {}
    outside, hidden_outside = lines(body, holders, skip=[*parts, *skip], tables=tables)
    start = order[title] if title is not None else len(order)  # no title: nothing is "between"
    for line in outside:  # a subtitle between the title and the body belongs to the notice
        if start < order[line.element] < order[parts[0]] and furniture.web_furniture_reason(line.text) is None \
                and _text_without_links(line.element) * 2 >= len(_SPACES.sub("", line.text)):
            line_block(line)
        else:
            remove(line, furniture.web_furniture_reason(line.text, outside=True) or furniture.OUTSIDE_REASON)
    for line in hidden_outside:
        remove(line, "hidden element")
    for part in parts:
        kept, hidden = lines(part, holders, skip=skip, tables=tables)
        for line in kept:
            reason = furniture.web_furniture_reason(line.text) if line.cells is None else None  # a row is content
            if reason is not None:
                remove(line, reason)
            else:
                line_block(line)
        for line in hidden:
            remove(line, "hidden element")
    removed.sort(key=lambda r: order.get(r[0], -1))

    for _, record in removed:
        report.removed.append(record)
    if dropped:
        report.add("html.control-characters", "warning", f"删除了 {dropped} 个不可见的控制字符",
                   f"dropped {dropped} invisible control characters")
    report.info["content_element"] = " + ".join(_describe(part) for part in parts)
    return blocks


def _describe(el: Any) -> str:
    ident = f"#{el.get('id')}" if el.get("id") else ""
    cls = "." + ".".join((el.get("class") or "").split()) if el.get("class") else ""
    return f"{el.tag}{ident}{cls}"
