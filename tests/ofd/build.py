"""Small OFD packages written by the tests: the fictional 示例镇's notice in the shapes real
producers use (g-compressed deltas, CTM, PageBlock, CompositeObject, templates, other namespaces),
and any page of glyphs (``from_pages``) — e.g. the glyphs pdfium reads from rectify's own PDF.
"""

from __future__ import annotations

import io
import itertools
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from rectify_ofd import ofd

NS = ofd.NS


@dataclass
class Text:
    """One TextObject: baseline-left at (x, y) mm on the page, one TextCode."""

    x: float
    y: float
    text: str
    size: float = 5.6  # mm: 16 pt, the body size
    deltas: str | None = None  # DeltaX as written (None: one em per character, g-compressed)
    bold: bool = False
    ctm: str | None = None

    def xml(self, p: str, oid: int) -> str:
        deltas = self.deltas if self.deltas is not None else f"g {max(len(self.text) - 1, 0)} {ofd.fmt(self.size)}"
        attrs = f' CTM="{self.ctm}"' if self.ctm else ""
        weight = ' Weight="700"' if self.bold else ""
        box = ofd.Box(self.x, self.y - self.size, max(len(self.text), 1) * self.size, 1.5 * self.size)
        return (f'<{p}TextObject ID="{oid}" Boundary="{box}" Font="1" Size="{ofd.fmt(self.size)}"{attrs}{weight}>'
                f'<{p}TextCode X="0" Y="{ofd.fmt(self.size)}" DeltaX="{deltas}">{escape(self.text)}</{p}TextCode>'
                f'</{p}TextObject>')


@dataclass
class Spec:
    pages: list[list[Text]]
    namespace: str | None = NS
    prefix: str = "ofd"
    template: list[Text] = field(default_factory=list)  # shown on every page as its TemplatePage
    wrap: str = ""  # "pageblock" | "composite": put each page's objects in one of those
    page_box: str = "0 0 210 297"
    signatures: int = 0
    extra_parts: dict[str, bytes] = field(default_factory=dict)
    creator: str = ""
    custom: list[tuple[str, str]] = field(default_factory=list)  # DocInfo CustomDatas


