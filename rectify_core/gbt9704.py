"""GB/T 9704-2012 《党政机关公文格式》: the page every writer sets and ``rectify check`` measures.

These are the standard's own figures (../shared/reference/standards.md §1), in the units the standard
uses (mm, 号 sizes, 字 and 行), held ONCE for the docx, PDF and OFD writers and for the checker.
Each back end converts them to its own unit (twips, PDF points, OFD millimetres) in its own module;
none keeps a second copy of a figure.

* A4 paper, 天头 (top) 37 mm, 订口 (left) 28 mm, 版心 156 × 225 mm, so bottom 35 mm, right 26 mm.
* 22 lines of 28 characters of 3号 type fill the 版心.
* Page numbers ``— n —`` in 4号, the dashes 7 mm below the 版心; odd pages one 字 in from the right,
  even pages one 字 in from the left (cl. 7.5).
* Roles: title 2号 小标宋, body 3号 仿宋, 一、 headings 黑体, （一） headings 楷体 (cl. 7.3.3).
* Signature without seal: the issuer 2 字 from the right margin, the date 2 字 right of the issuer's
  first character, first line indent 2 字 for body paragraphs (cl. 7.3.5.2).
"""

from __future__ import annotations

from typing import Final

MM_PER_PT: Final = 25.4 / 72

# -- paper and margins (cl. 5) --------------------------------------------------------------------
PAGE_WIDTH_MM: Final = 210.0
PAGE_HEIGHT_MM: Final = 297.0
TOP_MM: Final = 37.0          # 天头
LEFT_MM: Final = 28.0         # 订口
TYPE_WIDTH_MM: Final = 156.0  # 版心
TYPE_HEIGHT_MM: Final = 225.0
BOTTOM_MM: Final = PAGE_HEIGHT_MM - TOP_MM - TYPE_HEIGHT_MM   # 35
RIGHT_MM: Final = PAGE_WIDTH_MM - LEFT_MM - TYPE_WIDTH_MM     # 26
# The standard's tolerance on the margins (± 1 mm); the checker allows it and nothing more.
MARGIN_TOLERANCE_MM: Final = 1.0

# -- the grid (cl. 5.2.2) -------------------------------------------------------------------------
LINES_PER_PAGE: Final = 22
CHARS_PER_LINE: Final = 28

# -- type sizes: Word's 号 scale, in points ---------------------------------------------------------
SIZE_PT: Final = {"二号": 22.0, "三号": 16.0, "四号": 14.0}
TITLE_SIZE: Final = "二号"
BODY_SIZE: Final = "三号"
FOLIO_SIZE: Final = "四号"

# -- indents and the signature, in 字 (cl. 7.3.3, 7.3.5.2) -----------------------------------------
FIRST_LINE_INDENT_CHARS: Final = 2
SIGNATURE_RIGHT_CHARS: Final = 2        # the issuer's / date's distance from the right margin
DATE_OFFSET_CHARS: Final = 2            # the date starts this far right of the issuer

# -- page numbers (cl. 7.5) -----------------------------------------------------------------------
FOLIO_DROP_MM: Final = 7.0              # the dashes sit 7 mm below the 版心
FOLIO_INSET_CHARS: Final = 1            # one (4号) 字 in from the outer edge of the 版心


def folio_text(number: int) -> str:
    """The page number as GB/T 9704 prints it: an em dash, the number, an em dash."""
    return f"— {number} —"


def folio_side(number: int) -> str:
    """Odd pages carry their number at the right, even pages at the left."""
    return "right" if number % 2 else "left"


# -- role typefaces (cl. 7.3): the names GB/T 9704 practice uses, and the style each face has -------
ROLE_FACES: Final = {
    "title": "方正小标宋简体",
    "body": "仿宋_GB2312",
    "heading1": "黑体",
    "heading2": "楷体_GB2312",
}
# Which kind of face a role needs: what a font found on a machine (or in a Word file) must be to
# serve it.  A checker accepts any name of the kind; a writer picks a freely licensed face of it.
ROLE_KIND: Final = {"title": "heavy", "body": "fangsong", "heading1": "hei", "heading2": "kai"}
# Face names of each kind, as Word, WPS and font files spell them (lower case compared).
KIND_NAMES: Final = {
    "heavy": ("小标宋", "xiaobiaosong", "华文中宋", "stzhongsong", "标宋", "noto serif cjk sc bold",
              "source han serif", "思源宋体", "rectify title"),
    "fangsong": ("仿宋", "fangsong", "fang song", "simfang", "stfangsong"),
    "hei": ("黑体", "simhei", "heiti", "noto sans cjk", "source han sans", "思源黑体", "微软雅黑",
            "microsoft yahei", "rectify sans"),
    "kai": ("楷体", "kaiti", "simkai", "stkaiti", "lxgw wenkai", "霞鹜文楷", "ukai", "rectify kai"),
    "song": ("宋体", "simsun", "nsimsun", "songti", "stsong"),
}


def face_kind(name: str) -> str | None:
    """The kind of a face name (``heavy``, ``fangsong``, ``hei``, ``kai``, ``song``) or None."""
    low = name.lower()
    for kind, names in KIND_NAMES.items():
        if any(n in low for n in names):
            return kind
    return None


__all__ = [
    "BODY_SIZE", "BOTTOM_MM", "CHARS_PER_LINE", "DATE_OFFSET_CHARS", "FIRST_LINE_INDENT_CHARS",
    "FOLIO_DROP_MM", "FOLIO_INSET_CHARS", "FOLIO_SIZE", "KIND_NAMES", "LEFT_MM", "LINES_PER_PAGE",
    "MARGIN_TOLERANCE_MM", "MM_PER_PT", "PAGE_HEIGHT_MM", "PAGE_WIDTH_MM", "RIGHT_MM", "ROLE_FACES",
    "ROLE_KIND", "SIGNATURE_RIGHT_CHARS", "SIZE_PT", "TITLE_SIZE", "TOP_MM", "TYPE_HEIGHT_MM",
    "TYPE_WIDTH_MM", "face_kind", "folio_side", "folio_text",
]
