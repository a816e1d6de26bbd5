"""Hostile and broken PDFs: each a clear RectifyError (exit 2 or 3), never a traceback or a hang.

The time and memory each takes are measured by bench/bench_pdf.py (no timed assertions here).
"""

from __future__ import annotations

import pytest

from rectify_core import api
from rectify_core.errors import InputError, RectifyError, SecurityError

from .fixtures import bomb_pdf, encrypted_pdf, many_pages_pdf, object_stream_bomb_pdf
from .helpers import read_pdf, seed_document


def test_ten_thousand_pages_are_refused_before_any_page_is_read() -> None:
    with pytest.raises(SecurityError, match="10,000 pages; limit max_pages=500") as err:
        read_pdf(many_pages_pdf(10_000))
    assert err.value.exit_code == 3 and err.value.file == "t.pdf"


def test_the_page_cap_is_an_option() -> None:
    data = many_pages_pdf(600)
    with pytest.raises(SecurityError, match="600 pages"):
        read_pdf(data)
    with pytest.raises(InputError, match="no text"):  # allowed through, then found empty
        api.read(data, "pdf", options={"max_pages": 1000})


@pytest.mark.parametrize("make", [bomb_pdf, object_stream_bomb_pdf], ids=["content stream", "object stream"])
def test_a_decompression_bomb_is_refused(make: object) -> None:
    with pytest.raises(SecurityError, match="decompression bomb"):
        read_pdf(make())  # type: ignore[operator]


def test_an_encrypted_pdf_asks_for_decryption() -> None:
    with pytest.raises(InputError, match="encrypted with a password"):
        read_pdf(encrypted_pdf(seed_document("000")))


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.95])
def test_a_truncated_pdf_is_an_error_not_a_partial_document(keep: float) -> None:
    data = api.write_bytes(seed_document("002"), "pdf")
    with pytest.raises(InputError, match="truncated"):
        read_pdf(data[: int(len(data) * keep)])


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n" + b"\x00" * 4000 + b"\n%%EOF\n",
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
    b"%PDF-1.4\n" + b"[" * 100_000 + b"\n%%EOF\n",
], ids=["zeros", "dangling pages", "deep nesting"])
def test_garbage_behind_a_pdf_header_is_an_input_error(data: bytes) -> None:
    with pytest.raises(RectifyError) as err:
        read_pdf(data)
    assert err.value.exit_code in (2, 3)


def test_a_time_cap_stops_a_slow_file_between_pages() -> None:
    data = api.write_bytes(seed_document("002"), "pdf")
    with pytest.raises(SecurityError, match=r"longer than 0\.001 s"):
        api.read(data, "pdf", options={"max_seconds": 0.001})
