"""The GB/T 9704 writer: page figures, fonts per role, named styles, footers, determinism, options."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rectify_docx.write_profile import CHARS, GEOMETRY, LINES, PAGE_H, PAGE_W, TWIPS_PER_MM
from rectify_docx.writer import _signature_indents

from rectify_core.errors import UsageError
from rectify_core.model import replace
from rectify_core.visible import Para, Span, expected_visible, flatten

from .helpers import NS, W, part, read, sample, style, write

MM = TWIPS_PER_MM


def test_geometry_is_computed_from_the_standard():
    g = GEOMETRY
    assert (PAGE_W, PAGE_H) == (11906, 16838)  # A4
    assert abs(g.left / MM - 28) < 0.05 and abs(g.right / MM - 26) < 0.1
    assert g.char_advance == 320 + g.char_spacing  # 3号 is 16 pt in Word
    assert CHARS * g.char_advance <= g.type_width < (CHARS + 1) * g.char_advance  # 28 characters fit, 29 do not
    assert abs(CHARS * g.char_cell - g.type_width) <= CHARS / 2  # one 字 is the 版心 width / 28
    assert LINES * g.line_pitch <= PAGE_H - g.top - g.bottom < (LINES + 1) * g.line_pitch  # 22 lines, not 23
    span = (LINES - 1) * g.line_pitch + 320  # first glyph top to last glyph bottom
    assert abs(span / MM - 225) < 0.5
    first_glyph_top = g.top + g.line_pitch - 320  # exact spacing puts the leading above the glyph
    assert abs(first_glyph_top / MM - 37) < 1.0
    cell_pt = 16 + g.grid_char_space / 4096  # Word's character grid: 28 cells fill the type width
    assert abs(CHARS * cell_pt * 20 - g.type_width) < 10


def test_section_declares_a4_margins_and_the_line_and_character_grid():
    sect = part(write(sample()), "word/document.xml").find("w:body/w:sectPr", NS)
    size, margins, grid = (sect.find(f"w:{t}", NS) for t in ("pgSz", "pgMar", "docGrid"))
    assert (size.get(f"{W}w"), size.get(f"{W}h")) == ("11906", "16838")
    assert int(margins.get(f"{W}left")) == GEOMETRY.left and int(margins.get(f"{W}top")) == GEOMETRY.top
    assert grid.get(f"{W}type") == "linesAndChars"
    assert grid.get(f"{W}linePitch") == str(GEOMETRY.line_pitch)
    assert grid.get(f"{W}charSpace") == str(GEOMETRY.grid_char_space)
    refs = {r.get(f"{W}type") for r in sect.findall("w:footerReference", NS)}
    assert refs == {"default", "even"}


def _fonts(styles, style_id):
    rpr = style(styles, style_id).find("w:rPr", NS)
    fonts = rpr.find("w:rFonts", NS)
    size = rpr.find("w:sz", NS)
    points = int(size.get(f"{W}val")) / 2 if size is not None else None
    return {k.split("}")[1]: v for k, v in fonts.attrib.items()}, points


def test_fonts_per_role_in_styles_xml():
    styles = part(write(sample()), "word/styles.xml")
    expected = {
        "RectifyTitle": ("方正小标宋简体", 22), "RectifyHeading1": ("黑体", 16), "RectifyHeading2": ("楷体_GB2312", 16),
        "RectifyHeading3": ("仿宋_GB2312", 16), "RectifyHeading4": ("仿宋_GB2312", 16), "Normal": ("仿宋_GB2312", 16),
    }
    for sid, (east, size) in expected.items():
        fonts, got_size = _fonts(styles, sid)
        assert fonts["eastAsia"] == east and got_size == size, sid
        assert fonts["ascii"] == fonts["hAnsi"] == "Times New Roman" and fonts["hint"] == "eastAsia"
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(f"{W}eastAsia") == "zh-CN"
    body = style(styles, "Normal").find("w:pPr", NS)
    assert body.find("w:spacing", NS).get(f"{W}line") == str(GEOMETRY.line_pitch)
    assert body.find("w:spacing", NS).get(f"{W}lineRule") == "exact"
    indent = style(styles, "RectifyPreamble").find("w:pPr/w:ind", NS)
    assert int(indent.get(f"{W}firstLine")) == 2 * GEOMETRY.char_cell  # two characters


def test_every_role_has_a_named_style_and_headings_have_outline_levels():
    data = write(sample())
    styles = part(data, "word/styles.xml")
    names = {s.find("w:name", NS).get(f"{W}val") for s in styles.findall("w:style", NS)}
    assert {"标题", "副标题", "导语", "一级标题", "二级标题", "三级标题", "四级标题", "问题", "整改情况", "整改状态",
            "落款", "日期", "公开信息"} <= names
    for depth in (1, 2, 3, 4):
        ours = style(styles, f"RectifyHeading{depth}")
        assert ours.find("w:pPr/w:outlineLvl", NS).get(f"{W}val") == str(depth - 1)
        assert ours.find("w:basedOn", NS).get(f"{W}val") == f"Heading{depth}"
        assert style(styles, f"Heading{depth}").find("w:name", NS).get(f"{W}val") == f"heading {depth}"
    used = {p.get(f"{W}val") for p in part(data, "word/document.xml").iter(f"{W}pStyle")}
    assert used <= {s.get(f"{W}styleId") for s in styles.findall("w:style", NS)}


def test_one_paragraph_per_visible_paragraph_one_run_per_span():
    doc = sample()
    body = part(write(doc), "word/document.xml").find("w:body", NS)
    paras = [p for p in body.findall("w:p", NS)]
    visible = [p for p in flatten(doc) if p.role != "disclosure"]
    assert len(paras) == len(visible)
    for p, para in zip(paras, visible, strict=True):
        runs = p.findall("w:r", NS)
        assert len(runs) == len(para.spans)
        assert "".join(t.text for t in p.iter(f"{W}t")) == para.text
    assert body.find("w:tbl", NS) is None  # the 政务公开 list is not on the page …
    cover = part(write(doc, disclosure="cover"), "word/document.xml").find("w:body", NS)
    rows = cover.find("w:tbl", NS).findall("w:tr", NS)
    assert len(rows) == 2  # … unless disclosure=cover: the disclosure table, a row per field


def test_the_disclosure_list_is_in_the_custom_document_properties_and_reads_back():
    """Issue 18: docProps/custom.xml (Word/WPS: File → Properties → Custom), one property per
    field in order, and the reader takes the list from there; the title is page 1's first line."""

    doc = sample()
    data = write(doc)
    props = part(data, "docProps/custom.xml")
    named = [(p.get("name"), "".join(p.itertext())) for p in props]
    assert named[:-1] == [(f.label, f.value or "") for f in doc.disclosure]
    assert named[-1][0] == "RectifyDisclosure"
    types = part(data, "[Content_Types].xml")
    assert any(o.get("PartName") == "/docProps/custom.xml" for o in types)
    body = part(data, "word/document.xml").find("w:body", NS)
    assert "".join(t.text for t in body.find("w:p", NS).iter(f"{W}t")) == doc.title
    back = read(data).document
    assert back.disclosure == expected_visible(doc).disclosure
    assert read(write(doc, disclosure="cover")).document == back


