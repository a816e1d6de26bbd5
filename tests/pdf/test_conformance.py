"""The conformance kit on PDF, a lossy format, against expectations computed without the recognizer.

On *any* generated Document, the PDF reader must extract exactly the paragraphs the writer laid out
(``expected.expected_blocks``: the visible paragraphs with their page, weight, size, alignment
and indent) — every character and space back, in order, paragraphs rebuilt from line geometry,
page numbers gone: all that is PDF's job, on documents no notice would ever contain.  What the
recognizer then makes of arbitrary text is not PDF's promise (a closing paragraph "0" reads as a
page number).  On Documents shaped like the genre (tests/txt/strategies.py, the ones txt
round-trips) the full kit holds, fixpoint included, and PDF gives exactly what txt gives:
``PdfWriter.expected(d) = expected_visible(d)``.
Examples: the profile's count (200 in CI) — a PDF round trip costs about 10 ms.
"""

from __future__ import annotations

import io

from hypothesis import given
from rectify_pdf.expected import expected_blocks
from rectify_pdf.reader import read_blocks
from rectify_pdf.writer import render

from rectify_core.formats import Source
from rectify_core.model import Document
from rectify_core.plugins import get_registry
from rectify_core.reading import new_report
from rectify_core.recognize.blocks import Block
from rectify_core.testing import assert_roundtrip, documents
from rectify_core.visible import expected_visible

from ..txt.strategies import txt_documents
from .helpers import blocks_han, visible_han


def _shape(block: Block) -> tuple[object, ...]:
    return (block.text, block.page, block.bold, block.size, block.align, block.indent)


@given(documents())
def test_the_reader_extracts_exactly_the_paragraphs_the_writer_laid_out(doc: Document) -> None:
    data = render(doc)
    got = read_blocks(Source(data, "<pdf>"), {}, new_report("<pdf>"))
    assert [_shape(b) for b in got] == [_shape(b) for b in expected_blocks(doc)]


@given(documents())
def test_the_same_document_gives_the_same_bytes_and_every_ideograph_back(doc: Document) -> None:
    writer = get_registry().writer("pdf")
    first, second = io.BytesIO(), io.BytesIO()
    writer.write(doc, first, {})
    writer.write(doc, second, {})
    assert first.getvalue() == second.getvalue()
    assert blocks_han(first.getvalue()) == visible_han(doc)


@given(txt_documents())
def test_genre_shaped_documents_round_trip_like_text_with_identical_rewrites(doc: Document) -> None:
    result = assert_roundtrip("pdf", doc)
    assert result.document == expected_visible(doc)
