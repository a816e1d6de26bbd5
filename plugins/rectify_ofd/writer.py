"""Write a 通报 as OFD (GB/T 33190-2016): the second back end of the typesetting core.

The page is the PDF writer's page: the same lines from ``rectify_core.typeset`` (faces, sizes,
positions, glyph advances), the same ``— n —`` page numbers, the same face subsets embedded as
TrueType files.  The package::

    OFD.xml                     DocInfo: DocID, Title, Author (= issuer), CreationDate (= the
                                notice's date), Creator, CustomDatas (the 政务公开 list)
    Doc_0/Document.xml          CommonData (MaxUnitID, A4 PageArea, PublicRes), Pages
    Doc_0/PublicRes.xml         Fonts, each with its FontFile in Doc_0/Res/
    Doc_0/Pages/Page_N/Content.xml   one Layer; a TextObject per run, TextCode X/Y/DeltaX

Units are millimetres; y grows downwards, as in the layout.  IDs are numbered in document order
from 1, so the same Document on the same fonts gives the same bytes (the zip's dates are fixed too);
no user name, host or clock enters the file.  OFD is a lossy format like PDF: the reader recovers
the document from the visible text (``OfdWriter.expected``; docs/ofd.md).
"""

from __future__ import annotations

import hashlib
from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, VisibleWriter, metadata, typefaces, zip_bytes

from . import ofd as O

# The stroked fake bold of a missing heavy face, as in the PDF: a thin outline around each glyph.
BOLD_STROKE_MM = 0.03 * 16 * O.MM_PER_PT


def _mm(points: float) -> float:
    return points * O.MM_PER_PT


class _Ids:
    """Unit IDs in order of creation; the last is the document's MaxUnitID."""

    def __init__(self) -> None:
        self.last = 0

    def next(self) -> int:
        self.last += 1
        return self.last


