"""Lines → paragraphs, from the geometry of the page, never from punctuation alone.

A printed paragraph shows where it starts and ends: its first line is indented (or centred, or set
right), and every line but its last is full — it reaches the right edge of the type area, or the
next word would not have fitted.  The type area is measured from the document itself (the left
edge lines start at, the right edge the lines that go on end at), so PDFs from Word, WPS,
LibreOffice and rectify all read alike.  Further signals: a change of type size, a wider vertical
gap, and a heading number at the start of an unindented line right after a line that ends a
sentence.  (Not bold: a bold run-in heading may fill its line exactly and go on in plain type.)
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import field
from statistics import median

from rectify_core.typeset import page as P
from rectify_core.typeset.layout import CLOSERS, OPENERS
from rectify_core.vocab.markers import split_marker

from ..records import dataclass
from .lines import TextLine, is_latin

_ENDS_SENTENCE = frozenset("。；：！？;:!?")


@dataclass(frozen=True)
class Frame:
    """The type area as this document uses it, in points."""

    left: float
    right: float
    em: float  # the body type size
    pitch: float  # the usual distance between consecutive lines

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


@dataclass
class Paragraph:
    lines: list[TextLine] = field(default_factory=list)
    text: str = ""

    @property
    def first(self) -> TextLine:
        return self.lines[0]


def measure_frame(lines: list[TextLine], page_size: tuple[float, float] | None = None) -> Frame:
    """Left edge: the smallest start shared by several lines; right edge: where full lines end.

    A short document gives little evidence: its lines may all be indented first lines, none of
    them full.  On an A4 page whose lines fit the GB/T 9704 type area (and start on its character
    grid), that area is taken as the frame — it is what every 公文 is set in.
    """
    weight: Counter[float] = Counter()
    for line in lines:
        if line.size > 0:
            weight[round(line.size * 2) / 2] += len(line.text)
    em = weight.most_common(1)[0][0] if weight else 12.0  # the size most of the text is set in
    body = [line for line in lines if abs(line.size - em) <= 0.15 * em] or lines
    a4 = page_size is not None and _is_a4(page_size)
    left = _left_edge(body, a4)
    # the right edge: where lines end that the text goes on from — a line followed by one that
    # starts at the left edge in the same type — the fullest of them (all of them, in justified
    # text); lines that hang a closing mark past the edge do not count
    plain = [line.right for line in lines if line.text.rstrip()[-1:] not in CLOSERS] or [lines[0].right]
    going_on = [a.right for a, b in itertools.pairwise(body)
                if abs(b.left - left) < 0.5 * em and a.size == b.size and a.text.rstrip()[-1:] not in CLOSERS]
    if len(going_on) >= 2 and max(plain) <= max(going_on) + em:
        right = max(going_on)
    elif a4 and max(plain) <= P.PAGE_WIDTH - P.RIGHT + 2:
        right = P.PAGE_WIDTH - P.RIGHT
    else:
        right = max(plain)
    gaps = [b.top - a.top for a, b in itertools.pairwise(lines) if a.page == b.page and 0 < b.top - a.top < 4 * em]
    pitch = median(gaps) if gaps else 1.5 * em
    return Frame(left, right, em, pitch)


def _is_a4(size: tuple[float, float]) -> bool:
    return abs(size[0] - P.PAGE_WIDTH) < 3 and abs(size[1] - P.PAGE_HEIGHT) < 3


def _left_edge(body: list[TextLine], a4: bool) -> float:
    """The smallest start shared by ≥ 3 lines — or GB/T 9704's left margin, on an A4 page where
    no line starts left of it and the measured edge is that margin plus whole characters (every
    line an indented first line) or not shared at all."""
    lefts = Counter(round(line.left) for line in body)
    need = max(3, len(body) // 33)  # fewer lines agreeing may be a coincidence
    shared = [x for x, n in lefts.items() if n >= need]
    left = float(min(shared) if shared else min(lefts))
    if a4 and min(line.left for line in body) >= P.LEFT - 2:
        size = median(line.size for line in body if round(line.left) == round(left)) if shared else 0.0
        if not shared or any(abs(left - P.LEFT - k * size) <= 2 for k in range(0, 5)):
            return P.LEFT
    return left


def _first_token_width(line: TextLine) -> float:
    """Width of what would have had to fit at the end of the previous line: a character, with an
    opening bracket before it, or a whole Latin word."""
    glyphs = [g for g in line.glyphs if not g.ch.isspace()]
    if not glyphs:
        return 0.0
    end = 1
    if glyphs[0].ch in OPENERS and len(glyphs) > 1:
        end = 2
    tight = 0.2 * line.size  # closer than this, Latin glyphs belong to one word
    if is_latin(glyphs[end - 1].ch):
        while end < len(glyphs) and is_latin(glyphs[end].ch) and glyphs[end].left - glyphs[end - 1].right < tight:
            end += 1
    return glyphs[end - 1].right - glyphs[0].left


def _is_full(line: TextLine, nxt: TextLine, frame: Frame) -> bool:
    room = frame.right - line.right
    # the next word would not have fitted (the edge is measured to about half a point either way)
    return room < _first_token_width(nxt) + 0.05 * frame.em


def _centred(line: TextLine, frame: Frame) -> bool:
    """Set in the middle: in from the left edge, with as much room on the right."""
    left_room, right_room = line.left - frame.left, frame.right - line.right
    return left_room > 0.5 * frame.em and abs(left_room - right_room) < 0.5 * frame.em


def _indented(line: TextLine, frame: Frame) -> bool:
    """Starts with the usual first-line indent of two characters."""
    return abs(line.left - frame.left - 2 * line.size) < 0.3 * line.size


def _spans_middle(line: TextLine, frame: Frame) -> bool:
    right = min(line.right, frame.right)  # a closing mark hanging in the margin does not count
    return abs((line.left + right) / 2 - frame.centre) < 0.5 * frame.em


def _continues_centred(para: Paragraph, line: TextLine, frame: Frame) -> bool:
    """A centred paragraph (a title on several lines) goes on with a line of the same size that is
    centred too, or full.  In body-size type an indented line is body text, not part of it."""
    lines = [*para.lines, line]
    if not any(_centred(x, frame) for x in lines) or not all(_spans_middle(x, frame) for x in lines):
        return False
    return _heading_size(line, frame) or not any(_indented(x, frame) for x in lines)


def _heading_size(line: TextLine, frame: Frame) -> bool:
    """Display type: a title's 二号/小二 (18 pt and up), or clearly larger than the body text."""
    return line.size >= 18 or line.size > 1.15 * frame.em


