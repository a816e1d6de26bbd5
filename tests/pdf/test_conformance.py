"""The conformance kit on PDF, a lossy format: read(write(d)) == PdfWriter.expected(d).

``expected`` runs the recognizer on the visible paragraphs of ``d`` with the writer's own layout
hints, without making a PDF (see plugins/rectify_pdf/expected.py and docs/pdf.md), so this checks
all that is PDF's job — every character and space back, in order, paragraphs rebuilt from line
geometry, page numbers gone — on documents no notice would ever contain.

On any generated Document the kit's second check — writing the *read-back* Document gives the same
bytes — is left out (``deterministic=False``): it needs the recognizer to place every paragraph
where it stood, which it does not promise for arbitrary text (a closing paragraph "0" reads as a
page number).  On Documents shaped like the genre (tests/txt/strategies.py, the ones txt round-trips)
the full kit holds, fixpoint included, and PDF gives exactly what txt gives: expected_visible(d).
Examples: the profile's count (200 in CI) — a PDF round trip costs about 10 ms.
"""

from __future__ import annotations

import io

from hypothesis import given

from rectify_core.model import Document
from rectify_core.plugins import get_registry
from rectify_core.testing import assert_roundtrip, documents
from rectify_core.visible import expected_visible

from ..txt.strategies import txt_documents
from .helpers import blocks_han, visible_han


@given(documents())
def test_generated_documents_read_back_as_expected(doc: Document) -> None:
    assert_roundtrip("pdf", doc, deterministic=False)


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
