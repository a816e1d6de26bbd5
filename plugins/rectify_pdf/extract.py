"""PDF → lines of glyphs, with pdfium, in reading order, under page, size and time caps.

Lines are built from character boxes, not from the content stream's order: LibreOffice and Word
draw runs of another font (curly quotes in DejaVu, digits in Times) as separate text objects,
sometimes at the end of the line, and stream-order extractors then print ``回头看。“”`` and put
spaces between CJK characters.  Here every glyph is placed by its box, grouped into lines by its
vertical centre and sorted by x; a space is added only where the PDF draws one or where a real gap
separates Latin letters or digits from their neighbours.
"""

from __future__ import annotations

import ctypes
import itertools
import operator
import time
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rectify_core.errors import InputError, SecurityError

from .guard import Limits

_SKIP = frozenset("\r\n\x00\uffff")
# pdfium's mark for a hyphen that ends a line before a word goes on: the glyph is drawn, so it stays
_HYPHEN_MARKS = frozenset("\x02\ufffe")
# every character the glyph loop must look at twice: skipped, hyphen marks, white space
_SPECIAL = _SKIP | _HYPHEN_MARKS | frozenset(" \t\u00a0\u3000\u2002\u2003\u2009")
_BY_MIDDLE = operator.itemgetter(7)
# Gaps, in ems beyond the line's usual spacing, that read as a space.  Between Latin letters or
# digits a word space is 1/4 to 1/3 em.  Between CJK and Latin, LibreOffice and Word add about
# 0.2 em of automatic spacing that is not a space (2020年 is drawn as "2020 年"); a real space there
# is wider.  Between two CJK characters nothing is added, so a quarter em is a space.
_LATIN_GAP = 0.15
_MIXED_GAP = 0.35
_CJK_GAP = 0.25
# A gap this wide may separate two table cells; the cells are confirmed when rows line up.
_CELL_GAP = 0.75
_BY_LEFT = operator.itemgetter(1)


class Glyph(NamedTuple):
    """One drawn character; coordinates in points from the top left of its page.

    A named tuple rather than a dataclass: a page makes thousands, and tuples are built fastest.
    """

    ch: str
    left: float
    right: float
    top: float
    bottom: float
    size: float
    bold: bool
    middle: float  # (top + bottom) / 2, the key lines are grouped by


@dataclass
class TextLine:
    """Glyphs sharing a baseline, left to right, with the text a reader sees."""

    page: int  # 1-based
    glyphs: list[Glyph]
    text: str = ""
    index: int = 0  # 1-based line number on its page, for messages
    left: float = 0.0
    right: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    bold_prefix: int = 0  # how many characters of ``text``, from the start, are bold
    # (index in text, x) where a gap wide enough to separate table cells ends
    cells: list[tuple[int, float]] = field(default_factory=list)

    @property
    def all_bold(self) -> bool:
        return self.bold_prefix == len(self.text)

    @property
    def first_bold(self) -> bool:
        return self.bold_prefix > 0

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class PageText:
    number: int  # 1-based
    width: float
    height: float
    lines: list[TextLine] = field(default_factory=list)
    images: int = 0


def is_latin(ch: str) -> bool:
    """Letters, digits and ASCII symbols: the glyphs between which a gap is a word space."""
    return (ch.isascii() and not ch.isspace()) or ("０" <= ch <= "ｚ" and ch.isalnum())


def open_document(data: bytes, name: str) -> Any:
    """pdfium's document, or a clear error for a file that is not a PDF, damaged or encrypted."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == raw.FPDF_ERR_PASSWORD:
            raise InputError("the PDF is encrypted with a password; decrypt it first (rectify does not "
                             "take passwords)", file=name) from None
        if code == raw.FPDF_ERR_SECURITY:
            raise InputError("the PDF uses an unsupported security handler", file=name) from None
        raise InputError(f"not a readable PDF ({exc})", file=name) from None


def _address_api(raw: Any) -> dict[str, Any]:
    """pdfium functions redeclared to take and return plain addresses: handles that can be dict
    keys without a ctypes cast per glyph (the cast alone cost 20 ms on a 14-page file)."""
    vp, c_int = ctypes.c_void_p, ctypes.c_int
    protos = {
        "FPDFText_GetTextObject": ctypes.CFUNCTYPE(vp, vp, c_int),
        "FPDFTextObj_GetTextRenderMode": ctypes.CFUNCTYPE(c_int, vp),
        "FPDFTextObj_GetFont": ctypes.CFUNCTYPE(vp, vp),
        "FPDFFont_GetWeight": ctypes.CFUNCTYPE(c_int, vp),
        "FPDFFont_GetFlags": ctypes.CFUNCTYPE(c_int, vp),
        "FPDFFont_GetBaseFontName": ctypes.CFUNCTYPE(ctypes.c_size_t, vp, ctypes.c_char_p, ctypes.c_size_t),
    }
    return {name: ctypes.cast(getattr(raw, name), proto) for name, proto in protos.items()}


class _Fonts:
    """Caches of size and boldness per text object, and of boldness per font.

    Bold is a text object drawn fill-then-stroke (how rectify's headings and Word's 加粗 on a
    font without a bold face are drawn) or a font that is a bold face."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.api = _address_api(raw)
        self.object_of = self.api["FPDFText_GetTextObject"]
        self.render_mode = self.api["FPDFTextObj_GetTextRenderMode"]
        self.font_of = self.api["FPDFTextObj_GetFont"]
        self.objects: dict[int, tuple[float, bool]] = {}
        self.fonts: dict[int, bool] = {}

    def bold_font(self, font: int) -> bool:
        """Whether a font is a bold face (weight, ForceBold flag or name), asked once per font."""
        heavy = self.fonts[font] = bool(font) and _heavy_font(self.api, font)
        return heavy