def _xml(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def _el(parent: Any, name: str, text: str | None = None, **attrs: str) -> Any:
    from lxml import etree

    tag = f"{{{O.NS}}}{name}"
    node = etree.SubElement(parent, tag, attrs) if parent is not None else etree.Element(tag, attrs, nsmap=O.NSMAP)
    if text is not None:
        node.text = text
    return node


def doc_info(document: Document, root: Any, doc_id: str, cover: bool) -> None:
    """DocInfo: what OFD readers show in their properties dialog (see rectify_core.metadata); the
    政务公开 list goes into CustomDatas unless it is printed on the page (``disclosure=cover``)."""
    from rectify_core.plugin_api import metadata

    info = _el(root, "DocInfo")
    _el(info, "DocID", doc_id)
    if document.title:
        _el(info, "Title", document.title)
    sig = document.signature
    if sig is not None and sig.issuer:
        _el(info, "Author", sig.issuer)
    if sig is not None and sig.date is not None and sig.date.iso:
        _el(info, "CreationDate", sig.date.iso)
    _el(info, "Creator", "rectify")
    pairs = [] if cover else metadata.disclosure_properties(document)
    if pairs:
        custom = _el(info, "CustomDatas")
        for name, value in pairs:
            _el(custom, "CustomData", value, Name=name)


def build_ofd(document: Document, options: dict[str, Any]) -> bytes:
    """The OFD package of ``document`` as bytes (options as for PDF: fonts, ``disclosure``)."""
    from rectify_core.plugin_api import metadata, typefaces, typesetting
    from rectify_core.plugin_api import page_points as P

    faces = typefaces.role_faces(options)
    paras = typesetting.page_paragraphs(document, options)
    typefaces.check_coverage(faces, [(f"paragraph {i + 1} ({p.role})", role, text)
                                     for i, p in enumerate(paras) for text, role in typesetting.para_runs(p)])
    lines = typesetting.typeset(paras, faces)
    pages = max((line.page for line in lines), default=1)
    body = faces.face("body")
    folios = "".join(P.folio_text(n) for n in range(1, pages + 1))

    ids = _Ids()
    # fonts: one per face the page uses, the subset cut to the characters drawn in it
    chars: dict[str, set[str]] = {body.name: set(folios)}
    for line in lines:
        for run in line.runs:
            chars.setdefault(run.face, set()).update(run.text)
    by_name = {face.name: face for face in faces.used()}
    font_ids: dict[str, int] = {}
    res = _el(None, "Res", BaseLoc=O.RES_DIR)
    fonts_el = _el(res, "Fonts")
    files: list[tuple[str, bytes]] = []
    for n, name in enumerate(sorted(chars)):
        face = by_name[name]
        data = face.subset(sorted(chars[name]))
        font_id = font_ids[name] = ids.next()
        cand = face.candidate
        attrs = {"ID": str(font_id), "FontName": cand.postscript, "FamilyName": cand.family}
        if cand.postscript.endswith("-Bold"):
            attrs["Bold"] = "true"
        if "Serif" in cand.family:
            attrs["Serif"] = "true"
        font = _el(fonts_el, "Font", **attrs)
        file_name = f"font_{n}.ttf"
        _el(font, "FontFile", file_name)
        files.append((f"Doc_0/{O.RES_DIR}/{file_name}", data))

    by_page: dict[int, list[Any]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    page_ids: list[int] = []
    contents: list[tuple[str, bytes]] = []
    for number in range(1, pages + 1):
        page_ids.append(ids.next())
        page = _el(None, "Page")
        content = _el(page, "Content")
        layer = _el(content, "Layer", ID=str(ids.next()))
        for line in by_page.get(number, []):
            for run in line.runs:
                _text_object(layer, ids, font_ids[run.face], line.size, run.x, line.baseline, run.text,
                             run.advances, run.stroke)
        x, baseline = typesetting.folio_position(number, body)
        advances = tuple(body.advance(c, P.SIZE_FOLIO) for c in P.folio_text(number))
        _text_object(layer, ids, font_ids[body.name], P.SIZE_FOLIO, x, baseline, P.folio_text(number), advances,
                     False)
        contents.append((f"Doc_0/{O.PAGE_CONTENT.format(n=number - 1)}", _xml(page)))

    doc = _el(None, "Document")
    common = _el(doc, "CommonData")
    _el(common, "MaxUnitID", str(ids.last))
    area = _el(common, "PageArea")
    _el(area, "PhysicalBox", str(O.Box(0, 0, _mm(P.PAGE_WIDTH), _mm(P.PAGE_HEIGHT))))
    _el(common, "PublicRes", O.PUBLIC_RES)
    pages_el = _el(doc, "Pages")
    for number, page_id in enumerate(page_ids):
        _el(pages_el, "Page", ID=str(page_id), BaseLoc=O.PAGE_CONTENT.format(n=number))

    parts = [("Doc_0/" + O.DOCUMENT, _xml(doc)), ("Doc_0/" + O.PUBLIC_RES, _xml(res)), *files, *contents]
    digest = hashlib.sha1()
    for name, data in parts:
        digest.update(name.encode() + b"\0" + data)
    entry = _el(None, "OFD", Version=O.VERSION, DocType=O.DOC_TYPE)
    body_el = _el(entry, "DocBody")
    # an ID from the content: the same file has the same ID
    doc_info(document, body_el, digest.hexdigest()[:32], metadata.disclosure_on_cover(options))
    _el(body_el, "DocRoot", f"Doc_0/{O.DOCUMENT}")
    return zip_bytes([(O.ENTRY, _xml(entry)), *parts])


def _text_object(layer: Any, ids: _Ids, font: int, size: float, x: float, baseline: float, text: str,
                 advances: tuple[float, ...], stroke: bool) -> None:
    """One TextObject: its Boundary is the run's box (a line high), the TextCode's X/Y the first
    glyph's origin on the baseline inside it, DeltaX the advances between glyphs."""
    width = sum(advances)
    top = baseline - size * 0.88
    attrs = {"ID": str(ids.next()), "Boundary": str(O.Box(_mm(x), _mm(top), _mm(width), _mm(size * 1.12))),
             "Font": str(font), "Size": O.fmt(_mm(size))}
    if stroke:
        attrs.update(Stroke="true", LineWidth=O.fmt(BOLD_STROKE_MM))
    obj = _el(layer, "TextObject", **attrs)
    if stroke:
        color = _el(obj, "StrokeColor", Value="0 0 0")
        del color
    code_attrs = {"X": "0", "Y": O.fmt(_mm(baseline - top))}
    if len(text) > 1:
        code_attrs["DeltaX"] = O.compress_deltas(_mm(a) for a in advances[:-1])
    _el(obj, "TextCode", text, **code_attrs)


class OfdWriter(VisibleWriter):
    """What reading this writer's OFD gives is what reading its PDF gives (one layout, and the reader
    shares the PDF reader's line and paragraph code): as for txt (``VisibleWriter.expected``)."""

    name = "ofd"
    extension = "ofd"
    media_type = "application/ofd"
    description = "GB/T 33190 OFD with the GB/T 9704 page (same layout as PDF, fonts embedded; lossy)"
    lossless = False
    options = (*typefaces.OPTIONS, metadata.DISCLOSURE_OPTION)

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        sink.write(build_ofd(document, options))


__all__ = ["OfdWriter", "build_ofd"]
