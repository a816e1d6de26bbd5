"""rectify_json's entry point: the register hooks, apart from ``__init__`` (see docs/plugins.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .reader import JsonReader
from .writer import JsonWriter


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    register(JsonReader())
    register(JsonWriter())