def _heavy_font(api: dict[str, Any], font: int) -> bool:
    if api["FPDFFont_GetWeight"](font) >= 600 or api["FPDFFont_GetFlags"](font) & (1 << 18):  # ForceBold
        return True
    buf = ctypes.create_string_buffer(128)
    n = api["FPDFFont_GetBaseFontName"](font, buf, len(buf))
    name = buf.raw[: max(0, n - 1)].decode("latin-1", "replace").lower()
    return any(w in name for w in ("bold", "black", "heavy", "semibold", "demibold"))


def _page_text(raw: Any, textpage: Any, count: int) -> str:
    buf = ctypes.create_string_buffer(count * 2 + 2)
    raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: count * 2].decode("utf-16-le", "replace")
    if len(text) != count:  # characters outside the BMP: ask pdfium one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    return text


def page_glyphs(raw: Any, textpage: Any, height: float, limits: Limits, number: int, name: str) -> list[Glyph]:
    count = raw.FPDFText_CountChars(textpage)
    if count > limits.chars_per_page:
        raise SecurityError(f"page {number} holds {count:,} characters; the limit is {limits.chars_per_page:,} "
                            "(not a 通报, or a hostile file)", file=name, location=f"page {number}")
    if count <= 0:
        return []
    text = _page_text(raw, textpage, count)
    fonts = _Fonts(raw)
    objects, fonts_bold, object_of, font_size = fonts.objects, fonts.fonts, fonts.object_of, raw.FPDFText_GetFontSize
    render_mode, font_of, fill_stroke = fonts.render_mode, fonts.font_of, raw.FPDF_TEXTRENDERMODE_FILL_STROKE
    rect = raw.FS_RECTF()
    rect_ref = ctypes.byref(rect)
    box = raw.FPDFText_GetLooseCharBox
    make = tuple.__new__  # Glyph(...) without the named tuple's Python-level __new__: the hot loop
    out: list[Glyph] = []
    for i, ch in enumerate(text):
        if ch in _SPECIAL:
            if ch in _SKIP:
                continue
            if ch in _HYPHEN_MARKS:
                if not raw.FPDFText_IsHyphen(textpage, i):
                    continue
                ch = "-"
            elif raw.FPDFText_IsGenerated(textpage, i):
                continue  # pdfium's guessed spaces: gaps are judged when lines are built, per script
        if not box(textpage, i, rect_ref):
            continue
        left, right = rect.left, rect.right
        if right <= left and ch not in _SPECIAL:
            continue
        obj = object_of(textpage, i) or 0
        info = objects.get(obj)
        if info is None:  # a new text object: its size, and whether it is drawn bold (inlined: hot)
            bold = False
            if obj:
                bold = render_mode(obj) == fill_stroke
                if not bold:
                    font = font_of(obj) or 0
                    heavy = fonts_bold.get(font)
                    bold = heavy if heavy is not None else fonts.bold_font(font)
            info = objects[obj] = (font_size(textpage, i), bold)
        top, bottom = height - rect.top, height - rect.bottom
        out.append(make(Glyph, (ch, left, right, top, bottom, info[0], info[1], (top + bottom) / 2)))
    return out


def build_lines(glyphs: list[Glyph], number: int) -> list[TextLine]:
    """Group glyphs into lines by vertical centre, then sort each line left to right."""
    lines: list[TextLine] = []
    if not glyphs:
        return lines
    ordered = sorted(glyphs, key=_BY_MIDDLE)
    current: list[Glyph] = [ordered[0]]
    centre = ordered[0].middle
    for g in ordered[1:]:
        tolerance = 0.35 * max(g.size, current[0].size, 1.0)
        if abs(g.middle - centre) <= tolerance:
            current.append(g)
            centre += (g.middle - centre) / len(current)
        else:
            lines.append(_finish(current, number))
            current, centre = [g], g.middle
    lines.append(_finish(current, number))
    kept = [line for line in lines if line.text.strip()]
    for n, line in enumerate(kept, 1):
        line.index = n
    return kept


