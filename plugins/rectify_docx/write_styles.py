"""styles.xml: one named style per role, fonts and sizes from the profile, the page's line pitch.

Every paragraph style sets exact line spacing at the computed pitch, no space before or after and
``snapToGrid`` off, so the page holds 22 lines whatever mix of roles it shows.  3号 styles carry the
character spacing that makes 28 characters fill the 版心 (see profile.py).  Heading styles carry
``w:outlineLvl`` so Word's navigation pane, pandoc and our reader see the structure.
"""

from __future__ import annotations

from .ooxml import MAX_OUTLINE_DEPTH, PAGE_NUMBER_STYLE, PARA_STYLES, SPAN_STYLES, TABLE_STYLE, W_NS, esc, node_style
from .write_profile import FOOTER_LINE, SIZES_PT, FontProfile, Geometry

BODY_SZ = int(SIZES_PT["三号"] * 2)       # w:sz is in half points
TITLE_SZ = int(SIZES_PT["二号"] * 2)
SMALL_SZ = int(SIZES_PT["四号"] * 2)
DISCLOSURE_LINE = 400                     # 20 pt: a 4号 metadata table, not part of the 22-line grid


def rfonts(east: str, latin: str) -> str:
    lat, e = esc(latin), esc(east)
    return f'<w:rFonts w:ascii="{lat}" w:hAnsi="{lat}" w:eastAsia="{e}" w:cs="{lat}" w:hint="eastAsia"/>'


