"""rectify_docx's entry point: the register hooks, apart from ``__init__`` (see docs/plugins.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .reader import DocxReader
from .writer import DocxWriter


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    register(DocxReader())
    register(DocxWriter())
