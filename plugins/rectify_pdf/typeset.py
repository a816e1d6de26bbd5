"""Line breaking and page layout for the PDF writer: visible paragraphs → placed lines.

Pure Python (glyph advances come in as a function), so the layout can be tested without drawing.
The rules are those of a 公文 typed in a word processor on the GB/T 9704 grid: body paragraphs have
a first-line indent of two characters and break between any two characters; closing punctuation
and spaces may hang past the right edge rather than start a line; an opening bracket or quote never
ends one.  The reader relies on exactly these properties to rejoin lines: a line of a paragraph
that goes on is full, and a paragraph's first line is indented, centred or right-aligned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rectify_core.layout import Para

from . import page as P

# GB/T 15834 line-breaking: these never start a line (they hang instead) …
CLOSERS = frozenset("，。、；：？！）》」』】〕’”…—·％%,.;:?!)]}'\"")
# … and these never end one (they move down with the character they belong to).
OPENERS = frozenset("（《「『【〔‘“([{")

Advance = Callable[[str, float], float]  # (character, size) → advance in points


@dataclass(frozen=True)
class Look:
    """How a paragraph role is set: size, alignment, indents in body cells, bold span kinds."""

    size: float = P.SIZE_BODY
    align: str = "left"
    indent: float = 2.0  # first-line indent
    right_indent: float = 0.0
    bold: frozenset[str] = frozenset()


_BODY = Look()
_LOOKS: dict[str, Look] = {
    "title": Look(size=P.SIZE_TITLE, align="center", indent=0, bold=frozenset({"text"})),
    "subtitle": Look(align="center", indent=0),
    "issuer": Look(align="right", indent=0, right_indent=2),
    "date": Look(align="right", indent=0, right_indent=2),
}
# 一、 headings are set in 黑体 by GB/T 9704; with one typeface, bold stands in for it.
_LEVEL1 = Look(bold=frozenset({"marker", "heading"}))


def look_for(para: Para) -> Look:
    if para.role == "node" and para.depth == 1:
        return _LEVEL1
    return _LOOKS.get(para.role, _BODY)


def para_runs(para: Para) -> list[tuple[str, bool]]:
    """The characters of a paragraph as (text, bold) runs; a disclosure field reads 标签：值."""
    look = look_for(para)
    if para.role == "disclosure":
        label = para.get("label") or ""
        value = para.get("value")
        return [(label + "：" + (value or ""), False)]
    return [(span.text, span.kind in look.bold) for span in para.spans if span.text]


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool


@dataclass(frozen=True)
class Line:
    """One drawn line: ``x`` from the left edge and ``baseline`` from the top of the page, in pt."""

    page: int  # 1-based
    slot: int  # 0-based line of the 22-line grid
    x: float
    baseline: float
    width: float
    size: float
    char_space: float
    runs: tuple[Run, ...]
    para: int  # index of the paragraph it belongs to

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


def _char_space(size: float) -> float:
    # 3号 body text sits on the 15.79 pt character grid; larger type (the title) is set solid.
    return P.CHAR_SPACE_BODY if size <= P.SIZE_BODY else 0.0


def break_lines(chars: Sequence[tuple[str, bool]], first_width: float, width: float,
                advance: Advance, size: float) -> list[list[tuple[str, bool]]]:
    """Greedy line breaking between characters with hanging closers and sticky openers."""
    space = _char_space(size)
    lines: list[list[tuple[str, bool]]] = []
    line: list[tuple[str, bool]] = []
    used = 0.0
    limit = first_width
    i = 0
    while i < len(chars):
        ch = chars[i]
        w = advance(ch[0], size) + space
        if not line or used + w <= limit + 0.01 or ch[0] in CLOSERS or ch[0] == " ":
            line.append(ch)
            used += w
            i += 1
            continue
        # the line is full: a number or Latin word is not split (unless it fills the line) …
        carried: list[tuple[str, bool]] = []
        if _is_word(ch[0]) and _is_word(line[-1][0]):
            cut = len(line)
            while cut > 0 and _is_word(line[cut - 1][0]):
                cut -= 1
            if cut > 0:
                carried, line = line[cut:], line[:cut]
        # … and an opening bracket at its end moves down with what it opens
        while len(line) > 1 and line[-1][0] in OPENERS:
            carried.insert(0, line.pop())
        lines.append(line)
        line = carried
        used = sum(advance(c[0], size) + space for c in line)
        limit = width
    if line:
        lines.append(line)
    return lines


def _is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _runs(chars: Sequence[tuple[str, bool]]) -> tuple[Run, ...]:
    runs: list[Run] = []
    for text, bold in chars:
        if runs and runs[-1].bold == bold:
            runs[-1] = Run(runs[-1].text + text, bold)
        else:
            runs.append(Run(text, bold))
    return tuple(runs)


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


def typeset(paras: Sequence[Para], advance: Advance) -> list[Line]:
    """Place every paragraph on the 22 × 28 grid, page after page."""
    placed: list[Line] = []
    slot = 0  # running grid line over all pages
    issuer_x: float | None = None
    for index, para in enumerate(paras):
        look = look_for(para)
        if _blank_before(paras, index) and slot % P.LINES_PER_PAGE != 0:
            slot += 1
        chars = [(c, bold) for text, bold in para_runs(para) for c in text]
        width = P.TYPE_WIDTH - look.right_indent * P.CELL
        first = width - look.indent * P.CELL
        space = _char_space(look.size)
        broken = break_lines(chars, first, width, advance, look.size)
        for n, line in enumerate(broken):
            text_width = sum(advance(c, look.size) + space for c, _ in line) - space
            visible = text_width - sum(advance(c, look.size) + space for c, _ in _trailing_spaces(line))
            line_space = space
            if look.align == "left" and n < len(broken) - 1 and len(line) > 1:
                # justified like a 公文 in Word: a line that goes on ends flush with the type area
                room = (first if n == 0 else width) - visible
                if room > 0:
                    line_space += room / (len(line) - len(_trailing_spaces(line)) - 1)
                    text_width = (first if n == 0 else width) + (text_width - visible)
            if look.align == "center":
                x = P.LEFT + (width - visible) / 2
            elif look.align == "right":
                x = P.LEFT + width - visible
                if para.role == "issuer":
                    issuer_x = x
                elif para.role == "date" and issuer_x is not None:
                    # GB/T 9704 7.3.5.2: the date starts two characters right of the issuer's name
                    x = min(issuer_x + 2 * P.CELL, x)
            else:
                x = P.LEFT + (look.indent * P.CELL if n == 0 else 0.0)
            page_no, row = divmod(slot, P.LINES_PER_PAGE)
            baseline = P.TOP + row * P.PITCH + P.PITCH / 2 + 0.38 * look.size
            placed.append(Line(page_no + 1, row, x, baseline, text_width, look.size, line_space, _runs(line), index))
            slot += 1
    return placed


def _trailing_spaces(line: Sequence[tuple[str, bool]]) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for ch in reversed(line):
        if ch[0] != " ":
            break
        out.append(ch)
    return out


__all__ = ["CLOSERS", "OPENERS", "Line", "Look", "Run", "break_lines", "look_for", "para_runs", "typeset"]