def rpr(east: str | None, latin: str, size: int | None = None, spacing: int | None = None) -> str:
    parts = [rfonts(east, latin)] if east else []
    if spacing is not None:
        parts.append(f'<w:spacing w:val="{spacing}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return "<w:rPr>" + "".join(parts) + "</w:rPr>" if parts else ""


def _ppr(*, line: int, jc: str | None = None, first_line: int | None = None, outline: int | None = None,
         keep_next: bool = False) -> str:
    parts = []
    if keep_next:
        parts.append("<w:keepNext/>")
    parts.append('<w:snapToGrid w:val="0"/>')
    parts.append(f'<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact"/>')
    if first_line is not None:
        parts.append(f'<w:ind w:firstLine="{first_line}"/>')
    if jc:
        parts.append(f'<w:jc w:val="{jc}"/>')
    if outline is not None:
        parts.append(f'<w:outlineLvl w:val="{outline}"/>')
    return "<w:pPr>" + "".join(parts) + "</w:pPr>"


def _pstyle(sid: str, name: str, ppr: str, rpr_xml: str = "", based_on: str = "Normal",
            next_id: str | None = None, custom: bool = True) -> str:
    nxt = f'<w:next w:val="{next_id}"/>' if next_id else ""
    flag = ' w:customStyle="1"' if custom else ""
    return (f'<w:style w:type="paragraph"{flag} w:styleId="{sid}"><w:name w:val="{esc(name)}"/>'
            f'<w:basedOn w:val="{based_on}"/>{nxt}<w:qFormat/>{ppr}{rpr_xml}</w:style>')


def _cstyle(sid: str, name: str, rpr_xml: str = "") -> str:
    return (f'<w:style w:type="character" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{esc(name)}"/>'
            f'<w:basedOn w:val="DefaultParagraphFont"/>{rpr_xml}</w:style>')


def styles_xml(fonts: FontProfile, geo: Geometry, depths: int) -> str:
    """The whole styles part for a document whose body nodes go ``depths`` levels deep."""
    pitch, indent, lat = geo.line_pitch, geo.first_line_indent, fonts.latin
    body_rpr = rpr(fonts.body, lat, BODY_SZ, geo.char_spacing)
    out = [
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        f'<w:styles xmlns:w="{W_NS}">',
        "<w:docDefaults><w:rPrDefault><w:rPr>", rfonts(fonts.body, lat),
        f'<w:sz w:val="{BODY_SZ}"/><w:szCs w:val="{BODY_SZ}"/>',
        '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>',
        "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>",
        f'<w:spacing w:after="0" w:line="{pitch}" w:lineRule="exact"/>',
        "</w:pPr></w:pPrDefault></w:docDefaults>",
        # Word's three defaults: every style chain ends in them.
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>',
        '<w:pPr><w:widowControl w:val="0"/><w:snapToGrid w:val="0"/>',
        f'<w:spacing w:before="0" w:after="0" w:line="{pitch}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr>',
        body_rpr, "</w:style>",
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
    ]
    body = _ppr(line=pitch, jc="both", first_line=indent)
    centred = _ppr(line=pitch, jc="center", first_line=0)
    right = _ppr(line=pitch, jc="right", first_line=0)
    roles = {
        "title": (centred, rpr(fonts.title, lat, TITLE_SZ, 0)),
        "subtitle": (centred, rpr(fonts.subtitle, lat, BODY_SZ, geo.char_spacing)),
        "disclosure": (_ppr(line=DISCLOSURE_LINE, jc="left", first_line=0), rpr(fonts.body, lat, SMALL_SZ, 0)),
        "issuer": (right, ""),
        "date": (right, ""),
    }
    for role, (sid, name) in PARA_STYLES.items():
        ppr_xml, rpr_xml = roles.get(role, (body, ""))
        out.append(_pstyle(sid, name, ppr_xml, rpr_xml))
    for depth in range(1, depths + 1):
        sid, name = node_style(depth)
        outline = depth - 1 if depth <= MAX_OUTLINE_DEPTH else None
        ppr_xml = _ppr(line=pitch, jc="both", first_line=indent, outline=outline, keep_next=True)
        based_on = "Normal"
        if outline is not None:
            # Word's built-in "heading N" as the parent: readers that know headings only by that name
            # (pandoc, screen readers' converters) see the level too.
            based_on = f"Heading{depth}"
            out.append(_pstyle(based_on, f"heading {depth}", _ppr(line=pitch, outline=outline, keep_next=True),
                               custom=False))
        out.append(_pstyle(sid, name, ppr_xml, rpr(fonts.heading(depth), lat, BODY_SZ, geo.char_spacing),
                           based_on=based_on, next_id=PARA_STYLES["paragraph"][0]))
    body_font = rpr(fonts.body, lat)
    for kind, (sid, name) in SPAN_STYLES.items():
        # Text after a run-in heading goes back to the body face; the other parts keep the line's.
        out.append(_cstyle(sid, name, body_font if kind in ("text", "finding") else ""))
    sid, name = PAGE_NUMBER_STYLE
    page_font = fonts.page_number
    out.append(
        f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="Normal"/><w:pPr><w:snapToGrid w:val="0"/>'
        f'<w:spacing w:before="0" w:after="0" w:line="{FOOTER_LINE}" w:lineRule="exact"/>'
        '<w:ind w:firstLine="0"/></w:pPr>'
        f'<w:rPr><w:rFonts w:ascii="{esc(page_font)}" w:hAnsi="{esc(page_font)}" w:eastAsia="{esc(page_font)}" '
        f'w:cs="{esc(page_font)}"/><w:spacing w:val="0"/><w:sz w:val="{SMALL_SZ}"/><w:szCs w:val="{SMALL_SZ}"/>'
        "</w:rPr></w:style>"
    )
    sid, name = TABLE_STYLE
    border = '<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    borders = "".join(border.format(side=s) for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    out.append(
        f'<w:style w:type="table" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>{borders}</w:tblBorders>'
        '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        "</w:tblPr></w:style>"
    )
    out.append("</w:styles>")
    return "".join(out)


__all__ = ["BODY_SZ", "DISCLOSURE_LINE", "SMALL_SZ", "TITLE_SZ", "rfonts", "rpr", "styles_xml"]
