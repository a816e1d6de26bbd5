"""Foreign Word files (generated here) read into the structure the seeds have: every heading level right.

The reference is each seed as the txt reader reads it.  A foreign docx carries the same visible
paragraphs typed another way; reading it must give the same body tree — the same depth, marker
style, marker value and heading for every node (100 % heading-level accuracy) — and, where the
file shows the same characters, the same Document.
"""

from __future__ import annotations

import pytest
from rectify_docx.reader import foreign_blocks

from rectify_core.formats import Source
from rectify_core.model import Document, Node, replace

from .foreign import direct_docx, libreoffice, pandoc_docx, styled_docx
from .helpers import read, seed_document, structure, write

SEEDS = ["000", "002"]


def _standard_markers(doc: Document) -> Document:
    """The Document with every marker's verbatim text dropped (automatic numbering draws its own)."""
    def node(n: Node) -> Node:
        marker = replace(n.marker, text=None) if n.marker is not None else None
        return replace(n, marker=marker, children=tuple(node(c) for c in n.children))

    return replace(doc, body=tuple(node(n) for n in doc.body))


def _check(data: bytes, reference: Document, *, exact: bool = True) -> Document:
    result = read(data, "foreign.docx")
    assert result.info["origin"] == "foreign"
    got = result.document
    assert structure(got) == structure(reference)  # heading levels: 100 %
    if exact:
        assert got == reference
    return got


@pytest.mark.parametrize("number", SEEDS)
def test_direct_formatting_without_styles(number):
    doc = seed_document(number)
    _check(direct_docx(doc), doc)


@pytest.mark.parametrize("number", SEEDS)
def test_word_automatic_numbering_reads_as_the_markers_on_the_page(number):
    doc = seed_document(number)
    got = _check(direct_docx(doc, numbered=True), doc, exact=False)
    assert _standard_markers(got) == _standard_markers(doc)
    top = [n.marker.text for n in got.body if n.marker is not None]
    assert top[:3] == ["一、", "二、", "三、"]
    second = [c.marker.text for n in got.body for c in n.children if c.marker is not None]
    assert second and all(t.startswith("（") and t.endswith("）") for t in second)


@pytest.mark.parametrize("language", ["english", "chinese"])
@pytest.mark.parametrize("number", SEEDS)
def test_heading_styles_with_english_and_chinese_names(number, language):
    doc = seed_document(number)
    _check(styled_docx(doc, language=language), doc)


def test_block_hints_carry_style_names_outline_levels_bold_and_size():
    doc = seed_document("002")
    english = foreign_blocks(Source(styled_docx(doc, language="english"), "en.docx"))
    heading = next(b for b in english if b.text.startswith("一、"))
    assert (heading.style, heading.outline_level) == ("heading 1", 1)  # Word stores built-in names so
    chinese = foreign_blocks(Source(styled_docx(doc, language="chinese"), "zh.docx"))
    levels = {b.style: b.outline_level for b in chinese}
    assert levels["标题 1"] == 1 and levels["标题 2"] == 2 and levels["正文文本"] is None
    direct = foreign_blocks(Source(direct_docx(doc), "direct.docx"))
    title = next(b for b in direct if b.text == doc.title)
    assert (title.size, title.align, title.bold) == (22.0, "center", False)
    first = next(b for b in direct if b.text.startswith("一、"))
    assert first.bold is True and first.indent == 32.0


def test_disclosure_table_rows_come_as_cells_and_read_as_fields_with_no_colon_invented():
    doc = seed_document("002")
    blocks = foreign_blocks(Source(direct_docx(doc), "direct.docx"))
    assert blocks[0].cells == ("索 引 号", "3704063704060004/2023-00364") and blocks[0].table == 1
    result = read(direct_docx(doc))
    assert result.document.disclosure == doc.disclosure
    assert not [r for r in result.removed if r.reason == "label separator"]  # no "：" was there to remove


@pytest.mark.client
@pytest.mark.parametrize("number", SEEDS)
def test_docx_written_by_pandoc_from_markdown(number, tmp_path):
    doc = seed_document(number)
    _check(pandoc_docx(doc, tmp_path), doc)


@pytest.mark.client
def test_our_docx_saved_again_by_libreoffice_reads_the_same(tmp_path):
    doc = seed_document("002")
    resaved = libreoffice(write(doc), tmp_path, "docx")
    _check(resaved, doc)


@pytest.mark.client
def test_hand_typed_auto_numbered_docx_saved_by_libreoffice(tmp_path):
    doc = seed_document("002")
    resaved = libreoffice(direct_docx(doc, numbered=True), tmp_path, "docx", name="typed.docx")
    got = _check(resaved, doc, exact=False)
    assert _standard_markers(got) == _standard_markers(doc)
