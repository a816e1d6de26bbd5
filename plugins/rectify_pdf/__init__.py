"""rectify's PDF format: a GB/T 9704 writer (reportlab) and a reader for real Chinese PDFs (pdfium).

Both classes are cheap to import; reportlab and pypdfium2 are imported inside read/write only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .reader import PdfReader
from .writer import PdfWriter


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    register(PdfReader())
    register(PdfWriter())
