"""The typeface the PDF writer embeds: the shipped Rectify Serif SC subset, or a TrueType font the
user names with the ``font`` option (for characters beyond GB2312).

reportlab draws a character its font lacks as nothing at all, silently; so coverage is checked here,
before drawing, and a missing glyph is an error that names the character and the paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rectify_core.plugin_api import InputError

FONT_DIR = Path(__file__).resolve().parent / "fonts"
DEFAULT_FONT = FONT_DIR / "RectifySerifSC-Regular.ttf"

# Characters that are never drawn as glyphs, so need none.
_NO_GLYPH = frozenset(" ")


@dataclass
class Face:
    """A registered reportlab font with its metrics, loaded once per process."""

    name: str
    widths: dict[int, float]  # code point → advance in 1/1000 em
    default_width: float
    coverage: frozenset[int]

    def advance(self, ch: str, size: float) -> float:
        return self.widths.get(ord(ch), self.default_width) * size / 1000.0

    def missing(self, text: str) -> list[str]:
        return sorted({c for c in text if ord(c) not in self.coverage and c not in _NO_GLYPH})


_FACES: dict[tuple[str, int], Face] = {}


def load_face(path: str | Path | None = None, subfont: int = 0) -> Face:
    """Register ``path`` (default: the shipped subset) with reportlab, once, and return its metrics."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    font_path = Path(path) if path is not None else DEFAULT_FONT
    key = (str(font_path), subfont)
    face = _FACES.get(key)
    if face is not None:
        return face
    name = "RectifyFont" if path is None else f"RectifyFont{len(_FACES)}"
    try:
        font: Any = TTFont(name, str(font_path), subfontIndex=subfont)
    except (OSError, TTFError) as exc:
        raise InputError(f"cannot use this font for PDF output: {exc} (a TrueType .ttf/.ttc is needed; "
                         "PostScript-outline .otf fonts are not supported)", file=str(font_path)) from None
    pdfmetrics.registerFont(font)
    widths = {int(code): float(w) for code, w in font.face.charWidths.items()}
    face = Face(name=name, widths=widths, default_width=float(font.face.defaultWidth),
                coverage=frozenset(int(c) for c in font.face.charToGlyph if font.face.charToGlyph[c]))
    _FACES[key] = face
    return face


def check_coverage(face: Face, paragraphs: list[tuple[str, str]], font_label: str) -> None:
    """Raise InputError naming the first paragraph whose characters ``face`` cannot draw.

    ``paragraphs`` holds (where, text) pairs; ``where`` is a human place such as "paragraph 12 (title)".
    """
    for where, text in paragraphs:
        missing = face.missing(text)
        if missing:
            listed = "、".join(f"“{c}” (U+{ord(c):04X})" for c in missing[:8])
            more = f" and {len(missing) - 8} more" if len(missing) > 8 else ""
            raise InputError(
                f"{font_label} has no glyph for {listed}{more}; a PDF would silently leave them out. "
                "Pass a TrueType font that has them (option font=PATH, e.g. a .ttf/.ttc with GBK coverage)",
                location=where)


__all__ = ["DEFAULT_FONT", "FONT_DIR", "Face", "check_coverage", "load_face"]