def _finish(glyphs: list[Glyph], number: int) -> TextLine:
    glyphs = _dedupe(sorted(glyphs, key=_BY_LEFT))
    ink = [g for g in glyphs if not g.ch.isspace()]
    sizes = sorted(g.size for g in ink)
    size = sizes[len(sizes) // 2] if sizes else 0.0
    # a space is a gap clearly wider than this line's usual spacing (justified text spreads every
    # gap a little).  pdfium's own guess is not used: it also flags the spaces a PDF does draw.
    gaps = sorted(b.left - a.right for a, b in itertools.pairwise(ink))
    usual = max(0.0, gaps[len(gaps) // 4]) if len(gaps) >= 3 else 0.0  # lower quartile: spaces may be many
    thresholds = (_CJK_GAP, _MIXED_GAP, _LATIN_GAP)
    parts: list[str] = []
    bold: list[bool] = []
    cells: list[tuple[int, float]] = []
    last: Glyph | None = None  # the last glyph with ink
    last_latin = False
    for g in glyphs:
        ch = g.ch
        if ch.isspace():
            parts.append(" ")
            bold.append(last is not None and last.bold)
            continue
        latin = ch.isascii() or ("０" <= ch <= "ｚ" and ch.isalnum())
        if last is not None:
            gap = (g.left - last.right - usual) / (size or g.size)
            if gap > thresholds[latin + last_latin] and parts[-1] != " ":
                parts.append(" ")
                bold.append(last.bold and g.bold)
            if gap > _CELL_GAP:
                cells.append((len(parts), g.left))
        parts.append(ch)
        bold.append(g.bold)
        last, last_latin = g, latin
    text = "".join(parts)
    prefix = 0
    while prefix < len(text) and (bold[prefix] or text[prefix] == " "):
        prefix += 1
    while prefix > 0 and text[prefix - 1] == " " and prefix < len(text):
        prefix -= 1
    ink = ink or glyphs
    return TextLine(
        page=number, glyphs=glyphs, text=text,
        left=ink[0].left, right=ink[-1].right,
        top=min(g.top for g in ink), bottom=max(g.bottom for g in ink),
        size=round(size, 1), bold_prefix=prefix if any(bold) else 0, cells=cells,
    )


def _dedupe(glyphs: list[Glyph]) -> list[Glyph]:
    """Drop the second copy of a glyph drawn twice at almost the same place (a common fake bold)."""
    out: list[Glyph] = []
    for g in glyphs:
        if out and out[-1].ch == g.ch and not g.ch.isspace():
            last = out[-1]
            overlap = min(last.right, g.right) - max(last.left, g.left)
            if overlap > 0.7 * max(g.right - g.left, 1e-6) and abs(last.middle - g.middle) < 0.2 * g.size:
                out[-1] = last._replace(left=min(last.left, g.left), right=max(last.right, g.right), bold=True)
                continue
        out.append(g)
    return out


def extract(data: bytes, name: str, limits: Limits) -> list[PageText]:
    """Every page's lines, or an error that says what was refused and where."""
    import pypdfium2.raw as raw

    started = time.perf_counter()
    pdf = open_document(data, name)
    try:
        count = len(pdf)
        if count > limits.pages:
            raise SecurityError(f"the PDF has {count:,} pages; the limit is {limits.pages:,}", file=name)
        if count == 0:
            raise InputError("the PDF has no pages", file=name)
        pages: list[PageText] = []
        total = 0
        for index in range(count):
            if time.perf_counter() - started > limits.seconds:
                raise SecurityError(f"reading took longer than {limits.seconds:g} s (stopped at page {index + 1} "
                                    f"of {count})", file=name, location=f"page {index + 1}")
            page = raw.FPDF_LoadPage(pdf.raw, index)
            if not page:
                raise InputError("this page cannot be loaded (damaged PDF)", file=name, location=f"page {index + 1}")
            try:
                width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
                textpage = raw.FPDFText_LoadPage(page)
                if not textpage:
                    raise InputError("the text of this page cannot be read (damaged PDF)", file=name,
                                     location=f"page {index + 1}")
                try:
                    glyphs = page_glyphs(raw, textpage, height, limits, index + 1, name)
                finally:
                    raw.FPDFText_ClosePage(textpage)
                total += len(glyphs)
                if total > limits.chars:
                    raise SecurityError(f"the PDF holds more than {limits.chars:,} characters", file=name,
                                        location=f"page {index + 1}")
                result = PageText(index + 1, width, height, build_lines(glyphs, index + 1))
                if not glyphs:
                    result.images = _count_images(raw, page)
                pages.append(result)
            finally:
                raw.FPDF_ClosePage(page)
        return pages
    finally:
        pdf.close()


def _count_images(raw: Any, page: Any) -> int:
    n = raw.FPDFPage_CountObjects(page)
    return sum(1 for i in range(min(n, 10_000))
               if raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(page, i)) == raw.FPDF_PAGEOBJ_IMAGE)


__all__ = ["Glyph", "PageText", "TextLine", "build_lines", "extract", "is_latin", "open_document"]
