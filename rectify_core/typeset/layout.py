"""Line breaking and pagination of the GB/T 9704 page: visible paragraphs → pages of placed lines.

Back-end neutral: the result (``Line`` and ``Run``) says which face, size, x/y and the advance of
every glyph, and the PDF and OFD back ends only draw it.  Glyph metrics come in through a
``Metrics`` object, so the layout can be tested without fonts.

Line breaking is that of a 公文 typed in a word processor on the 22 × 28 grid: body paragraphs have
a first-line indent of two characters and break between any two characters; closing punctuation
hangs past the right edge rather than start a line; an opening bracket or quote never ends one; a
number or Latin word moves down whole; a break never touches a space; lines that go on are
justified.  The PDF reader relies on exactly these properties to rejoin lines: a line of a paragraph
that goes on is full, and a paragraph's first line is indented, centred or right-aligned.

Pagination keeps what a reader needs together: a heading line (and a label line such as 整改情况：
standing alone) never ends a page — it moves on with the first two lines of what follows — the
title likewise, and so does a numbered item's first paragraph when it is as short as a heading
(two lines at most: "（3）吕剧戏曲文化的传承仍存在后备力量不足" stays with its 整改情况); a
paragraph's first line never stands alone at a page foot (orphan) nor its last
line alone at a page top (widow), where the paragraph is long enough to avoid it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import field
from typing import Any, Protocol

from rectify_core.model import Document
from rectify_core.visible import Para

from ..records import dataclass
from . import page as P

# GB/T 15834 line-breaking: these never start a line (they hang instead) …
CLOSERS = frozenset("，。、；：？！）》」』】〕’”…—·％%,.;:?!)]}'\"")
# … and these never end one (they move down with the character they belong to).
OPENERS = frozenset("（《「『【〔‘“([{")

# A space is half an em wide: clearly a space next to CJK text, where LibreOffice's automatic
# CJK/Latin spacing (about 0.2 em) is not one (see the PDF reader's extract.py).
SPACE = 0.5


class Metrics(Protocol):
    """Where glyphs come from: the face that draws ``ch`` in ``role`` and its advance."""

    def glyph(self, role: str, ch: str, size: float) -> tuple[str, float, bool]:
        """(face name, advance in pt, drawn with a stroked fake bold)."""
        ...


@dataclass(frozen=True)
class Look:
    """How a paragraph role is set: size, alignment, indents in body cells, the face role of each
    span kind (``body`` unless named)."""

    size: float = P.SIZE_BODY
    align: str = "left"
    indent: float = 2.0  # first-line indent
    right_indent: float = 0.0
    faces: tuple[tuple[str, str], ...] = ()  # (span kind, face role)

    def face(self, kind: str) -> str:
        return dict(self.faces).get(kind, "body")


_BODY = Look()
_LOOKS: dict[str, Look] = {
    "title": Look(size=P.SIZE_TITLE, align="center", indent=0, faces=(("text", "title"),)),
    "subtitle": Look(align="center", indent=0, faces=(("text", "heading2"),)),
    "issuer": Look(align="right", indent=0, right_indent=2),
    "date": Look(align="right", indent=0, right_indent=2),
}
# GB/T 9704 7.3.3: 一、 headings in 黑体, （一） headings in 楷体; deeper levels in the body face.
_LEVEL1 = Look(faces=(("marker", "heading1"), ("heading", "heading1")))
_LEVEL2 = Look(faces=(("marker", "heading2"), ("heading", "heading2")))


def look_for(para: Para) -> Look:
    if para.role == "node" and para.depth == 1:
        return _LEVEL1
    if para.role == "node" and para.depth == 2:
        return _LEVEL2
    return _LOOKS.get(para.role, _BODY)


def para_runs(para: Para) -> list[tuple[str, str]]:
    """The characters of a paragraph as (text, face role) runs; a disclosure field reads 标签：值."""
    look = look_for(para)
    if para.role == "disclosure":  # as the txt writer prints it; a bare value stands alone
        label, value = para.get("label"), para.get("value") or ""
        return [(f"{label}：{value}" if label else value, "body")]
    return [(span.text, look.face(span.kind)) for span in para.spans if span.text]


def page_paragraphs(document: Document, options: Mapping[str, Any]) -> list[Para]:
    """The paragraphs a GB/T 9704 page shows: ``flatten(document)`` without the 政务公开 list, which
    goes into the file's properties (``rectify_core.metadata``) — unless ``disclosure=cover``."""
    from rectify_core.metadata import disclosure_on_cover
    from rectify_core.visible import flatten

    paras = flatten(document)
    if disclosure_on_cover(options):
        return paras
    return [p for p in paras if p.role != "disclosure"]


