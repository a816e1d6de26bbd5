"""Strict Open XML made from Transitional and back, for tests: the namespace names and relationship
types of ECMA-376 Part 1's Strict schemas against Part 4's Transitional ones, for the parts our
fixtures and the corpus hold.  Written from the standard, independently of the reader's own table
(plugins/rectify_docx/read_strict.py), so a test compares two readings of the standard.
"""

from __future__ import annotations

import io
import zipfile

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
    """Word's Strict form of a Transitional docx (and ``w:conformance=\"strict\"``)."""
    data = _renamed(data, to_strict=True)
    assert b"schemas.openxmlformats.org/wordprocessingml" not in b"".join(
        zipfile.ZipFile(io.BytesIO(data)).read(n) for n in ("word/document.xml", "word/_rels/document.xml.rels"))
    return data


def to_transitional(data: bytes) -> bytes:
    """A Strict docx rewritten to Transitional names (for extractors that read only Transitional)."""
    return _renamed(data, to_strict=False)


def _renamed(data: bytes, to_strict: bool) -> bytes:
    """Every XML part of the package with the names of ``_STRICT`` swapped one way or the other."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for transitional, strict in _STRICT:
                    old, new = (transitional, strict) if to_strict else (strict, transitional)
                    part = part.replace(old.encode(), new.encode())
                if to_strict and info.filename == "word/document.xml":
                    part = part.replace(b"<w:document ", b'<w:document w:conformance="strict" ', 1)
            dst.writestr(info.filename, part)
    return out.getvalue()


__all__ = ["to_strict", "to_transitional"]
