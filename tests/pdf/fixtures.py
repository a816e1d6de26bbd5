"""PDF fixtures made by code, never committed: 'published' notices laid out the way other producers
lay them out, and hostile files.

``published_pdf`` sets a Document's visible paragraphs the way a typical office PDF of a 通报 looks,
deliberately unlike rectify's own writer: other margins and type size, lines broken greedily by
width with no justification and no line-breaking rules (so a line may end short beside a number,
or start with a comma), a page number in a chosen form, optionally a running header — the
conditions seed 000's original PDF had.  Spaces are half an em wide, as in 仿宋/宋体.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator

from rectify_pdf.fonts import DEFAULT_FONT

from rectify_core.model import Document
from rectify_core.visible import flatten

MM = 72 / 25.4
A4 = (210 * MM, 297 * MM)


def _paragraphs(doc: Document) -> Iterator[tuple[str, str]]:
    for para in flatten(doc):
        if para.role == "disclosure":
            yield para.role, f"{para.get('label')}：{para.get('value') or ''}"
        else:
            yield para.role, para.text


def published_pdf(doc: Document, *, folio: str = "— {n} —", header: str | None = None,
                  header_on_first: bool = True, size: float = 15.75, left: float = 31.8 * MM,
                  right: float = 31.8 * MM, top: float = 30 * MM, bottom: float = 30 * MM,
                  pitch: float = 28.0) -> bytes:
    """A 'published' PDF of ``doc`` (see the module docstring); ``folio`` may use {n} and {total}."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    font = "FixtureSerif"
    if font not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(font, str(DEFAULT_FONT)))
    width = A4[0] - left - right

    def adv(ch: str, s: float) -> float:
        return 0.5 * s if ch == " " else pdfmetrics.stringWidth(ch, font, s)

    # lay out every line first, so the page count is known for "第 n 页 共 m 页"
    placed: list[tuple[float, float, str]] = []  # (x, size, text) per line; x None-free
    for role, text in _paragraphs(doc):
        s = 22.0 if role == "title" else size
        centred = role in ("title", "subtitle")
        right_aligned = role in ("issuer", "date")
        indent = 0.0 if centred or right_aligned else 2 * s
        lines: list[str] = []
        line, used, limit = "", indent, width
        for ch in text:
            w = adv(ch, s)
            if line and used + w > limit:
                lines.append(line)
                line, used = "", 0.0
            line += ch
            used += w
        lines.append(line)
        for n, ln in enumerate(lines):
            ln_width = sum(adv(c, s) for c in ln.strip())
            if centred:
                x = left + (width - ln_width) / 2
            elif right_aligned:
                x = left + width - ln_width - 2 * s
            else:
                x = left + (indent if n == 0 else 0.0)
            placed.append((x, s, ln.strip()))
    per_page = int((A4[1] - top - bottom) // pitch)
    total = max(1, -(-len(placed) // per_page))

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=A4, invariant=1, initialFontName=font)
    for page in range(total):
        if header and (header_on_first or page > 0):
            canvas.setFont(font, 10.5)
            canvas.drawCentredString(A4[0] / 2, A4[1] - 18 * MM, header)
        for row, (x, s, text) in enumerate(placed[page * per_page:(page + 1) * per_page]):
            y = A4[1] - top - (row + 0.8) * pitch
            canvas.setFont(font, s)
            for word_x, word in _words(text, x, lambda c, s=s: adv(c, s)):
                canvas.drawString(word_x, y, word)
        label = folio.format(n=page + 1, total=total)
        canvas.setFont(font, 14)
        canvas.drawCentredString(A4[0] / 2, 18 * MM, label)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _words(text: str, x: float, adv: object) -> Iterator[tuple[float, str]]:
    """Split at spaces: each word is drawn where it starts (a space is a gap, not a glyph)."""
    measure = adv  # type: ignore[assignment]
    word, start = "", x
    for ch in text:
        if ch == " ":
            if word:
                yield start, word
            word = ""
        elif not word:
            start = x
            word = ch
        else:
            word += ch
        x += measure(ch)  # type: ignore[operator]
    if word:
        yield start, word


# -- hostile files ---------------------------------------------------------------------------------

def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A syntactically complete PDF from numbered object bodies (1-based), with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def many_pages_pdf(count: int) -> bytes:
    """``count`` pages sharing one empty content stream: tiny file, huge page tree."""
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count %d /Kids [%s] >>" % (count, kids),
               b"<< /Length 0 >>\nstream\n\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"] * count
    return _pdf(objects)


def bomb_pdf(inflated_mib: int = 512) -> bytes:
    """One page whose content stream inflates from about 1 MB to ``inflated_mib`` MiB of spaces."""
    packer = zlib.compressobj(9)
    chunk = b" " * 2**20
    data = b"".join(packer.compress(chunk) for _ in range(inflated_mib)) + packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"]
    return _pdf(objects)


def object_stream_bomb_pdf(inflated_mib: int = 512) -> bytes:
    """An object stream (/Type /ObjStm) that claims one object and inflates to half a gigabyte."""
    packer = zlib.compressobj(9)
    data = packer.compress(b"5 0 ") + b"".join(packer.compress(b"0" * 2**20) for _ in range(inflated_mib))
    data += packer.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
               b"<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
               + data + b"\nendstream"]
    return _pdf(objects)


def encrypted_pdf(doc: Document) -> bytes:
    """A text PDF that opens only with the password 'secret'."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    enc = pdfencrypt.StandardEncryption("secret", canPrint=0)
    canvas = Canvas(buf, pagesize=A4, encrypt=enc, invariant=1)
    canvas.drawString(100, 700, doc.title or "notice")
    canvas.showPage()
    canvas.save()
    return buf.getvalue()


def scanned_pdf() -> bytes:
    """A page holding only an image (what a scanner makes): no text layer."""
    pixels = zlib.compress(bytes([200]) * (64 * 64 * 3))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /XObject << /Im1 5 0 R >> >> >>",
               b"<< /Length 32 >>\nstream\nq 400 0 0 400 50 50 cm /Im1 Do Q\nendstream",
               b"<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceRGB "
               b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % len(pixels)
               + pixels + b"\nendstream"]
    return _pdf(objects)
