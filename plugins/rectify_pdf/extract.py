"""PDF → glyphs with pdfium, under page, size and time caps; the glyphs become lines in
``rectify_core.fixed_layout.lines`` (shared with the OFD reader), which explains why lines are
built from character boxes and not from the content stream's order.
"""

from __future__ import annotations

import ctypes
import functools
import time
from typing import Any

from rectify_core.plugin_api import Glyph, InputError, PageText, SecurityError, TextLine, build_lines, is_latin

from .guard import Limits

_SKIP = frozenset("\r\n\x00\uffff")
REPLACEMENT = "\ufffd"
# pdfium's mark for a hyphen that ends a line before a word goes on: the glyph is drawn, so it stays
_HYPHEN_MARKS = frozenset("\x02\ufffe")
# every character the glyph loop must look at twice: skipped, hyphen marks, white space
_SPECIAL = _SKIP | _HYPHEN_MARKS | frozenset(" \t\u00a0\u3000\u2002\u2003\u2009")


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

    def style(self, textpage: Any, index: int) -> tuple[float, bool]:
        """(type size, bold) of the glyph at pdfium's character ``index``, once per text object."""
        obj = self.object_of(textpage, index) or 0
        hit = self.objects.get(obj)
        if hit is None:
            bold = False
            if obj:
                bold = self.render_mode(obj) == self.raw.FPDF_TEXTRENDERMODE_FILL_STROKE
                font = self.font_of(obj) or 0
                if font and not bold:
                    heavy = self.fonts.get(font)
                    if heavy is None:
                        heavy = self.fonts[font] = _heavy_font(self.api, font)
                    bold = heavy
            hit = self.objects[obj] = (float(self.raw.FPDFText_GetFontSize(textpage, index)), bold)
        return hit


def _heavy_font(api: dict[str, Any], font: int) -> bool:
    if api["FPDFFont_GetWeight"](font) >= 600 or api["FPDFFont_GetFlags"](font) & (1 << 18):  # ForceBold
        return True
    buf = ctypes.create_string_buffer(128)
    n = api["FPDFFont_GetBaseFontName"](font, buf, len(buf))
    name = buf.raw[: max(0, n - 1)].decode("latin-1", "replace").lower()
    return any(w in name for w in ("bold", "black", "heavy", "semibold", "demibold"))


def _page_text(raw: Any, textpage: Any, count: int) -> str:
    """The page's text, one Python character per pdfium character index.

    pdfium stores a character beyond the BMP (Extension B ideographs in names and places) as two
    indexes, its UTF-16 high and low surrogates, each with its own box; the surrogates are kept
    here (``surrogatepass``) so indexes line up, and ``page_glyphs`` joins each pair into one code point.
    """
    buf = ctypes.create_string_buffer(count * 2 + 2)
    raw.FPDFText_GetText(textpage, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    return buf.raw[: count * 2].decode("utf-16-le", "surrogatepass")


def page_glyphs(raw: Any, textpage: Any, height: float, limits: Limits, number: int, name: str) -> list[Glyph]:
    count = raw.FPDFText_CountChars(textpage)
    if count > limits.chars_per_page:
        raise SecurityError(f"page {number} holds {count:,} characters; the limit is {limits.chars_per_page:,} "
                            "(not a 通报, or a hostile file)", file=name, location=f"page {number}")
    if count <= 0:
        return []
    text = _page_text(raw, textpage, count)
    rect = raw.FS_RECTF()
    rect_ref = ctypes.addressof(rect)
    # the same C function taking plain addresses: no ctypes type checks per glyph
    box = ctypes.cast(raw.FPDFText_GetLooseCharBox,
                      ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p))
    page_ref = ctypes.cast(textpage, ctypes.c_void_p).value
    make = tuple.__new__  # Glyph(...) without the named tuple's Python-level __new__: the hot loop
    out: list[Glyph] = []
    low = -1  # index of a low surrogate already joined to the glyph before it
    for i, ch in enumerate(text):
        if "\ud800" <= ch <= "\udfff":
            if i == low:
                continue
            ch, low = _join_surrogates(text, i)
        if ch in _SPECIAL:
            if ch in _SKIP:
                continue
            if ch in _HYPHEN_MARKS:
                if not raw.FPDFText_IsHyphen(textpage, i):
                    continue
                ch = "-"
            elif raw.FPDFText_IsGenerated(textpage, i):
                continue  # pdfium's guessed spaces: gaps are judged when lines are built, per script
        if not box(page_ref, i, rect_ref):
            continue
        left, right = rect.left, rect.right
        top, bottom = height - rect.top, height - rect.bottom
        if right <= left and ch not in _SPECIAL:
            placed = _box_from_origin(raw, textpage, i, ch, height)
            if placed is None:
                continue
            left, right, top, bottom = placed
        out.append(make(Glyph, (ch, left, right, top, bottom, i, (top + bottom) / 2)))
    return out