def keeps_with_next(para: Para) -> bool:
    """A line that announces what follows: a heading line, a label line standing alone, the title."""
    kinds = {s.kind for s in para.spans if s.text}
    if para.role in ("title", "subtitle"):
        return True
    if para.role == "node":
        return bool(kinds & {"marker", "heading"}) and not kinds & {"text", "finding", "status"}
    if para.role == "rectification":
        return not kinds - {"label", "colon"}
    return False


@dataclass(frozen=True)
class Run:
    """Glyphs of one face drawn from ``x`` on; ``advances`` is the distance from each glyph to the
    next (advance plus character spacing).  Spaces are never drawn: a space is the gap between two
    runs, as in LibreOffice's PDFs, so a reader judges every space by its width."""

    text: str
    face: str
    x: float
    advances: tuple[float, ...]
    bold: bool = False  # reads as bold: a bold face, or the stroked fake bold
    stroke: bool = False  # draw with the stroked fake bold (the role's own face is missing)
    after_space: bool = False


@dataclass(frozen=True)
class Line:
    """One drawn line: ``x`` from the left edge and ``baseline`` from the top of the page, in pt."""

    page: int  # 1-based
    slot: int  # 0-based line of the 22-line grid
    x: float  # where the first glyph starts
    baseline: float
    width: float
    size: float
    char_space: float
    runs: tuple[Run, ...]
    para: int  # index of the paragraph it belongs to
    role: str = "paragraph"  # the paragraph's role
    keep: bool = False  # a heading or label line: never the last line of a page

    @property
    def text(self) -> str:
        return "".join((" " if r.after_space else "") + r.text for r in self.runs)


def _char_space(size: float) -> float:
    # 3号 body text sits on the 15.79 pt character grid; larger type (the title) is set solid.
    return P.CHAR_SPACE_BODY if size <= P.SIZE_BODY else 0.0


Char = tuple[str, str]  # (character, face role)


def break_lines(chars: Sequence[Char], first_width: float, width: float,
                advance: Callable_, size: float) -> list[list[Char]]:
    """Greedy line breaking between characters: closing punctuation hangs, and a break never
    touches a space, splits a number or Latin word, or leaves an opening bracket at a line end."""
    space = _char_space(size)
    lines: list[list[Char]] = []
    line: list[Char] = []
    used = 0.0
    limit = first_width
    for ch in chars:
        w = advance(ch, size) + space
        if not line or used + w <= limit + 0.01 or ch[0] in CLOSERS:
            line.append(ch)
            used += w
            continue
        cut = _break_at([c for c, _ in line], ch[0])
        lines.append(line[:cut])
        line = [*line[cut:], ch]
        used = sum(advance(c, size) + space for c in line)
        limit = width
    if line:
        lines.append(line)
    return lines


def _break_at(line: Sequence[str], following: str) -> int:
    """Where to end a full line: everything from the returned index on moves to the next line.

    A break next to a space would leave the space at a line end, where a PDF shows nothing and a
    reader cannot tell it was there; so that is never done (unless the line offers no other place).
    """
    seq = [*line, following]

    def fits(j: int, strict: bool) -> bool:
        before, after = seq[j - 1], seq[j]
        if before == " " or after == " ":
            return False
        return not strict or not (
            (_is_word(before) and _is_word(after)) or before in OPENERS or after in CLOSERS)

    for strict, reach in ((True, 12), (False, len(line))):
        for j in range(len(line), max(0, len(line) - reach), -1):
            if fits(j, strict):
                return j
    return len(line)


