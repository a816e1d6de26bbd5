"""rectify_ocr's entry point: the register hooks, apart from ``__init__`` (see docs/plugins.md)."""

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
