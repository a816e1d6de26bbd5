"""Line breaking and page layout for the PDF writer: visible paragraphs → placed lines.

Pure Python (glyph advances come in as a function), so the layout can be tested without drawing.
The rules are those of a 公文 typed in a word processor on the GB/T 9704 grid: body paragraphs have
a first-line indent of two characters and break between any two characters; closing punctuation
hangs past the right edge rather than start a line; an opening bracket or quote never ends one; a
number or Latin word moves down whole; a break never touches a space; lines that go on are
justified.  The reader relies on exactly these properties to rejoin lines: a line of a paragraph
that goes on is full, and a paragraph's first line is indented, centred or right-aligned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rectify_core.plugin_api import Para

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
    if para.role == "disclosure":  # as the txt writer prints it; a bare value stands alone
        label, value = para.get("label"), para.get("value") or ""
        return [(f"{label}：{value}" if label else value, False)]
    return [(span.text, span.kind in look.bold) for span in para.spans if span.text]


@dataclass(frozen=True)
class Run:
    """Characters drawn from ``x`` on, in one weight.  Spaces are never drawn: a space is the gap
    between two runs, as in LibreOffice's PDFs, so the reader judges every space by its width."""

    text: str
    bold: bool
    x: float
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

    @property
    def text(self) -> str:
        return "".join((" " if r.after_space else "") + r.text for r in self.runs)


def _char_space(size: float) -> float:
    # 3号 body text sits on the 15.79 pt character grid; larger type (the title) is set solid.
    return P.CHAR_SPACE_BODY if size <= P.SIZE_BODY else 0.0


def break_lines(chars: Sequence[tuple[str, bool]], first_width: float, width: float,
                advance: Advance, size: float) -> list[list[tuple[str, bool]]]:
    """Greedy line breaking between characters: closing punctuation hangs, and a break never
    touches a space, splits a number or Latin word, or leaves an opening bracket at a line end."""
    space = _char_space(size)
    lines: list[list[tuple[str, bool]]] = []
    line: list[tuple[str, bool]] = []
    used = 0.0
    limit = first_width
    for ch in chars:
        w = advance(ch[0], size) + space
        if not line or used + w <= limit + 0.01 or ch[0] in CLOSERS:
            line.append(ch)
            used += w
            continue
        cut = _break_at([c for c, _ in line], ch[0])
        lines.append(line[:cut])
        line = [*line[cut:], ch]
        used = sum(advance(c[0], size) + space for c in line)
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


def typeset(paras: Sequence[Para], advance: Advance) -> list[Line]:
    """Place every paragraph on the 22 × 28 grid, page after page."""

    def measure(ch: str, size: float) -> float:
        return SPACE * size if ch == " " else advance(ch, size)

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
        broken = break_lines(chars, first, width, measure, look.size)
        for n, line in enumerate(broken):
            line = _strip_spaces(line)
            if not line:
                continue
            visible = sum(measure(c, look.size) + space for c, _ in line) - space
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
                    issuer_x = x
                elif para.role == "date" and issuer_x is not None:
                    # GB/T 9704 7.3.5.2: the date starts two characters right of the issuer's name
                    x = min(issuer_x + 2 * P.CELL, x)
            else:
                x = P.LEFT + (look.indent * P.CELL if n == 0 else 0.0)
            page_no, row = divmod(slot, P.LINES_PER_PAGE)
            baseline = P.TOP + row * P.PITCH + P.PITCH / 2 + 0.38 * look.size
            runs = _place(line, x, line_space, [measure(c, look.size) for c, _ in line])
            placed.append(Line(page_no + 1, row, x, baseline, visible, look.size, line_space, runs, index))
            slot += 1
    return placed


# A space is half an em wide: clearly a space next to CJK text, where LibreOffice's automatic
# CJK/Latin spacing (about 0.2 em) is not one (see extract.py).
SPACE = 0.5


def _strip_spaces(line: Sequence[tuple[str, bool]]) -> list[tuple[str, bool]]:
    chars = list(line)
    while chars and chars[0][0] == " ":
        chars.pop(0)
    while chars and chars[-1][0] == " ":
        chars.pop()
    return chars


def _place(line: Sequence[tuple[str, bool]], x: float, char_space: float,
           advances: Sequence[float]) -> tuple[Run, ...]:
    """Split a line into runs at spaces and changes of weight, each with its starting x."""
    runs: list[Run] = []
    text = ""
    bold = spaced = False
    start = x
    gap = False  # a space since the last run
    for (ch, heavy), advance in zip(line, advances, strict=True):
        if ch == " " or (text and heavy != bold):
            if text:
                runs.append(Run(text, bold, start, spaced))
            text = ""
        if ch == " ":
            gap = True
        else:
            if not text:
                start, bold, spaced, gap = x, heavy, gap, False
            text += ch
        x += advance + char_space
    if text:
        runs.append(Run(text, bold, start, spaced))
    return tuple(runs)


__all__ = ["CLOSERS", "OPENERS", "Line", "Look", "Run", "break_lines", "look_for", "para_runs", "typeset"]
