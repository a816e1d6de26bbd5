"""rectify's OCR: RapidOCR on ONNX Runtime as an engine, and a reader for page images.

Needs the ``ocr`` extra (``pip install 'rectify[ocr]'``): rapidocr's wheel carries the Chinese
detection and recognition models, so no model is fetched at run time.  Without it the engine and
the image reader still register (listing formats never imports them) and a scan is an input error
that names the extra.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .engine import RapidOcrEngine
from .reader import ImageReader


@hookimpl
def rectify_register_ocr_engines(register: Callable[[Any], None]) -> None:
    if RapidOcrEngine.available():
        register(RapidOcrEngine())


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    register(ImageReader())