def test_footers_show_the_page_number_with_dashes_odd_right_even_left():
    data = write(sample())
    settings = part(data, "word/settings.xml")
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    for name, jc, side in (("word/footer1.xml", "right", "right"), ("word/footer2.xml", "left", "left")):
        footer = part(data, name)
        ppr = footer.find("w:p/w:pPr", NS)
        assert ppr.find("w:jc", NS).get(f"{W}val") == jc
        assert int(ppr.find("w:ind", NS).get(f"{W}{side}")) == GEOMETRY.char_cell  # one character in
        assert "PAGE" in "".join(t.text for t in footer.iter(f"{W}instrText"))
        texts = [t.text for t in footer.iter(f"{W}t")]
        assert texts[0] == "— " and texts[-1] == " —"
    page_style = style(part(data, "word/styles.xml"), "RectifyPageNumber")
    assert page_style.find("w:rPr/w:rFonts", NS).get(f"{W}eastAsia") == "宋体"
    assert page_style.find("w:rPr/w:sz", NS).get(f"{W}val") == "28"  # 4号


def test_signature_follows_the_no_seal_rule():
    # 8-character issuer, date 7 字 wide (digits are half width): the date keeps 2 字, the name moves left.
    paras = [Para("issuer", (Span("text", "中共徐庄镇委员会"),)), Para("date", (Span("text", "2023年10月26日"),))]
    assert _signature_indents(paras) == {"issuer": 3.0, "date": 2.0}
    # A long name: the name keeps 2 字 and the date starts 2 字 right of the name's first character.
    paras[0] = Para("issuer", (Span("text", "中共示例县示例镇委员会办公室"),))
    indents = _signature_indents(paras)
    assert indents["issuer"] == 2.0 and indents["date"] == 14 - 7
    body = part(write(sample()), "word/document.xml").find("w:body", NS)
    issuer = body.findall("w:p", NS)[-2]
    assert issuer.find("w:pPr/w:spacing", NS).get(f"{W}before") == str(GEOMETRY.line_pitch)  # a blank line above


