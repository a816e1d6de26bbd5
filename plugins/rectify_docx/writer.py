"""Write a Document as a GB/T 9704 docx: one Word paragraph per visible paragraph, a named style each.

The paragraphs are ``rectify_core.visible.flatten(doc)``; each gets the paragraph style of its role
(``ooxml.PARA_STYLES``; nodes one style per depth with an outline level) and each span its own run
with a character style (``ooxml.SPAN_STYLES``), which is all our reader needs to rebuild the
Document from what the page shows.  The 政务公开 metadata goes into the custom document properties
(docProps/custom.xml, which Word and WPS show in their properties dialog), or with ``disclosure=cover``
into a two-column table above the title.
Layout figures come from ``write_profile.py``, the styles from ``write_styles.py``, the package from
``write_package.py``.
"""

from __future__ import annotations

import os
import unicodedata
from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, Option, Para, UsageError, VisibleWriter, flatten, metadata, zip_bytes
from rectify_core.plugin_api import gbt9704 as G

from .ooxml import PAGE_NUMBER_STYLE, PARA_STYLES, R_NS, SPAN_STYLES, TABLE_STYLE, W_NS, esc, node_style
from .write_package import (
    APP,
    CONTENT_TYPES,
    CUSTOM_PART,
    DOCUMENT_RELS,
    EVEN_FOOTER_RID,
    ODD_FOOTER_RID,
    PACKAGE_RELS,
    SETTINGS,
    core_xml,
    custom_xml,
    font_table_xml,
    footer_xml,
    with_custom,
)
from .write_profile import GEOMETRY, PAGE_H, PAGE_W, Geometry, font_profile
from .write_styles import styles_xml

MIN_HEADING_STYLES = 4          # 一级…四级标题 exist in every file, used or not
SIGNATURE_GAP = G.SIGNATURE_RIGHT_CHARS  # 字 between the date's right edge and the margin (7.3.5.2)


