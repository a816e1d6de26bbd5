"""Hostile and broken .docx files, generated on the fly (also used by bench/bench_docx.py)."""

from __future__ import annotations

import io
import struct
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/></Types>'
)


def package(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


def document(body: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W_NS}"><w:body>{body}'
            "</w:body></w:document>").encode()


def zip_bomb(megabytes: int = 300) -> bytes:
    """word/document.xml inflating to ``megabytes`` of white space (about 1000 : 1)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        with zf.open("word/document.xml", "w") as fh:
            fh.write(document("")[:-len("</w:body></w:document>")])
            chunk = b" " * (1 << 20)
            for _ in range(megabytes):
                fh.write(chunk)
            fh.write(b"</w:body></w:document>")
    return buf.getvalue()


def lying_bomb(megabytes: int = 50) -> bytes:
    """A member whose headers claim 1 KiB while its data inflates to ``megabytes``."""
    data = bytearray(zip_bomb(megabytes))
    claimed = 1024
    # local header: uncompressed size at offset 22; central directory entry: at offset 24
    name = b"word/document.xml"
    local = data.find(b"PK\x03\x04")
    while local != -1:
        if data[local + 30: local + 30 + len(name)] == name:
            struct.pack_into("<I", data, local + 22, claimed)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        if data[central + 46: central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, claimed)
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


def path_escape(name: str = "../../evil.xml") -> bytes:
    return package([("word/document.xml", document("<w:p/>")), (name, b"<x/>")])


def billion_laughs(encoding: str = "utf-8") -> bytes:
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    xml = (f'<?xml version="1.0" encoding="{encoding.upper()}"?><!DOCTYPE w:document [{entities}]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>')
    return package([("word/document.xml", xml.encode(encoding))])


def external_entity(target: str = "file:///etc/passwd") -> bytes:
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>'
    return package([("word/document.xml", document("<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>", prolog))])


def too_many_members(count: int = 5000) -> bytes:
    return package([("word/document.xml", document("<w:p/>"))] + [(f"word/media/{i}.xml", b"<x/>")
                                                                    for i in range(count)])


def deep_nesting(depth: int = 5000) -> bytes:
    body = "<w:sdt><w:sdtContent>" * depth + "<w:p/>" + "</w:sdtContent></w:sdt>" * depth
    return package([("word/document.xml", document(body))])


OLE_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4088)  # a Word 97–2003 file's first sector

__all__ = ["OLE_DOC", "billion_laughs", "deep_nesting", "document", "external_entity", "lying_bomb", "package",
           "path_escape", "too_many_members", "zip_bomb"]