def _is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _blank_before(paras: Sequence[Para], index: int) -> bool:
    """GB/T 9704 white space: after the disclosure list, under the title, above the signature."""
    if index == 0:
        return False
    role, before = paras[index].role, paras[index - 1].role
    if role == "title" and before == "disclosure":
        return True
    if before in ("title", "subtitle") and role not in ("title", "subtitle"):
        return True
    return role == "issuer" or (role == "date" and before != "issuer")


def _strip_spaces(line: Sequence[Char]) -> list[Char]:
    chars = list(line)
    while chars and chars[0][0] == " ":
        chars.pop(0)
    while chars and chars[-1][0] == " ":
        chars.pop()
    return chars


@dataclass
class _Block:
    """A paragraph broken into lines (before pages are known): x, width, spacing, runs per line."""

    index: int
    para: Para
    look: Look
    lines: list[tuple[float, float, float, tuple[Run, ...]]] = field(default_factory=list)
    blank_before: bool = False
    keep: bool = False


class Callable_(Protocol):
    def __call__(self, ch: Char, size: float) -> float: ...


def _set_paragraph(index: int, para: Para, look: Look, metrics: Metrics, issuer_x: list[float]) -> _Block:
    def measure(ch: Char, size: float) -> float:
        return SPACE * size if ch[0] == " " else metrics.glyph(ch[1], ch[0], size)[1]

    block = _Block(index, para, look, keep=keeps_with_next(para))
    chars = [(c, role) for text, role in para_runs(para) for c in text]
    width = P.TYPE_WIDTH - look.right_indent * P.CELL
    first = width - look.indent * P.CELL
    space = _char_space(look.size)
    broken = break_lines(chars, first, width, measure, look.size)
    for n, raw in enumerate(broken):
        line = _strip_spaces(raw)
        if not line:
            continue
        visible = sum(measure(c, look.size) + space for c in line) - space
        line_space = space
        if look.align == "left" and n < len(broken) - 1 and len(line) > 1:
            # justified like a 公文 in Word: a line that goes on ends flush with the type area
            room = (first if n == 0 else width) - visible
            if room > 0:
                line_space += room / (len(line) - 1)
                visible = first if n == 0 else width
        if look.align == "center":
            x = P.LEFT + (width - visible) / 2
        elif look.align == "right":
            x = P.LEFT + width - visible
            if para.role == "issuer":
                issuer_x[:] = [x]
            elif para.role == "date" and issuer_x:
                # GB/T 9704 7.3.5.2: the date starts two characters right of the issuer's name
                x = min(issuer_x[0] + 2 * P.CELL, x)
        else:
            x = P.LEFT + (look.indent * P.CELL if n == 0 else 0.0)
        block.lines.append((x, visible, line_space, _place(line, x, line_space, look.size, metrics)))
    return block


def _place(line: Sequence[Char], x: float, char_space: float, size: float, metrics: Metrics) -> tuple[Run, ...]:
    """Split a line into runs at spaces and changes of face, each with its x and glyph advances."""
    runs: list[Run] = []
    text = ""
    advances: list[float] = []
    face, stroke, spaced, start = "", False, False, x
    gap = False  # a space since the last run

    def close() -> None:
        if text:
            runs.append(Run(text, face, start, tuple(advances), stroke or face.endswith("-Bold"), stroke, spaced))

    for ch, role in line:
        if ch == " ":
            close()
            text, advances, gap = "", [], True
            x += SPACE * size + char_space
            continue
        name, advance, heavy = metrics.glyph(role, ch, size)
        if text and (name, heavy) != (face, stroke):
            close()
            text, advances = "", []
        if not text:
            start, face, stroke, spaced, gap = x, name, heavy, gap, False
        text += ch
        advances.append(advance + char_space)
        x += advance + char_space
    close()
    return tuple(runs)


