"""rectify's own PDF of real notices reads back to the very Document it was written from.

For a notice the recognizer understands, PDF loses nothing: read(write(d)) == d, and writing the
read-back Document gives the same bytes again (the fixpoint the conformance kit asks of every
format, which for PDF holds on real notices — see test_conformance.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rectify_core import api
from rectify_core.model import Document
from rectify_core.plugins import get_registry

from .helpers import blocks_han, read_pdf, seed_document, visible_han

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "shili-zhen.json"


def _documents() -> dict[str, Document]:
    return {"000": seed_document("000"), "002": seed_document("002")}


@pytest.mark.parametrize("number", ["000", "002"])
def test_a_seed_reads_back_exactly_and_rewrites_identically(number: str) -> None:
    doc = _documents()[number]
    data = api.write_bytes(doc, "pdf")
    result = read_pdf(data)
    assert result.document == doc
    assert api.write_bytes(result.document, "pdf") == data
    assert blocks_han(data) == visible_han(doc)
    assert result.info["pages"] == len([r for r in result.removed if r.reason == "page number"])


def test_the_example_notice_reads_back_as_its_text_does() -> None:
    """The example was generated from data: verbatim forms are completed, as in every visible format."""
    doc = Document.from_dict(json.loads(EXAMPLE.read_text("utf-8")))
    result = read_pdf(api.write_bytes(doc, "pdf"))
    as_text = api.read(api.write_bytes(doc, "txt"), "txt").document
    assert result.document == as_text == get_registry().writer("pdf").expected(doc)
