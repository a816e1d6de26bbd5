"""Real clients read our docx: LibreOffice lays out seed 002 to the ruler, pandoc sees our heading levels.

LibreOffice converts the docx to PDF and pypdfium2 measures it: every full page holds 22 lines, a
full body line 28 characters, the type area sits within 1 mm of the GB/T 9704 margins (37 mm top,
35 mm bottom, 28 mm left, 26 mm right) and the `— n —` page numbers alternate sides.  The em box of
a CJK glyph is taken as 0.88 em above and 0.12 em below its baseline (the ideographic em box of
Noto CJK, which LibreOffice substitutes for 仿宋 on Linux, and of the GB fonts alike).
"""

from __future__ import annotations

import ctypes
import itertools
import json
import statistics
import subprocess
import unicodedata
from dataclasses import dataclass

import pytest

from rectify_core.visible import flatten

from ..clients import require_client
from .foreign import libreoffice
from .helpers import seed_document, write

MM = 72 / 25.4
PAGE_W, PAGE_H = 210 * MM, 297 * MM
CELL = 156 * MM / 28  # one 字: the pitch of a justified 28-character line (15.79 pt)
EM = 16.0


@dataclass
class Char:
    text: str
    x: float      # origin, pt from the left
    base: float   # baseline, pt from the top
    size: float
    box: tuple[float, float, float, float]  # left, top, right, bottom in pt from the top left


@dataclass
class Line:
    chars: list[Char]

    @property
    def text(self) -> str:
        return "".join(c.text for c in self.chars)

    @property
    def base(self) -> float:
        return statistics.median(c.base for c in self.chars)

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    @property
    def wide(self) -> bool:
        return all(unicodedata.east_asian_width(c.text) in "WFA" for c in self.chars)


def _pages(pdf_bytes: bytes) -> list[list[Line]]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    pdf = pdfium.PdfDocument(pdf_bytes)
    pages = []
    for page in pdf:
        height = page.get_size()[1]
        text = page.get_textpage()
        chars = []
        for i in range(text.count_chars()):
            ch = text.get_text_range(i, 1)
            if not ch or ch.isspace():
                continue
            x, y = ctypes.c_double(), ctypes.c_double()
            raw.FPDFText_GetCharOrigin(text, i, x, y)
            left, bottom, right, top = text.get_charbox(i)
            chars.append(Char(ch, x.value, height - y.value, raw.FPDFText_GetFontSize(text, i),
                              (left, height - top, right, height - bottom)))
        chars.sort(key=lambda c: (c.base, c.x))
        lines: list[Line] = []
        for c in chars:
            if lines and abs(lines[-1].chars[-1].base - c.base) < 3:
                lines[-1].chars.append(c)
            else:
                lines.append(Line([c]))
        for line in lines:
            line.chars.sort(key=lambda c: c.x)
        pages.append(lines)
    return pages


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory):
    require_client("soffice")
    doc = seed_document("002")
    pdf = libreoffice(write(doc), tmp_path_factory.mktemp("lo"), "pdf", name="002.docx")
    return _pages(pdf)


def _body(lines: list[Line]) -> list[Line]:
    return [ln for ln in lines if ln.size > 15]  # 3号 and larger; the 4号 page number is not a body line


@pytest.mark.client
def test_libreoffice_renders_22_lines_on_every_full_page(seed_pdf):
    counts = [len(_body(page)) for page in seed_pdf]
    assert len(counts) > 15
    assert max(counts) == 22
    inner = counts[1:-1]  # the first page has the title and disclosure table, the last ends early
    assert sum(c == 22 for c in inner) >= 0.8 * len(inner), counts


def _inside(line: Line) -> list[Char]:
    """The characters within the 版心: a full stop or comma may hang past it (悬挂标点, Word and LibreOffice)."""
    return [c for c in line.chars if c.x < PAGE_W - 26 * MM - 1]


def _full_lines(pages: list[list[Line]]) -> list[Line]:
    """Body lines of CJK characters only that run from the left margin to the right one."""
    out = []
    for page in pages:
        for line in _body(page):
            inside = _inside(line)
            if line.wide and abs(line.chars[0].x - 28 * MM) < 1 * MM and PAGE_W - (inside[-1].x + EM) < 27 * MM:
                out.append(line)
    return out


@pytest.mark.client
def test_a_full_body_line_holds_28_characters(seed_pdf):
    full = _full_lines(seed_pdf)
    assert len(full) >= 15
    assert {len(_inside(line)) for line in full} == {28}
    for line in full:  # evenly spaced: a grid of 28, not 27 spread out or 29 squeezed in
        xs = [c.x for c in _inside(line)]
        steps = [b - a for a, b in itertools.pairwise(xs)]
        assert max(steps) - min(steps) < 0.1 and abs(statistics.median(steps) - CELL) < 0.2


@pytest.mark.client
def test_type_area_sits_within_1_mm_of_the_standard_margins(seed_pdf):
    full_pages = [_body(p) for p in seed_pdf[1:-1] if len(_body(p)) == 22]
    tops = [(p[0].base - 0.88 * EM) / MM for p in full_pages]
    bottoms = [(PAGE_H - (p[-1].base + 0.12 * EM)) / MM for p in full_pages]
    lefts = [min(ln.chars[0].x for ln in p) / MM for p in full_pages]
    rights = [(PAGE_W - (_inside(ln)[-1].x + EM)) / MM for ln in _full_lines(seed_pdf)]
    assert len(full_pages) >= 15
    for name, values, want in (("top", tops, 37), ("bottom", bottoms, 35), ("left", lefts, 28), ("right", rights, 26)):
        assert all(abs(v - want) <= 1.0 for v in values), (name, values)


@pytest.mark.client
def test_page_numbers_alternate_sides_seven_mm_below_the_type_area(seed_pdf):
    for number, page in enumerate(seed_pdf, start=1):
        footer = [ln for ln in page if ln.size < 15 and "—" in ln.text][-1]
        assert footer.text == f"—{number}—"
        left = footer.chars[0].box[0] / MM
        right = (PAGE_W - footer.chars[-1].box[2]) / MM
        if number % 2:
            assert abs(right - (26 + CELL / MM)) < 1.0, (number, right)  # odd: right, one 字 in
        else:
            assert abs(left - (28 + CELL / MM)) < 1.0, (number, left)   # even: left, one 字 in
        dash = footer.chars[0].box
        assert abs((dash[1] + dash[3]) / 2 / MM - (297 - 35 + 7)) < 1.0  # the dash 7 mm under the 版心


@pytest.mark.client
def test_pandoc_reads_the_heading_levels_we_wrote(tmp_path):
    pandoc = require_client("pandoc")
    doc = seed_document("002")
    path = tmp_path / "002.docx"
    path.write_bytes(write(doc))
    done = subprocess.run([pandoc, "-f", "docx", "-t", "json", str(path)], capture_output=True, check=True, timeout=120)
    blocks = json.loads(done.stdout)["blocks"]
    levels = [b["c"][0] for b in blocks if b["t"] == "Header"]
    assert levels == [p.depth for p in flatten(doc) if p.role == "node"]