def _needed(blocks: Sequence[_Block], i: int) -> int:
    """Rows block ``i`` needs on its page when it keeps with what follows: all its lines, the
    blank before the next, and the next's first two lines (or all of a kept chain)."""
    block = blocks[i]
    rows = len(block.lines)
    if not block.keep or i + 1 >= len(blocks):
        return rows
    nxt = blocks[i + 1]
    rows += 1 if nxt.blank_before else 0
    if nxt.keep:
        return rows + _needed(blocks, i + 1)
    return rows + min(2, len(nxt.lines))


def typeset(paras: Sequence[Para], metrics: Metrics) -> list[Line]:
    """Place every paragraph on the 22 × 28 grid, page after page (see the module docstring)."""
    rows = P.LINES_PER_PAGE
    issuer_x: list[float] = []
    blocks = []
    for index, para in enumerate(paras):
        block = _set_paragraph(index, para, look_for(para), metrics, issuer_x)
        block.blank_before = _blank_before(paras, index)
        if para.role == "node" and para.get("marker") and len(block.lines) <= 2:
            block.keep = True  # a numbered item's short first line reads as its heading
        if block.lines:
            blocks.append(block)
    placed: list[Line] = []
    slot = 0  # running grid line over all pages
    for i, block in enumerate(blocks):
        if block.blank_before and slot % rows != 0:
            slot += 1
        row = slot % rows
        n = len(block.lines)
        room = rows - row
        fit = room if n > room else n  # lines of this paragraph on the current page
        if n > room and n - room == 1 and n >= 3:
            fit -= 1  # widow: give the next page two lines, not one
        if row and block.keep and room < _needed(blocks, i) <= rows:
            fit = 0  # keep with next: start the next page
        elif row and n >= 2 and fit == 1:
            fit = 0  # orphan: a first line alone at the page foot
        breaks: set[int] = set()
        if fit == 0:
            slot += room
        elif fit < n and fit < room:
            breaks.add(fit)
        for k, (x, width, char_space, runs) in enumerate(block.lines):
            if k in breaks:
                slot += rows - slot % rows
            page_no, r = divmod(slot, rows)
            baseline = P.TOP + r * P.PITCH + P.PITCH / 2 + 0.38 * block.look.size
            placed.append(Line(page_no + 1, r, x, baseline, width, block.look.size, char_space, runs,
                               block.index, block.para.role, block.keep))
            slot += 1
    return placed


def folio_position(number: int, face: Any) -> tuple[float, float]:
    """(x, baseline from the top) in points of ``— n —`` in 4号, 7 mm under the type area: odd pages
    right, even pages left, one character in (GB/T 9704 7.5); ``face`` gives the advances."""
    from rectify_core import gbt9704 as G

    label = P.folio_text(number)
    width = sum(face.advance(c, P.SIZE_FOLIO) for c in label)
    baseline = P.TOP + P.TYPE_HEIGHT + P.FOLIO_DROP + 0.35 * P.SIZE_FOLIO
    inset = G.FOLIO_INSET_CHARS * P.SIZE_FOLIO
    if G.folio_side(number) == "right":
        return P.PAGE_WIDTH - P.RIGHT - inset - width, baseline
    return P.LEFT + inset, baseline


def expected_blocks(document: Document, options: Mapping[str, Any] | None = None) -> list[Any]:
    """The blocks a reader must extract from rectify's PDF or OFD: see ``rectify_core.typeset.expected``."""
    from .expected import expected_blocks as expected

    return expected(document, options)


def whole_characters(indent: float, size: float) -> float:
    from .expected import whole_characters as whole

    return whole(indent, size)


def property_blocks(pairs: Sequence[tuple[str, str]]) -> list[Any]:
    from .expected import property_blocks as blocks

    return blocks(pairs)


def layout_blocks(paras: Sequence[Para], lines: Sequence[Line]) -> list[Any]:
    from .expected import layout_blocks as blocks

    return blocks(paras, lines)


__all__ = [
    "CLOSERS",
    "OPENERS",
    "SPACE",
    "Line",
    "Look",
    "Metrics",
    "Run",
    "break_lines",
    "expected_blocks",
    "folio_position",
    "keeps_with_next",
    "layout_blocks",
    "look_for",
    "page_paragraphs",
    "para_runs",
    "typeset",
    "whole_characters",
]