def build(spec: Spec) -> bytes:
    p = f"{spec.prefix}:" if spec.namespace and spec.prefix else ""
    decl = (f' xmlns:{spec.prefix}="{spec.namespace}"' if spec.prefix else f' xmlns="{spec.namespace}"') \
        if spec.namespace else ""
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    parts: dict[str, str] = {}
    signs = f"<{p}Signatures>/Doc_0/Signs/Signatures.xml</{p}Signatures>" if spec.signatures else ""
    parts["OFD.xml"] = (f'{head}<{p}OFD{decl} Version="1.0" DocType="OFD"><{p}DocBody><{p}DocInfo>'
                        f"<{p}DocID>0</{p}DocID><{p}Title>示例镇通报</{p}Title>{_info(spec, p)}</{p}DocInfo>"
                        f"<{p}DocRoot>Doc_0/Document.xml</{p}DocRoot>{signs}</{p}DocBody></{p}OFD>")
    tpl = f'<{p}TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/>' if spec.template else ""
    res = ""
    oid = 100
    pages_xml = ""
    for n, page in enumerate(spec.pages):
        body = ""
        for t in page:
            oid += 1
            body += t.xml(p, oid)
        if spec.wrap == "pageblock":
            body = f'<{p}PageBlock ID="{oid + 1}"><{p}PageBlock ID="{oid + 2}">{body}</{p}PageBlock></{p}PageBlock>'
            oid += 2
        elif spec.wrap == "composite":
            res += (f'<{p}CompositeGraphicUnit ID="{500 + n}" Width="210" Height="297">'
                    f"<{p}Content>{body}</{p}Content></{p}CompositeGraphicUnit>")
            body = f'<{p}CompositeObject ID="{oid + 1}" ResourceID="{500 + n}" Boundary="0 0 210 297"/>'
            oid += 1
        use = f'<{p}Template TemplateID="9"/>' if spec.template else ""
        parts[f"Doc_0/Pages/Page_{n}/Content.xml"] = (
            f"{head}<{p}Page{decl}>{use}<{p}Content><{p}Layer ID=\"{oid + 1}\">{body}"
            f"</{p}Layer></{p}Content></{p}Page>")
        oid += 1
        pages_xml += f'<{p}Page ID="{oid + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
        oid += 1
    if spec.template:
        body = "".join(t.xml(p, 900 + i) for i, t in enumerate(spec.template))
        parts["Doc_0/Tpls/Tpl_0/Content.xml"] = (f"{head}<{p}Page{decl}><{p}Content><{p}Layer ID=\"899\">{body}"
                                                  f"</{p}Layer></{p}Content></{p}Page>")
    units = f"<{p}CompositeGraphicUnits>{res}</{p}CompositeGraphicUnits>" if res else ""
    parts["Doc_0/PublicRes.xml"] = (f'{head}<{p}Res{decl} BaseLoc="Res"><{p}Fonts><{p}Font ID="1" FontName="仿宋" '
                                    f'FamilyName="仿宋"/></{p}Fonts>{units}</{p}Res>')
    parts["Doc_0/Document.xml"] = (f"{head}<{p}Document{decl}><{p}CommonData><{p}MaxUnitID>{oid + 1000}</{p}MaxUnitID>"
                                   f"<{p}PageArea><{p}PhysicalBox>{spec.page_box}</{p}PhysicalBox></{p}PageArea>"
                                   f"<{p}PublicRes>PublicRes.xml</{p}PublicRes>{tpl}</{p}CommonData>"
                                   f"<{p}Pages>{pages_xml}</{p}Pages></{p}Document>")
    if spec.signatures:
        sigs = "".join(f'<{p}Signature ID="{i + 1}" Type="Seal" BaseLoc="Sign_{i}/Signature.xml"/>'
                       for i in range(spec.signatures))
        parts["Doc_0/Signs/Signatures.xml"] = f"{head}<{p}Signatures{decl}>{sigs}</{p}Signatures>"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(name, text.encode("utf-8"))
        for name, data in spec.extra_parts.items():
            zf.writestr(name, data)
    return buffer.getvalue()


def _info(spec: Spec, p: str) -> str:
    creator = f"<{p}Creator>{escape(spec.creator)}</{p}Creator>" if spec.creator else ""
    custom = "".join(f'<{p}CustomData Name="{escape(n)}">{escape(v)}</{p}CustomData>' for n, v in spec.custom)
    return creator + (f"<{p}CustomDatas>{custom}</{p}CustomDatas>" if custom else "")


def from_pages(pages: list, width_mm: float = 210.0, height_mm: float = 297.0, creator: str = "",
               custom: list[tuple[str, str]] | None = None) -> bytes:
    """An OFD drawing the same glyphs at the same places: one TextObject per line (the last
    glyph apart when its weight differs), each glyph's left edge kept through DeltaX, its vertical
    centre kept through the baseline (content.py puts the centre 0.38 em above it)."""
    k = ofd.MM_PER_PT
    out: list[list[Text]] = []
    for page in pages:
        texts: list[Text] = []
        for line in page.lines:
            size = line.size * k
            groups = [(line.glyphs[:-1], line.first_bold), (line.glyphs[-1:], line.last_bold)] \
                if line.first_bold != line.last_bold and len(line.glyphs) > 1 else [(line.glyphs, line.first_bold)]
            for glyphs, bold in groups:
                if not glyphs:
                    continue
                first = glyphs[0]
                deltas = [(b.left - a.left) * k for a, b in itertools.pairwise(glyphs)]
                texts.append(Text(first.left * k, line.middle * k + 0.38 * size, "".join(g.ch for g in glyphs),
                                  size=size, deltas=ofd.compress_deltas(deltas), bold=bold))
        out.append(texts)
    return build(Spec(out, page_box=f"0 0 {ofd.fmt(width_mm)} {ofd.fmt(height_mm)}", creator=creator,
                      custom=custom or []))