def test_output_is_deterministic_and_discloses_no_one():
    doc = sample()
    first, second = write(doc), write(doc)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos][:6] == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml",
                                                   "docProps/app.xml", "docProps/custom.xml", "word/document.xml"]
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        everything = b"".join(zf.read(i) for i in infos)
    assert b"rsid" not in everything
    settings = part(first, "word/settings.xml")
    assert settings.find("w:removePersonalInformation", NS) is not None  # Word keeps it so on save
    core = part(first, "docProps/core.xml")
    tags = {el.tag.split("}")[1] for el in core}
    assert not tags & {"creator", "lastModifiedBy", "revision", "lastPrinted"}
    assert core.findtext("{http://purl.org/dc/terms/}created") == "2024-03-05T00:00:00Z"  # the 成文日期


def test_font_profile_option_overrides_names():
    data = write(sample(), font_profile={"heading1": "方正黑体_GBK", "latin": "Arial"})
    styles = part(data, "word/styles.xml")
    fonts, _ = _fonts(styles, "RectifyHeading1")
    assert fonts["eastAsia"] == "方正黑体_GBK" and fonts["ascii"] == "Arial"
    assert part(data, "word/fontTable.xml").find("w:font[@w:name='方正黑体_GBK']", NS) is not None
    as_json = write(sample(), font_profile='{"title": "华文中宋"}')  # the command line's -O form
    assert _fonts(part(as_json, "word/styles.xml"), "RectifyTitle")[0]["eastAsia"] == "华文中宋"
    with pytest.raises(UsageError, match="unknown font_profile roles"):
        write(sample(), font_profile={"footnote": "宋体"})


def test_reference_docx_styles_replace_ours_and_the_file_still_reads_back(tmp_path):
    template = tmp_path / "template.docx"
    template.write_bytes(write(sample(), font_profile={"title": "华文中宋", "body": "宋体"}))
    doc = replace(sample(), title="另一份通报")
    data = write(doc, reference_docx=str(template))
    styles = part(data, "word/styles.xml")
    assert _fonts(styles, "RectifyTitle")[0]["eastAsia"] == "华文中宋"
    assert _fonts(styles, "Normal")[0]["eastAsia"] == "宋体"
    assert read(data).document == read(write(doc)).document


def test_reference_docx_matched_by_style_name(tmp_path):
    import docx

    template = docx.Document()
    custom = template.styles.add_style("标题", 1)  # a user's own 标题 style, another id
    custom.font.size = docx.shared.Pt(26)
    path = tmp_path / "named.docx"
    template.save(str(path))
    data = write(sample(), reference_docx=str(path))
    title = style(part(data, "word/styles.xml"), "RectifyTitle")
    assert title.find("w:rPr/w:sz", NS).get(f"{W}val") == "52"
    assert read(data).info["origin"] == "rectify"


def test_a_missing_reference_docx_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="reference docx"):
        write(sample(), reference_docx=str(tmp_path / "absent.docx"))
    (tmp_path / "bad.docx").write_bytes(b"not a zip")
    with pytest.raises(UsageError, match="reference docx"):
        write(sample(), reference_docx=str(tmp_path / "bad.docx"))


@given(st.lists(st.text(max_size=12), max_size=8))
def test_the_disclosure_index_is_the_json_of_the_names(names):
    """metadata.index_value writes with json's C string encoder alone: the same text as json.dumps."""
    import json

    from rectify_core import metadata

    pairs = [(name, "value") for name in names]
    assert metadata.index_value(pairs) == json.dumps(names, ensure_ascii=False)
    assert json.loads(metadata.index_value(pairs)) == names
