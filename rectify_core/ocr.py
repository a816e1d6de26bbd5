"""Reading scans: page images → OCR lines → the glyphs every fixed-layout page becomes.

A scanned notice (a printed, signed and sealed page photographed or scanned to PDF, PNG, JPEG or
TIFF) has no text layer.  An OCR engine reads each page image into lines of text with their boxes;
here those lines become :class:`~rectify_core.fixed_layout.Glyph` lists, exactly what the PDF and
OFD readers produce from drawn characters, so furniture removal, table rows, paragraphs and the
recognizer run unchanged (one code path after extraction).

Before OCR each page is cleaned (:func:`clean_page`): the red of a seal is turned to paper white,
so a seal neither hides the black text under it nor becomes text, and a small rotation (up to
±4°) is straightened.  OCR output is never "corrected" silently: half-width ``, : ; ( )`` that the
engine prints between Chinese characters are set full width (an engine cannot tell the widths
apart on paper; GB/T 15834 sets Chinese text with full-width marks, and the change is counted in
``info``), and every line read with a confidence below :data:`LOW_CONFIDENCE` is a finding with
its page and position.

Engines are plugins (hook ``rectify_register_ocr_engines``); the built-in one is RapidOCR on ONNX
Runtime (the ``ocr`` extra), whose wheel carries its Chinese models, so nothing is downloaded at
run time.  Without any engine a scan is an input error that names the extra to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from .errors import InputError
from .findings import Location
from .records import dataclass

if TYPE_CHECKING:
    from .fixed_layout.lines import PageText
    from .report import Report

#: render resolution for PDF pages: 3号 type (16 pt) comes out about 44 px high, what PP-OCR reads best
DPI = 200
#: a line the engine is less sure of than this is reported (with page and position), never corrected
LOW_CONFIDENCE = 0.85
INSTALL_HINT = "pip install 'rectify[ocr]'"


@dataclass(frozen=True)
class OcrLine:
    """One line an engine read: its text, its box in image pixels (from the top left), its confidence."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    score: float
    #: height of the characters in pixels, when known apart from the box (set by :func:`cells`)
    em: float | None = None


class OcrEngine(Protocol):
    """What an OCR plugin registers: a name and ``recognize(image) -> [OcrLine]``.

    ``image`` is a numpy array (height × width, uint8 grey), already cleaned and straightened.
    """

    name: str

    def recognize(self, image: Any) -> list[OcrLine]: ...


def engine(name: str | None = None, *, file: str | None = None) -> OcrEngine:
    """The OCR engine to use (by name, else the first registered); InputError naming the extra when none."""
    from .plugins import get_registry

    engines = get_registry().ocr_engines
    if name is not None:
        if name not in engines:
            raise InputError(f"no OCR engine {name!r}; installed: {', '.join(sorted(engines)) or 'none'}", file=file)
        found: OcrEngine = engines[name]
        return found
    if not engines:
        raise InputError(f"this is a scan (page images, no text layer) and no OCR engine is installed: "
                         f"{INSTALL_HINT}", file=file)
    first: OcrEngine = next(iter(engines.values()))
    return first


# ------------------------------------------------------------------------------------ page images

