"""The visible text of a WordprocessingML body, paragraph by paragraph, run by run.

What a person sees in Word's final view: inserted text yes, deleted and moved-away text no, a
field's result but not its instruction, one branch of ``mc:AlternateContent``, hidden (vanished)
runs set aside so the reader can record them.  Content controls, smart tags, hyperlinks and custom
XML are transparent, around runs, paragraphs, table rows and cells alike.  Text boxes are returned
as paragraphs of their own after the paragraph that anchors them; tables as rows of cells, in
reading order; a paragraph records the footnotes and endnotes it cites, whose text the reader
places after it (docs/docx.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from typing import Any

from rectify_core.plugin_api import dataclass

from .ooxml import MC_NS, W

_MC = "{" + MC_NS + "}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_TRANSPARENT = {f"{W}hyperlink", f"{W}smartTag", f"{W}customXml", f"{W}ins", f"{W}moveTo", f"{W}fldSimple",
                f"{W}dir", f"{W}bdo", f"{W}sdtContent"}
_NOTE_REFERENCES = {f"{W}footnoteReference": "footnote", f"{W}endnoteReference": "endnote"}
# a content control or custom XML element may wrap a table row or a cell, as it wraps paragraphs
_WRAPPERS = (f"{W}sdt", f"{W}customXml")
_SKIPPED = {f"{W}del", f"{W}moveFrom", f"{W}pPr", f"{W}rPr", f"{W}sdtPr", f"{W}sdtEndPr"}


@dataclass
class Segment:
    """Text from one run: its character style id, its direct rPr, whether it is hidden."""

    text: str
    style: str | None
    rpr: Any
    hidden: bool = False


@dataclass
class Paragraph:
    ppr: Any
    segments: list[Segment] = field(default_factory=list)
    boxes: list[Paragraph] = field(default_factory=list)  # text boxes anchored here
    notes: list[tuple[str, str]] = field(default_factory=list)  # ("footnote" | "endnote", id) cited here

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments if not s.hidden)

    @property
    def hidden_text(self) -> str:
        return "".join(s.text for s in self.segments if s.hidden)


@dataclass
class Table:
    element: Any
    rows: list[list[list[Paragraph]]]  # rows → cells → paragraphs (nested tables flattened in order)
    header: list[bool] = field(default_factory=list)  # per row: Word's repeated header row (w:tblHeader)
    spans: list[list[int]] = field(default_factory=list)  # per row, per cell: grid columns it spans

    @property
    def columns(self) -> int:
        """Grid columns of the table (w:tblGrid), else the most a row spans."""
        grid = self.element.findall(f"{W}tblGrid/{W}gridCol")
        return len(grid) if grid else max((sum(r) for r in self.spans), default=0)

    def merged(self, index: int) -> bool:
        """The row is one cell spanning every column (a section heading inside a table)."""
        spans = self.spans[index]
        return len(spans) == 1 and self.columns > 1 and spans[0] >= self.columns

    @property
    def style(self) -> str | None:
        el = self.element.find(f"{W}tblPr/{W}tblStyle")
        return el.get(f"{W}val") if el is not None else None


def _alternate(el: Any) -> Any:
    """The branch of mc:AlternateContent a consumer shows: the first Choice, else the Fallback."""
    choice = el.find(f"{_MC}Choice")
    return choice if choice is not None else el.find(f"{_MC}Fallback")


def blocks(container: Any) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of a body, cell, text box or header, in document order."""
    for el in container:
        tag = el.tag
        if tag == f"{W}p":
            yield paragraph(el)
        elif tag == f"{W}tbl":
            yield _table(el)
        elif tag in (f"{W}sdt", f"{W}customXml"):
            inner = el.find(f"{W}sdtContent") if tag == f"{W}sdt" else el
            if inner is not None:
                yield from blocks(inner)
        elif tag == f"{_MC}AlternateContent":
            branch = _alternate(el)
            if branch is not None:
                yield from blocks(branch)


def _table(el: Any) -> Table:
    table = Table(el, [])
    for tr in _unwrapped(el, f"{W}tr"):
        cells = []
        spans = []
        for tc in _unwrapped(tr, f"{W}tc"):
            cells.append(list(_flat_paragraphs(tc)))
            span = tc.find(f"{W}tcPr/{W}gridSpan")
            try:
                spans.append(max(1, int(span.get(f"{W}val", "1"))) if span is not None else 1)
            except ValueError:
                spans.append(1)
        table.rows.append(cells)
        table.spans.append(spans)
        flag = tr.find(f"{W}trPr/{W}tblHeader")
        table.header.append(flag is not None and flag.get(f"{W}val", "true") not in ("0", "false", "off"))
    return table