def _starts_paragraph(para: Paragraph, line: TextLine, frame: Frame) -> bool:
    prev = para.lines[-1]
    if abs(line.size - prev.size) > 0.15 * max(line.size, prev.size):
        return True
    if _continues_centred(para, line, frame):
        return False  # a title set on several centred lines is one paragraph
    if line.left > frame.left + 0.5 * frame.em:
        return True  # indented, centred or set right
    if not _is_full(prev, line, frame):
        return True
    if prev.page == line.page and line.top - prev.top > 1.6 * frame.pitch:
        return True  # a blank line between
    if prev.text.rstrip()[-1:] in _ENDS_SENTENCE and split_marker(line.text.lstrip()) is not None:
        return True  # an unindented heading number after a finished sentence
    return False


def join(prev: str, nxt: str) -> str:
    """Rejoin a wrapped line: CJK text wraps anywhere and takes no space; a space the PDF drew at
    the end of the line (a Latin word wrap) is kept as one."""
    if prev.endswith((" ", "\u00a0")):
        return prev.rstrip(" \u00a0") + " " + nxt.lstrip()
    return prev + nxt.lstrip()


def build_paragraphs(lines: list[TextLine], frame: Frame) -> list[Paragraph]:
    paras: list[Paragraph] = []
    for line in lines:
        if not paras or _starts_paragraph(paras[-1], line, frame):
            paras.append(Paragraph([line], line.text.lstrip()))
        else:
            paras[-1].lines.append(line)
            paras[-1].text = join(paras[-1].text, line.text)
    for para in paras:
        para.text = para.text.strip()
    return [p for p in paras if p.text]


def alignment(para: Paragraph, frame: Frame) -> str:
    """center, right or left (which includes justified and indented).

    A single indented line that happens to sit in the middle is taken as indented, as body text
    is; a title-size line that fills the whole width is taken as centred, as titles are."""
    lines = para.lines
    if all(_spans_middle(x, frame) for x in lines):
        if len(lines) == 1 and _indented(lines[0], frame) and not _heading_size(lines[0], frame):
            return "left"
        if any(_centred(x, frame) for x in lines) or _heading_size(lines[0], frame):
            return "center"
    if len(lines) == 1 and lines[0].left > frame.left + 4.5 * frame.em:
        return "right"
    return "left"


__all__ = ["Frame", "Paragraph", "alignment", "build_paragraphs", "join", "measure_frame"]