def clean_page(image: Any) -> Any:
    """Grey page with the seal's red removed and a small rotation straightened (numpy, cv2)."""
    import cv2
    import numpy as np

    if image.ndim == 2:
        grey = image
    else:
        rgb = image[:, :, :3].astype(np.int16)
        r, g, b = rgb[:, :, 0], rgb[:, :, 1], rgb[:, :, 2]
        red = (r > 110) & (r - g > 50) & (r - b > 50)  # seal ink; black text under it stays dark
        grey = cv2.cvtColor(image[:, :, :3].astype(np.uint8), cv2.COLOR_RGB2GRAY)
        grey[red] = 255
    angle = skew_angle(grey)
    if abs(angle) >= 0.2:
        h, w = grey.shape
        matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
        grey = cv2.warpAffine(grey, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
    return grey


def skew_angle(grey: Any, limit: float = 4.0, step: float = 0.25) -> float:
    """The rotation (degrees) that makes text rows sharpest: rows of ink alternate with white
    leading, so the variance of the row sums peaks when the lines are level."""
    import cv2
    import numpy as np

    h, w = grey.shape
    scale = 800 / max(h, w)
    small = cv2.resize(grey, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA)
    ink = (small < 160).astype(np.float32)
    if ink.sum() < 200:
        return 0.0
    sh, sw = ink.shape
    best, best_score = 0.0, -1.0
    for i in range(int(-limit / step), int(limit / step) + 1):
        angle = i * step
        matrix = cv2.getRotationMatrix2D((sw / 2, sh / 2), angle, 1.0)
        rows = cv2.warpAffine(ink, matrix, (sw, sh), flags=cv2.INTER_NEAREST, borderValue=0).sum(axis=1)
        score = float(np.var(rows))
        if score > best_score:
            best, best_score = angle, score
    return best


def page_text(lines: list[OcrLine], number: int, width_px: int, height_px: int, dpi: float,
              report: Report) -> PageText:
    """OCR lines of one page as the fixed-layout PageText (points from the top left)."""
    from .fixed_layout.lines import Glyph, PageText, build_lines

    pt = 72.0 / dpi
    glyphs: list[Glyph] = []
    sizes: list[float] = []
    fixed = 0
    for n, line in enumerate(lines):
        text, changed = _full_width_marks(line.text)
        fixed += changed
        if not text.strip():
            continue
        units = [_width(ch) for ch in text]
        total = sum(units) or 1.0
        advance = (line.right - line.left) / total
        top, bottom = line.top * pt, line.bottom * pt
        size = round((line.em if line.em else line.bottom - line.top) * pt * 2) / 2  # CJK cells: height = size
        x = line.left
        for ch, u in zip(text, units, strict=True):
            left, x = x, x + u * advance
            glyphs.append(Glyph(ch, left * pt, x * pt, top, bottom, n, (top + bottom) / 2))
        sizes.append(size)
        if line.score < LOW_CONFIDENCE:
            report.add("ocr.low-confidence", "warning",
                       f"第{number}页此行识别把握较低（{line.score:.0%}），请核对原件：{text[:40]}",
                       f"page {number}: this line was read with low confidence ({line.score:.0%}); "
                       f"check it against the scan: {text[:40]}",
                       Location(page=number, line=n + 1))

    def style(pos: int) -> tuple[float, bool]:
        return (sizes[pos] if 0 <= pos < len(sizes) else 16.0), False

    page = PageText(number=number, width=width_px * pt, height=height_px * pt)
    page.lines = build_lines(glyphs, number, style)
    if fixed:
        report.info["ocr_full_width_marks"] = report.info.get("ocr_full_width_marks", 0) + fixed
    return page


def read_images(images: list[tuple[int, Any, float]], report: Report, engine_name: str | None = None) -> list[PageText]:
    """OCR every (page number, image, dpi), in order; ``info["ocr"]`` says what was read and how well."""
    eng = engine(engine_name, file=report.source)
    pages: list[PageText] = []
    scores: list[float] = []
    for number, image, dpi in images:
        report.budget.check_time()
        grey = clean_page(image)
        lines = cells(grey, eng.recognize(grey))
        scores += [line.score for line in lines]
        pages.append(page_text(lines, number, grey.shape[1], grey.shape[0], dpi, report))
    info = report.info.setdefault("ocr", {"engine": eng.name, "pages": []})
    info["pages"] = sorted({*info["pages"], *(n for n, _, _ in images)})
    if scores:
        info["mean_confidence"] = round(sum(scores) / len(scores), 3)
    return pages


def cells(grey: Any, lines: list[OcrLine]) -> list[OcrLine]:
    """The lines with their boxes where the character cells are, as a PDF's glyph boxes are.

    Detectors pad each text region outward by about the same distance on every side (PP-OCR's DB
    head unclips by a ratio of the region) and their boxes jitter by a point or two from line to
    line — enough for the paragraph rules, which compare edges and line gaps, to break a paragraph.
    Horizontally the padding is measured on the left, where a line's first character has ink near
    its cell's edge, and the page's median is taken off both sides.  Vertically each line is centred
    on its own ink with the page's median cell height, so line gaps are even as on the page; the
    line's own type size (its ink ÷ 0.9: CJK characters fill about 0.9 of their cell) is kept in
    ``em`` when it differs from the page's by more than a fifth — a title's — for the size hints.
    """
    import numpy as np

    h, w = grey.shape
    boxes = []
    for line in lines:
        x0, y0 = max(0, int(line.left)), max(0, int(line.top))
        x1, y1 = min(w, int(line.right) + 1), min(h, int(line.bottom) + 1)
        if x1 - x0 < 2 or y1 - y0 < 2:
            continue
        cols = np.flatnonzero((grey[y0:y1, x0:x1] < 128).any(axis=0))
        if len(cols):
            boxes.append((line, x0, y0, x1, y1, min(float(cols[0]), (y1 - y0) / 4)))
    if not boxes:
        return lines
    pad = float(np.median([b[5] for b in boxes]))
    found: list[tuple[OcrLine, float, float]] = []  # line, ink middle, ink height
    for line, x0, y0, x1, y1, _ in boxes:
        # the padded box reaches into the lines above and below: look for ink inside the padding
        top, bottom = min(y0 + int(pad), (y0 + y1) // 2), max(y1 - int(pad), (y0 + y1) // 2 + 1)
        counts = (grey[top:bottom, x0:x1] < 128).sum(axis=1)  # a stray mark (a seal's ring, a speck) is thin:
        rows = np.flatnonzero(counts >= 0.15 * counts.max()) if counts.size else counts  # rows of real text
        if len(rows) == 0:
            continue
        found.append((line, top + (float(rows[0]) + float(rows[-1]) + 1) / 2, float(rows[-1] - rows[0] + 1)))
    if not found:
        return lines
    median = float(np.median([f[2] for f in found if len(f[0].text) > 3] or [f[2] for f in found]))
    half = median / 0.9 / 2

    def em(text: str, ink: float) -> float:
        # digits and marks are shorter than CJK: only a clearly different size (a title) is its own
        return (ink if len(text) > 3 and abs(ink / median - 1) > 0.2 else median) / 0.9

    return [OcrLine(line.text, line.left + pad, middle - half, max(line.left + pad + 1, line.right - pad),
                    middle + half, line.score, em(line.text, ink)) for line, middle, ink in found]


def _width(ch: str) -> float:
    """Advance in ems: CJK characters and full-width marks are square, the rest about half."""
    import unicodedata

    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def _full_width_marks(text: str) -> tuple[str, int]:
    from .punctuation import normalize_text

    fixed, changes = normalize_text(text)
    return fixed, len(changes)


__all__ = [
    "DPI",
    "INSTALL_HINT",
    "LOW_CONFIDENCE",
    "OcrEngine",
    "OcrLine",
    "cells",
    "clean_page",
    "engine",
    "page_text",
    "read_images",
    "skew_angle",
]
