"""Any other Word document: paragraphs → recognizer blocks with the hints Word's formatting gives.

Each paragraph becomes one block (a manual line break starts another, as it does on the page):
the automatic number Word draws in front of it (read_numbering.py) and its visible text, with the
style's name in whatever language the file was saved in, its outline level (1 = top; from the
paragraph, its style chain, or a "Heading N" / "标题 N" style name), whether it starts bold, its
font size, alignment and first-line indent.  A table gives one block per row with its cells as
shown (``Block.cells``; a header row and a merged row flagged), so no text is dropped and none is
invented: the recognizer reads the rows.  A table of one column is a frame around paragraphs (a
notice typed in a box): its paragraphs read as paragraphs, with their hints.  Text boxes follow
the paragraph they are anchored to; footnotes and endnotes come after the text, before the
signature (``BlockMaker.all_blocks``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from rectify_core.plugin_api import Block, compiled, row_block

from .ooxml import W
from .read_content import Paragraph, Segment, Table
from .read_numbering import Numbering
from .read_styles import StyleSheet, on

_HEADING_NAME = compiled(r"^(?:heading|标题|標題|titre|überschrift|título|titolo|kop|заголовок|見出し)\s*(\d)$",
                           re.IGNORECASE)
_ALIGN = {"both": "justify", "distribute": "justify", "start": "left", "end": "right", "left": "left",
          "right": "right", "center": "center"}


class BlockMaker:
    """``notes`` maps ("footnote" | "endnote", id) to the note's content.  :meth:`all_blocks` puts
    the notes' paragraphs, in the order they are cited, after the text and before the signature
    (docs/docx.md says why not after the citing paragraph)."""

    def __init__(self, styles: StyleSheet, numbering: Numbering,
                 notes: dict[tuple[str, str], list[Paragraph | Table]] | None = None) -> None:
        self.styles = styles
        self.numbering = numbering
        self.notes = dict(notes or {})
        self.cited: list[Paragraph | Table] = []
        self.count = 0
        self.tables = 0  # tables numbered in reading order (the body's, then the notes')

    def all_blocks(self, items: list[Paragraph | Table]) -> list[Block]:
        out = list(self.blocks(items))
        notes: list[Block] = []
        while self.cited:  # a note may cite another note
            cited, self.cited = self.cited, []
            notes.extend(self.blocks(cited))
        if notes:
            at = _signature_start(out)
            out[at:at] = notes
        return out

    def blocks(self, items: list[Paragraph | Table]) -> Iterator[Block]:
        for item in items:
            if isinstance(item, Table) and any(len(row) > 1 for row in item.rows):
                self.tables += 1
                for index, row in enumerate(item.rows):
                    yield self._row(item, index, row, self.tables)
            elif isinstance(item, Table):  # one column: a frame around paragraphs (a boxed notice)
                for row in item.rows:
                    for cell in row:
                        for p in cell:
                            yield from self.paragraph(p)
            else:
                yield from self.paragraph(item)

    def paragraph(self, p: Paragraph) -> Iterator[Block]:
        self.count += 1
        sid = self.styles.paragraph_style(p.ppr)
        marker = self._marker(p.ppr, sid) or ""
        text = marker + p.text
        if text.strip():
            first = _first_visible(p.segments)
            hints: dict[str, Any] = {
                "line": self.count,
                "style": self.styles.name(sid),
                "outline_level": self._outline(p.ppr, sid),
                "bold": self._bold(first, sid),
                "size": self._size(first, sid),
                "align": self._align(p.ppr, sid),
                "indent": self._indent(p.ppr, sid, first),
            }
            for i, line in enumerate(text.split("\n")):
                if line.strip():
                    yield Block(text=line.replace("\t", " "), **(hints if i == 0 else {**hints, "outline_level": None}))
        for box in p.boxes:
            yield from self.paragraph(box)
        for ref in p.notes:
            self.cited.extend(self.notes.pop(ref, []))

    def _row(self, table: Table, index: int, row: list[list[Paragraph]], number: int) -> Block:
        """One table row as the cells Word shows (the recognizer reads rows: ``recognize.tables``).

        A cell's paragraphs (with their automatic numbers, and text boxes anchored in them) are
        joined by line breaks; the row is a header when Word repeats it on each page, merged when
        its one cell spans every column."""
        self.count += 1
        cells = ["\n".join(self._cell_lines(cell)) for cell in row]
        first = next((p for cell in row for p in cell if p.text.strip()), None)
        sid = self.styles.paragraph_style(first.ppr) if first is not None else None
        seg = _first_visible(first.segments) if first is not None else None
        return row_block(cells, number, line=self.count, style=self.styles.name(sid), bold=self._bold(seg, sid),
                         header=table.header[index] or None, merged=table.merged(index) or None)

    def _cell_lines(self, cell: list[Paragraph]) -> Iterator[str]:
        for p in cell:
            sid = self.styles.paragraph_style(p.ppr)
            yield ((self._marker(p.ppr, sid) or "") + p.text).replace("\t", " ")
            for box in p.boxes:
                yield from self._cell_lines([box])
            for ref in p.notes:  # a note cited in a cell comes after the text, as any other
                self.cited.extend(self.notes.pop(ref, []))

    # -- hints ------------------------------------------------------------------------------------
    def _marker(self, ppr: Any, sid: str | None) -> str | None:
        num_id: str | None = None
        ilvl: int | None = None
        for source in (ppr, *(s.ppr for s in self.styles.chain(sid))):
            numpr = source.find(f"{W}numPr") if source is not None else None
            if numpr is None:
                continue
            if num_id is None and numpr.find(f"{W}numId") is not None:
                num_id = numpr.find(f"{W}numId").get(f"{W}val")
            if ilvl is None and numpr.find(f"{W}ilvl") is not None:
                try:
                    ilvl = int(numpr.find(f"{W}ilvl").get(f"{W}val", "0"))
                except ValueError:
                    ilvl = 0
            if num_id is not None and ilvl is not None:
                break
        if num_id is None:
            return None
        if ilvl is None:
            ilvl = self.numbering.level_for_style(num_id, sid) or 0
        return self.numbering.marker(num_id, ilvl)

    def _outline(self, ppr: Any, sid: str | None) -> int | None:
        el = self.styles.ppr_find(ppr, sid, f"{W}outlineLvl")
        if el is not None:
            try:
                level = int(el.get(f"{W}val", "9"))
            except ValueError:
                level = 9
            return level + 1 if 0 <= level < 9 else None
        for style in self.styles.chain(sid):
            m = _HEADING_NAME.match(style.name.strip())
            if m:
                return int(m.group(1))
        return None

    def _bold(self, seg: Segment | None, sid: str | None) -> bool:
        rpr, char = (seg.rpr, seg.style) if seg is not None else (None, None)
        return bool(on(self.styles.rpr_find(rpr, char, sid, "b")))

    def _size(self, seg: Segment | None, sid: str | None) -> float | None:
        rpr, char = (seg.rpr, seg.style) if seg is not None else (None, None)
        el = self.styles.rpr_find(rpr, char, sid, "sz")
        try:
            return int(el.get(f"{W}val")) / 2 if el is not None else None
        except (TypeError, ValueError):
            return None

    def _align(self, ppr: Any, sid: str | None) -> str | None:
        el = self.styles.ppr_find(ppr, sid, f"{W}jc")
        return _ALIGN.get(el.get(f"{W}val", "")) if el is not None else None

    def _indent(self, ppr: Any, sid: str | None, seg: Segment | None) -> float | None:
        el = self.styles.ppr_find(ppr, sid, f"{W}ind")
        if el is None:
            return None
        chars = el.get(f"{W}firstLineChars") or None
        if chars is not None:
            size = self._size(seg, sid) or 10.5
            try:
                return int(chars) / 100 * size
            except ValueError:
                pass
        for attr, sign in (("firstLine", 1), ("hanging", -1)):
            value = el.get(f"{W}{attr}")
            if value is not None:
                try:
                    return sign * int(value) / 20
                except ValueError:
                    return None
        return None


def _signature_start(blocks: list[Block]) -> int:
    """Where the closing signature starts: before a last line that is a date and up to two short
    lines above it (the issuer); the end when the text does not end with a date."""
    from rectify_core.plugin_api import vocab

    end = len(blocks)
    if not blocks or len(blocks[-1].text) > 30 or vocab.dates.parse_date(blocks[-1].text) is None:
        return end
    end -= 1
    while end > 0 and len(blocks) - end < 3 and len(blocks[end - 1].text) <= 30 \
            and not any(mark in blocks[end - 1].text for mark in "。；：.;:"):
        end -= 1
    return end


def _first_visible(segments: list[Segment]) -> Segment | None:
    return next((s for s in segments if not s.hidden and s.text.strip()), None)


__all__ = ["BlockMaker"]
