"""rectify's HTML format: an accessible disclosure page, and a reader for it and for government web pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .reader import HtmlReader
from .writer import HtmlWriter


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    register(HtmlReader())
    register(HtmlWriter())
