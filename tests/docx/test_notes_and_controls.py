"""Footnotes, endnotes and content controls keep their text (issue 11 item 7).

The fixture is the fictional 示例镇 notice typed by hand (python-docx, direct formatting), to which
Word's parts are added the way Word writes them: a footnote cited in a problem's rectification
paragraph, an endnote cited in the closing, the separator notes Word always writes (never cited),
and content controls (w:sdt) around a paragraph and around a table row and cell.  Notes are read
after the text, before the signature, in citation order (docs/docx.md says why).
"""

from __future__ import annotations

import io
import zipfile

from rectify_core import api
from rectify_core.visible import flatten

from .foreign import direct_docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"
FOOTNOTE = "公开栏更新情况由镇纪委每季度抽查。"
ENDNOTE = "本通报所称“村”含社区。"
CITING = "已统一规范全镇公开栏设置"
CLOSING = "欢迎广大干部群众对巡察整改落实情况进行监督"


def _notes(kind: str, text: str) -> bytes:
    separators = "".join(
        f'<w:{kind} w:type="{t}" w:id="{i}"><w:p><w:r><w:{sep}/></w:r></w:p></w:{kind}>'
        for i, (t, sep) in enumerate((("separator", "separator"), ("continuationSeparator", "continuationSeparator")),
                                     start=-1))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{kind}s xmlns:w="{W_NS}">{separators}'
            f'<w:{kind} w:id="1"><w:p><w:pPr><w:pStyle w:val="{kind.capitalize()}Text"/></w:pPr>'
            f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{kind}></w:{kind}s>').encode()


def _cite(document: str, text: str, kind: str) -> str:
    """Add a reference to note 1 of ``kind`` at the end of the run holding ``text``."""
    at = document.index(text)
    end = document.index("</w:r>", at)
    ref = f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Reference w:id="1"/></w:r>'
    return document[:end + len("</w:r>")] + ref + document[end + len("</w:r>"):]


def _wrap_in_controls(document: str, paragraph: str) -> str:
    """Content controls around the first table's first row, its second cell, a paragraph and a run."""
    def sdt(inner: str) -> str:
        return f'<w:sdt><w:sdtPr><w:alias w:val="控件"/></w:sdtPr><w:sdtContent>{inner}</w:sdtContent></w:sdt>'

    start = document.index("<w:tr>") if "<w:tr>" in document else document.index("<w:tr ")
    end = document.index("</w:tr>", start) + len("</w:tr>")
    row = document[start:end]
    cells = row.split("<w:tc>")
    row = cells[0] + "<w:tc>" + cells[1] + sdt("<w:tc>" + "<w:tc>".join(cells[2:]).removesuffix("</w:tr>")) + "</w:tr>"
    document = document[:start] + sdt(row) + document[end:]
    p_start = max(document.rindex("<w:p>", 0, document.index(paragraph)),
                  document.rindex("<w:p ", 0, document.index(paragraph)) if "<w:p " in document else -1)
    p_end = document.index("</w:p>", p_start) + len("</w:p>")
    return document[:p_start] + sdt(document[p_start:p_end]) + document[p_end:]


def with_notes_and_controls(data: bytes, cite: tuple[str, str] = (CITING, CLOSING)) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "word/document.xml":
                text = part.decode()
                text = _cite(_cite(text, cite[0], "footnote"), cite[1], "endnote")
                part = _wrap_in_controls(text, cite[1]).encode()
            elif info.filename == "word/_rels/document.xml.rels":
                part = part.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdFn" Type="{REL}/footnotes" Target="footnotes.xml"/>'
                    f'<Relationship Id="rIdEn" Type="{REL}/endnotes" Target="endnotes.xml"/></Relationships>').encode())
            elif info.filename == "[Content_Types].xml":
                part = part.replace(b"</Types>", (
                    f'<Override PartName="/word/footnotes.xml" ContentType="{CT}.footnotes+xml"/>'
                    f'<Override PartName="/word/endnotes.xml" ContentType="{CT}.endnotes+xml"/></Types>').encode())
            dst.writestr(info.filename, part)
        dst.writestr("word/footnotes.xml", _notes("footnote", FOOTNOTE))
        dst.writestr("word/endnotes.xml", _notes("endnote", ENDNOTE))
    return out.getvalue()


def _texts(data: bytes) -> list[str]:
    return [p.text for p in flatten(api.read(data, "docx").document)]


def test_notes_come_before_the_signature_and_controls_are_transparent() -> None:
    plain = direct_docx(api.read_document("examples/shili-zhen.json"))
    texts = _texts(with_notes_and_controls(plain))
    # in citation order, after the text and before 落款 and date (docs/docx.md)
    assert texts[-4:] == [FOOTNOTE, ENDNOTE, "中共示例镇委员会", "2026年6月18日"]
    # nothing else moved or went missing: the plain file's text, in order, with the notes added
    assert texts[:-4] + texts[-2:] == _texts(plain)


def test_notes_keep_the_problems_statuses_and_signature() -> None:
    plain = direct_docx(api.read_document("examples/shili-zhen.json"))
    with_notes = api.inspect(api.read(with_notes_and_controls(plain), "docx"))
    without = api.inspect(api.read(plain, "docx"))
    for fact in ("statuses", "problems", "issuer", "date", "title"):
        assert with_notes[fact] == without[fact]
    assert with_notes["problems"] == 6 and with_notes["issuer"] == "中共示例镇委员会"


def test_a_note_cited_in_a_table_cell_and_a_control_around_a_row_keep_their_text() -> None:
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_paragraph("中共示例镇委员会关于巡察整改进展情况的通报")
    table = word.add_table(rows=2, cols=2)
    for r, row in enumerate((("序号", "内容"), ("1", "村务公开栏已更新"))):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    buf = io.BytesIO()
    word.save(buf)
    data = with_notes_and_controls(buf.getvalue(), cite=("村务公开栏已更新", "中共示例镇委员会关于"))
    texts = "\n".join(_texts(data))
    for text in ("序号", "内容", "村务公开栏已更新", FOOTNOTE, ENDNOTE):  # (number cells: item 1, tables)
        assert text in texts
