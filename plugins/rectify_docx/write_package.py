"""The OPC package around document.xml: fixed parts, and a zip that is the same bytes every time.

Disclosure-safe by construction: core properties carry the title, language and (when the notice is
dated) its 成文日期 — never an author, a last-modified-by name, a revision count or editing time —
and no part holds revision ids (w:rsid*).  Entries are written in a fixed order with a fixed
timestamp (1980-01-01, the zip epoch), fixed permissions and one compression level, so the same
Document gives byte-identical files.
"""

from __future__ import annotations

from .ooxml import R_NS, W_NS, esc
from .write_profile import ALT_NAMES, FontProfile, Geometry

CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{CT_MAIN}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{CT_MAIN}.styles+xml"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{CT_MAIN}.settings+xml"/>'
    f'<Override PartName="/word/fontTable.xml" ContentType="{CT_MAIN}.fontTable+xml"/>'
    f'<Override PartName="/word/footer1.xml" ContentType="{CT_MAIN}.footer+xml"/>'
    f'<Override PartName="/word/footer2.xml" ContentType="{CT_MAIN}.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)

_REL = '<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/{type}" Target="{target}"/>'


def _rels(*items: tuple[str, str, str]) -> str:
    body = "".join(_REL.format(id=i, type=t, target=g) for i, t, g in items)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{body}</Relationships>')


PACKAGE_RELS = _rels(
    ("rId1", "officeDocument/2006/relationships/officeDocument", "word/document.xml"),
    ("rId2", "package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
    ("rId3", "officeDocument/2006/relationships/extended-properties", "docProps/app.xml"),
)
DOCUMENT_RELS = _rels(
    ("rId1", "officeDocument/2006/relationships/styles", "styles.xml"),
    ("rId2", "officeDocument/2006/relationships/settings", "settings.xml"),
    ("rId3", "officeDocument/2006/relationships/fontTable", "fontTable.xml"),
    ("rId4", "officeDocument/2006/relationships/footer", "footer1.xml"),
    ("rId5", "officeDocument/2006/relationships/footer", "footer2.xml"),
)
ODD_FOOTER_RID, EVEN_FOOTER_RID = "rId4", "rId5"

APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       "<Application>rectify</Application></Properties>")

SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:settings xmlns:w="{W_NS}">'
    # Word strips author names and revision times again whenever someone saves the file.
    "<w:removePersonalInformation/><w:removeDateAndTime/>"
    '<w:defaultTabStop w:val="420"/>'
    "<w:evenAndOddHeaders/>"
    # Full-width punctuation keeps its whole cell, so every line holds 28 characters.
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" '
    'w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/>'
    "</w:settings>"
)


CUSTOM_PART = "docProps/custom.xml"
CUSTOM_CT = ('<Override PartName="/docProps/custom.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>')
CUSTOM_REL = ("rId4", "officeDocument/2006/relationships/custom-properties", CUSTOM_PART)
# the format id Word gives every user-defined property
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def custom_xml(pairs: list[tuple[str, str]]) -> str:
    """docProps/custom.xml: one text property per (name, value), which Word's and WPS's document
    properties dialog lists under "Custom" (see rectify_core.metadata)."""
    props = "".join(f'<property fmtid="{_FMTID}" pid="{n}" name="{esc(name)}"><vt:lpwstr>{esc(value)}</vt:lpwstr>'
                    "</property>" for n, (name, value) in enumerate(pairs, start=2))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{props}</Properties>")


def with_custom(content_types: str, package_rels: str) -> tuple[str, str]:
    """[Content_Types].xml and _rels/.rels of a package that also holds docProps/custom.xml."""
    types = content_types.replace("</Types>", CUSTOM_CT + "</Types>")
    rel = _REL.format(id=CUSTOM_REL[0], type=CUSTOM_REL[1], target=CUSTOM_REL[2])
    return types, package_rels.replace("</Relationships>", rel + "</Relationships>")


def core_xml(title: str | None, date_iso: str | None) -> str:
    parts = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
    ]
    if title:
        parts.append(f"<dc:title>{esc(title)}</dc:title>")
    parts.append("<dc:language>zh-CN</dc:language>")
    if date_iso:
        stamp = f"{date_iso}T00:00:00Z"
        parts.append(f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
                     f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>')
    parts.append("</cp:coreProperties>")
    return "".join(parts)


def font_table_xml(fonts: FontProfile) -> str:
    entries = []
    for name in fonts.names():
        cjk = any(ord(c) > 0x2E80 for c in name) or name in ("SimSun", "SimHei", "FangSong", "KaiTi")
        alt = f'<w:altName w:val="{esc(ALT_NAMES[name])}"/>' if name in ALT_NAMES else ""
        charset = '<w:charset w:val="86"/>' if cjk else '<w:charset w:val="00"/>'
        family = '<w:family w:val="modern"/><w:pitch w:val="fixed"/>' if cjk else \
            '<w:family w:val="roman"/><w:pitch w:val="variable"/>'
        entries.append(f'<w:font w:name="{esc(name)}">{alt}{charset}{family}</w:font>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:fonts xmlns:w="{W_NS}">' + "".join(entries) + "</w:fonts>")


def footer_xml(geo: Geometry, odd: bool, style_id: str) -> str:
    """`— n —`: odd pages right with one 字 to the right edge, even pages left with one 字 in."""
    ind = f'<w:ind w:right="{geo.char_cell}"/>' if odd else f'<w:ind w:left="{geo.char_cell}"/>'
    jc = "right" if odd else "left"

    def run(inner: str) -> str:
        return f"<w:r>{inner}</w:r>"

    field = "".join(run(x) for x in ('<w:fldChar w:fldCharType="begin"/>',
                                     '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
                                     '<w:fldChar w:fldCharType="separate"/>', "<w:t>1</w:t>",
                                     '<w:fldChar w:fldCharType="end"/>'))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr><w:pStyle w:val="{style_id}"/>{ind}'
            f'<w:jc w:val="{jc}"/></w:pPr>' + run('<w:t xml:space="preserve">— </w:t>') + field
            + run('<w:t xml:space="preserve"> —</w:t>') + "</w:p></w:ftr>")


__all__ = [
    "APP",
    "CONTENT_TYPES",
    "DOCUMENT_RELS",
    "EVEN_FOOTER_RID",
    "ODD_FOOTER_RID",
    "PACKAGE_RELS",
    "SETTINGS",
    "core_xml",
    "custom_xml",
    "font_table_xml",
    "footer_xml",
    "with_custom",
]
