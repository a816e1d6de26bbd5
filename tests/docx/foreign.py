"""Foreign Word files generated in the tests, the way people and other tools make them.

Each generator takes a Document (usually a seed as the txt reader reads it) and types its visible
paragraphs into a docx by other means than our writer: python-docx with direct formatting only,
built-in styles with English or Chinese names, Word's automatic numbering for 一、 and （一）,
pandoc from Markdown, and LibreOffice re-saving.  Nothing here is committed as a binary.
"""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from typing import Any

from lxml import etree

from rectify_core.model import Document
from rectify_core.visible import Para, flatten

from ..clients import require_client

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# Word's automatic numbering as Chinese offices set it up: 一、 （一） 1. （1）, no tab after the number.
NUMBERING_LEVELS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."),
                    ("decimal", "（%4）"))
NUM_ID = "77"


def _qn(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _fonts(run: Any, east: str, size: float, bold: bool = False) -> None:
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = "Times New Roman"
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(_qn("eastAsia"), east)


def add_numbering(document: Any) -> None:
    """An abstract list with the four GB/T 9704 levels, and a w:num pointing at it."""
    numbering = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for i, (fmt, text) in enumerate(NUMBERING_LEVELS)
    )
    abstract = etree.fromstring(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{NUM_ID}">'
                                f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>')
    numbering.insert(0, abstract)
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{W_NS}" w:numId="{NUM_ID}">'
                                      f'<w:abstractNumId w:val="{NUM_ID}"/></w:num>'))


def _number(paragraph: Any, ilvl: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = etree.SubElement(ppr, _qn("numPr"))
    etree.SubElement(numpr, _qn("ilvl")).set(_qn("val"), str(ilvl))
    etree.SubElement(numpr, _qn("numId")).set(_qn("val"), NUM_ID)


_ROLE_LOOK = {  # role → (East Asian font, size, bold, alignment)
    "title": ("方正小标宋简体", 22, False, "center"),
    "subtitle": ("楷体_GB2312", 16, False, "center"),
    "issuer": ("仿宋_GB2312", 16, False, "right"),
    "date": ("仿宋_GB2312", 16, False, "right"),
}
_DEPTH_LOOK = {1: ("黑体", True), 2: ("楷体_GB2312", True)}


def direct_docx(doc: Document, *, numbered: bool = False) -> bytes:
    """Typed by hand: every paragraph in Normal, fonts and sizes set on the runs, alignment on the
    paragraph; with ``numbered``, 一、 and （一） come from Word's automatic numbering, not the text."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    if numbered:
        add_numbering(document)
    align = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
    paras = flatten(doc)
    disclosure = [p for p in paras if p.role == "disclosure"]
    if disclosure:
        table = document.add_table(rows=len(disclosure), cols=2)
        for row, para in zip(table.rows, disclosure, strict=True):
            row.cells[0].text = para.get("label") or ""
            row.cells[1].text = para.get("value") or ""
    for para in paras:
        if para.role == "disclosure":
            continue
        p = document.add_paragraph()
        east, size, bold, where = _ROLE_LOOK.get(para.role, ("仿宋_GB2312", 16, False, None))
        text = para.text
        if para.role == "node" and para.depth in _DEPTH_LOOK:
            east, bold = _DEPTH_LOOK[para.depth]
            marker = para.get("marker")
            if numbered and marker is not None:
                _number(p, para.depth - 1)
                text = text[len(marker):]
        if where:
            p.alignment = align[where]
        else:
            p.paragraph_format.first_line_indent = Pt(32)
        _fonts(p.add_run(text), east, size, bold)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def styled_docx(doc: Document, *, language: str) -> bytes:
    """Headings in heading styles, body in the normal style; style names in English or Chinese.

    English uses python-docx's built-in Heading 1–4 and Title.  Chinese defines its own styles named
    标题 1 … 标题 4, 标题 and 正文文本 (as WPS shows them), with no outline level: only the name
    says what they are.
    """
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    names = {"title": "Title", "body": "Normal", **{f"h{d}": f"Heading {d}" for d in range(1, 5)}}
    if language == "chinese":
        names = {"title": "标题", "body": "正文文本", **{f"h{d}": f"标题 {d}" for d in range(1, 5)}}
        for name in names.values():
            document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    for para in flatten(doc):
        if para.role == "node":
            key = f"h{min(para.depth, 4)}"
        elif para.role == "title":
            key = "title"
        else:
            key = "body"
        document.add_paragraph(_line(para), style=names[key])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~^$@%&:;\"'/=?,])")


def _line(para: Para) -> str:
    """A paragraph as typed; a 政务公开 field as the "label：value" line web pages show."""
    if para.role == "disclosure":
        return f"{para.get('label')}：{para.get('value') or ''}"
    return para.text


def markdown(doc: Document) -> str:
    """The Document as Markdown: node lines as ATX headings (#× depth), every ASCII mark escaped."""
    blocks = []
    for para in flatten(doc):
        text = _MD_SPECIAL.sub(r"\\\1", _line(para))
        if para.role == "node":
            text = "#" * min(para.depth, 6) + " " + text
        blocks.append(text)
    return "\n\n".join(blocks) + "\n"


def pandoc_docx(doc: Document, folder: Path) -> bytes:
    pandoc = require_client("pandoc")
    source = folder / "notice.md"
    target = folder / "notice-pandoc.docx"
    source.write_text(markdown(doc), encoding="utf-8")  # -smart: pandoc would re-pair the ‘’ quotes
    subprocess.run([pandoc, "-f", "markdown-smart", "-t", "docx", "-o", str(target), str(source)], check=True,
                   capture_output=True, timeout=120)
    return target.read_bytes()


def libreoffice(data: bytes, folder: Path, target: str, name: str = "in.docx") -> bytes:
    """Let LibreOffice open a docx and save it as ``target`` (``docx`` or ``pdf``)."""
    soffice = require_client("soffice")
    source = folder / name
    source.write_bytes(data)
    out = folder / f"lo-{target}"
    out.mkdir(exist_ok=True)
    profile = folder / "lo-profile"
    done = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "docx:MS Word 2007 XML" if target == "docx" else target, "--outdir", str(out), str(source)],
        capture_output=True, timeout=300)
    result = out / (source.stem + "." + target)
    assert done.returncode == 0 and result.exists(), done.stderr.decode("utf-8", "replace")
    return result.read_bytes()


def headings_of(paras: list[Para]) -> list[int]:
    return [p.depth for p in paras if p.role == "node"]


__all__ = ["add_numbering", "direct_docx", "headings_of", "libreoffice", "markdown", "pandoc_docx", "styled_docx"]
