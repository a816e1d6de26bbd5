"""rectify's OFD format (GB/T 33190-2016): a reader of real OFD files and a GB/T 9704 writer.

``ofd`` holds what both share (namespace, part names, value syntax).  Heavy work (lxml parsing,
typesetting) is imported inside read/write only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .reader import OfdReader


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    from .writer import OfdWriter

    register(OfdReader())
    register(OfdWriter())
