"""Builders of hostile files: small byte-level writers for PDF, docx, HTML, JSON, XML and text.

Nothing here is committed as a binary: every hostile case is written by code at test time, so a
reviewer can read exactly what the attack is.
"""

from __future__ import annotations

import functools
import io
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator

# ------------------------------------------------------------------------------------------------ PDF


def pdf(objects: list[bytes], *, root: int = 1, stream_eol: bytes = b"\n") -> bytes:
    """A PDF whose object N (1-based) is ``objects[N-1]``, with a correct xref table.

    An object given as ``(dict, data)`` via :func:`stream` is already serialised; ``stream_eol``
    is only used by callers that build streams themselves.
    """
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref))
    return out.getvalue()


def stream(entries: bytes, data: bytes, eol: bytes = b"\n") -> bytes:
    return b"<< " + entries + b" /Length %d >>\nstream" % len(data) + eol + data + b"\nendstream"


def pdf_page(content: bytes, entries: bytes = b"", extra: Iterable[bytes] = (), resources: bytes = b"",
             eol: bytes = b"\n") -> bytes:
    """One A4 page with Helvetica and ``content`` (a stream whose dictionary holds ``entries``)."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> " + resources + b" >> >>",
        stream(entries, content, eol),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf(objs + list(extra))


def pdf_pages(count: int) -> bytes:
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    objs += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> >>"
             for _ in range(count)]
    return pdf(objs)


@functools.lru_cache(maxsize=4)
def deflate_zeros(size: int, level: int = 9) -> bytes:
    """zlib data that inflates to ``size`` zero bytes, made in chunks (never holds ``size`` bytes)."""
    comp = zlib.compressobj(level)
    chunk = bytes(2**22)
    parts = []
    left = size
    while left > 0:
        parts.append(comp.compress(chunk[:min(left, len(chunk))]))
        left -= len(chunk)
    parts.append(comp.flush())
    return b"".join(parts)


@functools.lru_cache(maxsize=2)
def flate_with_literal(literal: bytes, zeros: int) -> bytes:
    """zlib data whose *compressed* bytes contain ``literal`` (a stored block) and then a zero bomb."""
    head = b"\x78\x01"
    stored = b"\x00" + len(literal).to_bytes(2, "little") + (len(literal) ^ 0xFFFF).to_bytes(2, "little") + literal
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = []
    chunk = bytes(2**22)
    left = zeros
    while left > 0:
        body.append(comp.compress(chunk[:min(left, len(chunk))]))
        left -= len(chunk)
    body.append(comp.flush())
    adler = zlib.adler32(literal)
    for _ in range(zeros // len(chunk)):
        adler = zlib.adler32(chunk, adler)
    adler = zlib.adler32(chunk[:zeros % len(chunk)], adler)
    return head + stored + b"".join(body) + adler.to_bytes(4, "big")


def lzw_zeros(size: int, early_change: int = 1) -> bytes:
    """LZW codes (PDF's variant, 9–12 bits) that decode to about ``size`` zero bytes.

    Runs of one byte need no real encoder: each new code is the previous run plus one byte, so
    the codes are 0, 258, 259, … and the table is cleared (code 256) when it is full.
    """
    bits = BitWriter()
    width = 9
    bits.put(256, width)
    produced = 0
    while produced < size:
        next_code = 258
        width = 9
        bits.put(0, width)
        produced += 1
        run = 1
        while produced < size and next_code < 4094:
            bits.put(next_code, width)  # the previous run plus one byte: the entry the decoder adds now
            next_code += 1
            # the decoder's table now has next_code entries; its width grows one code early (EarlyChange)
            if next_code + early_change >= (1 << width) and width < 12:
                width += 1
            run += 1
            produced += run
        bits.put(256, width)
        width = 9
    bits.put(257, width)
    return bits.bytes()


class BitWriter:
    def __init__(self) -> None:
        self.acc = 0
        self.n = 0
        self.out = bytearray()

    def put(self, code: int, width: int) -> None:
        self.acc = (self.acc << width) | code
        self.n += width
        while self.n >= 8:
            self.n -= 8
            self.out.append((self.acc >> self.n) & 0xFF)
        self.acc &= (1 << self.n) - 1

    def bytes(self) -> bytes:
        if self.n:
            return bytes(self.out) + bytes([(self.acc << (8 - self.n)) & 0xFF])
        return bytes(self.out)


def bomb_pdf(build: Callable[[], tuple[bytes, ...]], where: str) -> bytes:
    """A decompression bomb as the page's content stream, or as an embedded font file (object 6)."""
    data, entries, *rest = build()
    eol = rest[0] if rest else b"\n"
    extra = [b"[/FlateDecode]"] * 4  # objects 6..9: object 9 is the target of "/Filter 9 0 R"
    if where == "content":
        return pdf_page(data, entries, extra=extra, eol=eol)
    font = stream(entries + b" /Length1 %d" % len(data), data, eol)
    page = pdf_page(b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET", b"", extra=[font, *extra[1:]])
    return page.replace(b"/BaseFont /Helvetica >>", b"/BaseFont /Helvetica /FontDescriptor 7 0 R >>", 1).replace(
        b"7 0 obj\n[/FlateDecode]", b"7 0 obj\n<< /Type /FontDescriptor /FontFile2 6 0 R >>   ", 1)


def xobject_laughs(levels: int = 8, fanout: int = 10) -> bytes:
    """Form XObjects each drawing the next level ``fanout`` times: fanout**levels draws in a few KB."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> /XObject << /X0 6 0 R >> >> >>",
            stream(b"", b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET /X0 Do"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for level in range(levels):
        number = 6 + level
        if level == levels - 1:
            content = b"BT /F1 1 Tf (x) Tj ET 0 0 m 1 1 l S"
            res = b"<< /Font << /F1 5 0 R >> >>"
        else:
            content = b" ".join([b"/X Do"] * fanout)
            res = b"<< /XObject << /X %d 0 R >> >>" % (number + 1)
        objs.append(stream(b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources " + res, content))
    return pdf(objs)


def path_flood(size: int) -> bytes:
    """A page whose content is ``size`` bytes of path operators, Flate-compressed."""
    unit = b"10 10 m 20 20 l 30 10 l h S\n"
    comp = zlib.compressobj(9)
    block = unit * (2**20 // len(unit))
    parts = [comp.compress(block) for _ in range(size // len(block))]
    parts.append(comp.flush())
    return pdf_page(b"".join(parts), b"/Filter /FlateDecode")


def tounicode_surrogate() -> bytes:
    """A font whose ToUnicode maps glyph 1 to a lone high surrogate."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def "
            b"1 begincodespacerange <00> <FF> endcodespacerange 2 beginbfchar <41> <D800> <42> <4E2D> endbfchar "
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            stream(b"", b"BT /F1 24 Tf 72 720 Td (ABBA) Tj ET"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
            stream(b"", cmap)]
    return pdf(objs)


# ----------------------------------------------------------------------------------------------- docx

_CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
       b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
       b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
       b'"/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
       b'document.main+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
         b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         b'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
W_NS = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
       b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_REL_NUMBERING = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
_REL_FOOTER = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"


def docx(body: bytes | Iterator[bytes], parts: dict[str, bytes] | None = None,
         rels: list[tuple[bytes, bytes, bytes]] = (), level: int = 6) -> bytes:  # type: ignore[assignment]
    """A minimal .docx: ``body`` inside w:body, extra ``parts`` and document relationships."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        doc_rels = b"".join(b'<Relationship Id="%s" Type="%s" Target="%s"/>' % r for r in rels)
        zf.writestr("word/_rels/document.xml.rels",
                    b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
                    b'org/package/2006/relationships">' + doc_rels + b"</Relationships>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ' + W_NS + b"><w:body>")
            for piece in [body] if isinstance(body, bytes) else body:
                fh.write(piece)
            fh.write(b"</w:body></w:document>")
        for name, data in (parts or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def shifted_central_directory(data: bytes, by: int = 100_000) -> bytes:
    """A zip whose end record claims the central directory lies ``by`` bytes later than it does.

    zipfile then computes member offsets before the start of the file and seeks to a negative
    position (ValueError) — found by fuzzing the docx reader.
    """
    end = data.rfind(b"PK\x05\x06")
    offset = int.from_bytes(data[end + 16:end + 20], "little") + by
    return data[:end + 16] + offset.to_bytes(4, "little") + data[end + 20:]


def future_zip_version(data: bytes, version: int = 236) -> bytes:
    """A zip whose first central-directory entry needs "version 23.6" to extract (zipfile:
    NotImplementedError) — found by fuzzing the docx reader."""
    at = data.find(b"PK\x01\x02")
    return data[:at + 6] + version.to_bytes(2, "little") + data[at + 8:]


def para(text: str, extra: bytes = b"") -> bytes:
    return b"<w:p>" + extra + b"<w:r><w:t>" + text.encode() + b"</w:t></w:r></w:p>"


def numbered_docx(lvl_text: str, fmt: str = "decimal", start: str = "1", paragraphs: int = 3) -> bytes:
    numbering = (b'<?xml version="1.0" encoding="UTF-8"?><w:numbering ' + W_NS + b'><w:abstractNum w:abstractNumId'
                 b'="0"><w:lvl w:ilvl="0"><w:start w:val="' + start.encode() + b'"/><w:numFmt w:val="' +
                 fmt.encode() + b'"/><w:lvlText w:val="' + lvl_text.encode() + b'"/></w:lvl></w:abstractNum>'
                 b'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    numpr = b'<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    body = para("示例镇关于巡察整改进展情况的通报") + b"".join(para("问题整改情况", numpr) for _ in range(paragraphs))
    return docx(body, {"word/numbering.xml": numbering}, [(b"rIdN", _REL_NUMBERING, b"numbering.xml")])


def footer_refs(count: int) -> bytes:
    footer = (b'<?xml version="1.0" encoding="UTF-8"?><w:ftr ' + W_NS + b">" +
              b"".join(para(f"第{i}页") for i in range(200)) + b"</w:ftr>")
    sect = (b'<w:sectPr><w:footerReference w:type="default" r:id="rIdF"/></w:sectPr>')
    body = b"".join(b"<w:p><w:pPr>" + sect + "</w:pPr><w:r><w:t>段落</w:t></w:r></w:p>".encode() for _ in range(count))
    return docx(body, {"word/footer1.xml": footer}, [(b"rIdF", _REL_FOOTER, b"footer1.xml")])


def one_paragraph(size: int) -> bytes:
    """document.xml holding one paragraph of ``size`` bytes of random CJK runs (no easy zip ratio)."""
    import os

    def cjk(n: int) -> bytes:
        """``n`` random characters of U+5000–U+5FFF, built as UTF-8 bytes without a Python loop."""
        out = bytearray(3 * n)
        out[0::3] = b"\xe5" * n
        out[1::3] = os.urandom(n).translate(bytes(0x80 | (i & 0x3F) for i in range(256)))
        out[2::3] = os.urandom(n).translate(bytes(0x80 | (i & 0x3F) for i in range(256)))
        return bytes(out)

    def pieces() -> Iterator[bytes]:
        yield b"<w:p>"
        written = 0
        while written < size:
            piece = b"<w:r><w:t>" + cjk(300_000) + b"</w:t></w:r>"
            written += len(piece)
            yield piece
        yield b"</w:p>"

    return docx(pieces(), level=1)


# ------------------------------------------------------------------------------------------ text-like

def html_paragraphs(count: int) -> bytes:
    return b"<!doctype html><html><head><meta charset=utf-8><title>t</title></head><body>" + \
        b"<p>x" * count + b"</body></html>"


def html_charset(charset: str) -> bytes:
    return (f'<!doctype html><html><head><meta charset="{charset}"><title>通报</title></head><body>'
            "<h1>示例镇关于巡察整改进展情况的通报</h1><p>一、整改情况</p></body></html>").encode()


def json_notice(body: str = '"body": []', extra: str = "") -> bytes:
    return ('{"schema": "rectify/tongbao", "version": "1.0.0", "title": "示例镇关于巡察整改进展情况的通报", '
            + body + extra + "}").encode()


def json_paragraphs(size: int) -> bytes:
    item = '"示例镇全面完成整改任务，建立长效机制。"'
    count = size // (len(item.encode()) + 2)
    return json_notice('"body": [{"heading": "整改情况", "paragraphs": [' + ", ".join([item] * count) + "]}]")


def json_nested(depth: int) -> bytes:
    node = '{"heading": "h"}'
    for _ in range(depth):
        node = '{"heading": "h", "children": [' + node + "]}"
    return json_notice('"body": [' + node + "]")


def text_lines(size: int) -> bytes:
    line = "示例镇整改第十项问题\n".encode()
    return line * (size // len(line))
