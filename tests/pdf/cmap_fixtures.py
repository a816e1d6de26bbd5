"""PDFs whose text layer is exactly what a ToUnicode map says: for characters no shipped font has.

Our writer embeds a GB2312 subset and refuses characters it cannot draw, and no free TrueType font
with Extension B ideographs is installed on CI machines.  What a reader gets from a PDF, though, is
what the font's ToUnicode CMap maps each glyph code to — the glyph's outline does not matter.  So a
font is declared (Type0, Identity-H, not embedded: the viewer substitutes a system font) and each
distinct character gets a code whose ToUnicode entry is chosen by the test: the character itself
(UTF-16BE, a surrogate pair beyond the BMP), a lone surrogate, or a shifted code that makes
well-formed text say something else (the 犐犆犛３５ garbage of PDFs whose CMap is off by a constant).
"""

from __future__ import annotations

from collections.abc import Callable

from .fixtures import _pdf

A4 = (595.0, 842.0)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be", "surrogatepass").hex().upper()


def tounicode_pdf(lines: list[str], *, size: float = 16.0,
                  unicode_of: Callable[[str], str] | None = None) -> bytes:
    """A one-page (or more) PDF showing ``lines``; ``unicode_of(ch)`` is what ToUnicode maps ``ch``
    to (default: ``ch`` itself).  Lines are left-aligned, 1.75 × size apart, 40 per page."""
    chars = sorted({c for line in lines for c in line if c != " "})
    code = {c: i + 1 for i, c in enumerate(chars)}
    mapping = unicode_of or (lambda c: c)
    entries = "\n".join(f"<{code[c]:04X}> <{_utf16_hex(mapping(c))}>" for c in chars)
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Fixture-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            f"{len(chars)} beginbfchar\n{entries}\nendbfchar\n"
            "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode("ascii")
    per_page = 40
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)] or [[]]
    first_page = 6
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
            len(pages), b" ".join(b"%d 0 R" % (first_page + 2 * i) for i in range(len(pages)))),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /FixtureSong /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FixtureSong /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /FixtureSong /Flags 6 "
        b"/FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    for page_lines in pages:
        ops = [f"BT /F1 {size:g} Tf"]
        for row, line in enumerate(page_lines):
            y = A4[1] - 72 - (row + 1) * size * 1.75
            x = 72.0
            for word in line.split(" "):
                if word:
                    ops.append(f"1 0 0 1 {x:.2f} {y:.2f} Tm <{''.join(f'{code[c]:04X}' for c in word)}> Tj")
                x += (len(word) + 0.5) * size
        ops.append("ET")
        content = "\n".join(ops).encode("ascii")
        number = len(objects) + 1
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (A4[0], A4[1], number + 1))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    return _pdf(objects)
