"""rectify-markdown: the hook rectify calls to learn what this plugin provides.

Keep this module cheap: rectify imports it to list formats, so the writer's work happens inside
``write`` and nothing heavy is imported here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .writer import MarkdownWriter

__version__ = "0.1.0"


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    register(MarkdownWriter())
