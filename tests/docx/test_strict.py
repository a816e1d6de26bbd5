"""Strict Open XML documents (Word: Save As → "Strict Open XML Document") read like Transitional ones.

LibreOffice cannot write Strict, so the fixture is made the way Word's Strict files differ from
Transitional ones: the same parts with the namespace names and relationship types of ECMA-376
Part 1's Strict schemas (``http://purl.oclc.org/ooxml/…``) and ``w:conformance="strict"`` on the
document.  The table below is written from the standard, not taken from the reader's table.
"""

from __future__ import annotations

import io
import zipfile

from rectify_core import api

from .foreign import direct_docx
from .helpers import seed_document, write

# ECMA-376 Part 1 Annex A (Strict) ← Part 4 (Transitional), for the parts our fixtures hold
_STRICT = [
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
     "http://purl.oclc.org/ooxml/officeDocument/extendedProperties"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
     "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
    ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
     "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
    ("http://schemas.openxmlformats.org/drawingml/2006/picture", "http://purl.oclc.org/ooxml/drawingml/picture"),
]


def to_strict(data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for transitional, strict in _STRICT:
                    part = part.replace(transitional.encode(), strict.encode())
                if info.filename == "word/document.xml":
                    part = part.replace(b"<w:document ", b'<w:document w:conformance="strict" ', 1)
            dst.writestr(info.filename, part)
    data = out.getvalue()
    assert b"schemas.openxmlformats.org/wordprocessingml" not in b"".join(
        zipfile.ZipFile(io.BytesIO(data)).read(n) for n in ("word/document.xml", "word/_rels/document.xml.rels"))
    return data


def test_our_own_docx_in_strict_reads_back_losslessly() -> None:
    doc = seed_document("002")
    transitional = write(doc)
    strict = api.read(to_strict(transitional), "docx")
    assert strict.document == api.read(transitional, "docx").document
    assert strict.info["ooxml"] == "strict"
    assert strict.info["origin"] == "rectify"


def test_a_word_file_with_automatic_numbering_in_strict_reads_like_transitional() -> None:
    transitional = direct_docx(seed_document("000"), numbered=True)
    strict = api.read(to_strict(transitional), "docx")
    want = api.read(transitional, "docx")
    assert strict.document == want.document
    assert len(strict.document.problems()) == len(want.document.problems()) > 0
