"""Read a docx: our own files losslessly from their styles, any other through the recognizer.

Both paths read only what the page shows (read_content.py).  Our files (read_own.py) map paragraph styles
to roles and character styles to spans and go through ``rectify_core.visible.unflatten``; other
files (read_foreign.py) become recognizer blocks with layout hints.  Headers and footers are page
furniture: reported as removed text, never read as text.  The package is opened as
hostile input (read_package.py) before anything is inflated.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any

from rectify_core.plugin_api import OLE2_MAGIC, Block, InputError, Reader, Report, Shown, Source

from .ooxml import (
    PKG_REL_NS,
    REL_CUSTOM,
    REL_ENDNOTES,
    REL_FOOTER,
    REL_FOOTNOTES,
    REL_HEADER,
    REL_NUMBERING,
    REL_OFFICE_DOCUMENT,
    REL_STYLES,
    W,
)

if TYPE_CHECKING:  # the package module (zipfile, the zip checks) loads in read(): every input is sniffed here
    from .read_package import Package

_REL = "{" + PKG_REL_NS + "}Relationship"


def _rels(pkg: Package, part: str) -> list[tuple[str, str]]:
    """(type, target part) of a part's internal relationships, targets resolved and kept inside."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if not pkg.has(rels_name):
        return []
    out = []
    for rel in pkg.xml(rels_name).iter(_REL):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        path = posixpath.normpath(target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target))
        if path.startswith("../") or path == "..":
            continue
        out.append((rel.get("Type") or "", path))
    return out


def _first(rels: list[tuple[str, str]], kind: str, default: str | None = None) -> str | None:
    return next((target for rel_type, target in rels if rel_type == kind), default)


class DocxReader(Reader):
    name = "docx"
    isolate = True  # lxml/libxml2 parses parts of up to 16 MiB in one call
    limits = {"max_elements": 600_000}  # noqa: RUF012 (a 1 MB document.xml has 50 000 elements)
    extensions = ("docx",)
    sniff_needs = (b"PK\x03\x04", OLE2_MAGIC)
    media_types = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)
    description = "Word documents: rectify's own losslessly, any other through the recognizer"

    def sniff(self, head: bytes, filename: str | None) -> float:
        if head.startswith(b"PK\x03\x04"):
            if b"word/" in head:
                return 0.95
            if b"xl/" in head or b"ppt/" in head:
                return 0.0
            return 0.5 if b"[Content_Types].xml" in head else 0.1
        if head.startswith(OLE2_MAGIC) and filename and filename.lower().endswith((".docx", ".doc")):
            return 0.5  # claim it, to explain that a .doc is not a .docx
        return 0.0

    def check_layout(self, source: Source, options: dict[str, Any]) -> list[Any]:
        """``rectify check``: the file measured against GB/T 9704 (check.py)."""
        from .check import check_docx

        return check_docx(source)

    def read(self, source: Source, options: dict[str, Any], report: Report) -> Shown | list[Block]:
        from lxml import etree

        try:
            return self._read(source, report)
        except etree.LxmlError as exc:  # anything the hardened parser still objects to
            raise InputError(f"unreadable XML ({exc})", file=source.name) from None
        except RecursionError:
            raise InputError("the document nests elements too deeply", file=source.name) from None

    def _read(self, source: Source, report: Report) -> Shown | list[Block]:
        from .read_content import blocks
        from .read_own import is_ours

        pkg, rels, styles, body = open_main(source)
        items = list(blocks(body))
        _furniture(pkg, rels, report)
        _hidden(items, report)
        if pkg.strict:
            report.info["ooxml"] = "strict"
        properties = disclosure_properties(pkg)
        # a file of ours showing nothing but its properties (no body) is still ours
        if is_ours(items, styles) or (properties and not any(getattr(i, "text", "").strip() for i in items)):
            shown = _read_own(items, styles, source.name, properties)
            if shown is not None:
                report.info["origin"] = "rectify"
                return shown
        report.info["origin"] = "foreign"
        from rectify_core.plugin_api import typesetting

        return typesetting.property_blocks(properties) + _read_foreign(pkg, rels, items, styles, report)


def open_main(source: Source) -> tuple[Package, list[tuple[str, str]], Any, Any]:
    """(package, the main part's relationships, its style sheet, w:body) of a docx, or InputError."""
    from .read_package import open_package
    from .read_styles import StyleSheet

    pkg = open_package(source.data, source.name)
    main = _first(_rels(pkg, ""), REL_OFFICE_DOCUMENT) or "word/document.xml"
    if not pkg.has(main):
        raise InputError("no word/document.xml: this zip is not a Word document", file=source.name)
    rels = _rels(pkg, main)
    styles_part = _first(rels, REL_STYLES)
    styles = StyleSheet(pkg.xml(styles_part) if styles_part and pkg.has(styles_part) else None)
    body = pkg.xml(main).find(f"{W}body")
    if body is None:
        raise InputError("the document has no body", file=source.name)
    return pkg, rels, styles, body


