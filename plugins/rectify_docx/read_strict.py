"""Strict Open XML (ISO/IEC 29500 Strict, Word's "Strict Open XML Document"): read as Transitional.

Strict differs from Transitional in its namespace names (``http://purl.oclc.org/ooxml/…`` instead
of ``http://schemas.openxmlformats.org/…/2006/…``) and in its relationship types, not in the
elements a reader of text needs: Word's Strict files hold the same w:p, w:r and w:t.  So each part
is rewritten to the Transitional names as it is read, before parsing, and everything downstream
(content, styles, numbering, relationships) sees one vocabulary.  The names are those of
ECMA-376 Part 1, Annex A (Strict schemas) against the Transitional ones of Part 4; OPC's own
namespaces (package relationships, content types, core properties) are the same in both and are
left alone.  Only the text of namespace names and relationship types is rewritten; a Strict
attribute *value* that Transitional spells differently (``w:jc w:val="start"``) is already read.
"""

from __future__ import annotations

_STRICT = "http://purl.oclc.org/ooxml/"
_TRANSITIONAL = "http://schemas.openxmlformats.org/"

# Strict namespace (after http://purl.oclc.org/ooxml/) → Transitional (after http://schemas.openxmlformats.org/)
NAMESPACES: dict[str, str] = {
    "wordprocessingml/main": "wordprocessingml/2006/main",
    "officeDocument/relationships": "officeDocument/2006/relationships",
    "officeDocument/math": "officeDocument/2006/math",
    "officeDocument/bibliography": "officeDocument/2006/bibliography",
    "officeDocument/characteristics": "officeDocument/2006/characteristics",
    "officeDocument/customXml": "officeDocument/2006/customXml",
    "officeDocument/customProperties": "officeDocument/2006/custom-properties",
    "officeDocument/docPropsVTypes": "officeDocument/2006/docPropsVTypes",
    "officeDocument/extendedProperties": "officeDocument/2006/extended-properties",
    "officeDocument/sharedTypes": "officeDocument/2006/sharedTypes",
    "drawingml/main": "drawingml/2006/main",
    "drawingml/wordprocessingDrawing": "drawingml/2006/wordprocessingDrawing",
    "drawingml/picture": "drawingml/2006/picture",
    "drawingml/chart": "drawingml/2006/chart",
    "drawingml/chartDrawing": "drawingml/2006/chartDrawing",
    "drawingml/diagram": "drawingml/2006/diagram",
    "drawingml/lockedCanvas": "drawingml/2006/lockedCanvas",
    "drawingml/compatibility": "drawingml/2006/compatibility",
    "schemaLibrary/main": "schemaLibrary/2006/main",
}
# Relationship types are the relationships namespace + "/" + a name; two names changed spelling.
RELATIONSHIP_NAMES: dict[str, str] = {
    "extendedProperties": "extended-properties",
    "customProperties": "custom-properties",
}

_MARK = _STRICT.encode("ascii")


def _table() -> list[tuple[bytes, bytes]]:
    """Longest names first, so ``…/relationships/styles`` is rewritten before ``…/relationships``."""
    pairs: dict[str, str] = {}
    rel_strict, rel_transitional = "officeDocument/relationships/", "officeDocument/2006/relationships/"
    for strict, transitional in RELATIONSHIP_NAMES.items():
        pairs[rel_strict + strict] = rel_transitional + transitional
    pairs[rel_strict] = rel_transitional
    pairs.update(NAMESPACES)
    ordered = sorted(pairs.items(), key=lambda kv: -len(kv[0]))
    return [((_STRICT + s).encode("ascii"), (_TRANSITIONAL + t).encode("ascii")) for s, t in ordered]


_REPLACEMENTS = _table()


def is_strict(data: bytes) -> bool:
    return _MARK in data


def to_transitional(data: bytes) -> bytes:
    """``data`` (an XML part in UTF-8, Word's only encoding for them) with Strict names rewritten."""
    if _MARK not in data:
        return data
    for strict, transitional in _REPLACEMENTS:
        data = data.replace(strict, transitional)
    return data


__all__ = ["NAMESPACES", "RELATIONSHIP_NAMES", "is_strict", "to_transitional"]
