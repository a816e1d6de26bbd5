"""Shared helpers of the PDF tests: seeds read from text, Han characters in order, glyph lines."""

from __future__ import annotations

import functools
import re

from rectify_pdf.extract import PageText, extract
from rectify_pdf.guard import Limits
from rectify_pdf.reader import read_blocks

from rectify_core import api
from rectify_core.formats import ReadResult, Source
from rectify_core.model import Document
from rectify_core.reading import new_report
from rectify_core.visible import flatten

from ..corpus import seed

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@functools.cache
def seed_document(number: str) -> Document:
    """A seed as the txt reader reads it: the Document every PDF of it must read back to."""
    return api.read(seed(number), "txt").document


def han(text: str) -> str:
    """The CJK ideographs of ``text``, in order."""
    return "".join(_HAN.findall(text))


def visible_han(doc: Document) -> str:
    """Every CJK ideograph the Document shows, in reading order."""
    return han("".join(p.text for p in flatten(doc)))


def blocks_han(data: bytes) -> str:
    """The CJK ideographs of every paragraph the PDF reader builds, before any recognition."""
    return han("".join(b.text for b in read_blocks(Source(data, "t.pdf"), {}, new_report("t.pdf"))))


def pages(data: bytes) -> list[PageText]:
    return extract(data, "t.pdf", Limits())


def read_pdf(data: bytes) -> ReadResult:
    return api.read(data, "pdf", name="t.pdf")