def _notes(pkg: Package, rels: list[tuple[str, str]]) -> dict[tuple[str, str], list[Any]]:
    """Footnotes and endnotes by (kind, id), for the paragraphs that cite them."""
    from .read_content import notes

    out: dict[tuple[str, str], list[Any]] = {}
    for kind, rel_type in (("footnote", REL_FOOTNOTES), ("endnote", REL_ENDNOTES)):
        part = _first(rels, rel_type)
        if part and pkg.has(part):
            out.update({(kind, note_id): items for note_id, items in notes(pkg.xml(part)).items()})
    return out


def foreign_blocks(source: Source) -> list[Any]:
    """The recognizer blocks (text and hints) the foreign path makes of a docx: for tests and debugging."""
    from .read_content import blocks
    from .read_foreign import BlockMaker
    from .read_numbering import Numbering
    from .read_package import open_package
    from .read_styles import StyleSheet

    pkg = open_package(source.data, source.name)
    main = _first(_rels(pkg, ""), REL_OFFICE_DOCUMENT) or "word/document.xml"
    rels = _rels(pkg, main)
    styles_part, numbering_part = _first(rels, REL_STYLES), _first(rels, REL_NUMBERING)
    styles = StyleSheet(pkg.xml(styles_part) if styles_part and pkg.has(styles_part) else None)
    numbering = Numbering(pkg.xml(numbering_part) if numbering_part and pkg.has(numbering_part) else None, styles)
    body = pkg.xml(main).find(f"{W}body")
    maker = BlockMaker(styles, numbering, _notes(pkg, rels))
    return maker.all_blocks(list(blocks(body)) if body is not None else [])


def disclosure_properties(pkg: Package) -> list[tuple[str, str]]:
    """The 政务公开 fields rectify keeps in docProps/custom.xml (rectify_core.metadata), in order;
    [] when the file has none (other custom properties are not the list)."""
    from rectify_core.plugin_api import metadata

    part = _first(_rels(pkg, ""), REL_CUSTOM)
    if part is None or not pkg.has(part):
        return []
    values: dict[str, str] = {}
    for prop in pkg.xml(part):
        name = prop.get("name")
        if name is not None:
            values[name] = "".join(prop.itertext())
    return metadata.indexed(values.get(metadata.INDEX), values)


def _read_own(items: list[Any], styles: Any, name: str, properties: list[tuple[str, str]]) -> Shown | None:
    from rectify_core.plugin_api import Para, Span, metadata, unflatten

    from .read_own import paras

    head = []
    for field in metadata.disclosure_from_properties(properties):
        spans = ((Span("label", field.label),) if field.label else ()) + \
            ((Span("value", field.value),) if field.value else ())
        head.append(Para("disclosure", spans))
    try:
        return Shown(unflatten(head + paras(items, styles), source=name))
    except InputError:
        return None  # edited out of shape: the recognizer reads it as it stands


def _read_foreign(pkg: Package, rels: list[tuple[str, str]], items: list[Any], styles: Any,
                  report: Report) -> list[Block]:
    from .read_foreign import BlockMaker
    from .read_numbering import Numbering

    numbering_part = _first(rels, REL_NUMBERING)
    numbering = Numbering(pkg.xml(numbering_part) if numbering_part and pkg.has(numbering_part) else None, styles)
    return BlockMaker(styles, numbering, _notes(pkg, rels)).all_blocks(items)


def _furniture(pkg: Package, rels: list[tuple[str, str]], report: Report) -> None:
    """Header and footer text (page numbers, running titles), once per distinct text."""
    from .read_content import Table, blocks

    seen: set[tuple[str, str]] = set()
    for rel_type, part in rels:
        if rel_type not in (REL_HEADER, REL_FOOTER) or not pkg.has(part):
            continue
        reason = "page header" if rel_type == REL_HEADER else "page footer"
        for item in blocks(pkg.xml(part)):
            paragraphs = [p for row in item.rows for cell in row for p in cell] if isinstance(item, Table) else [item]
            for p in paragraphs:
                text = " ".join(p.text.split())
                if text and (reason, text) not in seen:
                    seen.add((reason, text))
                    report.remove(text, reason)


def _hidden(items: list[Any], report: Report) -> None:
    from .read_content import Table

    for item in items:
        paragraphs = [p for row in item.rows for cell in row for p in cell] if isinstance(item, Table) else [item]
        for p in paragraphs:
            text = " ".join(p.hidden_text.split())
            if text:
                report.remove(text, "hidden text")


__all__ = ["DocxReader", "foreign_blocks"]
