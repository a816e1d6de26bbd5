"""GB/T 9704-2012 page figures and the font profile, computed once from the standard's numbers.

Everything Word or LibreOffice needs is derived here from the standard (A4, 天头 37 mm, 订口 28 mm,
版心 156 × 225 mm, 22 lines × 28 characters, 3号 body) and two facts about how word processors set
type (``../shared/reference/standards.md`` §1.1, §1.6):

* Word's 三号 is 16 pt, so 28 glyphs (448 pt) overflow the 442 pt line.  Each 3号 run gets the
  character spacing halfway between the widest that lets 28 characters fit and the narrowest that
  would let 29 fit (−0.5 pt: 15.5 pt advances; justification then spreads them to 156 mm / 28).
  The bare fit (−0.25 pt) is not enough: LibreOffice then sets 27 characters a line.  A character
  grid alone fails differently — LibreOffice gives a 16 pt glyph two 15.8 pt cells (14 a line) —
  so the grid (w:docGrid linesAndChars) only declares 22 × 28 for Word's page setup.
* With exact line spacing both renderers put the extra leading *above* the glyphs.  So the pitch is
  chosen for the 版心 as the standard measures it (top of the first line's characters to the bottom
  of the 22nd line's), ``21 × pitch + 16 pt ≤ 225 mm``, and the top margin is moved up by the
  leading so the first characters still stand 37 mm below the page edge.  The bottom margin stays at
  35 mm and leaves room for exactly 22 lines.

Font names are the profile's: fonts a machine lacks are its owner's business; the names are the
ones GB/T 9704 practice uses.  ``options["font_profile"]`` overrides any of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any

from rectify_core.plugin_api import UsageError, dataclass
from rectify_core.plugin_api import gbt9704 as G

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def mm(value: float) -> int:
    return round(value * TWIPS_PER_MM)


# -- the standard's figures (GB/T 9704-2012 cl. 5, 7) ---------------------------------------------
# held in rectify_core.gbt9704, the one place of the standard's figures
PAGE_W, PAGE_H = mm(G.PAGE_WIDTH_MM), mm(G.PAGE_HEIGHT_MM)   # A4 in twips: 11906 × 16838
TOP_MM, LEFT_MM = G.TOP_MM, G.LEFT_MM                         # 天头, 订口
TYPE_W_MM, TYPE_H_MM = G.TYPE_WIDTH_MM, G.TYPE_HEIGHT_MM      # 版心
LINES, CHARS = G.LINES_PER_PAGE, G.CHARS_PER_LINE
SIZES_PT = G.SIZE_PT


@dataclass(frozen=True)
class Geometry:
    """The page in twips (1/20 pt), as written into w:pgSz, w:pgMar, w:docGrid and run spacing."""

    top: int
    bottom: int
    left: int
    right: int
    footer: int
    header: int
    type_width: int
    line_pitch: int
    char_cell: int            # one 字: the 版心 width / 28, the pitch of a justified body line
    char_spacing: int         # w:spacing on 3号 runs (twentieths of a point)
    char_advance: int         # a 3号 character's advance with that spacing
    grid_char_space: int      # w:docGrid/@w:charSpace (1/4096 pt above the 16 pt base)

    @property
    def first_line_indent(self) -> int:
        return 2 * self.char_cell


def compute_geometry() -> Geometry:
    em = round(SIZES_PT["三号"] * TWIPS_PER_PT)                     # 320
    type_w = mm(TYPE_W_MM)                                        # 8844
    type_h = mm(TYPE_H_MM)                                        # 12756
    left = mm(LEFT_MM)
    right = PAGE_W - left - type_w
    cell = round(type_w / CHARS)                                  # 316 (15.8 pt)
    spacing = round((type_w / CHARS + type_w / (CHARS + 1)) / 2) - em  # −10: halfway between 28 and 29
    assert CHARS * (em + spacing) <= type_w < (CHARS + 1) * (em + spacing)
    pitch = (type_h - em) // (LINES - 1)                          # 592: 21 gaps and one glyph fill 225 mm
    top = mm(TOP_MM) - (pitch - em) + LEADING_SHIFT               # the leading sits above line 1
    bottom = PAGE_H - top - LINES * pitch - LINE_SLACK            # room for 22 lines, not 23
    assert LINES * pitch <= PAGE_H - top - bottom < (LINES + 1) * pitch
    dash_from_bottom = PAGE_H - (mm(TOP_MM) + type_h + mm(G.FOLIO_DROP_MM))   # the dash 7 mm under the 版心
    grid_char_space = round((type_w / CHARS - em) * 4096 / TWIPS_PER_PT)
    return Geometry(top=top, bottom=bottom, left=left, right=right, footer=dash_from_bottom - FOOTER_DASH_HEIGHT,
                    header=mm(15.0), type_width=type_w, line_pitch=pitch, char_cell=cell,
                    char_spacing=spacing, char_advance=em + spacing, grid_char_space=grid_char_space)


# Renderer calibration (docs/docx.md).  With exact line spacing Word and LibreOffice both set the
# baseline one font-descent above the bottom of the line box.  For 仿宋_GB2312 and the other GB fonts
# the em box ends at the descent line, so the glyphs' top is (pitch − 16 pt) below the line's top;
# Noto Sans CJK (what LibreOffice substitutes on Linux) has a deeper descent and sets the glyphs
# 1.2 mm higher.  Two thirds of that go into the top margin: both stand within 0.8 mm of 37 mm.
LEADING_SHIFT = 45        # twips (0.8 mm)
LINE_SLACK = 10           # twips spare below line 22 so rounding never loses it
FOOTER_LINE = 400         # exact height of the page-number line (20 pt)
FOOTER_DASH_HEIGHT = 155  # the 4号 dash's centre above the footer line's bottom (measured: 7.75 pt)

GEOMETRY = compute_geometry()


# -- fonts -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class FontProfile:
    """East Asian font per role, one Latin font for digits and letters, the page-number font."""

    title: str = G.ROLE_FACES["title"]
    subtitle: str = G.ROLE_FACES["heading2"]
    body: str = G.ROLE_FACES["body"]
    heading1: str = G.ROLE_FACES["heading1"]
    heading2: str = G.ROLE_FACES["heading2"]
    heading3: str = G.ROLE_FACES["body"]
    heading4: str = G.ROLE_FACES["body"]
    latin: str = "Times New Roman"
    page_number: str = "宋体"

    def heading(self, depth: int) -> str:
        return (self.heading1, self.heading2, self.heading3)[depth - 1] if depth <= 3 else self.heading4

    def names(self) -> list[str]:
        return list(dict.fromkeys(getattr(self, f.name) for f in fields(self)))


# Alternative names Word may substitute (w:altName in fontTable.xml), and GB 2312 charset.
ALT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "方正小标宋_GBK",
             "黑体": "SimHei", "宋体": "SimSun", "仿宋": "FangSong", "楷体": "KaiTi"}


def font_profile(options: Mapping[str, Any]) -> FontProfile:
    """The default profile with ``options["font_profile"]`` (a dict role → font name) applied."""
    overrides = options.get("font_profile") or {}
    if isinstance(overrides, str):  # from the command line: -O 'font_profile={"title": "华文中宋"}'
        import json

        try:
            overrides = json.loads(overrides)
        except ValueError:
            raise UsageError("font_profile must be a JSON object of role → font name") from None
    if not isinstance(overrides, Mapping):
        raise UsageError("font_profile must map roles to font names")
    known = {f.name for f in fields(FontProfile)}
    unknown = sorted(set(overrides) - known)
    if unknown:
        raise UsageError(f"unknown font_profile roles {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    for role, name in overrides.items():
        if not isinstance(name, str) or not name.strip():
            raise UsageError(f"font_profile[{role!r}] must be a font name")
    return replace(FontProfile(), **{k: v.strip() for k, v in overrides.items()})


__all__ = [
    "ALT_NAMES",
    "CHARS",
    "FOOTER_LINE",
    "GEOMETRY",
    "LINES",
    "PAGE_H",
    "PAGE_W",
    "SIZES_PT",
    "TWIPS_PER_MM",
    "FontProfile",
    "Geometry",
    "font_profile",
    "mm",
]
