"""Strict Open XML documents (Word: Save As → "Strict Open XML Document") read like Transitional ones.

LibreOffice cannot write Strict, so the fixture is made the way Word's Strict files differ from
Transitional ones: the same parts with the namespace names and relationship types of ECMA-376
Part 1's Strict schemas (``http://purl.oclc.org/ooxml/…``) and ``w:conformance="strict"`` on the
document.  The table below is written from the standard, not taken from the reader's table.
"""

from __future__ import annotations

from rectify_core import api

from .foreign import direct_docx
from .helpers import seed_document, write
from .strict_fixture import to_strict


def test_our_own_docx_in_strict_reads_back_losslessly() -> None:
    doc = seed_document("002")
    transitional = write(doc)
    strict = api.read(to_strict(transitional), "docx")
    assert strict.document == api.read(transitional, "docx").document
    assert strict.info["ooxml"] == "strict"
    assert strict.info["origin"] == "rectify"


def test_a_word_file_with_automatic_numbering_in_strict_reads_like_transitional() -> None:
    transitional = direct_docx(seed_document("000"), numbered=True)
    strict = api.read(to_strict(transitional), "docx")
    want = api.read(transitional, "docx")
    assert strict.document == want.document
    assert len(strict.document.problems()) == len(want.document.problems()) > 0