def _unwrapped(parent: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` children of ``parent``, also those inside content controls and custom XML."""
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            inner = child.find(f"{W}sdtContent") if child.tag == f"{W}sdt" else child
            if inner is not None:
                yield from _unwrapped(inner, tag)


def notes(part: Any) -> dict[str, list[Paragraph | Table]]:
    """The notes of a footnotes or endnotes part by id (separators included: never cited)."""
    kinds = (f"{W}footnote", f"{W}endnote")
    return {note.get(f"{W}id") or "": list(blocks(note)) for note in part if note.tag in kinds}


def _flat_paragraphs(container: Any) -> Iterator[Paragraph]:
    for block in blocks(container):
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    yield from cell
        else:
            yield block


def paragraph(p: Any) -> Paragraph:
    para = Paragraph(p.find(f"{W}pPr"))
    fields: list[str] = []  # one entry per open complex field: "instr" or "result"
    _inline(p, para, fields)
    return para


def _inline(container: Any, para: Paragraph, fields: list[str]) -> None:
    for el in container:
        tag = el.tag
        if tag == f"{W}r":
            _run(el, para, fields)
        elif tag in _TRANSPARENT:
            _inline(el, para, fields)
        elif tag == f"{W}sdt":
            inner = el.find(f"{W}sdtContent")
            if inner is not None:
                _inline(inner, para, fields)
        elif tag == f"{_MC}AlternateContent":
            branch = _alternate(el)
            if branch is not None:
                _inline(branch, para, fields)
        elif tag.startswith(_M):
            text = "".join(t.text or "" for t in el.iter(f"{_M}t"))
            if text:
                para.segments.append(Segment(text, None, None))


def _run(r: Any, para: Paragraph, fields: list[str]) -> None:
    rpr = r.find(f"{W}rPr")
    style = None
    hidden = False
    if rpr is not None:
        rs = rpr.find(f"{W}rStyle")
        style = rs.get(f"{W}val") if rs is not None else None
        vanish = rpr.find(f"{W}vanish")
        hidden = vanish is not None and vanish.get(f"{W}val", "true") not in ("0", "false", "off")
    parts: list[str] = []
    for el in r:
        tag = el.tag
        if tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == "begin":
                fields.append("instr")
            elif kind == "separate" and fields:
                fields[-1] = "result"
            elif kind == "end" and fields:
                fields.pop()
            continue
        if any(state == "instr" for state in fields):
            continue
        if tag == f"{W}t":
            parts.append(el.text or "")
        elif tag in (f"{W}tab", f"{W}ptab"):
            parts.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{W}sym":
            code = el.get(f"{W}char") or ""
            try:
                value = int(code[:8], 16)
            except ValueError:
                continue
            if value >= 0xF000:  # symbol-font private use: the glyph has no Unicode meaning
                value -= 0xF000
            if 0x20 <= value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
                parts.append(chr(value))
        elif tag == f"{W}ruby":  # phonetic guide: the base text is the text; the reading above it is not
            parts.extend(t.text or "" for t in el.iterfind(f"{W}rubyBase/{W}r/{W}t"))
        elif tag in (f"{W}drawing", f"{W}pict", f"{W}object", f"{_MC}AlternateContent"):
            _boxes(el, para)
        elif tag in _NOTE_REFERENCES:
            para.notes.append((_NOTE_REFERENCES[tag], el.get(f"{W}id") or ""))
    if parts:
        para.segments.append(Segment("".join(parts), style, rpr, hidden))


def _boxes(el: Any, para: Paragraph) -> None:
    """Text boxes inside a drawing: each of their paragraphs, once (one AlternateContent branch)."""
    if el.tag == f"{_MC}AlternateContent":
        branch = _alternate(el)
        if branch is not None:
            for child in branch:
                _boxes(child, para)
        return
    for box in el.iter(f"{W}txbxContent"):
        if any(a.tag == f"{W}txbxContent" for a in box.iterancestors()):
            continue  # nested box: its text is in the outer box already
        para.boxes.extend(_flat_paragraphs(box))


__all__ = ["Paragraph", "Segment", "Table", "blocks", "notes", "paragraph"]
