"""Our own files read back from their visible paragraphs and styles: seeds, edits, furniture."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from .helpers import read, sample, seed_document, write


@pytest.mark.parametrize("number", ["000", "002"])
def test_seed_txt_to_docx_to_document_equals_the_txt_reading(number):
    doc = seed_document(number)
    data = write(doc)
    result = read(data)
    assert result.info["origin"] == "rectify"
    assert result.document == doc
    assert write(result.document) == data


def test_page_numbers_are_recorded_as_removed_furniture():
    result = read(write(sample()))
    assert [(r.text, r.reason) for r in result.removed] == [("— 1 —", "page footer")]


def _edit(data: bytes, part: str, change) -> bytes:
    """Rewrite one part of a docx as a person editing the file in Word might."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == part:
                body = change(body.decode("utf-8")).encode("utf-8")
            dst.writestr(info, body)
    return out.getvalue()


def test_runs_split_by_an_editor_still_give_one_span():
    data = write(sample())

    def split(xml: str) -> str:  # Word splits a run when one character is re-typed
        return xml.replace('<w:t xml:space="preserve">镇党委高度重视。</w:t>',
                           '<w:t xml:space="preserve">镇党委</w:t></w:r><w:r><w:t>高度重视。</w:t>', 1)

    assert read(_edit(data, "word/document.xml", split)).document == read(data).document


def test_tracked_deletions_and_hidden_text_are_not_read_but_hidden_text_is_recorded():
    data = write(sample())

    def edit(xml: str) -> str:
        return xml.replace(
            '<w:t xml:space="preserve">镇党委高度重视。</w:t></w:r>',
            '<w:t xml:space="preserve">镇党委高度重视。</w:t></w:r>'
            '<w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>'
            '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏的</w:t></w:r>', 1)

    result = read(_edit(data, "word/document.xml", edit))
    assert result.document == read(data).document
    assert ("隐藏的", "hidden text") in [(r.text, r.reason) for r in result.removed]


def test_a_paragraph_added_with_another_style_makes_the_file_foreign_but_loses_nothing():
    data = write(sample())

    def add(xml: str) -> str:
        return xml.replace("<w:sectPr>", "<w:p><w:r><w:t>附件：整改台账</w:t></w:r></w:p><w:sectPr>", 1)

    result = read(_edit(data, "word/document.xml", add))
    assert result.info["origin"] == "foreign"
    texts = re.sub(r"\s", "", str(result.document.to_dict()))
    assert "附件：整改台账" in texts and "镇党委高度重视。" in texts
