"""Cut Noto Serif CJK SC down to the font rectify's PDF writer ships, and convert it to TrueType.

Why this exists: the PDF writer must embed a CJK font that the project may redistribute (the SIL
Open Font License allows it), that needs nothing from the machine, and that reportlab can embed.
reportlab refuses PostScript (CFF) outlines, and Noto CJK is CFF, so the glyphs are converted to
quadratic TrueType outlines with fontTools' cu2qu.  Keeping only GB2312 (levels 1 and 2: 6 763 hanzi
plus its symbols), ASCII, full-width forms and a few characters seen in real notices keeps the file
at about 3 MB instead of 26.

Reproduce (Debian package fonts-noto-cjk, fontTools >= 4.40)::

    python tools/subset_font.py /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc \
        rectify_core/typeset/fonts/RectifySerifSC-Regular.ttf

The output is deterministic: the same source font gives the same bytes.  The family is renamed
(the OFL asks modified versions not to pose as the original) and the licence text ships beside it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

FAMILY = "Rectify Serif SC"
POSTSCRIPT = "RectifySerifSC-Regular"
SOURCE_FAMILY = "Noto Serif CJK SC"

# Characters real notices contain beyond GB2312 (found in the project's seed and dev corpus, which
# is not redistributed, so they are listed here to keep the build reproducible without it), and
# forms common in this genre: circled numbers past ⑩ (up to ㊿), 〇 in dates, dashes and dots.
CIRCLED = "".join(chr(c) for c in (*range(0x2460, 0x2474), *range(0x3251, 0x3260), *range(0x32B1, 0x32C0)))
EXTRA = "·•扽〇–―‐‘’“”…—‰℃\u00a0" + CIRCLED  # ① … ㊿: the circled markers rectify_core knows


def wanted_codepoints() -> set[int]:
    """ASCII, every GB2312 character (symbols, full-width forms, level 1+2 hanzi), and EXTRA."""
    chars: set[str] = {chr(c) for c in range(0x20, 0x7F)}
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes((hi, lo)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    chars.update(chr(c) for c in range(0xFF01, 0xFF5F))  # full-width ASCII forms
    chars.update(EXTRA)
    return {ord(c) for c in chars}


def _collection_index(path: Path) -> int:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == SOURCE_FAMILY or font["name"].getDebugName(4) == SOURCE_FAMILY:
            return index
    raise SystemExit(f"{path}: no font named {SOURCE_FAMILY!r} in this collection")


def load_source(path: Path) -> Any:
    from fontTools.ttLib import TTFont

    if path.suffix.lower() in (".ttc", ".otc"):
        return TTFont(str(path), fontNumber=_collection_index(path), lazy=False, recalcTimestamp=False)
    return TTFont(str(path), lazy=False, recalcTimestamp=False)


def subset(font: Any, codepoints: set[int]) -> None:
    from fontTools import subset as ftsubset

    options = ftsubset.Options()
    options.layout_features = []  # no GSUB/GPOS: horizontal text, one glyph per character
    options.hinting = False
    options.notdef_outline = True
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.name_languages = [0x409]
    options.drop_tables += ["VORG", "vhea", "vmtx", "DSIG", "BASE", "GDEF", "GPOS", "GSUB", "meta"]
    subsetter = ftsubset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)


def cff_to_glyf(font: Any, max_err: float = 1.0) -> None:
    """Replace CFF outlines by TrueType quadratic ones (after fontTools' otf2ttf snippet)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in glyph_order:
        pen = TTGlyphPen(glyph_set)
        # CFF contours run counter-clockwise, TrueType ones clockwise: reverse them.
        glyph_set[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph()

    font["loca"] = newTable("loca")
    glyf = font["glyf"] = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = glyphs
    del font["CFF "]
    font.sfntVersion = "\x00\x01\x00\x00"

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxComponentDepth = 0

    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = glyph_order
    font["head"].glyphDataFormat = 0


def rename(font: Any) -> None:
    """A modified OFL font must not use the original's name: call it Rectify Serif SC."""
    name = font["name"]
    note = f"{FAMILY} is a subset of {SOURCE_FAMILY}, converted to TrueType outlines by rectify's tools/subset_font.py."
    for record in list(name.names):
        if record.nameID in (1, 16):
            name.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            name.setName(f"{POSTSCRIPT};{note}", 3, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 4:
            name.setName(f"{FAMILY} Regular", 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            name.setName(POSTSCRIPT, 6, record.platformID, record.platEncID, record.langID)
    name.removeNames(nameID=16)
    name.removeNames(nameID=17)
    # fixed timestamps keep the build reproducible (the source font's own creation date is kept)
    font["head"].modified = font["head"].created


def build(source: Path, target: Path) -> dict[str, Any]:
    font = load_source(source)
    wanted = wanted_codepoints()
    subset(font, wanted)
    cff_to_glyf(font)
    rename(font)
    target.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(target), reorderTables=True)
    cmap = font.getBestCmap()
    missing = sorted(c for c in wanted if c not in cmap and c != 0xA0)
    return {"glyphs": len(font.getGlyphOrder()), "mapped": len(cmap), "bytes": target.stat().st_size,
            "missing": "".join(chr(c) for c in missing)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", type=Path, help="NotoSerifCJK-Regular.ttc (or NotoSerifSC-Regular.otf)")
    parser.add_argument("target", type=Path, help="the .ttf to write")
    args = parser.parse_args(argv)
    info = build(args.source, args.target)
    print(f"{args.target}: {info['glyphs']} glyphs, {info['mapped']} characters, {info['bytes']:,} bytes")
    if info["missing"]:
        print(f"not in the source font: {info['missing']}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