def _box_from_origin(raw: Any, textpage: Any, i: int, ch: str,
                     height: float) -> tuple[float, float, float, float] | None:
    """A box for a glyph pdfium gives an empty box (some Skia and Type 3 fonts): from its origin and
    type size, one em wide for CJK and half an em otherwise — its text counts, its box is an estimate."""
    size = float(raw.FPDFText_GetFontSize(textpage, i))
    x, y = ctypes.c_double(), ctypes.c_double()
    if size <= 0 or not raw.FPDFText_GetCharOrigin(textpage, i, ctypes.byref(x), ctypes.byref(y)):
        return None
    width = size * (0.5 if is_latin(ch) else 1.0)
    baseline = height - y.value
    return x.value, x.value + width, baseline - 0.88 * size, baseline + 0.12 * size


def _join_surrogates(text: str, i: int) -> tuple[str, int]:
    """(the code point of the surrogate pair starting at ``i``, the index of its low half), or
    (U+FFFD, -1) for a lone surrogate: a broken ToUnicode entry, counted later as an unmapped glyph."""
    ch = text[i]
    if ch <= "\udbff" and i + 1 < len(text) and "\udc00" <= text[i + 1] <= "\udfff":
        return chr(0x10000 + ((ord(ch) - 0xD800) << 10) + ord(text[i + 1]) - 0xDC00), i + 1
    return REPLACEMENT, -1


def extract(data: bytes, name: str, limits: Limits) -> list[PageText]:
    """Every page's lines, or an error that says what was refused and where."""
    import pypdfium2.raw as raw

    started = time.perf_counter()
    pdf = open_document(data, name)
    try:
        count = len(pdf)
        if count > limits.pages:
            raise SecurityError(f"the PDF has {count:,} pages; limit max_pages={limits.pages}", file=name)
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
                    total += len(glyphs)
                    if total > limits.chars:
                        raise SecurityError(f"the PDF holds more than {limits.chars:,} characters", file=name,
                                            location=f"page {index + 1}")
                    style = functools.partial(_Fonts(raw).style, textpage)
                    result = PageText(index + 1, width, height, build_lines(glyphs, index + 1, style))
                finally:
                    raw.FPDFText_ClosePage(textpage)
                if not glyphs:
                    result.images = _count_images(raw, page)
                pages.append(result)
            finally:
                raw.FPDF_ClosePage(page)
        return pages
    finally:
        pdf.close()


def _count_images(raw: Any, page: Any) -> int:
    """Images on a page, also inside form XObjects (where scanners and OCR tools put them), at most
    10 000 objects and 8 levels looked at: enough to tell a scan from an empty page."""
    seen = 0
    stack = [(raw.FPDFPage_GetObject(page, i), 0) for i in range(min(raw.FPDFPage_CountObjects(page), 10_000))]
    images = 0
    while stack and seen < 10_000:
        obj, depth = stack.pop()
        seen += 1
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < 8:
            count = min(raw.FPDFFormObj_CountObjects(obj), 10_000)
            stack.extend((raw.FPDFFormObj_GetObject(obj, i), depth + 1) for i in range(max(count, 0)))
    return images


__all__ = ["Glyph", "PageText", "TextLine", "build_lines", "extract", "is_latin", "open_document"]
