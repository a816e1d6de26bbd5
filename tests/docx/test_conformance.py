"""The conformance kit on docx: read(write(d)) == expected_visible(d) and byte-identical re-writes."""

from __future__ import annotations

from hypothesis import given

from rectify_core.model import Document
from rectify_core.testing import assert_roundtrip, documents


@given(documents())
def test_generated_documents_round_trip_and_rewrite_identically(doc: Document) -> None:
    assert_roundtrip("docx", doc)
