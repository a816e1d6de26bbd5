"""Lines → paragraphs, from the geometry of the page, never from punctuation alone.

A printed paragraph shows where it starts and ends: its first line is indented (or centred, or set
right), and every line but its last is full — it reaches the right edge of the type area, or the
next word would not have fitted.  The type area is measured from the document itself (the left
edge most lines start at, the right edge most full lines end at), so PDFs from Word, WPS,
LibreOffice and rectify all read alike.  Two further signals: a change of type size or weight
(a bold heading line followed by body text), a wider vertical gap, and a heading number at the
start of an unindented line right after a line that ends a sentence.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from statistics import median

from rectify_core.recognize.markers import split_marker

from .extract import TextLine, is_latin
from .typeset import OPENERS

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


def measure_frame(lines: list[TextLine]) -> Frame:
    """Left edge: the smallest start shared by several lines; right edge: where full lines end."""
    sizes = [line.size for line in lines if line.size > 0]
    em = median(sizes) if sizes else 12.0
    body = [line for line in lines if abs(line.size - em) <= 0.15 * em] or lines
    lefts = Counter(round(line.left) for line in body)
    rights = Counter(round(line.right) for line in body)
    need = max(2, len(body) // 33)
    shared_lefts = [x for x, n in lefts.items() if n >= need]
    left = float(min(shared_lefts) if shared_lefts else min(lefts))
    # the most common end is the right edge (full lines of justified text end exactly there; a line
    # hanging a comma past it is rarer); with no agreement, the furthest end
    right_mode, votes = rights.most_common(1)[0]
    right = float(right_mode if votes >= need else max(rights))
    gaps = [b.top - a.top for a, b in itertools.pairwise(lines) if a.page == b.page and 0 < b.top - a.top < 4 * em]
    pitch = median(gaps) if gaps else 1.5 * em
    return Frame(left, right, em, pitch)


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
    return room < _first_token_width(nxt) - 0.3 * frame.em


def _centred(line: TextLine, frame: Frame) -> bool:
    """Set in the middle: clearly in from the left edge, with as much room on the right."""
    left_room, right_room = line.left - frame.left, frame.right - line.right
    return left_room > 2.5 * frame.em and abs(left_room - right_room) < frame.em


def _spans_middle(line: TextLine, frame: Frame) -> bool:
    return abs((line.left + line.right) / 2 - frame.centre) < frame.em


def _starts_paragraph(prev: TextLine, line: TextLine, frame: Frame) -> bool:
    if abs(line.size - prev.size) > 0.15 * max(line.size, prev.size):
        return True
    if prev.all_bold and not line.first_bold:
        return True
    big = line.size > 1.15 * frame.em
    if big and _spans_middle(prev, frame) and _centred(line, frame):
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
        if not paras or _starts_paragraph(paras[-1].lines[-1], line, frame):
            paras.append(Paragraph([line], line.text.lstrip()))
        else:
            paras[-1].lines.append(line)
            paras[-1].text = join(paras[-1].text, line.text)
    for para in paras:
        para.text = para.text.strip()
    return [p for p in paras if p.text]


def alignment(para: Paragraph, frame: Frame) -> str:
    """center, right or left (which includes justified and indented)."""
    if all(_spans_middle(line, frame) for line in para.lines) and any(_centred(x, frame) for x in para.lines):
        return "center"
    first = para.first
    if len(para.lines) == 1 and first.left > frame.left + 4.5 * frame.em:
        return "right"
    return "left"


__all__ = ["Frame", "Paragraph", "alignment", "build_paragraphs", "join", "measure_frame"]
