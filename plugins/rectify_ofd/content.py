"""A page's drawn text as positioned glyphs: Layer / PageBlock / CompositeObject / TextObject /
TextCode, with each object's Boundary offset and CTM applied, in points from the page's top left.

OFD places every character explicitly: a TextCode starts at (X, Y) — the baseline, in the object's
own space, whose origin is the top left of its Boundary — and each next character is DeltaX
(DeltaY) further on, ``g``-compressed arrays expanded by ofd.py.  A CJK glyph's box (and that of
the ambiguous-width marks Chinese fonts set full width: “”—·) is its advance cut to one em, so
letter-spaced text shows gaps the shared line builder reads as it reads a PDF's; a Latin glyph's
box is its advance (proportional fonts: the advance is the glyph), so no space is invented inside
a word.  Spaces OFD producers draw are characters of their own.
Glyphs are handed to ``rectify_core.fixed_layout``; nothing here knows about lines.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from rectify_core.plugin_api import Budget, Glyph, InputError

from . import ofd
from .package import Font, child

_CONTAINERS = frozenset({"Content", "Layer", "PageBlock"})
_BOLD_WORDS = ("bold", "black", "heavy", "粗")
_ASCENT, _DESCENT = 0.88, 0.12  # of the em, above and below the baseline (a CJK face's usual box)


class PageGlyphs:
    """Collects the glyphs of one page (or template) and each text object's (size, bold) style."""

    def __init__(self, fonts: dict[str, Font], composites: dict[str, tuple[str, Any]], budget: Budget,
                 part: str, source: str) -> None:
        self.fonts, self.composites, self.budget = fonts, composites, budget
        self.part, self.source = part, source
        self.glyphs: list[Glyph] = []
        self.styles: list[tuple[float, bool]] = []
        self.glyph_only = 0  # text codes drawn by glyph index alone (no Unicode text to read)
        self.open_ends: list[tuple[int, float]] = []  # (index, em): a TextCode's last Latin glyph

    def close_open_ends(self) -> None:
        """Give each TextCode's last Latin glyph the advance its file implies.

        A TextCode lists DeltaX only *between* its characters, so its last glyph's advance is not
        written; a proportional Latin glyph (``%`` is nearly an em in CJK faces' Latin) would then
        end short of where the next run on the same line starts — the next run's X is that advance —
        and the line builder would read the gap as a space.  When another glyph starts on the same
        line within one em to the right, the open glyph reaches it.
        """
        if not self.open_ends:
            return
        rows: dict[int, list[Glyph]] = {}
        for g in self.glyphs:
            rows.setdefault(round(g.middle), []).append(g)
        for index, em in self.open_ends:
            g = self.glyphs[index]
            near = [h.left for key in (round(g.middle) - 1, round(g.middle), round(g.middle) + 1)
                    for h in rows.get(key, ()) if g.right < h.left <= g.left + em]
            if near:
                self.glyphs[index] = g._replace(right=min(near))

    def style(self, pos: int) -> tuple[float, bool]:
        return self.styles[pos]

    def walk(self, container: Any, matrix: ofd.Matrix, depth: int = 0) -> None:
        """Every text object under ``container`` (an element or a list of them)."""
        self.budget.level(depth)  # a CompositeObject may even use itself: the depth cap ends that
        for el in container:
            name = ofd.localname(el.tag)
            if name in _CONTAINERS:
                self.walk(el, matrix, depth + 1)
            elif name == "TextObject":
                self.text_object(el, matrix)
            elif name == "CompositeObject":
                self.composite(el, matrix, depth)

    def composite(self, el: Any, matrix: ofd.Matrix, depth: int) -> None:
        found = self.composites.get(el.get("ResourceID", ""))
        if found is None:
            return
        content = child(found[1], "Content")
        if content is not None:
            self.walk(content, _object_matrix(el, matrix), depth + 1)

    def text_object(self, el: Any, matrix: ofd.Matrix) -> None:
        m = _object_matrix(el, matrix)
        scale = math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0
        try:
            size = float(el.get("Size", "0") or 0)
        except ValueError:
            size = 0.0
        font = self.fonts.get(el.get("Font", ""))
        heavy = font is not None and (font.bold or any(w in (font.name + font.family).lower() for w in _BOLD_WORDS))
        try:
            weight = int(float(el.get("Weight", "400") or 400))
        except ValueError:
            weight = 400
        bold = heavy or weight >= 600 or el.get("Bold", "false").lower() == "true"
        size = size if size > 0 else 3.5  # millimetres; 3.5 mm ≈ 10 pt when a file states none
        pos = len(self.styles)
        self.styles.append((round(size * scale * ofd.PT_PER_MM, 2), bold))
        x = y = 0.0
        for code in el:
            if ofd.localname(code.tag) != "TextCode":
                continue
            text = code.text or ""
            if not text:
                self.glyph_only += 1
                continue
            self.budget.charge("elements", len(text))
            try:
                x = float(code.get("X", x))
                y = float(code.get("Y", y))
                dx = ofd.parse_deltas(code.get("DeltaX"), len(text) - 1)
                dy = ofd.parse_deltas(code.get("DeltaY"), len(text) - 1)
            except ValueError:
                raise InputError(f"a TextCode's X, Y, DeltaX or DeltaY is not a list of numbers ({text[:20]!r})",
                                 file=self.source, location=self.part) from None
            x, y = self._place(text, x, y, dx, dy, size, m, pos)

    def _place(self, text: str, x: float, y: float, dx: list[float], dy: list[float], size: float,
               m: ofd.Matrix, pos: int) -> tuple[float, float]:
        make = tuple.__new__
        out = self.glyphs
        sx = math.hypot(m[0], m[1]) or 1.0
        sy = math.hypot(m[2], m[3]) or 1.0
        k = ofd.PT_PER_MM
        up, down = _ASCENT * size * sy * k, _DESCENT * size * sy * k
        for i, ch in enumerate(text):
            wide = unicodedata.east_asian_width(ch) in "WFA"
            natural = size if wide else 0.6 * size
            step = dx[i] if i < len(dx) else natural
            if step <= 0:
                width = natural
            elif wide:
                width = min(step, size)  # letter-spaced CJK keeps its gaps, as in a PDF
            else:
                width = step if step <= size else natural  # proportional Latin: the advance is the glyph
            px, py = ofd.apply(m, x, y)
            left, baseline = px * k, py * k
            top, bottom = baseline - up, baseline + down
            if ch not in "\r\n\t\x00":
                if i == len(text) - 1 and i >= len(dx) and not wide:
                    self.open_ends.append((len(out), size * sx * k))
                out.append(make(Glyph, (ch, left, left + width * sx * k, top, bottom, pos, (top + bottom) / 2)))
            x += step
            y += dy[i] if i < len(dy) else 0.0
        return x, y


def _object_matrix(el: Any, outer: ofd.Matrix) -> ofd.Matrix:
    """The object's own space → its parent's: CTM first, then the Boundary's origin, then the parent's."""
    box = ofd.parse_box(el.get("Boundary"))
    shift: ofd.Matrix = (1.0, 0.0, 0.0, 1.0, box.x, box.y) if box else ofd.IDENTITY
    return ofd.multiply(ofd.multiply(ofd.parse_ctm(el.get("CTM")), shift), outer)


__all__ = ["PageGlyphs"]