def width_in_chars(text: str) -> float:
    """Width in 字: CJK and full-width (and ambiguous, set East Asian by w:hint) count 1, the rest ½."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in text)


def _run(text: str, kind: str | None) -> str:
    rpr = f'<w:rPr><w:rStyle w:val="{SPAN_STYLES[kind][0]}"/></w:rPr>' if kind else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def _paragraph(para: Para, style_id: str, extra_ppr: str = "") -> str:
    styled_text = para.role == "node"  # in a node line, text must be told apart from heading/finding
    runs = "".join(_run(s.text, s.kind if (s.kind != "text" or styled_text) else None) for s in para.spans)
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{extra_ppr}</w:pPr>{runs}</w:p>'


def _disclosure_table(rows: list[Para], geo: Geometry) -> str:
    sid = PARA_STYLES["disclosure"][0]
    label_units = max([4.0, *(width_in_chars(p.get("label") or "") for p in rows)])
    label_w = min(round(label_units * 280) + 240, geo.type_width * 2 // 5)
    value_w = geo.type_width - label_w
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{TABLE_STYLE[0]}"/><w:tblW w:w="{geo.type_width}" w:type="dxa"/>'
           f'<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
           f'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
           f'<w:tblGrid><w:gridCol w:w="{label_w}"/><w:gridCol w:w="{value_w}"/></w:tblGrid>']
    for row in rows:
        cells = []
        for kind, width in (("label", label_w), ("value", value_w)):
            text = row.get(kind)
            run = _run(text, kind) if text else ""
            cells.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
                         f'<w:p><w:pPr><w:pStyle w:val="{sid}"/></w:pPr>{run}</w:p></w:tc>')
        out.append("<w:tr>" + "".join(cells) + "</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def _signature_indents(paras: list[Para]) -> dict[str, float]:
    """Right indents in 字 for the no-seal signature (GB/T 9704 7.3.5.2).

    The organ name stands 2 字 from the right margin and the date's first character 2 字 right of
    the name's first character; when that would push the date closer than 2 字 to the margin, the
    date keeps 2 字 and the name moves left instead.
    """
    issuer = next((p.text for p in paras if p.role == "issuer"), None)
    date = next((p.text for p in paras if p.role == "date"), None)
    if issuer is None or date is None:
        return {"issuer": SIGNATURE_GAP, "date": SIGNATURE_GAP}
    n, m = width_in_chars(issuer), width_in_chars(date)
    date_indent = max(float(SIGNATURE_GAP), n - m)
    return {"issuer": date_indent + m + 2 - n, "date": date_indent}


def body_xml(paras: list[Para], geo: Geometry) -> str:
    pitch = geo.line_pitch
    indents = _signature_indents(paras)
    title_block = [i for i, p in enumerate(paras) if p.role in ("title", "subtitle")]
    first_signature = next((i for i, p in enumerate(paras) if p.role in ("issuer", "date")), None)
    out: list[str] = []
    i = 0
    last_was_table = False
    while i < len(paras):
        para = paras[i]
        if para.role == "disclosure":
            j = i
            while j < len(paras) and paras[j].role == "disclosure":
                j += 1
            out.append(_disclosure_table(paras[i:j], geo))
            i, last_was_table = j, True
            continue
        extra = ""
        if para.role == "node" and any(s.kind in ("text", "finding") for s in para.spans):
            # Keep-with-next suits a heading line, not a heading run into its paragraph: that would
            # push a whole paragraph to the next page and leave the page short of 22 lines.
            extra += '<w:keepNext w:val="0"/>'
        after = pitch if title_block and i == title_block[-1] and i + 1 < len(paras) else 0
        before = pitch if (i == first_signature or (title_block and i == title_block[0])) and i > 0 else 0
        if after or before:
            extra += f'<w:spacing w:before="{before}" w:after="{after}"/>'
        if para.role in ("issuer", "date"):
            extra += f'<w:ind w:right="{round(indents[para.role] * geo.char_cell)}"/>'
        style = node_style(para.depth)[0] if para.role == "node" else PARA_STYLES[para.role][0]
        out.append(_paragraph(para, style, extra))
        last_was_table = False
        i += 1
    if not out or last_was_table:
        out.append("<w:p/>")  # Word needs a paragraph between a final table and the section
    return "".join(out)


def section_xml(geo: Geometry) -> str:
    return (f'<w:sectPr><w:footerReference w:type="default" r:id="{ODD_FOOTER_RID}"/>'
            f'<w:footerReference w:type="even" r:id="{EVEN_FOOTER_RID}"/>'
            f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
            f'<w:pgMar w:top="{geo.top}" w:right="{geo.right}" w:bottom="{geo.bottom}" w:left="{geo.left}" '
            f'w:header="{geo.header}" w:footer="{geo.footer}" w:gutter="0"/>'
            '<w:pgNumType w:start="1"/><w:cols w:space="425"/>'
            f'<w:docGrid w:type="linesAndChars" w:linePitch="{geo.line_pitch}" w:charSpace="{geo.grid_char_space}"/>'
            "</w:sectPr>")


MAX_REFERENCE_BYTES = 32 * 2**20  # a style template; its parts are then opened under zip_package.py caps


def build_docx(document: Document, options: dict[str, Any]) -> bytes:

    fonts = font_profile(options)
    geo = GEOMETRY
    paras = flatten(document)
    # the 政务公开 list is document metadata: custom document properties, not a table on the page
    # (rectify_core.metadata), unless -O disclosure=cover asks for it on the page as well
    cover = metadata.disclosure_on_cover(options)
    pairs = [] if cover else metadata.disclosure_properties(document)
    if not cover:
        paras = [p for p in paras if p.role != "disclosure"]
    depths = max([MIN_HEADING_STYLES, *(p.depth for p in paras if p.role == "node")])
    styles = styles_xml(fonts, geo, depths)
    reference = options.get("reference_docx")
    if reference:
        from .write_reference import apply_reference

        styles = apply_reference(styles, _reference_bytes(reference))
    document_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
                    + body_xml(paras, geo) + section_xml(geo) + "</w:body></w:document>")
    sig = document.signature
    date_iso = sig.date.iso if sig is not None and sig.date is not None else None
    page_style = PAGE_NUMBER_STYLE[0]
    types, package_rels = (CONTENT_TYPES, PACKAGE_RELS) if not pairs else with_custom(CONTENT_TYPES, PACKAGE_RELS)
    custom = [(CUSTOM_PART, custom_xml([*pairs, (metadata.INDEX, metadata.index_value(pairs))]))] if pairs else []
    return zip_bytes([
        ("[Content_Types].xml", types),
        ("_rels/.rels", package_rels),
        ("docProps/core.xml", core_xml(document.title, date_iso)),
        ("docProps/app.xml", APP),
        *custom,
        ("word/document.xml", document_xml),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", styles),
        ("word/settings.xml", SETTINGS),
        ("word/fontTable.xml", font_table_xml(fonts)),
        ("word/footer1.xml", footer_xml(geo, odd=True, style_id=page_style)),
        ("word/footer2.xml", footer_xml(geo, odd=False, style_id=page_style)),
    ])


def _reference_bytes(reference: Any) -> tuple[bytes, str]:
    if isinstance(reference, bytes):
        return reference, "<reference-docx>"
    import stat

    path = os.fspath(reference)
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if not stat.S_ISREG(info.st_mode):  # /dev/zero, a FIFO, a folder: nothing a docx can be
                raise UsageError("the reference docx is not a regular file", file=path)
            if info.st_size > MAX_REFERENCE_BYTES:
                raise UsageError(f"the reference docx is {info.st_size // 2**20} MiB; a style template is at most "
                                 f"{MAX_REFERENCE_BYTES // 2**20} MiB", file=path)
            data = fh.read(MAX_REFERENCE_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"cannot read the reference docx: {exc.strerror}", file=path) from None
    if len(data) > MAX_REFERENCE_BYTES:
        raise UsageError(f"the reference docx grew past {MAX_REFERENCE_BYTES // 2**20} MiB while read", file=path)
    return data, path


class DocxWriter(VisibleWriter):
    name = "docx"
    extension = "docx"
    media_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description = "Word document laid out to GB/T 9704-2012 (22 lines × 28 characters, named styles)"
    lossless = True
    options = (
        Option("font_profile", "json", None, 'fonts by role, e.g. {"title": "华文中宋"} (roles: title subtitle body '
               "heading1-4 latin page_number)", '按角色指定字体，如 {"title": "华文中宋"}'),
        Option("reference_docx", "path", None, "a docx whose styles replace rectify's (as --reference-docx)",
               "以其样式替换 rectify 样式的 docx（同 --reference-docx）"),
        metadata.DISCLOSURE_OPTION,
    )

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        sink.write(build_docx(document, options))



__all__ = ["DocxWriter", "build_docx", "width_in_chars"]
