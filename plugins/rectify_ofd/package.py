"""An OFD package as a list of pages to read: OFD.xml → DocBody/DocRoot → Document.xml → pages,
templates, fonts; signatures, attachments and annotations counted for ``info``.

The zip and every XML part go through ``rectify_core.zip_package`` (member and size caps, no
DTDs, no entities, no external references).  Elements are found by local name: real producers
write other namespace URIs, other prefixes or none (ofd.py).  A path that names no part is an
error naming the part that refers to it; optional parts that are missing are skipped.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from rectify_core.plugin_api import InputError, Package, dataclass, open_zip

from . import ofd

DEFAULT_BOX = ofd.Box(0.0, 0.0, 210.0, 297.0)  # A4, when a file states no page area at all


def child(el: Any, name: str) -> Any:
    """The first child element called ``name`` (any namespace), or None."""
    for c in el:
        if ofd.localname(c.tag) == name:
            return c
    return None


def children(el: Any, name: str) -> list[Any]:
    return [c for c in el if ofd.localname(c.tag) == name]


def text_of(el: Any, name: str) -> str:
    found = child(el, name) if el is not None else None
    return (found.text or "").strip() if found is not None else ""


@dataclass(frozen=True)
class Font:
    name: str
    family: str
    bold: bool


@dataclass
class PageRef:
    number: int  # 1-based, in document order
    part: str  # the Content.xml of the page
    templates: list[str] = field(default_factory=list)  # Content.xml parts of its templates
    box: ofd.Box = DEFAULT_BOX


@dataclass
class OfdPackage:
    pkg: Package
    source: str
    document_part: str
    pages: list[PageRef]
    fonts: dict[str, Font]
    composites: dict[str, tuple[str, Any]]  # CompositeGraphicUnit ID → (res part, element)
    info: dict[str, Any]
    custom: list[tuple[str, str]] = field(default_factory=list)  # DocInfo CustomDatas, in order

    def xml(self, part: str) -> Any:
        return self.pkg.xml(part)


class _Parts:
    """Part names as the package spells them.  Producers on Windows write references in another
    case than the zip's names (``TPLS/Tpl_0`` for ``Tpls/Tpl_0``): a reference matches exactly or,
    failing that, ignoring case."""

    def __init__(self, pkg: Package) -> None:
        self.pkg = pkg
        self.folded = {name.lower(): name for name in pkg.names}

    def find(self, part: str) -> str | None:
        return part if self.pkg.has(part) else self.folded.get(part.lower())

    def need(self, part: str, referrer: str, source: str) -> str:
        found = self.find(part)
        if found is None:
            raise InputError(f"{referrer} names the part {part}, which the package does not have", file=source)
        return found


def open_ofd(data: bytes, source: str) -> OfdPackage:
    pkg = open_zip(data, source, "an OFD file")
    parts = _Parts(pkg)
    if not pkg.has(ofd.ENTRY):
        raise InputError("not an OFD file: the zip has no OFD.xml", file=source)
    root = pkg.xml(ofd.ENTRY)
    if ofd.localname(root.tag) != "OFD":
        raise InputError(f"OFD.xml's root element is <{ofd.localname(root.tag)}>, not <OFD>", file=source)
    bodies = children(root, "DocBody")
    if not bodies:
        raise InputError("OFD.xml has no DocBody", file=source)
    body = bodies[0]
    doc_root = text_of(body, "DocRoot")
    if not doc_root:
        raise InputError("OFD.xml names no DocRoot (the document's Document.xml)", file=source)
    document_part = parts.need(ofd.resolve(ofd.ENTRY, doc_root), "OFD.xml's DocRoot", source)
    info: dict[str, Any] = {"ofd_version": root.get("Version", "")}
    if len(bodies) > 1:
        info["ofd_documents"] = len(bodies)  # only the first is read
    doc_info = child(body, "DocInfo")
    for key, tag in (("ofd_title", "Title"), ("ofd_author", "Author"), ("ofd_creator", "Creator"),
                     ("ofd_creation_date", "CreationDate")):
        value = text_of(doc_info, tag) if doc_info is not None else ""
        if value:
            info[key] = value
    custom = children(child(doc_info, "CustomDatas"), "CustomData") \
        if doc_info is not None and child(doc_info, "CustomDatas") is not None else []
    pairs = [(c.get("Name", ""), (c.text or "").strip()) for c in custom]
    if pairs:
        info["ofd_custom_data"] = len(pairs)
    signatures = text_of(body, "Signatures")
    if signatures:
        info["signatures"] = _signatures(pkg, parts.find(ofd.resolve(ofd.ENTRY, signatures)))

    document = pkg.xml(document_part)
    common = child(document, "CommonData")
    if common is None:
        common = document  # tolerated: some producers put PageArea and resources at the top
    default_box = _box(child(common, "PageArea")) or DEFAULT_BOX
    templates = {t.get("ID", ""): parts.find(ofd.resolve(document_part, t.get("BaseLoc", "")))
                 for t in children(common, "TemplatePage") if t.get("BaseLoc")}
    fonts: dict[str, Font] = {}
    composites: dict[str, tuple[str, Any]] = {}
    for tag in ("PublicRes", "DocumentRes"):
        for res in children(common, tag):
            part = parts.find(ofd.resolve(document_part, (res.text or "").strip()))
            if part is not None:
                _resources(pkg.xml(part), part, fonts, composites)
    pages_el = child(document, "Pages")
    refs: list[PageRef] = []
    for page in (children(pages_el, "Page") if pages_el is not None else []):
        loc = page.get("BaseLoc")
        if not loc:
            raise InputError(f"page {len(refs) + 1} has no BaseLoc", file=source, location=document_part)
        part = parts.need(ofd.resolve(document_part, loc), f"{document_part} (page {len(refs) + 1})", source)
        refs.append(PageRef(len(refs) + 1, part, box=default_box))
    for ref in refs:
        page_root = pkg.xml(ref.part)
        ref.box = _box(child(page_root, "Area")) or default_box
        for use in children(page_root, "Template"):
            part = templates.get(use.get("TemplateID", ""))
            if part is not None:
                ref.templates.append(part)
    attachments = text_of(document, "Attachments")
    if attachments:
        found = parts.find(ofd.resolve(document_part, attachments))
        if found is not None:
            info["attachments"] = len(children(pkg.xml(found), "Attachment"))
    annotations = text_of(document, "Annotations")
    if annotations:
        info["annotations"] = "not read (watermarks, stamps and notes are not the text of the notice)"
    return OfdPackage(pkg, source, document_part, refs, fonts, composites, info, pairs)


def _box(area: Any) -> ofd.Box | None:
    if area is None:
        return None
    physical = child(area, "PhysicalBox")
    return ofd.parse_box(physical.text) if physical is not None else None


def _resources(res: Any, part: str, fonts: dict[str, Font], composites: dict[str, tuple[str, Any]]) -> None:
    fonts_el = child(res, "Fonts")
    for font in (children(fonts_el, "Font") if fonts_el is not None else []):
        fonts[font.get("ID", "")] = Font(font.get("FontName", ""), font.get("FamilyName", ""),
                                         font.get("Bold", "false").lower() == "true")
    units = child(res, "CompositeGraphicUnits")
    for unit in (children(units, "CompositeGraphicUnit") if units is not None else []):
        composites[unit.get("ID", "")] = (part, unit)


def _signatures(pkg: Package, part: str | None) -> list[dict[str, str]]:
    """Each signature's type (Seal: an electronic seal; Sign: a digital signature) and where it
    is stored: reported, never verified or required."""
    if part is None:
        return []
    out = []
    for sig in children(pkg.xml(part), "Signature"):
        out.append({"type": sig.get("Type", "Seal"), "part": ofd.resolve(part, sig.get("BaseLoc", ""))})
    return out


__all__ = ["Font", "OfdPackage", "PageRef", "child", "children", "open_ofd", "text_of"]
